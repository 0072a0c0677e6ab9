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
    """An admin's one-time password for one member: hashed like any password."""
    return hash_password(password)


def hash_imported_password(password: str) -> str:
    """One-time passwords of a CSV import are random (about 59 bits), so a light salted PBKDF2
    is enough and keeps a 5,000-member import within one request (scrypt at this cost would
    take many minutes); the member replaces it at first login, and `verify_password` makes
    logging in with it cost the same as any other login."""
    return generate_password_hash(password, method="pbkdf2:sha256:1000")


_DUMMY_HASHES: dict[str, str] = {}


def dummy_hash() -> str:
    """A hash of a random secret at the configured cost: checked when no account matches, so
    an unknown name takes as long as a known one."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_urlsafe(16), method=method)
    return _DUMMY_HASHES[method]


def verify_password(password_hash: str, password: str) -> bool:
    """Every check costs at least one hash at the configured cost: a stored hash of another
    kind (an imported one-time password, an older cost) is topped up with the dummy, so the
    time a login takes does not tell which accounts exist or were just imported."""
    matches = check_password_hash(password_hash, password)
    if not password_hash.startswith(current_app.config["PASSWORD_HASH_METHOD"] + "$"):
        check_password_hash(dummy_hash(), password)
    return matches


def one_time_password(length: int = 12) -> str:
    return "".join(secrets.choice(_OTP_ALPHABET) for _ in range(length))
