"""'Mit lokalråd', mounted at /mit-lokalraad/. Signed-in lokalråd members only; see member_views."""

from django.urls import path

from ..views import members as views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("<int:council_id>/", views.council_detail, name="council"),
    path("opgaver/<int:pk>/", views.assignment_detail, name="assignment"),
    path("<int:council_id>/handleplan/", views.local_plan, name="local_plan"),
    path(
        "<int:council_id>/handleplan/omraader/ny/",
        views.focus_area_edit,
        name="focus_area_create",
    ),
    path(
        "<int:council_id>/handleplan/omraader/<int:pk>/",
        views.focus_area_edit,
        name="focus_area_edit",
    ),
    path(
        "<int:council_id>/handleplan/omraader/<int:pk>/flyt/",
        views.focus_area_move,
        name="focus_area_move",
    ),
    path(
        "<int:council_id>/handleplan/aktiviteter/ny/",
        views.activity_edit,
        name="activity_create",
    ),
    path(
        "<int:council_id>/handleplan/aktiviteter/<int:pk>/",
        views.activity_edit,
        name="activity_edit",
    ),
    path(
        "<int:council_id>/handleplan/aktiviteter/<int:pk>/flyt/",
        views.activity_move,
        name="activity_move",
    ),
]
