"""Demo content for stories: the story section in en (translated into fr, uk and ar),
fourteen published stories (some with content notes, some translated) and three waiting in
the story-review workflow. Contributor records use obviously fake addresses
(@example.invalid). Idempotent: a second run creates nothing new.

The content itself is in demo_content.toml beside this module."""

from django.utils import timezone

from campaigns.models import CampaignPage
from campaigns.stories import lifecycle
from campaigns.stories.constants import ContributorState
from campaigns.stories.forms import CONSENT_VERSION
from campaigns.stories.models import ContributorRecord, StoryIndexPage, StoryPage
from campaigns.stories.roles import assign_story_workflow
from campaigns.stories.tokens import new_status_token
from home.cocreation.roles import setup_roles
from home.demo.building import add_child, add_index, translate_page
from home.demo.loading import read_data
from home.models import Topic


def load(demo):
    """Build the story section (idempotent)."""
    data = read_data(__file__)
    index = add_index(demo.home, StoryIndexPage(**data["index"]), data["index_translations"])
    # Roles and the story workflow now that every language's story index exists.
    setup_roles()
    assign_story_workflow()

    topics = {t.slug: t for t in Topic.objects.filter(locale=index.locale)}
    campaign = CampaignPage.objects.live().filter(locale=index.locale).order_by("path").first()
    published = 0
    for position, fields in enumerate(data["stories"]):
        story = _published_story(index, topics, campaign if position % 4 == 0 else None, fields)
        published += 1
        for code, strings in fields.get("translations", {}).items():
            translate_page(story, code, strings)
    demo.say(f"Stories: {published} published, some with content notes and translations")

    in_review = data["in_review"]
    waiting = 0
    for fields in in_review["stories"]:
        if StoryPage.objects.filter(title=fields["title"]).exists():
            waiting += 1
            continue
        lifecycle.submit(
            index,
            lifecycle.Submission(
                title=fields["title"],
                body=fields["body"],
                display_name="",
                country=in_review["country"],
                email=fields["email"],
                consent_process=True,
                consent_publish=True,
                consent_translate=True,
                consent_contact=bool(fields["email"]),
                consent_version=CONSENT_VERSION,
                topics=tuple(topics[slug] for slug in in_review["topics"] if slug in topics),
            ),
            new_status_token(),
            "en",
        )
        waiting += 1
    demo.say(f"Stories: {waiting} waiting in the story-review workflow")


def _published_story(index, topics, campaign, fields):
    slug = fields["slug"]
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    story = StoryPage(
        title=fields["title"],
        slug=slug,
        display_name=fields["display_name"],
        country=fields["country"],
        age_range=fields["age_range"],
        content_notes=fields["content_notes"],
        body="".join(f"<p>{text}</p>" for text in fields["paragraphs"]),
        campaign=campaign,
    )
    story.topics = [topics[s] for s in fields["topics"] if s in topics]
    story = add_child(index, story)
    record = ContributorRecord(
        page=story,
        email=f"{slug}@example.invalid",
        language="en",
        consent_process=True,
        consent_publish=True,
        consent_translate=bool(fields.get("translations")),
        consent_contact=False,
        consent_version=CONSENT_VERSION,
        consented_at=timezone.now(),
        state=ContributorState.PUBLISHED,
    )
    # Nobody knows this token: demo contributors have no status link.
    record.set_token(new_status_token())
    record.save()
    return story
