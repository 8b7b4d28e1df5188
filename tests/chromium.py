"""How every browser test starts Debian's Chromium (pytest-playwright's session-wide browser is
shared by tests/browser, tests/admin and tests/security: whichever asks first configures it).

Debian's `chromium-headless-shell` comes first when it is installed: the same Blink as
`chromium`, without the full browser around it, as Playwright's own headless mode uses. On this
machine's two cores it took 82 s of processor time where `chromium` took 114 s for the walk and
the workspace journeys (docs/performance.md), and every test sees the same pages. `chromium`
does as well, only slower; CHROMIUM_PATH names another."""

import os
import shutil

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
    or "/usr/bin/chromium"
)

# No sandbox as root in CI; no network of its own (this machine's network is closed); the Danish
# locale, so date fields and screenshots look as they do for a Danish user.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--lang=da-DK",
]
