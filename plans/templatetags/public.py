"""Template helpers for the public pages."""

import datetime
import functools
import re

import pyphen
from django import template
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.safestring import SafeData, mark_safe

from base.text import as_date, danish_date, html_words, text_lines

from ..cycle import cycle_groups as groups_of_cycle
from ..snapshot import snapshot_approval_line

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
def lines(value: str) -> list[str]:
    """Plain text, one item per line (a staff function's tasks shown as a list)."""
    return text_lines(value)


@register.filter
def approval_line(plan: dict) -> str:
    """A snapshot's "Godkendt af kredsrådet den 2. februar 2024" (or "Drøftet …", or "")."""
    return snapshot_approval_line(plan)


@register.filter
def iso_date(value):
    """A date stored as an ISO string in a snapshot → a date (None stays None)."""
    return as_date(value)


@register.filter
def change_value(value) -> str:
    """A value from a version diff as plain Danish text."""
    if value is None or value == "" or value == ():
        return "(intet)"
    if isinstance(value, datetime.date):
        return danish_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str):
        return html_words(value) or "(intet)"
    return str(value)


LONG_WORD = re.compile(r"\w{12,}")
SOFT_HYPHEN = "\u00ad"


@functools.cache
def _danish() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="da_DK")


@functools.lru_cache(maxsize=4096)
def _hyphenated(word: str) -> str:
    """The word with soft hyphens where the Danish patterns allow a break, but not within three
    letters of the word's ends or of another break: two breaks close together ("plej-e-lovens")
    are where the patterns are unsure, and neither is kept."""
    positions = _danish().positions(word)
    kept = [
        position
        for position in positions
        if 3 <= position <= len(word) - 3
        and all(abs(position - other) >= 3 for other in positions if other != position)
    ]
    bounds = [0, *kept, len(word)]
    return SOFT_HYPHEN.join(word[start:end] for start, end in zip(bounds, bounds[1:], strict=False))


@register.filter("soft_hyphens", is_safe=True)
def soft_hyphenate(text: str) -> str:
    """Soft hyphens in long words, by the Danish hyphenation rules (escaped text stays safe).

    The forum overview's eight narrow columns hold words like "kriminalitetsforebyggende";
    browsers without a Danish hyphenation dictionary (Chromium on Linux) would otherwise break
    them anywhere, without a hyphen. A soft hyphen shows only where the line breaks.
    """
    return _soft_hyphenated(str(text))


@functools.lru_cache(maxsize=2048)
def _soft_hyphenated(text: str) -> str:
    """Remembered per text: the forum overview shows the same names on every request."""
    return LONG_WORD.sub(lambda match: _hyphenated(match[0]), text)


@functools.lru_cache(maxsize=2048)
def _soft_hyphen_lines(text: str, autoescape: bool) -> str:
    return soft_hyphenate(linebreaksbr(text, autoescape))


@register.filter(needs_autoescape=True)
def soft_hyphen_lines(value, autoescape=True) -> str:
    """`value|linebreaksbr|soft_hyphens`, worked out once per text: the forum overview shows
    six such texts in each of its rows, the same on every request for its page, and the two
    filters' work was a tenth of the plan page."""
    escape = autoescape and not isinstance(value, SafeData)
    return mark_safe(_soft_hyphen_lines(str(value), escape))  # noqa: S308 - linebreaksbr escaped it


@register.filter
def cycle_groups(entries) -> list[dict]:
    """The annual cycle's entries in the table's groups (`plans.cycle.cycle_groups`)."""
    return groups_of_cycle(entries)


@register.filter
def progress_bar(progress) -> str:
    """`plans/_progress_bar.html` for a Progress (plans/progress.py): rendered once per process
    for each distinct progress, as the plan page shows one for the plan and one per focus area."""
    return _progress_bar(progress)


@functools.lru_cache(maxsize=1024)
def _progress_bar(progress) -> str:
    return render_to_string("plans/_progress_bar.html", {"p": progress})
