"""The rich-text editor speaks Danish: the admin's JavaScript catalog, which the editor's dialogs
and (through admin.js) its toolbar use, carries every text of locale/da/.../djangojs.po."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PO = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "djangojs.po"


def po_entries() -> dict[str, str]:
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', PO.read_text(), flags=re.MULTILINE)
    return dict(pairs)


def test_the_editors_toolbar_and_link_dialog_have_danish_texts():
    entries = po_entries()
    assert entries["bold"] == "Fed"
    assert entries["insert link"] == "Indsæt link"
    assert entries["Edit Link"] == "Rediger link"
    assert all(entries.values())


def test_the_admins_javascript_catalog_serves_every_text_compiled(secretary_client):
    response = secretary_client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.text, re.S)[1])
    # A stale djangojs.mo (compile it with msgfmt, see the .po's header) misses or differs here.
    assert {msgid: catalog.get(msgid) for msgid in po_entries()} == po_entries()
