"""Tests of a meeting's quality (handbook/meetings/quality/)."""
