"""Tests of the agenda builder and publishing (handbook/meetings/agenda/)."""
