"""Reading our PDFs back in tests: text per page, headings by size, bookmarks."""

import io
import re

from pypdf import PdfReader


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in read_pdf(data).pages]


def squash(text: str) -> str:
    """Text without whitespace and hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def large_text(page, min_size: float) -> list[str]:
    """The text runs on a page set at `min_size` points or larger: the headings."""
    runs = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and font_size * tm[3] * cm[3] >= min_size:
            runs.append(text.strip())

    page.extract_text(visitor_text=visit)
    return runs


def outline_pages(reader: PdfReader) -> dict[str, int]:
    """{bookmark title: 1-based page number} for every bookmark, at any depth."""
    found = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return found
