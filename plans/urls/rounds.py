"""Reporting rounds, mounted at /sekretariat/statusrunder/. Secretariat staff and superusers."""

from django.urls import path

from ..views import rounds as views

app_name = "rounds"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.open_round, name="open"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/luk/", views.close, name="close"),
    path("<int:pk>/paamind/", views.remind, name="remind"),
    path("<int:pk>/raad/<int:council_id>/", views.council_in_round, name="council"),
    path("<int:pk>/rapport/", views.report, name="report"),
    path("<int:pk>/rapport.csv", views.report_csv, name="report_csv"),
    path("<int:pk>/indlaes/", views.import_csv, name="import"),
]
