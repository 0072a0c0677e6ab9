"""Tests of the votes (handbook/meetings/votes/)."""
