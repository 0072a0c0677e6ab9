"""The reading size (A−/A+): a setting of the device, kept in a cookie the page's script writes
even without signal, and remembered on the account for a device that has none yet."""

from flask import request
from flask_login import current_user

COOKIE = "sotay_text"
STEPS = range(-1, 4)
ONE_YEAR = 365 * 24 * 3600


def parse_step(raw) -> int | None:
    """A step the app has, from a form or cookie value; None for anything else."""
    try:
        step = int(str(raw).strip())
    except ValueError:
        return None
    return step if step in STEPS else None


def text_step(user=None) -> int:
    """The size this page is drawn at: the device's own choice, else the account's, else 0.
    `user`: the member if the caller has them (a validator's copy), else the logged-in one."""
    step = parse_step(request.cookies.get(COOKIE, ""))
    if step is not None:
        return step
    user = current_user if user is None else user
    return user.font_step if user.is_authenticated else 0


def remember_on_device(response, step: int) -> None:
    # Not HttpOnly: the page's script sets it without the server when there is no signal.
    # It holds nothing of the account and outlives logout, like the device itself.
    response.set_cookie(COOKIE, str(step), max_age=ONE_YEAR, samesite="Lax", httponly=False,
                        secure=request.is_secure)
