"""Issue 15's counted journeys: the secretariat enters Østjyllands Politi's "Samarbejdsplan
2024-2026" (demo/east_jutland.py) in the workspace, once from scratch and once from a Word file
the test builds, and each counts its browser actions (tests/browser/counting.py) against the
issue's target for a plan of its size (12 pages as a PDF: a 13-page plan's targets). They are
slow (a minute or more each), so they carry the `bench` marker: `make bench-editor` runs them.

Both start from the demo with the district's own plan taken out, so the district, its councils
and forums are there and the plan is not. `make bench-editor` runs them and prints the counts
(EDITOR_BENCH_OUT). axe checks each distinct state of the workspace once, and each page load
(the axe fixture's rule).
"""

import re

import pytest
from playwright.sync_api import expect

from base.text import html_words
from councils.models import Council, Municipality
from demo import documents
from demo import east_jutland as data
from demo.people import LOGINS_BY_USERNAME
from forums.models import Forum
from plans.models import (
    Activity,
    FocusArea,
    FocusAreaGroup,
    Plan,
    PlanAttachment,
    PlanSection,
    ReportingRound,
    StatusUpdate,
)
from tests.word import WordFile

from .counting import CountingPage, record

pytestmark = [
    pytest.mark.bench,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# A busy machine may take a few seconds over a save that loads the whole workspace again.
expect.set_options(timeout=10_000)

SECRETARIAT = LOGINS_BY_USERNAME["sekretariat-oest"]
FROM_SCRATCH_TARGET = 130  # a 13-page plan by hand (issue 15)
FROM_WORD_TARGET = 30  # from the Word file to a draft that can go to the kredsråd (issue 15)


@pytest.fixture
def east_district(demo_plan):
    """The demo without Østjyllands Politi's plan (and the history that hangs on it)."""
    plan = Plan.objects.get(district__slug=data.DISTRICT_SLUG)
    StatusUpdate.objects.filter(assignment__activity__focus_area__plan=plan).delete()
    ReportingRound.objects.filter(plan=plan).delete()
    plan.versions.all().delete()
    plan.workflow_events.all().delete()
    plan.delete()
    return plan.district


def text_of(markup: str) -> str:
    """What a person types for a piece of rich text: its words."""
    return html_words(markup)


def walk(outline, depth=1):
    """The outline's sections in document order with their depth."""
    for item in outline:
        yield item, depth
        yield from walk(item.get("children", []), depth + 1)


def sign_in(user: CountingPage, axe) -> None:
    user.goto("/konto/log-ind/")
    axe(user.page)
    user.fill(user.get_by_label("Brugernavn"), SECRETARIAT.username)
    user.fill(user.get_by_label("Adgangskode"), SECRETARIAT.password)
    user.click(user.get_by_role("button", name="Log ind"))
    expect(user.page).to_have_url(re.compile("/sekretariat/$"))
    axe(user.page)


def expect_saved(block) -> None:
    expect(block.get_by_role("status")).to_have_text("Gemt.")


class FromScratch:
    """The plan typed in, part by part, the way the workspace offers it."""

    def __init__(self, user: CountingPage, axe, district):
        self.user = user
        self.axe = axe
        self.district = district
        self.seen: set[str] = set()

    def check_once(self, state: str) -> None:
        """axe on the first time the journey reaches a kind of state, not after every step."""
        if state not in self.seen:
            self.seen.add(state)
            self.axe(self.user.page)

    def submit(self, form, label: str) -> None:
        """Send the form and wait until the answer has replaced it (htmx or a new page)."""
        self.user.click(form.get_by_role("button", name=label))
        expect(form).to_have_count(0)

    def editor(self, form, label):
        return form.get_by_role("textbox", name=label, exact=True)

    def create_plan(self) -> Plan:
        """ "Ny plan": the period, the cover and foreword and the plan's goals in one form,
        then the workspace with the first chapter's form open."""
        user, spec = self.user, data.PLAN
        form = user.get_by_role("region", name="Ny plan")
        with user.part("Ny plan"):
            period = f"{spec['period_start']}-{spec['period_end']}"
            user.fill(form.get_by_label("Periode"), period)
        self.front_matter(form)
        with user.part("Mål"):
            self.goal_lines(form, data.GOALS)
        with user.part("Ny plan"):
            self.submit(form, "Opret kladden")
            expect(user.get_by_role("heading", level=1)).to_have_text(f"{spec['title']} {period}")
            chapter = user.locator("#nyt-kapitel form").get_by_label("Overskrift")
            expect(chapter).to_be_focused()  # the first chapter's form, ready to type in
            self.check_once("workspace")
        return Plan.objects.get(district=self.district)

    def front_matter(self, form) -> None:
        """The cover and foreword, unfolded under the period in "Ny plan"."""
        user, spec = self.user, data.PLAN
        with user.part("Forside"):
            user.click(form.get_by_text("kan også udfyldes senere"))
            self.check_once("new-plan")
            user.fill(form.get_by_label("Undertitel"), spec["subtitle"])
            issuer = form.get_by_label("Udgivet af")  # "Ny plan" gives it the kredsråd's
            if issuer.input_value() != spec["issuer"]:
                user.fill(issuer, spec["issuer"])
            user.fill(self.editor(form, "Forord"), text_of(spec["foreword"]))

    def goals(self, block, link_name, goals) -> None:
        """A goal list: one textarea per party, one goal a line."""
        if not goals:
            return
        user = self.user
        user.click(block.get_by_role("link", name=link_name))
        form = user.locator(".workspace-edit form")
        self.check_once("goal-list")
        self.goal_lines(form, goals)
        self.submit(form, "Gem målene")
        expect_saved(block)

    def goal_lines(self, form, goals) -> None:
        """Each party's goals in its textarea, one a line."""
        for party, label in GOAL_PARTIES:
            lines = [text for of, text in goals if of == party]
            if lines:
                self.user.fill(form.get_by_label(label, exact=True), "\n".join(lines))

    def sections(self, plan) -> dict[str, PlanSection]:
        """Each section's form opens where it goes: by its link, or already open after the
        section before it was saved with "Gem og tilføj endnu et afsnit" (the next is a
        sibling), "Gem og tilføj et underafsnit" (the next is a child), after a third-level
        one "Gem og tilføj afsnit under »…«" (the next is its parent's sibling) or, after a
        sub-section, "Gem og tilføj nyt kapitel" (the next is a chapter). The figure goes in
        with its section, in the same form."""
        user = self.user
        made: dict[str, PlanSection] = {}
        parents: dict[int, PlanSection] = {}
        items = list(walk(data.OUTLINE))
        form_open = True  # "Ny plan" opened the workspace with the first chapter's form
        with user.part("Afsnit"):
            for index, (item, depth) in enumerate(items):
                parent = parents[depth - 1] if depth > 1 else None
                if parent is None:
                    form = user.locator("#nyt-kapitel form")
                    link = user.get_by_role("link", name="Nyt kapitel", exact=True)
                else:
                    form = user.locator(f"#nyt-under-{parent.pk} form")
                    link = user.get_by_role("link", name=f"Nyt underafsnit under {parent.title}")
                if not form_open:
                    user.click(link)
                self.check_once("form")
                user.fill(form.get_by_label("Overskrift"), item["title"])
                user.fill(self.editor(form, "Tekst"), text_of(item["body"]))
                if item["key"] == data.FIGURE["section"]:
                    self.figure(form)
                following = items[index + 1][1] if index + 1 < len(items) else 0
                button = {
                    depth: "Gem og tilføj endnu et afsnit",
                    depth + 1: "Gem og tilføj et underafsnit",
                    **({1: "Gem og tilføj nyt kapitel"} if depth > 1 else {}),
                    **(
                        {2: f"Gem og tilføj afsnit under »{parents[1].title}«"}
                        if depth == 3
                        else {}
                    ),
                }.get(following, "Opret afsnittet")
                user.click(form.get_by_role("button", name=button))
                form_open = button != "Opret afsnittet"
                numbered = re.compile(rf"^[\d.]+ {re.escape(item['title'])}$")
                heading = user.get_by_role("heading", name=numbered)
                expect(heading).to_be_visible()
                self.axe(user.page)  # a new page load: the outline changed
                made[item["key"]] = parents[depth] = PlanSection.objects.get(
                    plan=plan, title=item["title"]
                )
                if item["key"] == data.FIGURE["section"]:
                    figure = user.get_by_role("img", name=data.FIGURE["alt_text"])
                    expect(figure).to_be_visible()
        return made

    def figure(self, form) -> None:
        """The figure's fields in its new section's form (saved with the section)."""
        user, figure = self.user, data.FIGURE
        image = documents.organisation_diagram(figure["levels"])
        user.set_input_files(
            form.get_by_label("Billede"),
            {"name": "organisation.png", "mimeType": "image/png", "buffer": image},
        )
        user.fill(form.get_by_label("Alternativ tekst"), figure["alt_text"])
        user.fill(form.get_by_label("Billedtekst"), figure["caption"])

    def attachment(self) -> None:
        """The attachment (a PDF of its own, in Word or not). Its title is left empty: the PDF
        carries it (demo.documents.pdf_document), and the new attachment takes it."""
        user, attachment = self.user, data.ATTACHMENT
        block = user.locator("#vedhaeftede-bilag")
        user.click(block.get_by_role("link", name="Nyt bilag"))
        form = user.locator(".workspace-edit form")
        pdf = documents.pdf_document(attachment["title"], attachment["body"])
        user.set_input_files(
            form.get_by_label("Fil"),
            {"name": "kommissorium.pdf", "mimeType": "application/pdf", "buffer": pdf},
        )
        self.submit(form, "Tilføj bilaget")
        expect(block).to_contain_text(attachment["title"])
        stored = PlanAttachment.objects.get(plan__district=self.district)
        assert stored.title == attachment["title"]

    def groups_and_areas(self, plan, sections) -> None:
        """Each group, then its focus areas, as the plan reads: only the first group's form is
        opened by its link, each save opens the next form ("Opret og tilføj indsatsområde" on
        a group, "… nyt indsatsområde" or "… ny gruppe" on an area). A group's type and
        ranking are left to its heading where the heading says them."""
        placed_in = {
            key: item["key"]
            for item, _ in walk(data.OUTLINE)
            for key in item.get("focus_area_groups", [])
        }
        keys = list(data.FOCUS_AREA_GROUPS)
        form_open = False
        for index, key in enumerate(keys):
            section = sections[placed_in[key]] if key in placed_in else None
            areas = [item for item in data.FOCUS_AREAS if item["group"] == key]
            group = self.group(plan, key, section, form_open=form_open, with_area=bool(areas))
            for number, item in enumerate(areas, start=1):
                following = keys[index + 1] if index + 1 < len(keys) else None
                if number < len(areas):
                    button = "Opret og tilføj nyt indsatsområde"
                elif following and placed_in.get(following) == placed_in.get(key):
                    button = "Opret og tilføj ny gruppe"
                else:
                    button = "Opret indsatsområdet"
                self.focus_area(plan, group, item, button)
            form_open = bool(areas) and button == "Opret og tilføj ny gruppe"

    def group(self, plan, key, section, *, form_open: bool, with_area: bool):
        """A group's form, from the section's own link (placed there already), the general
        one, or open after the area before it; saved on to its first area's form."""
        user, spec = self.user, data.FOCUS_AREA_GROUPS[key]
        with user.part("Grupper"):
            if section is not None:
                form = user.locator(f"#ny-gruppe-i-afsnit-{section.pk} form")
                name = f"Ny gruppe af indsatsområder her i afsnittet {section.title}"
                link = user.get_by_role("link", name=name)
            else:
                form = user.locator("#ny-gruppe form")
                link = user.get_by_role("link", name="Ny gruppe af indsatsområder", exact=True)
            if not form_open:
                user.click(link)
            if section is not None:
                expect(form.get_by_label("Placeret i afsnit")).to_have_value(str(section.pk))
            user.fill(form.get_by_label("Overskrift"), spec["heading"])
            kind, ranked = FocusAreaGroup.guess_from_heading(spec["heading"])
            left = kind == spec["kind"] and (spec["ranked"] or not ranked)
            if not left:
                user.select_option(form.get_by_label("Type"), spec["kind"])
            if spec["ranked"] and not (left and ranked):
                user.check(form.get_by_label("Prioriteret rækkefølge"))
            user.click(
                form.get_by_role(
                    "button", name="Opret og tilføj indsatsområde" if with_area else "Opret gruppen"
                )
            )
            heading = user.get_by_role("heading", name=spec["heading"], exact=True)
            expect(heading).to_be_visible()
            self.axe(user.page)  # a new page load: the outline changed
        group = plan.focus_area_groups.get(heading=spec["heading"])
        assert (group.kind, group.ranked) == (spec["kind"], spec["ranked"])
        return group

    def focus_area(self, plan, group, item, button: str) -> None:
        """An area in one form, open in its group: its fields, its goals per party and its
        activities as rows (three shown, "Tilføj række" past them), saved with one click that
        opens the next form, if any."""
        user = self.user
        councils = {c.slug: c for c in Council.objects.filter(district=self.district)}
        form = user.locator(f"#nyt-indsatsomraade-{group.pk} form")
        with user.part("Indsatsområder"):
            self.check_once("area-form")
            user.fill(form.get_by_label("Titel"), item["title"])
            rank = form.get_by_label("Prioritet")
            if item.get("rank") and rank.input_value() != str(item["rank"]):
                user.fill(rank, str(item["rank"]))
            chosen_by = form.get_by_role("group", name="Valgt af lokalråd")
            for slug in item.get("councils", []):
                user.check(chosen_by.get_by_label(councils[slug].name, exact=True))
            user.fill(self.editor(form, "Baggrund"), text_of(item["background"]))
            if item["ambition"]:
                user.fill(form.get_by_label("Ambition"), item["ambition"])
        with user.part("Mål"):  # the area's goals in its own form
            self.goal_lines(form, item.get("goals", []))
        with user.part("Aktiviteter"):  # and its activities, a row each
            for number, spec in enumerate(item["activities"], start=1):
                row = form.get_by_role("group", name=f"Aktivitet {number}", exact=True)
                if not row.count():
                    user.click(form.get_by_role("button", name="Tilføj række"))
                    expect(row).to_be_visible()
                self.activity(row, spec, councils)
        with user.part("Indsatsområder"):
            user.click(form.get_by_role("button", name=button))
            heading = user.get_by_role("heading", name=item["title"], exact=True)
            expect(heading).to_be_visible()
            area = FocusArea.objects.get(plan=plan, title=item["title"])
            block = user.locator(f"#indsatsomraade-{area.pk}")
            for spec in item["activities"]:
                expect(block).to_contain_text(spec["text"])
            self.axe(user.page)

    def activity(self, row, spec, councils) -> None:
        """One activity's row of the area's form: text, timing, actors and police unit."""
        user = self.user
        user.fill(row.get_by_label("Aktivitet"), spec["text"])
        user.fill(row.get_by_label("Tidsramme"), spec["timing"])
        for actor in spec["actors"]:
            kind, _, name = actor.partition(":")
            if kind == "police":
                user.check(row.get_by_label("Politiet", exact=True))
            elif kind == "kommune":
                municipality = Municipality.objects.get(district=self.district, name=name)
                user.check(row.get_by_label(str(municipality), exact=True))
            elif kind == "forum":
                forum = Forum.objects.get(district=self.district, slug=name)
                user.select_option(row.get_by_label("Et samarbejdsforum"), str(forum.pk))
            elif kind == "council":
                user.check(row.get_by_label(councils[name].name, exact=True))
            else:
                user.check(row.get_by_label(ACTOR_LABELS[kind], exact=True))
        if spec.get("police_unit"):
            user.fill(row.get_by_label("Enhed i politiet"), spec["police_unit"])

    def annual_cycle(self) -> None:
        """All entries in one form, a row each ("Flere punkter": six rows for an empty cycle,
        "Tilføj række" past them), each the kredsråd's unless chosen otherwise."""
        user = self.user
        kredsraad = Council.objects.get(district=self.district, kind=Council.Kind.DISTRICT)
        block = user.locator("#aarshjul")
        with user.part("Årshjul"):
            user.click(block.get_by_role("link", name="Flere punkter i årshjulet"))
            form = user.locator(".workspace-edit form")
            self.check_once("cycle-rows")
            for number, item in enumerate(data.ANNUAL_CYCLE, start=1):
                row = form.get_by_role("group", name=f"Punkt {number}", exact=True)
                if not row.count():
                    user.click(form.get_by_role("button", name="Tilføj række"))
                    expect(row).to_be_visible()
                if item["kind"] != "meeting":
                    user.select_option(row.get_by_label("Type"), item["kind"])
                user.fill(row.get_by_label("Hvad"), item["title"])
                if item.get("month"):
                    user.select_option(row.get_by_label("måned", exact=True), str(item["month"]))
                if item.get("quarter"):
                    user.select_option(
                        row.get_by_label("kvartal", exact=True), str(item["quarter"])
                    )
                if item.get("undated"):
                    user.select_option(
                        row.get_by_label("uden fast måned", exact=True), item["undated"]
                    )
                if item.get("before_period"):
                    user.check(row.get_by_label("Året før perioden"))
                council = row.get_by_label("Råd", exact=True)  # the kredsråd's, unless…
                if item.get("local"):
                    user.select_option(council, "")
                else:
                    expect(council).to_have_value(str(kredsraad.pk))
                user.fill(row.get_by_label("Beskrivelse"), item["description"])
            self.submit(form, "Opret punkterne")
            expect_saved(block)
            for item in data.ANNUAL_CYCLE:
                expect(block).to_contain_text(item["title"])


GOAL_PARTIES = [
    ("police", "Politiet vil"),
    ("municipalities", "Kommunerne vil"),
    ("joint", "Sammen vil vi"),
]
ACTOR_LABELS = {
    "district_council": "Kredsrådet",
    "secretariat": "Sekretariatet",
    "all_local": "Alle lokalråd",
}


def expect_the_plan_of_the_data(plan: Plan) -> None:
    """The draft holds what demo/east_jutland.py says the plan holds."""
    areas = data.FOCUS_AREAS
    assert plan.sections.count() == len(list(walk(data.OUTLINE)))
    assert plan.focus_area_groups.count() == len(data.FOCUS_AREA_GROUPS)
    assert sorted(plan.focus_areas.values_list("title", flat=True)) == sorted(
        area["title"] for area in areas
    )
    assert Activity.objects.filter(focus_area__plan=plan).count() == sum(
        len(area["activities"]) for area in areas
    )
    assert plan.status == Plan.Status.DRAFT


def open_preview(user: CountingPage, axe, plan: Plan, titles) -> None:
    """The preview tab: the plan as citizens will read it once it is published."""
    tabs = user.get_by_role("navigation", name="Visning af planen")
    user.click(tabs.get_by_role("link", name=re.compile("^Forhåndsvisning")))
    expect(user.get_by_role("note")).to_contain_text("Forhåndsvisning – ikke offentliggjort.")
    for title in titles:
        expect(user.get_by_role("heading", name=title).first).to_be_visible()
    axe(user.page)


def test_the_east_jutland_plan_typed_in_from_scratch(page, axe, east_district):
    user = CountingPage(page)
    journey = FromScratch(user, axe, east_district)
    sign_in(user, axe)
    plan = journey.create_plan()  # with its cover, foreword and goals
    sections = journey.sections(plan)
    with user.part("Bilag"):
        journey.attachment()
    journey.groups_and_areas(plan, sections)
    journey.annual_cycle()
    # Ready for the kredsråd: the workflow offers to record its treatment.
    expect(user.get_by_role("link", name="Kredsrådets behandling …")).to_be_visible()
    open_preview(user, axe, plan, [area["title"] for area in data.FOCUS_AREAS])

    plan.refresh_from_db()
    expect_the_plan_of_the_data(plan)
    assert plan.annual_cycle.count() == len(data.ANNUAL_CYCLE)
    assert plan.goals.count() == len(data.GOALS) + sum(
        len(area.get("goals", [])) for area in data.FOCUS_AREAS
    )
    record("Fra bunden", user.count, FROM_SCRATCH_TARGET, user.tally)
    assert user.count <= FROM_SCRATCH_TARGET


def paragraphs(word: WordFile, markup: str) -> WordFile:
    for text in re.findall(r"<p>(.*?)</p>", markup, re.DOTALL):
        word.paragraph(text_of(text))
    return word


def plan_as_word() -> bytes:
    """The plan as the secretariat has it in Word: its title, the foreword, the chapters with
    their sub-sections and the figure, and in the chapter on crime its groups (Heading 2) with
    their focus areas (Heading 3): background, ambition, goals and the activities as a list
    under "Aktiviteter". The annual cycle and the attachment are not in the file."""
    spec = data.PLAN
    word = WordFile().title(f"{spec['title']} {spec['period_start']}-{spec['period_end']}")
    paragraphs(word.heading("Forord", 1), spec["foreword"])
    for item, depth in walk(data.OUTLINE):
        paragraphs(word.heading(item["title"], depth), item["body"])
        if item["key"] == data.FIGURE["section"]:
            word.image(alt=data.FIGURE["alt_text"], caption=data.FIGURE["caption"])
        for key in item.get("focus_area_groups", []):
            word.heading(data.FOCUS_AREA_GROUPS[key]["heading"], 2)
            for area in (area for area in data.FOCUS_AREAS if area["group"] == key):
                paragraphs(word.heading(area["title"], 3), area["background"])
                if area["ambition"]:
                    word.paragraph(area["ambition"])
                for party, heading in GOAL_PARTIES:
                    goals = [text for of, text in area.get("goals", []) if of == party]
                    if goals:
                        word.paragraph(f"{heading}:").bullets(*goals)
                word.heading("Aktiviteter", 4)
                word.bullets(*(activity["text"] for activity in area["activities"]))
    return word.bytes()


def test_the_east_jutland_plan_imported_from_word(page, axe, east_district):
    user = CountingPage(page)
    journey = FromScratch(user, axe, east_district)
    sign_in(user, axe)
    with user.part("Word-fil"):
        user.click(user.get_by_role("link", name="Importér fra Word"))
        axe(user.page)
        user.set_input_files(
            user.get_by_label("Word-fil"),
            {
                "name": "samarbejdsplan.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document",
                "buffer": plan_as_word(),
            },
        )
        user.fill(user.get_by_label("Periode fra år"), str(data.PLAN["period_start"]))
        user.fill(user.get_by_label("Periode til år"), str(data.PLAN["period_end"]))
        user.click(user.get_by_role("button", name="Læs filen"))
        expect(user.get_by_role("heading", level=1)).to_contain_text("opbygning")
        axe(user.page)
    with user.part("Opbygning"):
        # The suggestions are right for this file: the groups from its sub-headings, the
        # focus areas under them, the figure's alt text and caption from Word.
        user.click(user.get_by_role("button", name="Opret kladden"))
        expect(user.get_by_role("status").first).to_contain_text("er oprettet fra Word-filen")
        axe(user.page)
    plan = Plan.objects.get(district=east_district)
    with user.part("Det, Word ikke bærer"):
        user.click(
            user.get_by_role("link", name=f"Åbn arbejdsområdet for planen {plan.period_label}")
        )
        expect(user.get_by_role("heading", level=1)).to_contain_text(plan.title)
        journey.goals(
            user.locator("#planens-maal"), "Skriv målene som liste for planen", data.GOALS
        )
    with user.part("Bilag"):
        journey.attachment()
    expect(user.get_by_role("link", name="Kredsrådets behandling …")).to_be_visible()
    open_preview(user, axe, plan, [area["title"] for area in data.FOCUS_AREAS])

    plan.refresh_from_db()
    expect_the_plan_of_the_data(plan)
    groups = {group.heading: group for group in plan.focus_area_groups.all()}
    for spec in data.FOCUS_AREA_GROUPS.values():
        group = groups[spec["heading"]]
        assert (group.kind, group.ranked) == (spec["kind"], spec["ranked"])
    assert (
        plan.sections.get(title=data.OUTLINE[0]["title"]).figures.get().alt_text
        == (data.FIGURE["alt_text"])
    )
    assert plan.goals.count() == len(data.GOALS)
    record("Fra Word", user.count, FROM_WORD_TARGET, user.tally)
    assert user.count <= FROM_WORD_TARGET
