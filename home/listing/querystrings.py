"""Query strings of listings: reading the reader's filters safely and writing links that
keep them (pagination, "remove this filter", date shortcuts, feeds)."""

from django.utils.http import urlencode

# A search query is cut to this length before it reaches the search backend.
SEARCH_QUERY_MAX_LENGTH = 200
EMPTY = (None, "")


def clean_query(value):
    """A search query safe to hand to the search backend: no NUL, bounded length."""
    return (value or "").replace("\x00", "").strip()[:SEARCH_QUERY_MAX_LENGTH]


def clean_choices(values, allowed, limit=20):
    """The requested filter values that exist, in the order of ``allowed``; unknown ones
    are dropped (a stale or hand-typed link still gives a normal page)."""
    wanted = {value.strip() for value in values[:limit] if value and len(value) <= 100}
    return [value for value in allowed if value in wanted]


def request_params(request, exclude=("page",)):
    """The request's query parameters as {name: [values]}, without ``exclude`` (the page
    number: a changed filter starts again at page 1)."""
    return {key: values for key, values in request.GET.lists() if key not in exclude}


def querystring(params, **changes):
    """Encode ``params`` ({name: value or list of values}) with ``changes`` applied: a
    changed name takes its new value in place, and None, "" or [] removes it. Empty values
    are left out, so links stay short."""
    merged = {**params, **changes}
    pairs = []
    for key, value in merged.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item not in EMPTY:
                pairs.append((key, item))
    return urlencode(pairs)


def querystring_prefix(params):
    """The filters to keep in pagination links: 'topic=stigma&' (or '' without any), so a
    template writes ``?{{ querystring_prefix }}page=2``."""
    encoded = querystring(params)
    return f"{encoded}&" if encoded else ""


def removal_links(params, facets):
    """One link per selected option of ``facets`` that removes just that value, keeping
    every other filter: [{"label", "url"}]."""
    links = []
    for facet in facets:
        for option in facet["options"]:
            if option["selected"]:
                remaining = [value for value in params[facet["name"]] if value != option["value"]]
                url = "?" + querystring(params, **{facet["name"]: remaining})
                links.append({"label": option["label"], "url": url})
    return links
