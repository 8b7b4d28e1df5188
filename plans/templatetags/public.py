"""Template helpers for the public pages."""

import datetime
import html
import re

from django import template
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

HEADING = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>", re.IGNORECASE)


@register.filter
def nest_headings(value: str, parent_level) -> str:
    """Rich text whose headings sit below a heading of `parent_level`, without skipping levels.

    The editor offers h2–h4 wherever the text is used; on a page where the text comes under an h3
    its h2 must become h4, and an h4 directly after the parent heading must not skip a level. The
    heading levels used are kept in their relative order, each at most one below the one before.
    The HTML was sanitised when it was saved (RichTextField), so the result is safe.
    """
    value = value or ""
    parent = int(parent_level)
    used = sorted({int(m[2]) for m in HEADING.finditer(value) if not m[1]})
    rank = {level: index for index, level in enumerate(used)}
    previous = parent
    current = parent + 1

    def replace(match):
        nonlocal previous, current
        if match[1]:
            return f"</h{current}>"
        current = min(parent + 1 + rank[int(match[2])], previous + 1, 6)
        previous = current
        return f"<h{current}{match[3] or ''}>"

    return mark_safe(HEADING.sub(replace, value))  # noqa: S308 - sanitised on save


@register.filter
def iso_date(value):
    """A date stored as an ISO string in a snapshot → a date (None stays None)."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


@register.filter
def change_value(value) -> str:
    """A value from a version diff as plain Danish text."""
    if value is None or value == "" or value == ():
        return "(intet)"
    if isinstance(value, datetime.date):
        return date_format(value, "j. F Y")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str):
        return " ".join(html.unescape(strip_tags(value)).split()) or "(intet)"
    return str(value)
