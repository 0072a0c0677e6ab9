"""The agenda: planned from a ready-made structure (standard.py), built item by item with linked
library sections (service.py, editor.py, sections.py), published to the cell's members, changed
afterwards as versions they are told of, or cancelled."""

from handbook.meetings.agenda.service import plan_meeting  # noqa: E402

# What other features may call, and nothing else of the part: `plan_meeting` plans a draft
# meeting of a cell (the study programmes plan their sessions with it). Reached only through the
# names above (tests/import_contracts.py reads this).
PUBLIC = ()
__all__ = ["plan_meeting"]
