"""Every URL pattern of the portal, and how to fill it in with the dataset's objects.

`url_patterns()` walks the root resolver, so a new URL shows up here by itself; `path_for()`
turns a pattern into a concrete address about district A (tests/security/dataset.py). A pattern
this module cannot fill in raises KeyError, so the permission matrix fails until it is added.
"""

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plans.models import Goal

from .dataset import Dataset


@dataclass(frozen=True)
class Pattern:
    key: str  # the URL name ("admin:plans_plan_change"), or the route for unnamed patterns
    route: str


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            route = prefix + str(pattern.pattern)
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield Pattern(key=name or route, route=route)


def url_patterns() -> list[Pattern]:
    seen, result = set(), []
    for pattern in _walk(get_resolver().url_patterns):
        if pattern.key not in seen:
            seen.add(pattern.key)
            result.append(pattern)
    return result


def add_log_rows() -> None:
    """A row in each of the sign-in logs, so their admin pages have an object. The task queue
    stays empty: with the test settings' immediate backend its admin cannot list queued tasks."""
    now = timezone.now()
    who = {"username": "a-medlem", "ip_address": "203.0.113.7", "user_agent": "Firefox"}
    AccessAttempt.objects.create(
        **who,
        http_accept="*/*",
        path_info="/konto/log-ind/",
        attempt_time=now,
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    AccessLog.objects.create(
        **who, http_accept="*/*", path_info="/konto/log-ind/", attempt_time=now
    )
    AccessFailureLog.objects.create(
        **who, http_accept="*/*", path_info="/konto/log-ind/", attempt_time=now, locked_out=False
    )


def admin_object(data: Dataset, model: str):
    """The object of one admin model: district A's where the model belongs to a district.
    Only the one asked for is looked up: an admin address needs one object, not all 28."""
    return _admin_objects(data)[model]()


def _admin_objects(data: Dataset) -> dict:
    a = data.a
    return {
        "auth_group": lambda: Group.objects.get(name="Sekretariat"),
        "auth_user": lambda: a.member,
        "django_tasks_database_dbtaskresult": lambda: DBTaskResult(pk=MISSING_TASK),
        "axes_accessattempt": lambda: AccessAttempt.objects.first(),
        "axes_accesslog": lambda: AccessLog.objects.first(),
        "axes_accessfailurelog": lambda: AccessFailureLog.objects.first(),
        "otp_totp_totpdevice": lambda: a.secretariat.totpdevice_set.first(),
        "councils_policedistrict": lambda: a.district,
        "councils_municipality": lambda: a.council.municipalities.first(),
        "councils_secretariatstaff": lambda: a.secretariat.secretariat,
        "councils_council": lambda: a.council,
        "councils_person": lambda: a.member.person,
        "councils_membership": lambda: a.member.person.memberships.first(),
        "councils_stafffunction": lambda: a.staff_function,
        "forums_forum": lambda: a.forum,
        "plans_plan": lambda: a.plan,
        "plans_plansection": lambda: a.section,
        "plans_focusarea": lambda: a.focus_area,
        "plans_focusareagroup": lambda: a.focus_area.group,
        "plans_activity": lambda: a.activity,
        "plans_annualcycleentry": lambda: a.plan.annual_cycle.first(),
        "plans_assignment": lambda: a.assignment,
        "plans_statusupdate": lambda: a.assignment.latest_update,
        "plans_reportinground": lambda: a.reporting_round,
        "plans_planversion": lambda: a.version,
        "plans_workflowevent": lambda: a.plan.workflow_events.first(),
        "plans_sectionfigure": lambda: a.figure,
        "plans_planattachment": lambda: a.attachment,
    }


MISSING_TASK = "00000000-0000-4000-8000-000000000000"
ADMIN_VIEWS = ("changelist", "add", "history", "delete", "change")
ADMIN_SITE_VIEWS = {
    "admin:index",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:password_change_done",
    "admin:jsi18n",
}


def _admin_path(pattern: Pattern, data: Dataset) -> str:
    if pattern.key in ADMIN_SITE_VIEWS:
        return reverse(pattern.key)
    if pattern.key == "admin:app_list":
        return reverse("admin:app_list", kwargs={"app_label": "plans"})
    if pattern.key == "admin:view_on_site":
        # Earlier tests that empty the database leave stale ids in the content-type cache.
        ContentType.objects.clear_cache()
        plan = data.a.plan
        return reverse(
            "admin:view_on_site", args=[ContentType.objects.get_for_model(plan).pk, plan.pk]
        )
    if pattern.key == "admin:autocomplete":
        return (
            reverse("admin:autocomplete")
            + "?app_label=plans&model_name=focusarea&field_name=councils&term=a"
        )
    if pattern.key == "admin:auth_user_password_change":
        return reverse(pattern.key, args=[data.a.member.pk])
    if pattern.key in {"admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode"}:
        return reverse(pattern.key, args=[admin_object(data, "otp_totp_totpdevice").pk])
    if pattern.key in {"admin:plans_plan_approve", "admin:plans_plan_publish"}:
        return reverse(pattern.key, args=[data.a.draft.pk])
    if pattern.key == "admin:plans_plan_supersede":
        return reverse(pattern.key, args=[data.a.plan.pk])
    if pattern.key == "admin/(?P<url>.*)$":
        return "/admin/ukendt/side/"
    if pattern.key.startswith("admin:"):
        model, _, view = pattern.key.removeprefix("admin:").rpartition("_")
        if view not in ADMIN_VIEWS:
            raise KeyError(pattern.key)
        if view in {"changelist", "add"}:
            return reverse(pattern.key)
        return reverse(pattern.key, args=[admin_object(data, model).pk])
    # Unnamed "admin/<app>/<model>/<path:object_id>/": the old address of a change form.
    app, model = pattern.route.split("/")[1:3]
    return f"/admin/{app}/{model}/{admin_object(data, f'{app}_{model}').pk}/"


def workspace_part_paths(a) -> dict:
    """The plan workspace's other parts (plans/views/workspace_parts.py), district A's plan."""
    plan = a.plan.pk
    parts = {
        "group": lambda: a.focus_area.group.pk,
        "area": lambda: a.focus_area.pk,
        "goal": lambda: Goal.objects.filter(plan=a.plan, focus_area__isnull=True).first().pk,
        "entry": lambda: a.plan.annual_cycle.first().pk,
        "section": lambda: a.section.pk,
        "figure": lambda: a.figure.pk,
        "attachment": lambda: a.attachment.pk,
    }
    names = {
        "focus_area_add": "group",
        "focus_area_move": "area",
        "focus_area_delete": "area",
        "area_goal_add": "area",
        "area_goal_list": "area",
        "group_add": None,
        "section_group_add": "section",
        "group_edit": "group",
        "group_move": "group",
        "group_delete": "group",
        "goal_add": None,
        "goal_list": None,
        "goal_edit": "goal",
        "goal_move": "goal",
        "goal_delete": "goal",
        "cycle_add": None,
        "cycle_add_rows": None,
        "cycle_edit": "entry",
        "cycle_move": "entry",
        "cycle_delete": "entry",
        "figure_add": "section",
        "figure_edit": "figure",
        "figure_move": "figure",
        "figure_delete": "figure",
        "attachment_add": None,
        "attachment_edit": "attachment",
        "attachment_move": "attachment",
        "attachment_delete": "attachment",
    }

    def path(name, part):
        # The part is looked up when the address is asked for, not for every address built.
        return lambda: reverse(
            f"workspace:{name}", args=[plan] if part is None else [plan, parts[part]()]
        )

    return {f"workspace:{name}": path(name, part) for name, part in names.items()}


def path_for(pattern: Pattern, data: Dataset) -> str:
    a = data.a
    plan = {"district": a.district.slug, "period": a.plan.period_label}
    draft = {"district": a.district.slug, "period": a.draft.period_label}
    council = a.council.pk
    paths = {
        "home": lambda: reverse("home"),
        "accessibility": lambda: reverse("accessibility"),
        "healthz": lambda: reverse("healthz"),
        "favicon": lambda: reverse("favicon"),
        "sitemap": lambda: reverse("sitemap"),
        "^media/(?P<path>.*)$": lambda: "/media/plans/pdf/findes-ikke.pdf",
        "twofactor:verify": lambda: reverse("twofactor:verify"),
        "twofactor:setup": lambda: reverse("twofactor:setup"),
        "accounts:login": lambda: reverse("accounts:login"),
        "accounts:logout": lambda: reverse("accounts:logout"),
        "accounts:password_reset": lambda: reverse("accounts:password_reset"),
        "accounts:password_reset_done": lambda: reverse("accounts:password_reset_done"),
        "accounts:password_reset_confirm": lambda: reverse(
            "accounts:password_reset_confirm", args=["MQ", "forkert-noegle"]
        ),
        "accounts:password_reset_complete": lambda: reverse("accounts:password_reset_complete"),
        "members:home": lambda: reverse("members:home"),
        "members:council": lambda: reverse("members:council", args=[council]),
        "members:assignment": lambda: reverse("members:assignment", args=[a.assignment.pk]),
        "members:local_plan": lambda: reverse("members:local_plan", args=[council]),
        "members:focus_area_create": lambda: reverse("members:focus_area_create", args=[council]),
        "members:focus_area_edit": lambda: reverse(
            "members:focus_area_edit", args=[council, a.local_focus_area.pk]
        ),
        "members:focus_area_move": lambda: reverse(
            "members:focus_area_move", args=[council, a.local_focus_area.pk]
        ),
        "members:activity_create": lambda: reverse("members:activity_create", args=[council]),
        "members:activity_edit": lambda: reverse(
            "members:activity_edit", args=[council, a.local_activity.pk]
        ),
        "members:activity_move": lambda: reverse(
            "members:activity_move", args=[council, a.local_activity.pk]
        ),
        "workspace:home": lambda: reverse("workspace:home"),
        "workspace:next_period": lambda: reverse("workspace:next_period", args=[a.plan.pk]),
        "workspace:plan": lambda: reverse("workspace:plan", args=[a.plan.pk]),
        "workspace:front_matter": lambda: reverse("workspace:front_matter", args=[a.plan.pk]),
        "workspace:section_add": lambda: reverse("workspace:section_add", args=[a.plan.pk]),
        "workspace:section_edit": lambda: reverse(
            "workspace:section_edit", args=[a.plan.pk, a.section.pk]
        ),
        "workspace:section_move": lambda: reverse(
            "workspace:section_move", args=[a.plan.pk, a.section.pk]
        ),
        "workspace:section_delete": lambda: reverse(
            "workspace:section_delete", args=[a.plan.pk, a.section.pk]
        ),
        "workspace:focus_area_edit": lambda: reverse(
            "workspace:focus_area_edit", args=[a.plan.pk, a.focus_area.pk]
        ),
        "workspace:activity_add": lambda: reverse(
            "workspace:activity_add", args=[a.plan.pk, a.focus_area.pk]
        ),
        "workspace:activity_edit": lambda: reverse(
            "workspace:activity_edit", args=[a.plan.pk, a.activity.pk]
        ),
        "workspace:activity_move": lambda: reverse(
            "workspace:activity_move", args=[a.plan.pk, a.activity.pk]
        ),
        "workspace:activity_delete": lambda: reverse(
            "workspace:activity_delete", args=[a.plan.pk, a.activity.pk]
        ),
        "workspace:approve": lambda: reverse("workspace:approve", args=[a.draft.pk]),
        "workspace:publish": lambda: reverse("workspace:publish", args=[a.draft.pk]),
        "workspace:supersede": lambda: reverse("workspace:supersede", args=[a.plan.pk]),
        "workspace:preview": lambda: reverse("workspace:preview", args=[a.draft.pk]),
        **workspace_part_paths(a),
        "workspace:plan_add": lambda: reverse("workspace:plan_add"),
        "workspace:import_docx": lambda: reverse("workspace:import_docx"),
        "workspace:import_docx_map": lambda: reverse("workspace:import_docx_map"),
        "rounds:index": lambda: reverse("rounds:index"),
        "rounds:open": lambda: reverse("rounds:open"),
        "rounds:detail": lambda: reverse("rounds:detail", args=[a.reporting_round.pk]),
        "rounds:close": lambda: reverse("rounds:close", args=[a.reporting_round.pk]),
        "rounds:remind": lambda: reverse("rounds:remind", args=[a.reporting_round.pk]),
        "rounds:council": lambda: reverse("rounds:council", args=[a.reporting_round.pk, council]),
        "rounds:import": lambda: reverse("rounds:import", args=[a.reporting_round.pk]),
        "rounds:report": lambda: reverse("rounds:report", args=[a.reporting_round.pk]),
        "rounds:report_csv": lambda: reverse("rounds:report_csv", args=[a.reporting_round.pk]),
        "pdf:plan": lambda: reverse("pdf:plan", kwargs=plan),
        "pdf:version": lambda: reverse("pdf:version", kwargs={**plan, "number": 1}),
        "pdf:status_report": lambda: reverse("pdf:status_report", args=[a.reporting_round.pk]),
        "privacy": lambda: reverse("privacy"),
        "follow:district": lambda: reverse("follow:district", args=[a.district.slug]),
        "follow:council": lambda: reverse("follow:council", args=[a.district.slug, a.council.slug]),
        # Links of the follow mails with tokens that are not valid: the dataset follows nothing.
        "follow:confirm": lambda: reverse("follow:confirm", args=["ikke-en-gyldig-noegle"]),
        "follow:unsubscribe": lambda: reverse("follow:unsubscribe", args=["1.abc:forkert"]),
        "public:feed": lambda: reverse("public:feed", args=[a.district.slug]),
        "public:search": lambda: reverse("public:search") + "?q=tryghed",
        "public:find_area": lambda: (
            reverse("public:find_area")
            + "?kommune="
            + a.district.municipalities.order_by("name").first().slug
        ),
        "public:municipality": lambda: reverse(
            "public:municipality", args=[a.district.municipalities.order_by("name").first().slug]
        ),
        "public:district": lambda: reverse("public:district", args=[a.district.slug]),
        "public:forums": lambda: reverse("public:forums", args=[a.district.slug]),
        "public:annual_cycle": lambda: reverse("public:annual_cycle", args=[a.district.slug]),
        "public:annual_cycle_ics": lambda: reverse(
            "public:annual_cycle_ics", args=[a.district.slug]
        ),
        "public:council": lambda: reverse("public:council", args=[a.district.slug, a.council.slug]),
        "public:plan": lambda: reverse("public:plan", kwargs=plan),
        "public:plan_version": lambda: reverse("public:plan_version", kwargs={**plan, "number": 1}),
        "public:version_json": lambda: reverse("public:version_json", kwargs={**plan, "number": 1}),
        "public:activity": lambda: reverse(
            "public:activity", kwargs={**plan, "activity_id": a.activity.pk}
        ),
        "public:versions": lambda: reverse("public:versions", kwargs=plan),
        "public:version_diff": lambda: reverse(
            "public:version_diff", kwargs={**plan, "old": 1, "new": 2}
        ),
        "public:preview": lambda: reverse(
            "public:preview", args=[a.district.slug, a.draft.period_label]
        ),
        "files:figure": lambda: reverse(
            "files:figure", kwargs={**plan, "number": 1, "figure_id": a.figure.pk}
        ),
        "files:attachment": lambda: reverse(
            "files:attachment", kwargs={**plan, "number": 1, "attachment_id": a.attachment.pk}
        ),
        "files:preview_figure": lambda: reverse(
            "files:preview_figure", kwargs={**draft, "figure_id": a.draft_figure.pk}
        ),
        "files:preview_attachment": lambda: reverse(
            "files:preview_attachment", kwargs={**draft, "attachment_id": a.draft_attachment.pk}
        ),
    }
    if pattern.key in paths:
        return paths[pattern.key]()
    if pattern.route.startswith("admin/"):
        return _admin_path(pattern, data)
    raise KeyError(pattern.key)
