"""A database constraint's refusal shown next to the field to change, not above the form; and a
model's check constraints validated in one query rather than one each."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import router
from django.db.models import CheckConstraint, Q


class ConstraintErrorsOnFields:
    """Model mixin: `constraint_error_fields` maps a constraint's `violation_error_code` to the
    one field its message belongs to; `full_clean()` then reports it under that field, so the
    admin shows it there. The field must be one the constraint reads: a form validates a
    constraint only when all of them are in the form, so the message always has a place.

    Django validates each check constraint with a query of its own (inside a transaction, with a
    savepoint around it: three statements), and a model here has up to a dozen of them, mostly
    text length limits. When nothing is excluded (a service's `full_clean()`), they are first
    asked together: one query whose condition is all of them, which holds exactly when none of
    them is false (a condition that is unknown, on NULL, passes, as in the database). Only when
    that fails are they asked one by one, to say which."""

    constraint_error_fields: dict[str, str] = {}

    def validate_constraints(self, exclude=None):
        try:
            self._validate_each(self._constraints_to_ask(exclude), exclude)
        except ValidationError as error:
            errors = dict(error.error_dict)
            for problem in errors.pop(NON_FIELD_ERRORS, []):
                field = self.constraint_error_fields.get(problem.code, NON_FIELD_ERRORS)
                errors.setdefault(field, []).append(problem)
            raise ValidationError(errors) from None

    def _constraints_to_ask(self, exclude) -> list:
        """Every constraint as (model class, constraint), less the check constraints of this
        model when one query has shown that none of them fails."""
        pairs = [
            (model, constraint) for model, group in self.get_constraints() for constraint in group
        ]
        checks = [c for model, c in pairs if model is type(self) and isinstance(c, CheckConstraint)]
        if exclude or len(checks) < 2:
            return pairs
        together = CheckConstraint(
            condition=Q(*(check.condition for check in checks)), name="all_checks_together"
        )
        try:
            together.validate(
                type(self), self, using=router.db_for_write(type(self), instance=self)
            )
        except ValidationError:
            return pairs
        return [(model, c) for model, c in pairs if not (model is type(self) and c in checks)]

    def _validate_each(self, pairs, exclude) -> None:
        """Django's Model.validate_constraints over the given constraints."""
        using = router.db_for_write(type(self), instance=self)
        errors = {}
        for model, constraint in pairs:
            try:
                constraint.validate(model, self, exclude=exclude, using=using)
            except ValidationError as error:
                if getattr(error, "code", None) == "unique" and len(constraint.fields) == 1:
                    errors.setdefault(constraint.fields[0], []).append(error)
                else:
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
