"""Following a plan or a lokalråd by e-mail (plans/following.py): double opt-in, the daily
digest, the unsubscribe link that deletes the address, and the district's Atom feed."""

import datetime
import io
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from councils.models import PoliceDistrict
from plans import following
from plans.models import Assignment, Follower, Plan
from tests.conftest import create_plan

from .conftest import DISTRICT, building, create_secretary, publish_as

pytestmark = pytest.mark.usefixtures("plan_once")

ADDRESS = "borger@example.dk"


@pytest.fixture(scope="module")
def plan_once(django_db_setup, django_db_blocker):
    """The district's plan with two activities, published once for the module by its
    `secretary`; each test runs in a savepoint inside this transaction."""
    with building(django_db_blocker), transaction.atomic():
        secretary = create_secretary()
        district = PoliceDistrict.objects.get(slug=DISTRICT)
        plan = create_plan(district, start=2023, end=2026, activities=2)
        publish_as(secretary, plan)
        yield SimpleNamespace(plan_pk=plan.pk, secretary_pk=secretary.pk)
        transaction.set_rollback(True)


@pytest.fixture
def plan(plan_once):
    return Plan.objects.get(pk=plan_once.plan_pk)


@pytest.fixture
def secretary(plan_once):
    return get_user_model().objects.get(pk=plan_once.secretary_pk)


@pytest.fixture
def esbjerg_assignment(plan, esbjerg):
    return Assignment.objects.get(
        activity__focus_area__plan=plan, activity__order=0, council=esbjerg
    )


def link_in(body: str, part: str) -> str:
    """The path of the first link in a mail's text whose address contains `part`."""
    url = re.search(rf"https?://\S*{re.escape(part)}\S*", body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def follow(client, district, email=ADDRESS, council=None):
    if council is None:
        url = reverse("follow:district", args=[district.slug])
    else:
        url = reverse("follow:council", args=[district.slug, council.slug])
    return client.post(url, {"email": email})


def follow_and_confirm(client, district, email=ADDRESS, council=None) -> Follower:
    follow(client, district, email, council)
    confirm_path = link_in(mail.outbox[-1].body, "/foelg/bekraeft/")
    client.post(confirm_path)
    return Follower.objects.get(email=email, council=council)


def test_follow_confirm_digest_unsubscribe(client, district, plan, esbjerg_assignment, report):
    response = follow(client, district, "Borger@Example.dk ")
    assert "Tjek din indbakke" in response.text
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == [ADDRESS]
    assert "Bekræft" in confirmation.subject
    confirm_path = link_in(confirmation.body, "/foelg/bekraeft/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert 'type="submit"' in page.text
    assert Follower.objects.get().confirmed_at is None  # a GET (a mail scanner) confirms nothing
    assert "Du følger nu samarbejdsplanen for" in client.post(confirm_path).text
    assert Follower.objects.get().confirmed_at is not None

    report(esbjerg_assignment, status="in_progress", text="Første møde er holdt.")
    call_command("send_follow_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == [ADDRESS]
    assert "Esbjerg" in digest.body
    assert "I gang" in digest.body
    assert "Aktivitet 1" in digest.body
    assert "Første møde er holdt." in digest.body
    unsubscribe_url = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in digest.body

    call_command("send_follow_digests", stdout=io.StringIO())
    assert len(mail.outbox) == 2  # at most one a day

    unsubscribe_path = re.sub(r"^https?://[^/]+", "", unsubscribe_url)
    page = client.get(unsubscribe_path)
    assert "Afmeld og slet min adresse" in page.text
    assert Follower.objects.exists()
    assert "Din adresse er slettet" in client.post(unsubscribe_path).text
    assert not Follower.objects.exists()


def test_nothing_is_sent_before_confirmation(client, district, plan, esbjerg_assignment, report):
    follow(client, district)
    report(esbjerg_assignment, status="done")
    following.send_digests()
    assert len(mail.outbox) == 1  # the confirmation alone


def test_following_again_adds_no_row_and_answers_alike(client, district, plan):
    first = follow(client, district)
    follow_and_confirm(Client(), district, "anden@example.dk")
    again = follow(client, district)
    assert "Tjek din indbakke" in first.text and "Tjek din indbakke" in again.text
    assert Follower.objects.filter(email=ADDRESS).count() == 1
    assert len([m for m in mail.outbox if m.to == [ADDRESS]]) == 1
    confirmed = follow(client, district, "anden@example.dk")
    assert "Tjek din indbakke" in confirmed.text
    assert len([m for m in mail.outbox if m.to == ["anden@example.dk"]]) == 1


def test_an_address_gets_at_most_three_confirmation_mails_an_hour(client, district, plan):
    councils = list(district.councils.exclude(kind="district").order_by("pk")[:4])
    for council in councils:
        follow(client, district, council=council)
    assert len(mail.outbox) == 3
    assert Follower.objects.count() == 3  # no address kept for the mail not sent


def test_a_confirmation_mail_is_sent_again_after_an_hour(client, district, plan):
    follow(client, district)
    Follower.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=61))
    follow(client, district)
    assert len(mail.outbox) == 2
    old_path = link_in(mail.outbox[0].body, "/foelg/bekraeft/")
    assert client.get(old_path).status_code == 400  # only the newest link works


def test_expired_confirmation_link_says_so_in_danish(client, district, plan):
    follow(client, district)
    Follower.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(days=8))
    response = client.post(link_in(mail.outbox[0].body, "/foelg/bekraeft/"))
    assert response.status_code == 400
    assert "Linket virker ikke" in response.text
    assert "udløbet" in response.text
    assert Follower.objects.get().confirmed_at is None


def test_tampered_links_say_so_in_danish(client, district, plan):
    follower = follow_and_confirm(client, district)
    token = following.unsubscribe_token(follower)
    tampered = token.replace(f"{follower.pk}.", f"{follower.pk + 1}.", 1)
    response = client.post(reverse("follow:unsubscribe", args=[tampered]))
    assert response.status_code == 400
    assert "Linket til at afmelde er ikke gyldigt" in response.text
    assert Follower.objects.exists()
    assert client.get(reverse("follow:confirm", args=["x" * 43])).status_code == 400


def test_one_click_unsubscribe_needs_no_csrf_token(client, district, plan):
    follower = follow_and_confirm(client, district)
    follow_and_confirm(client, district, council=district.councils.get(slug="esbjerg"))
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        reverse("follow:unsubscribe", args=[following.unsubscribe_token(follower)]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Follower.objects.filter(email=ADDRESS).exists()  # every follow of the address


def test_subscribe_form_needs_its_csrf_token(district, plan):
    response = Client(enforce_csrf_checks=True).post(
        reverse("follow:district", args=[district.slug]), {"email": ADDRESS}
    )
    assert response.status_code == 403
    assert not mail.outbox


def test_a_wrong_address_is_refused_in_danish_and_kept(client, district, plan):
    response = follow(client, district, "borger@")
    assert "Skriv en gyldig e-mailadresse" in response.text
    assert 'value="borger@"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not mail.outbox


def test_no_digest_when_nothing_changed(client, district, plan):
    follow_and_confirm(client, district)
    following.send_digests()
    assert len(mail.outbox) == 1


def test_next_day_brings_the_next_digest(client, district, plan, esbjerg_assignment, report):
    follower = follow_and_confirm(client, district)
    report(esbjerg_assignment, status="in_progress")
    following.send_digests()
    report(esbjerg_assignment, status="done", text="Alt er gjort.")
    following.send_digests()
    assert len(mail.outbox) == 2
    following.send_digests(now=timezone.now() + datetime.timedelta(days=1))
    assert len(mail.outbox) == 3
    assert "Gennemført" in mail.outbox[2].body
    assert "Alt er gjort." in mail.outbox[2].body
    assert "I gang" not in mail.outbox[2].body  # only what came after the last digest
    follower.refresh_from_db()
    assert follower.last_sent_at > timezone.now()


def test_a_report_without_a_new_status_is_not_news(
    client, district, plan, esbjerg_assignment, report
):
    report(esbjerg_assignment, status="in_progress")
    follow_and_confirm(client, district)
    report(esbjerg_assignment, status="in_progress", text="Stadig i gang.")
    following.send_digests()
    assert len(mail.outbox) == 1


def test_digest_names_a_new_version(client, district, plan, publish):
    follow_and_confirm(client, district)
    publish(plan, note="Nye aktiviteter om cykeltyveri")
    following.send_digests()
    digest = mail.outbox[-1]
    assert "Ny version offentliggjort" in digest.body
    assert "version 2" in digest.body
    assert "Nye aktiviteter om cykeltyveri" in digest.body


def test_a_lokalraad_follower_hears_of_that_lokalraad_only(
    client, district, plan, esbjerg, toender, report
):
    follow_and_confirm(client, district, council=esbjerg)
    activity = plan.focus_areas.get().activities.get(order=0)
    report(Assignment.objects.get(activity=activity, council=toender), status="done")
    following.send_digests()
    assert len(mail.outbox) == 1
    report(Assignment.objects.get(activity=activity, council=esbjerg), status="postponed")
    following.send_digests()
    assert len(mail.outbox) == 2
    assert "Udskudt" in mail.outbox[1].body
    assert "Tønder" not in mail.outbox[1].body


def test_one_mail_a_day_for_an_address_that_follows_two_things(
    client, district, plan, esbjerg, esbjerg_assignment, report
):
    follow_and_confirm(client, district)
    follow_and_confirm(client, district, council=esbjerg)
    report(esbjerg_assignment, status="done")
    following.send_digests()
    assert len(mail.outbox) == 3
    assert mail.outbox[2].subject == "Nyt fra de planer og lokalråd, du følger"


def test_an_internal_note_never_reaches_the_digest(
    client, district, plan, esbjerg_assignment, report
):
    follow_and_confirm(client, district)
    report(esbjerg_assignment, status="done", note="Hemmelig intern note")
    following.send_digests()
    assert "Hemmelig intern note" not in mail.outbox[-1].body
    assert "Hemmelig intern note" not in mail.outbox[-1].alternatives[0].content


def test_unconfirmed_addresses_are_deleted_after_a_week(client, district, plan):
    follow(client, district)
    follow(client, district, "ny@example.dk")
    Follower.objects.filter(email=ADDRESS).update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(days=8)
    )
    following.send_digests()
    assert list(Follower.objects.values_list("email", flat=True)) == ["ny@example.dk"]


def test_feed_carries_status_changes_and_versions(
    client, district, plan, esbjerg_assignment, report
):
    report(esbjerg_assignment, status="done", text="Færdig.", note="Hemmelig intern note")
    response = client.get(reverse("public:feed", args=[district.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.text
    assert "<feed" in text
    assert "Esbjerg" in text and "Gennemført" in text
    assert "Ny version offentliggjort" in text
    assert "Hemmelig intern note" not in text


def test_district_page_links_the_feed_and_the_follow_form(client, district, plan):
    follow_and_confirm(Client(), district)
    page = client.get(reverse("public:district", args=[district.slug])).text
    assert 'rel="alternate" type="application/atom+xml"' in page
    assert reverse("follow:district", args=[district.slug]) in page
    assert ADDRESS not in page
    assert ADDRESS not in client.get(reverse("public:feed", args=[district.slug])).text


def test_council_page_links_its_follow_form(client, district, esbjerg, plan):
    page = client.get(reverse("public:council", args=[district.slug, esbjerg.slug])).text
    assert reverse("follow:council", args=[district.slug, esbjerg.slug]) in page


def test_privacy_page_is_in_the_footer_and_tells_how_to_delete(client, db):
    home = client.get(reverse("home")).text
    assert reverse("privacy") in home
    page = client.get(reverse("privacy")).text
    assert "Slet min adresse" in page
    assert "aldrig sagsoplysninger om enkelte borgere" in page


def test_following_leaves_the_cached_district_page_alone(
    client, district, plan, django_capture_on_commit_callbacks
):
    url = reverse("public:district", args=[district.slug])
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        follow_and_confirm(Client(), district)
    assert callbacks == []  # no cached page made stale
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("plans.views.public.render", None)  # a render now would fail
        assert Client().get(url).status_code == 200
