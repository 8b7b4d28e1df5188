"""Search over the latest version of every published plan (published or superseded).

A plan is searched in parts, so that a hit links to the very place: the front matter, each
section and each focus area with its activities. A version never changes, so its parts are cut
out of its snapshot once and stored as `PlanSearchPart` rows; `index_versions` does that before
each search for any version not indexed yet, so publishing needs no hook.

On PostgreSQL the parts are matched with full-text search in the "danish" configuration over a
GIN-indexed vector ("indbrud" finds "indbruddene"), titles ranking above body text. Elsewhere
(SQLite in development and tests) every word of the query must occur in the part's title or text
(`icontains`).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from base.text import html_paragraphs

from .models import Plan, PlanSearchPart, PlanVersion
from .snapshot import actors_display

MAX_RESULTS = 50
MAX_QUERY_CHARS = 200
SNIPPET_CHARS = 220
PUBLIC_STATUSES = (Plan.Status.PUBLISHED, Plan.Status.SUPERSEDED)


@dataclass(frozen=True)
class Result:
    district: str
    period: str
    is_current: bool
    kind: str
    title: str
    url: str
    snippet: SafeString


def clean_query(value: str) -> str:
    """The query as it is searched and shown: no control characters, one space between words,
    at most `MAX_QUERY_CHARS`.

    PostgreSQL refuses a string with NUL in it, and no control or format character (nor an
    unpaired surrogate) belongs in a search word; tabs and line breaks become spaces.
    """
    kept = "".join(
        " " if char.isspace() else char
        for char in value
        if char.isspace() or unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"}
    )
    return " ".join(kept.split())[:MAX_QUERY_CHARS].strip()


def _lines(*pieces: str) -> str:
    """Pieces of HTML or plain text as one paragraph a line: a heading never runs into the text
    under it in a snippet."""
    return "\n".join(line for piece in pieces for line in html_paragraphs(piece))


def snapshot_parts(snapshot: dict) -> list[tuple[str, int, str, str]]:
    """(kind, id, title, text with one paragraph a line) of each searchable part of a snapshot."""
    plan = snapshot["plan"]
    goals = [goal["text"] for goal in plan.get("goals", [])]
    front = _lines(plan["foreword"], plan["shared_goals"], *goals, snapshot["district"]["name"])
    parts = [("plan", 0, f"{plan['title']} {plan['period_label']}", front)]
    parts += [("section", s["id"], s["title"], _lines(s["body"])) for s in snapshot["sections"]]
    for area in snapshot["focus_areas"]:
        activities = [
            " · ".join(filter(None, (a["text"], actors_display(a), a["timing"])))
            for a in area["activities"]
        ]
        goals = [goal["text"] for goal in area.get("goals", [])]
        text = _lines(area["background"], area["ambition"], *goals, *activities)
        parts.append(("focus_area", area["id"], area["title"], text))
    return parts


def index_versions() -> int:
    """Store the search parts of every version that has none yet. Returns how many versions."""
    missing = list(
        PlanVersion.objects.filter(
            ~Exists(PlanSearchPart.objects.filter(version=OuterRef("pk")))
        ).only("id", "snapshot")
    )
    if not missing:
        return 0
    with transaction.atomic():
        PlanSearchPart.objects.bulk_create(
            [
                PlanSearchPart(
                    version=version, kind=kind, part_id=part_id, title=title[:300], body=body
                )
                for version in missing
                for kind, part_id, title, body in snapshot_parts(version.snapshot)
            ],
            ignore_conflicts=True,  # another request indexed the same version meanwhile
        )
        if connection.vendor == "postgresql":
            PlanSearchPart.objects.filter(version__in=missing, document__isnull=True).update(
                document=SearchVector("title", weight="A", config="danish")
                + SearchVector("body", weight="B", config="danish")
            )
    return len(missing)


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query.casefold())


def _matching_parts(query: str):
    newest = PlanVersion.objects.filter(plan=OuterRef("version__plan")).order_by("-number")
    parts = (
        PlanSearchPart.objects.filter(
            version__plan__status__in=PUBLIC_STATUSES,
            version__number=Subquery(newest.values("number")[:1]),
        )
        .select_related("version__plan__district")
        # What a result shows: not the vectors, the snapshot, nor a plan's foreword.
        .only(
            "kind",
            "part_id",
            "title",
            "body",
            "version__number",
            "version__plan__status",
            "version__plan__period_start",
            "version__plan__period_end",
            "version__plan__district__name",
            "version__plan__district__slug",
        )
    )
    if connection.vendor == "postgresql":
        search = SearchQuery(query, config="danish", search_type="websearch")
        return (
            parts.filter(document=search)
            .annotate(rank=SearchRank(F("document"), search))
            .order_by("-rank", "version_id", "kind", "part_id")
        )
    words = _words(query)
    if not words:
        return parts.none()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    return parts.filter(condition).order_by(
        "version__plan__district__name", "-version__plan__period_start", "kind", "part_id"
    )


def snippet(text: str, query: str) -> SafeString:
    """An excerpt of `text` around the first query word, with the query words marked and each
    paragraph of the text on a line of its own."""
    stems = [word[: max(4, len(word) - 2)] for word in _words(query)]
    lowered = text.casefold()
    positions = [lowered.find(stem) for stem in stems if stem in lowered]
    start = max(0, min(positions) - SNIPPET_CHARS // 3) if positions else 0
    excerpt = text[start : start + SNIPPET_CHARS]
    end = start + SNIPPET_CHARS
    if end < len(text):
        if not text[end].isspace():  # cut inside a word: drop it
            excerpt = re.sub(r"\s+\S*$", "", excerpt)
        excerpt = excerpt.rstrip() + " …"
    if start > 0:
        if not text[start - 1].isspace():
            excerpt = re.sub(r"^\S*\s+", "", excerpt)
        excerpt = "…" + excerpt.lstrip()
    pattern = (
        re.compile(r"(\w*(?:" + "|".join(map(re.escape, stems)) + r")\w*)", re.IGNORECASE)
        if stems
        else None
    )

    def marked(line: str) -> str:
        if pattern is None:
            return format_html("{}", line)
        return "".join(
            format_html("<mark>{}</mark>", piece) if index % 2 else format_html("{}", piece)
            for index, piece in enumerate(pattern.split(line))
        )

    lines = [line.strip() for line in excerpt.split("\n")]
    return mark_safe(  # noqa: S308 - every piece is escaped by format_html
        "<br>".join(marked(line) for line in lines if line)
    )


def search_plans(query: str) -> list[Result]:
    """Parts of the latest version of each published plan that match `query`, best first."""
    query = clean_query(query)
    if not query:
        return []
    index_versions()
    results = []
    for part in _matching_parts(query)[:MAX_RESULTS]:
        plan = part.version.plan
        url = reverse(
            "public:plan", kwargs={"district": plan.district.slug, "period": plan.period_label}
        )
        anchor = {"plan": "", "section": f"#afsnit-{part.part_id}"}.get(
            part.kind, f"#indsatsomraade-{part.part_id}"
        )
        results.append(
            Result(
                district=plan.district.name,
                period=plan.period_label,
                is_current=plan.status == Plan.Status.PUBLISHED,
                kind=part.kind,
                title=part.title,
                url=url + anchor,
                snippet=snippet(part.body, query),
            )
        )
    return results
