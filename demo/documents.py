"""The demo plans' figures and attachments, made when the demo is loaded: organisation diagrams
drawn with Pillow and short documents (a forretningsorden, a kommissorium) rendered with
WeasyPrint. No binary files in the repository, nothing fetched from the network."""

import io
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont
from weasyprint import HTML

FONTS = Path(settings.BASE_DIR) / "static" / "fonts" / "source-sans-3"
INK = "#1a202c"
LINE = "#4a5568"
LEVELS = [
    # (level, box title, box text, fill)
    ("Strategisk", "Kredsrådet", "Politidirektøren og borgmestrene", "#dbe7f5"),
    ("Operationelt", "Lokalrådene", "Ét i hver kommune: politi og kommune", "#e3f1e3"),
    ("Taktisk", "Lokalråd+", "Skoler, klubber, boligforeninger m.fl.", "#fbeedd"),
]


def _font(weight: int, size: int):
    path = FONTS / f"source-sans-3-latin-{weight}-normal.woff"
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # a Pillow without WOFF support: its own font
        return ImageFont.load_default(size=size)


def organisation_diagram(levels=LEVELS) -> bytes:
    """The levels of the cooperation (level, box title, box text, fill) as boxes joined by
    lines, as a PNG."""
    width, height, box_width, box_height, gap = 900, 470, 520, 96, 50
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title, text, label = _font(700, 30), _font(400, 22), _font(600, 22)
    left = (width - box_width) // 2 + 80
    top = 40
    for index, (level, heading, description, fill) in enumerate(levels):
        y = top + index * (box_height + gap)
        draw.rounded_rectangle(
            (left, y, left + box_width, y + box_height), radius=12, fill=fill, outline=LINE, width=3
        )
        draw.text((left + box_width // 2, y + 32), heading, font=title, fill=INK, anchor="mm")
        draw.text((left + box_width // 2, y + 68), description, font=text, fill=INK, anchor="mm")
        draw.text((40, y + box_height // 2), level, font=label, fill=LINE, anchor="lm")
        if index:
            centre = left + box_width // 2
            draw.line((centre, y - gap, centre, y), fill=LINE, width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def pdf_document(title: str, body_html: str) -> bytes:
    """A short document (the demo's attachment) as a PDF."""
    html = (
        "<html lang='da'><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<style>@page { size: A4; margin: 25mm } body { font-family: sans-serif; "
        "font-size: 11pt; line-height: 1.4 } h1 { font-size: 18pt }</style></head>"
        f"<body><h1>{title}</h1>{body_html}</body></html>"
    )
    return HTML(string=html).write_pdf()
