"""The ingestion assistant: store an article as a seed and draft candidate rows for review."""

RULES_VERSION = "1"
DRAFT_COLUMNS = ("relation_hint", "review", "drafted_by")
REVIEW_STATES = ("draft", "accepted", "rejected")
