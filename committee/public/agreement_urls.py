from django.urls import URLPattern, URLResolver, path

from committee.public import agreements as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("mechanisms/<int:pk>/", views.mechanism_detail, name="mechanism-detail"),
]
