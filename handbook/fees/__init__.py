"""Party fees (đảng phí) by Quy định 01-QĐ/TW: each member's monthly record, the treasurer's
one-screen month for the cell, the cell's report to the committee, the three-unpaid-months flag
and the member's reminder. It records and reminds; it takes no payment."""

from flask import Blueprint

from handbook.fees.rates import parse_table

bp = Blueprint("fees", __name__)

# Nothing of fees is imported by other features: it offers itself through hooks.py.
PUBLIC: tuple[str, ...] = ()


@bp.record_once
def _read_table(state) -> None:
    """The fee table with the deployment's FEE_RATES; a wrong entry stops the start here."""
    state.app.extensions["fee_table"] = parse_table(state.app.config.get("FEE_RATES", ""))


from handbook.fees import hooks, routes, routes_report  # noqa: E402,F401
