"""Model cells: the committee registers cells with targets and sees how each stands."""

from flask import render_template, request, url_for
from flask_login import current_user, login_required

from handbook.actions import act
from handbook.integers import bounded_int
from handbook.year import bp, model_cells
from handbook.year import messages as msg
from handbook.year.access import get_overseen_org_or_404, this_year
from handbook.year.forms import ModelCellForm


@bp.route("/year/model-cells", methods=["GET", "POST"])
@login_required
def model_cells_page():
    """The registered model cells of the admin's organisation, and the form to register one."""
    org = get_overseen_org_or_404(request.args.get("org", type=bounded_int))
    cells = model_cells.cells_under(org)
    form = ModelCellForm()
    form.cell_id.choices = [(c.id, c.name) for c in cells]
    if request.method == "GET":
        form.start_year.data = form.end_year.data = this_year()
    elif form.validate_on_submit():
        chosen = next((c for c in cells if c.id == form.cell_id.data), None)
        targets = {name: form[name].data for name in model_cells.TARGETS}
        answer = act(lambda: model_cells.register(chosen, form.start_year.data, form.end_year.data, targets,
                                                  form.criteria.data, current_user),
                     form=form, field="cell_id", ok=lambda _: msg.MODEL_REGISTERED.format(cell=chosen.name),
                     done=url_for("year.model_cells_page", org=org.id))
        if answer:
            return answer
    entries = model_cells.registrations(org)
    year = this_year()
    return render_template("year/model_cells.html", org=org, form=form, entries=entries, year=year,
                           standing=model_cells.standing(entries, year) if entries else {}), 422 if form.errors else 200
