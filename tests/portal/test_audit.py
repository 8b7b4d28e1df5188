"""`make audit` (tools/audit.py): a pass only when the vulnerability database really answered."""

import pytest

from tools import audit

CANARY_VULNERABLE = {
    "dependencies": [
        {"name": "django", "version": "3.2", "vulns": [{"id": "PYSEC-2021-98", "aliases": []}]}
    ]
}
CANARY_SKIPPED = {
    "dependencies": [
        {
            "name": "django",
            "skip_reason": "Dependency not found on PyPI and could not be audited: django (3.2)",
        }
    ]
}
CLEAN = {"dependencies": [{"name": "whitenoise", "version": "6.12.0", "vulns": []}]}


@pytest.fixture
def answers(monkeypatch):
    """What pip-audit reports for the canary and for the installed packages."""

    def use(canary, installed, errors=""):
        def pip_audit(*args):
            return (canary if "--disable-pip" in args else installed), errors

        monkeypatch.setattr(audit, "pip_audit", pip_audit)

    return use


def test_passes_when_the_database_answered_and_nothing_is_known(answers, capsys):
    answers(CANARY_VULNERABLE, CLEAN)
    assert audit.main([]) == 0
    assert "ingen kendte sårbarheder" in capsys.readouterr().out


def test_fails_and_names_the_fix_when_a_package_is_vulnerable(answers, capsys):
    vulnerable = {
        "dependencies": [
            {
                "name": "django",
                "version": "6.1.3",
                "vulns": [
                    {"id": "PYSEC-2027-1", "aliases": ["CVE-2027-1"], "fix_versions": ["6.1.4"]}
                ],
            }
        ]
    }
    answers(CANARY_VULNERABLE, vulnerable)
    assert audit.main([]) == 1
    assert "django 6.1.3: PYSEC-2027-1 (CVE-2027-1), rettet i 6.1.4" in capsys.readouterr().out


def test_is_not_a_pass_when_the_database_knows_nothing_of_the_canary(answers, capsys):
    answers(CANARY_SKIPPED, CLEAN)
    assert audit.main([]) == audit.NOT_CHECKED
    assert "IKKE GENNEMFØRT" in capsys.readouterr().err


def test_is_not_a_pass_when_a_package_could_not_be_looked_up(answers, capsys):
    skipped = {"dependencies": [{"name": "nh3", "skip_reason": "could not be audited: nh3"}]}
    answers(CANARY_VULNERABLE, skipped)
    assert audit.main([]) == audit.NOT_CHECKED
    assert "1 af 1 pakker kunne ikke slås op" in capsys.readouterr().err


def test_is_not_a_pass_when_the_database_does_not_answer(answers, capsys):
    answers(None, None, errors="requests.exceptions.ConnectionError: api.osv.dev")
    assert audit.main([]) == audit.NOT_CHECKED
    assert "svarede ikke" in capsys.readouterr().err
