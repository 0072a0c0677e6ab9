"""One editor for every kind of note: load, save (autosave or form), answer page or fragment."""

from collections.abc import Callable

from flask import flash, make_response, redirect, render_template, request
from sqlalchemy import inspect
from sqlalchemy.orm.attributes import set_committed_value

from handbook.extensions import db
from handbook.notes import messages as msg
from handbook.notes.forms import NoteForm
from handbook.notes.models import Note
from handbook.notes.service import SaveResult, save_note
from handbook.security import is_htmx
from handbook.timefmt import vn_time
from handbook.versioning import StaleVersion, guarded_write


def _save(note: Note | None, find: Callable[[], Note | None], create: Callable[[], Note], body: str,
          version: int) -> SaveResult:
    """Saves and commits (this module is the notes' view)."""
    # `note` was just looked up by the caller: asking again would double every autosave's read.
    note = note or create()
    try:
        with guarded_write():
            result = save_note(note, body, version)
    except StaleVersion:
        # Another device saved first — both creating the note, or both writing on top of the
        # same version: the other one won, so ours is kept as a conflict to merge.
        result = save_note(find(), body, version)
    if result.status == "saved":
        _commit_keeping(result.note)
    elif result.status == "conflict":
        # A plain commit: the note was only read, so the answer reloads it and shows the
        # stored text as it is now, should another device have saved meanwhile.
        db.session.commit()
    return result


def _commit_keeping(note: Note) -> None:
    """Commit, then put back the note's columns as just written. The session expires every
    object on commit (other features rely on that), so the autosave's answer would otherwise
    read the row it has just written: one SELECT more on the evening's most frequent request.
    The values cannot differ: our UPDATE held the row until the commit."""
    written = {column.key: getattr(note, column.key) for column in inspect(Note).column_attrs}
    db.session.commit()
    for key, value in written.items():
        set_committed_value(note, key, value)


def edit_note(*, find: Callable[[], Note | None], create: Callable[[], Note], page: str, url: str, **context):
    """GET shows the editor; POST saves. htmx gets only the status (out-of-band swaps)."""
    note = find()
    form = NoteForm()
    result = None
    if request.method == "POST":
        if form.validate_on_submit():
            result = _save(note, find, create, form.body.data, form.version.data)
            note = result.note
            if is_htmx():
                return _fragment(note, form, result)
            if result.status != "conflict":
                flash(msg.SAVED_AT.format(time=vn_time(note.updated_at)), "success")
                return redirect(url)
            # The box keeps what this device sent; the page asks which text to keep.
            form.body.data = result.incoming
            form.version.data = note.version
        elif is_htmx():
            return _fragment(note, form, None)
    else:
        form.body.data = note.body if note else ""
        form.version.data = note.version if note else 0
    status = 422 if form.errors else 200
    return render_template(page, form=form, note=note, result=result, save_url=url, **context), status


def _fragment(note: Note | None, form: NoteForm, result: SaveResult | None):
    if result and result.status == "conflict":
        form.body.data = result.incoming
    response = make_response(render_template("notes/_save_status.html", note=note, form=form, result=result))
    if result is not None:
        # The device may now drop its copy of what it sent: the server holds that text.
        response.headers["X-Note-Saved"] = "1"
        # A page that sent a device's draft (js/app.js) keeps it as the newest text it knows.
        response.headers["X-Note-Status"] = result.status
        response.headers["X-Note-Version"] = str(note.version)
    return response
