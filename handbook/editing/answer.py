"""The answers every autosaved text gives: the autosave's status (200, the status fragment out
of band, and the `text-saved` event in HX-Trigger) and the writer's choice after a conflict."""

import json
from collections.abc import Callable

from flask import abort, current_app, flash, make_response, redirect

from handbook.editing import store
from handbook.editing.forms import ResolveForm
from handbook.editing.kinds import TextKind
from handbook.extensions import db

RESOLVED = {
    "mine": "Đã giữ bản của máy này; bản kia vẫn được cất lại.",
    "other": "Đã giữ bản đang lưu; bản của máy này vẫn được cất lại.",
    "both": "Đã giữ cả hai bản, nối tiếp nhau; xin đọc lại và sửa cho gọn.",
}
RESOLVE_FAILED = "Chưa chọn được bản muốn giữ, xin thử lại."
RESOLVE_STALE = "Văn bản vừa được lưu thêm trong lúc đồng chí chọn. Xin xem lại hai bản rồi chọn lần nữa."


def autosaved(editor: str, status: str, *, version: int, kind: TextKind, saved_at=None, message: str = "",
              extra: str = ""):
    """`status`: "saved", "unchanged", "conflict" or "error" (`message` says why). The version the
    next save is typed on is swapped into the form only after a save: after a conflict the form
    stays on the version it was typed on, so its later saves update the same kept copy."""
    # The template itself, without the app's context processors (the layout's navigation and
    # the bell, which a status line never shows): rendered on every autosave.
    body = current_app.jinja_env.get_template("_text_status.html").render(
        editor=editor, state=status, oob=True, saved_at=saved_at, message=message, label=kind.label)
    if status in ("saved", "unchanged"):
        body += (f'<input type="hidden" id="{editor}-version" name="version" value="{int(version)}" '
                 f'hx-swap-oob="true">')
    response = make_response(body + extra, 200)
    response.headers["HX-Trigger"] = json.dumps({"text-saved": {"version": int(version), "status": status}})
    return response


def resolve_view(kind: TextKind, row, conflict_id: int, back: str, keep: Callable[[dict, str], None] | None = None):
    """The writer chose which text to keep; `keep(set_aside, choice)` lets the feature keep the
    texts set aside in its own history. Answers with the editor again."""
    conflict = store.find_conflict(kind, row, conflict_id)
    if conflict is None:
        abort(404)
    form = ResolveForm()
    if not form.validate_on_submit():
        flash(RESOLVE_FAILED, "error")
        return redirect(back)
    if form.version.data != row.version:
        # Another save landed while the writer was choosing: choose again, seeing it.
        flash(RESOLVE_STALE, "warning")
        return redirect(back)
    set_aside = store.resolve(kind, row, conflict, form.choice.data)
    if keep is not None:
        keep(set_aside, form.choice.data)
    db.session.commit()
    flash(RESOLVED[form.choice.data], "success")
    return redirect(back)
