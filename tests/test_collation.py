"""The order SQLite and Python's sorts use without ICU (handbook.collation._key) is ICU's own:
checked against ICU on the demo's names, a province's worth of generated names, tricky names
(Đ, hats and breves, ư/ơ, the five tones, case, spaces and hyphens) and random strings over
the same characters; and ICU itself is asked only for text holding anything else."""

import random
import sys
import unicodedata
from functools import cmp_to_key

import pytest

import handbook.demo as demo
from benchmarks.vn_names import full_name
from handbook import collation
from handbook.collation import compare, order_key, sort_key

TRICKY = ["Đào", "Dao", "dao", "Đạo", "Ðào", "Dương", "Dưỡng", "Dung", "Dũng", "Dụng", "Dùng", "Dủng", "Dúng",
          "Ăn", "Ân", "An", "Án", "Ẩn", "Ặn", "Ấn", "Ơn", "Ôn", "On", "Ốn", "Ợn", "Ưng", "Ung", "Ừng", "Ựng", "Ửng",
          "Ữu", "Hữu", "Huu", "Hựu", "Hứu", "Anh Ba", "Anh-Ba", "Anhba", "AnhBa", "anh ba", "Chi bộ 2", "Chi bộ 10",
          "Chi bộ Khu phố 3", "Chi bộ (cũ)", "O'Neil", "Trần Thị Y", "Trần Thị Ý", "Trần Thị Ỷ", "Trần Thị Ỵ",
          "Nguyễn", "Nguyên", "Nguyền", "Nguyến", "Ngưyễn", "Ðinh", "ĐINH", "đinh", "Ða", "Ngọc", "Ngoc", "Ngộc",
          "Ngơc", "Ngóc", "Ngòc", "Ngõc", "Ngỏc", "Quyền", "Quyến", "Quỳnh", "Quynh", "", " ", "A", "a", "Â", "â"]
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯY -'.0129"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def _random_word(rng: random.Random) -> str:
    word = ""
    for _ in range(rng.randint(1, 6)):
        letter = rng.choice(LETTERS)
        word += letter + (rng.choice(TONES) if letter.lower() in "aăâeêioôơuưy" else "")
    return unicodedata.normalize(rng.choice(["NFC", "NFD"]), word)


def _names() -> list[str]:
    rng = random.Random(28)
    names = [full_name(rng) for _ in range(3000)] + TRICKY + [_random_word(rng) for _ in range(3000)]
    return names + list(_strings(vars(demo).values()))


def _strings(values) -> list[str]:
    """Every string in the demo's module-level tables (its accounts' names, its cells)."""
    for value in values:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list | tuple | set | frozenset):
            yield from _strings(value)
        elif isinstance(value, dict):
            yield from _strings([*value.keys(), *value.values()])


@pytest.fixture(scope="module")
def icu_order():
    return lambda texts: sorted(texts, key=sort_key)


def test_the_key_orders_as_icu(icu_order):
    names = _names()
    # Ð (U+00D0, the Icelandic eth that looks like Đ) is left to ICU: a variant of đ there
    assert all(collation._key(name) is not None for name in TRICKY if "\u00d0" not in name)
    known = [name for name in names if collation._key(name) is not None]
    assert len(known) > 6000
    by_key = sorted(known, key=collation._key)
    by_icu = icu_order(known)
    # ICU ranks some different strings equal (NFC and NFD of one name): compare their keys
    assert [sort_key(name) for name in by_key] == [sort_key(name) for name in by_icu]


def test_each_pair_compares_as_icu():
    rng = random.Random(7)
    names = _names()
    icu = collation._collator()
    for _ in range(20000):
        a, b = rng.choice(names), rng.choice(names)
        assert compare(a, b) == icu.compare(a, b), (a, b)


def test_other_text_is_left_to_icu():
    for text in ["Müller", "Ñam", "Ŧ", "a\u0301\u0301", "b\u0301", "€", "Ω"]:
        assert collation._key(text) is None
    mixed = ["Müller", "Mai", "Mưa", "Ñam", "Nam", "Zoë", "Đào"]
    assert sorted(mixed, key=order_key) == sorted(mixed, key=sort_key) == sorted(mixed, key=cmp_to_key(
        collation._collator().compare))


def test_reading_names_in_order_does_not_load_icu(make, world):
    """A page that lists names in order (SQLite's collation) does not load PyICU."""
    from sqlalchemy import select

    from handbook.auth.models import User
    from handbook.collation import vi_order
    from handbook.extensions import db

    collation._collator.cache_clear()
    loaded = sys.modules.pop("icu", None)
    try:
        names = db.session.scalars(select(User.full_name).order_by(vi_order(User.full_name))).all()
        assert len(names) > 3 and "icu" not in sys.modules
        assert names == sorted(names, key=sort_key)
    finally:
        if loaded is not None:
            sys.modules["icu"] = loaded
