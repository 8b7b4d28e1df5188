"""A plan's outline, as the public page, the PDF and both tables of contents show it.

A snapshot keeps its sections and focus-area groups as flat lists (plans/snapshot.py); a
section's "parent" and a group's "section" make them a tree. `build_outline` builds that tree
once, with the heading level of every part, so that the page, the PDF, its table of contents,
its bookmarks (which follow the heading levels) and its tag tree all nest alike:

    chapter (level 1)                       h2
      its text, then its sub-sections       h3, and theirs h4
      then the groups placed in it          h3 (in a sub-section: h4)
        their focus areas                   h4 (h5), with goal lists below them
    "Indsatsområder" (the groups placed nowhere, after the chapters, as before the outline)
                                            h2 > h3 groups > h4 focus areas

That chapter's title is `UNPLACED_TITLE`, the words a plan without groups also gets for its one
group (plans/services.py:first_group). When the groups placed nowhere are exactly one group with
that heading, printing it under the chapter would say "Indsatsområder" twice: its heading is
then not shown ("heading_shown" False; it keeps its anchor) and its focus areas take its level,
h3, so that no heading level is skipped. The workspace keeps the group (`lone_group_shown`): the
secretariat edits it there.

Snapshots made before the outline have neither key and come out as they always were: every
section a chapter, every group in "Indsatsområder". Stored data that breaks the rules (a parent
in no snapshot, a cycle, a level too deep) is shown rather than lost: such a section becomes a
chapter and no heading goes below h6.

`appendix_numbers` is the one rule for numbering the appendices generated from the data, on
the page and in the PDF alike: by those present, in a fixed order.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# The generated chapter's heading level: its groups are h3, their focus areas h4.
CHAPTER_HEADING = 2
DEEPEST_HEADING = 6
# The generated chapter's title, on the page, in the PDF and in both tables of contents.
UNPLACED_TITLE = _("Indsatsområder")


def _heading(level: int) -> int:
    return min(level, DEEPEST_HEADING)


@dataclass
class SectionNode:
    """A section with its place in the outline. `level` is 1 for a chapter; `heading` the
    h-level of its title; `number` its place as "2.1"."""

    section: dict
    level: int
    number: str
    children: list["SectionNode"] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)

    @property
    def heading(self) -> int:
        return _heading(self.level + 1)

    @property
    def id(self) -> int:
        return self.section["id"]


@dataclass
class Outline:
    """The chapters in order, and the groups placed in none (the "Indsatsområder" chapter)."""

    chapters: list[SectionNode]
    unplaced_groups: list[dict]

    @property
    def unplaced_title(self) -> str:
        """The generated chapter's title for the templates, as a lone group is compared to."""
        return UNPLACED_TITLE

    def sections(self) -> list[SectionNode]:
        """Every section in document order (a chapter before its sub-sections)."""
        found = []

        def walk(nodes):
            for node in nodes:
                found.append(node)
                walk(node.children)

        walk(self.chapters)
        return found


def with_levels(group: dict, heading: int, *, heading_shown: bool = True) -> dict:
    """A group with the heading levels of itself ("heading"), its focus areas ("area_heading")
    and what comes below a focus area ("below_area": ambition, goal lists), and whether its
    own heading is printed ("heading_shown")."""
    return {
        **group,
        "heading_shown": heading_shown,
        "heading_level": _heading(heading),
        "area_heading": _heading(heading + 1),
        "below_area": _heading(heading + 2),
    }


def _sort_key(item: dict):
    return (item.get("order") or 0, item["id"])


def _repeats_chapter_title(groups: list[dict]) -> bool:
    """Whether the groups placed nowhere are one group headed as the chapter that holds them."""
    if len(groups) != 1:
        return False
    return _words(groups[0].get("heading") or "") == _words(str(UNPLACED_TITLE))


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _unplaced(groups: list[dict], lone_group_shown: bool) -> list[dict]:
    """The groups placed nowhere with their levels under the generated chapter; one that
    would repeat its title is not headed and its focus areas stand right under the chapter
    (its "heading_level" is then the chapter's own, printed by the chapter, not by it)."""
    if not lone_group_shown and _repeats_chapter_title(groups):
        return [with_levels(groups[0], CHAPTER_HEADING, heading_shown=False)]
    return [with_levels(group, CHAPTER_HEADING + 1) for group in groups]


def build_outline(
    sections: list[dict], groups: list[dict], *, lone_group_shown: bool = False
) -> Outline:
    """The outline of a snapshot's `sections` and `groups` (dicts as the snapshot has them,
    possibly with more keys; `groups` e.g. from `grouped_focus_areas`, each kept as it is with
    its heading levels added by `with_levels`). `lone_group_shown`: keep the heading of a lone
    group that repeats the generated chapter's title (the workspace, where it is edited)."""
    by_id = {section["id"]: section for section in sections}

    def effective_parent(section: dict):
        """The section's parent, or None when it has none that can hold it."""
        parent = section.get("parent")
        if parent not in by_id:
            return None
        seen = {section["id"]}
        current = parent
        while current is not None:
            if current in seen:
                return None  # a cycle: shown as a chapter rather than lost
            seen.add(current)
            current = by_id[current].get("parent") if current in by_id else None
        return parent

    children: dict = {}
    for section in sorted(sections, key=_sort_key):
        children.setdefault(effective_parent(section), []).append(section)

    groups_in: dict = {}
    unplaced = []
    for group in groups:
        if group.get("section") in by_id:
            groups_in.setdefault(group["section"], []).append(group)
        else:
            unplaced.append(group)

    def nodes(parent_id, level: int, prefix: str) -> list[SectionNode]:
        result = []
        for index, section in enumerate(children.get(parent_id, []), start=1):
            node = SectionNode(section=section, level=level, number=f"{prefix}{index}")
            node.children = nodes(section["id"], level + 1, f"{node.number}.")
            node.groups = [
                with_levels(group, node.heading + 1) for group in groups_in.get(section["id"], [])
            ]
            result.append(node)
        return result

    return Outline(
        chapters=nodes(None, 1, ""), unplaced_groups=_unplaced(unplaced, lone_group_shown)
    )


def appendix_numbers(*, forums: bool, annual_cycle: bool, organisation: bool) -> dict:
    """{"forums", "annual_cycle", "organisation"}: each appendix's number, counted over those
    the version has, in that order; None for one it has not."""
    numbers = {}
    count = 0
    for name, present in (
        ("forums", forums),
        ("annual_cycle", annual_cycle),
        ("organisation", organisation),
    ):
        if present:
            count += 1
        numbers[name] = count if present else None
    return numbers
