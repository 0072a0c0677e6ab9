"""CSV import of members: upload → preview of every row's problems → all-or-nothing import."""

import base64

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from handbook.admin import bp, csvimport, previews
from handbook.admin import messages as msg
from handbook.admin.access import admin_root, get_admin_org_or_404
from handbook.admin.forms import ImportForm
from handbook.csvfile import csv_response, csv_text
from handbook.domain import DomainError
from handbook.extensions import db
from handbook.timefmt import vn_date

STASH_KEY = "admin_import"


@bp.get("/import/template.csv")
@login_required
def import_template():
    """An empty file with the expected header, to fill in Excel."""
    admin_root()
    return csv_response("mau-nhap-dang-vien.csv", [csvimport.TEMPLATE_HEADER])


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
    previews.purge_stale_previews()
    token = previews.keep(data)
    db.session.commit()
    session[STASH_KEY] = {"token": token, "root": root.id, "user": current_user.id}
    bad = sum(1 for row in rows if row.problems)
    return render_template("admin/import_preview.html", rows=rows, bad=bad, root=root, token=token)


def _drop_stash() -> None:
    """Forgets the previous preview (the caller commits)."""
    stash = session.pop(STASH_KEY, None)
    if stash:
        previews.drop(stash["token"])


@bp.post("/import/confirm")
@login_required
def import_confirm():
    """Imports the previewed file in one transaction and shows the one-time passwords once."""
    admin_root()
    stash = session.get(STASH_KEY)
    valid = stash and stash.get("user") == current_user.id and request.form.get("token") == stash["token"]
    data = previews.read(stash["token"]) if valid else None
    if data is None:
        flash(msg.PREVIEW_EXPIRED, "error")
        return redirect(url_for("admin.import_members"))
    root = get_admin_org_or_404(stash["root"])
    try:
        # Again, against every account: the database may have changed since the preview, and
        # clashes outside the subtree are looked for only now.
        rows = csvimport.preview(data, root, at_import=True)
        results = csvimport.run_import(rows, root, current_user)
    except DomainError as error:
        db.session.rollback()
        if csvimport.outside_clashes(rows):
            csvimport.record_refusal(rows, root, current_user)
            db.session.commit()
        flash(error.message, "error")
        return render_template("admin/import_preview.html", rows=rows, root=root, token=stash["token"],
                               bad=sum(1 for row in rows if row.problems)), 422
    _drop_stash()  # the members and the end of their preview are one commit
    db.session.commit()
    header = ["Họ và tên", "Số thẻ đảng viên", "Tên đăng nhập", "Mật khẩu dùng một lần", "Chi bộ", "Ngày sinh"]
    table = [[f["full_name"], f["card_number"], f["card_number"], password, f["cell_name"], vn_date(f["date_of_birth"])]
             for f, password in results]
    # The passwords exist only in this response: the download is a data: link, nothing is kept.
    download = "data:text/csv;charset=utf-8;base64," + base64.b64encode(csv_text([header, *table]).encode()).decode()
    page = render_template("admin/import_done.html", table=table, download=download, root=root)
    return page, 200, {"Cache-Control": "no-store"}
