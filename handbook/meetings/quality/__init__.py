"""A meeting's quality by the party's guidance (service.py): the criteria met or not, members
absent three times in a row, the cell's self-assessment.

What other features may call, and nothing else of the part: `checks(meeting)` for one meeting,
`month_summary(cell_ids, start, end)` for cells and a month (the committee's dashboard, model
cells), whose values are `CellQuality`.
"""

from handbook.meetings.quality.service import CellQuality, checks, month_summary

# Reached only through the names above (tests/import_contracts.py reads this).
PUBLIC = ()
__all__ = ["CellQuality", "checks", "month_summary"]
