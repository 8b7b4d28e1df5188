"""Finding a place: the kommune a citizen lives in, and search over districts, kommuner, lokalråd
and forums by name.

A citizen often knows only their town. `municipality_choices()` gives the 98 kommuner in Danish
order for the home page's "Hvor bor du?"; `find_municipality()` reads what the form sent (the
kommune's slug, or its name as typed). `search_places()` matches the query's words against the
names (and a forum's topic and purpose) in Python, casefolded, so "ærø" finds "Ærø" on SQLite as
on PostgreSQL; the few hundred rows are read as tuples in four queries, and only a match becomes
a `Place` (model instances and translated labels for every row were most of a search's time on
the national data).

Order: a name that is the query itself first ("Tønder" is Lokalråd Tønder's and Tønder
Kommune's name), then names whose words start with the query's words, then any other match;
within each, lokalråd before lokalråd+, kommuner, districts and forums. A kommune's result links
its district and its lokalråd.
"""

import re
from dataclasses import dataclass, field

from django.urls import reverse

from base.text import danish_slugify, danish_sort_key
from councils.models import Council, Municipality, PoliceDistrict
from forums.models import Forum

MAX_PLACES = 12
KIND_ORDER = {"local": 0, "local_plus": 1, "municipality": 2, "district": 3, "forum": 4}


@dataclass(frozen=True)
class Place:
    kind: str
    kind_label: str
    title: str
    url: str
    detail: str = ""
    links: tuple[tuple[str, str], ...] = field(default=())  # (label, url) of related pages


def municipality_choices() -> list[Municipality]:
    """All kommuner with their district and lokalråd, in Danish alphabetical order (Æ, Ø, Å and
    "Aa" last)."""
    municipalities = Municipality.objects.select_related(
        "district", "local_council_link__council"
    ).order_by()
    return sorted(municipalities, key=lambda m: danish_sort_key(m.name))


def municipality_options(municipalities: list[Municipality] | None = None) -> list[tuple]:
    """(slug, name) of every kommune, in Danish alphabetical order: the options of "Hvor bor
    du?". Taken from `municipality_choices()` when the caller has it, else read as names alone
    (the front page: 98 model instances with their district and lokalråd were most of its
    time)."""
    if municipalities is None:
        names = Municipality.objects.order_by().values_list("name", flat=True)
        return [(danish_slugify(name), name) for name in sorted(names, key=danish_sort_key)]
    return [(m.slug, m.name) for m in municipalities]


def find_municipality(value: str, municipalities: list[Municipality]) -> Municipality | None:
    """The kommune `value` names: its slug ("toender"), its name or "<name> Kommune", in any
    case."""
    wanted = " ".join(value.split()).casefold()
    wanted = wanted.removesuffix(" kommune")
    for municipality in municipalities:
        if wanted in (municipality.slug, municipality.name.casefold()):
            return municipality
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _quality(query_words: list[str], names: list[str], text: str) -> int | None:
    """0: a name is the query; 1: every query word starts a word of the names; 2: every query
    word occurs in the names; 3: … in `text`; None: no match."""
    if not query_words:
        return None
    phrase = " ".join(query_words)
    words_of_names = [_words(name) for name in names]
    if any(" ".join(words) == phrase for words in words_of_names):
        return 0
    name_words = [word for words in words_of_names for word in words]
    if all(any(word.startswith(q) for word in name_words) for q in query_words):
        return 1
    joined = " ".join(name_words)
    if all(q in joined for q in query_words):
        return 2
    haystack = f"{joined} {' '.join(_words(text))}"
    if all(q in haystack for q in query_words):
        return 3
    return None


def _council_candidates(query_words: list[str], covered: dict[int, list[str]]):
    labels = {value: str(label) for value, label in Council.Kind.choices}
    rows = (
        Council.objects.active()
        .filter(kind__in=[Council.Kind.LOCAL, Council.Kind.LOCAL_PLUS])
        .values_list("pk", "kind", "name", "slug", "district__name", "district__slug")
        .order_by()
    )
    for pk, kind, name, slug, district_name, district_slug in rows:
        short = re.sub(r"^lokalråd\+?\s+", "", name, flags=re.IGNORECASE)
        municipalities = covered.get(pk, [])
        quality = _quality(query_words, [name, short, *municipalities], "")
        if quality is None:
            continue
        detail = district_name
        if municipalities:
            detail = f"Dækker {', '.join(municipalities)} · {detail}"
        url = reverse("public:council", kwargs={"district": district_slug, "council": slug})
        yield quality, Place(kind=kind, kind_label=labels[kind], title=name, url=url, detail=detail)


def _municipality_candidates(query_words: list[str], municipalities):
    for (
        name,
        district_name,
        district_slug,
        _council_id,
        council_name,
        council_slug,
    ) in municipalities:
        title = f"{name} Kommune"  # as Municipality.__str__
        quality = _quality(query_words, [name, title], "")
        if quality is None:
            continue
        links = [(district_name, reverse("public:district", kwargs={"district": district_slug}))]
        if council_name is not None:
            kwargs = {"district": district_slug, "council": council_slug}
            links.insert(0, (council_name, reverse("public:council", kwargs=kwargs)))
        yield (
            quality,
            Place(
                kind="municipality",
                kind_label="Kommune",
                title=title,
                url=reverse("public:municipality", args=[danish_slugify(name)]),
                detail=f"Hører til {district_name}",
                links=tuple(links),
            ),
        )


def _district_candidates(query_words: list[str]):
    for name, slug in PoliceDistrict.objects.values_list("name", "slug").order_by():
        quality = _quality(query_words, [name, f"Kredsrådet for {name}"], "politikreds kredsråd")
        if quality is not None:
            yield (
                quality,
                Place(
                    kind="district",
                    kind_label="Politikreds",
                    title=name,
                    url=reverse("public:district", kwargs={"district": slug}),
                    detail="Kredsrådet, kommunerne, lokalrådene og samarbejdsplanen",
                ),
            )


def _forum_candidates(query_words: list[str]):
    labels = {value: str(label) for value, label in Forum.Kind.choices}
    rows = (
        Forum.objects.active()
        .values_list(
            "name",
            "slug",
            "kind",
            "topic",
            "purpose",
            "legal_basis",
            "district__name",
            "district__slug",
        )
        .order_by()
    )
    for name, slug, kind, topic, purpose, legal_basis, district_name, district_slug in rows:
        label = labels.get(kind, kind)
        quality = _quality(query_words, [name], f"{label} {topic} {purpose} {legal_basis}")
        if quality is not None:
            url = reverse("public:forums", args=[district_slug])
            yield (
                quality,
                Place(
                    kind="forum",
                    kind_label="Samarbejdsforum",
                    title=name,
                    url=f"{url}#forum-{slug}",
                    detail=" · ".join(filter(None, (label, district_name))),
                ),
            )


def _candidates(query_words: list[str]):
    """(quality, place) for every place matching the query."""
    link = "local_council_link__council"
    municipalities = list(
        Municipality.objects.values_list(
            "name", "district__name", "district__slug", link, f"{link}__name", f"{link}__slug"
        ).order_by("name")
    )
    # The kommuner each lokalråd covers, by name, from the same rows.
    covered: dict[int, list[str]] = {}
    for name, _district, _district_slug, council_id, _council, _slug in municipalities:
        if council_id is not None:
            covered.setdefault(council_id, []).append(name)
    yield from _council_candidates(query_words, covered)
    yield from _municipality_candidates(query_words, municipalities)
    yield from _district_candidates(query_words)
    yield from _forum_candidates(query_words)


def search_places(query: str) -> list[Place]:
    """Districts, kommuner, lokalråd and forums matching `query` (already cleaned), best
    first."""
    query_words = _words(query)
    if not query_words:
        return []
    ranked = sorted(
        _candidates(query_words),
        key=lambda found: (found[0], KIND_ORDER[found[1].kind], danish_sort_key(found[1].title)),
    )
    return [place for _quality, place in ranked[:MAX_PLACES]]
