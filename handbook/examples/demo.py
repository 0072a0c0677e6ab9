"""Demo of good examples: cell 1 registered dangvien's help to a family after a storm (with a
photo), the base committee dangvien3's computer class for older neighbours; the committee
approved both, so dangvien may cite his in this year's papers. Idempotent: found again by title."""

import struct
import zlib
from datetime import timedelta

from sqlalchemy import select

from handbook.examples import photos
from handbook.examples.models import GoodExample
from handbook.extensions import db
from handbook.models_base import utcnow
from handbook.timefmt import to_vn

# (org: "cell1" or "base", member, registered by, title, description, days ago, with a photo)
EXAMPLES = [
    ("cell1", "dangvien", "bithu", "Cùng tổ dân phố dựng lại nhà cho một gia đình sau bão",
     "Đồng chí Đức vận động anh em trong phòng góp ngày công, hai ngày cuối tuần cùng tổ dân phố dựng lại "
     "mái nhà và bếp cho gia đình bà Lò Thị Sen bị bão làm sập.", 20, True),
    ("base", "dangvien3", "capuy", "Lớp tin học miễn phí cho người cao tuổi trong khu phố",
     "Mỗi tối thứ Năm, đồng chí Đạt hướng dẫn các cụ dùng điện thoại thông minh: gọi video cho con cháu, "
     "nhận biết tin nhắn lừa đảo, tra cứu dịch vụ công.", 45, False),
]


def tiny_png(width: int = 32, height: int = 20, rgb: tuple[int, int, int] = (179, 24, 30)) -> bytes:
    """A plain PNG of one colour, made here so the demo ships no binary file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def seed(ctx) -> None:
    users, now = ctx["users"], utcnow()
    for org_name, member_name, by_name, title, description, days, with_photo in EXAMPLES:
        if db.session.scalar(select(GoodExample.id).where(GoodExample.title == title)):
            continue
        member = users[member_name]
        example = GoodExample(org_id=ctx[org_name].id, member_id=member.id, person=member.full_name, title=title,
                              description=description, happened_on=to_vn(now - timedelta(days=days)).date(),
                              status="approved", registered_by_id=users[by_name].id,
                              created_at=now - timedelta(days=days - 1), reviewed_by_id=users["capuy"].id,
                              reviewed_at=now - timedelta(days=days - 3))
        if with_photo:
            example.photo_key, example.photo_type = photos.keep(tiny_png(), "image/png"), "image/png"
        db.session.add(example)
    db.session.flush()
