"""Optimistic locking: one revision counter, checked and counted on the same way everywhere.

A model two people may edit at once inherits `RevisionedModel`: its `revision` counts the saves
made from an editing page. The page carries the revision the user loaded, and the save claims
the row with `claim_revision`: one conditional UPDATE moves the counter on from exactly that
revision, so of two saves of the same revision only the first wins and the second gets
`RevisionConflict`. A form may also compare before saving (`locked_revision`, which locks the
row for the rest of the transaction where the database can), to explain the conflict in the
form. On a conflict the user's input is shown again with the current revision
(`carry_revision`), so saving once more, after the message, is a deliberate overwrite.

Used by the admin forms (`base.admin.RevisionLockedForm` and `RevisionLockedAdminMixin`) and by
the lokalråd's handleplan pages (`plans.services.save_local_focus_area`, `save_local_activity`).
"""

from django.db import models, router, transaction
from django.utils.translation import gettext_lazy as _


class RevisionedModel(models.Model):
    """A model whose rows are edited under optimistic locking."""

    revision = models.PositiveIntegerField(
        _("redigeringsnummer"),
        default=0,
        editable=False,
        help_text=_("Tælles op ved hver gemning; afviser samtidige redigeringer."),
    )

    class Meta:
        abstract = True


class RevisionConflict(Exception):
    """The row is no longer at the revision the user loaded: someone else saved meanwhile."""


def _rows(instance):
    model = type(instance)
    using = router.db_for_write(model, instance=instance)
    return using, model._default_manager.using(using).filter(pk=instance.pk)


def locked_revision(instance) -> int | None:
    """The row's revision now (None if the row is gone).

    The row stays locked until the surrounding transaction ends, on databases that lock rows;
    outside a transaction the value is read without keeping a lock.
    """
    using, rows = _rows(instance)
    with transaction.atomic(using=using, savepoint=False):
        return rows.select_for_update().values_list("revision", flat=True).first()


def claim_revision(instance, loaded: int | None) -> None:
    """Count the row's revision on from `loaded`, or raise RevisionConflict if it is not there.

    One conditional UPDATE, so two claims of the same revision cannot both succeed. The instance
    gets the new revision, and saving it afterwards keeps it.
    """
    _using, rows = _rows(instance)
    if loaded is None or rows.filter(revision=loaded).update(revision=loaded + 1) != 1:
        raise RevisionConflict
    instance.revision = loaded + 1


def carry_revision(form, field_name: str, revision: int) -> None:
    """Show the bound form again with the user's input and `revision` as the one loaded.

    After the conflict message the user decides: saving again overwrites the other change.
    """
    data = form.data.copy()
    data[form.add_prefix(field_name)] = str(revision)
    form.data = data
