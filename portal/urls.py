from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from plans.sitemaps import SITEMAPS

from . import views

admin.site.site_header = "Samarbejdsportalen – sekretariat"
admin.site.site_title = "Samarbejdsportalen"
admin.site.index_title = "Kredsrådets og lokalrådenes samarbejde"
# An empty value reads "–" everywhere: on the public pages, in the PDF and here.
admin.site.empty_value_display = "–"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "tilgaengelighed/",
        TemplateView.as_view(template_name="portal/accessibility.html"),
        name="accessibility",
    ),
    path(
        "privatliv/",
        TemplateView.as_view(template_name="portal/privacy.html"),
        name="privacy",
    ),
    path("konto/totrin/", include("portal.otp_urls")),
    path("konto/", include("portal.accounts_urls")),
    path("admin/", admin.site.urls),
    path("mit-lokalraad/", include("plans.urls.members")),
    path("sekretariat/", include("plans.urls.workspace")),
    path("sekretariat/statusrunder/", include("plans.urls.rounds")),
    path("", include("plans.urls.pdf")),
    path("", include("plans.urls.files")),
    path("", include("plans.urls.follow")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Last: the district slug is a catch-all first segment.
    path("", include("plans.urls.public")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
