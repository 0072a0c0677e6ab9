"""The rules of Quy định 366-QĐ/TW (Bộ Chính trị, 30/08/2025) and Hướng dẫn 43-HD/BTCTW (Ban Tổ
chức Trung ương, 31/10/2025), which replaced Quy định 124-QĐ/TW (04/10/2023) and Hướng dẫn
25-HD/BTCTW (10/11/2023): the 100-point score by criterion group, the level it decides with the
conditions on tasks, who is not rated, which paper a member writes, when the review season is.
Plain values only, no database: every boundary is tested directly.

Where the published summaries leave a detail open, a setting holds it (README, Configuration):
the points of each criterion group, whether "hoàn thành tốt" needs every task on time, the
months of the review season.
"""

import calendar
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

RULE_124, RULE_366 = "124", "366"
RULES = {
    RULE_124: "Quy định 124-QĐ/TW (04/10/2023)",
    RULE_366: "Quy định 366-QĐ/TW (30/08/2025)",
}

# The criterion groups a member is scored on. The regulation's annexes split 100 points into its
# general criteria (30) and the results of the tasks given (70), as the press reports them; the
# tables themselves are not published, so the general part is split three ways here, in the
# order of the self-review's parts, and the points of each group are a setting.
GROUPS = {
    "political": "Tư tưởng chính trị",
    "ethics": "Phẩm chất đạo đức, lối sống, trách nhiệm nêu gương",
    "discipline": "Ý thức tổ chức kỷ luật, tự phê bình và phê bình",
    "tasks": "Kết quả thực hiện nhiệm vụ được giao",
}
DEFAULT_WEIGHTS = "political=10,ethics=10,discipline=10,tasks=70"
FULL_SCORE = 100
POINTS = re.compile(r"\d{1,3}(?:[.,]\d{1,3})?")  # "8", "8,5", "8.5": what a person types

EXCELLENT_SCORE, GOOD_SCORE, DONE_SCORE = 90, 70, 50
EXCELLENT_BEYOND = Fraction(30, 100)  # of the tasks done beyond what was required
DONE_LATE_AT_MOST = Fraction(20, 100)  # of the tasks not done by their date

# Which paper (Hướng dẫn 43-HD/BTCTW, its forms 2A, 2B, 2C) a member writes.
KINDS = {
    "2A": "Mẫu 2A: đảng viên làm việc trong hệ thống chính trị, không giữ chức vụ lãnh đạo, quản lý",
    "2B": "Mẫu 2B: đảng viên giữ chức vụ lãnh đạo, quản lý",
    "2C": "Mẫu 2C: đảng viên không làm việc trong hệ thống chính trị",
}

# Members the cell does not rate (as under Quy định 124, kept by 366 as reported): those exempt
# from party work and meetings, those suspended (or prosecuted, held), those admitted less
# than six months before the end of the period reviewed.
EXEMPTIONS = {
    "exempt": "Được miễn công tác và sinh hoạt đảng",
    "suspended": "Đang bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố hoặc tạm giam",
    "new": "Vào Đảng chưa đủ 6 tháng",
}
NEW_MEMBER_MONTHS = 6


def parse_weights(text: str) -> dict[str, int]:
    """"political=10,ethics=10,discipline=10,tasks=70" -> the points of each group, which must
    name every group once and add up to 100; anything else stops the app's start."""
    weights: dict[str, int] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, _, points = part.partition("=")
        name = name.strip()
        if name not in GROUPS or name in weights or not points.strip().isdigit():
            raise ValueError(f"YEAR_SCORE_WEIGHTS: bad entry {part.strip()!r} (groups: {', '.join(GROUPS)})")
        weights[name] = int(points)
    if set(weights) != set(GROUPS) or sum(weights.values()) != FULL_SCORE:
        raise ValueError(f"YEAR_SCORE_WEIGHTS must give every group ({', '.join(GROUPS)}) points adding up to 100")
    return {name: weights[name] for name in GROUPS}


def parse_points(text: str, most: int) -> Decimal | None:
    """What a person typed for one group: a number from 0 to `most`, at most one decimal
    ("8,5" or "8.5"); None when it is not one."""
    found = POINTS.fullmatch((text or "").strip())
    if found is None:
        return None
    value = Decimal(found.group(0).replace(",", "."))
    return value.quantize(Decimal("0.1")) if value <= most and value == value.quantize(Decimal("0.1")) else None


def points_text(value) -> str:
    """Points as the pages print them: "86,5", "93" (no ",0")."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(str(value)).quantize(Decimal('0.1')):f}".removesuffix(".0")
    return text.replace(".", ",")


def read_points(typed: dict[str, str], weights: dict[str, int]) -> tuple[dict[str, Decimal], str | None]:
    """The points of each group from what was typed (group -> text), and the first group whose
    entry is not a number within its maximum (None when all are)."""
    points = {}
    for group, most in weights.items():
        value = parse_points(typed.get(group, ""), most)
        if value is None:
            return points, group
        points[group] = value
    return points, None


def parse_percent(text: str) -> int | None:
    text = (text or "").strip().rstrip("%").strip()
    return int(text) if text.isdigit() and int(text) <= 100 else None


def share(part: int, whole: int) -> Fraction:
    """`part` of `whole`, exactly; nothing of nothing is none."""
    return Fraction(part, whole) if whole else Fraction(0)


def _exact(value) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(str(value))


def level_for(score, late_share, beyond_share, *, good_needs_all_on_time: bool = True) -> str:
    """The level a score decides, with the conditions on the member's tasks (Quy định 366-QĐ/TW,
    30/08/2025, Điều 11, as its published summaries give it for a member):

    - "hoàn thành xuất sắc nhiệm vụ": 90 points or more, every task done on time, at least 30%
      of the tasks done beyond what was required;
    - "hoàn thành tốt nhiệm vụ": 70 points or more, every task done on time (the summaries of
      Điều 11 say so; `good_needs_all_on_time` False asks only what "hoàn thành" asks);
    - "hoàn thành nhiệm vụ": 50 points or more, at most 20% of the tasks not done by their date;
    - "không hoàn thành nhiệm vụ": anything else.

    A member who scores high but misses a condition gets the highest level whose score and
    conditions both hold. Shares are fractions of the tasks counted (0 to 1); exact, so a share
    of 0.3 meets "30%" and 0.2 meets "20%".
    """
    score, late, beyond = _exact(score), _exact(late_share), _exact(beyond_share)
    on_time = late == 0
    if score >= EXCELLENT_SCORE and on_time and beyond >= EXCELLENT_BEYOND:
        return "excellent"
    if score >= GOOD_SCORE and (on_time if good_needs_all_on_time else late <= DONE_LATE_AT_MOST):
        return "good"
    if score >= DONE_SCORE and late <= DONE_LATE_AT_MOST:
        return "done"
    return "failed"


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def exemption(standing: str, admitted_on: date | None, period_end: date) -> str | None:
    """Why a member is not rated for a period ending `period_end` (a key of EXEMPTIONS), or None."""
    if standing in ("exempt", "suspended"):
        return standing
    if admitted_on is not None and admitted_on > months_before(period_end, NEW_MEMBER_MONTHS):
        return "new"
    return None


def default_kind(holds_leadership_post: bool) -> str:
    """The paper a member starts on: 2B for a leader or manager, else 2A; a member who does not
    work in the political system picks 2C on the paper (the app does not know where one works)."""
    return "2B" if holds_leadership_post else "2A"


def parse_months(text: str) -> tuple[int, ...]:
    months = tuple(int(part) for part in (text or "").replace(" ", "").split(",") if part)
    if not months or any(not 1 <= m <= 12 for m in months):
        raise ValueError("YEAR_REVIEW_MONTHS must list months from 1 to 12, e.g. 12,1")
    return months


def in_season(today: date, months: tuple[int, ...]) -> bool:
    return today.month in months


def review_year(today: date, months: tuple[int, ...]) -> int:
    """The year a review written today is about: in the season's months of a new year (January),
    the year just ended; otherwise this one."""
    return today.year - 1 if in_season(today, months) and today.month <= 6 else today.year
