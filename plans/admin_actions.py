"""Admin actions that move a plan through its life cycle, each via a confirmation page.

The actions (`approve_plans`, `publish_plans`, `supersede_plans`) take one selected plan to its
confirmation page; `PublishingAdminMixin` adds those pages to the plan's ModelAdmin:

    admin/plans/plan/<id>/godkend/        approve (optional): approved or discussed, and the
                                          kredsråd's meeting date when known
    admin/plans/plan/<id>/offentliggoer/  publish or revise: the date of publication/revision
                                          (today by default, never later), effective date,
                                          revision note and the revised sections/focus areas
                                          (detected ones pre-ticked)
    admin/plans/plan/<id>/afloes/         supersede

GET shows what will happen; POST performs it (the forms and rules are `plans.workflow`, shared
with the secretariat's workspace). Who may: staff with
change permission on plans, for plans of their own secretariat's district (superusers: all).
Another district's plan is a 404.
"""

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import workflow
from .models import Plan


def plans_for_user(user, queryset=None):
    """The plans a signed-in staff user may move through the workflow: those of the districts
    they manage (`Plan.objects.managed_by`: own secretariat's district; superusers every
    district; anyone else none)."""
    queryset = Plan.objects.all() if queryset is None else queryset
    return queryset.managed_by(user)


URL_PARTS = {"approve": "godkend", "publish": "offentliggoer", "supersede": "afloes"}


def url_name(model_admin, step_name: str) -> str:
    opts = model_admin.opts
    return f"{opts.app_label}_{opts.model_name}_{step_name}"


# --- The confirmation view ------------------------------------------------------------------


def confirmation_view(request, object_id, *, model_admin, step: workflow.Step):
    """Secretariat staff of the plan's district (or a superuser): confirm and perform a step."""
    plan = get_object_or_404(
        plans_for_user(request.user, model_admin.get_queryset(request)), pk=object_id
    )
    if not model_admin.has_change_permission(request, plan):
        raise PermissionDenied
    change_url = reverse(
        f"{model_admin.admin_site.name}:{url_name(model_admin, 'change')}", args=[plan.pk]
    )
    outcome = workflow.confirm(
        step,
        plan=plan,
        data=request.POST if request.method == "POST" else None,
        user=request.user,
    )
    if outcome.message:
        model_admin.message_user(request, outcome.message, messages.SUCCESS)
        return HttpResponseRedirect(change_url)
    context = {
        **model_admin.admin_site.each_context(request),
        **workflow.page_context(step, plan=plan, form=outcome.form),
        "layout": "admin/plans/plan/workflow_confirmation.html",
        "opts": model_admin.opts,
        "subtitle": str(plan),
        "back_url": change_url,
        "approve_url": reverse(
            f"{model_admin.admin_site.name}:{url_name(model_admin, 'approve')}", args=[plan.pk]
        ),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, step.template, context)


def publishing_urls(model_admin) -> list:
    """URL patterns of the confirmation pages; put them before the ModelAdmin's own."""
    wrap = model_admin.admin_site.admin_view
    return [
        path(
            f"<int:object_id>/{URL_PARTS[name]}/",
            wrap(functools.partial(confirmation_view, model_admin=model_admin, step=step)),
            name=url_name(model_admin, name),
        )
        for name, step in workflow.STEPS.items()
    ]


class PublishingAdminMixin:
    """Adds the publishing confirmation pages to a `Plan` ModelAdmin."""

    def get_urls(self):
        return publishing_urls(self) + super().get_urls()


# --- Actions --------------------------------------------------------------------------------


def _to_confirmation(modeladmin, request, queryset, step_name: str):
    plans = list(plans_for_user(request.user, queryset)[:2])
    if len(plans) != 1:
        modeladmin.message_user(
            request,
            _("Vælg præcis én plan: hvert trin bekræftes for én plan ad gangen."),
            messages.WARNING,
        )
        return None
    return HttpResponseRedirect(
        reverse(
            f"{modeladmin.admin_site.name}:{url_name(modeladmin, step_name)}",
            args=[plans[0].pk],
        )
    )


@admin.action(
    description=gettext_lazy("Godkendt eller drøftet i kredsrådet …"), permissions=["change"]
)
def approve_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "approve")


@admin.action(description=gettext_lazy("Offentliggør eller revidér …"), permissions=["change"])
def publish_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "publish")


@admin.action(description=gettext_lazy("Markér som afløst …"), permissions=["change"])
def supersede_plans(modeladmin, request, queryset):
    return _to_confirmation(modeladmin, request, queryset, "supersede")


PUBLISHING_ACTIONS = [approve_plans, publish_plans, supersede_plans]
