"""The resolution's tasks (service.py): planned in the minutes, followed up by their owners,
reviewed at the next meeting, listed under "Việc của tôi".

What other features may call, and nothing else of the part: `year_tasks(user, year, on)`, a
member's tasks due in a year as they stand, and `done_on_time(user, year)`.
"""

from handbook.meetings.tasks.service import YearTasks, done_on_time, year_tasks

# Reached only through the names above (tests/import_contracts.py reads this).
PUBLIC = ()
__all__ = ["YearTasks", "done_on_time", "year_tasks"]
