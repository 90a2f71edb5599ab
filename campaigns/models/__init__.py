"""Campaign pages, the literacy resource library and campaign pledges.

One module per page type (see CONVENTIONS.md §1); everything is re-exported here so other
apps can refer to "campaigns.CampaignPage" and import from campaigns.models.
"""

from campaigns.models.campaign import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPageQuerySet,
    CampaignRelatedPage,
)
from campaigns.models.pledge import PledgeSignature
from campaigns.models.resource import (
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageQuerySet,
)

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPageQuerySet",
    "CampaignRelatedPage",
    "PledgeSignature",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageQuerySet",
]
