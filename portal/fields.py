"""Rich text that is sanitised whenever it is stored, not only when a form cleans it."""

from django.conf import settings
from django_prose_editor.fields import ProseEditorField


class RichTextField(ProseEditorField):
    """HTML from the prose editor, cleaned with nh3 against the editor's own allowlist.

    The form field and `full_clean()` sanitise; `pre_save` does it again so that text written by
    code (demo data, imports, services) can never bypass the allowlist.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(settings.RICH_TEXT_EXTENSIONS))
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        cleaned = self.sanitize(value or "")
        setattr(model_instance, self.attname, cleaned)
        return cleaned
