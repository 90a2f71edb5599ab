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

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPageQuerySet",
    "CampaignRelatedPage",
]
