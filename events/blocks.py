"""StreamField blocks for event pages, built on the shared blocks in home/blocks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import BodyBlock


class EventDescriptionBlock(BodyBlock):
    """What happens at the event, who it is for and what to expect: the shared body blocks,
    with room for more pictures and fewer buttons."""

    class Meta:
        block_counts = {"call_to_action": {"max_num": 2}, "image": {"max_num": 6}}


class AgendaItemBlock(blocks.StructBlock):
    """One item of a session's programme: a time, a title and who leads it."""

    time = blocks.TimeBlock(
        required=False,
        help_text=_("Optional start time of this item, in the event's own time zone."),
        label=_("Time"),
    )
    title = blocks.CharBlock(
        max_length=150,
        help_text=_("What happens, e.g. 'Welcome and introductions'."),
        label=_("Title"),
    )
    description = blocks.TextBlock(
        required=False,
        max_length=500,
        help_text=_("Optional: one or two sentences."),
        label=_("Description"),
    )
    led_by = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text=_("Optional: who leads it, e.g. 'Dr Ana Popescu, psychiatrist'."),
        label=_("Led by"),
    )

    class Meta:
        icon = "time"
        template = "blocks/event_agenda_item_block.html"
        label = _("Programme item")
        description = _("One item of the programme of this session.")
        preview_value = {
            "time": "18:00",
            "title": "Welcome and introductions",
            "description": "The moderator opens the policy dialogue.",
            "led_by": "Open Minds Coalition",
        }


class ProgrammeBlock(blocks.StreamBlock):
    """The programme of one session."""

    item = AgendaItemBlock()

    class Meta:
        block_counts = {"item": {"max_num": 40}}


class ReportDocumentBlock(blocks.StructBlock):
    """A document from the event: slides, a summary report, an action plan."""

    document = DocumentChooserBlock(
        help_text=_("Upload or choose the document."), label=_("Document")
    )
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text=_("Optional: how to name the link; the document's title otherwise."),
        label=_("Title"),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/event_report_document_block.html"
        label = _("Document")
        description = _("A document readers can download, such as the summary report.")
        preview_value = {"title": "Summary report (PDF)"}


class ReportDocumentsBlock(blocks.StreamBlock):
    """The documents of an event's summary report."""

    document = ReportDocumentBlock()

    class Meta:
        block_counts = {"document": {"max_num": 20}}
