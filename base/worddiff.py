"""The words that changed between two texts, block by block: what the version diff shows.

Rich text (sanitised HTML) is read as its blocks (paragraphs, headings, list items, table
cells), each as plain text; plain text is one block per line. Blocks are matched in order, a
changed block is compared word by word, and runs of unchanged blocks are kept together so the
page can fold them away. The result is text only, never markup: the template escapes every
piece, so nothing stored as HTML reaches the page as HTML.
"""

import difflib
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import ngettext

from base.text import html_blocks

SAME, ADDED, REMOVED, CHANGED = "same", "added", "removed", "changed"

# Words, runs of white space, and each other sign: "afsnit." differs from "afsnit," in the sign.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# Blocks alike at least this much are one block changed, else one removed and one added.
SAME_BLOCK_RATIO = 0.4


@dataclass(frozen=True)
class Piece:
    status: str  # SAME, ADDED or REMOVED
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item: `kind` is "paragraph", "heading" or "item"."""

    status: str  # SAME, ADDED, REMOVED or CHANGED
    kind: str
    pieces: tuple[Piece, ...]
    folded = False

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Unchanged:
    """Consecutive blocks that did not change, shown folded."""

    blocks: tuple[Block, ...]
    folded = True

    @property
    def summary(self) -> str:
        count = len(self.blocks)
        return ngettext("%(count)d uændret afsnit", "%(count)d uændrede afsnit", count) % {
            "count": count
        }


@dataclass(frozen=True)
class TextDiff:
    parts: tuple[Block | Unchanged, ...]

    @cached_property
    def changed(self) -> bool:
        return any(isinstance(part, Block) for part in self.parts)


def text_blocks(value: str | None) -> list[tuple[str, str]]:
    """Plain text as blocks: one per non-empty line."""
    lines = (" ".join(line.split()) for line in (value or "").splitlines())
    return [("paragraph", line) for line in lines if line]


def diff_html(old: str | None, new: str | None) -> TextDiff:
    """The word diff of two pieces of rich text (HTML), block by block."""
    return diff_blocks(html_blocks(old), html_blocks(new))


def diff_text(old: str | None, new: str | None) -> TextDiff:
    """The word diff of two plain texts, line by line."""
    return diff_blocks(text_blocks(old), text_blocks(new))


def diff_blocks(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> TextDiff:
    blocks: list[Block] = []
    matcher = difflib.SequenceMatcher(None, [t for _k, t in old], [t for _k, t in new], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block(SAME, kind, (Piece(SAME, text),)) for kind, text in new[j1:j2]]
            continue
        # An old block still alike a new one in the same stretch is that block edited; new
        # blocks passed over on the way are added, an old block alike none removed.
        after, start = new[j1:j2], 0
        for kind, text in old[i1:i2]:
            match = next((k for k in range(start, len(after)) if _alike(text, after[k][1])), None)
            if match is None:
                blocks.append(Block(REMOVED, kind, (Piece(REMOVED, text),)))
                continue
            blocks += [Block(ADDED, k, (Piece(ADDED, t),)) for k, t in after[start:match]]
            blocks.append(Block(CHANGED, after[match][0], word_pieces(text, after[match][1])))
            start = match + 1
        blocks += [Block(ADDED, k, (Piece(ADDED, t),)) for k, t in after[start:]]
    return TextDiff(_folded(blocks))


def _alike(old: str, new: str) -> bool:
    """Whether two blocks share enough of their words and signs (white space not counted)."""
    a = [token for token in TOKEN.findall(old) if not token.isspace()]
    b = [token for token in TOKEN.findall(new) if not token.isspace()]
    return difflib.SequenceMatcher(None, a, b, False).ratio() >= SAME_BLOCK_RATIO


def word_pieces(old: str, new: str) -> tuple[Piece, ...]:
    """`new` as pieces kept, added and removed from `old`, word by word."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    runs: list[list[str]] = []  # [kept, removed, added]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, False).get_opcodes():
        kept = "".join(a[i1:i2]) if tag == "equal" else ""
        removed = "" if tag == "equal" else "".join(a[i1:i2])
        added = "" if tag == "equal" else "".join(b[j1:j2])
        runs.append([kept, removed, added])
    # A space alone kept between two changes is part of one change: "<del>a b</del>", not
    # "<del>a</del> <del>b</del>".
    merged: list[list[str]] = []
    for run in runs:
        if merged and not run[0] and not merged[-1][0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        elif (
            len(merged) >= 2
            and not run[0]
            and not merged[-2][0]
            and merged[-1][0].isspace()
            and len(merged[-1][0]) <= 1
        ):
            space = merged.pop()[0]
            merged[-1][1] += space + run[1]
            merged[-1][2] += space + run[2]
        else:
            merged.append(run)
    pieces = []
    for kept, removed, added in merged:
        if kept:
            pieces.append(Piece(SAME, kept))
        if removed:
            pieces.append(Piece(REMOVED, removed))
        if added:
            pieces.append(Piece(ADDED, added))
    return tuple(pieces)


def _folded(blocks: list[Block]) -> tuple[Block | Unchanged, ...]:
    parts: list[Block | Unchanged] = []
    for block in blocks:
        if block.status != SAME:
            parts.append(block)
        elif parts and isinstance(parts[-1], Unchanged):
            parts[-1] = Unchanged((*parts[-1].blocks, block))
        else:
            parts.append(Unchanged((block,)))
    return tuple(parts)
