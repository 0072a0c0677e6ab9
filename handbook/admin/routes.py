"""Administration home and the organisation tree: create, rename, move, close, merge, split."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.admin import bp, lineage
from handbook.admin import messages as msg
from handbook.admin import orgs as service
from handbook.admin.access import admin_root, get_admin_org_or_404
from handbook.admin.forms import MergeForm, MoveOrgForm, OrgForm, RenameForm, SplitForm, options
from handbook.auth.permissions import admin_roots
from handbook.integers import chosen_id, id_or_none
from handbook.orgs import history
from handbook.timefmt import vn_date


@bp.get("/")
@login_required
def index():
    """Administration home: the subtrees this admin runs and the tools."""
    admin_root()  # refuses an `?org=` outside the admin's subtrees
    return render_template("admin/index.html", roots=admin_roots(current_user))


@bp.get("/orgs")
@login_required
def orgs():
    """The organisation tree of the admin's subtree."""
    root = admin_root()
    with_closed = request.args.get("closed") == "1"
    return render_template("admin/orgs.html", root=root, tree=service.subtree(root, with_closed),
                           with_closed=with_closed, closed_count=service.closed_below(root), form=OrgForm())


def _org_page(org, status=200, **forms):
    """The organisation's page: its children (closed ones on request), its past, and the forms."""
    parents = [(str(o.id), "— " * depth + o.name) for root in admin_roots(current_user)
               for o, depth in service.subtree(root)
               if o.kind != "cell" and not o.closed and not org.contains(o)]
    move = forms.pop("move", None) or MoveOrgForm(parent=str(org.parent_id or ""))
    move.parent.choices = options(parents)
    merge = forms.pop("merge", None) or MergeForm(prefix="merge", day=vn_date(history.today()))
    merge.target.choices = options([("", "— Chọn —")] + [
        (str(o.id), "— " * depth + o.name) for o, depth in lineage.merge_targets(org, current_user)])
    split = forms.pop("split", None) or SplitForm(prefix="split", day=vn_date(history.today()))
    split.parts.choices = options(lineage.split_parts(org))
    with_closed = request.args.get("closed") == "1"
    return render_template("admin/org.html", org=org, tree=service.subtree(org, with_closed), with_closed=with_closed,
                           closed_count=service.closed_below(org), add=forms.pop("add", OrgForm()),
                           rename=forms.pop("rename", RenameForm(name=org.name)), move=move, merge=merge,
                           split=split, names=history.past_names(org), links=history.links_of(org),
                           since=service.last_change(org)), status


@bp.get("/orgs/<int:org_id>")
@login_required
def org(org_id):
    """One organisation: its children and the changes an admin can make."""
    return _org_page(get_admin_org_or_404(org_id))


@bp.post("/orgs/<int:org_id>/children")
@login_required
def add_child(org_id):
    """Creates an organisation or cell under this one."""
    parent = get_admin_org_or_404(org_id)
    form = OrgForm()
    if form.validate_on_submit() and (answer := act(
            lambda: service.add_org(" ".join(form.name.data.split()), form.kind.data, parent,
                                    valid_from=form.valid_from.cleaned),
            form=form, field="name", ok=lambda child: msg.ORG_CREATED.format(name=child.name),
            done=url_for("admin.org", org_id=parent.id))):
        return answer
    return _org_page(parent, 422, add=form)


@bp.post("/orgs/<int:org_id>/rename")
@login_required
def rename(org_id):
    """Renames an organisation from a day (today by default); the old name stays for the days before."""
    org = get_admin_org_or_404(org_id)
    form = RenameForm()
    if form.validate_on_submit() and (answer := act(
            lambda: service.rename_org(org, " ".join(form.name.data.split()), form.day.cleaned),
            form=form, field="name", ok=msg.ORG_RENAMED, done=url_for("admin.org", org_id=org.id))):
        return answer
    return _org_page(org, 422, rename=form)


@bp.post("/orgs/<int:org_id>/move")
@login_required
def move(org_id):
    """Moves an organisation, with everything under it, to another parent in the subtree."""
    org = get_admin_org_or_404(org_id)
    form = MoveOrgForm()
    if id_or_none(form.parent.data) is None:
        form.parent.errors = [msg.CHOOSE_PARENT]
    elif form.validate_on_submit() and (answer := act(
            lambda: service.move_org(org, get_admin_org_or_404(form.parent.data), current_user),
            form=form, field="parent", ok=msg.ORG_MOVED, done=url_for("admin.org", org_id=org_id))):
        return answer
    return _org_page(org, 422, move=form)


@bp.post("/orgs/<int:org_id>/close")
@login_required
def close(org_id):
    """Closes (or reopens) an organisation; its records stay."""
    org = get_admin_org_or_404(org_id)
    return act(lambda: service.reopen_org(org) if org.closed else service.close_org(org, current_user),
               ok=lambda _: msg.ORG_REOPENED if not org.closed else msg.ORG_CLOSED,
               done=url_for("admin.org", org_id=org_id))


@bp.post("/orgs/<int:org_id>/merge")
@login_required
def merge(org_id):
    """Merges this organisation into another from a day: first the summary, then (confirmed) the merge."""
    source = get_admin_org_or_404(org_id)
    form = MergeForm(prefix="merge")
    if id_or_none(form.target.data) is None:
        form.target.errors = [msg.CHOOSE_TARGET]
        form.validate_on_submit()  # the day's own message too
        return _org_page(source, 422, merge=form)
    if form.validate_on_submit():
        target = get_admin_org_or_404(form.target.data)

        def merge_or_plan():
            change = lineage.plan_merge(source, target, form.day.cleaned, current_user)
            if confirmed:
                lineage.merge(change, current_user)
            return change

        # First the summary (a plan only reads), then, confirmed, the merge.
        confirmed = form.confirm.data == "1"
        answer = act(merge_or_plan, form=form, field="target",
                     ok=lambda change: confirmed and msg.ORG_MERGED.format(source=source.name, target=target.name,
                                                                           day=vn_date(change.day)),
                     done=lambda change: redirect(url_for("admin.org", org_id=target.id)) if confirmed
                     else render_template("admin/org_change.html", change=change, form=form))
        if answer:
            return answer
    return _org_page(source, 422, merge=form)


@bp.post("/orgs/<int:org_id>/split")
@login_required
def split(org_id):
    """Splits off a new organisation beside this one, taking the chosen members or children."""
    source = get_admin_org_or_404(org_id)
    form = SplitForm(prefix="split")
    if form.validate_on_submit():
        name = " ".join(form.name.data.split())

        def split_or_plan():
            change = lineage.plan_split(source, name, form.day.cleaned, [chosen_id(p) for p in form.parts.data],
                                        current_user)
            return change, lineage.split(change, current_user) if confirmed else None

        # First the summary (a plan only reads), then, confirmed, the split.
        confirmed = form.confirm.data == "1"
        answer = act(split_or_plan, form=form, field="parts",
                     ok=lambda done: confirmed and msg.ORG_SPLIT.format(name=done[1].name, source=source.name,
                                                                        day=vn_date(done[0].day)),
                     done=lambda done: redirect(url_for("admin.org", org_id=done[1].id)) if confirmed
                     else render_template("admin/org_change.html", change=done[0], form=form))
        if answer:
            return answer
    return _org_page(source, 422, split=form)
