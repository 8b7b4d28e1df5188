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


def heading_levels(pdf: bytes) -> list[int]:
    """The levels of the H1–H6 tags in the PDF's structure tree, in reading order."""
    levels = []

    def walk(node):
        node = node.get_object()
        tag = node.get("/S")
        if tag in {f"/H{n}" for n in range(1, 7)}:
            levels.append(int(tag[2]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and "/S" in kid:
                walk(kid)

    walk(read_pdf(pdf).trailer["/Root"]["/StructTreeRoot"])
    return levels
