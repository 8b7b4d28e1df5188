"""Model fields: rich text sanitised whenever it is stored, and text whose length is limited."""

import functools

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django_prose_editor.fields import ProseEditorField, create_sanitizer

from .limits import (
    RICH_TEXT_HTML_FACTOR,
    MaxMarkupLengthValidator,
    MaxTextLengthValidator,
    with_max_chars_help,
)
from .lists import lines_as_lists


@functools.cache
def _sanitizer():
    return create_sanitizer(dict(settings.RICH_TEXT_EXTENSIONS))


def sanitize_rich_text(html: str) -> str:
    """`html` cleaned with the editor's allowlist, as a `RichTextField` stores it (for HTML
    shown before it is stored, e.g. a Word file being imported)."""
    return _sanitizer()(html or "")


class RichTextField(ProseEditorField):
    """HTML from the prose editor, cleaned with nh3 against the editor's own allowlist.

    `full_clean()` makes lines that begin with "-", "•" or "1." lists (`base.lists`), so a
    list typed or pasted without JavaScript is one, and sanitises; `pre_save` sanitises again so
    that text written by code (demo data, imports, services) can never bypass the allowlist.

    `max_chars` limits the text a reader sees (markup not counted); the stored HTML may be
    `RICH_TEXT_HTML_FACTOR` times as long, which the model also has the database check.
    """

    def __init__(self, *args, max_chars: int | None = None, **kwargs):
        kwargs.setdefault("extensions", dict(settings.RICH_TEXT_EXTENSIONS))
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("blank", True)
        self.max_chars = max_chars
        if max_chars is not None and "validators" not in kwargs:
            kwargs["validators"] = [
                MaxTextLengthValidator(max_chars),
                MaxMarkupLengthValidator(self.max_html_length),
            ]
        super().__init__(*args, **kwargs)

    @property
    def max_html_length(self) -> int | None:
        return None if self.max_chars is None else self.max_chars * RICH_TEXT_HTML_FACTOR

    def clean(self, value, instance):
        # Lines that read as a list become one (a paste the editor did not catch, or text typed
        # without JavaScript), on sanitised HTML, sanitised again after. Validate what will be
        # stored: sanitising may lengthen the HTML (a link's rel).
        value = self.sanitize(lines_as_lists(self.sanitize(value or "")))
        return super().clean(value, instance)

    def formfield(self, **kwargs):
        formfield = super().formfield(**kwargs)
        if self.max_chars is not None:
            formfield.help_text = with_max_chars_help(
                formfield.help_text, self.max_chars, rich=True
            )
            # Without JavaScript the editor is a textarea of HTML: its cap is the HTML's.
            formfield.widget.attrs.setdefault("maxlength", str(self.max_html_length))
        return formfield

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        cleaned = self.sanitize(value or "")
        setattr(model_instance, self.attname, cleaned)
        return cleaned


class LimitedTextField(models.TextField):
    """A TextField whose `max_length` `full_clean()` checks too (Django checks it only in forms).

    Deconstructs as Django's own TextField, so migrations stay plain; the database's check is a
    `base.limits.max_length_constraint` in the model's Meta.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length))

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
