"""Who comes: members' answers (RSVP), read receipts, self check-in with a short code, and the
secretary's attendance list and overview (service.py, routes.py)."""
