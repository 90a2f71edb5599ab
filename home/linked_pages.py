"""Pages an editor linked to (related resources, a working group's meetings), shown in the
reader's language. Home core: it imports no app.

wagtail-localize copies links to pages unchanged into translations, so a French page links
to the English pages it was translated from. Readers see each linked page's live
translation in their language where there is one, else the linked page itself while it is
live: two queries for a whole list, however long, instead of one per link."""

from wagtail.models import Page

from home.restrictions import private_q


def localized_map(pages, locale):
    """{pk: the page as readers of ``locale`` see it, or None} for each of ``pages`` (any
    Page objects): its live, public translation into ``locale``, else the page itself if
    it is live and public, else None. Two queries however many pages."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    visible = Page.objects.live().exclude(private_q())
    translated = {
        page.translation_key: page
        for page in visible.filter(
            translation_key__in={page.translation_key for page in pages}, locale_id=locale.pk
        )
    }
    shown = set(visible.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))
    return {
        page.pk: translated.get(page.translation_key) or (page if page.pk in shown else None)
        for page in pages
    }


def localized_pages(pages, locale, shown=None):
    """``pages`` (in order, duplicates dropped) as readers of ``locale`` see them (see
    ``localized_map``; ``shown``: that map when already made), leaving out those they
    cannot see."""
    shown = localized_map(pages, locale) if shown is None else shown
    result, seen = [], set()
    for page in pages:
        local = shown.get(page.pk) if page is not None else None
        if local is not None and local.pk not in seen:
            seen.add(local.pk)
            result.append(local)
    return result
