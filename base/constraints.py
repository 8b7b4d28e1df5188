"""A database constraint's refusal shown next to the field to change, not above the form."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsOnFields:
    """Model mixin: `constraint_error_fields` maps a constraint's `violation_error_code` to the
    one field its message belongs to; `full_clean()` then reports it under that field, so the
    admin shows it there. The field must be one the constraint reads: a form validates a
    constraint only when all of them are in the form, so the message always has a place."""

    constraint_error_fields: dict[str, str] = {}

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = dict(error.error_dict)
            for problem in errors.pop(NON_FIELD_ERRORS, []):
                field = self.constraint_error_fields.get(problem.code, NON_FIELD_ERRORS)
                errors.setdefault(field, []).append(problem)
            raise ValidationError(errors) from None
