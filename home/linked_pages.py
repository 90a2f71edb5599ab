"""Pages an editor linked to (related resources, a working group's meetings), shown in the
reader's language. Home core: it imports no app.

wagtail-localize copies links to pages unchanged into translations, so a French page links
to the English pages it was translated from. Readers see each linked page's live
translation in their language where there is one, else the linked page itself while it is
live: two queries for a whole list, however long, instead of one per link."""

from wagtail.models import Page

from home.restrictions import private_q


def localized_pages(pages, locale):
    """``pages`` (any Page objects, in order, duplicates dropped) as readers of ``locale``
    see them: each one's live, public translation into ``locale``, else the page itself if
    it is live and public; pages with neither are left out."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    keys = {page.translation_key for page in pages}
    visible = Page.objects.live().exclude(private_q())
    translated = {
        page.translation_key: page
        for page in visible.filter(translation_key__in=keys, locale_id=locale.pk)
    }
    shown_ids = set(visible.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))
    result, seen = [], set()
    for page in pages:
        local = translated.get(page.translation_key)
        if local is None and page.pk in shown_ids:
            local = page
        if local is not None and local.pk not in seen:
            seen.add(local.pk)
            result.append(local)
    return result
