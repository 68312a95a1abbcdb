from django.urls import URLPattern, URLResolver, path

from committee.subcommittees import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.body_list, name="body-list"),
    path("<int:pk>/", views.body_detail, name="body-detail"),
]
