"""Following a plan or a lokalråd by e-mail, and the events that the digest and the Atom feed
carry (issue 14, "Follow").

A citizen without an account follows a district's current plan or one lokalråd: `subscribe`
stores the address with the hash of a random token and mails the confirmation link; nothing
else is sent before `confirm`. `send_digests` (`manage.py send_follow_digests`, daily from
cron) mails each confirmed address, at most once a day, the status changes and new versions
since its last digest; every mail has a link (and RFC 8058 headers) that deletes the address.

Events (`events_for`): a status update on an activity of the district's current plan whose
status differs from the assignment's update before it, and a new published version of one of
the district's plans. Only what the public pages show: the activity's text as its latest
published version has it, the council, the status, its date and public text; never an internal
note, never a draft's text.

Protection of the subscribe form against mailing someone else's inbox: an address gets at most
one confirmation mail per plan or lokalråd per hour and at most `MAILS_PER_ADDRESS_PER_HOUR`
in all; an address that already follows gets none. The answer is the same in every case, so
the form does not tell whether an address is stored.
"""

import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from councils.models import Council, PoliceDistrict

from .models import Follower, Plan, PlanVersion, Status, StatusUpdate

logger = logging.getLogger(__name__)

CONFIRMATION_VALID = datetime.timedelta(days=7)
RESEND_AFTER = datetime.timedelta(hours=1)
MAILS_PER_ADDRESS_PER_HOUR = 3
UNSUBSCRIBE_SALT = "plans.following.unsubscribe"
FEED_ITEMS = 50


class MailNotSent(Exception):
    """The confirmation mail could not be handed to the mail server."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _email_digest(email: str) -> str:
    """Binds an unsubscribe token to the address, without a readable trace of it."""
    return salted_hmac("plans.following.email", email, algorithm="sha256").hexdigest()[:16]


def unsubscribe_token(follower: Follower) -> str:
    """A signed token naming the follower and its address; it does not expire, since it sits
    in every mail sent."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(
        f"{follower.pk}.{_email_digest(follower.email)}"
    )


def unsubscribe_url(follower: Follower) -> str:
    return settings.SITE_URL + reverse("follow:unsubscribe", args=[unsubscribe_token(follower)])


def follower_for_unsubscribe(token: str) -> Follower | None:
    """The follower a token names; None for a token that is not ours or whose address is gone.
    Raises signing.BadSignature for a token that was not signed here."""
    value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    pk, _, digest = value.partition(".")
    follower = Follower.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if follower is None or _email_digest(follower.email) != digest:
        return None
    return follower


def followed_name(follower: Follower) -> str:
    if follower.council_id:
        return f"{follower.council.name} i {follower.council.district.name}"
    return f"samarbejdsplanen for {follower.district.name}"


# --- Subscribing ------------------------------------------------------------------------------


def subscribe(
    *, email: str, district: PoliceDistrict | None = None, council: Council | None = None
) -> bool:
    """Ask `email` to confirm following the district's plan or the lokalråd. True when a
    confirmation mail went out; False when none was due (the address already follows, or has
    had its mails for this hour). Raises MailNotSent when the mail server refused."""
    email = normalise_email(email)
    target = {"district": district} if council is None else {"council": council}
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            follower = Follower.objects.select_for_update().filter(email=email, **target).first()
            if follower is not None and follower.confirmed_at is not None:
                return False
            if follower is not None and follower.confirmation_sent_at > now - RESEND_AFTER:
                return False
            recent = Follower.objects.filter(
                email=email, confirmation_sent_at__gt=now - RESEND_AFTER
            ).count()
            if recent >= MAILS_PER_ADDRESS_PER_HOUR:
                return False
            if follower is None:
                follower = Follower(email=email, **target)
            follower.token_hash = token_hash(token)
            follower.confirmation_sent_at = now
            follower.full_clean()
            follower.save()
    except IntegrityError:  # the same address, sent twice at once: the other request mails
        return False
    try:
        _send_confirmation(follower, token)
    except OSError as error:
        logger.warning("Bekræftelsesmail ikke sendt: %s", error)
        # Nothing was sent: keep no address, and let the citizen try again at once.
        Follower.objects.filter(pk=follower.pk, confirmed_at__isnull=True).delete()
        raise MailNotSent from error
    return True


def _send_confirmation(follower: Follower, token: str) -> None:
    context = {
        "followed": followed_name(follower),
        "confirm_url": settings.SITE_URL + reverse("follow:confirm", args=[token]),
        "days": CONFIRMATION_VALID.days,
        "privacy_url": settings.SITE_URL + reverse("privacy"),
        "site_url": settings.SITE_URL,
    }
    message = EmailMultiAlternatives(
        subject=f"Bekræft, at du vil følge {context['followed']}",
        body=render_to_string("emails/follow_confirm.txt", context),
        to=[follower.email],
    )
    mailers.default.send_messages([message])


def pending_follower(token: str) -> Follower | None:
    """The unconfirmed follower whose confirmation link this is, if it has not expired."""
    if not token or len(token) > 100:
        return None
    return (
        Follower.objects.select_related("district", "council__district")
        .filter(
            token_hash=token_hash(token),
            confirmed_at__isnull=True,
            confirmation_sent_at__gt=timezone.now() - CONFIRMATION_VALID,
        )
        .first()
    )


def confirm(follower: Follower) -> None:
    """The address confirmed: from now on it gets the digest. The token is spent."""
    follower.confirmed_at = timezone.now()
    follower.token_hash = ""
    follower.save(update_fields=["confirmed_at", "token_hash"])


def unsubscribe(follower: Follower) -> int:
    """Delete the address: every plan and lokalråd it follows. How many it followed."""
    deleted, _ = Follower.objects.filter(email=follower.email).delete()
    return deleted


def remove_expired(now: datetime.datetime | None = None) -> int:
    """Delete the addresses that were never confirmed and whose link has expired."""
    now = now or timezone.now()
    deleted, _ = (
        Follower.objects.filter(confirmed_at__isnull=True)
        .exclude(confirmation_sent_at__gt=now - CONFIRMATION_VALID)
        .delete()
    )
    return deleted


# --- Events -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    pk: int
    created_at: datetime.datetime
    date: datetime.date
    activity: str
    council: str
    status: str
    public_text: str
    url: str

    kind = "status"


@dataclass(frozen=True)
class NewVersion:
    pk: int
    created_at: datetime.datetime
    date: datetime.date
    title: str
    number: int
    revision_note: str
    url: str

    kind = "version"


def _activity_texts(plans) -> dict[int, tuple[str, str]]:
    """{activity id: (text, plan address)} from the latest version of each plan: the text as
    it was published, never a draft's."""
    texts = {}
    for plan in plans:
        version = plan.versions.order_by("-number").first()
        if version is None:
            continue
        plan_url = plan.get_absolute_url()
        for area in version.snapshot["focus_areas"]:
            for activity in area["activities"]:
                texts[activity["id"]] = (activity["text"], plan_url)
    return texts


def status_changes(
    *,
    district: PoliceDistrict,
    council: Council | None = None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
    limit: int | None = None,
) -> list[StatusChange]:
    """Status changes on the activities of the district's current plan (only the lokalråd's,
    with `council`), newest first."""
    plans = list(Plan.objects.current().for_district(district).select_related("district"))
    texts = _activity_texts(plans)
    previous = (
        StatusUpdate.objects.filter(
            assignment=OuterRef("assignment"), created_at__lt=OuterRef("created_at")
        )
        .order_by("-created_at", "-pk")
        .values("status")[:1]
    )
    updates = StatusUpdate.objects.filter(
        assignment__activity__focus_area__plan__in=[plan.pk for plan in plans],
        assignment__activity_id__in=list(texts),
    )
    if council is not None:
        updates = updates.filter(assignment__council=council)
    if since is not None:
        updates = updates.filter(created_at__gt=since)
    if until is not None:
        updates = updates.filter(created_at__lte=until)
    updates = (
        updates.annotate(previous=Coalesce(Subquery(previous), Value(Status.NOT_STARTED)))
        .exclude(status=F("previous"))
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "created_at",
            "date",
            "status",
            "public_text",
            "assignment__activity_id",
            "assignment__council__name",
        )
    )
    if limit is not None:
        updates = updates[:limit]
    labels = dict(Status.choices)
    changes = []
    for row in updates:
        activity_id = row["assignment__activity_id"]
        text, plan_url = texts[activity_id]
        changes.append(
            StatusChange(
                pk=row["pk"],
                created_at=row["created_at"],
                date=row["date"],
                activity=text,
                council=row["assignment__council__name"],
                status=str(labels[row["status"]]),
                public_text=row["public_text"],
                url=f"{plan_url}aktivitet/{activity_id}/",
            )
        )
    return changes


def new_versions(
    *,
    district: PoliceDistrict,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
    limit: int | None = None,
) -> list[NewVersion]:
    """Published versions of the district's plans, newest first."""
    versions = (
        PlanVersion.objects.published()
        .filter(plan__district=district)
        .select_related("plan__district")
        .defer("snapshot")
        .order_by("-created_at", "-pk")
    )
    if since is not None:
        versions = versions.filter(created_at__gt=since)
    if until is not None:
        versions = versions.filter(created_at__lte=until)
    if limit is not None:
        versions = versions[:limit]
    return [
        NewVersion(
            pk=version.pk,
            created_at=version.created_at,
            date=version.published_on,
            title=f"{version.plan.title} {version.plan.period_label}",
            number=version.number,
            revision_note=version.revision_note,
            url=reverse(
                "public:plan_version",
                kwargs={
                    "district": district.slug,
                    "period": version.plan.period_label,
                    "number": version.number,
                },
            ),
        )
        for version in versions
    ]


def events_for(
    *,
    district: PoliceDistrict,
    council: Council | None = None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
    limit: int | None = None,
) -> list[StatusChange | NewVersion]:
    """Status changes and new versions together, newest first."""
    events = [
        *status_changes(district=district, council=council, since=since, until=until, limit=limit),
        *new_versions(district=district, since=since, until=until, limit=limit),
    ]
    events.sort(key=lambda event: event.created_at, reverse=True)
    return events[:limit] if limit is not None else events


# --- The daily digest -------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestResult:
    mails: int
    skipped_today: int
    expired_removed: int


def _start_of_day(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def send_digests(*, now: datetime.datetime | None = None) -> DigestResult:
    """One mail per confirmed address that has news since its last digest, at most one a day.

    Run twice the same day, the second run sends nothing to an address the first one mailed.
    Each address's mail lists, per plan or lokalråd it follows, the events after its last digest
    (or its confirmation) up to `now`; an address with no news gets no mail.
    """
    now = now or timezone.now()
    today = _start_of_day(now)
    expired = remove_expired(now)
    followers = (
        Follower.objects.confirmed()
        .select_related("district", "council__district")
        .order_by("email", "pk")
    )
    # The events of one plan or lokalråd, read once for all its followers.
    found: dict[tuple, list] = {}
    earliest: dict[tuple, datetime.datetime] = {}
    rows = list(followers)
    for follower in rows:
        key = (follower.district_id, follower.council_id)
        since = follower.last_sent_at or follower.confirmed_at
        earliest[key] = min(since, earliest.get(key, since))

    def events(follower: Follower, since: datetime.datetime) -> list:
        key = (follower.district_id, follower.council_id)
        if key not in found:
            found[key] = events_for(
                district=follower.followed_district,
                council=follower.council,
                since=earliest[key],
                until=now,
            )
        return [event for event in found[key] if event.created_at > since]

    mails = skipped = 0
    for email, group in groupby(rows, key=lambda follower: follower.email):
        group = list(group)
        if any(f.last_sent_at and f.last_sent_at >= today for f in group):
            skipped += 1
            continue
        sections = []
        for follower in group:
            news = events(follower, follower.last_sent_at or follower.confirmed_at)
            if news:
                sections.append({"name": followed_name(follower), "events": news})
        if not sections:
            continue
        mailers.default.send_messages([_digest_message(email, group[0], sections)])
        Follower.objects.filter(pk__in=[f.pk for f in group]).update(last_sent_at=now)
        mails += 1
    return DigestResult(mails=mails, skipped_today=skipped, expired_removed=expired)


def _digest_message(email: str, follower: Follower, sections: list[dict]) -> EmailMultiAlternatives:
    link = unsubscribe_url(follower)
    context = {
        "sections": sections,
        "unsubscribe_url": link,
        "privacy_url": settings.SITE_URL + reverse("privacy"),
        "site_url": settings.SITE_URL,
    }
    names = [section["name"] for section in sections]
    subject = "Nyt fra " + (names[0] if len(names) == 1 else "de planer og lokalråd, du følger")
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("emails/follow_digest.txt", context),
        to=[email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("emails/follow_digest.html", context), "text/html")
    return message
