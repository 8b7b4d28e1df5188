"""The word diff: only the words that changed are marked, paragraphs stay apart, unchanged
paragraphs are kept together to be folded, and the result is text, never markup."""

from base.worddiff import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    Unchanged,
    diff_html,
    diff_text,
    html_blocks,
)


def marked(diff):
    """The changed blocks as (status, [(piece status, text), …])."""
    return [
        (part.status, [(piece.status, piece.text) for piece in part.pieces])
        for part in diff.parts
        if not part.folded
    ]


def test_one_changed_word_is_the_only_word_marked():
    diff = diff_html(
        "<p>Politiet holder møder hver måned.</p>", "<p>Politiet holder møder hvert kvartal.</p>"
    )
    assert marked(diff) == [
        (
            CHANGED,
            [
                (SAME, "Politiet holder møder "),
                (REMOVED, "hver måned"),
                (ADDED, "hvert kvartal"),
                (SAME, "."),
            ],
        )
    ]


def test_a_changed_sign_is_marked_without_its_word():
    diff = diff_text("Slut.", "Slut!")
    assert marked(diff) == [(CHANGED, [(SAME, "Slut"), (REMOVED, "."), (ADDED, "!")])]


def test_paragraphs_stay_apart_and_unchanged_ones_are_counted_together():
    old = "<p>Første.</p><p>Anden.</p><ul><li>Tredje</li></ul><p>Fjerde om politiet.</p>"
    new = "<p>Første.</p><p>Anden.</p><ul><li>Tredje</li></ul><p>Fjerde om kommunerne.</p>"
    diff = diff_html(old, new)
    folded, changed = diff.parts
    assert isinstance(folded, Unchanged)
    assert [block.text for block in folded.blocks] == ["Første.", "Anden.", "Tredje"]
    assert folded.summary == "3 uændrede afsnit"
    assert changed.text == "Fjerde om politietkommunerne."  # both sides, marked apart
    assert diff_html("<p>a</p><p>b</p>", "<p>a</p><p>c</p>").parts[0].summary == (
        "1 uændret afsnit"
    )


def test_an_added_and_a_removed_paragraph_are_whole_blocks():
    diff = diff_html(
        "<p>Indledning.</p><p>Gammelt afsnit helt for sig.</p>",
        "<p>Indledning.</p><p>Et nyt afsnit om tryghed i nattelivet.</p>",
    )
    assert marked(diff) == [
        (REMOVED, [(REMOVED, "Gammelt afsnit helt for sig.")]),
        (ADDED, [(ADDED, "Et nyt afsnit om tryghed i nattelivet.")]),
    ]


def test_a_paragraph_added_before_an_edited_one_keeps_them_apart():
    diff = diff_html("<p>Slut.</p>", "<p>Helt ny tekst her.</p><p>Slut!</p>")
    assert [(status, "".join(t for _s, t in pieces)) for status, pieces in marked(diff)] == [
        (ADDED, "Helt ny tekst her."),
        (CHANGED, "Slut.!"),
    ]


def test_headings_and_list_items_are_blocks_of_their_kind():
    assert html_blocks("<h3>Mål</h3><ul><li>Færre <strong>indbrud</strong></li></ul>") == [
        ("heading", "Mål"),
        ("item", "Færre indbrud"),
    ]


def test_markup_in_stored_text_comes_out_as_text_and_scripts_not_at_all():
    blocks = html_blocks("<p>a &lt;img src=x onerror=alert(1)&gt; <script>alert(2)</script>b</p>")
    assert blocks == [("paragraph", "a <img src=x onerror=alert(1)> b")]


def test_no_change_gives_no_marked_block():
    diff = diff_html("<p>Samme.</p>", "<p>Samme.</p>")
    assert not diff.changed
