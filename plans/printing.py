"""WeasyPrint's side of the print versions (plans/pdf.py): HTML to a tagged PDF/UA-1 file, with
a fetcher that loads the project's static files and the plans' stored figures and refuses
anything else.

Kept apart so that WeasyPrint (about 0.4 s of processor time to import) is loaded by the first
PDF a process renders, not by every start of Django: `plans.pdf` is imported with the task
definitions, and so with the URLs, by every web worker, management command and test process.
"""

import ssl
from pathlib import Path

from django.conf import settings
from weasyprint import HTML, URLFetcher

STATIC_DIR = Path(settings.BASE_DIR) / "static"
PDF_VARIANT = "pdf/ua-1"
UNUSED_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class StaticFilesOnlyFetcher(URLFetcher):
    """Fetches `file:` URLs inside the project's static folder (and `also`, e.g. the figures'
    folder in storage) and nothing else."""

    def __init__(self, root: Path = STATIC_DIR, also: tuple[Path, ...] = ()):
        # The TLS context is never used (only file: URLs are fetched); given, it spares WeasyPrint
        # making a default one, which loads the system's certificates: ~30 ms per PDF.
        super().__init__(allowed_protocols={"file"}, timeout=5, ssl_context=UNUSED_TLS)
        self.roots = tuple(path.resolve() for path in (root, *also))

    def fetch(self, url, headers=None):
        if not url.startswith("file:"):
            raise ValueError(f"Refused to fetch {url!r}: only the project's static files are used")
        path = Path(url.split("?")[0].split("#")[0].removeprefix("file://")).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise ValueError(f"Refused to fetch {url!r}: outside {self.roots}")
        return super().fetch(path.as_uri(), headers)


def render(html: str, *, also: tuple[Path, ...] = ()) -> bytes:
    """One of our print templates as a tagged PDF/UA-1 file; the renderer may load the static
    files and what is under `also`, nothing else."""
    document = HTML(
        string=html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=StaticFilesOnlyFetcher(also=also),
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
