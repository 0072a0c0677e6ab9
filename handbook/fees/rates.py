"""The party-fee table: who pays what share of which base, the amount due in whole đồng, and the
months the table applies to. Plain numbers only (no database), so every rule is tested directly.

Source: Quy định 01-QĐ/TW of the Politburo, 03/02/2026, on party fees (replacing Quyết định
342-QĐ/TW of 2010), as its published summaries state it:
- members under compulsory social insurance pay 1% of last month's insured salary, and 1% of
  the benefit the insurer pays while they are on sick or maternity leave;
- members outside compulsory insurance who draw a pension pay 0.5% of it;
- pupils and students pay 5,000 đ a month;
- other groups pay by the regulation's own table, which the published summaries do not give:
  members abroad and the others (self-employed, without a salary …) pay the amount the
  deployment sets in FEE_RATES, or else the amount the cell writes as their base (100% of it).

Rounding: a share of a base is rounded half up to the whole đồng (0.5% of 4,567,900 đ is
22,839.5 đ, due 22,840 đ). The summaries give percentages and no rounding of their own; the
đồng is the smallest amount the national portal and a cash receipt carry, and rounding to
1,000 đ would ask members for more (or less) than the rule's share.
"""

import re
from dataclasses import dataclass, replace

# The regulation is dated 03/02/2026: the handbook records fees from that month on.
FIRST_MONTH = (2026, 2)
# Paying ahead is allowed (Quy định 01-QĐ/TW, Điều 5, khoản 2): up to a year of months.
MONTHS_AHEAD = 12
MAX_BASE = 1_000_000_000  # đồng; far above any insured salary, and within a 32-bit column
MAX_AMOUNT = 100_000_000
PER = 10_000  # shares are kept in hundredths of a percent: 1% is 100, 0.5% is 50


@dataclass(frozen=True)
class Rate:
    """How one group's due is reckoned: `share` hundredths of a percent of the base, or a
    `fixed` amount with no base."""

    group: str
    label: str
    base_label: str | None
    share: int | None = None
    fixed: int | None = None
    # How the share reads when it is not a plain percentage (the amount a committee sets).
    wording: str | None = None

    @property
    def needs_base(self) -> bool:
        return self.fixed is None

    def due(self, base: int | None) -> int:
        """Whole đồng, halves rounded up (integers throughout: no float ever sees a fee)."""
        if self.fixed is not None:
            return self.fixed
        return (base * self.share + PER // 2) // PER

    @property
    def text(self) -> str:
        """"1%", "0,5%", "5.000 đ/tháng"."""
        if self.fixed is not None:
            return f"{money(self.fixed)}/tháng"
        return self.wording or share_text(self.share)


GUIDED = "mức cấp ủy hướng dẫn, ghi ở ô căn cứ"
DEFAULT_TABLE = {
    "salaried": Rate("salaried", "Tham gia bảo hiểm xã hội bắt buộc", "Tiền lương đóng BHXH tháng trước", 100),
    "leave": Rate("leave", "Nghỉ ốm đau, thai sản", "Trợ cấp BHXH chi trả", 100),
    "retired": Rate("retired", "Hưởng lương hưu", "Lương hưu", 50),
    "student": Rate("student", "Học sinh, sinh viên", None, fixed=5_000),
    "abroad": Rate("abroad", "Ở nước ngoài", "Mức đóng cấp ủy hướng dẫn", PER, wording=GUIDED),
    "other": Rate("other", "Đối tượng khác (tự do, không hưởng lương…)", "Mức đóng cấp ủy hướng dẫn", PER,
                  wording=GUIDED),
}
# What the cell and its members read first: the regulation's own figures, then the groups
# whose amounts the deployment or the committee sets.
BASE_LABELS_WHEN_SHARE = {"abroad": "Thu nhập hằng tháng", "other": "Thu nhập hằng tháng"}


def parse_table(text: str) -> dict[str, Rate]:
    """The table with FEE_RATES applied: "group=N%" (a share of the base, up to two decimals,
    "0.5%") or "group=N" (a fixed amount in đồng), separated by commas. A wrong entry stops
    the app's start with its name, like any other bad setting."""
    table = dict(DEFAULT_TABLE)
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        group, _, value = (s.strip() for s in part.partition("="))
        if group not in table:
            raise ValueError(f"FEE_RATES: unknown group {group!r} (known: {', '.join(table)})")
        percent = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?%", value)
        if percent:
            share = int(percent[1]) * 100 + int((percent[2] or "0").ljust(2, "0"))
            if not 0 < share <= PER:
                raise ValueError(f"FEE_RATES: {group} share must be above 0% and at most 100%")
            label = BASE_LABELS_WHEN_SHARE.get(group, DEFAULT_TABLE[group].base_label)
            table[group] = replace(table[group], share=share, fixed=None, base_label=label, wording=None)
        elif re.fullmatch(r"\d{1,9}", value) and 0 < int(value) <= MAX_AMOUNT:
            table[group] = replace(table[group], share=None, fixed=int(value), base_label=None, wording=None)
        else:
            raise ValueError(f"FEE_RATES: {group}={value!r} is neither a share (0.5%) nor an amount in đồng (5000)")
    return table


def money(amount: int | None) -> str:
    """53100 -> "53.100 đ", the Vietnamese grouping."""
    return "" if amount is None else f"{amount:,} đ".replace(",", ".")


def share_text(share: int | None) -> str:
    if share is None:
        return ""
    whole, rest = divmod(share, 100)
    return f"{whole}%" if not rest else f"{whole},{rest:02d}".rstrip("0") + "%"


def parse_amount(text: str | None) -> int | None:
    """What a treasurer types, as whole đồng: "5.310.000", "5,310,000", "5 310 000", "5310000"
    (a trailing "đ" allowed). None when empty; ValueError for anything else (a decimal, a
    negative, words)."""
    value = " ".join((text or "").split()).removesuffix("đ").removesuffix("đồng").strip()
    if not value:
        return None
    if len(value) > 20:
        raise ValueError(value)
    compact = value.replace(" ", "")
    if re.fullmatch(r"\d+", compact) or re.fullmatch(r"\d{1,3}(\.\d{3})+", compact) \
            or re.fullmatch(r"\d{1,3}(,\d{3})+", compact):
        return int(re.sub(r"\D", "", compact))
    raise ValueError(value)


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = month_index(year, month) + by
    return index // 12, index % 12 + 1


def month_allowed(year: int, month: int, today: tuple[int, int]) -> bool:
    """From the regulation's first month to a year ahead of this one."""
    if not 1 <= month <= 12:
        return False
    return month_index(*FIRST_MONTH) <= month_index(year, month) <= month_index(*today) + MONTHS_AHEAD


def months_of(year: int, today: tuple[int, int]) -> list[int]:
    """The months of `year` the handbook records, up to this month."""
    return [m for m in range(1, 13) if month_allowed(year, m, today) and month_index(year, m) <= month_index(*today)]
