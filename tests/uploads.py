"""Files for upload tests, built in code: no binary fixtures in the repository."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from weasyprint import HTML

CAMERA = "Hemmelig kamera-model"


def png_bytes(size=(120, 80), colour="steelblue", mode="RGB") -> bytes:
    out = io.BytesIO()
    image = Image.new(mode, size, colour)
    image.save(out, "PNG")
    return out.getvalue()


def jpeg_with_exif(size=(120, 80)) -> bytes:
    """A JPEG whose EXIF names a camera and says to turn the picture a quarter (orientation 6)."""
    exif = Image.Exif()
    exif[0x0110] = CAMERA  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    out = io.BytesIO()
    Image.new("RGB", size, "darkorange").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def pdf_bytes(text="Forretningsorden for kredsrådet") -> bytes:
    return HTML(string=f"<html lang='da'><body><h1>{text}</h1></body></html>").write_pdf()


def upload(data: bytes, name: str, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)
