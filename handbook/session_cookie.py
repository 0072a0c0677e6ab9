"""Flask's signed-cookie session, its signer made once per set of keys and each cookie's checked
content kept per worker.

A member's cookie is the same string from one request to the next (it is signed again only
when the session changes: SESSION_REFRESH_EACH_REQUEST is off), yet Flask checked its signature
and decoded it on every request: ~60 µs, a twentieth of a revisit answered 304. The kept entry
is keyed by the whole cookie as sent, so it is only ever the decoding of those very bytes, made
by Flask's own check the first time; a changed or forged cookie is another key and goes the
full way. The signing time is kept with it and the session's age limit checked on every use,
as the check itself does. Sessions holding a list or a dict (flashed messages) are not kept: a
view may change those in place.
"""

import time

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

from handbook.cache import Cache

KEPT = 4096  # cookies a worker has seen lately (a few hundred bytes each)
_MUTABLE = (list, dict, set, bytearray)


class _SignerOnce(SecureCookieSessionInterface):
    """Flask's signed cookie session, its signer built once per set of keys rather than on every
    request (5-6 µs each), and `Vary` left alone when it names the cookie already (every page's
    does, handbook/security.py): Flask parsed and wrote the header again for it."""

    _signer_for: tuple | None = None
    _signer = None

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if keys != self._signer_for:
            self._signer = super().get_signing_serializer(app)
            self._signer_for = keys
        return self._signer

    def save_session(self, app: Flask, session, response) -> None:
        if session.accessed and _names_cookie(response.headers.get("Vary")):
            session.accessed = False
        if not session and not session.modified and not session.accessed:
            return  # Flask's own save ends here too, having set nothing
        super().save_session(app, session, response)


def _names_cookie(vary: str | None) -> bool:
    return bool(vary) and any(name.strip().lower() == "cookie" for name in vary.split(","))


class KeptCookieSessionInterface(_SignerOnce):
    def __init__(self):
        self._kept = Cache(size=KEPT, ttl_seconds=None)

    def open_session(self, app, request):
        value = request.cookies.get(self.get_cookie_name(app))
        if not app.secret_key:
            return super().open_session(app, request)
        if not value:
            return self.session_class()  # what Flask's own answers, without making its serializer
        max_age = int(app.permanent_session_lifetime.total_seconds())
        kept = self._kept.get(value)
        if kept is None:
            try:  # the serializer made only here: making one costs more than finding a kept entry
                data, signed_at = self.get_signing_serializer(app).loads(value, max_age=max_age,
                                                                         return_timestamp=True)
            except BadSignature:
                return self.session_class()
            if any(isinstance(v, _MUTABLE) for v in data.values()):
                return self.session_class(data)
            kept = (data, int(signed_at.timestamp()))
            self._kept.put(value, kept)
        data, signed_at = kept
        if not 0 <= int(time.time()) - signed_at <= max_age:  # itsdangerous' own test of age
            return self.session_class()
        return self.session_class(data)  # a copy: the request may change its session
