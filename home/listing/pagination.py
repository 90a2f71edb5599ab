"""Pagination for every listing and for site search."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page):
    """Return the requested page of ``items`` (``?page=``); a bad or out-of-range number
    gives page 1 or the last page, never an error."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages if str(number).lstrip("-").isdigit() else 1)
