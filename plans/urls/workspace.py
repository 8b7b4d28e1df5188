"""The secretariat's start page, mounted at /sekretariat/. Secretariat staff and superusers."""

from django.urls import path

from ..views import workspace as views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("plan/<int:pk>/ny-periode/", views.next_period, name="next_period"),
]
