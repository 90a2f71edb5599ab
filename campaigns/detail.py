"""Context for campaign and resource pages, assembled from ready pieces. Takes the page as
an argument and imports no model, so the page models import it at the top."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from campaigns.pledge import PledgeForm, pledge_summary
from campaigns.related import related_groups
from campaigns.sharing import json_ld, share_links, social_meta
from home.listing import Vocabulary

PARTNER_LOGO_FILTER = "max-160x80"


def _organisations(partners):
    return [
        {"@type": "Organization", "name": partner.name, "url": partner.website or None}
        for partner in partners
    ]


def campaign_detail_context(page, request):
    """Partners, taxonomy names, pledge, related content, sharing and structured data."""
    vocabulary = Vocabulary(page.locale)
    logos = get_image_model().objects.prefetch_renditions(PARTNER_LOGO_FILTER)
    partners = list(page.partners.all().prefetch_related(Prefetch("logo", queryset=logos)))
    meta = social_meta(request, page, page.hero_image, page.hero_image_alt)
    structured = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "description": page.card_summary,
        "url": meta["url"],
        "inLanguage": page.locale.language_code,
        "image": meta["image"] or None,
        "about": vocabulary.topic_names(page.topics.all()),
        "audience": [
            {"@type": "Audience", "audienceType": name}
            for name in vocabulary.audience_names(page.audiences.all())
        ],
        "startDate": page.start_date.isoformat() if page.start_date else None,
        "endDate": page.end_date.isoformat() if page.end_date else None,
        "contributor": _organisations(partners),
    }
    context = {
        "partners": partners,
        "topic_labels": vocabulary.topic_names(page.topics.all()),
        "audience_labels": vocabulary.audience_names(page.audiences.all()),
        "related_groups": related_groups(page),
        "share_links": share_links(meta["url"], page.title),
        "social": meta,
        "json_ld": json_ld({key: value for key, value in structured.items() if value}),
    }
    if page.has_pledge:
        context.update(
            {
                "pledge": pledge_summary(page),
                "pledge_form": PledgeForm(allow_organisations=page.pledge_allows_organisations),
                "pledged": request.GET.get("pledged") == "1",
            }
        )
    return context


def resource_detail_context(page, request):
    """Downloads, easy-read links, taxonomy names, sharing and structured data."""
    vocabulary = Vocabulary(page.locale)
    meta = social_meta(request, page, page.image, page.image_alt, kind="article")
    reviewed_by = None
    if page.reviewed_by_name:
        reviewed_by = {"@type": "Person", "name": page.reviewed_by_name}
        if page.reviewed_by_role:
            reviewed_by["jobTitle"] = page.reviewed_by_role
    structured = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "description": page.card_summary,
        "url": meta["url"],
        "inLanguage": page.locale.language_code,
        "image": meta["image"] or None,
        "learningResourceType": page.format_label,
        "timeRequired": f"PT{page.reading_time}M",
        "about": vocabulary.topic_names(page.topics.all()),
        "audience": [
            {"@type": "Audience", "audienceType": name}
            for name in vocabulary.audience_names(page.audiences.all())
        ],
        "datePublished": page.first_published_at.date().isoformat()
        if page.first_published_at
        else None,
        "reviewedBy": reviewed_by,
        "publisher": _organisations([page.organisation])[0] if page.organisation_id else None,
    }
    return {
        "documents": list(page.documents.all().select_related("document")),
        "easy_read": page.localized_easy_read(),
        "standard_version": page.standard_version() if page.is_easy_read else None,
        "topic_labels": vocabulary.topic_names(page.topics.all()),
        "audience_labels": vocabulary.audience_names(page.audiences.all()),
        "share_links": share_links(meta["url"], page.title),
        "social": meta,
        "json_ld": json_ld({key: value for key, value in structured.items() if value}),
    }
