from django.urls import URLPattern, URLResolver, path

from committee.public import people as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("people/", views.person_list, name="person-list"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization-detail"),
]
