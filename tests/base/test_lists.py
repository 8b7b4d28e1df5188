"""Lines of rich text that read as a list become an HTML list (base.lists), as the editor's
field cleans them: for text pasted from a PDF or a text file, or typed without JavaScript."""

import pytest

from base.lists import lines_as_lists
from plans.models import Plan


def items(*texts):
    return "".join(f"<li><p>{text}</p></li>" for text in texts)


@pytest.mark.parametrize("bullet", ["-", "–", "•", "*"])
def test_lines_beginning_with_a_bullet_become_a_bullet_list(bullet):
    text = f"Vi vil:\n{bullet} holde borgermøder\n{bullet} styrke nabohjælp\nSådan gør vi."
    assert lines_as_lists(text) == (
        f"<p>Vi vil:</p><ul>{items('holde borgermøder', 'styrke nabohjælp')}</ul>"
        "<p>Sådan gør vi.</p>"
    )


@pytest.mark.parametrize("style", ["{}.", "{})"])
def test_numbered_lines_become_a_numbered_list(style):
    first, second = style.format(1), style.format(2)
    assert lines_as_lists(f"{first} Kortlægge\n{second} Handle") == (
        f"<ol>{items('Kortlægge', 'Handle')}</ol>"
    )


def test_a_list_numbered_from_three_keeps_its_start():
    expected = f'<ol start="3">{items("Tredje", "Fjerde")}</ol>'
    assert lines_as_lists("3. Tredje\n4. Fjerde") == expected


def test_a_line_beginning_with_a_date_is_no_list():
    text = "<p>1. januar 2024 træder planen i kraft.</p>"
    assert lines_as_lists(text) == text


def test_a_dash_without_a_space_is_no_bullet():
    text = "<p>-5 grader</p><p>Glatte veje</p>"
    assert lines_as_lists(text) == text


def test_paragraphs_and_br_lines_from_the_editor_become_one_list():
    text = "<p>Politiet vil</p><p>• patruljere<br>• vejlede</p><p>• følge op</p>"
    assert lines_as_lists(text) == (
        f"<p>Politiet vil</p><ul>{items('patruljere', 'vejlede', 'følge op')}</ul>"
    )


def test_a_wrapped_item_from_a_pdf_stays_one_item():
    text = "1. Styrke samarbejdet om\ntrygheden i nattelivet\n2. Forebygge indbrud"
    assert lines_as_lists(text) == (
        f"<ol>{items('Styrke samarbejdet om trygheden i nattelivet', 'Forebygge indbrud')}</ol>"
    )


def test_bullets_and_numbers_make_separate_lists():
    assert lines_as_lists("- a\n- b\n1. c\n2. d") == (
        f"<ul>{items('a', 'b')}</ul><ol>{items('c', 'd')}</ol>"
    )


def test_inline_markup_in_an_item_is_kept():
    assert lines_as_lists("<p>- <strong>SSP</strong> mødes</p>") == (
        f"<ul>{items('<strong>SSP</strong> mødes')}</ul>"
    )


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li><p>- allerede en liste</p></li></ul>",
        "<ol><li><p>Et</p></li><li><p>To</p></li></ol><p>Tekst</p>",
        "<h2>- en overskrift</h2><blockquote><p>- et citat</p></blockquote>",
        "<p>Almindelig tekst<br>over to linjer</p>",
        "Tekst uden\nlister",
        "",
    ],
)
def test_html_lists_headings_and_text_without_list_lines_are_unchanged(html):
    assert lines_as_lists(html) == html


def test_a_list_in_html_stays_as_it_is_beside_new_lines():
    html = "<ul><li><p>gammel</p></li></ul><p>- ny</p>"
    assert lines_as_lists(html) == f"<ul>{items('gammel')}</ul><ul>{items('ny')}</ul>"


def test_the_rich_text_field_makes_plain_lines_lists_before_sanitising():
    field = Plan._meta.get_field("foreword")
    cleaned = field.clean("Mål:\n- færre indbrud <script>x</script>\n- mere tryghed", Plan())
    assert cleaned == f"<p>Mål:</p><ul>{items('færre indbrud', 'mere tryghed')}</ul>"
