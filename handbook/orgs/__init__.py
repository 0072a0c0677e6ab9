"""The organisation tree (committee → base organisation → cell) and what it was on any day.

Since 1 July 2025 (Quy định 294-QĐ/TW of 26/05/2025; Nghị quyết 202/2025/QH15) there is no
district level: commune committees sit directly under the province, the provincial bloc
committees are closed, and each province has "Đảng bộ các cơ quan Đảng tỉnh" and "Đảng bộ UBND
tỉnh" (Hướng dẫn 31-HD/BTCTW, 23/04/2025). Organisations are merged, split and renamed, and the
records must keep the names of their time. How the tree keeps its past:

- One row per organisation for its whole life. `valid_from`/`valid_to` bound it ([from, to));
  `closed` is set with `valid_to`, so every picker and list of what works today stays one filter.
- Records never move. A meeting, its minutes, a rating, a fee record keep pointing at the cell
  that held them; a merged-away cell stays in the tree (closed), so its records are found where
  they always were and each counts once: the surviving cell's figures start at the merge.
- What a row says today is kept for the past beside it: `OrganizationName` (a former name until
  the day the next took effect), `OrganizationParent` (a former superior until a move or merge).
  `history.name_on(org, day)` and `parent_on` answer for a day; pages printing a record ask them
  with the record's day, pages for finding one's way use today's name.
- `OrganizationLink` is the lineage: A merged into B, or C split from A, on a day.
- A merge of A into B (handbook/admin/lineage.py) moves what lives on: a cell's members (their
  membership history names the merge), or an organisation's children under B (with their
  records, since records follow their cell). Subtree figures follow today's tree.
"""

# What other features may import (tests/test_layering.py holds everyone to it); the rest
# of the package is its own.
PUBLIC = ("models", "queries", "history")
