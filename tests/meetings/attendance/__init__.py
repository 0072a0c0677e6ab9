"""Tests of answers, read receipts, check-in and attendance (handbook/meetings/attendance/)."""
