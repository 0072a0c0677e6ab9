"""The minutes (biên bản): the autosaved draft and its builder (service.py, builder.py, page.py),
the chair's and note-taker's signatures bound to one revision's content (signoff.py, digest.py),
the size caps (size.py) and the minutes book's print and PDF (book.py)."""
