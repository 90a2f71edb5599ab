"""What stories count on the impact dashboard (home.impact): published stories.

Only stories that are live and public, each once whatever the number of translations,
dated by their first publication. The country is the one the contributor chose to show
on the story (optional, and shown on the story page anyway); a withdrawn story is erased
and so no longer counted. Nothing else about a story or its contributor is read."""

from django.utils.translation import gettext_lazy as _

from campaigns.stories.models import StoryPage
from home.impact.series import ImpactSeries, first_of_translations


def published_stories():
    return first_of_translations(StoryPage.objects.live().public())


STORIES = ImpactSeries(
    key="stories",
    label=_("Stories published"),
    description=_(
        "Stories of lived experience published on this site, by the month they were first "
        "published and the country the storyteller chose to give."
    ),
    rows=published_stories,
    date_field="first_published_at",
    country_field="country",
    no_country=_("Country not given"),
)
