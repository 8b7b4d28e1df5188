import datetime

import pytest

from base.text import (
    MONTH_CHOICES,
    as_date,
    danish_date,
    danish_sort_key,
    html_paragraphs,
    html_text,
    html_words,
    month_name,
    quarter_name,
    shorten,
)

MONTHS = "januar februar marts april maj juni juli august september oktober november december"


def test_month_names_are_danish_and_lower_case():
    assert [month_name(number) for number in range(1, 13)] == MONTHS.split()
    assert [str(label) for _number, label in MONTH_CHOICES] == MONTHS.split()
    assert [number for number, _label in MONTH_CHOICES] == list(range(1, 13))


def test_quarter_name():
    assert quarter_name(2) == "2. kvartal"


@pytest.mark.parametrize(
    "value", [datetime.date(2018, 6, 1), "2018-06-01", datetime.datetime(2018, 6, 1, 23, 59)]
)
def test_danish_date_of_a_date_or_an_iso_string(value):
    assert danish_date(value) == "1. juni 2018"


@pytest.mark.parametrize("value", [None, ""])
def test_danish_date_of_nothing_is_empty(value):
    assert danish_date(value) == ""
    assert as_date(value) is None


def test_html_text_counts_what_a_reader_sees():
    assert html_text("<p>Tryghed &amp; trivsel</p><p>i <strong>nattelivet</strong></p>") == (
        "Tryghed & trivseli nattelivet"
    )
    assert html_text(None) == ""


def test_html_words_breaks_words_at_tags_and_folds_white_space():
    assert html_words("<ul><li>indbrud</li><li>hærværk</li></ul>\n<p> a &lt;b&gt; </p>") == (
        "indbrud hærværk a <b>"
    )
    assert html_words("") == ""


def test_html_paragraphs_keeps_a_heading_apart_from_the_text_under_it():
    value = "<h3>Trygheden skal fastholdes</h3><p>Ifølge <b>politiets</b>\n indeks</p>"
    assert html_paragraphs(value) == ["Trygheden skal fastholdes", "Ifølge politiets indeks"]


def test_html_paragraphs_gives_each_list_item_and_line_break_a_line():
    assert html_paragraphs("<ul><li>a &amp; b</li><li>c<br>d</li></ul>") == ["a & b", "c", "d"]
    assert html_paragraphs("Ren tekst") == ["Ren tekst"]
    assert html_paragraphs(None) == []


def test_danish_sort_key_puts_ae_oe_aa_last_and_reads_aa_as_aa():
    names = ["Aarhus", "Ærø", "Odder", "Aabenraa", "Vordingborg", "Albertslund", "Åbyhøj"]
    assert sorted(names, key=danish_sort_key) == [
        "Albertslund",
        "Odder",
        "Vordingborg",
        "Ærø",
        "Aabenraa",
        "Åbyhøj",
        "Aarhus",
    ]


def test_shorten_keeps_a_short_text_whole():
    assert shorten("Samarbejdsplan", 20) == "Samarbejdsplan"


def test_shorten_cuts_after_a_whole_word_and_adds_an_ellipsis():
    assert shorten("Tryghed og forebyggelse i hele kredsen", 20) == "Tryghed og…"
    assert len(shorten("Tryghed og forebyggelse i hele kredsen", 20)) <= 20


def test_shorten_cuts_inside_a_word_longer_than_the_limit():
    assert shorten("Kriminalitetsforebyggelsessamarbejde", 10) == "Kriminali…"
