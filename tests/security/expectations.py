"""What each role gets from each URL of the portal: the permission matrix's expectations.

Each entry is "GET | POST", one code per role in the order of ROLES:

    anonymous, member of lokalråd A, secretary of lokalråd A, member of lokalråd B,
    secretariat of district A, secretariat of district B, superuser

The URL is always about district A / lokalråd A (tests/security/urlmap.py). Codes: a status
code, or L = redirect to a sign-in page, O = redirect to the second-factor pages, R = any other
redirect. The POST carries no form data, so an allowed POST mostly answers with the form and
its errors (200) and changes nothing.
"""

ROLES = (
    "anonymous",
    "member_a",
    "secretary_a",
    "member_b",
    "secretariat_a",
    "secretariat_b",
    "superuser",
)

PUBLIC_PAGE = "200 200 200 200 200 200 200 | 405 405 405 405 405 405 405"
OPEN_FORM = "200 200 200 200 200 200 200 | 200 200 200 200 200 200 200"
# Pages of a lokalråd's members: lokalråd A's members only; everyone else signed in gets a 404.
MEMBER_PAGE = "L 200 200 404 404 404 404 | L 200 200 404 404 404 404"
# The lokalråd's own handleplan: its secretary only.
SECRETARY_PAGE = "L 404 200 404 404 404 404 | L 404 200 404 404 404 404"
SECRETARY_MOVE = "L 405 405 405 405 405 405 | L 404 404 404 404 404 404"
# The secretariat's reporting rounds: district A's secretariat and the superuser.
ROUND_PAGE = "L 403 403 403 200 404 200 | L 403 403 403 200 404 200"

EXPECTED = {
    "home": OPEN_FORM,
    "accessibility": PUBLIC_PAGE,
    # For the proxy and monitoring: open to everyone, read only.
    "healthz": PUBLIC_PAGE,
    # The icon browsers ask for by themselves: everyone.
    "favicon": PUBLIC_PAGE,
    "sitemap": OPEN_FORM,
    "^media/(?P<path>.*)$": "404 404 404 404 404 404 404 | 404 404 404 404 404 404 404",
    # Second factor: staff only. District A's and B's secretariat have a device (verify), the
    # superuser has none yet (set up).
    "twofactor:verify": "L 404 404 404 200 200 O | L 404 404 404 200 200 O",
    "twofactor:setup": "L 404 404 404 O O 200 | L 404 404 404 O O 200",
    "accounts:login": OPEN_FORM,
    "accounts:logout": "405 405 405 405 405 405 405 | R R R R R R R",
    "accounts:password_reset": OPEN_FORM,
    "accounts:password_reset_done": PUBLIC_PAGE,
    "accounts:password_reset_confirm": OPEN_FORM,
    "accounts:password_reset_complete": PUBLIC_PAGE,
    # "Mit lokalråd" sends each member to their lokalråd, everyone else signed in to a page
    # saying they sit in none.
    "members:home": "L R R R R R R | L R R R R R R",
    "members:council": MEMBER_PAGE,
    "members:assignment": MEMBER_PAGE,
    "members:local_plan": SECRETARY_PAGE,
    "members:focus_area_create": SECRETARY_PAGE,
    "members:focus_area_edit": SECRETARY_PAGE,
    "members:focus_area_move": SECRETARY_MOVE,
    "members:activity_create": SECRETARY_PAGE,
    "members:activity_edit": SECRETARY_PAGE,
    "members:activity_move": SECRETARY_MOVE,
    # The secretariat's start page: each secretariat its own district, the superuser any.
    "workspace:home": "L 403 403 403 200 200 200 | 405 405 405 405 405 405 405",
    # A plan's copy for the next period: its own district's secretariat and the superuser.
    "workspace:next_period": ROUND_PAGE,
    # The plan workspace: its own district's secretariat and the superuser. An empty POST
    # to a form answers with the form and its errors; a move without a direction is not found;
    # a delete is the confirmed POST of its page.
    "workspace:plan": "L 403 403 403 200 404 200 | 405 405 405 405 405 405 405",
    "workspace:front_matter": ROUND_PAGE,
    "workspace:section_add": ROUND_PAGE,
    "workspace:section_edit": ROUND_PAGE,
    "workspace:section_move": "405 405 405 405 405 405 405 | L 403 403 403 404 404 404",
    "workspace:section_delete": "L 403 403 403 200 404 200 | L 403 403 403 R 404 R",
    "workspace:focus_area_edit": ROUND_PAGE,
    # Activities in their focus area's block: as the sections. District A's activity has
    # status history, so its confirmed delete answers with the refusal (200) and deletes nothing.
    "workspace:activity_add": ROUND_PAGE,
    "workspace:activity_edit": ROUND_PAGE,
    "workspace:activity_move": "405 405 405 405 405 405 405 | L 403 403 403 404 404 404",
    "workspace:activity_delete": ROUND_PAGE,
    # The workflow steps and the preview in the workspace: as the workspace. An empty POST to
    # approve or publish answers with the form and its errors; superseding needs no input, so
    # its POST is the confirmation and goes back to the workspace.
    "workspace:approve": ROUND_PAGE,
    "workspace:publish": ROUND_PAGE,
    "workspace:supersede": "L 403 403 403 200 404 200 | L 403 403 403 R 404 R",
    "workspace:preview": "L 403 403 403 200 404 200 | 405 405 405 405 405 405 405",
    # The plan's other parts (focus areas, groups, goals, annual cycle, figures, attachments):
    # as the sections. District A's focus area has status history and its group holds focus
    # areas, so their confirmed delete answers with the refusal (200) and deletes nothing. An
    # empty POST to a goal list has no loaded revision, one to the annual cycle's rows fills no
    # row: refused in the form, nothing written.
    **{
        f"workspace:{name}": ROUND_PAGE
        for name in [
            "focus_area_add",
            "focus_area_delete",
            "area_goal_add",
            "area_goal_list",
            "group_add",
            "section_group_add",
            "group_edit",
            "group_delete",
            "goal_add",
            "goal_list",
            "goal_edit",
            "cycle_add",
            "cycle_add_rows",
            "cycle_edit",
            "figure_add",
            "figure_edit",
            "attachment_add",
            "attachment_edit",
        ]
    },
    **{
        f"workspace:{part}_move": "405 405 405 405 405 405 405 | L 403 403 403 404 404 404"
        for part in ["focus_area", "group", "goal", "cycle", "figure", "attachment"]
    },
    **{
        f"workspace:{part}_delete": "L 403 403 403 200 404 200 | L 403 403 403 R 404 R"
        for part in ["goal", "cycle", "figure", "attachment"]
    },
    # "Ny plan": an empty draft, each secretariat in its own district; the superuser picks one
    # on the start page first (?kreds=).
    "workspace:plan_add": "L 403 403 403 200 200 R | L 403 403 403 200 200 R",
    # Importing a plan from Word: each secretariat into its own district; the superuser picks
    # one on the start page first (?kreds=). The mapping page needs an upload in the session.
    "workspace:import_docx": "L 403 403 403 200 200 R | L 403 403 403 200 200 R",
    "workspace:import_docx_map": "L 403 403 403 R R R | L 403 403 403 R R R",
    "rounds:index": "L 403 403 403 200 200 200 | L 403 403 403 200 200 200",
    "rounds:open": "L 403 403 403 200 200 R | L 403 403 403 200 200 R",
    "rounds:detail": ROUND_PAGE,
    "rounds:close": "L 403 403 403 200 404 200 | L 403 403 403 R 404 R",
    "rounds:remind": "L 403 403 403 405 405 405 | L 403 403 403 R 404 R",
    "rounds:council": ROUND_PAGE,
    "rounds:report": ROUND_PAGE,
    "rounds:import": ROUND_PAGE,
    "rounds:report_csv": ROUND_PAGE,
    "pdf:plan": PUBLIC_PAGE,
    "pdf:version": PUBLIC_PAGE,
    "pdf:status_report": "L 404 404 404 200 404 200 | L 405 405 405 405 405 405",
    "privacy": PUBLIC_PAGE,
    # Following a plan or a lokalråd by e-mail: open forms (an empty POST answers with the form
    # and its errors). The mails' links with a token that is not valid: a Danish page saying so.
    "follow:district": OPEN_FORM,
    "follow:council": OPEN_FORM,
    "follow:confirm": "400 400 400 400 400 400 400 | 400 400 400 400 400 400 400",
    "follow:unsubscribe": "400 400 400 400 400 400 400 | 400 400 400 400 400 400 400",
    "public:feed": PUBLIC_PAGE,
    "public:search": PUBLIC_PAGE,
    # "Hvor bor du?": everyone is sent on to the chosen kommune's page, which everyone may read.
    "public:find_area": "R R R R R R R | 405 405 405 405 405 405 405",
    "public:municipality": PUBLIC_PAGE,
    "public:district": PUBLIC_PAGE,
    "public:forums": PUBLIC_PAGE,
    "public:annual_cycle": PUBLIC_PAGE,
    "public:annual_cycle_ics": PUBLIC_PAGE,
    "public:council": PUBLIC_PAGE,
    "public:plan": PUBLIC_PAGE,
    "public:plan_version": PUBLIC_PAGE,
    "public:version_json": PUBLIC_PAGE,
    "public:activity": PUBLIC_PAGE,
    "public:versions": PUBLIC_PAGE,
    "public:version_diff": PUBLIC_PAGE,
    # A published version's figures and attachments: everyone, as the version names them.
    "files:figure": PUBLIC_PAGE,
    "files:attachment": PUBLIC_PAGE,
    # A draft's figures and attachments, for its preview: district A's secretariat and the
    # superuser; to everyone else signed in they do not exist.
    "files:preview_figure": "L 404 404 404 200 404 200 | L 405 405 405 405 405 405",
    "files:preview_attachment": "L 404 404 404 200 404 200 | L 405 405 405 405 405 405",
    # A draft's preview: district A's secretariat and the superuser; to everyone else it does
    # not exist.
    "public:preview": "404 404 404 404 200 404 200 | 405 405 405 405 405 405 405",
    # The admin site's own pages: staff only; members are sent to the admin's sign-in.
    "admin:index": "L L L L 200 200 200 | L L L L 200 200 200",
    "admin:login": "200 200 200 200 R R R | 200 200 200 200 200 200 200",
    "admin:logout": "R R R R 405 405 405 | R R R R R R R",
    "admin:password_change": "L L L L 200 200 200 | L L L L 200 200 200",
    "admin:password_change_done": "L L L L 200 200 200 | L L L L 405 405 405",
    "admin:autocomplete": "L L L L 200 200 200 | L L L L 405 405 405",
    "admin:jsi18n": "L L L L 200 200 200 | L L L L 405 405 405",
    "admin:app_list": "L L L L 200 200 200 | L L L L 200 200 200",
    "admin:view_on_site": "L L L L R R R | L L L L R R R",
    "admin/(?P<url>.*)$": "L L L L 404 404 404 | L L L L 404 404 404",
    "admin:auth_user_password_change": "L L L L 403 403 200 | L L L L 403 403 200",
    "admin:otp_totp_totpdevice_config": "L L L L 403 403 200 | L L L L 403 403 200",
    # No QR library is installed; the setup page shows the key as text instead.
    "admin:otp_totp_totpdevice_qrcode": "L L L L 403 403 503 | L L L L 403 403 503",
    # Publishing steps on district A's plan: its secretariat and the superuser.
    "admin:plans_plan_approve": "L L L L 200 404 200 | L L L L 200 404 200",
    "admin:plans_plan_publish": "L L L L 200 404 200 | L L L L 200 404 200",
    "admin:plans_plan_supersede": "L L L L 200 404 200 | L L L L R 404 R",
}

# Admin models: what each view of a model's admin gives each role. "redirect" is the old
# address of a change form (/admin/<app>/<model>/<id>/), which redirects to the new one.
ADMIN_STAFF_REDIRECT = "L L L L R R R | L L L L R R R"

# Users, groups and second-factor devices: the national administrator only.
SUPERUSER_ONLY = {
    "changelist": "L L L L 403 403 200 | L L L L 403 403 200",
    "add": "L L L L 403 403 200 | L L L L 403 403 200",
    "history": "L L L L 403 403 200 | L L L L 403 403 200",
    "delete": "L L L L 403 403 200 | L L L L 403 403 200",
    "change": "L L L L 403 403 200 | L L L L 403 403 200",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# Sign-in logs (django-axes): read and cleared by the national administrator; nobody adds.
SIGN_IN_LOG = {
    "changelist": "L L L L 403 403 200 | L L L L 403 403 200",
    "add": "L L L L 403 403 403 | L L L L 403 403 403",
    "history": "L L L L 403 403 200 | L L L L 403 403 200",
    "delete": "L L L L 403 403 200 | L L L L 403 403 200",
    "change": "L L L L 403 403 200 | L L L L 403 403 R",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# The task queue: the national administrator only. The address is of a task that does not
# exist (the admin redirects to the list); nobody adds or deletes tasks by hand.
TASK_QUEUE = {
    "changelist": "L L L L 403 403 200 | L L L L 403 403 200",
    "add": "L L L L 403 403 403 | L L L L 403 403 403",
    "history": ADMIN_STAFF_REDIRECT,
    "delete": "L L L L 403 403 403 | L L L L 403 403 403",
    "change": "L L L L 403 403 R | L L L L 403 403 R",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# District content the secretariat edits: both secretariats list their own rows; district A's
# row is district B's secretariat's 404.
DISTRICT_CONTENT = {
    "changelist": "L L L L 200 200 200 | L L L L 200 200 200",
    "add": "L L L L 200 200 200 | L L L L 200 200 200",
    "history": "L L L L 200 404 200 | L L L L 200 404 200",
    "delete": "L L L L 200 404 200 | L L L L 200 404 200",
    "change": "L L L L 200 404 200 | L L L L 200 404 200",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# Read-only in the admin (reference data, and records made by services: assignments, status
# updates, reporting rounds, published versions, workflow events): viewing only, for the own
# district; nobody adds, changes or deletes them here.
READ_ONLY = {
    "changelist": "L L L L 200 200 200 | L L L L 200 200 200",
    "add": "L L L L 403 403 403 | L L L L 403 403 403",
    "history": "L L L L 200 404 200 | L L L L 200 404 200",
    "delete": "L L L L 403 404 403 | L L L L 403 404 403",
    "change": "L L L L 200 404 200 | L L L L 403 404 403",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# Who works in which secretariat: the secretariat sees its own, the superuser decides.
SECRETARIAT_STAFF = {
    "changelist": "L L L L 200 200 200 | L L L L 200 200 200",
    "add": "L L L L 403 403 200 | L L L L 403 403 200",
    "history": "L L L L 200 404 200 | L L L L 200 404 200",
    "delete": "L L L L 403 404 200 | L L L L 403 404 200",
    "change": "L L L L 200 404 200 | L L L L 403 404 200",
    "redirect": ADMIN_STAFF_REDIRECT,
}

# Memberships are added and removed on the council's or the person's page; on their own page
# they can be changed.
MEMBERSHIP = {
    "changelist": "L L L L 200 200 200 | L L L L 200 200 200",
    "add": "L L L L 403 403 403 | L L L L 403 403 403",
    "history": "L L L L 200 404 200 | L L L L 200 404 200",
    "delete": "L L L L 403 404 403 | L L L L 403 404 403",
    "change": "L L L L 200 404 200 | L L L L 200 404 200",
    "redirect": ADMIN_STAFF_REDIRECT,
}

ADMIN_MODELS = {
    ("auth", "group"): SUPERUSER_ONLY,
    ("auth", "user"): SUPERUSER_ONLY,
    ("otp_totp", "totpdevice"): SUPERUSER_ONLY,
    ("axes", "accessattempt"): SIGN_IN_LOG,
    ("axes", "accesslog"): SIGN_IN_LOG,
    ("axes", "accessfailurelog"): SIGN_IN_LOG,
    ("django_tasks_database", "dbtaskresult"): TASK_QUEUE,
    ("councils", "policedistrict"): READ_ONLY,
    ("councils", "municipality"): READ_ONLY,
    ("councils", "secretariatstaff"): SECRETARIAT_STAFF,
    ("councils", "council"): DISTRICT_CONTENT,
    ("councils", "person"): DISTRICT_CONTENT,
    ("councils", "membership"): MEMBERSHIP,
    ("councils", "stafffunction"): DISTRICT_CONTENT,
    ("forums", "forum"): DISTRICT_CONTENT,
    ("plans", "plan"): DISTRICT_CONTENT,
    ("plans", "plansection"): DISTRICT_CONTENT,
    ("plans", "focusarea"): DISTRICT_CONTENT,
    ("plans", "focusareagroup"): DISTRICT_CONTENT,
    ("plans", "activity"): DISTRICT_CONTENT,
    ("plans", "annualcycleentry"): DISTRICT_CONTENT,
    ("plans", "sectionfigure"): DISTRICT_CONTENT,
    ("plans", "planattachment"): DISTRICT_CONTENT,
    ("plans", "assignment"): READ_ONLY,
    ("plans", "statusupdate"): READ_ONLY,
    ("plans", "reportinground"): READ_ONLY,
    ("plans", "planversion"): READ_ONLY,
    ("plans", "workflowevent"): READ_ONLY,
}


def _admin_model_expectations() -> dict[str, str]:
    result = {}
    for (app, model), views in ADMIN_MODELS.items():
        for view, codes in views.items():
            if view == "redirect":
                result[f"admin/{app}/{model}/<path:object_id>/"] = codes
            else:
                result[f"admin:{app}_{model}_{view}"] = codes
    return result


EXPECTED |= _admin_model_expectations()


def expected(key: str, role: str, method: str) -> str:
    """The expected code for one cell; KeyError when the URL has no expectation."""
    get, post = EXPECTED[key].split("|")
    codes = (get if method == "GET" else post).split()
    return codes[ROLES.index(role)]
