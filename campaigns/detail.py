"""Context for campaign and resource pages, assembled from ready pieces. Takes the page as
an argument and imports no model, so the page models import it at the top."""

from django.db.models import Q

from campaigns.pledge import PledgeForm, pledge_summary
from home import registry
from home.listing import Vocabulary, first
from home.listing.taxonomy import linked_terms
from home.querysets import with_renditions
from home.seo import canonical_url
from home.sharing import json_ld, share_picture

PARTNER_LOGO_FILTER = "max-160x80"
# Related events leave the campaign page as they end: their choice is kept this long.
RELATED_SECONDS = 5 * 60


def _organisations(partners):
    return [
        {"@type": "Organization", "name": partner.name, "url": partner.website or None}
        for partner in partners
    ]


def _terms(page, vocabulary, request):
    """The page's topic and audience names in the reader's language, and the slugs of
    its published topics (one query; none in a preview, see ``linked_terms``)."""
    preview = getattr(request, "is_preview", False)
    terms = linked_terms(page, ("topics", "audiences"), preview)
    topics = terms.get("topics", [])
    return (
        vocabulary.topic_names(topics),
        vocabulary.audience_names(terms.get("audiences", [])),
        [term.slug for term in topics if term.live],
    )


def campaign_detail_context(page, request):
    """Partners, taxonomy names, pledge, related content, sharing and structured data."""
    vocabulary = Vocabulary(page.locale)
    partners = list(with_renditions(page.partners.all(), "logo", PARTNER_LOGO_FILTER))
    topic_labels, audience_labels, topic_slugs = _terms(page, vocabulary, request)
    url = canonical_url(request, page)
    structured = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "description": page.card_summary,
        "url": url,
        "inLanguage": page.locale.language_code,
        "image": share_picture(request, page)["url"],
        "about": topic_labels,
        "audience": [{"@type": "Audience", "audienceType": name} for name in audience_labels],
        "startDate": page.start_date.isoformat() if page.start_date else None,
        "endDate": page.end_date.isoformat() if page.end_date else None,
        "contributor": _organisations(partners),
    }
    context = {
        "partners": partners,
        "topic_labels": topic_labels,
        "audience_labels": audience_labels,
        # Called by the template only when its shared fragment must be rendered.
        "related_groups": lambda: related_groups(
            page, topic_slugs, cache=not getattr(request, "is_preview", False)
        ),
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
    topic_labels, audience_labels, _slugs = _terms(page, vocabulary, request)
    url = canonical_url(request, page)
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
        "url": url,
        "inLanguage": page.locale.language_code,
        "image": share_picture(request, page)["url"],
        "learningResourceType": page.format_label,
        "timeRequired": f"PT{page.reading_time}M",
        "about": topic_labels,
        "audience": [{"@type": "Audience", "audienceType": name} for name in audience_labels],
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
        "topic_labels": topic_labels,
        "audience_labels": audience_labels,
        "json_ld": json_ld({key: value for key, value in structured.items() if value}),
    }


def _related_filter(model, campaign, topic_slugs):
    """A Q matching pages of ``model`` that share a topic with, or belong to, ``campaign``."""
    condition = Q()
    campaign_model = campaign._meta.concrete_model
    for field in model._meta.get_fields():
        if field.many_to_many and field.name == "topics" and topic_slugs:
            condition |= Q(topics__slug__in=topic_slugs)
        elif (
            field.many_to_one
            and field.concrete
            and field.related_model is not None
            and issubclass(field.related_model, campaign_model)
        ):
            # Links to any language version of the campaign count.
            condition |= Q(**{f"{field.name}__translation_key": campaign.translation_key})
    return condition


def related_groups(campaign, topic_slugs=None, cache=True):
    """[(verbose name plural, [pages])] for the campaign's related content: what an editor
    picked by hand, or else live pages in the same language that share a topic with it or
    point at it (a story or event's campaign); ``topic_slugs``: the campaign's published
    topics, when already known. Which pages they are is kept in the cache (a publication
    renews it) unless ``cache`` is false (a preview shows unsaved choices)."""
    hand_picked = [
        link.page for link in campaign.related_pages.all().select_related("page") if link.page_id
    ]
    if hand_picked:
        pages = []
        for page in hand_picked:
            localized = page.specific.localized
            if localized.live:
                pages.append(localized)
        return [(None, pages)] if pages else []

    if topic_slugs is None:
        topic_slugs = campaign.topic_slugs
    groups = []
    for kind in registry.related_kinds.values():
        model = kind["model"]
        condition = _related_filter(model, campaign, topic_slugs)
        if not condition:
            continue
        matching = model.objects.filter(condition).values("pk")
        queryset = (
            model.objects.live()
            .public()
            .filter(locale_id=campaign.locale_id, pk__in=matching)
            .exclude(pk=campaign.pk)
        )
        order = getattr(queryset, kind["ordering"], None) if kind["ordering"] else None
        queryset = order() if callable(order) else queryset.order_by("-first_published_at")
        key = ("related", campaign.pk, model._meta.label_lower) if cache else None
        pages = first(
            queryset, kind["limit"], key=key, timeout=RELATED_SECONDS, rows=model.objects.all()
        )
        if pages:
            groups.append((model._meta.verbose_name_plural, pages))
    return groups
