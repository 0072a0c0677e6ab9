"""Member CSV import: read the file, list every row's problems, then write all rows or none."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from handbook.admin import messages as msg
from handbook.admin import validation as v
from handbook.admin.models import MembershipChange
from handbook.admin.search import index_members
from handbook.audit import record
from handbook.auth.identifiers import identifier_key, identifier_rows
from handbook.auth.models import LoginIdentifier, User
from handbook.auth.passwords import hash_imported_password, one_time_password
from handbook.domain import DomainError
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
    "standing": ("tinh trang sinh hoat", "tinh trang"),
}
REQUIRED = ("full_name", "card_number", "cell")
TEMPLATE_HEADER = ["Họ và tên", "Số thẻ đảng viên", "Điện thoại", "Ngày sinh", "Giới tính",
                   "Ngày vào Đảng", "Ngày chính thức", "Chức vụ lãnh đạo", "Chi bộ", "Tình trạng sinh hoạt"]


class ImportFileError(DomainError):
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
        raise ImportFileError(msg.FILE_TOO_BIG)
    if b"\x00" in data:
        raise ImportFileError(msg.FILE_NOT_CSV)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(msg.FILE_NOT_UTF8) from None


def read_rows(text: str) -> list[dict]:
    """Rows as {column: text}; `;` or `,` as separator, whichever the header uses."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = next(reader, None)
        if not header:
            raise ImportFileError(msg.FILE_EMPTY)
        columns = []
        for title in header:
            key = " ".join(fold(title).split())
            columns.append(next((c for c, names in COLUMNS.items() if key in names), None))
        missing = [TEMPLATE_HEADER[list(COLUMNS).index(c)] for c in REQUIRED if c not in columns]
        if missing:
            raise ImportFileError(msg.FILE_COLUMNS_MISSING.format(columns=", ".join(missing)))
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(msg.FILE_TOO_MANY_ROWS.format(count=MAX_ROWS))
            rows.append({col: value for col, value in zip(columns, values, strict=False) if col})
            rows[-1]["_line"] = reader.line_num
        return rows
    except csv.Error as error:
        raise ImportFileError(msg.FILE_MALFORMED.format(error=error)) from None


def preview(data: bytes, root: Organization, *, at_import: bool = False) -> list[Row]:
    """Every row with its problems; nothing is written.

    The preview compares the rows with the accounts of `root`'s subtree only: otherwise a file of
    20,000 phones, cards or names with birth dates would ask "is this person a member anywhere?"
    of the whole deployment. The import (`at_import`) compares them with every account, as the
    unique logins require, and refuses a row that clashes outside without saying with whom."""
    raw_rows = read_rows(decode(data))
    cells: dict[str, list[Organization]] = {}
    for cell in db.session.scalars(select(Organization).where(
            Organization.path.startswith(root.path), Organization.kind == "cell", Organization.closed.is_(False))):
        cells.setdefault(" ".join(fold(cell.name).split()), []).append(cell)
        cells.setdefault(f"#{cell.id}", []).append(cell)  # "#12": the code shown on the cell's page
    rows = [_check_fields(Row(line=raw.pop("_line"), raw=raw), cells) for raw in raw_rows]
    _check_duplicates(rows, root, at_import)
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
    out["party_standing"], problem = v.parse_standing(raw.get("standing", ""))
    problems += [problem] if problem else []
    cell_name = " ".join((raw.get("cell") or "").split())
    matches = cells.get(" ".join(fold(cell_name).split()), [])
    if not cell_name:
        problems.append(msg.CELL_MISSING)
    elif not matches:
        problems.append(msg.CELL_UNKNOWN.format(name=cell_name))
    elif len(matches) > 1:
        problems.append(msg.CELL_AMBIGUOUS.format(name=cell_name, example=matches[0].id))
    else:
        row.cell = matches[0]
    return row


def _check_duplicates(rows: list[Row], root: Organization, at_import: bool) -> None:
    """Clashes within the file, and with accounts: named when the account is in the admin's
    subtree; outside it, looked for only at import and reported without naming anyone."""
    keys = [identifier_key(r.fields[f]) for r in rows for f in ("card_number", "phone") if r.fields[f]]
    taken = _taken_identifiers(keys, root, everywhere=at_import)
    known_people: dict[tuple, str | None] = {}
    births = {r.fields["date_of_birth"] for r in rows if r.fields["date_of_birth"]}
    if births:
        people = (select(User.full_name, User.date_of_birth, User.card_number, Organization.path)
                  .outerjoin(Organization, Organization.id == User.cell_id).where(User.date_of_birth.in_(births)))
        if not at_import:
            people = people.where(Organization.path.startswith(root.path))
        for name, born, card, path in db.session.execute(people):
            inside = path is not None and path.startswith(root.path)
            known_people[v.person_key(name, born)] = (card or "") if inside else None
    seen: dict[str, int] = {}
    seen_person: dict[tuple, Row] = {}
    for row in rows:
        outside = False
        for key_name, label in (("card_number", "số thẻ"), ("phone", "số điện thoại")):
            value = row.fields[key_name]
            if not value:
                continue
            key = identifier_key(value)
            if key in seen and seen[key] != row.line:
                shown = f" {value}" if key_name == "card_number" else ""  # a phone is not repeated back
                row.problems.append(msg.IDENTIFIER_REPEATED.format(label=label, shown=shown, line=seen[key]))
            elif taken.get(key) is True:
                row.problems.append(msg.IDENTIFIER_TAKEN.format(label=label.capitalize(), value=value))
            elif taken.get(key) is False:
                outside = True
            seen.setdefault(key, row.line)
        born = row.fields["date_of_birth"]
        key = v.person_key(row.fields["full_name"], born) if born and row.fields["full_name"] else None
        if key in seen_person:
            other = seen_person[key]
            row.problems.append(msg.PERSON_REPEATED.format(line=other.line, name=other.fields["full_name"]))
        elif key in known_people:
            if known_people[key] is None:
                outside = True
            else:
                row.problems.append(msg.PERSON_KNOWN.format(card=known_people[key]))
        if key is not None:
            seen_person.setdefault(key, row)
        if outside:
            row.problems.append(msg.CLASH_EXISTING)


def outside_clashes(rows: list[Row]) -> int:
    """How many rows the import refused for an account outside the admin's subtree."""
    return sum(1 for row in rows if msg.CLASH_EXISTING in row.problems)


def _taken_identifiers(keys: list[str], root: Organization, everywhere: bool) -> dict[str, bool]:
    """Login names already in use (in `root`'s subtree, or `everywhere`) → whether their account
    lies in the subtree."""
    found: dict[str, bool] = {}
    for start in range(0, len(keys), 900):  # stay under SQLite's bound-parameter limit
        query = (select(LoginIdentifier.value, Organization.path).join(User, User.id == LoginIdentifier.user_id)
                 .outerjoin(Organization, Organization.id == User.cell_id)
                 .where(LoginIdentifier.value.in_(keys[start:start + 900])))
        if not everywhere:
            query = query.where(Organization.path.startswith(root.path))
        for value, path in db.session.execute(query):
            found[value] = path is not None and path.startswith(root.path)
    return found


def run_import(rows: list[Row], root: Organization, actor) -> list[tuple[User | dict, str]]:
    """Writes every row in the caller's transaction; refuses if any row has a problem.

    Returns (member fields, one-time password) pairs to show once; passwords are never stored in clear.
    """
    if not rows or any(row.problems for row in rows):
        raise ImportFileError(msg.FILE_HAS_PROBLEMS)
    today = date.today()
    results, values = [], []
    for row in rows:
        password = one_time_password()
        values.append({**row.fields, "username": row.fields["card_number"], "cell_id": row.cell.id,
                       "password_hash": hash_imported_password(password), "must_change_password": True,
                       "active": True, "font_step": 0})
        results.append(({**row.fields, "cell_name": row.cell.name}, password))
    try:
        db.session.execute(insert(User), values)
        ids = _ids_by_card([row.fields["card_number"] for row in rows])
        # Bulk inserts bypass the ORM hook that keeps login names: written here, and a clash with
        # an account made since the preview is refused by the unique index.
        db.session.execute(insert(LoginIdentifier), identifier_rows(
            [{**value, "id": ids[value["card_number"]]} for value in values]))
    except IntegrityError:
        raise ImportFileError(msg.IMPORT_TAKEN_MEANWHILE) from None
    index_members(ids.values())  # a Core INSERT: the session's events do not see these rows
    db.session.execute(insert(MembershipChange), [
        {"user_id": ids[row.fields["card_number"]], "to_cell_id": row.cell.id, "changed_by_id": actor.id}
        for row in rows])
    # Counted within the importing organisation: the log is read by admins of that subtree only.
    total = db.session.scalar(select(func.count()).select_from(User).join(Organization, Organization.id == User.cell_id)
                              .where(Organization.path.startswith(root.path)))
    record("members.imported", org=root, actor=actor,
           summary=f"Nhập {len(rows)} đảng viên từ tệp CSV ngày {today:%d/%m/%Y} "
                   f"(số tài khoản trong {root.name}: {total})")
    return results


def record_refusal(rows: list[Row], root: Organization, actor) -> None:
    """A refused import whose rows matched accounts outside the subtree is logged (the caller
    commits): the committee above sees an admin who keeps asking the import who is a member."""
    record("members.import_refused", org=root, actor=actor,
           summary=f"Từ chối nhập tệp CSV {len(rows)} dòng: {outside_clashes(rows)} dòng trùng tài khoản đã có "
                   f"ngoài {root.name}")


def _ids_by_card(cards: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(cards), 900):
        ids.update(db.session.execute(
            select(User.card_number, User.id).where(User.card_number.in_(cards[start:start + 900]))).all())
    return ids
