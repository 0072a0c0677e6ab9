"""The notes in the shared editor (handbook/editing): load, save (autosave or form), answer the
page, or the autosave's status with the `text-saved` event."""

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import inspect
from sqlalchemy.orm.attributes import set_committed_value

from handbook.editing import answer, store
from handbook.extensions import db
from handbook.notes import messages as msg
from handbook.notes.forms import NoteForm
from handbook.notes.models import Note
from handbook.notes.service import NOTE, SaveResult, save_in_burst, save_note
from handbook.security import is_htmx
from handbook.timefmt import vn_time


def _save(note: Note | None, find: Callable[[], Note | None], create: Callable[[], Note], body: str,
          version: int) -> SaveResult:
    """Saves and commits (this module is the notes' view)."""
    # `note` was just looked up by the caller: asking again would double every autosave's read.
    # Another device saving first (both creating the note, or both on the same version) makes
    # ours typed on an older version: it is kept as a conflict to choose from.
    result = store.guarded(lambda row: save_note(row, body, version), note or create(), find)
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


def conflicts_of(note: Note | None) -> list:
    """The pending conflicts of the note, as the shared conflict panel draws them."""
    return [(c, store.differing(NOTE, note, c), url_for("notes.resolve", note_id=note.id, revision_id=c.id))
            for c in store.pending(NOTE, note)]


def quick_save(form: NoteForm, target: tuple[str, int], url: str, seen: dict | None = None):
    """Most saves are one more keystroke burst on the version last answered: one statement, and
    the answer (None: the full save in edit_note decides, and says why). For a meeting's note
    `seen` binds the rule of who sees it, so the meeting is not loaded first (None for a member
    the rule's statement cannot answer: the full way)."""
    if (target[0] == "meeting" and seen is None) or form.errors:
        return None
    quick = save_in_burst(current_user.id, *target, form.body.data, form.version.data, seen)
    if quick is None:
        return None
    db.session.commit()
    if is_htmx():
        return answer.autosaved("note", "saved", version=quick.version, kind=NOTE, saved_at=quick.updated_at)
    flash(msg.SAVED_AT.format(time=vn_time(quick.updated_at)), "success")
    return redirect(url)


def note_form() -> NoteForm:
    """The editor's form, checked once on a save. A save's needs no CSRF field: the app checked
    the token of every POST before the view (CSRFProtect), and the field would sign a new token
    that nothing reads (the page's forms take theirs from csrf_token())."""
    if request.method != "POST":
        return NoteForm()
    form = NoteForm(meta={"csrf": False})
    form.validate()
    return form


def edit_note(*, form: NoteForm, target: tuple[str, int], find: Callable[[], Note | None],
              create: Callable[[], Note], page: str, url: str, **context):
    """GET shows the editor; POST saves (after quick_save, which answers most autosaves). htmx
    gets the status (out of band) and `text-saved`. `target` is ("meeting" or "section", its
    id): where the member's own note sits."""
    note = find()
    result = None
    if request.method == "POST":
        if not form.errors:
            result = _save(note, find, create, form.body.data, form.version.data)
            note = result.note
            if is_htmx():
                return _answer(note, form, result)
            if result.status != "conflict":
                flash(msg.SAVED_AT.format(time=vn_time(note.updated_at)), "success")
                return redirect(url)
            # The box keeps what this device sent; the page asks which text to keep.
            form.body.data = result.incoming
            form.version.data = note.version
        elif is_htmx():
            return _answer(note, form, None)
    else:
        form.body.data = note.body if note else ""
        form.version.data = note.version if note else 0
    status = 422 if form.errors else 200
    return render_template(page, form=form, note=note, result=result, save_url=url, conflicts=conflicts_of(note),
                           **context), status


def _answer(note: Note | None, form: NoteForm, result: SaveResult | None):
    if result is None:
        return answer.autosaved("note", "error", version=note.version if note else 0, kind=NOTE,
                                message=(list(form.errors.values()) or [[""]])[0][0])
    extra = ""
    if result.status == "conflict":
        extra = render_template("_text_conflicts.html", editor="note", oob=True, conflicts=conflicts_of(note),
                                version=note.version, label=NOTE.label)
    return answer.autosaved("note", result.status, version=note.version, kind=NOTE, saved_at=note.updated_at,
                            extra=extra)
