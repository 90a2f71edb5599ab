"""StreamField blocks shared by every section of the site."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from home.sections import LISTING_CHOICES


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages keep their single h1, so headings start at h2."""

    text = blocks.CharBlock(
        max_length=120, help_text=_("The heading text, short and clear."), label=_("Text")
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use 'Section heading' for main parts and 'Sub-heading' inside them."),
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that starts a new part of the page.")
        preview_value = {"text": "Why talking helps", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with the formatting an NGO editor needs and nothing that breaks layout."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        kwargs.setdefault("help_text", _("Write in plain language; use lists for steps."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Text with bold, italics, links and lists.")
        preview_value = (
            "<p>One in four people will experience a mental health problem in their lifetime.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the alt text, caption and credit that accessible publishing needs."""

    image = ImageBlock(
        help_text=_(
            "Choose an image and describe it for people who cannot see it. "
            "Only tick 'decorative' if the image adds no information."
        ),
        label=_("Image"),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Optional text shown under the image."),
        label=_("Caption"),
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Who made the image, e.g. 'Photo: Maria K. / Mind Europe'."),
        label=_("Credit"),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alt text, an optional caption and a credit.")
        preview_value = {"caption": "Volunteers at a Mental Health Week walk", "credit": ""}


class QuoteBlock(blocks.StructBlock):
    """A pull quote, attributed to a person (a pseudonym is fine)."""

    quote = blocks.TextBlock(
        max_length=600, help_text=_("The words being quoted."), label=_("Quote")
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Who said it. A first name or pseudonym is fine; leave empty if anonymous."),
        label=_("Attribution"),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Pull quote")
        description = _("A short quotation that stands out from the text.")
        preview_value = {
            "quote": "Talking about it was the first step to feeling like myself again.",
            "attribution": "Ana, 27",
        }


class AccordionItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(
        max_length=200, help_text=_("The question, as a reader asks it."), label=_("Question")
    )
    answer = ParagraphBlock(help_text=_("The answer, in plain language."))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one at a time; readable without JavaScript."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional heading above the questions."),
        label=_("Heading"),
    )
    items = blocks.ListBlock(
        AccordionItemBlock(), min_num=1, help_text=_("At least one."), label=_("Items")
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Questions and answers")
        description = _("Frequently asked questions that expand when clicked.")
        preview_value = {
            "heading": "Common questions",
            "items": [
                {"question": "Is it normal to feel this way?", "answer": "<p>Yes.</p>"},
            ],
        }


class LinkStructValue(blocks.StructValue):
    """Resolves whichever link target the editor filled in."""

    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        if self.get("url"):
            return self["url"]
        if self.get("email"):
            return f"mailto:{self['email']}"
        return ""


class CallToActionBlock(blocks.StructBlock):
    """A prominent button linking to exactly one page, web address or email address."""

    text = blocks.CharBlock(
        max_length=80, help_text=_("The button label, e.g. 'Sign the pledge'."), label=_("Text")
    )
    page = blocks.PageChooserBlock(
        required=False, help_text=_("A page on this site, or…"), label=_("Page")
    )
    url = blocks.URLBlock(required=False, help_text=_("…a web address, or…"), label=_("URL"))
    email = blocks.EmailBlock(required=False, help_text=_("…an email address."), label=_("Email"))

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A button that sends readers to the next step.")
        value_class = LinkStructValue
        preview_value = {"text": "Find support", "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "url", "email") if value.get(name)]
        if len(targets) != 1:
            message = _("Choose exactly one destination: a page, a web address or an email.")
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name in ("page", "url", "email")}
            )
        return value


class HomeListingBlock(blocks.StructBlock):
    """A home-page section that lists content of one kind, newest or soonest first."""

    heading = blocks.CharBlock(
        max_length=80, help_text=_("The section heading."), label=_("Heading")
    )
    kind = blocks.ChoiceBlock(
        choices=LISTING_CHOICES, help_text=_("Which content this section lists."), label=_("Kind")
    )
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=12,
        help_text=_("How many items to show (1–12)."),
        label=_("Count"),
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/home_listing_block.html"
        label = _("Content listing")
        description = _("Upcoming events, latest stories, a featured campaign or resources.")
        preview_value = {"heading": "Upcoming events", "kind": "upcoming_events", "count": 3}


class FeaturedPageBlock(blocks.StructBlock):
    """A hand-picked page shown as a large card."""

    heading = blocks.CharBlock(
        max_length=80, help_text=_("The section heading."), label=_("Heading")
    )
    page = blocks.PageChooserBlock(help_text=_("The page to feature."), label=_("Page"))
    text = blocks.TextBlock(
        required=False,
        max_length=300,
        help_text=_("Optional text; the page summary otherwise."),
        label=_("Text"),
    )

    class Meta:
        icon = "pick"
        template = "blocks/featured_page_block.html"
        label = _("Featured page")
        description = _("One page, picked by hand, shown prominently.")
        preview_value = {"heading": "Featured", "text": "Our campaign for Mental Health Week."}


class BodyBlock(blocks.StreamBlock):
    """The body of general pages (about, privacy, accessibility, get help)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {"call_to_action": {"max_num": 3}}


class HomeSectionsBlock(blocks.StreamBlock):
    """The sections of the home page, in the order editors choose."""

    listing = HomeListingBlock()
    featured_page = FeaturedPageBlock()
    paragraph = ParagraphBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {"listing": {"max_num": 6}, "featured_page": {"max_num": 4}}
