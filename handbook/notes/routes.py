"""Note editors (on a meeting, on a library section), history and restore."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.conditional import conditional
from handbook.editing.answer import resolve_view
from handbook.extensions import db
from handbook.library.access import get_visible_section_or_404
from handbook.meetings.access import get_visible_meeting_or_404, seen_params
from handbook.notes import bp
from handbook.notes import messages as msg
from handbook.notes.access import find_own_note, get_own_note_or_404, get_own_revision_or_404
from handbook.notes.editor import edit_note, note_form, quick_save
from handbook.notes.forms import RestoreForm
from handbook.notes.links import note_url
from handbook.notes.service import NOTE, keep_set_aside, new_note, restore_revision
from handbook.notes.validators import meeting_note_page
from handbook.timefmt import vn_datetime


@bp.after_request
def never_cache(response):
    """Notes are private: no browser or proxy may keep a copy for the Back button."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


@bp.route("/meetings/<int:meeting_id>/note", methods=["GET", "POST"])
@conditional(meeting_note_page)  # GET: 304 while the meeting and the note are unchanged
@login_required  # inside: a revisit answered 304 needs only the session checked (conditional.member)
def meeting_note(meeting_id: int):
    """The current member's own note for a meeting, beside its agenda."""
    form, url = note_form(), url_for("notes.meeting_note", meeting_id=meeting_id)
    # An autosave checks who sees the meeting inside its own UPDATE: no read of the meeting.
    if request.method == "POST" and (quick := quick_save(form, ("meeting", meeting_id), url,
                                                         seen_params(current_user, meeting_id))):
        return quick
    meeting = get_visible_meeting_or_404(meeting_id)
    return edit_note(
        form=form,
        target=("meeting", meeting.id),
        find=lambda: find_own_note(meeting_id=meeting.id),
        create=lambda: new_note(current_user.id, meeting=meeting),
        page="notes/meeting_note.html",
        url=url,
        meeting=meeting,
        note_key=f"meeting-{meeting.id}",
    )


@bp.route("/library/<slug>/sections/<anchor>/note", methods=["GET", "POST"])
@login_required
def section_note(slug: str, anchor: str):
    """The current member's own note on one article (section) of a document."""
    section = get_visible_section_or_404(slug, anchor)  # a note only on what one may read
    form, url = note_form(), url_for("notes.section_note", slug=slug, anchor=anchor)
    if request.method == "POST" and (quick := quick_save(form, ("section", section.id), url)):
        return quick
    return edit_note(
        form=form,
        target=("section", section.id),
        find=lambda: find_own_note(section_id=section.id),
        create=lambda: new_note(current_user.id, section=section),
        page="notes/section_note.html",
        url=url,
        section=section,
        note_key=f"section-{section.id}",
    )


@bp.get("/notes/<int:note_id>/history")
@login_required
def history(note_id: int):
    """Kept texts of one of the member's notes, newest first, each restorable."""
    note = get_own_note_or_404(note_id)
    return render_template("notes/history.html", note=note, form=RestoreForm())


@bp.post("/notes/<int:note_id>/conflicts/<int:revision_id>")
@login_required
def resolve(note_id: int, revision_id: int):
    """Two devices saved different texts: keep this device's, the other's, or both."""
    note = get_own_note_or_404(note_id)
    # The id is the kept text's in the shared conflict store (handbook/editing).
    return resolve_view(NOTE, note, revision_id, note_url(note),
                        keep=lambda set_aside, choice: keep_set_aside(note, set_aside, choice))


@bp.post("/notes/<int:note_id>/revisions/<int:revision_id>/restore")
@login_required
def restore(note_id: int, revision_id: int):
    """Make a kept text current again; the replaced text is kept in turn."""
    note = get_own_note_or_404(note_id)
    revision = get_own_revision_or_404(note, revision_id)
    if not RestoreForm().validate_on_submit():
        return redirect(url_for("notes.history", note_id=note.id))
    restore_revision(note, revision)
    db.session.commit()
    flash(msg.RESTORED.format(time=vn_datetime(revision.created_at)), "success")
    return redirect(note_url(note))

