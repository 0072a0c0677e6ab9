"""A device's subscription: checked, kept (one row per endpoint), forgotten."""

from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import delete, select

from handbook.extensions import db
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
    if len(endpoint) > 1000 or not known_service(endpoint):
        raise SubscriptionError()
    try:
        if len(b64url_decode(p256dh)) != 65 or len(b64url_decode(auth)) != 16:
            raise SubscriptionError()
    except (ValueError, TypeError):
        raise SubscriptionError() from None
    return endpoint, p256dh, auth


def known_service(endpoint: str) -> bool:
    """The server will POST to this URL, so only to the push services we know (PUSH_SERVICE_HOSTS,
    a host or a parent domain), over https — plain http only to a loopback service listed there
    (a push server of our own in tests)."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    hosts = current_app.config["PUSH_SERVICE_HOSTS"]
    listed = any(host == allowed or host.endswith("." + allowed) for allowed in hosts)
    loopback = host in ("127.0.0.1", "::1", "localhost")
    return listed and (parts.scheme == "https" or (parts.scheme == "http" and loopback))


def subscribe(user, endpoint: str, p256dh: str, auth: str, user_agent: str) -> PushSubscription:
    """The endpoint is the device: when someone else logs in on it, it follows them."""
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    if row is None:
        row = PushSubscription(endpoint=endpoint)
        db.session.add(row)
    row.user_id, row.p256dh, row.auth, row.user_agent = user.id, p256dh, auth, user_agent[:200]
    db.session.flush()
    kept = select(PushSubscription.id).where(PushSubscription.user_id == user.id) \
        .order_by(PushSubscription.created_at.desc(), PushSubscription.id.desc()).limit(MAX_DEVICES)
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id,
                                                      PushSubscription.id.not_in(kept.scalar_subquery())))
    return row


def unsubscribe(user, endpoint: str) -> None:
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id,
                                                      PushSubscription.endpoint == endpoint))
