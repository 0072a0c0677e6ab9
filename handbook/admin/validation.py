"""Field rules shared by the member form and the CSV import, each returning a Vietnamese problem."""

import re
from datetime import date

from handbook.admin import messages as msg
from handbook.auth.identifiers import normalise_phone
from handbook.timefmt import vn_today
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
        return name, msg.NAME_MISSING
    if len(name) > 120:
        return name, msg.NAME_TOO_LONG
    if not NAME_RE.match(name):
        return name, msg.NAME_CHARACTERS
    return name, None


def clean_card(value: str) -> tuple[str, str | None]:
    card = re.sub(r"\s", "", value or "").upper()
    if not card:
        return card, msg.CARD_MISSING
    if not CARD_RE.match(card):
        return card, msg.CARD_SHAPE
    return card, None


def clean_phone(value: str) -> tuple[str | None, str | None]:
    if not (value or "").strip():
        return None, None
    phone = normalise_phone(value)
    if not PHONE_RE.match(phone):
        return phone, msg.PHONE_SHAPE
    return phone, None


def parse_date(value: str, label: str) -> tuple[date | None, str | None]:
    """dd/mm/yyyy, as Vietnamese documents write dates."""
    value = (value or "").strip()
    if not value:
        return None, None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if not match:
        return None, msg.DATE_SHAPE.format(label=label)
    day, month, year = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None, msg.DATE_NOT_REAL.format(label=label, value=value)
    if parsed > vn_today() or year < 1900:
        return None, msg.DATE_INVALID.format(label=label, value=value)
    return parsed, None


def date_order_problems(born: date | None, admitted: date | None, official: date | None) -> list[str]:
    problems = []
    if born and admitted and admitted <= born:
        problems.append(msg.ADMITTED_BEFORE_BIRTH)
    if born and official and official <= born:
        problems.append(msg.OFFICIAL_BEFORE_BIRTH)
    if admitted and official and official < admitted:
        problems.append(msg.OFFICIAL_BEFORE_ADMITTED)
    return problems


def parse_sex(value: str) -> tuple[str | None, str | None]:
    key = fold((value or "").strip())
    if not key:
        return None, None
    if key not in SEXES:
        return None, msg.SEX_VALUES
    return SEXES[key], None


# Where a member stands for the cell's meetings and votes, as a CSV may write it (folded).
STANDINGS = {"": "regular", "binh thuong": "regular", "sinh hoat binh thuong": "regular",
             "mien": "exempt", "mien sinh hoat": "exempt", "duoc mien sinh hoat": "exempt",
             "tam thoi": "away", "sinh hoat tam thoi": "away", "sinh hoat tam thoi noi khac": "away",
             "dinh chi": "suspended", "dinh chi sinh hoat": "suspended", "bi khoi to": "suspended",
             "bi truy to": "suspended", "tam giam": "suspended"}


def parse_standing(value: str) -> tuple[str, str | None]:
    key = " ".join(fold((value or "").strip()).replace(",", " ").split())
    for label, code in STANDINGS.items():
        if key == label:
            return code, None
    if key.startswith("dinh chi"):  # the long label "Đình chỉ sinh hoạt, bị khởi tố, …"
        return "suspended", None
    return "regular", msg.STANDING_VALUES


def parse_leadership(value: str) -> bool:
    """A leadership post column holds the post's name, or có/không."""
    key = fold((value or "").strip())
    return key not in NO


def person_key(name: str, born: date | None) -> tuple[str, date | None]:
    """Two spellings of one person ('Nguyễn Văn An', 'nguyen van  an') share this key."""
    return " ".join(fold(name).replace(".", " ").split()), born
