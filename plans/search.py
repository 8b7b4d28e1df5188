"""Search over the latest version of every published plan (published or superseded).

A plan is searched in parts, so a hit can link to the very place: the front matter, each section
and each focus area (with its activities). On PostgreSQL the parts are cut out of the snapshots
in the database (jsonb functions) and matched with full-text search in the "danish"
configuration, so "indbrud" finds "indbruddene"; titles weigh more than body text. Elsewhere
(SQLite in development and tests) every word of the query must occur in the part, ignoring case.
"""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .models import Plan, PlanVersion

MAX_RESULTS = 50
SNIPPET_CHARS = 220
PUBLIC_STATUSES = (Plan.Status.PUBLISHED.value, Plan.Status.SUPERSEDED.value)


@dataclass(frozen=True)
class Part:
    kind: str  # "plan", "section" or "focus_area"
    id: int
    title: str
    text: str  # plain text


@dataclass(frozen=True)
class Result:
    district: str
    plan_title: str
    period: str
    is_current: bool
    kind: str
    title: str
    url: str
    snippet: SafeString


def _plain(value: str) -> str:
    return " ".join(html.unescape(strip_tags(value or "")).split())


def snapshot_parts(snapshot: dict) -> list[Part]:
    """The searchable parts of a snapshot, as plain text."""
    plan = snapshot["plan"]
    parts = [
        Part(
            "plan",
            0,
            f"{plan['title']} {plan['period_label']}",
            _plain(f"{plan['foreword']} {plan['shared_goals']} {snapshot['district']['name']}"),
        )
    ]
    parts += [Part("section", s["id"], s["title"], _plain(s["body"])) for s in snapshot["sections"]]
    for area in snapshot["focus_areas"]:
        activities = " ".join(
            f"{a['text']} {a['responsible_display']} {a['timing']}" for a in area["activities"]
        )
        parts.append(
            Part(
                "focus_area",
                area["id"],
                area["title"],
                _plain(f"{area['background']} {area['ambition']} {activities}"),
            )
        )
    return parts


def _latest_versions():
    newest = PlanVersion.objects.filter(plan=OuterRef("plan")).order_by("-number")
    return PlanVersion.objects.filter(
        plan__status__in=PUBLIC_STATUSES, number=Subquery(newest.values("number")[:1])
    ).select_related("plan__district")


_POSTGRES_SQL = """
WITH latest AS (
    SELECT DISTINCT ON (v.plan_id) v.id, v.snapshot
    FROM {version_table} v JOIN {plan_table} p ON p.id = v.plan_id
    WHERE p.status IN %(statuses)s
    ORDER BY v.plan_id, v.number DESC
),
parts AS (
    SELECT id AS version_id, 'plan' AS kind, 0 AS part_id,
           concat_ws(' ', snapshot->'plan'->>'title', snapshot->'plan'->>'period_label') AS title,
           concat_ws(' ', snapshot->'plan'->>'foreword', snapshot->'plan'->>'shared_goals',
                     snapshot->'district'->>'name') AS body
    FROM latest
    UNION ALL
    SELECT l.id, 'section', (s->>'id')::bigint, s->>'title', s->>'body'
    FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.snapshot->'sections') s
    UNION ALL
    SELECT l.id, 'focus_area', (f->>'id')::bigint, f->>'title',
           concat_ws(' ', f->>'background', f->>'ambition',
                     (SELECT string_agg(concat_ws(' ', a->>'text', a->>'responsible_display',
                                                  a->>'timing'), ' ')
                      FROM jsonb_array_elements(f->'activities') a))
    FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.snapshot->'focus_areas') f
),
documents AS (
    SELECT version_id, kind, part_id,
           setweight(to_tsvector('danish', coalesce(title, '')), 'A')
           || setweight(to_tsvector('danish', coalesce(body, '')), 'B') AS document
    FROM parts
)
SELECT version_id, kind, part_id
FROM documents, websearch_to_tsquery('danish', %(query)s) AS query
WHERE document @@ query
ORDER BY ts_rank(document, query) DESC, version_id, kind, part_id
LIMIT %(limit)s
"""


def _postgres_hits(query: str) -> list[tuple[int, str, int]]:
    sql = _POSTGRES_SQL.format(
        version_table=connection.ops.quote_name(PlanVersion._meta.db_table),
        plan_table=connection.ops.quote_name(Plan._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"statuses": PUBLIC_STATUSES, "query": query, "limit": MAX_RESULTS})
        return [(version_id, kind, part_id) for version_id, kind, part_id in cursor.fetchall()]


def _words(query: str) -> list[str]:
    return [word for word in re.findall(r"\w+", query.casefold()) if word]


def _fallback_hits(query: str, versions: dict[int, PlanVersion]) -> list[tuple[int, str, int]]:
    words = _words(query)
    if not words:
        return []
    scored = []
    for version in versions.values():
        for part in snapshot_parts(version.snapshot):
            title, text = part.title.casefold(), part.text.casefold()
            if all(word in title or word in text for word in words):
                in_title = sum(word in title for word in words)
                scored.append((-in_title, version.plan.district.name, version.id, part))
    scored.sort(key=lambda row: row[:3])
    return [(version_id, part.kind, part.id) for _, _, version_id, part in scored[:MAX_RESULTS]]


def _snippet(text: str, query: str) -> SafeString:
    """An excerpt of `text` around the first query word, with the query words marked."""
    stems = [word[: max(4, len(word) - 2)] for word in _words(query)]
    lowered = text.casefold()
    positions = [lowered.find(stem) for stem in stems if stem in lowered]
    start = max(0, min(positions) - SNIPPET_CHARS // 3) if positions else 0
    excerpt = text[start : start + SNIPPET_CHARS]
    if start > 0:
        excerpt = "…" + excerpt[excerpt.find(" ") + 1 :]
    if start + SNIPPET_CHARS < len(text):
        excerpt = excerpt[: excerpt.rfind(" ")] + " …"
    if not stems:
        return format_html("{}", excerpt)
    pattern = re.compile(r"(\w*(?:" + "|".join(map(re.escape, stems)) + r")\w*)", re.IGNORECASE)
    pieces = pattern.split(excerpt)
    return mark_safe(  # noqa: S308 - every piece is escaped by format_html
        "".join(
            format_html("<mark>{}</mark>", piece) if index % 2 else format_html("{}", piece)
            for index, piece in enumerate(pieces)
        )
    )


def search_plans(query: str) -> list[Result]:
    """Parts of published plans that match `query`, best first."""
    query = query.strip()
    if not query:
        return []
    if connection.vendor == "postgresql":
        hits = _postgres_hits(query)
        versions = {v.id: v for v in _latest_versions().filter(id__in={h[0] for h in hits})}
    else:
        versions = {v.id: v for v in _latest_versions()}
        hits = _fallback_hits(query, versions)
    results = []
    parts: dict[int, dict[tuple[str, int], Part]] = {}
    for version_id, kind, part_id in hits:
        version = versions.get(version_id)
        if version is None:
            continue
        if version_id not in parts:
            parts[version_id] = {(p.kind, p.id): p for p in snapshot_parts(version.snapshot)}
        part = parts[version_id].get((kind, part_id))
        if part is None:
            continue
        plan = version.plan
        url = reverse(
            "public:plan", kwargs={"district": plan.district.slug, "period": plan.period_label}
        )
        anchor = {"plan": "", "section": f"#afsnit-{part.id}"}.get(
            kind, f"#indsatsomraade-{part.id}"
        )
        results.append(
            Result(
                district=plan.district.name,
                plan_title=version.snapshot["plan"]["title"],
                period=plan.period_label,
                is_current=plan.status == Plan.Status.PUBLISHED,
                kind=kind,
                title=part.title,
                url=f"{url}{anchor}",
                snippet=_snippet(part.text, query),
            )
        )
    return results
