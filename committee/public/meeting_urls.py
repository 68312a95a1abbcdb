from django.urls import URLPattern, URLResolver, path

from committee.public import meetings as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.meeting_list, name="meeting-list"),
    path("<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("<int:pk>/minutes/", views.meeting_minutes, name="meeting-minutes"),
    path("<int:pk>/report/", views.meeting_report, name="meeting-report"),
    path("<int:pk>/report.pdf", views.meeting_report_pdf, name="meeting-report-pdf"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="meeting-document",
    ),
]
