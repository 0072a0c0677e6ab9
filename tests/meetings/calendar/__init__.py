"""Tests of the calendar files, the feed and the reminders (handbook/meetings/calendar/)."""
