"""What a reader sees around stories, in their language: topic names and
crisis helplines. Imports no story models, so pages, forms and the share route all use it."""

from home.chrome import helplines_choice
from home.listing import localize, published_terms
from home.models import Topic

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
    """The crisis helplines shown beside stories, the same for every reader of a language
    (see home.chrome.helplines_choice): the language's own country's, else the first few of
    every country, plus the other countries' for the script that shows the reader's choice."""
    return helplines_choice(request, fallback=STORY_HELPLINES)
