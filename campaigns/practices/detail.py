"""Context for a practice page, assembled from ready pieces. Takes the page as an argument
and imports no model, so the page model imports it at the top."""

from home.linked_pages import localized_pages
from home.listing import Vocabulary
from home.listing.taxonomy import linked_terms


def group_by_kind(pages):
    """[(kind's plural name, [pages])] of ``pages`` grouped by their page type, in the
    order of their first appearance (the type comes from the content-type cache)."""
    groups = {}
    for page in pages:
        model = page.specific_class or type(page)
        groups.setdefault(model._meta.verbose_name_plural, []).append(page)
    return list(groups.items())


def practice_detail_context(page, request):
    """The case studies, topic names, organisations and related pages of ``page``, in a
    fixed number of queries however many there are."""
    preview = getattr(request, "is_preview", False)
    topics = linked_terms(page, ("topics",), preview).get("topics", [])
    links = page.related_links.all() if preview else page.related_links.select_related("page")
    related = [link.page for link in links if link.page_id]
    return {
        "topic_labels": Vocabulary(page.locale).topic_names(topics),
        "case_studies": list(page.case_studies.all())
        if preview
        else list(page.case_studies.select_related("organisation")),
        "organisations": list(page.organisations.all()),
        "related_groups": group_by_kind(localized_pages(related, page.locale)),
    }
