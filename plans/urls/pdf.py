"""PDF downloads. Included in portal/urls.py before the public site's catch-all."""

from django.urls import path

from ..views import pdf as pdf_views
from . import PLAN as plan

app_name = "pdf"

urlpatterns = [
    path(f"{plan}pdf/", pdf_views.plan_pdf, name="plan"),
    path(f"{plan}version/<int:number>/pdf/", pdf_views.version_pdf, name="version"),
    path(
        "sekretariat/statusrunder/<int:round_id>/rapport.pdf",
        pdf_views.status_report_pdf,
        name="status_report",
    ),
]
