"""The public version diff marks the words that changed inside a paragraph, keeps paragraphs
apart, folds the unchanged ones, and never lets stored HTML through."""

import pytest

from plans.models import PlanSection, PlanVersion

from .conftest import plan_url

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Kredsrådet mødes fire gange om året.</p>"
    "<p>Lokalrådene mødes efter behov.</p>"
    "<p>Sekretariatet skriver referat.</p>"
)


@pytest.fixture
def revised(content, publish):
    section = content.sections.get(title="Organisering")
    section.body = BODY
    section.save()
    publish(content)
    return content, section


def diff_page(client, plan) -> str:
    response = client.get(plan_url(plan, "public:version_diff", old=1, new=2))
    assert response.status_code == 200
    return response.content.decode()


def section_change(html: str) -> str:
    return html.split("<h2>Afsnit</h2>", 1)[1].split("</ul>", 1)[0]


def test_one_changed_word_is_marked_and_the_rest_of_its_paragraph_is_not(client, revised, publish):
    plan, section = revised
    section.body = BODY.replace("fire gange", "seks gange")
    section.save()
    publish(plan)
    html = section_change(diff_page(client, plan))
    assert (
        "Kredsrådet mødes "
        '<del><span class="visually-hidden">fjernet: </span>fire</del>'
        '<ins><span class="visually-hidden">tilføjet: </span>seks</ins>'
        " gange om året."
    ) in html
    assert "<summary>2 uændrede afsnit</summary>" in html
    assert '<p class="diff-block diff-paragraph">Lokalrådene mødes efter behov.</p>' in html
    assert "<del>Tre niveauer" not in html  # not the whole text struck out


def test_an_added_and_a_removed_paragraph_are_shown_apart(client, revised, publish):
    plan, section = revised
    section.body = (
        "<p>Kredsrådet mødes fire gange om året.</p>"
        "<p>Borgerne kan læse planen på portalen.</p>"
        "<p>Lokalrådene mødes efter behov.</p>"
    )
    section.save()
    publish(plan)
    html = section_change(diff_page(client, plan))
    assert (
        '<p class="diff-block diff-paragraph diff-added"><ins>'
        '<span class="visually-hidden">tilføjet: </span>Borgerne kan læse planen på portalen.</ins>'
    ) in html
    assert (
        '<p class="diff-block diff-paragraph diff-removed"><del>'
        '<span class="visually-hidden">fjernet: </span>Sekretariatet skriver referat.</del>'
    ) in html
    assert "<summary>1 uændret afsnit</summary>" in html


def test_html_in_a_stored_version_is_shown_as_text_never_as_markup(client, revised, publish):
    plan, section = revised
    publish(plan)
    # Sanitising on save would remove it; a stored snapshot is written here as it might be.
    newest = plan.versions.get(number=2)
    snapshot = dict(newest.snapshot)
    snapshot["sections"] = [
        {
            **s,
            "title": s["title"] + " <b>fed</b>",
            "body": s["body"].replace(
                "fire gange",
                'fire <script>alert("x")</script><img src=x onerror=alert(1)>'
                "&lt;script&gt;alert(2)&lt;/script&gt; gange",
            ),
        }
        if s["id"] == section.pk
        else s
        for s in snapshot["sections"]
    ]
    PlanVersion.objects.filter(pk=newest.pk).update(snapshot=snapshot)
    html = diff_page(client, plan)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "onerror" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "alert(&quot;x&quot;)" not in html  # a script's content is not text
    assert "&lt;b&gt;fed&lt;/b&gt;" in html
    assert "<b>fed</b>" not in html


def test_a_changed_activity_text_marks_its_changed_words(client, published, publish):
    activity = published.focus_areas.first().activities.first()
    words = activity.text.split()
    activity.text = " ".join([*words, "hver", "uge"])
    activity.save()
    publish(published)
    html = diff_page(client, published).split("<h2>Aktiviteter</h2>", 1)[1]
    assert (
        f'{" ".join(words)}<ins><span class="visually-hidden">tilføjet: </span> hver uge</ins>'
        in html
    )


def test_a_section_body_unchanged_in_text_lists_no_word_change(client, revised, publish):
    plan, _section = revised
    PlanSection.objects.filter(pk=_section.pk).update(title="Organisation")
    publish(plan)
    html = section_change(diff_page(client, plan))
    assert "Organisering" in html and "Organisation" in html
    assert "uændrede afsnit" not in html  # only the title changed
