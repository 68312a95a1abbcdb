from django.urls import URLPattern, URLResolver, path

from committee.site import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
]
