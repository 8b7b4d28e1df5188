"""`make audit`: the installed dependencies against known vulnerabilities, with pip-audit.

The virtual environment holds exactly the versions pinned in pyproject.toml (and what they pull
in); pip-audit looks each one up in a vulnerability database (PyPI's advisories unless
`AUDIT_ARGS="-s osv"`). An audit that checked nothing must never look like a pass, so:

- a package pip-audit could not look up (it then only warns and exits 0) fails the audit;
- a database that does not answer (a network error) fails the audit;
- a canary, a Django release with published advisories, must come back vulnerable, which shows
  the database answered with real data.

Exit status: 0 no known vulnerability, 1 vulnerabilities found, 2 the audit could not be done.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PIP_AUDIT = Path(sys.executable).parent / "pip-audit"
CANARY = "django==3.2"  # Django 3.2.0 has many published advisories (PYSEC, GHSA)
NOT_CHECKED = 2


def pip_audit(*args: str) -> tuple[dict | None, str]:
    """pip-audit's JSON report (None if it printed none) and its error output."""
    completed = subprocess.run(
        [str(PIP_AUDIT), "--format", "json", "--progress-spinner", "off", *args],
        capture_output=True,
        text=True,
        timeout=900,
    )
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        report = None
    return report, completed.stderr.strip()


def cannot_audit(reason: str, details: str = "") -> int:
    print(f"\nmake audit: IKKE GENNEMFØRT. {reason}", file=sys.stderr)
    if details:
        print(details, file=sys.stderr)
    print(
        "Ingen afhængighed er erklæret fri for kendte sårbarheder. Kør `make audit` igen fra en "
        "maskine, der kan nå sårbarhedsdatabasen.",
        file=sys.stderr,
    )
    return NOT_CHECKED


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(ingen fejlbesked)"


def main(extra: list[str]) -> int:
    """`extra`: options for pip-audit, e.g. ["-s", "osv"]."""

    with tempfile.TemporaryDirectory() as folder:
        canary = Path(folder) / "canary.txt"
        canary.write_text(CANARY + "\n")
        report, errors = pip_audit("-r", str(canary), "--no-deps", "--disable-pip", *extra)
    canary_vulns = [v for d in (report or {}).get("dependencies", []) for v in d.get("vulns", [])]
    if report is None:
        return cannot_audit("Sårbarhedsdatabasen svarede ikke.", last_line(errors))
    if not canary_vulns:
        reasons = [d.get("skip_reason", "") for d in report.get("dependencies", [])]
        return cannot_audit(
            f"Sårbarhedsdatabasen kendte ingen sårbarhed i kontrolpakken {CANARY}, som har "
            "offentliggjorte sårbarheder: den svarede ikke eller ikke med rigtige data.",
            "; ".join(reason for reason in reasons if reason),
        )

    report, errors = pip_audit("--skip-editable", *extra)
    if report is None:
        return cannot_audit("Sårbarhedsdatabasen svarede ikke.", last_line(errors))
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if skipped:
        return cannot_audit(
            f"{len(skipped)} af {len(dependencies)} pakker kunne ikke slås op:",
            "\n".join(f"  {d['name']}: {d['skip_reason']}" for d in skipped),
        )
    vulnerable = [d for d in dependencies if d.get("vulns")]
    if not vulnerable:
        print(f"make audit: ingen kendte sårbarheder i de {len(dependencies)} installerede pakker.")
        return 0
    print(f"make audit: kendte sårbarheder i {len(vulnerable)} af {len(dependencies)} pakker:")
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "ingen rettet version endnu"
            aliases = ", ".join(vuln.get("aliases") or [])
            print(
                f"  {dependency['name']} {dependency['version']}: {vuln['id']}"
                + (f" ({aliases})" if aliases else "")
                + f", rettet i {fixed}"
            )
    print(
        "Opdatér versionen i pyproject.toml, kør `make setup` og testene, og kør `make audit` igen."
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
