"""Scoped getters: a device's subscription is only ever its member's."""

from flask_login import current_user
from sqlalchemy import select

from handbook.auth.permissions import require
from handbook.extensions import db
from handbook.push.models import PushSubscription


def own_devices(user) -> list[PushSubscription]:
    return list(db.session.scalars(select(PushSubscription).where(PushSubscription.user_id == user.id)
                                   .order_by(PushSubscription.created_at.desc())))


def get_own_device_or_404(device_id: int) -> PushSubscription:
    """Another member's device answers exactly like one that does not exist."""
    device = db.session.get(PushSubscription, device_id)
    require(device is not None and device.user_id == current_user.id)
    return device
