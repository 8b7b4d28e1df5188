"""The secretariat's start page and plan workspace, mounted at /sekretariat/. Secretariat staff
and superusers."""

from django.urls import path

from ..views import workspace as views
from ..views import workspace_parts, workspace_plan, workspace_workflow

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("ny-plan/", workspace_plan.plan_add, name="plan_add"),
    path("plan/<int:pk>/ny-periode/", views.next_period, name="next_period"),
    path(
        "plan/<int:pk>/",
        workspace_plan.plan,
        {"open_forms": (workspace_parts.open_area_form, workspace_parts.open_group_form)},
        name="plan",
    ),
    path("plan/<int:pk>/forside/", workspace_plan.front_matter, name="front_matter"),
    path("plan/<int:pk>/afsnit/nyt/", workspace_plan.section_add, name="section_add"),
    path(
        "plan/<int:pk>/afsnit/<int:section_id>/",
        workspace_plan.section_edit,
        name="section_edit",
    ),
    path(
        "plan/<int:pk>/afsnit/<int:section_id>/flyt/",
        workspace_plan.section_move,
        name="section_move",
    ),
    path(
        "plan/<int:pk>/afsnit/<int:section_id>/slet/",
        workspace_plan.section_delete,
        name="section_delete",
    ),
    path(
        "plan/<int:pk>/indsatsomraade/<int:area_id>/",
        workspace_plan.focus_area_edit,
        name="focus_area_edit",
    ),
    path(
        "plan/<int:pk>/indsatsomraade/<int:area_id>/ny-aktivitet/",
        workspace_plan.activity_add,
        name="activity_add",
    ),
    path(
        "plan/<int:pk>/aktivitet/<int:activity_id>/",
        workspace_plan.activity_edit,
        name="activity_edit",
    ),
    path(
        "plan/<int:pk>/aktivitet/<int:activity_id>/flyt/",
        workspace_plan.activity_move,
        name="activity_move",
    ),
    path(
        "plan/<int:pk>/aktivitet/<int:activity_id>/slet/",
        workspace_plan.activity_delete,
        name="activity_delete",
    ),
    path(
        "plan/<int:pk>/godkend/",
        workspace_workflow.step,
        {"step_name": "approve"},
        name="approve",
    ),
    path(
        "plan/<int:pk>/offentliggoer/",
        workspace_workflow.step,
        {"step_name": "publish"},
        name="publish",
    ),
    path(
        "plan/<int:pk>/afloes/",
        workspace_workflow.step,
        {"step_name": "supersede"},
        name="supersede",
    ),
    path("plan/<int:pk>/forhaandsvisning/", workspace_workflow.preview, name="preview"),
    path("importer/", views.import_docx, name="import_docx"),
    path("importer/opbygning/", views.import_docx_map, name="import_docx_map"),
]

# The rest of the plan's parts, from their registry (plans/views/workspace_parts.py).
urlpatterns += [
    path(f"plan/<int:pk>/{route}", view, kwargs, name=name)
    for route, view, kwargs, name in workspace_parts.routes()
]
# Several parts in one form (plans/views/workspace_parts.py).
urlpatterns += [
    path("plan/<int:pk>/maal/", workspace_parts.goal_list, name="goal_list"),
    path(
        "plan/<int:pk>/indsatsomraade/<int:area_id>/maal/",
        workspace_parts.area_goal_list,
        name="area_goal_list",
    ),
    path("plan/<int:pk>/aarshjul/flere/", workspace_parts.cycle_add_rows, name="cycle_add_rows"),
]
