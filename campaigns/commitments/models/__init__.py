"""Commitments: an organisation's commitment to a campaign's shared commitment and its
action plan (one module per page type, re-exported here)."""

from campaigns.commitments.models.index import CommitmentIndexPage
from campaigns.commitments.models.inline import CommitmentAction, CommitmentUpdate
from campaigns.commitments.models.plan import CommitmentPage, CommitmentPageQuerySet

__all__ = [
    "CommitmentAction",
    "CommitmentIndexPage",
    "CommitmentPage",
    "CommitmentPageQuerySet",
    "CommitmentUpdate",
]
