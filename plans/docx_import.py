"""A draft plan from the plan's Word file (.docx): "Importér fra Word" on /sekretariat/.

Three steps, one module:

1. `read_docx` checks the upload by its content (a ZIP holding ``word/document.xml``; a
   password-protected .docx and an old .doc are OLE/CFB files and get their own Danish
   message) and converts it with mammoth. The headings "Heading 1/2/3" ("Overskrift 1/2/3")
   split the text into parts; "Title" ("Titel") is the title suggested for the plan. Text is
   sanitised with the editor's allowlist (`base.fields.sanitize_rich_text`): bold, italic,
   lists and links are kept; a table, which the editor cannot hold, becomes a list with one
   item per row (and a warning). Images are re-encoded as figure uploads are
   (`base.uploads.reencode_image`) with their alt text and a caption from a following
   "Caption" ("Billedtekst") paragraph; an image that is not PNG or JPEG is listed and left out.
2. The secretariat maps every part on one page (`forms.DocxMappingForm`). Between the steps
   the parsed document (`ImportedDocument.as_dict`, small JSON) lives in the user's session
   and the images in a folder of their own under MEDIA_ROOT (`imports/<random id>/`): a few
   megabytes of images are too large for a hidden field or a database session row, and
   media is never served by the web server. The folder goes when the plan is created, when
   the user cancels or starts a new import, and after a day (`discard_stale`).
3. `create_plan` makes the draft in one transaction, or raises a ValidationError keyed by the
   mapping form's fields and creates nothing.
"""

import datetime
import html
import io
import re
import uuid
import zipfile
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from PIL import Image

from base.fields import sanitize_rich_text
from base.text import danish_list, html_words, shorten
from base.uploads import reencode_image

from .models import (
    MAX_SECTION_LEVEL,
    Activity,
    FocusArea,
    FocusAreaGroup,
    Period,
    Plan,
    PlanSection,
)
from .services import add_section_figure, sync_assignments

MAX_DOCX_BYTES = 10 * 1024 * 1024
# What the ZIP may hold unpacked: a real plan of 40 pages with photos is some 30 MB; far more
# from a 10 MB file is a ZIP bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_GROUPS = 4
THUMBNAIL_SIDE = 320
FOLDER = "imports"
KEPT_FOR = datetime.timedelta(days=1)

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOT_WORD = gettext_lazy(
    "Filen er ikke en Word-fil (.docx). Åbn planen i Word, vælg »Gem som« og filtypen "
    "»Word-dokument (.docx)«, og prøv igen."
)
PASSWORD = gettext_lazy(
    "Filen er beskyttet med adgangskode, så portalen kan ikke læse den. Åbn den i Word, fjern "
    "adgangskoden (Filer → Oplysninger → Beskyt dokument), gem den, og prøv igen."
)
OLD_DOC = gettext_lazy(
    "Filen er et ældre Word-dokument (.doc). Åbn den i Word, vælg »Gem som« og filtypen "
    "»Word-dokument (.docx)«, og prøv igen med den nye fil."
)
BROKEN = gettext_lazy(
    "Word-filen kan ikke læses: den er ufuldstændig eller beskadiget. Åbn den i Word, gem den "
    "igen som .docx, og prøv igen."
)

STYLE_MAP = "\n".join(
    [
        *(
            f"p[style-name='{name} {level}'] => h{level}:fresh"
            for level in range(1, 7)
            for name in ("Overskrift", "overskrift")
        ),
        *(f"p.Overskrift{level} => h{level}:fresh" for level in range(1, 7)),
        *(f"p[style-name='{name}'] => p.doc-title:fresh" for name in ("Title", "Titel", "title")),
        "p.Title => p.doc-title:fresh",
        "p.Titel => p.doc-title:fresh",
        *(
            f"p[style-name='{name}'] => p.doc-caption:fresh"
            for name in ("Caption", "caption", "Billedtekst", "billedtekst")
        ),
    ]
)

# Roles a part can be given on the mapping page.
CHAPTER, SUB, SUBSUB = "chapter", "sub", "subsub"
FOREWORD, TEXT, SKIP = "foreword", "text", "skip"
SECTION_LEVELS = {CHAPTER: 1, SUB: 2, SUBSUB: 3}
DEFAULT_ROLE = {0: SKIP, 1: CHAPTER, 2: SUB, 3: SUBSUB}


def group_role(index: int) -> str:
    return f"group-{index}"


def part_field(index: int) -> str:
    return f"part-{index}"


@dataclass
class ImportedImage:
    number: int
    alt_text: str = ""
    caption: str = ""
    extension: str = ""  # "" when the image cannot be used
    problem: str = ""


@dataclass
class Part:
    """The text under one heading (level 1–3), or before the first one (level 0)."""

    level: int
    title: str
    html: str = ""
    images: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def first_words(self) -> str:
        return shorten(html_words(self.html), 160)


@dataclass
class ImportedDocument:
    title: str
    parts: list[Part]
    images: list[ImportedImage]

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportedDocument":
        return cls(
            title=data["title"],
            parts=[Part(**part) for part in data["parts"]],
            images=[ImportedImage(**image) for image in data["images"]],
        )

    def image(self, number: int) -> ImportedImage:
        return self.images[number]

    def suggested_title(self) -> str:
        """The Word title without the years (the plan's period is shown after its title)."""
        title = re.sub(r"\s*\d{4}\s*(?:[-–/]\s*\d{2,4})?\s*$", "", self.title).strip(" ,–-")
        return shorten(title, 200)


# -- 1. Reading ------------------------------------------------------------------------------


def too_large(size: int) -> ValidationError:
    return ValidationError(
        _("Filen er for stor (%(size)s). Den må højst fylde %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(MAX_DOCX_BYTES)},
        code="too_large",
    )


def check_word_file(data: bytes) -> None:
    """Refuse what is not a readable .docx, with a Danish message saying what to do."""
    if len(data) > MAX_DOCX_BYTES:
        raise too_large(len(data))
    if data.startswith(CFB_MAGIC):
        # An OLE compound file: Word's old format (a "WordDocument" stream) or a .docx that
        # Word encrypted with a password (an "EncryptedPackage" stream). Names are UTF-16.
        if "WordDocument".encode("utf-16-le") in data:
            raise ValidationError(OLD_DOC, code="old_doc")
        raise ValidationError(PASSWORD, code="password")
    if not data.startswith(b"PK"):
        raise ValidationError(NOT_WORD, code="not_word")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as error:
        raise ValidationError(BROKEN, code="broken") from error
    if "word/document.xml" not in names:
        raise ValidationError(NOT_WORD, code="not_word")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(BROKEN, code="broken")


_TOKEN = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
_VOID = {"img", "br", "hr"}
_HEADING = re.compile(r"^<h([1-6])(?:\s[^>]*)?>(.*)</h\1>$", re.DOTALL)
_IMG = re.compile(r"<img\b[^>]*\bsrc=\"docx-image:(\d+)\"[^>]*/?>")
_CLASSED_P = re.compile(r'^<p class="doc-(title|caption)">(.*)</p>$', re.DOTALL)
_EMPTY_P = re.compile(r"<p>\s*</p>")


def _top_level_blocks(markup: str) -> list[str]:
    """The top-level elements of mammoth's HTML (well formed), each as one string."""
    blocks, current, depth = [], [], 0
    for token in _TOKEN.split(markup):
        if not token:
            continue
        current.append(token)
        match = _TAG_NAME.match(token)
        if match and not token.endswith("/>") and match.group(2).lower() not in _VOID:
            depth += -1 if match.group(1) else 1
        if depth == 0:
            blocks.append("".join(current))
            current = []
    if current:
        blocks.append("".join(current))
    return blocks


def _cell_html(cell: str) -> str:
    """A table cell's content as inline HTML: paragraphs and list items joined by "; "."""
    inner = re.sub(r"</(p|li)>\s*<(p|li)>", "; ", cell)
    inner = re.sub(r"</?(p|ul|ol|li|table|thead|tbody|tr|td|th)(\s[^>]*)?>", " ", inner)
    return " ".join(inner.split())


def table_as_list(table: str) -> str:
    """A table as the editor can hold it: header rows in bold, every other row one list item
    with its cells joined by " – " (a nested table's cells flattened into its cell)."""
    header, items = [], []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = re.findall(r"<(td|th)(?:\s[^>]*)?>(.*?)</\1>", row, re.DOTALL)
        texts = [_cell_html(content) for _tag, content in cells]
        line = " – ".join(text for text in texts if text)
        if not line:
            continue
        if cells and all(tag == "th" for tag, _content in cells):
            header.append(f"<p><strong>{line}</strong></p>")
        else:
            items.append(f"<li><p>{line}</p></li>")
    return "".join(header) + (f"<ul>{''.join(items)}</ul>" if items else "")


def _thumbnail(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA"))
        out = io.BytesIO()
        background.save(out, "JPEG", quality=80)
    return out.getvalue()


@dataclass
class ReadResult:
    document: ImportedDocument
    # number → (clean image bytes, thumbnail bytes), only for images that can be used
    image_files: dict[int, tuple[bytes, bytes]]


def read_docx(data: bytes) -> ReadResult:
    """The parts, title and images of a Word file; ValidationError (Danish) when it is none."""
    import mammoth

    check_word_file(data)
    images: list[ImportedImage] = []
    files: dict[int, tuple[bytes, bytes]] = {}

    def convert_image(image):
        number = len(images)
        found = ImportedImage(number=number, alt_text=(image.alt_text or "").strip()[:1000])
        with image.open() as stream:
            content = stream.read()
        try:
            clean = reencode_image(content)
        except ValidationError as error:
            found.problem = str(error.messages[0])
        else:
            found.extension = clean.extension
            files[number] = (clean.content, _thumbnail(clean.content))
        images.append(found)
        return {"src": f"docx-image:{number}"}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(convert_image),
        )
    except Exception as error:  # a third-party parser of untrusted input: any failure is ours
        raise ValidationError(BROKEN, code="broken") from error
    document = _split(result.value, images)
    return ReadResult(document=document, image_files=files)


def _split(markup: str, images: list[ImportedImage]) -> ImportedDocument:
    title = ""
    parts = [Part(level=0, title="")]
    last_image: ImportedImage | None = None
    for block in _top_level_blocks(markup):
        heading = _HEADING.match(block)
        if heading and int(heading.group(1)) <= MAX_SECTION_LEVEL:
            text = shorten(html_words(heading.group(2)), 200)
            if text:
                parts.append(Part(level=int(heading.group(1)), title=text))
                last_image = None
                continue
        part = parts[-1]
        classed = _CLASSED_P.match(block)
        if classed and classed.group(1) == "title" and not title:
            title = html_words(classed.group(2))
            continue
        if classed and classed.group(1) == "caption" and last_image and not last_image.caption:
            last_image.caption = shorten(html_words(classed.group(2)), 300)
            continue
        if classed:
            block = f"<p>{classed.group(2)}</p>"
        if heading:  # Heading 4–6: a sub-heading inside the text, in bold
            block = f"<p><strong>{heading.group(2)}</strong></p>"
        for number in _IMG.findall(block):
            part.images.append(int(number))
            last_image = images[int(number)]
        block = _EMPTY_P.sub("", _IMG.sub("", block))
        if block.startswith("<table"):
            block = table_as_list(block)
            part.warnings.append(
                _(
                    "En tabel er lavet om til en punktliste med en række pr. punkt, fordi "
                    "planens tekst ikke kan rumme tabeller. Se den efter, når planen er oprettet."
                )
            )
        part.html += block
    for part in parts:
        part.html = sanitize_rich_text(part.html)
    if not (parts[0].html or parts[0].images):
        parts.pop(0)
    return ImportedDocument(title=title, parts=parts, images=images)


# -- 2. Between the steps ----------------------------------------------------------------------


def new_import_id() -> str:
    return uuid.uuid4().hex


def _folder(import_id: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{32}", import_id or ""):
        raise ValueError("Not an import id")
    return f"{FOLDER}/{import_id}"


def store_images(import_id: str, files: dict[int, tuple[bytes, bytes]], document) -> None:
    folder = _folder(import_id)
    for number, (content, thumbnail) in files.items():
        extension = document.image(number).extension
        default_storage.save(f"{folder}/{number}.{extension}", ContentFile(content))
        default_storage.save(f"{folder}/{number}-lille.jpg", ContentFile(thumbnail))


def image_bytes(import_id: str, image: ImportedImage, *, thumbnail: bool = False) -> bytes:
    name = f"{image.number}-lille.jpg" if thumbnail else f"{image.number}.{image.extension}"
    with default_storage.open(f"{_folder(import_id)}/{name}", "rb") as stored:
        return stored.read()


def discard(import_id: str) -> None:
    """Remove an import's folder and its images."""
    folder = _folder(import_id)
    if not default_storage.exists(folder):
        return
    _dirs, files = default_storage.listdir(folder)
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    default_storage.delete(folder)


def discard_stale(now: datetime.datetime | None = None) -> None:
    """Remove the folders of imports started more than a day ago and never finished."""
    if not default_storage.exists(FOLDER):
        return
    now = now or timezone.now()
    folders, _files = default_storage.listdir(FOLDER)
    for name in folders:
        try:
            started = default_storage.get_modified_time(f"{FOLDER}/{name}")
            if now - started > KEPT_FOR:
                discard(name)
        except (OSError, ValueError):
            continue


# -- The mapping page's suggestions -------------------------------------------------------------


def _is_group_heading(parts: list[Part], index: int) -> bool:
    """ "Nationale indsatsområder" (Heading 2) with the focus areas under it (Heading 3)."""
    part = parts[index]
    following = parts[index + 1] if index + 1 < len(parts) else None
    return (
        part.level == 2
        and "indsatsområde" in part.title.lower()
        and following is not None
        and following.level == 3
    )


def _guess_group(title: str) -> "GroupChoice":
    """A group from its heading's words (`FocusAreaGroup.guess_from_heading`)."""
    kind, ranked = FocusAreaGroup.guess_from_heading(title)
    return GroupChoice(heading=title, kind=kind, ranked=ranked)


def suggest_roles(parts: list[Part]) -> tuple[list[str], list["GroupChoice"]]:
    """What each part most likely is, and the focus-area groups that follows, for the mapping
    page to start from: by the heading's level; "Forord" is the foreword; the headings under
    a chapter called "Indsatsområder" (or the like) are focus areas of one group; a sub-heading
    like "Nationale indsatsområder" with headings one level below is a group of its own (its
    heading the group's, its text kept in bold above), and those headings are its areas."""
    roles: list[str] = []
    groups: list[GroupChoice] = []
    focus_chapter, chapter_group, current = False, None, None
    for index, part in enumerate(parts):
        title = part.title.strip().lower()
        if part.level == 1:
            focus_chapter, chapter_group, current = "indsatsområde" in title, None, None
        elif part.level == 2:
            current = None
        if part.level == 0:
            role = SKIP
        elif title in {"forord", "forord:"}:
            role = FOREWORD
        elif _is_group_heading(parts, index) and len(groups) < MAX_GROUPS:
            groups.append(_guess_group(part.title.strip()))
            current = len(groups) - 1
            role = TEXT if part.html and roles else SKIP
        elif part.level == 3 and current is not None:
            role = group_role(current)
        elif part.level == 2 and focus_chapter:
            if chapter_group is None and len(groups) < MAX_GROUPS:
                groups.append(GroupChoice("Indsatsområder", FocusAreaGroup.Kind.DISTRICT, False))
                chapter_group = len(groups) - 1
            role = group_role(chapter_group) if chapter_group is not None else SUB
        else:
            role = DEFAULT_ROLE[part.level]
        roles.append(role)
    return roles, groups


# -- 3. Creating the plan --------------------------------------------------------------------


@dataclass(frozen=True)
class GroupChoice:
    heading: str
    kind: str
    ranked: bool


@dataclass(frozen=True)
class FigureChoice:
    alt_text: str
    caption: str
    omit: bool


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    counts: Counter

    def summary(self) -> str:
        """ "7 kapitler, 4 underafsnit, 12 indsatsområder i 3 grupper, 30 aktiviteter og 2
        figurer"."""
        counts = self.counts
        texts = []
        for key, singular, plural in (
            (CHAPTER, "%(n)d kapitel", "%(n)d kapitler"),
            (SUB, "%(n)d underafsnit", "%(n)d underafsnit"),
            (SUBSUB, "%(n)d under-underafsnit", "%(n)d under-underafsnit"),
        ):
            if counts[key]:
                texts.append(ngettext(singular, plural, counts[key]) % {"n": counts[key]})
        if counts["focus_areas"]:
            areas = ngettext("%(n)d indsatsområde", "%(n)d indsatsområder", counts["focus_areas"])
            groups = ngettext("i %(n)d gruppe", "i %(n)d grupper", counts["groups"])
            texts.append(
                f"{areas % {'n': counts['focus_areas']}} {groups % {'n': counts['groups']}}"
            )
        if counts["activities"]:
            texts.append(
                ngettext("%(n)d aktivitet", "%(n)d aktiviteter", counts["activities"])
                % {"n": counts["activities"]}
            )
        if counts["figures"]:
            texts.append(
                ngettext("%(n)d figur", "%(n)d figurer", counts["figures"])
                % {"n": counts["figures"]}
            )
        if counts[FOREWORD]:
            texts.append(_("forordet"))
        return danish_list(texts) if texts else _("ingen dele")


# A focus area's activities in Word: a heading or a bold line "Aktiviteter" (Heading 4–6 came
# out bold, see `_split`) and right after it a bulleted list without lists inside it.
_ACTIVITY_LIST = re.compile(
    r"<p>\s*<strong>\s*Aktiviteter\s*:?\s*</strong>\s*</p>\s*<ul>((?:(?!<[uo]l\b).)*?)</ul>",
    re.IGNORECASE | re.DOTALL,
)
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)


def split_activities(background: str) -> tuple[str, list[str]]:
    """A focus area's text without its list of activities, and the activities' texts in order.

    Many plans list a focus area's activities under "Aktiviteter"; as activities, not text,
    they get lokalråd assignments and status. Only the first such list is taken, and only
    when every item fits an activity: otherwise the text stays as it is."""
    found = _ACTIVITY_LIST.search(background)
    if not found:
        return background, []
    texts = [html_words(item) for item in _LIST_ITEM.findall(found.group(1))]
    texts = [text for text in texts if text]
    limit = Activity._meta.get_field("text").max_length
    if not texts or any(len(text) > limit for text in texts):
        return background, []
    return background[: found.start()] + background[found.end() :], texts


def add_imported_activities(*, area: FocusArea, texts: list[str]) -> list[Activity]:
    """The activities of an imported focus area, in order, carried by all lokalråd (the
    usual case, and one choice to change where the plan names others); each lokalråd gets
    its assignment."""
    activities = []
    for order, text in enumerate(texts):
        activity = Activity(focus_area=area, text=text, all_local_councils=True, order=order)
        activity.full_clean()
        activity.save()
        sync_assignments(activity=activity)
        activities.append(activity)
    return activities


@dataclass
class _Planned:
    """A part as it will be created: its role and its text with the parts merged into it."""

    index: int
    part: Part
    role: str
    html: str
    images: list[int]


def _plan_parts(document: ImportedDocument, roles: list[str], errors: dict) -> list[_Planned]:
    planned: list[_Planned] = []
    for index, (part, role) in enumerate(zip(document.parts, roles, strict=True)):
        if role == SKIP:
            continue
        if role == TEXT:
            if not planned:
                errors[part_field(index)] = _(
                    "Der er ingen del før denne, som overskriften kan stå i. Vælg en anden "
                    "rolle, eller spring den over."
                )
                continue
            previous = planned[-1]
            previous.html += f"<p><strong>{html.escape(part.title)}</strong></p>{part.html}"
            previous.images += part.images
            continue
        planned.append(_Planned(index, part, role, part.html, list(part.images)))
    return planned


def _check_outline(planned: list[_Planned], errors: dict) -> None:
    """A sub-section needs a chapter before it, a third-level section a sub-section."""
    level = 0
    for item in planned:
        wanted = SECTION_LEVELS.get(item.role)
        if wanted is None:
            continue
        if wanted > level + 1:
            if item.role == SUB:
                message = _(
                    "»%(title)s« kan ikke være et underafsnit: der er intet kapitel før det. "
                    "Gør den eller en overskrift før den til et kapitel."
                )
            else:
                message = _(
                    "»%(title)s« kan ikke være et under-underafsnit: der er intet underafsnit "
                    "før det i kapitlet, og en plan har højst tre niveauer. Gør den til et "
                    "underafsnit, eller gør en overskrift før den til et."
                )
            errors[part_field(item.index)] = message % {"title": item.part.title}
        level = wanted  # as if it were right: the parts below it are judged on their own


def _model_errors(error: ValidationError, title: str) -> str:
    messages = [str(message) for message in error.messages]
    return _("»%(title)s«: %(problems)s") % {"title": title, "problems": " ".join(messages)}


@transaction.atomic
def create_plan(
    *,
    district,
    document: ImportedDocument,
    import_id: str,
    title: str,
    period_start: int,
    period_end: int,
    roles: list[str],
    groups: list[GroupChoice],
    figures: dict[int, FigureChoice],
) -> ImportResult:
    """A draft plan of the district from the mapped document. Raises ValidationError keyed by
    the mapping form's fields (`part_field`, "group-<n>-heading", "image-<n>-alt", the period)
    and creates nothing when any part cannot be made."""
    errors: dict[str, str] = {}
    planned = _plan_parts(document, roles, errors)
    _check_outline(planned, errors)

    used_groups = sorted(
        {int(item.role.split("-")[1]) for item in planned if item.role.startswith("group-")}
    )
    for number in used_groups:
        if not groups[number].heading.strip():
            errors[f"group-{number}-heading"] = _(
                "Giv gruppen en overskrift: der står indsatsområder i den."
            )

    for item in planned:
        kept = [n for n in item.images if document.image(n).extension and not figures[n].omit]
        if kept and item.role not in SECTION_LEVELS:
            errors.setdefault(
                part_field(item.index),
                _(
                    "»%(title)s« har figurer, og kun kapitler og underafsnit kan have figurer. "
                    "Vælg »Udelad figuren« ved dem, eller gør overskriften til et afsnit."
                )
                % {"title": item.part.title},
            )
        for number in kept:
            if not figures[number].alt_text.strip():
                errors[f"image-{number}-alt"] = _(
                    "Skriv en alternativ tekst, der siger, hvad figuren viser, eller vælg at "
                    "udelade figuren."
                )
            if not figures[number].caption.strip():
                errors[f"image-{number}-caption"] = _("Skriv en billedtekst til figuren.")

    period = Period(period_start, period_end)
    if Plan.objects.filter(
        district=district, period_start=period_start, period_end=period_end
    ).exists():
        errors["period_end"] = _("Kredsen har allerede en samarbejdsplan for %(period)s.") % {
            "period": period.label
        }
    foreword = "".join(item.html for item in planned if item.role == FOREWORD)
    plan = Plan(
        district=district,
        title=title,
        period_start=period_start,
        period_end=period_end,
        foreword=foreword,
        status=Plan.Status.DRAFT,
    )
    try:
        plan.full_clean(validate_constraints=False)
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            forewords = [item for item in planned if item.role == FOREWORD]
            if name == "foreword" and forewords:
                key = part_field(forewords[0].index)
                problem = _model_errors(ValidationError(problems), forewords[0].part.title)
            else:
                key = name if name in {"title", "period_start", "period_end"} else "__all__"
                problem = " ".join(problems)
            errors.setdefault(key, problem)

    # Field-level checks of every part before anything is written (lengths, required).
    for item in planned:
        if item.role in SECTION_LEVELS:
            candidate = PlanSection(title=item.part.title, body=item.html)
        elif item.role.startswith("group-"):
            candidate = FocusArea(title=item.part.title, background=item.html)
        else:
            continue
        try:
            candidate.clean_fields(exclude=["plan", "group", "parent"])
        except ValidationError as error:
            errors.setdefault(part_field(item.index), _model_errors(error, item.part.title))
    if errors:
        raise ValidationError(errors)

    plan.save()
    counts: Counter = Counter()
    counts[FOREWORD] = int(bool(foreword))
    parents: dict[int, PlanSection] = {}  # level → the latest section at that level
    order_at: Counter = Counter()  # (parent id) → next order among siblings
    group_rows: dict[int, FocusAreaGroup] = {}
    ranks: Counter = Counter()
    figure_order: Counter = Counter()
    for item in planned:
        if item.role in SECTION_LEVELS:
            level = SECTION_LEVELS[item.role]
            parent = parents.get(level - 1) if level > 1 else None
            order_at[parent.pk if parent else None] += 1
            section = PlanSection(
                plan=plan,
                parent=parent,
                title=item.part.title,
                body=item.html,
                order=order_at[parent.pk if parent else None],
            )
            section.full_clean()
            section.save()
            parents[level] = section
            for deeper in range(level + 1, MAX_SECTION_LEVEL + 1):
                parents.pop(deeper, None)
            counts[item.role] += 1
            for number in item.images:
                choice = figures.get(number)
                if not document.image(number).extension or choice is None or choice.omit:
                    continue
                figure_order[section.pk] += 1
                add_section_figure(
                    section=section,
                    image=image_bytes(import_id, document.image(number)),
                    alt_text=choice.alt_text.strip(),
                    caption=choice.caption.strip(),
                    order=figure_order[section.pk],
                )
                counts["figures"] += 1
        elif item.role.startswith("group-"):
            number = int(item.role.split("-")[1])
            group = group_rows.get(number)
            if group is None:
                choice = groups[number]
                # In the nearest section before the first area whose level is above the area's
                # heading (an area under "Heading 2" goes into the chapter before it), at most a
                # sub-section; else in the generated chapter "Indsatsområder".
                holder = next(
                    (
                        parents[level]
                        for level in range(min(item.part.level - 1, 2), 0, -1)
                        if level in parents
                    ),
                    None,
                )
                group = FocusAreaGroup(
                    plan=plan,
                    heading=choice.heading.strip(),
                    kind=choice.kind,
                    ranked=choice.ranked,
                    section=holder,
                    order=number + 1,
                )
                group.full_clean()
                group.save()
                group_rows[number] = group
            ranks[number] += 1
            background, activities = split_activities(item.html)
            area = FocusArea(
                plan=plan,
                group=group,
                title=item.part.title,
                background=background,
                rank=ranks[number] if group.ranked else None,
                order=ranks[number],
            )
            area.full_clean()
            area.save()
            counts["focus_areas"] += 1
            counts["activities"] += len(add_imported_activities(area=area, texts=activities))
    counts["groups"] = len(group_rows)
    return ImportResult(plan=plan, counts=counts)
