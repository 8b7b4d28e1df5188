"""Uploaded files, checked by what they contain: never by their name or the browser's word.

Figures (PNG or JPEG) are opened and verified by Pillow, refused when too large in bytes or in
pixels (a decompression bomb is refused before it is decoded), and re-encoded: the stored file is
a fresh image with no metadata (EXIF, text chunks, colour profiles) and nothing after it.
Attachments must be PDF files: the "%PDF-" magic bytes, and pypdf must read their pages.

`reencode_image` and `check_pdf` are what code uses (the demo loader); `CheckedImageField` and
`CheckedPdfField` are the model fields whose form fields run them on upload, each error a Danish
message next to the field. `pdf_title` names a checked PDF by its own title (a new attachment
left without one).
"""

import contextlib
import io
import uuid
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 20_000_000  # e.g. 5,000 × 4,000
MAX_IMAGE_SIDE = 8_000
MAX_PDF_BYTES = 10 * 1024 * 1024

IMAGE_FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}

NOT_AN_IMAGE = _(
    "Filen er ikke et billede i PNG- eller JPEG-format. Gem figuren som PNG eller JPEG, og "
    "prøv igen."
)
BROKEN_IMAGE = _(
    "Billedet kan ikke læses: filen er ufuldstændig eller beskadiget. Gem det igen som PNG "
    "eller JPEG, og prøv igen."
)
NOT_A_PDF = _("Filen er ikke en PDF-fil. Et bilag skal være en PDF.")
BROKEN_PDF = _(
    "PDF-filen kan ikke læses: den er ufuldstændig eller beskadiget. Gem den igen som PDF, og "
    "prøv igen."
)
ENCRYPTED_PDF = _(
    "PDF-filen er beskyttet med en adgangskode. Gem en udgave uden adgangskode, så alle kan "
    "læse bilaget."
)


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded figure: the bytes to store and what they are."""

    content: bytes
    extension: str
    content_type: str
    width: int
    height: int


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("Filen er for stor (%(size)s). Den må højst fylde %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    size = _("%(width)s × %(height)s punkter") % {"width": width, "height": height}
    return ValidationError(
        _(
            "Billedet er for stort%(size)s. Det må højst have %(pixels)s millioner punkter og "
            "højst %(side)s punkter på hver led; gør det mindre, og prøv igen."
        ),
        code="too_many_pixels",
        params={
            "size": f": {size}" if width else "",
            "pixels": MAX_IMAGE_PIXELS // 1_000_000,
            "side": f"{MAX_IMAGE_SIDE:,}".replace(",", "."),
        },
    )


def reencode_image(data: bytes) -> CleanImage:
    """A PNG or JPEG, verified and encoded anew without metadata; ValidationError otherwise."""
    if len(data) > MAX_IMAGE_BYTES:
        raise _too_large(len(data), MAX_IMAGE_BYTES)
    with warnings.catch_warnings():
        # Pillow warns above its own limit and refuses above twice that; ours is lower.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=list(IMAGE_FORMATS)) as probe:
                image_format, (width, height) = probe.format, probe.size
                if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_SIDE:
                    raise _too_many_pixels(width, height)
                probe.verify()
            with Image.open(io.BytesIO(data), formats=[image_format]) as image:
                image.load()
                image = ImageOps.exif_transpose(image)  # keep a photo upright without its EXIF
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except Image.UnidentifiedImageError as error:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise ValidationError(BROKEN_IMAGE, code="broken_image") from error
    extension, content_type = IMAGE_FORMATS[image_format]
    if image_format == "JPEG":
        if image.mode not in {"RGB", "L"}:
            image = image.convert("RGB")
    elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
        has_alpha = "transparency" in image.info or image.mode in {"PA", "RGBa"}
        image = image.convert("RGBA" if has_alpha else "RGB")
    # A fresh image of the pixels alone: no EXIF, text chunks, ICC profile or trailing bytes.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    if image_format == "JPEG":
        clean.save(out, "JPEG", quality=90, optimize=True)
    else:
        clean.save(out, "PNG", optimize=True)
    return CleanImage(out.getvalue(), extension, content_type, *clean.size)


def check_pdf(data: bytes) -> int:
    """The number of pages of a readable, unencrypted PDF; ValidationError otherwise."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if len(data) > MAX_PDF_BYTES:
        raise _too_large(len(data), MAX_PDF_BYTES)
    if not data.startswith(b"%PDF-"):
        raise ValidationError(NOT_A_PDF, code="not_a_pdf")
    if b"%%EOF" not in data[-1024:]:
        raise ValidationError(BROKEN_PDF, code="broken_pdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(ENCRYPTED_PDF, code="encrypted_pdf")
        pages = len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValidationError(BROKEN_PDF, code="broken_pdf") from error
    if pages < 1:
        raise ValidationError(BROKEN_PDF, code="broken_pdf")
    return pages


def pdf_title(content: ContentFile) -> str:
    """What a checked PDF (`CheckedPdfFormField`'s file) calls itself: its metadata's /Title,
    else its file name made readable (»kommissorium-for-lokalraad.pdf« → »Kommissorium for
    lokalraad«)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    content.seek(0)
    try:
        metadata = PdfReader(content).metadata
        title = str(metadata.title or "") if metadata else ""
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        title = ""  # a title is a convenience: the file itself was read when it was checked
    finally:
        content.seek(0)
    if not title.strip():
        title = PurePath(content.name or "").stem.replace("-", " ").replace("_", " ")
    title = " ".join(title.split())
    return title[:1].upper() + title[1:]


def _read_upload(upload, limit: int) -> bytes:
    """The uploaded bytes; refused before reading when the upload says it is too large."""
    if upload.size is not None and upload.size > limit:
        raise _too_large(upload.size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise _too_large(upload.size or len(data), limit)
    return data


class CheckedImageFormField(forms.FileField):
    """A figure upload: re-encoded here, so the stored file is always the clean one."""

    def __init__(self, *args, **kwargs):
        accept = {"accept": "image/png,image/jpeg"}
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs=accept))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        clean = reencode_image(_read_upload(upload, MAX_IMAGE_BYTES))
        stem = PurePath(upload.name or "figur").stem or "figur"
        return ContentFile(clean.content, name=f"{stem}.{clean.extension}")


class CheckedPdfFormField(forms.FileField):
    """An attachment upload: a readable PDF, or a Danish error next to the field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "application/pdf"}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        data = _read_upload(upload, MAX_PDF_BYTES)
        check_pdf(data)
        stem = PurePath(upload.name or "bilag").stem or "bilag"
        return ContentFile(data, name=f"{stem}.pdf")


def random_name(folder: str, filename: str) -> str:
    """A new random name in `folder` with the file's own suffix, for an `upload_to`: a file is
    never overwritten, and a published version's file stays where its snapshot points."""
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class CheckedImageField(models.ImageField):
    """A PNG or JPEG figure, re-encoded on upload (`CheckedImageFormField`). Deconstructs as
    Django's own ImageField, so migrations stay plain."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """As Django's, but a stored file that has gone missing keeps the dimensions saved with
        it rather than failing the form that shows it (Django reads the file again on every
        assignment)."""
        with contextlib.suppress(FileNotFoundError):
            super().update_dimension_fields(instance, force, *args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


class CheckedPdfField(models.FileField):
    """A PDF attachment, checked by its content on upload (`CheckedPdfFormField`). Deconstructs
    as Django's own FileField."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedPdfFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs
