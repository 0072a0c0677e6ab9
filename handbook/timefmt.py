"""Times are stored in UTC and shown in Vietnam's time, in Vietnamese formats."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def vn_today() -> date:
    """Today as a calendar in Vietnam has it (the server's own clock may be a day behind)."""
    return datetime.now(VN).date()


def to_vn(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN)


def from_vn(naive_local: datetime) -> datetime:
    """A time typed by a user in Vietnam, as aware UTC."""
    return naive_local.replace(tzinfo=VN).astimezone(UTC)


def vn_datetime(value: datetime | None) -> str:
    """'Thứ Hai, 27/09/2021, 08:22'"""
    if value is None:
        return ""
    local = to_vn(value)
    return f"{WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y, %H:%M}"


def vn_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_vn(value)
    return f"{value:%d/%m/%Y}"


def vn_time(value: datetime | None) -> str:
    return "" if value is None else f"{to_vn(value):%H:%M}"


def register(app) -> None:
    app.add_template_filter(vn_datetime)
    app.add_template_filter(vn_date)
    app.add_template_filter(vn_time)
