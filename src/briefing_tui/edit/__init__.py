"""Checking a briefing: edits to its annotations, and saving them without losing a word.

Pure (no textual). Placeholder docstring; the API summary is below in the final version.
"""
