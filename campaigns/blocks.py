"""StreamField blocks for campaign and resource pages, built on the shared ones in
home/blocks.py."""

from urllib.parse import parse_qs, urlparse

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.blocks import (
    AccordionBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)


class KeyFactBlock(blocks.StructBlock):
    """One figure with what it measures and where it comes from."""

    figure = blocks.CharBlock(
        max_length=20,
        help_text=_("The number itself, short: '1 in 4', '60%', '800,000'."),
        label=_("Figure"),
    )
    label = blocks.CharBlock(
        max_length=160,
        help_text=_("What the number means, e.g. 'people will have a mental health problem'."),
        label=_("Label"),
    )
    source_title = blocks.CharBlock(
        max_length=160,
        help_text=_("Where the figure comes from, e.g. 'WHO, 2022'."),
        label=_("Source title"),
    )
    source_url = blocks.URLBlock(
        help_text=_("Link to the source, so readers can check it. A figure needs a source."),
        label=_("Source URL"),
    )


class KeyFactsBlock(blocks.StructBlock):
    """A row of key figures, each with a required source."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional heading, e.g. 'The facts'."),
        label=_("Heading"),
    )
    facts = blocks.ListBlock(
        KeyFactBlock(),
        min_num=1,
        max_num=6,
        help_text=_("Between one and six figures."),
        label=_("Facts"),
    )

    class Meta:
        icon = "table"
        template = "blocks/campaign_key_facts_block.html"
        label = _("Key facts")
        description = _("Big numbers with what they mean and a link to their source.")
        preview_value = {
            "heading": "The facts",
            "facts": [
                {
                    "figure": "1 in 4",
                    "label": "people will experience a mental health problem in their lifetime",
                    "source_title": "World Health Organization",
                    "source_url": "https://www.who.int/",
                }
            ],
        }


class MythFactItemBlock(blocks.StructBlock):
    """A common myth and the fact that answers it."""

    myth = blocks.CharBlock(
        max_length=200,
        help_text=_("The myth as people say it, e.g. 'People with…'."),
        label=_("Myth"),
    )
    fact = ParagraphBlock(
        features=["bold", "italic", "link"], help_text=_("The fact, calmly and plainly.")
    )


class MythFactBlock(blocks.StructBlock):
    """Myths set side by side with the facts."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional heading, e.g. 'Myth or fact?'."),
        label=_("Heading"),
    )
    items = blocks.ListBlock(
        MythFactItemBlock(),
        min_num=1,
        max_num=10,
        help_text=_("One to ten myths."),
        label=_("Items"),
    )

    class Meta:
        icon = "help"
        template = "blocks/campaign_myth_fact_block.html"
        label = _("Myth vs fact")
        description = _("Common myths about mental health, each answered with a fact.")
        preview_value = {
            "heading": "Myth or fact?",
            "items": [
                {
                    "myth": "People with mental health problems can't work.",
                    "fact": "<p>Most people with mental health problems work, and work well.</p>",
                }
            ],
        }


VIDEO_HOSTS = {
    "youtube.com": "youtube",
    "www.youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "www.vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}
VIDEO_PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


def video_embed_url(url):
    """The privacy-friendlier player address for a YouTube or Vimeo link, or '' if the link
    is not one we can embed."""
    parsed = urlparse(url or "")
    provider = VIDEO_HOSTS.get(parsed.hostname or "")
    video_id = ""
    if provider == "youtube":
        if parsed.hostname == "youtu.be":
            video_id = parsed.path.strip("/").split("/")[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2] if parsed.path.count("/") >= 2 else ""
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        if video_id.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif provider == "vimeo":
        parts = [part for part in parsed.path.split("/") if part]
        video_id = next((part for part in parts if part.isdigit()), "")
        if video_id:
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return ""


class VideoStructValue(blocks.StructValue):
    """Derived values for the click-to-load player."""

    def embed_url(self):
        return video_embed_url(self.get("url"))

    def provider(self):
        return VIDEO_PROVIDER_NAMES.get(VIDEO_HOSTS.get(urlparse(self.get("url")).hostname), "")


class VideoEmbedBlock(blocks.StructBlock):
    """A video that loads nothing from the video site until the reader asks for it.

    The page shows a placeholder with the title and a plain link to the video. With
    JavaScript, a button swaps in the player; without it, the link still works."""

    title = blocks.CharBlock(
        max_length=160,
        help_text=_("The video's title, shown on the placeholder."),
        label=_("Title"),
    )
    url = blocks.URLBlock(
        help_text=_("The video's address on YouTube or Vimeo, as you copy it from the browser."),
        label=_("URL"),
    )
    duration = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text=_("Optional length, e.g. '3 min'."),
        label=_("Duration"),
    )
    transcript = blocks.TextBlock(
        required=False,
        help_text=_("What is said in the video, for people who cannot hear or play it."),
        label=_("Transcript"),
    )

    class Meta:
        icon = "media"
        template = "blocks/campaign_video_block.html"
        label = _("Video (loads on click)")
        description = _(
            "A YouTube or Vimeo video. Nothing is loaded from the video site until the reader "
            "clicks, to protect their privacy."
        )
        value_class = VideoStructValue
        preview_value = {
            "title": "Why we talk about mental health at work",
            "url": "https://vimeo.com/76979871",
            "duration": "3 min",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and not video_embed_url(value["url"]):
            raise StructBlockValidationError(
                block_errors={
                    "url": _(
                        "Use the address of a single YouTube or Vimeo video, e.g. "
                        "https://www.youtube.com/watch?v=… or https://vimeo.com/123456."
                    )
                }
            )
        return value


class RelatedContentBlock(blocks.StructBlock):
    """Hand-picked pages (stories, resources, events, campaigns) shown as cards."""

    heading = blocks.CharBlock(
        max_length=120,
        help_text=_("The heading above the cards, e.g. 'Read more'."),
        label=_("Heading"),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(help_text=_("A page on this site.")),
        min_num=1,
        max_num=6,
        help_text=_("One to six pages. Readers see each in their own language when it exists."),
        label=_("Pages"),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/campaign_related_content_block.html"
        label = _("Related content")
        description = _("Cards linking to stories, resources or events you pick.")
        preview_value = {"heading": "Read more", "pages": []}


class ReferenceBlock(blocks.StructBlock):
    """One source the resource relies on."""

    citation = blocks.CharBlock(
        max_length=400,
        help_text=_("The source as readers should see it: author, title, publisher, year."),
        label=_("Citation"),
    )
    url = blocks.URLBlock(
        required=False, help_text=_("Optional link to the source."), label=_("URL")
    )

    class Meta:
        icon = "link"
        template = "blocks/resource_reference_block.html"
        label = _("Source")
        description = _("A publication or web page this resource is based on.")
        preview_value = {
            "citation": "World Health Organization. World mental health report. 2022.",
            "url": "https://www.who.int/publications/i/item/9789240049338",
        }


class CampaignBodyBlock(blocks.StreamBlock):
    """The body of a campaign page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock()
    myth_fact = MythFactBlock()
    call_to_action = CallToActionBlock()
    video = VideoEmbedBlock()
    accordion = AccordionBlock()
    related_content = RelatedContentBlock()

    class Meta:
        block_counts = {
            "call_to_action": {"max_num": 3},
            "video": {"max_num": 3},
            "related_content": {"max_num": 2},
        }


class ResourceBodyBlock(blocks.StreamBlock):
    """The body of a literacy resource."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock()
    myth_fact = MythFactBlock()
    call_to_action = CallToActionBlock()
    video = VideoEmbedBlock()
    accordion = AccordionBlock()

    class Meta:
        block_counts = {"call_to_action": {"max_num": 3}, "video": {"max_num": 3}}


class ReferencesBlock(blocks.StreamBlock):
    """The list of sources of a resource."""

    reference = ReferenceBlock()
