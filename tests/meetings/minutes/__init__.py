"""Tests of the minutes (handbook/meetings/minutes/)."""
