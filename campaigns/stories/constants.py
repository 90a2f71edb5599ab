"""Vocabularies and limits shared by the story models, forms and the lifecycle. Imports no
models, so any module of the app can use it without an import circle."""

from django.db import models
from django.utils.translation import gettext_lazy as _

STORY_TEXT_MAX_CHARS = 8000
STORY_TITLE_MAX_CHARS = 120
STORIES_PER_PAGE = 12

CONTENT_NOTE_CHOICES = [
    ("suicide", _("Suicide")),
    ("self-harm", _("Self-harm")),
    ("eating-disorders", _("Eating disorders")),
    ("abuse", _("Abuse or violence")),
    ("substance-use", _("Substance use")),
    ("trauma", _("Trauma")),
    ("hospitalisation", _("Hospital or compulsory treatment")),
]
CONTENT_NOTE_LABELS = dict(CONTENT_NOTE_CHOICES)

AGE_RANGE_CHOICES = [
    ("16-24", _("16–24")),
    ("25-34", _("25–34")),
    ("35-44", _("35–44")),
    ("45-54", _("45–54")),
    ("55-64", _("55–64")),
    ("65+", _("65 or over")),
]


class ContributorState(models.TextChoices):
    """Where a story stands, as its contributor sees it on their status page."""

    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_SUGGESTED = "changes_suggested", _("Changes suggested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


CLOSED_STATES = {ContributorState.DECLINED, ContributorState.WITHDRAWN, ContributorState.EXPIRED}
# The contributor may still edit their story in these states.
EDITABLE_STATES = {
    ContributorState.RECEIVED,
    ContributorState.IN_REVIEW,
    ContributorState.CHANGES_SUGGESTED,
}

# Audit-log actions of the story flow (registered in wagtail_hooks).
WITHDRAW_ACTION = "stories.withdraw"
CONTRIBUTOR_EDIT_ACTION = "stories.contributor_edit"
PUBLICATION_HELD_ACTION = "stories.publication_held"
# Subject access (subject_access.py): the contributor's download, a story moderator's
# export and erasure on request. Their entries name the record, never its contents.
DATA_DOWNLOAD_ACTION = "stories.data_download"
DATA_EXPORT_ACTION = "stories.data_export"
DATA_ERASE_ACTION = "stories.data_erase"
ERASE_ACTION = "stories.erase"


class ErasureReason(models.TextChoices):
    """Why a story was erased (kept in the audit entry and the erasure ledger)."""

    WITHDRAWN = "withdrawn", _("Withdrawn by its contributor")
    DECLINED = "declined", _("Not published, after the retention period")
    EXPIRED = "expired", _("Changes suggested but never made, after the expiry period")
