"""One autosaving editor for every text a member or secretary writes (notes, the commitment,
the self-review, the minutes, and whatever comes next).

A text kind is registered once (`kinds.register(TextKind(...))`): its name, what it is called
in Vietnamese, how to read its texts from the row and put chosen ones back. Everything else is
shared:

- the versioned save (`store.save`): the row's version guard (handbook/versioning.py), and a
  save typed on an older version keeps its texts in the one conflict store (`models.TextConflict`)
  beside the stored ones, for the writer to choose later: keep mine, keep the other, keep both
  (`store.resolve`);
- the answer protocol (`answer.autosaved`): every autosave is answered 200 with the status
  fragment (`templates/_text_status.html`, swapped out of band) and an `HX-Trigger` event
  `{"text-saved": {"version": n, "status": "saved" | "unchanged" | "conflict" | "error"}}`
  that static/js/editor.js reads to keep or drop the device's draft. No custom header, no 4xx
  for a conflict: htmx 2 swaps 200 only, and a conflict is an answer, not a failure;
- the form partial (`templates/_editor.html`) and the device drafts (static/js/editor.js).
"""

PUBLIC = ("models", "kinds", "store", "answer")
