"""Password policy and hashing (NIST 800-63B style: length and a deny-list, no composition rules)."""

import secrets
from importlib import resources

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from handbook.auth import messages as msg

MIN_LENGTH = 8
MAX_LENGTH = 128
_COMMON: frozenset[str] | None = None

# Readable one-time passwords: no 0/O, 1/l/I for members typing them on a phone.
_OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def common_passwords() -> frozenset[str]:
    global _COMMON
    if _COMMON is None:
        text = resources.files("handbook.auth").joinpath("common_passwords.txt").read_text("utf-8")
        _COMMON = frozenset(line.strip().lower() for line in text.splitlines() if line.strip())
    return _COMMON


def password_problem(password: str, *, username: str = "") -> str | None:
    """The Vietnamese reason a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return msg.PASSWORD_TOO_SHORT.format(length=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return msg.PASSWORD_TOO_LONG.format(length=MAX_LENGTH)
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        return msg.PASSWORD_TOO_COMMON
    if username and lowered == username.lower():
        return msg.PASSWORD_IS_USERNAME
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def hash_one_time_password(password: str) -> str:
    """One-time passwords are random (about 59 bits), so a light salted PBKDF2 is enough and
    keeps a 5,000-member import fast (scrypt at 45 ms a hash would take minutes); the member
    replaces it at first login."""
    return generate_password_hash(password, method="pbkdf2:sha256:1000")


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


def one_time_password(length: int = 12) -> str:
    return "".join(secrets.choice(_OTP_ALPHABET) for _ in range(length))
