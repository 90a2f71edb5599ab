"""What a page readers share carries: an optional share image the editor chose, else the
social card Openly draws for it (home.social_cards), in the page's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from home.models.pages import validate_alt_text


class SharedPage(models.Model):
    """A campaign, story, event or resource: shared with a card showing its title in the
    coalition's colours, or with the editor's own share image, which wins. Subclasses name
    may add a line under the title (``social_card_note``); the card names the kind of page
    by its verbose name."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional picture shown when the page is shared on social media or in messages "
            "(best 1200 × 630 pixels). Leave empty to use a card with the page's title."
        ),
        verbose_name=_("Share image"),
    )
    share_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Describe the share image for people who cannot see it. Required with it."),
        verbose_name=_("Share image alt text"),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("share_image"), FieldPanel("share_image_alt")],
            heading=_("Sharing"),
        )
    ]

    # Open Graph's kind of page (campaigns and events are "website").
    og_type = "article"

    class Meta:
        abstract = True

    def social_card_note(self):
        """A short line under the card's title (a date, a place), or ""."""
        return ""

    def clean(self):
        super().clean()
        validate_alt_text(self, "share_image", "share_image_alt")
