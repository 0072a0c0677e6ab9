"""Known devices: a signed cookie, set at a good login, that lets an account's owner in while
someone else fails to guess the password.

Failed logins are limited per account (5 a minute), so anyone who knows a member's login name
could keep the member out for as long as they keep guessing. A browser that has logged in to
the account before carries this mark; its failures count on a counter of its own (the same 5 a
minute) instead of the account's, and the per-address flood limit holds for it as for anyone.
The mark names the account and a fingerprint of its password hash, so a new password (the
member's or an admin's reset) ends every mark the old one earned; it is signed with SECRET_KEY,
HttpOnly, sent only to the login page, and outlives logout (Clear-Site-Data spares cookies).
"""

import hashlib
import hmac
import secrets

from flask import current_app, request, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "sotay_device"
MAX_AGE = 60 * 60 * 24 * 180  # half a year: members log in at least for each monthly meeting


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="handbook.auth.known-device")


def _fingerprint(user) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, user.password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def remember(response, user) -> None:
    """After a good login or a password change: this browser is one the owner uses. A new
    device id each time, so its own failure counter starts afresh."""
    mark = _serializer().dumps({"user": user.id, "password": _fingerprint(user), "device": secrets.token_urlsafe(12)})
    response.set_cookie(COOKIE, mark, max_age=MAX_AGE, path=url_for("auth.login"), httponly=True,
                        secure=current_app.config["SESSION_COOKIE_SECURE"], samesite="Strict")


def known_device(user) -> str | None:
    """This browser's device id, when it logged in to `user` before with the current password."""
    mark = request.cookies.get(COOKIE)
    if not mark:
        return None
    try:
        data = _serializer().loads(mark, max_age=MAX_AGE)
    except BadSignature:  # forged, altered or expired
        return None
    if not isinstance(data, dict) or data.get("user") != user.id or not isinstance(data.get("device"), str):
        return None
    if not hmac.compare_digest(str(data.get("password")), _fingerprint(user)):
        return None
    return data["device"]
