"""Abstract bases and field builders for what many page types repeat: the section index
page (an introduction above a listing), a picture with its alt text, and the topics and
audiences a page is tagged with.

Field builders keep one definition of each field while letting every page word its own
help text (and keep its own related name), so adopting them needs no migration.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage, validate_alt_text

ALT_TEXT_HELP = _("Describe the picture for people who cannot see it. Required with a picture.")


# The fields' labels by default (each page may name its own).
INTRODUCTION = _("Introduction")
IMAGE = _("Image")
IMAGE_ALT_TEXT = _("Image alt text")
TOPICS = _("Topics")
AUDIENCES = _("Audiences")


def intro_field(help_text, verbose_name=INTRODUCTION):
    """A plain-text introduction of a sentence or two above a listing."""
    return models.TextField(
        blank=True, max_length=600, help_text=help_text, verbose_name=verbose_name
    )


def rich_intro_field(help_text, verbose_name=INTRODUCTION):
    """An introduction with bold, italics and links."""
    return RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=help_text,
        verbose_name=verbose_name,
    )


def image_field(help_text, verbose_name=IMAGE):
    """An optional picture; deleting the image leaves the page without one."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
        verbose_name=verbose_name,
    )


def alt_text_field(verbose_name=IMAGE_ALT_TEXT):
    """The alt text of a picture (required with it: see ``validate_alt_text``)."""
    return models.CharField(
        max_length=250, blank=True, help_text=ALT_TEXT_HELP, verbose_name=verbose_name
    )


def topics_field(related_name, help_text, verbose_name=TOPICS):
    """The shared topics a page is about (matched across languages by slug)."""
    return ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name=related_name,
        help_text=help_text,
        verbose_name=verbose_name,
    )


def audiences_field(related_name, help_text, verbose_name=AUDIENCES):
    """The shared audiences a page is for."""
    return ParentalManyToManyField(
        "home.Audience",
        blank=True,
        related_name=related_name,
        help_text=help_text,
        verbose_name=verbose_name,
    )


class IndexPage(BasePage):
    """A section's index page, one per language under the home page: an introduction
    above the listing of its children. Subclasses declare ``intro`` with ``intro_field``
    or ``rich_intro_field`` (each page words its help text for its own section) and
    return the listing from ``listing_context``, built with the home.listing toolkit
    over their own QuerySet methods."""

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    description_fields = ("intro",)

    class Meta:
        abstract = True

    def listing_context(self, request, **kwargs):
        """The listing's template context; ``kwargs`` are those given to get_context."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, **kwargs))
        return context


class ImageWithAltText(models.Model):
    """A page with an optional picture, whose alt text is required once it is set.
    Reword the picture's help text with ``image = image_field(...)``."""

    image = image_field(_("A picture (optional)"))
    image_alt = alt_text_field()

    image_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture"))
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        validate_alt_text(self, "image", "image_alt")
