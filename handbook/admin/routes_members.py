"""Member accounts: list, create, edit, deactivate, move, reset password, roles."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from handbook.actions import act
from handbook.admin import bp
from handbook.admin import members as service
from handbook.admin import messages as msg
from handbook.admin.access import admin_cells_for_choice, admin_root, get_admin_member_or_404, get_admin_org_or_404
from handbook.admin.forms import MemberForm, MoveMemberForm, RoleForm, options
from handbook.admin.search import member_search
from handbook.auth.models import RoleAssignment, User
from handbook.collation import vi_order
from handbook.csvfile import csv_response
from handbook.domain import DomainError, show_on_form
from handbook.extensions import db
from handbook.integers import bounded_int
from handbook.orgs.models import Organization
from handbook.pager import requested_page
from handbook.security import is_htmx
from handbook.timefmt import vn_date

PAGE_SIZE = 50


def _search(root):
    """The search box's matches (handbook/admin/search.py), None without a search, or False
    when the box holds no word to search for."""
    args = request.args
    q = args.get("q", "").strip()[:100]
    if not q:
        return None
    found = member_search(root, q, args.get("status", "active"), args.get("leader") == "1", args.get("role"))
    return found or False


def _members_query(root, found=None) -> tuple:
    """The filtered members of the subtree, and how many (a function: counted only when shown)."""
    args = request.args
    status, leader, role = args.get("status", "active"), args.get("leader") == "1", args.get("role")
    if found is False:
        return select(User).where(false()), lambda: 0
    if found is not None:
        # Names without accents, card numbers, phones and usernames: the search index holds
        # them and the filters as facets, so no subtree is scanned.
        return select(User).where(User.id.in_(found.ids)), found.count
    query = select(User).join(Organization, Organization.id == User.cell_id).where(
        Organization.path.startswith(root.path))
    if status in ("active", "inactive"):
        query = query.where(User.active.is_(status == "active"))
    if leader:
        query = query.where(User.holds_leadership_post.is_(True))
    if role in ("secretary", "deputy"):
        query = query.where(User.id.in_(select(RoleAssignment.user_id).where(RoleAssignment.role == role)))
    return query, lambda: db.session.scalar(select(func.count()).select_from(query.subquery()))


def _page_of(query, found, page: int) -> list[User]:
    """One page of the list in Vietnamese name order; a search's page comes from the index
    in that order (its name sort keys), and only its 50 rows are read."""
    if not found:
        return db.session.scalars(query.order_by(vi_order(User.full_name), User.id).options(
            selectinload(User.cell)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    ids = found.page((page - 1) * PAGE_SIZE, PAGE_SIZE)
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)).options(
        selectinload(User.cell)))}
    return [users[i] for i in ids if i in users]


@bp.get("/members")
@login_required
def members():
    """Members of the subtree, searchable and filtered by cell, status and post."""
    root = admin_root()
    found = _search(root)
    query, count = _members_query(root, found)
    page = requested_page()
    users = _page_of(query, found, page)  # first: a search's page may bring its count along
    total = count()
    if is_htmx():  # the rows only: the filter form, with every cell of the subtree, stays as it is
        return render_template("admin/_member_rows.html", root=root, users=users, total=total, page=page,
                               pages=-(-total // PAGE_SIZE))
    return render_template("admin/members.html", root=root, users=users, total=total, page=page,
                           pages=-(-total // PAGE_SIZE), cells=admin_cells_for_choice())


@bp.get("/members.csv")
@login_required
def members_csv():
    """The filtered member list as CSV (cells a spreadsheet could run are neutralised)."""
    root = admin_root()
    users = db.session.scalars(_members_query(root, _search(root))[0].order_by(vi_order(User.full_name), User.id)).all()
    header = ["Họ và tên", "Số thẻ đảng viên", "Điện thoại", "Ngày sinh", "Giới tính", "Ngày vào Đảng",
              "Ngày chính thức", "Chức vụ lãnh đạo", "Chi bộ", "Trạng thái", "Tình trạng sinh hoạt"]
    rows = ([u.full_name, u.card_number, u.phone, vn_date(u.date_of_birth), u.sex, vn_date(u.admitted_on),
             vn_date(u.official_on), "Có" if u.holds_leadership_post else "", u.cell.name,
             "Đang hoạt động" if u.active else "Đã khóa", u.standing_label] for u in users)
    return csv_response("dang-vien.csv", [header, *rows])


def _member_form(form: MemberForm, selected: int | None = None) -> MemberForm:
    form.cell.choices = options((c.id, c.name) for c in admin_cells_for_choice())
    if selected and not form.is_submitted():
        form.cell.data = str(selected)
    return form


@bp.route("/members/new", methods=["GET", "POST"])
@login_required
def new_member():
    """Creates one member account; the one-time password is shown once."""
    admin_root()
    form = _member_form(MemberForm(), request.args.get("cell", type=bounded_int))
    if form.validate_on_submit():
        cell = get_admin_org_or_404(form.cell.data)
        fields = form.member_fields()
        problems = service.uniqueness_problems(fields)
        for key, message in problems.items():
            getattr(form, key).errors = [message]
        if not problems:
            try:
                user, password = service.create_member(fields, cell, actor=current_user)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                show_on_form(form, error, "cell")
            except IntegrityError:  # the same number was just given to another account
                db.session.rollback()
                form.card_number.errors = [msg.TAKEN_MEANWHILE]
            else:
                return _password_page(user, password)
    return render_template("admin/member_form.html", form=form, user=None), 422 if form.errors else 200


def _password_page(user, password):
    response = render_template("admin/password.html", user=user, password=password)
    return response, 200, {"Cache-Control": "no-store"}


@bp.route("/members/<int:user_id>", methods=["GET", "POST"])
@login_required
def member(user_id):
    """A member's details: edit form, roles, history and account actions."""
    user = get_admin_member_or_404(user_id)
    form = _member_form(MemberForm(obj=None if request.method == "POST" else _StoredValues(user)), user.cell_id)
    form.cell.validators = []
    if form.validate_on_submit():
        fields = form.member_fields()
        problems = service.uniqueness_problems(fields, exclude_id=user.id)
        for key, message in problems.items():
            getattr(form, key).errors = [message]
        if not problems:
            try:
                service.update_member(user, fields)
                db.session.commit()
            except IntegrityError:  # the same number was just given to another account
                db.session.rollback()
                form.card_number.errors = [msg.TAKEN_MEANWHILE]
            else:
                flash(msg.MEMBER_SAVED, "success")
                return redirect(url_for("admin.member", user_id=user.id))
    move = MoveMemberForm()
    move.cell.choices = options((c.id, c.name) for c in admin_cells_for_choice() if c.id != user.cell_id)
    return render_template("admin/member.html", user=user, form=form, move=move, role_form=RoleForm(),
                           history=service.history(user)), 422 if form.errors else 200


class _StoredValues:
    """The member's stored values as the form shows them (dates as dd/mm/yyyy)."""

    def __init__(self, user):
        for key in ("full_name", "card_number", "phone", "sex", "holds_leadership_post", "party_standing"):
            setattr(self, key, getattr(user, key) or ("" if key != "holds_leadership_post" else False))
        for key in ("date_of_birth", "admitted_on", "official_on"):
            setattr(self, key, vn_date(getattr(user, key)))
        self.cell = str(user.cell_id)


@bp.post("/members/<int:user_id>/deactivate")
@login_required
def deactivate(user_id):
    """Locks the account and ends its sessions; the member's records stay."""
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.deactivate_member(user), ok=msg.MEMBER_DEACTIVATED,
               done=url_for("admin.member", user_id=user_id))


@bp.post("/members/<int:user_id>/reactivate")
@login_required
def reactivate(user_id):
    """Lets a locked member log in again."""
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.reactivate_member(user), ok=msg.MEMBER_REACTIVATED,
               done=url_for("admin.member", user_id=user_id))


@bp.post("/members/<int:user_id>/password")
@login_required
def reset_password(user_id):
    """Issues a one-time password, shown once; the member changes it at next login."""
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.reset_password(user), done=lambda password: _password_page(user, password),
               refused=url_for("admin.member", user_id=user_id))


@bp.post("/members/<int:user_id>/move")
@login_required
def move_member(user_id):
    """Moves a member to another cell of the subtree; the history keeps the old one."""
    form = MoveMemberForm()
    if not form.validate_on_submit() or not form.cell.data:
        flash(msg.CHOOSE_CELL, "error")
        return redirect(url_for("admin.member", user_id=user_id))
    cell = get_admin_org_or_404(form.cell.data)
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.move_member(user, cell, actor=current_user), ok=msg.MEMBER_MOVED.format(cell=cell.name),
               done=url_for("admin.member", user_id=user_id))


@bp.post("/members/<int:user_id>/roles")
@login_required
def assign_role(user_id):
    """Makes the member secretary or deputy of their cell."""
    form = RoleForm()
    role = form.role.data if form.validate_on_submit() else ""
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.assign_role(user, role), ok=msg.ROLE_ASSIGNED,
               done=url_for("admin.member", user_id=user_id))


@bp.post("/members/<int:user_id>/roles/<role>/remove")
@login_required
def remove_role(user_id, role):
    """Ends the member's secretary or deputy role."""
    user = get_admin_member_or_404(user_id)
    return act(lambda: service.remove_role(user, role), ok=msg.ROLE_REMOVED,
               done=url_for("admin.member", user_id=user_id))
