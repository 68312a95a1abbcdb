"""Pages under the language prefix (``/ar/…``) that belong to no single domain app."""

from django.urls import URLPattern, URLResolver, path

from committee.site import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("data/", views.open_data, name="open-data"),
]
