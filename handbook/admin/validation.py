"""Field rules shared by the member form and the CSV import, each returning a Vietnamese problem."""

import re
from datetime import date

from handbook.auth.service import normalise_phone
from handbook.vietnamese import fold

CARD_RE = re.compile(r"^\d{6,12}$")
PHONE_RE = re.compile(r"^0\d{9,10}$")
# Letters (any script), spaces and . ' - inside a name: no formulas, no markup.
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ .'\-][^\W\d_]*)*$")
SEXES = {"nam": "Nam", "nu": "Nữ"}
YES = {"co", "x", "1", "yes", "true"}
NO = {"", "khong", "0", "no", "false"}


def clean_name(value: str) -> tuple[str, str | None]:
    name = " ".join((value or "").split())
    if not name:
        return name, "Thiếu họ tên."
    if len(name) > 120:
        return name, "Họ tên dài quá 120 ký tự."
    if not NAME_RE.match(name):
        return name, "Họ tên chỉ được gồm chữ cái, dấu cách và các dấu . ' -"
    return name, None


def clean_card(value: str) -> tuple[str, str | None]:
    card = re.sub(r"\s", "", value or "").upper()
    if not card:
        return card, "Thiếu số thẻ đảng viên."
    if not CARD_RE.match(card):
        return card, "Số thẻ đảng viên phải gồm 6–12 chữ số."
    return card, None


def clean_phone(value: str) -> tuple[str | None, str | None]:
    if not (value or "").strip():
        return None, None
    phone = normalise_phone(value)
    if not PHONE_RE.match(phone):
        return phone, "Số điện thoại không đúng dạng (10–11 chữ số, bắt đầu bằng 0)."
    return phone, None


def parse_date(value: str, label: str) -> tuple[date | None, str | None]:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    value = (value or "").strip()
    if not value:
        return None, None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if not match:
        return None, f"{label} phải có dạng ngày/tháng/năm (ví dụ 02/09/1975)."
    day, month, year = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None, f"{label} không có thật ({value})."
    if parsed > date.today() or year < 1900:
        return None, f"{label} không hợp lệ ({value})."
    return parsed, None


def date_order_problems(born: date | None, admitted: date | None, official: date | None) -> list[str]:
    problems = []
    if born and admitted and admitted <= born:
        problems.append("Ngày vào Đảng phải sau ngày sinh.")
    if born and official and official <= born:
        problems.append("Ngày chính thức phải sau ngày sinh.")
    if admitted and official and official < admitted:
        problems.append("Ngày chính thức không được trước ngày vào Đảng.")
    return problems


def parse_sex(value: str) -> tuple[str | None, str | None]:
    key = fold((value or "").strip())
    if not key:
        return None, None
    if key not in SEXES:
        return None, "Giới tính ghi “Nam” hoặc “Nữ”."
    return SEXES[key], None


def parse_leadership(value: str) -> bool:
    """A leadership post column holds the post's name, or có/không."""
    key = fold((value or "").strip())
    return key not in NO


def person_key(name: str, born: date | None) -> tuple[str, date | None]:
    """Two spellings of one person ('Nguyễn Văn An', 'nguyen van  an') share this key."""
    return " ".join(fold(name).replace(".", " ").split()), born
