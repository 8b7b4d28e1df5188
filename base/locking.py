"""Optimistic locking: one revision counter, checked and counted on the same way everywhere.

A model two people may edit at once inherits `RevisionedModel`: its `revision` counts the saves
made from an editing page.
"""

from django.db import models
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
