"""A plan's figures and attachments. Included in portal/urls.py before the public site's
catch-all."""

from django.urls import path

from ..views import files as views
from . import PLAN as plan

app_name = "files"

urlpatterns = [
    path(f"{plan}version/<int:number>/figur/<int:figure_id>/", views.version_figure, name="figure"),
    path(
        f"{plan}version/<int:number>/bilag/<int:attachment_id>/",
        views.version_attachment,
        name="attachment",
    ),
    path(
        f"{plan}forhaandsvisning/figur/<int:figure_id>/",
        views.preview_figure,
        name="preview_figure",
    ),
    path(
        f"{plan}forhaandsvisning/bilag/<int:attachment_id>/",
        views.preview_attachment,
        name="preview_attachment",
    ),
]
