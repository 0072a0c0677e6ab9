"""Good examples a member sees, one example with its photo, registering one, and the
committee's approval or return."""

import hashlib
import io

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.auth.permissions import admin_roots, managed_cells, require
from handbook.examples import bp, lists, registry
from handbook.examples import messages as msg
from handbook.examples.access import (
    can_review,
    get_reviewable_example_or_404,
    get_visible_example_or_404,
    register_orgs,
)
from handbook.examples.forms import ExampleForm, ReviewForm
from handbook.examples.photos import EXTENSIONS
from handbook.pager import requested_page
from handbook.storage import store

PER_PAGE = 20


@bp.get("/examples")
@login_required
def index():
    """The approved examples of the member's cell and the committees above it, newest first; for
    those who register or approve them, what is still waiting."""
    page = requested_page()
    rows, total = lists.visible_page(current_user, page, PER_PAGE)
    staff = bool(managed_cells(current_user) or admin_roots(current_user))
    return render_template("examples/index.html", rows=rows, page=page, pages=-(-total // PER_PAGE),
                           awaiting=lists.awaiting(current_user) if staff else [], staff=staff,
                           admin=bool(admin_roots(current_user)))


@bp.get("/examples/<int:example_id>")
@login_required
def show(example_id: int):
    example = get_visible_example_or_404(example_id)
    return render_template("examples/show.html", example=example, reviewer=can_review(current_user, example),
                           review_form=ReviewForm(formdata=None))


@bp.get("/examples/<int:example_id>/photo")
@login_required
def photo(example_id: int):
    """The photo, to whoever sees the example, as the type its bytes were checked to be."""
    example = get_visible_example_or_404(example_id)
    data = store.get(example.photo_key) if example.photo_key else None
    if data is None:
        abort(404)
    return send_file(io.BytesIO(data), mimetype=example.photo_type, max_age=0,
                     download_name=f"guong-{example.id}.{EXTENSIONS.get(example.photo_type, 'img')}",
                     etag=hashlib.sha256(example.photo_key.encode()).hexdigest()[:20], conditional=True)


def _example_form() -> ExampleForm:
    form = ExampleForm()
    form.org_id.choices = [(org.id, org.name) for org in register_orgs(current_user)]
    return form


@bp.route("/examples/new", methods=["GET", "POST"])
@login_required
def new():
    """A cell's secretary, or a committee's admin, registers who did what good thing, and when."""
    form = _example_form()
    require(bool(form.org_id.choices))
    if form.validate_on_submit() and (answer := act(
            lambda: registry.register(current_user, org_id=form.org_id.data, person=form.person.data,
                                      member=form.member.data, title=form.title.data,
                                      description=form.description.data, happened_on=form.happened_on.data,
                                      photo=request.files.get("photo")),
            form=form, field="title", ok=lambda example: msg.REGISTERED.format(title=example.title),
            done=lambda example: redirect(url_for("examples.show", example_id=example.id)))):
        return answer
    # A secretary picks from their cell's members; a committee types the card number.
    return render_template("examples/new.html", form=form, members=registry.led_members(current_user)), \
        422 if request.method == "POST" else 200


def _review(example_id: int, action, done: str):
    """The committee's review form (its note checked here), then `action(example, note)`."""
    example = get_reviewable_example_or_404(example_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        flash(msg.STALE_FORM if not form.errors.get("note") else form.errors["note"][0], "error")
        return redirect(url_for("examples.show", example_id=example.id))
    return act(lambda: action(example, form.note.data), ok=lambda _: done.format(title=example.title,
                                                                                   org=example.org.name),
               done=url_for("examples.show", example_id=example.id))


@bp.post("/examples/<int:example_id>/approve")
@login_required
def approve(example_id: int):
    """The committee approves: from now on the members of the subtree see it."""
    return _review(example_id, lambda example, note: registry.approve(example, current_user), msg.APPROVED)


@bp.post("/examples/<int:example_id>/return")
@login_required
def send_back(example_id: int):
    """The committee does not approve, and says why."""
    return _review(example_id, lambda example, note: registry.send_back(example, note, current_user),
                   msg.RETURNED)
