"""Meetings in the members' calendars: one meeting as iCalendar and a personal subscription
feed behind a secret, revocable address (ical.py), and the reminders a day and an hour before
(reminders.py)."""
