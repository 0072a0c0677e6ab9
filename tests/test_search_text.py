"""Folding and highlighting, the ground every search source stands on."""

import unicodedata

from handbook.vietnamese import fold, highlight, parse_query


def test_fold_removes_marks_and_maps_d():
    assert fold("Nêu gương Đảng viên") == "neu guong dang vien"
    assert fold("ĐẢNG ỦY KHỐI") == "dang uy khoi"


def test_fold_keeps_length_of_nfc_text_even_from_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "trách nhiệm nêu gương")
    assert fold(decomposed) == "trach nhiem neu guong"
    assert len(fold("trách nhiệm")) == len("trách nhiệm")


def test_parse_query_keeps_phrases_and_drops_syntax():
    assert parse_query('"nêu gương" đảng viên') == ["neu guong", "dang", "vien"]
    assert parse_query('NEAR( "unbalanced * -x') == ["near", "unbalanced", "x"]
    assert parse_query("😀 ***") == []
    assert len(parse_query("từ " * 2000)) <= 12


def test_highlight_marks_accented_text_for_unaccented_terms_and_escapes_html():
    snippet = highlight("<b>Cán bộ</b> phải nêu gương trong mọi việc", ["neu guong"])
    assert "<mark>nêu gương</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet
