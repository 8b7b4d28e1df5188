"""`make bench-editor`: run the counted journeys of the plan workspace (issue 15) and print
their browser actions against the issue's targets, from the JSON they write (EDITOR_BENCH_OUT)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

JOURNEYS = "tests/browser/test_editor_journeys.py"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "editor-bench.json"
        env = {**os.environ, "EDITOR_BENCH_OUT": str(out), "CI": "true"}
        command = [
            sys.executable,
            "-m",
            "pytest",
            JOURNEYS,
            "-m",
            "bench",
            "-p",
            "no:cacheprovider",
            "-q",
        ]
        status = subprocess.call(command, env=env)
        results = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    print(f"\n{'Rejse':<24}{'Handlinger':>12}{'Mål':>8}")
    for journey, row in results.items():
        print(f"{journey:<24}{row['actions']:>12}{row['target']:>8}")
        for part, count in row["parts"].items():
            print(f"  {part:<22}{count:>12}")
    return status


if __name__ == "__main__":
    sys.exit(main())
