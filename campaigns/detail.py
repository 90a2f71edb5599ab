"""Context for campaign detail pages."""


def campaign_detail_context(page, request):
    """Extra context for a campaign page."""
    return {}
