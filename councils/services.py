"""Multi-step writes on councils."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Council, CouncilMunicipality, Municipality, PoliceDistrict
from .signals import local_council_saved


@transaction.atomic
def create_local_council(
    *,
    district: PoliceDistrict,
    name: str,
    slug: str,
    municipalities: list[Municipality],
) -> Council:
    """Create a lokalråd covering the given municipalities, with its "all lokalråd" assignments."""
    if not municipalities:
        raise ValidationError(_("Et lokalråd skal dække mindst én kommune."))
    council = Council(district=district, kind=Council.Kind.LOCAL, name=name, slug=slug)
    council.full_clean()
    council.save()
    for municipality in municipalities:
        link = CouncilMunicipality(council=council, municipality=municipality)
        link.full_clean()
        link.save()
    local_council_saved.send(sender=Council, council=council)
    return council
