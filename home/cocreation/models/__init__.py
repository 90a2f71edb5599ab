"""Co-creation's models: partner organisations and the content they own, language
assignments (``organisations``) and the review steps of the workflows (``tasks``, which
build on the organisation and permission rules, themselves built on ``organisations``)."""

from home.cocreation.models.organisations import (
    LocaleAssignment,
    OrganisationOwnedMixin,
    PartnerOrganisation,
    PartnerOrganisationQuerySet,
)
from home.cocreation.models.tasks import LocaleReviewTask, PartnerLeadReviewTask

__all__ = [
    "LocaleAssignment",
    "LocaleReviewTask",
    "OrganisationOwnedMixin",
    "PartnerLeadReviewTask",
    "PartnerOrganisation",
    "PartnerOrganisationQuerySet",
]
