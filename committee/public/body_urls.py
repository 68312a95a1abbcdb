from django.urls import URLPattern, URLResolver, path

from committee.public import bodies as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.body_list, name="body-list"),
    path("<int:pk>/", views.body_detail, name="body-detail"),
]
