"""Finding a place: the kommune a citizen lives in, and search over districts, kommuner, lokalråd
and forums by name.

A citizen often knows only their town. `municipality_choices()` gives the 98 kommuner in Danish
order for the home page's "Hvor bor du?"; `find_municipality()` reads what the form sent (the
kommune's slug, or its name as typed). `search_places()` matches the query's words against the
names (and a forum's topic and purpose) in Python, casefolded, so "ærø" finds "Ærø" on SQLite as
on PostgreSQL; the few hundred rows are read in four queries.

Order: a name that is the query itself first ("Tønder" is Lokalråd Tønder's and Tønder
Kommune's name), then names whose words start with the query's words, then any other match;
within each, lokalråd before lokalråd+, kommuner, districts and forums. A kommune's result links
its district and its lokalråd.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from base.text import danish_sort_key
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
    if any(" ".join(_words(name)) == phrase for name in names):
        return 0
    name_words = [word for name in names for word in _words(name)]
    if all(any(word.startswith(q) for word in name_words) for q in query_words):
        return 1
    joined = " ".join(name_words)
    if all(q in joined for q in query_words):
        return 2
    haystack = f"{joined} {' '.join(_words(text))}"
    if all(q in haystack for q in query_words):
        return 3
    return None


def _council_place(council: Council) -> Place:
    municipalities = [m.name for m in council.municipalities.all()]
    detail = council.district.name
    if municipalities:
        detail = f"Dækker {', '.join(municipalities)} · {detail}"
    return Place(
        kind=council.kind,
        kind_label=str(council.get_kind_display()),
        title=council.name,
        url=council.get_absolute_url(),
        detail=detail,
    )


def _municipality_place(municipality: Municipality) -> Place:
    district = municipality.district
    links = [(district.name, district.get_absolute_url())]
    council = municipality.local_council
    if council is not None:
        links.insert(0, (council.name, council.get_absolute_url()))
    return Place(
        kind="municipality",
        kind_label="Kommune",
        title=str(municipality),
        url=reverse("public:municipality", args=[municipality.slug]),
        detail=f"Hører til {district.name}",
        links=tuple(links),
    )


def _candidates(query_words: list[str]):
    """(quality, place) for every place matching the query."""
    councils = (
        Council.objects.active()
        .filter(kind__in=[Council.Kind.LOCAL, Council.Kind.LOCAL_PLUS])
        .select_related("district")
        .prefetch_related(Prefetch("municipalities", Municipality.objects.order_by("name")))
        .order_by()
    )
    for council in councils:
        short = re.sub(r"^lokalråd\+?\s+", "", council.name, flags=re.IGNORECASE)
        names = [council.name, short, *(m.name for m in council.municipalities.all())]
        quality = _quality(query_words, names, "")
        if quality is not None:
            yield quality, _council_place(council)
    for municipality in municipality_choices():
        quality = _quality(query_words, [municipality.name, str(municipality)], "")
        if quality is not None:
            yield quality, _municipality_place(municipality)
    for district in PoliceDistrict.objects.order_by():
        names = [district.name, f"Kredsrådet for {district.name}"]
        quality = _quality(query_words, names, "politikreds kredsråd")
        if quality is not None:
            yield (
                quality,
                Place(
                    kind="district",
                    kind_label="Politikreds",
                    title=district.name,
                    url=district.get_absolute_url(),
                    detail="Kredsrådet, kommunerne, lokalrådene og samarbejdsplanen",
                ),
            )
    forums = (
        Forum.objects.active()
        .select_related("district")
        .only("name", "slug", "kind", "topic", "purpose", "legal_basis", "district")
        .order_by()
    )
    for forum in forums:
        kind = str(forum.get_kind_display())
        text = f"{kind} {forum.topic} {forum.purpose} {forum.legal_basis}"
        quality = _quality(query_words, [forum.name], text)
        if quality is not None:
            url = reverse("public:forums", args=[forum.district.slug])
            yield (
                quality,
                Place(
                    kind="forum",
                    kind_label="Samarbejdsforum",
                    title=forum.name,
                    url=f"{url}#forum-{forum.slug}",
                    detail=" · ".join(filter(None, (kind, forum.district.name))),
                ),
            )


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
