"""Feeds: the annual cycle (årshjul) as iCalendar for calendar programs, and a district's news
(status changes and new published versions, plans/following.py) as Atom for feed readers."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from councils.models import PoliceDistrict

from .cycle import cycle_entries, first_month
from .following import FEED_ITEMS, events_for
from .page_cache import anonymous_page_cache
from .views.public import current_version, revalidated

# Last-Modified of a calendar without a current plan.
_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def _months(entry: dict, year: int) -> tuple[datetime.date, datetime.date]:
    """First day of the entry's month or quarter, and the first day after it (DTEND)."""
    first = first_month(entry)
    last = first if entry["month"] else first + 2
    end = datetime.date(year + 1, 1, 1) if last == 12 else datetime.date(year, last + 1, 1)
    return datetime.date(year, first, 1), end


def _years(entry: dict, plan) -> range:
    """The calendar years an entry falls in: each year of the period, or for an entry of the
    year before the period that year alone."""
    if entry["before_period"]:
        return range(plan.period_start - 1, plan.period_start)
    return range(plan.period_start, plan.period_end + 1)


def build_calendar(district: PoliceDistrict, version, *, page_url: str) -> Calendar:
    """One all-day, non-blocking event per dated entry and year of the plan's period.

    The annual cycle names a month or a quarter, not a day, so each event spans that month or
    quarter. An entry of the year before the period is one event in that year. Entries with no
    fixed month ("løbende", "årligt") are left out rather than given a date they do not have;
    the calendar's description says so. UIDs are stable across versions, so a revised plan
    updates subscribed calendars.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Samarbejdsportalen//Årshjul//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Årshjul – {district.name}")
    if version is None:
        return calendar
    host = urlsplit(settings.SITE_URL).hostname or "samarbejdsportalen"
    plan = version.plan
    stamp = version.created_at.astimezone(datetime.UTC)
    entries = cycle_entries(version.snapshot["annual_cycle"], period_start=plan.period_start)
    undated = [e for e in entries if e["undated"]]
    if undated:
        names = "; ".join(f"{e['title']} ({e['when'].lower()})" for e in undated)
        calendar.add(
            "x-wr-caldesc",
            f"Uden fast måned og derfor ikke i kalenderen: {names}. Se {page_url}",
        )
    for entry in entries:
        if entry["undated"]:
            continue
        for year in _years(entry, plan):
            start, end = _months(entry, year)
            event = Event()
            event.add("uid", f"aarshjul-{entry['id']}-{year}@{host}")
            event.add("summary", entry["title"])
            details = [entry["description"], f"Type: {entry['kind_display']}"]
            if entry["council"]:
                details.append(f"Råd: {entry['council']['name']}")
            if entry["before_period"]:
                details.append(f"Samarbejdsplan {plan.period_label}, {entry['when']}.")
            else:
                details.append(f"Samarbejdsplan {plan.period_label}, {entry['when']} {year}.")
            event.add("description", "\n".join(d for d in details if d))
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("dtstamp", stamp)
            event.add("last-modified", stamp)
            event.add("transp", "TRANSPARENT")
            event.add("categories", [entry["kind_display"]])
            event.add("url", page_url)
            calendar.add_component(event)
    return calendar


@require_safe
def annual_cycle_ics(request, district):
    """The current plan's annual cycle for every year of its period, as iCalendar. Everyone."""
    district = get_object_or_404(PoliceDistrict, slug=district)
    version = current_version(district)
    page_url = request.build_absolute_uri(
        reverse("public:annual_cycle", kwargs={"district": district.slug})
    )
    calendar = build_calendar(district, version, page_url=page_url)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="aarshjul-{district.slug}.ics"'
    # ConditionalGetMiddleware answers 304 to its ETag or a later If-Modified-Since.
    last_modified = max(version.created_at, _EPOCH) if version else _EPOCH
    return revalidated(request, response, last_modified=last_modified)


class DistrictNewsFeed(Feed):
    """The district's status changes and new published versions, newest first (Atom)."""

    feed_type = Atom1Feed

    def get_object(self, request, district):
        return get_object_or_404(PoliceDistrict, slug=district)

    def title(self, district):
        return f"Samarbejdsplanen for {district.name}: status og nye versioner"

    def subtitle(self, district):
        return (
            "Når en aktivitet i den gældende samarbejdsplan skifter status, og når en ny "
            "version af planen offentliggøres."
        )

    def link(self, district):
        return district.get_absolute_url()

    def items(self, district):
        return events_for(district=district, limit=FEED_ITEMS)

    def item_title(self, item):
        if item.kind == "version":
            return f"Ny version offentliggjort: {item.title}, version {item.number}"
        return f"{item.council}: {item.status} – {item.activity[:120]}"

    def item_description(self, item):
        if item.kind == "version":
            return item.revision_note or f"Version {item.number} er offentliggjort."
        return f"{item.activity}\n\n{item.council}: {item.status}. {item.public_text}"

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        host = urlsplit(settings.SITE_URL).hostname or "samarbejdsportalen"
        return f"tag:{host},2026:{item.kind}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at


@require_safe
@anonymous_page_cache
def district_atom(request, district):
    """The district's news as an Atom feed. Everyone."""
    response = DistrictNewsFeed()(request, district=district)
    return revalidated(request, response)
