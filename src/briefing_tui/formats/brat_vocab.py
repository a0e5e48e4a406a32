"""The words brat annotations use for what a briefing holds, shared by the import and the export:
entity types both ways, the events that report a claim and their roles, and the notes an export
writes on a claim."""

from __future__ import annotations

import re

from briefing_tui.model.types import Rating

TYPE_TO_BRIEFING = {
    "person": "person", "per": "person",
    "organization": "organisation", "organisation": "organisation", "org": "organisation",
    "location": "place", "loc": "place", "gpe": "place", "geo-political_entity": "place", "place": "place",
    "date": "date", "time": "date", "timex": "date", "timex3": "date",
    "event": "event", "other": "other", "misc": "other",
}  # fmt: skip
BRIEFING_TO_TYPE = {
    "person": "Person", "organisation": "Organization", "place": "Location",
    "date": "Date", "event": "Event", "other": "Other",
}  # fmt: skip
REPORT_TYPES = {
    "report", "reporting", "say", "saying", "statement", "state", "announce", "announcement", "claim",
    "declare", "declaration", "tell", "communicate", "communication", "speech", "quote", "assert",
}  # fmt: skip
REPORTER_ROLES = {"agent", "speaker", "reporter", "source", "sayer", "communicator", "arg0", "entity"}
REPORTED_ROLES = {"report", "reported", "message", "content", "theme", "topic", "event", "statement", "arg1"}
CLAIM_TYPE = "Claim"
DATE_ROLES = {"time", "date", "time-within", "when"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RATING_VALUES = {r.value for r in Rating}
CLAIM_NOTES = ("Gloss", "VerdictExplanation", "BriefingId")
"""Note kinds an export writes on a claim for the briefing fields brat has no place for."""


def find_role(roles: list[str], wanted: set[str]) -> int | None:
    """The index of the first role in ``wanted`` (``Agent2`` counts as ``agent``), or None."""
    return next((i for i, r in enumerate(roles) if r.rstrip("0123456789").lower() in wanted), None)
