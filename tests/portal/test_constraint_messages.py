"""No database rule reaches a user under its internal name: every constraint of the portal's
own models has a Danish message of its own (Django's default reads "Constraint “name” is
violated.")."""

import pytest
from django.apps import apps
from django.db.models import BaseConstraint
from django.utils import translation

OWN_APPS = ["councils", "forums", "plans"]

CONSTRAINTS = [
    pytest.param(constraint, id=f"{model._meta.label}.{constraint.name}")
    for app in OWN_APPS
    for model in apps.get_app_config(app).get_models()
    for constraint in model._meta.constraints
]


def test_the_walk_finds_the_constraints():
    assert len(CONSTRAINTS) > 40


@pytest.mark.parametrize("constraint", CONSTRAINTS)
def test_constraint_has_a_danish_message_of_its_own(constraint):
    with translation.override("da"):
        message = str(constraint.get_violation_error_message())
        default = str(BaseConstraint.default_violation_error_message) % {"name": constraint.name}
    assert message != default
    assert constraint.name not in message
    assert message.endswith(".")
