from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """A slug that spells æ, ø, å the Danish way: "Nordsjællands" → "nordsjaellands"."""
    return slugify(str(value).translate(_DANISH))
