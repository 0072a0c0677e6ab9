"""CSV import of members: upload → preview of every row's problems → all-or-nothing import."""

import base64
import os
import secrets
import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from handbook.admin import bp, csvimport
from handbook.admin import messages as msg
from handbook.admin.access import admin_root, get_admin_org_or_404
from handbook.admin.csvexport import csv_response, csv_text
from handbook.admin.forms import ImportForm
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.timefmt import vn_date

STASH_KEY = "admin_import"


def _stash_path(token: str) -> str:
    """The uploaded file waits here between preview and import; it holds no passwords."""
    folder = os.path.join(current_app.config.get("UPLOAD_FOLDER") or current_app.instance_path, "admin-imports")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, f"{token}.csv")


@bp.get("/import/template.csv")
@login_required
def import_template():
    """An empty file with the expected header, to fill in Excel."""
    admin_root()
    return csv_response("mau-nhap-dang-vien.csv", csvimport.TEMPLATE_HEADER, [])


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_members():
    """Upload a CSV and see every row checked before anything is written."""
    root = admin_root()
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("admin/import.html", form=form, root=root)
    upload = form.file.data
    data = b""
    if upload:
        data = upload.read(csvimport.MAX_BYTES + 1)
        upload.close()  # large uploads are spooled to a temporary file
    if not data:
        form.file.errors = [msg.FILE_MISSING]
        return render_template("admin/import.html", form=form, root=root), 422
    try:
        rows = csvimport.preview(data, root)
    except DomainError as error:
        form.file.errors = [error.message]
        return render_template("admin/import.html", form=form, root=root), 422
    if not rows:
        form.file.errors = [msg.FILE_ONLY_HEADER]
        return render_template("admin/import.html", form=form, root=root), 422
    _drop_stash()
    _forget_old_uploads()
    token = secrets.token_urlsafe(24)
    with open(_stash_path(token), "wb") as handle:
        handle.write(data)
    session[STASH_KEY] = {"token": token, "root": root.id, "user": current_user.id}
    bad = sum(1 for row in rows if row.problems)
    return render_template("admin/import_preview.html", rows=rows, bad=bad, root=root, token=token)


def _forget_old_uploads(max_age_seconds: int = 3600) -> None:
    """Previews never confirmed leave their file behind; an hour is plenty to decide."""
    folder = os.path.dirname(_stash_path("x"))
    now = time.time()
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.endswith(".csv") and now - os.path.getmtime(path) > max_age_seconds:
            os.remove(path)


def _drop_stash() -> None:
    stash = session.pop(STASH_KEY, None)
    if stash and os.path.exists(_stash_path(stash["token"])):
        os.remove(_stash_path(stash["token"]))


@bp.post("/import/confirm")
@login_required
def import_confirm():
    """Imports the previewed file in one transaction and shows the one-time passwords once."""
    admin_root()
    stash = session.get(STASH_KEY)
    if (not stash or stash.get("user") != current_user.id or request.form.get("token") != stash["token"]
            or not os.path.exists(_stash_path(stash["token"]))):
        flash(msg.PREVIEW_EXPIRED, "error")
        return redirect(url_for("admin.import_members"))
    root = get_admin_org_or_404(stash["root"])
    with open(_stash_path(stash["token"]), "rb") as handle:
        data = handle.read()
    try:
        rows = csvimport.preview(data, root)  # the database may have changed since the preview
        results = csvimport.run_import(rows, root, current_user)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return render_template("admin/import_preview.html", rows=rows, root=root, token=stash["token"],
                               bad=sum(1 for row in rows if row.problems)), 422
    _drop_stash()
    header = ["Họ và tên", "Số thẻ đảng viên", "Tên đăng nhập", "Mật khẩu dùng một lần", "Chi bộ", "Ngày sinh"]
    table = [[f["full_name"], f["card_number"], f["card_number"], password, f["cell_name"], vn_date(f["date_of_birth"])]
             for f, password in results]
    # The passwords exist only in this response: the download is a data: link, nothing is kept.
    download = "data:text/csv;charset=utf-8;base64," + base64.b64encode(csv_text(header, table).encode()).decode()
    page = render_template("admin/import_done.html", table=table, download=download, root=root)
    return page, 200, {"Cache-Control": "no-store"}
