"""The annual cycle (årshjul): entries in calendar order and a wheel drawn as SVG on the server.

The wheel is a picture of the table next to it: twelve month sectors (January at the top,
clockwise), an inner ring of quarters, and one numbered marker per entry in its month or quarter.
The numbers match the table's "Nr." column, which is the wheel's text equivalent, so the SVG is a
single `role="img"` with a `<title>` and `<desc>`. An entry of the year before the period sits in
its month with a dashed ring; entries without a fixed month are not drawn: the page lists them
beside the wheel (`undated_entries`). No style attributes (the CSP forbids them):
only SVG presentation attributes and classes from public.css.
"""

import math

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from base.text import month_name, quarter_name

SIZE = 480
CENTRE = SIZE / 2
MONTH_OUTER, MONTH_LABEL, MONTH_INNER = 230, 212, 112
ENTRY_OUTER, ENTRY_INNER = 178, 126
QUARTER_OUTER, QUARTER_MARKER, QUARTER_LABEL, QUARTER_INNER = 110, 92, 70, 60
MARKER_RADIUS = 11


# The table's groups, in this order: the year before the period, the months of each year,
# then the entries without a fixed month.
BEFORE, IN_YEAR, ONGOING, YEARLY = "before", "year", "ongoing", "yearly"
UNDATED_LABELS = {ONGOING: "Løbende", YEARLY: "Årligt, uden fast måned"}


def first_month(entry: dict) -> int | None:
    """The entry's month, or the first month of its quarter; None without a fixed month."""
    if entry["month"]:
        return entry["month"]
    return (entry["quarter"] - 1) * 3 + 1 if entry["quarter"] else None


def group_of(entry: dict) -> str:
    if entry.get("undated"):
        return entry["undated"]
    return BEFORE if entry.get("before_period") else IN_YEAR


def _when(entry: dict, year: int | None) -> str:
    if entry["undated"]:
        return UNDATED_LABELS[entry["undated"]]
    when = month_name(entry["month"]) if entry["month"] else quarter_name(entry["quarter"])
    if entry["before_period"]:
        return f"{when}{f' {year}' if year else ''} (året før perioden)"
    return when


def cycle_entries(raw: list[dict], *, period_start: int | None = None) -> list[dict]:
    """The snapshot's annual cycle in calendar order, numbered, each with a "when" label
    ("juni", "2. kvartal", "december 2016 (året før perioden)", "Løbende").

    The year before the period comes first, then the months (a quarter after the months it
    starts with), then the ongoing and the yearly entries without a fixed month. Snapshots
    from before entries could be undated lack "undated" and "before_period".
    """
    order = [BEFORE, IN_YEAR, ONGOING, YEARLY]
    entries = [
        {
            **entry,
            "undated": entry.get("undated") or "",
            "before_period": bool(entry.get("before_period")),
        }
        for entry in raw
    ]
    entries.sort(
        key=lambda e: (
            order.index(group_of(e)),
            first_month(e) or 0,
            e["month"] is None,
            e["order"],
            e["id"],
        )
    )
    numbered = []
    for number, entry in enumerate(entries, start=1):
        # The calendar year of an entry before the period; None for the others.
        year = period_start - 1 if entry["before_period"] and period_start else None
        numbered.append(
            {
                **entry,
                "number": number,
                "group": group_of(entry),
                "year": year,
                "when": _when(entry, year),
            }
        )
    return numbered


def cycle_groups(entries: list[dict]) -> list[dict]:
    """`cycle_entries(...)` split into the table's groups, each with its heading; the empty
    groups left out."""
    years = {e["year"] for e in entries if e["year"]}
    before = f"Året før perioden ({min(years)})" if years else "Året før perioden"
    headings = {
        BEFORE: before,
        IN_YEAR: "I løbet af året",
        ONGOING: "Løbende",
        YEARLY: "Årligt, uden fast måned",
    }
    return [
        {"key": key, "heading": heading, "entries": in_group}
        for key, heading in headings.items()
        if (in_group := [e for e in entries if e["group"] == key])
    ]


def undated_entries(entries: list[dict]) -> list[dict]:
    """The entries the wheel cannot place: ongoing, or yearly without a fixed month."""
    return [e for e in entries if e["undated"]]


def _point(radius: float, degrees: float) -> tuple[float, float]:
    """A point on the wheel; 0 degrees is straight up, angles grow clockwise."""
    angle = math.radians(degrees)
    return CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)


def _sector(inner: float, outer: float, start: float, end: float) -> str:
    """The SVG path of a ring sector between two radii and two angles."""
    x1, y1 = _point(outer, start)
    x2, y2 = _point(outer, end)
    x3, y3 = _point(inner, end)
    x4, y4 = _point(inner, start)
    large = 1 if end - start > 180 else 0
    return (
        f"M{x1:.1f} {y1:.1f}A{outer} {outer} 0 {large} 1 {x2:.1f} {y2:.1f}"
        f"L{x3:.1f} {y3:.1f}A{inner} {inner} 0 {large} 0 {x4:.1f} {y4:.1f}Z"
    )


def _marker(entry: dict, radius: float, degrees: float, size: float) -> SafeString:
    x, y = _point(radius, degrees)
    return format_html(
        '<g class="cycle-marker cycle-{}{}"><circle cx="{}" cy="{}" r="{}"/>'
        '<text x="{}" y="{}" text-anchor="middle" dominant-baseline="central">{}</text></g>',
        entry["kind"],
        " cycle-before" if entry["before_period"] else "",
        f"{x:.1f}",
        f"{y:.1f}",
        f"{size:.1f}",
        f"{x:.1f}",
        f"{y:.1f}",
        entry["number"],
    )


def _month_markers(entries: list[dict]) -> list[SafeString]:
    markers = []
    for month in range(1, 13):
        in_month = [e for e in entries if e["month"] == month]
        if not in_month:
            continue
        columns = 1 if len(in_month) <= 3 else 2
        rows = math.ceil(len(in_month) / columns)
        step = (ENTRY_OUTER - ENTRY_INNER) / max(rows - 1, 1)
        size = min(MARKER_RADIUS, step / 2 - 1) if rows > 1 else MARKER_RADIUS
        middle = (month - 0.5) * 30
        for index, entry in enumerate(in_month):
            row, column = divmod(index, columns)
            radius = ENTRY_OUTER - row * step if rows > 1 else (ENTRY_OUTER + ENTRY_INNER) / 2
            offset = 0 if columns == 1 else (-7 if column == 0 else 7)
            markers.append(_marker(entry, radius, middle + offset, size))
    return markers


def _quarter_markers(entries: list[dict]) -> list[SafeString]:
    markers = []
    for quarter in range(1, 5):
        in_quarter = [e for e in entries if e["quarter"] == quarter]
        spacing = 90 / (len(in_quarter) + 1)
        size = min(MARKER_RADIUS, spacing * math.pi / 180 * QUARTER_MARKER / 2 - 1)
        for index, entry in enumerate(in_quarter, start=1):
            markers.append(
                _marker(entry, QUARTER_MARKER, (quarter - 1) * 90 + index * spacing, size)
            )
    return markers


def cycle_wheel(entries: list[dict], *, title: str) -> SafeString:
    """The wheel for `cycle_entries(...)` as inline SVG."""
    months = format_html_join(
        "",
        '<path class="cycle-month cycle-q{}" d="{}"/>'
        '<text class="cycle-month-label" x="{}" y="{}" text-anchor="middle" '
        'dominant-baseline="central">{}</text>',
        (
            (
                (month // 3) % 2,
                _sector(MONTH_INNER, MONTH_OUTER, month * 30, (month + 1) * 30),
                f"{_point(MONTH_LABEL, (month + 0.5) * 30)[0]:.1f}",
                f"{_point(MONTH_LABEL, (month + 0.5) * 30)[1]:.1f}",
                month_name(month + 1)[:3],
            )
            for month in range(12)
        ),
    )
    quarters = format_html_join(
        "",
        '<path class="cycle-quarter" d="{}"/>'
        '<text class="cycle-quarter-label" x="{}" y="{}" text-anchor="middle" '
        'dominant-baseline="central">{}. kvt.</text>',
        (
            (
                _sector(QUARTER_INNER, QUARTER_OUTER, quarter * 90, (quarter + 1) * 90),
                f"{_point(QUARTER_LABEL, (quarter + 0.5) * 90)[0]:.1f}",
                f"{_point(QUARTER_LABEL, (quarter + 0.5) * 90)[1]:.1f}",
                quarter + 1,
            )
            for quarter in range(4)
        ),
    )
    markers = mark_safe("".join(_month_markers(entries) + _quarter_markers(entries)))  # noqa: S308
    notes = ""
    if any(e["before_period"] for e in entries):
        notes += " Et nummer med stiplet kant ligger i året før planens periode."
    if undated_entries(entries):
        notes += " Punkter uden fast måned er ikke i hjulet; de står i listen under det."
    return format_html(
        '<svg class="cycle-wheel" viewBox="0 0 {size} {size}" role="img" '
        'aria-labelledby="aarshjul-titel aarshjul-beskrivelse" xmlns="http://www.w3.org/2000/svg">'
        '<title id="aarshjul-titel">{title}</title>'
        '<desc id="aarshjul-beskrivelse">Hjulet viser årets tolv måneder med januar øverst og '
        "kvartalerne i den inderste ring. Hvert nummer er et punkt i årshjulet; tabellen på "
        "siden har samme punkter med samme numre.{notes}</desc>"
        "{months}{quarters}{markers}"
        '<text class="cycle-centre" x="{c}" y="{c}" text-anchor="middle" '
        'dominant-baseline="central">Årshjul</text>'
        "</svg>",
        size=SIZE,
        title=title,
        months=months,
        quarters=quarters,
        markers=markers,
        notes=notes,
        c=CENTRE,
    )
