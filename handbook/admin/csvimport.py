"""Member CSV import: read the file, list every row's problems, then write all rows or none."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, insert, select

from handbook.admin import validation as v
from handbook.admin.models import MembershipChange
from handbook.admin.search import index_members
from handbook.audit import record
from handbook.auth.models import User
from handbook.auth.passwords import hash_one_time_password, one_time_password
from handbook.extensions import db
from handbook.orgs.models import Organization
from handbook.vietnamese import fold

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# Column → accepted headers, compared folded (no accents, lower case).
COLUMNS = {
    "full_name": ("ho va ten", "ho ten", "ten"),
    "card_number": ("so the dang vien", "so the", "the dang vien"),
    "phone": ("dien thoai", "so dien thoai", "sdt"),
    "date_of_birth": ("ngay sinh",),
    "sex": ("gioi tinh",),
    "admitted_on": ("ngay vao dang", "ngay ket nap"),
    "official_on": ("ngay chinh thuc", "ngay do chinh thuc"),
    "leadership": ("chuc vu lanh dao", "chuc vu"),
    "cell": ("chi bo",),
}
REQUIRED = ("full_name", "card_number", "cell")
TEMPLATE_HEADER = ["Họ và tên", "Số thẻ đảng viên", "Điện thoại", "Ngày sinh", "Giới tính",
                   "Ngày vào Đảng", "Ngày chính thức", "Chức vụ lãnh đạo", "Chi bộ"]


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the reason is shown to the admin."""


@dataclass
class Row:
    line: int
    raw: dict
    fields: dict = field(default_factory=dict)
    cell: Organization | None = None
    problems: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportFileError("Tệp lớn hơn 5 MB. Hãy chia danh sách thành nhiều tệp.")
    if b"\x00" in data:
        raise ImportFileError("Tệp không phải là tệp văn bản CSV.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "Tệp không dùng bảng mã UTF-8. Trong Excel hãy chọn “Lưu thành” → “CSV UTF-8”.") from None


def read_rows(text: str) -> list[dict]:
    """Rows as {column: text}; `;` or `,` as separator, whichever the header uses."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = next(reader, None)
        if not header:
            raise ImportFileError("Tệp trống.")
        columns = []
        for title in header:
            key = " ".join(fold(title).split())
            columns.append(next((c for c, names in COLUMNS.items() if key in names), None))
        missing = [TEMPLATE_HEADER[list(COLUMNS).index(c)] for c in REQUIRED if c not in columns]
        if missing:
            raise ImportFileError("Thiếu dòng tiêu đề hoặc thiếu cột: " + ", ".join(missing)
                                  + ". Hãy dùng tệp mẫu.")
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(f"Tệp có quá {MAX_ROWS} dòng.")
            rows.append({col: value for col, value in zip(columns, values, strict=False) if col})
            rows[-1]["_line"] = reader.line_num
        return rows
    except csv.Error as error:
        raise ImportFileError(f"Tệp CSV sai định dạng ({error}).") from None


def preview(data: bytes, root: Organization) -> list[Row]:
    """Every row with its problems; nothing is written."""
    raw_rows = read_rows(decode(data))
    cells: dict[str, list[Organization]] = {}
    for cell in db.session.scalars(select(Organization).where(
            Organization.path.startswith(root.path), Organization.kind == "cell", Organization.closed.is_(False))):
        cells.setdefault(" ".join(fold(cell.name).split()), []).append(cell)
        cells.setdefault(f"#{cell.id}", []).append(cell)  # "#12": the code shown on the cell's page
    rows = [_check_fields(Row(line=raw.pop("_line"), raw=raw), cells) for raw in raw_rows]
    _check_duplicates(rows)
    return rows


def _check_fields(row: Row, cells: dict) -> Row:
    raw, out, problems = row.raw, row.fields, row.problems
    out["full_name"], problem = v.clean_name(raw.get("full_name", ""))
    problems += [problem] if problem else []
    out["card_number"], problem = v.clean_card(raw.get("card_number", ""))
    problems += [problem] if problem else []
    out["phone"], problem = v.clean_phone(raw.get("phone", ""))
    problems += [problem] if problem else []
    for key, label in (("date_of_birth", "Ngày sinh"), ("admitted_on", "Ngày vào Đảng"),
                       ("official_on", "Ngày chính thức")):
        out[key], problem = v.parse_date(raw.get(key, ""), label)
        problems += [problem] if problem else []
    problems += v.date_order_problems(out["date_of_birth"], out["admitted_on"], out["official_on"])
    out["sex"], problem = v.parse_sex(raw.get("sex", ""))
    problems += [problem] if problem else []
    out["holds_leadership_post"] = v.parse_leadership(raw.get("leadership", ""))
    cell_name = " ".join((raw.get("cell") or "").split())
    matches = cells.get(" ".join(fold(cell_name).split()), [])
    if not cell_name:
        problems.append("Thiếu tên chi bộ.")
    elif not matches:
        problems.append(f"Không có chi bộ “{cell_name}” trong phạm vi quản lý.")
    elif len(matches) > 1:
        problems.append(f"Có nhiều chi bộ tên “{cell_name}”; hãy ghi mã chi bộ (ví dụ #{matches[0].id}) "
                        "như trên trang của chi bộ.")
    else:
        row.cell = matches[0]
    return row


def _check_duplicates(rows: list[Row]) -> None:
    cards = [r.fields["card_number"] for r in rows if r.fields["card_number"]]
    phones = [r.fields["phone"] for r in rows if r.fields["phone"]]
    known_cards = _existing(User.card_number, cards) | _existing(User.username, cards)
    known_phones = _existing(User.phone, phones)
    known_people: dict[tuple, str] = {}
    births = {r.fields["date_of_birth"] for r in rows if r.fields["date_of_birth"]}
    if births:
        for name, born, card in db.session.execute(
                select(User.full_name, User.date_of_birth, User.card_number).where(User.date_of_birth.in_(births))):
            known_people[v.person_key(name, born)] = card or ""
    seen_card: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    seen_person: dict[tuple, Row] = {}
    for row in rows:
        card, phone = row.fields["card_number"], row.fields["phone"]
        if card and card in seen_card:
            row.problems.append(f"Trùng số thẻ {card} với dòng {seen_card[card]}.")
        elif card in known_cards:
            row.problems.append(f"Số thẻ {card} đã có tài khoản.")
        seen_card.setdefault(card, row.line)
        if phone and phone in seen_phone:
            row.problems.append(f"Trùng số điện thoại với dòng {seen_phone[phone]}.")
        elif phone in known_phones:
            row.problems.append(f"Số điện thoại {phone} đã có tài khoản.")
        if phone:
            seen_phone.setdefault(phone, row.line)
        born = row.fields["date_of_birth"]
        if not (born and row.fields["full_name"]):
            continue
        key = v.person_key(row.fields["full_name"], born)
        if key in seen_person:
            other = seen_person[key]
            row.problems.append(f"Có thể trùng người với dòng {other.line} "
                                f"(“{other.fields['full_name']}”, cùng ngày sinh).")
        elif key in known_people:
            row.problems.append(f"Đã có đảng viên cùng họ tên và ngày sinh (số thẻ {known_people[key]}).")
        seen_person.setdefault(key, row)


def _existing(column, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 900):  # stay under SQLite's bound-parameter limit
        chunk = values[start:start + 900]
        found.update(db.session.scalars(select(column).where(column.in_(chunk))))
    return found


def run_import(rows: list[Row], root: Organization, actor) -> list[tuple[User | dict, str]]:
    """Writes every row in the caller's transaction; refuses if any row has a problem.

    Returns (member fields, one-time password) pairs to show once; passwords are never stored in clear.
    """
    if not rows or any(row.problems for row in rows):
        raise ImportFileError("Tệp còn dòng có lỗi; chưa nhập dòng nào.")
    today = date.today()
    results, values = [], []
    for row in rows:
        password = one_time_password()
        values.append({**row.fields, "username": row.fields["card_number"], "cell_id": row.cell.id,
                       "password_hash": hash_one_time_password(password), "must_change_password": True,
                       "active": True, "font_step": 0})
        results.append(({**row.fields, "cell_name": row.cell.name}, password))
    db.session.execute(insert(User), values)
    ids = _ids_by_card([row.fields["card_number"] for row in rows])
    index_members(ids.values())  # a Core INSERT: the session's events do not see these rows
    db.session.execute(insert(MembershipChange), [
        {"user_id": ids[row.fields["card_number"]], "to_cell_id": row.cell.id, "changed_by_id": actor.id}
        for row in rows])
    total = db.session.scalar(select(func.count()).select_from(User))
    record("members.imported", org=root, actor=actor,
           summary=f"Nhập {len(rows)} đảng viên từ tệp CSV ngày {today:%d/%m/%Y} (tổng số tài khoản: {total})")
    return results


def _ids_by_card(cards: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(cards), 900):
        ids.update(db.session.execute(
            select(User.card_number, User.id).where(User.card_number.in_(cards[start:start + 900]))).all())
    return ids
