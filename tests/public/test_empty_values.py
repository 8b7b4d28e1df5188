"""An empty value reads "–" (an en dash) everywhere: on the public pages, in the PDF and in the
admin, never "—", "-", "Ikke angivet" or a blank cell."""

import re

import pytest
from django.contrib import admin
from django.template.loader import render_to_string

from plans.models import Activity

from .conftest import plan_url

pytestmark = pytest.mark.django_db

FORUM = {
    "id": 1,
    "name": "SSP",
    "slug": "ssp",
    "kind": "ssp",
    "kind_display": "SSP",
    "municipalities": [],
    "topic": "",
    "legal_basis": "",
    "purpose": "",
    "action_plans": "",
    "interfaces": [],
    "interfaces_text": "",
    "participants": "",
    "meetings_min": None,
    "meetings": "",
    "order": 0,
}


def test_forum_table_shows_every_empty_value_as_an_en_dash():
    html = render_to_string(
        "plans/_forum_table.html", {"forums": [FORUM], "caption": "Samarbejdsfora"}
    )
    assert len(re.findall(r"<td[^>]*>–</td>", html)) == 7


def test_activity_without_a_timing_shows_an_en_dash(client, published):
    activity = Activity.objects.get(focus_area__plan=published, text="Natteravne i weekenden")
    assert activity.timing == ""
    html = client.get(plan_url(published, "public:activity", activity_id=activity.pk)).text
    assert "<dd>–</dd>" in html
    assert "Ikke angivet" not in html


def test_admin_shows_an_empty_value_as_an_en_dash():
    assert admin.site.empty_value_display == "–"
