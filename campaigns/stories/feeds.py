"""An RSS feed of a language's published stories: title, excerpt and display name only."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from home.site_address import absolute


class StoryFeed(Feed):
    """The newest published stories of one story index."""

    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return absolute(obj.get_url(self.request), self.request)

    def feed_url(self, obj):
        return absolute(self.request.path, self.request)

    def description(self, obj):
        return obj.card_summary

    def items(self, obj):
        return obj.stories()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_link(self, item):
        return absolute(item.get_url(self.request), self.request)

    def item_author_name(self, item):
        return item.display_name or _("Anonymous")

    def item_pubdate(self, item):
        return item.first_published_at
