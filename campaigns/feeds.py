"""RSS and Atom feeds of the newest resources in one language (Django syndication). The
feed reads the library page's own queryset, so the page models import this at the top."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.site_address import absolute

FEED_ITEMS = 20


class ResourceRssFeed(Feed):
    """The newest live resources under one resource library page (one language)."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("New resources: %(library)s") % {"library": self.index_page.title}

    def link(self):
        return absolute(self.index_page.get_url(self.request), self.request)

    def feed_url(self):
        return absolute(self.request.path, self.request)

    def description(self):
        return self.index_page.intro or self.index_page.card_summary

    def items(self):
        return self.index_page.resources().newest().select_related("locale")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.card_summary

    def item_link(self, item):
        return absolute(item.get_url(self.request), self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.format_label]


class ResourceAtomFeed(ResourceRssFeed):
    """The same feed in Atom format."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
