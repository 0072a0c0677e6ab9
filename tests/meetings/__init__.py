"""Tests of the meetings feature, one folder per part of it (handbook/meetings/<part>/)."""
