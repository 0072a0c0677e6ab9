"""What a signature of the minutes is bound to: one revision's whole content (texts, chair and
note-taker, attendance, opinions, votes, tasks) as one canonical JSON text, and its sha256.

The same function hashes the live minutes a signer reads and the snapshot kept once both signed,
so a signature is shown as valid only beside the very content it was given for.
"""

import hashlib
import json

# Kept in older snapshots beside the content, never part of what is signed: it was the
# signatures' own account of themselves.
NOT_SIGNED = ("signatures",)


def content_of(record: dict) -> dict:
    """The record as JSON keeps it (tuples become lists), without what is not signed."""
    plain = json.loads(json.dumps(record, ensure_ascii=False))
    for key in NOT_SIGNED:
        plain.pop(key, None)
    return plain


def canonical(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(content: dict) -> str:
    """The sha256 of the content, hex: what a signature stores and what it is checked against."""
    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()
