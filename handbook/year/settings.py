"""The year's settings as its rules use them (README, Configuration), and today's date in
Vietnam: one place to read them, and to check them when the app starts."""

from datetime import date

from flask import current_app

from handbook.models_base import utcnow
from handbook.timefmt import to_vn
from handbook.year import scoring


def check(app) -> None:
    """A wrong setting stops the start, naming itself, rather than a rating page later."""
    scoring.parse_weights(app.config["YEAR_SCORE_WEIGHTS"])
    scoring.parse_months(app.config["YEAR_REVIEW_MONTHS"])


def today() -> date:
    return to_vn(utcnow()).date()


def weights() -> dict[str, int]:
    return scoring.parse_weights(current_app.config["YEAR_SCORE_WEIGHTS"])


def cap_percent() -> int:
    return current_app.config["YEAR_EXCELLENT_CAP_PERCENT"]


def good_needs_all_on_time() -> bool:
    return bool(current_app.config["YEAR_GOOD_NEEDS_ALL_ON_TIME"])


def review_months() -> tuple[int, ...]:
    return scoring.parse_months(current_app.config["YEAR_REVIEW_MONTHS"])


def in_season() -> bool:
    """Whether members are writing their year-end self-reviews now."""
    return scoring.in_season(today(), review_months())


def year_under_review() -> int:
    return scoring.review_year(today(), review_months())


def level_for(score, late_share, beyond_share) -> str:
    return scoring.level_for(score, late_share, beyond_share, good_needs_all_on_time=good_needs_all_on_time())
