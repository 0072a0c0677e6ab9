"""VAPID keys: the pair `flask push keys` prints, and the key objects the sender signs with."""

import base64

from flask import current_app

# cryptography and py_vapid (~15 MB) are imported where keys are made or used, in the command
# and the job worker: a web worker only reads the public key from its settings.


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def generate() -> tuple[str, str]:
    """(private, public): the raw P-256 private number and the uncompressed public point, both
    base64url — the public one is what a browser's pushManager.subscribe takes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return b64url(private), b64url(public)


def configured() -> bool:
    cfg = current_app.config
    return bool(cfg.get("VAPID_PRIVATE_KEY") and cfg.get("VAPID_PUBLIC_KEY") and cfg.get("VAPID_SUBJECT"))


def signer():
    """The py_vapid key the sender signs with."""
    from py_vapid import Vapid

    return Vapid.from_string(current_app.config["VAPID_PRIVATE_KEY"])
