import datetime

from django.utils.formats import date_format
from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """A slug that spells æ, ø, å the Danish way: "Nordsjællands" → "nordsjaellands"."""
    return slugify(str(value).translate(_DANISH))


def danish_date(value: datetime.date) -> str:
    """ "2. december 2026": the way dates are written in the plan's own text and in messages."""
    return date_format(value, "j. F Y")
