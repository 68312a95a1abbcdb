from django.urls import URLPattern, URLResolver, path

from committee.public import sources as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:pk>/", views.source_detail, name="source-detail"),
]
