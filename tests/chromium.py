"""How every browser test starts Debian's Chromium (pytest-playwright's session-wide browser is
shared by tests/browser, tests/admin and tests/security: whichever asks first configures it)."""

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

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
