"""Tests of the resolution's tasks (handbook/meetings/tasks/)."""
