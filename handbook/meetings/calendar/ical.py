"""iCalendar output: one meeting, or a member's subscription feed, built with `icalendar`.

`icalendar` (~3 MB per process) is imported when a calendar is built, not with the app."""

from __future__ import annotations

import functools
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from flask import url_for
from sqlalchemy import bindparam, select

from handbook.auth.queries import user_by_id
from handbook.extensions import db
from handbook.meetings import messages as msg
from handbook.meetings.calendar.models import CalendarToken
from handbook.meetings.models import Meeting, Notification, NotificationKind
from handbook.meetings.status import Status
from handbook.timefmt import VN, to_vn

if TYPE_CHECKING:
    from icalendar import Alarm, Event, Timezone


def _vtimezone() -> Timezone:
    from icalendar import Timezone, TimezoneStandard

    # Vietnam has no daylight saving: one STANDARD block at +07 describes it fully.
    tz = Timezone()
    tz.add("tzid", "Asia/Ho_Chi_Minh")
    std = TimezoneStandard()
    std.add("dtstart", datetime(1975, 6, 13))
    std.add("tzoffsetfrom", timedelta(hours=7))
    std.add("tzoffsetto", timedelta(hours=7))
    std.add("tzname", "+07")
    tz.add_component(std)
    return tz


def _one_line(text: str) -> str:
    """A calendar text on one line: a stored line break or lone CR must not end the property."""
    return " ".join((text or "").split())


def _alarm(before: timedelta, text: str) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _one_line(text))
    alarm.add("trigger", -before)
    return alarm


def _event(meeting: Meeting) -> Event:
    from icalendar import Event

    event = Event()
    # Independent of the host name, so the same meeting keeps its UID in every feed and download.
    event.add("uid", f"meeting-{meeting.id}@so-tay-dang-vien")
    event.add("summary", _one_line(meeting.title))
    event.add("dtstart", to_vn(meeting.starts_at).astimezone(VN))
    event.add("dtend", to_vn(meeting.ends_at).astimezone(VN))
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.version - 1)
    if meeting.location:
        event.add("location", _one_line(meeting.location))
    lines = [f"{item.position}. {_one_line(item.title)}" for item in meeting.items]
    event.add("description", "\n".join(lines))
    event.add("url", url_for("meetings.show", meeting_id=meeting.id, _external=True))
    if meeting.status == Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
        event.add_component(_alarm(timedelta(days=1), msg.ALARM_DAY.format(title=meeting.title)))
        event.add_component(_alarm(timedelta(hours=1), msg.ALARM_HOUR.format(title=meeting.title)))
    return event


def calendar_bytes(meetings: list[Meeting], name: str) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//So tay dang vien//Lich sinh hoat//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _one_line(name))
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    cal.add_component(_vtimezone())
    for meeting in meetings:
        cal.add_component(_event(meeting))
    return cal.to_ical()


def token_for(user, create: bool = True) -> CalendarToken | None:
    token = db.session.scalar(select(CalendarToken).where(CalendarToken.user_id == user.id))
    if token is None and create:
        token = CalendarToken(user_id=user.id, token=secrets.token_urlsafe(32))
        db.session.add(token)
    return token


@functools.cache
def token_column():
    """The member's feed secret (or NULL) as one column, for the account page to ask in its own
    statement: built once, bound by `member_id`."""
    return select(CalendarToken.token).where(CalendarToken.user_id == bindparam("member_id")).scalar_subquery()


def regenerate(user) -> CalendarToken:
    """A new secret; the old feed URL stops working at once."""
    token = token_for(user)
    token.token = secrets.token_urlsafe(32)
    return token


MSG_FEED_RENEWED = ("Địa chỉ lịch riêng của đồng chí đã được đổi cùng mật khẩu; địa chỉ cũ không còn dùng được. "
                    "Hãy chép địa chỉ mới ở trang Tài khoản vào ứng dụng lịch.")


def renew_feed_with_password(user, by_admin: bool) -> str | None:
    """Whoever knew the old password may have copied the feed address: it goes with it.
    The member is told in their notifications (an admin's reset is not seen by them)."""
    token = token_for(user, create=False)
    if token is None:
        return None
    token.token = secrets.token_urlsafe(32)
    db.session.add(Notification(user_id=user.id, kind=NotificationKind.CALENDAR, message=MSG_FEED_RENEWED))
    return MSG_FEED_RENEWED


def user_by_token(token: str):
    row = db.session.scalar(select(CalendarToken).where(CalendarToken.token == token))
    if row is None:
        return None
    user = user_by_id(row.user_id)
    return user if user is not None and user.active else None
