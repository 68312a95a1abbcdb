"""The public site's pages, under the language prefix (``/ar/…``)."""

from django.urls import URLPattern, URLResolver, include, path

from committee.public import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("data/", views.open_data, name="open-data"),
    path("meetings/", include("committee.public.meeting_urls")),
    path("bodies/", include("committee.public.body_urls")),
    path("recommendations/", include("committee.public.recommendation_urls")),
    path("", include("committee.public.people_urls")),
    path("", include("committee.public.agreement_urls")),
    path("sources/", include("committee.public.source_urls")),
]
