"""The home page's cards in one order, by name: each feature's `home_panels` receiver answers
a `HomePanel` named here (tests/test_home_order.py holds every name to this list).

What a member must act on comes first (the committee's overview for its admins, the next
meeting, the year's review, the fee due), then what waits for them or for those they answer
(tasks, questions, examples to approve, quizzes, study), then reading and their own notes;
the hint to keep the app on the phone is last."""

HOME_ORDER = (
    "committee",      # admin: the subtree's last month, for a committee's admins
    "next_meeting",   # meetings: the next meeting and the member's answer
    "year",           # year: the self-review when it is due
    "fee_reminder",   # fees: this month's fee not yet recorded
    "fee_cells",      # fees: the cells' month, for treasurers, secretaries and deputies
    "tasks",          # meetings: the resolution's tasks the member carries
    "questions",      # voice: questions waiting for an answer
    "examples",       # examples: good examples waiting for the committee's approval
    "quizzes",        # quiz: open quizzes the member has not taken
    "study",          # study: what the member is studying
    "reading",        # library: documents the member is asked to read
    "notes",          # notes: the member's most recent notes
    "install_hint",   # offline: keeping the app on the phone (shown by the page's script)
)
_PLACE = {name: place for place, name in enumerate(HOME_ORDER)}


def in_home_order(panels: list) -> list:
    """The cards in HOME_ORDER; a card whose name is not there goes last (in the order answered)."""
    return sorted(panels, key=lambda panel: _PLACE.get(getattr(panel, "name", None), len(HOME_ORDER)))
