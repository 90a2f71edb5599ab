"""What a reader sees around stories, in their language and country: topic names and
crisis helplines. Imports no story models, so pages, forms and the share route all use it."""

from home.chrome import active_locale, reader_country
from home.listing import localize, published_terms
from home.models import CrisisHelpline, Topic

STORY_HELPLINES = 4


def locale_topics(locale):
    """This language's published topics by slug, falling back to the source language's
    (also where a translation still waits for review), as readers see them (from the
    chrome cache; ``Topic.objects.for_locale`` gives the rows themselves)."""
    return published_terms(Topic, locale)


def with_topic_names(stories, topics):
    """Give each story on a page its topics' names in the reader's language (topics never
    published are left out); ``topics`` is ``locale_topics``' {slug: topic}."""
    for story in stories:
        story.card_topics = [topic.name for topic in localize(topics, story.topics.all())]
    return stories


def helplines_for(request):
    """The crisis helplines shown beside stories: the reader's country first, else every
    helpline of the reader's language."""
    locale = active_locale(request)
    country = reader_country(request)
    helplines = CrisisHelpline.objects.for_locale(locale, country) if country else []
    if not helplines:
        helplines = CrisisHelpline.objects.for_locale(locale)
    return helplines[:STORY_HELPLINES]
