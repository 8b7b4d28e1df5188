"""The plan's workflow and preview inside the workspace (/sekretariat/plan/<pk>/…).

    godkend/            the kredsråd's treatment (approve or discussed; optional)
    offentliggoer/      publish, or publish a revision with the changed parts pre-ticked
    afloes/             supersede
    forhaandsvisning/   the draft exactly as the public page will show it when published

The steps' forms, rules and pages are the admin's (`plans.workflow`); here they are shown in
the workspace's layout and go back to the workspace afterwards with a success message (to the
start page when reached from it, ``?fra=overblik``).

Every view: the plan's district's secretariat and superusers (`Plan.objects.managed_by`); other
districts' secretariats 404, other signed-in users 403, anonymous users to the sign-in page.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods, require_safe

from .. import workflow
from .access import district_page_url, secretariat_required
from .public import preview_body
from .workspace_plan import base_context, managed_plan, plan_url

# Reached from the secretariat's start page: back there afterwards. A fixed value, so that the
# parameter cannot send anyone elsewhere.
FROM = "fra"
FROM_HOME = "overblik"


@require_http_methods(["GET", "HEAD", "POST"])
@secretariat_required
def step(request, pk, step_name):
    """Confirm and perform one workflow step. The district's secretariat and superusers."""
    plan = managed_plan(request, pk)
    step = workflow.STEPS[step_name]
    from_home = request.POST.get(FROM, request.GET.get(FROM)) == FROM_HOME
    back_url = (
        district_page_url("workspace:home", request.user, plan.district)
        if from_home
        else plan_url(plan)
    )
    outcome = workflow.confirm(
        step,
        plan=plan,
        data=request.POST if request.method == "POST" else None,
        user=request.user,
    )
    if outcome.message:
        messages.success(request, outcome.message)
        return redirect(back_url)
    return render(
        request,
        step.template,
        {
            **base_context(plan),
            **workflow.page_context(step, plan=plan, form=outcome.form),
            "layout": "workspace/plan/workflow_confirmation.html",
            "back_url": back_url,
            "from_home": from_home,
            "approve_url": reverse("workspace:approve", args=[plan.pk]),
        },
    )


@require_safe
@secretariat_required
def preview(request, pk):
    """The draft as citizens will read it once published, under the workspace's header and
    tabs. The district's secretariat and superusers."""
    plan = managed_plan(request, pk)
    response = render(
        request,
        "workspace/plan/preview.html",
        {**base_context(plan), "content": preview_body(plan), "tab": "preview"},
    )
    patch_cache_control(response, private=True, no_store=True)
    response.headers["X-Robots-Tag"] = "noindex"
    return response
