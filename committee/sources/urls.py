from django.urls import URLPattern, URLResolver, path

from committee.sources import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:pk>/", views.source_detail, name="source-detail"),
]
