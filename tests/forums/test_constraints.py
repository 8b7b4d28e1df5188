import pytest
from django.db import IntegrityError, transaction

from forums.models import Forum

pytestmark = pytest.mark.django_db


def rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_two_forums_with_the_same_address_in_a_district_are_rejected(district):
    Forum.objects.create(district=district, name="SSP Esbjerg", slug="ssp-esbjerg")
    rejected(lambda: Forum.objects.create(district=district, name="SSP 2", slug="ssp-esbjerg"))


def test_same_forum_address_in_two_districts_is_allowed(district, other_district):
    Forum.objects.create(district=district, name="PSP", slug="psp")
    Forum.objects.create(district=other_district, name="PSP", slug="psp")
    assert Forum.objects.filter(slug="psp").count() == 2


def test_more_than_weekly_meetings_are_rejected(district):
    rejected(
        lambda: Forum.objects.create(
            district=district, name="Dagligt møde", slug="dagligt", meetings_min=53
        )
    )
