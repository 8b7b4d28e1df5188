"""sitemap.xml: the public pages search engines may index (never drafts or previews)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from councils.models import Council, PoliceDistrict

from .models import Plan, PlanVersion


class HomeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)


class DistrictSitemap(Sitemap):
    """Each district's own page, forum overview and annual cycle."""

    changefreq = "monthly"
    pages = ("public:district", "public:forums", "public:annual_cycle")

    def items(self):
        return [
            (page, slug)
            for slug in PoliceDistrict.objects.order_by("name").values_list("slug", flat=True)
            for page in self.pages
        ]

    def location(self, item):
        page, slug = item
        return reverse(page, kwargs={"district": slug})


class CouncilSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Council.objects.active()
            .exclude(kind=Council.Kind.DISTRICT)
            .select_related("district")
            .order_by("district__name", "name")
        )


class PlanSitemap(Sitemap):
    """The latest version of every published plan; it changes with status reports."""

    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return (
            Plan.objects.published()
            .select_related("district")
            .annotate(last_created=Max("versions__created_at"))
            .filter(last_created__isnull=False)
            .order_by("district__name", "-period_start")
        )

    def lastmod(self, plan):
        return plan.last_created


class VersionSitemap(Sitemap):
    """Every published version; a version never changes."""

    changefreq = "never"
    priority = 0.4

    def items(self):
        return (
            PlanVersion.objects.published()
            .select_related("plan__district")
            .defer("snapshot")
            .order_by("plan__district__name", "-plan__period_start", "number")
        )

    def location(self, version):
        plan = version.plan
        return reverse(
            "public:plan_version",
            kwargs={
                "district": plan.district.slug,
                "period": plan.period_label,
                "number": version.number,
            },
        )

    def lastmod(self, version):
        return version.created_at


SITEMAPS = {
    "forside": HomeSitemap,
    "kredse": DistrictSitemap,
    "raad": CouncilSitemap,
    "planer": PlanSitemap,
    "versioner": VersionSitemap,
}
