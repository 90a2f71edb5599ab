"""Links into the action tracker from the pages its actions come from (loaded by
templates/pages/event_page.html)."""

from urllib.parse import urlencode

from django import template

from events.tracker.models import ActionTrackerPage
from home.cache import cached_chrome

register = template.Library()


def tracker_url(locale_id):
    """The address of the live action tracker in the language ``locale_id``, "" when there
    is none (cached with the site's chrome: no query on a warm page)."""

    def build():
        page = ActionTrackerPage.objects.live().public().filter(locale_id=locale_id).first()
        return page.url if page is not None else ""

    return cached_chrome("tracker-url", [locale_id], build)


@register.simple_tag
def tracker_actions_url(page):
    """The tracker filtered on the actions that came from ``page``, "" without a tracker."""
    url = tracker_url(page.locale_id)
    return f"{url}?{urlencode({'source': page.pk})}" if url else ""
