"""The focus-area groups of plans made before a plan named its own groups.

A focus area used to carry a fixed scope (kredsfælles or lokalt valgt) and a priority group
(prioriteret, øvrige or none). `legacy_groups` turns those into groups the way the plan showed
them: one group per distinct (scope, priority group), ranked when prioritised (or when one of
its areas has a rank), in the order of their first focus area. The data migration uses it on
the stored focus areas, and published snapshots of schema 1 are read through it
(`plans.snapshot.upgrade`), so both agree. Pure: no models, so a migration may call it.
"""

DISTRICT = "district"
LOCAL = "local"
PRIORITISED = "prioritised"
OTHER = "other"

# (scope, priority group) -> (heading, ranked)
HEADINGS = {
    (DISTRICT, PRIORITISED): ("Prioriterede indsatsområder", True),
    (DISTRICT, OTHER): ("Øvrige indsatsområder", False),
    (DISTRICT, ""): ("Kredsfælles indsatsområder", False),
    (LOCAL, PRIORITISED): ("Prioriterede lokalt valgte indsatsområder", True),
    (LOCAL, OTHER): ("Øvrige lokalt valgte indsatsområder", False),
    (LOCAL, ""): ("Lokalt valgte indsatsområder", False),
}


def legacy_key(area: dict) -> tuple[str, str]:
    scope = LOCAL if area.get("scope") == LOCAL else DISTRICT
    priority = area.get("priority_group") or ""
    return scope, priority if priority in {PRIORITISED, OTHER} else ""


def legacy_groups(areas: list[dict]) -> list[dict]:
    """The groups of a plan's focus areas (dicts with id, order, scope, priority_group, rank).

    Each group: {"key", "heading", "kind", "ranked", "order", "area_ids"}, in the order of their
    first focus area by (order, id), numbered from 1.
    """
    groups: dict[tuple[str, str], dict] = {}
    for area in sorted(areas, key=lambda a: (a.get("order") or 0, a["id"])):
        key = legacy_key(area)
        if key not in groups:
            heading, ranked = HEADINGS[key]
            groups[key] = {
                "key": key,
                "heading": heading,
                "kind": key[0],
                "ranked": ranked,
                "order": len(groups) + 1,
                "area_ids": [],
            }
        groups[key]["area_ids"].append(area["id"])
        # A rank was allowed in "øvrige" too; keeping it needs a ranked group.
        groups[key]["ranked"] = groups[key]["ranked"] or area.get("rank") is not None
    return list(groups.values())
