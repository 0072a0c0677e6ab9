"""An example's photo: at most 2 MB, a JPEG, PNG or WebP as its first bytes say (never as the
file's name or the browser's word says), kept in the storage every node shares."""

import uuid

from handbook.domain import DomainError
from handbook.examples import messages as msg
from handbook.storage import store

MAX_BYTES = 2 * 1024 * 1024
PREFIX = "examples/"
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def sniff(data: bytes) -> str | None:
    """The image type of these bytes, by their signature, or None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def read_upload(upload) -> tuple[bytes, str] | None:
    """The uploaded photo's bytes and type, or None when no file was chosen; a file too large or
    not an image is refused, read no further than the cap."""
    if upload is None or not getattr(upload, "filename", ""):
        return None
    data = upload.read(MAX_BYTES + 1)
    if not data:
        return None
    if len(data) > MAX_BYTES:
        raise DomainError(msg.PHOTO_TOO_LARGE, field="photo")
    kind = sniff(data)
    if kind is None:
        raise DomainError(msg.PHOTO_NOT_IMAGE, field="photo")
    return data, kind


def keep(data: bytes, kind: str) -> str:
    """Stores the photo; answers its key."""
    key = f"{PREFIX}{uuid.uuid4().hex}.{EXTENSIONS[kind]}"
    store.put(key, data)
    return key
