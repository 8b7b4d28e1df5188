"""Counting what a person does in the browser (issue 15's "measured, not timed").

`CountingPage` wraps a Playwright `Page`: every action a person performs goes through it and
adds one to `.count` — going to an address, a click (ticking a box is a click), filling a
field, choosing in a list, pressing a key, choosing a file. Finding elements and waiting for
them (`get_by_role`, `locator`, `expect`) are not actions and pass straight to the page.
`.tally` keeps the count per part of the journey (`with user.part("Afsnit"):`), so a report
can say where the actions go.
"""

import json
import os
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Locator, Page


class CountingPage:
    def __init__(self, page: Page):
        self.page = page
        self.count = 0
        self.tally: Counter = Counter()
        self._part = "Andet"

    def __getattr__(self, name):
        return getattr(self.page, name)

    @contextmanager
    def part(self, name: str):
        before, self._part = self._part, name
        try:
            yield
        finally:
            self._part = before

    def _act(self) -> None:
        self.count += 1
        self.tally[self._part] += 1

    def goto(self, url: str):
        self._act()
        return self.page.goto(url)

    def click(self, target: Locator, **kwargs) -> None:
        self._act()
        target.click(**kwargs)

    def check(self, target: Locator) -> None:
        self._act()
        target.check()

    def fill(self, target: Locator, value: str) -> None:
        self._act()
        target.fill(value)

    def select_option(self, target: Locator, value) -> None:
        self._act()
        target.select_option(value)

    def press(self, target: Locator, key: str) -> None:
        self._act()
        target.press(key)

    def set_input_files(self, target: Locator, files) -> None:
        self._act()
        target.set_input_files(files)


def record(journey: str, count: int, target: int, tally: Counter) -> None:
    """Print the count; with EDITOR_BENCH_OUT=<file> (`make bench-editor`) also add it to that
    JSON file, which tools/bench_editor.py prints as a table."""
    print(f"\n{journey}: {count} handlinger (mål ≤ {target}); {dict(tally)}")
    out = os.environ.get("EDITOR_BENCH_OUT")
    if not out:
        return
    path = Path(out)
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results[journey] = {"actions": count, "target": target, "parts": dict(tally)}
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
