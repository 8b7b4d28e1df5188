"""Template helpers for the public pages."""

import datetime
import functools
import html
import re

import pyphen
from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import mark_safe

from base.text import as_date, danish_date, html_words

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


@register.simple_tag
def status_summary(status, activity_id) -> str:
    """The aggregated live status of one activity (a plans.views.public.StatusSummary).

    Built here rather than in a template: the plan page shows it for every activity, and as an
    included template it took half the time of rendering the whole plan. Only the status labels
    are text; the id and the counts are integers.
    """
    if not status.total:
        return mark_safe(  # noqa: S308 - constant text
            '<p class="status-summary mb-0 text-body-secondary">'
            "Ingen ansvarlige registreret endnu.</p>"
        )
    if status.district_level and status.total == 1:
        label = html.escape(str(status.single_label))
        return mark_safe(f'<p class="status-summary mb-0">Status: <strong>{label}</strong></p>')  # noqa: S308
    activity_id, done, total = int(activity_id), int(status.done), int(status.total)
    councils = "råd" if status.district_level else "lokalråd"
    result = (
        f'<p class="status-summary mb-1" id="status-{activity_id}">Gennemført i {done} af {total}'
        f' {councils}</p>\n<progress class="status-progress" max="{total}" value="{done}"'
        f' aria-labelledby="status-{activity_id}">{done} af {total}</progress>'
    )
    if status.others:
        others = " · ".join(
            f"{html.escape(str(label))}: {int(count)}" for label, count in status.others
        )
        result += f'\n<p class="status-others mb-0">{others}</p>'
    return mark_safe(result)  # noqa: S308 - integers and escaped labels


@register.simple_tag
def activity_row(activity) -> str:
    """One row of a focus area's activity table on the plan page (a plan_content activity).

    Built here for the same reason as `status_summary`: a plan has up to hundreds of activities,
    and as template markup the rows took half the time of rendering the plan. In the preview
    (no `url`) the text is not a link.
    """
    if activity["url"]:
        text = f'<a href="{html.escape(activity["url"])}">{html.escape(activity["text"])}</a>'
    else:
        text = linebreaksbr(activity["text"])
    responsible = html.escape(str(activity["responsible_display"]))
    if activity["councils"]:
        names = ", ".join(html.escape(council["name"]) for council in activity["councils"])
        responsible = f"{responsible}: {names}"
    timing = html.escape(activity["timing"] or "") or "–"
    status = status_summary(activity["status"], activity["id"])
    return mark_safe(  # noqa: S308 - every value escaped above
        f'<tr id="aktivitet-{int(activity["id"])}">\n<td>{text}</td>\n<td>{responsible}</td>\n'
        f'<td>{timing}</td>\n<td class="status-cell">{status}</td>\n</tr>'
    )


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


def soft_hyphenate(text: str) -> str:
    """Soft hyphens in long words, by the Danish hyphenation rules.

    The forum overview's eight narrow columns hold words like "kriminalitetsforebyggende";
    browsers without a Danish hyphenation dictionary (Chromium on Linux) would otherwise break
    them anywhere, without a hyphen. A soft hyphen shows only where the line breaks.
    """
    return LONG_WORD.sub(lambda match: _hyphenated(match[0]), text)


def _lines(value) -> str:
    """Plain text as escaped HTML with its line breaks kept, long words hyphenated."""
    return soft_hyphenate(linebreaksbr(value or ""))


@register.simple_tag
def forum_row(forum) -> str:
    """One forum of the forum overview table (appendix 1; a snapshot forum row).

    Built here for the same reason as `activity_row`: eight cells of text per forum.
    """
    where = ", ".join(html.escape(name) for name in forum["municipalities"]) or "Hele kredsen"
    interfaces = soft_hyphenate(", ".join(html.escape(name) for name in forum["interfaces"]))
    interfaces_text = _lines(forum["interfaces_text"])
    if interfaces and interfaces_text:
        interfaces = f"{interfaces}; {interfaces_text}"
    else:
        interfaces = interfaces or interfaces_text or "–"
    cells = "\n".join(
        f"<td>{value}</td>"
        for value in (
            _lines(forum["topic"]),
            _lines(forum["legal_basis"]),
            _lines(forum["purpose"]),
            _lines(forum["action_plans"]) or "–",
            interfaces,
            _lines(forum["participants"]),
            html.escape(forum["meetings"] or "") or "–",
        )
    )
    return mark_safe(  # noqa: S308 - every value escaped above
        f'<tr>\n<th scope="row">\n{soft_hyphenate(html.escape(forum["name"]))}\n'
        f'<span class="d-block small fw-normal">{where}</span>\n</th>\n{cells}\n</tr>'
    )
