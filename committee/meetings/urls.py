from django.urls import URLPattern, URLResolver, path

from committee.meetings import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.meeting_list, name="meeting-list"),
    path("<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="meeting-document",
    ),
]
