"""A device's subscription: checked, kept (one row per endpoint), forgotten."""

import hmac

from flask import current_app
from sqlalchemy import delete, select

from handbook.extensions import db
from handbook.push.endpoints import clean_endpoint
from handbook.push.keys import b64url_decode
from handbook.push.models import PushSubscription

# Phones, tablets, office PCs and browsers a member really uses; past this the oldest goes, so a
# script cannot make the server post each notice to thousands of addresses.
MAX_DEVICES = 10


class SubscriptionError(ValueError):
    pass


def parse(data) -> tuple[str, str, str]:
    """(endpoint, p256dh, auth) from a PushSubscription's JSON, or SubscriptionError. The keys
    must decode to what RFC 8291 says (a 65-byte P-256 point, a 16-byte secret), so a bad one
    is refused here rather than failing every send later."""
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        raise SubscriptionError()
    endpoint, p256dh, auth = data.get("endpoint"), data["keys"].get("p256dh"), data["keys"].get("auth")
    if not all(isinstance(value, str) for value in (endpoint, p256dh, auth)):
        raise SubscriptionError()
    endpoint = clean_endpoint(endpoint, current_app.config["PUSH_SERVICE_HOSTS"])
    if endpoint is None:
        raise SubscriptionError()
    try:
        if len(b64url_decode(p256dh)) != 65 or len(b64url_decode(auth)) != 16:
            raise SubscriptionError()
    except (ValueError, TypeError):
        raise SubscriptionError() from None
    return endpoint, p256dh, auth


def subscribe(user, endpoint: str, p256dh: str, auth: str, user_agent: str) -> PushSubscription:
    """The endpoint is the device: when someone else logs in on the same browser, it follows them.

    The same browser sends the same keys with its endpoint (they are made with the subscription
    and never change), so another member's endpoint moves only with exactly its keys: that is
    the browser changing hands, and its pushes must not go on showing the first member's
    meetings. With other keys it is someone who learnt the address and would silence that
    device (its browser cannot decrypt what is sealed for other keys): refused, and the row
    stays its owner's. The member's own row may take new keys."""
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    if row is None:
        row = PushSubscription(endpoint=endpoint)
        db.session.add(row)
    elif row.user_id != user.id and not _same_keys(row, p256dh, auth):
        raise SubscriptionError()
    row.user_id, row.p256dh, row.auth, row.user_agent = user.id, p256dh, auth, user_agent[:200]
    db.session.flush()
    kept = select(PushSubscription.id).where(PushSubscription.user_id == user.id) \
        .order_by(PushSubscription.created_at.desc(), PushSubscription.id.desc()).limit(MAX_DEVICES)
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id,
                                                      PushSubscription.id.not_in(kept.scalar_subquery())))
    return row


def _same_keys(row: PushSubscription, p256dh: str, auth: str) -> bool:
    # Compared as bytes (padding may differ), in constant time: `auth` is a secret.
    return (hmac.compare_digest(b64url_decode(row.p256dh), b64url_decode(p256dh))
            and hmac.compare_digest(b64url_decode(row.auth), b64url_decode(auth)))


def unsubscribe(user, endpoint: str) -> None:
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id,
                                                      PushSubscription.endpoint == endpoint))
