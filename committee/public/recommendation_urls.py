from django.urls import URLPattern, URLResolver, path

from committee.public import recommendations as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.recommendation_list, name="recommendation-list"),
    path("download.csv", views.recommendation_list_csv, name="recommendation-list-csv"),
    path("download.json", views.recommendation_list_json, name="recommendation-list-json"),
    path("<text:reference>/", views.recommendation_detail, name="recommendation-detail"),
]
