"""Danish text: dates, month names and slugs; and the text of HTML.

Month names and date formats are Django's own (`django.utils.dates`, `date_format`) in the active
language, which is always Danish here.
"""

import datetime
import functools
import html
import re
from html.parser import HTMLParser

from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext

# (1, "januar") … (12, "december"), translated when shown: a form field's choices.
MONTH_CHOICES = list(MONTHS.items())

_TAG = re.compile(r"<[^>]*>")
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """A slug that spells æ, ø, å the Danish way: "Nordsjællands" → "nordsjaellands"."""
    return _danish_slug(str(value))


@functools.lru_cache(maxsize=4096)
def _danish_slug(value: str) -> str:
    # Remembered: the kommune list makes 98 slugs for each page that offers it.
    return slugify(value.translate(_DANISH))


# Æ, Ø, Å after Z, in that order; "aa" is "å", as Danish dictionaries sort it.
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def danish_sort_key(value: str) -> str:
    """A key that sorts names as a Danish list does: "Vordingborg", "Ærø", "Aabenraa"."""
    return str(value).casefold().replace("aa", "å").translate(_DANISH_ORDER)


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut after a whole word and ended with "…" when it
    is longer (a word longer than the limit is cut inside)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


def month_name(number: int) -> str:
    """ "januar" for 1, "december" for 12."""
    return str(MONTHS[number])


def quarter_name(number: int) -> str:
    """ "2. kvartal" for 2."""
    return gettext("%(n)s. kvartal") % {"n": number}


def as_date(value: datetime.date | str | None) -> datetime.date | None:
    """A date, also from an ISO string as snapshots store dates; nothing stays None."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def danish_date(value: datetime.date | str | None) -> str:
    """ "2. december 2026": the way dates are written in the plan's own text and in messages.

    Takes a date or an ISO string (a snapshot's); no date is "".
    """
    value = as_date(value)
    return date_format(value, "j. F Y") if value else ""


def html_text(value: str | None) -> str:
    """The text of (sanitised) HTML as a reader sees it, every character where it stands: no
    tags, entities decoded ("<p>a &amp; b</p>" is "a & b"); what a rich text's length counts."""
    return html.unescape(_TAG.sub("", value or ""))


def html_words(value: str | None) -> str:
    """The text of HTML on one line, as search and the version diff show it: a tag breaks words
    ("<li>a</li><li>b</li>" reads "a b") and white space is one space."""
    return " ".join(html.unescape(_TAG.sub(" ", value or "")).split())


# Elements that start and end a block of text; any other tag stays inside the block.
BLOCK_TAGS = frozenset(
    ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div", "br", "hr")
    + ("table", "caption", "tr", "td", "th", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption")
    + ("section", "article", "header", "footer", "aside", "address")
)
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# Text inside these is code or metadata, never shown.
HIDDEN_TAGS = frozenset(("script", "style", "template", "head", "title"))


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._kind = "paragraph"
        self._hidden = 0

    def _close(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append((self._kind, text))
        self._text = []
        self._kind = "paragraph"

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        elif tag in BLOCK_TAGS:
            self._close()
            if tag in HEADINGS:
                self._kind = "heading"
            elif tag == "li":
                self._kind = "item"

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCK_TAGS:
            self._close()

    def handle_data(self, data):
        if not self._hidden:
            self._text.append(data)

    def close(self):
        super().close()
        self._close()


def html_blocks(value: str | None) -> list[tuple[str, str]]:
    """(kind, text) of each block of `value` with text, white space made single spaces."""
    parser = _Blocks()
    parser.feed(value or "")
    parser.close()
    return parser.blocks


def html_paragraphs(value: str | None) -> list[str]:
    """The text of HTML as its blocks, one line each (a heading, a paragraph, a list item), each
    on one line with white space folded, as search snippets show it."""
    return [text for _kind, text in html_blocks(value)]


LIST_MARK = re.compile(r"^\s*(?:[-–•*]|\d+[.)])\s+")


def text_lines(value: str | None) -> list[str]:
    """Plain text as its non-empty lines, each without a leading list mark ("-", "•", "1.")."""
    lines = (LIST_MARK.sub("", line).strip() for line in (value or "").splitlines())
    return [line for line in lines if line]


def danish_list(items) -> str:
    """ "A", "A og B", "A, B og C": items joined as a Danish sentence joins them."""
    items = [str(item) for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"
