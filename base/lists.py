"""Lines of rich text that read as a list ("- …", "• …", "1. …") made into HTML lists.

Text pasted from a PDF or a text file, or typed into the editor's textarea without JavaScript,
arrives as lines: loose text or paragraphs split by <br>. `lines_as_lists` turns the lines that
begin with a bullet or a number into <ul>/<ol> (items as the editor writes them,
`<li><p>…</p></li>`) and the other lines of the same text into paragraphs. Text without such
lines, and lists, headings and quotations already in HTML, are returned as they were.

The editor does the same on paste (`static/admin-portal/admin.js`, `listsFromLines`): keep the
two in step.
"""

import re

# "-", "–", "*" need a space after them ("-5 grader" is no item); the bullet signs do not.
_BULLET = re.compile(r"^(?:[-–*]\s+|[•●▪◦\uf0b7]\s*)(?P<text>\S.*)$", re.DOTALL)
# "1." or "1)": only in a run of at least two lines numbered one after another, so that a line
# beginning "1. januar …" stays a paragraph.
_NUMBER = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$", re.DOTALL)
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_LINE_BREAK = re.compile(r"<br\s*/?>|\r\n|\r|\n", re.IGNORECASE)
_VOID = {"br", "hr", "img"}
_BLOCKS = {"ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "div"}


def _segments(html: str) -> list[tuple[str, str]]:
    """The top level of `html` as ("p", inner HTML), ("block", HTML) and ("loose", HTML): text
    and inline markup between blocks. Expects well-formed HTML (the sanitiser's)."""
    segments: list[tuple[str, str]] = []
    kind, parts, depth = None, [], 0

    def close():
        nonlocal kind, parts
        if kind is not None:
            segments.append((kind, "".join(parts)))
        kind, parts = None, []

    for token in _TAG.split(html):
        if not token:
            continue
        name = _TAG_NAME.match(token) if token.startswith("<") else None
        tag = name.group(1).lower() if name else None
        closing = token.startswith("</")
        opens = tag is not None and not closing and tag not in _VOID and not token.endswith("/>")
        if depth == 0:
            if tag == "p" or tag in _BLOCKS:
                close()
                if opens:
                    kind, parts, depth = ("p", [], 1) if tag == "p" else ("block", [token], 1)
                continue  # (a stray end tag is dropped)
            if kind != "loose":
                close()
                kind = "loose"
            parts.append(token)
            depth = 1 if opens else 0
            continue
        if opens:
            depth += 1
        elif closing:
            depth -= 1
        if depth == 0 and kind == "p":
            close()  # without its </p>
            continue
        parts.append(token)
        if depth == 0 and kind == "block":
            close()
    close()
    return segments


def _classify(line: str):
    if match := _BULLET.match(line):
        return "ul", None, match["text"].strip()
    if match := _NUMBER.match(line):
        return "ol", int(match["number"]), match["text"].strip()
    return None, None, line


def _is_continuation(line: str) -> bool:
    """A wrapped item's next line, as a PDF gives it: it begins in lower case."""
    return line[:1].islower()


def lines_as_lists(html: str) -> str:
    """`html` with its lines that begin with a bullet or a number made into lists."""
    if not html:
        return html
    # Every line of the loose text and the paragraphs, with the segment it came from; a block
    # (a list, a heading, a quotation) stands between them as itself.
    entries: list[tuple[int, str | None]] = []
    segments = _segments(html)
    for index, (kind, content) in enumerate(segments):
        if kind == "block":
            entries.append((index, None))
            continue
        if kind == "loose" and not content.strip():
            continue
        for line in _LINE_BREAK.split(content):
            if line.strip():
                entries.append((index, line.strip()))

    # Each line's kind; a numbered line counts only in a run numbered one after another.
    kinds: list[list] = []
    for _index, line in entries:
        kinds.append(list(_classify(line)) if line is not None else [None, None, None])
    _keep_numbered_runs(entries, kinds)
    _mark_continuations(entries, kinds)

    listed = {entries[i][0] for i, (kind, _n, _t) in enumerate(kinds) if kind}
    if not listed:
        return html

    out: list[str] = []
    items: list[str] = []
    list_kind: str | None = None
    list_start: int | None = None
    emitted: set[int] = set()

    def flush():
        nonlocal items, list_kind, list_start
        if items:
            start = f' start="{list_start}"' if list_kind == "ol" and list_start != 1 else ""
            body = "".join(f"<li><p>{item}</p></li>" for item in items)
            out.append(f"<{list_kind}{start}>{body}</{list_kind}>")
        items, list_kind, list_start = [], None, None

    for (index, line), (kind, number, text) in zip(entries, kinds, strict=True):
        segment_kind, content = segments[index]
        if index not in listed:
            flush()
            if index not in emitted:
                emitted.add(index)
                out.append(f"<p>{content}</p>" if segment_kind == "p" else content)
            continue
        if kind == "continued":
            items[-1] = f"{items[-1]} {line}"
        elif kind:
            if kind != list_kind or (kind == "ol" and number != list_start + len(items)):
                flush()
                list_kind, list_start = kind, number
            items.append(text)
        else:
            flush()
            out.append(f"<p>{line}</p>")
    flush()
    return "".join(out)


def _keep_numbered_runs(entries, kinds) -> None:
    """Make numbered lines that are not in a run of two or more consecutive numbers (wrapped
    lines in between allowed) plain lines again."""
    i = 0
    while i < len(kinds):
        if kinds[i][0] != "ol":
            i += 1
            continue
        run, j = [i], i + 1
        while j < len(kinds):
            kind, number, _text = kinds[j]
            line = entries[j][1]
            if kind == "ol" and number == kinds[run[-1]][1] + 1:
                run.append(j)
            elif kind is not None or line is None or not _is_continuation(line):
                break
            j += 1
        if len(run) == 1:
            kinds[i] = [None, None, entries[i][1]]
            j = i + 1
        i = j


def _mark_continuations(entries, kinds) -> None:
    """Mark the wrapped lines of an item ("continued"): they belong to it."""
    in_item = False
    for i, (_index, line) in enumerate(entries):
        kind = kinds[i][0]
        if kind in ("ul", "ol"):
            in_item = True
        elif in_item and kind is None and line is not None and _is_continuation(line):
            kinds[i][0] = "continued"
        else:
            in_item = False
