"""The rating scales and the rules over plain numbers: the cap on "xuất sắc", the published
table's percentages, which year may be written about. No database here, so every edge is
tested directly.

Sources (DOMAIN.md, "Annual evaluation"): Quy định 124-QĐ/TW (04/10/2023) set the four levels,
which Quy định 366-QĐ/TW (30/08/2025) keeps (scoring.py decides them from points), and both cap
the share rated "hoàn thành xuất sắc"; it is reported as no more than 20% of those rated
"hoàn thành tốt". Members rated "xuất sắc" are picked from those who reached "tốt", so the cap
is measured against both (the setting YEAR_EXCELLENT_CAP_PERCENT holds the figure).
"""

from decimal import ROUND_HALF_UP, Decimal

from handbook.year.scoring import GROUPS, KINDS, RULES

LEVELS = {
    "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "done": "Hoàn thành nhiệm vụ",
    "failed": "Không hoàn thành nhiệm vụ",
}
CONDUCT = {
    "good": "Nêu gương tốt",
    "yes": "Nêu gương",
    "no": "Chưa nêu gương",
}
FIRST_YEAR = 2000


# The labels the year's pages show: the scales, the rules, the criterion groups, the papers.
SCALES = {"levels": LEVELS, "conduct": CONDUCT, "rules": RULES, "groups": GROUPS, "kinds": KINDS}


def level_of(label: str) -> str | None:
    """The level a vote's winning choice names (a rating vote's choices are the labels)."""
    folded = " ".join(label.split()).casefold()
    return next((key for key, text in LEVELS.items() if text.casefold() == folded), None)


def excellent_allowed(excellent: int, good: int, cap_percent: int) -> int:
    """How many "xuất sắc" a cell may give when `excellent` + `good` members reached "tốt"."""
    return (excellent + good) * cap_percent // 100


def over_cap(excellent: int, good: int, cap_percent: int) -> bool:
    return excellent > excellent_allowed(excellent, good, cap_percent)


def percent(count: int, total: int) -> str:
    """A share as the committee's report prints it: one decimal, halves rounded up, a decimal
    comma, no ",0" ("99%", "0,7%", "97,9%")."""
    if total <= 0:
        return "0%"
    value = (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def thousands(number: int) -> str:
    """4617 -> "4.617", the Vietnamese grouping."""
    return f"{number:,}".replace(",", ".")


def year_allowed(year: int, this_year: int) -> bool:
    return FIRST_YEAR <= year <= this_year
