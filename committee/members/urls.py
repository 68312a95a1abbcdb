"""The members' area, under ``/me/`` (and a language prefix)."""

from django.urls import URLPattern, URLResolver, path

from committee.members import decisions, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.me, name="me"),
    path(
        "recommendations/<text:reference>/",
        views.recommendation,
        name="member-recommendation",
    ),
    path(
        "recommendations/<text:reference>/progress/",
        views.progress_create,
        name="progress-create",
    ),
    path(
        "recommendations/<text:reference>/status/",
        views.status_propose,
        name="status-propose",
    ),
    path("progress/<int:pk>/", views.progress_edit, name="progress-edit"),
    path("progress/<int:pk>/publish/", views.progress_publish, name="progress-publish"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("status-changes/<int:pk>/", decisions.status_decide, name="status-decide"),
    path(
        "publication/<text:kind>/<int:pk>/",
        views.publication_propose,
        name="publication-propose",
    ),
    path(
        "publication-requests/<int:pk>/",
        decisions.publication_decide,
        name="publication-decide",
    ),
]
