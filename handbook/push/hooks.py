"""What Web Push offers other pages and features: the on/off control on the account page, and
the push that follows the notifications members should see on their phone."""

from flask import current_app

from handbook.jobs import enqueue
from handbook.meetings.models import NotificationKind
from handbook.push import keys
from handbook.push.access import own_devices
from handbook.push.sender import payload, send_to_users
from handbook.signals import Panel, account_panels, members_notified

# Of what members are told in the app, what is worth a phone's buzz: the agenda is out, the
# time moved (old → new), the meeting is off, the reminders, and the answer to their question.
PUSHED = {NotificationKind.PUBLISHED, NotificationKind.RESCHEDULED, NotificationKind.CANCELLED,
          NotificationKind.REMINDER, NotificationKind.ANSWER}


@account_panels.connect
def device_control(user) -> Panel | None:
    if not keys.configured():
        return None
    return Panel(35, "push/_account_panel.html",
                 {"public_key": current_app.config["VAPID_PUBLIC_KEY"], "devices": own_devices(user)})


@members_notified.connect
def follow_with_push(meeting, user_ids, kind, message, url) -> None:
    if kind in PUSHED and user_ids and keys.configured():
        enqueue(send_to_users, list(user_ids), payload(kind, message, url))
