"""Working groups and task forces: their mandate, member organisations, meetings (event
pages), outputs (resources) and actions, and the workshop whose follow-up created them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.choices import ActionStatus
from events.working_groups.choices import GroupKind, GroupStatus
from events.working_groups.detail import working_group_detail_context
from events.working_groups.facets import WORKING_GROUP_FACETS
from events.working_groups.querysets import WorkingGroupPageManager
from home.cocreation.models import OrganisationOwnedMixin
from home.listing import FacetedListing, Vocabulary, alphabetical_index
from home.models import BasePage
from home.models.bases import IndexPage, intro_field, topics_field

GROUPS_PER_PAGE = 12


class WorkingGroupIndexPage(IndexPage):
    """The working groups and task forces of the coalition, filtered by topic, kind and
    status (plain links and a form: no JavaScript needed)."""

    intro = intro_field(_("A sentence or two above the list, e.g. how groups are formed."))

    subpage_types = ["working_groups.WorkingGroupPage"]
    template = "pages/working_group_index_page.html"

    class Meta:
        verbose_name = _("working group index")
        verbose_name_plural = _("working group indexes")

    def groups(self):
        """The index's live, public working groups."""
        return WorkingGroupPage.objects.live().public().child_of(self)

    def listing_context(self, request, **kwargs):
        vocabulary = Vocabulary(self.locale)
        listing = FacetedListing(
            request,
            self.groups(),
            WORKING_GROUP_FACETS,
            {
                "topic": vocabulary.topic_choices(),
                "kind": GroupKind.choices,
                "status": GroupStatus.choices,
            },
        )
        return alphabetical_index(request, listing, GROUPS_PER_PAGE, vocabulary, "groups")


class WorkingGroupPage(OrganisationOwnedMixin, BasePage):
    """A working group or task force, e.g. 'Task force on community services after the
    war', usually set up to follow up a workshop or policy dialogue."""

    kind = models.CharField(
        max_length=20,
        choices=GroupKind.choices,
        default=GroupKind.WORKING_GROUP,
        help_text=_("A task force has a short, focused mandate; a working group a longer one."),
        verbose_name=_("Kind"),
    )
    group_status = models.CharField(
        max_length=20,
        choices=GroupStatus.choices,
        default=GroupStatus.ACTIVE,
        help_text=_("Choose 'Completed' when the group has finished its mandate."),
        verbose_name=_("Status"),
    )
    mandate = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the group was set up to do, and until when."),
        verbose_name=_("Mandate"),
    )
    topics = topics_field("working_groups", _("What the group works on. Readers filter by it."))
    from_workshop = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The workshop or policy dialogue whose follow-up created this group."),
        verbose_name=_("Created from workshop"),
    )
    members = ParentalManyToManyField(
        "cocreation.PartnerOrganisation",
        blank=True,
        related_name="+",
        help_text=_("The partner organisations that take part in the group."),
        verbose_name=_("Member organisations"),
    )

    objects = WorkingGroupPageManager()

    content_panels = BasePage.content_panels + [
        *OrganisationOwnedMixin.organisation_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("group_status")]),
        FieldPanel("mandate"),
        FieldPanel("topics"),
        PageChooserPanel("from_workshop", "events.EventPage"),
        FieldPanel("members"),
        InlinePanel("meetings", label=_("Meeting")),
        InlinePanel("outputs", label=_("Output")),
        InlinePanel("actions", label=_("Action")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("mandate"),
        index.FilterField("kind"),
        index.RelatedFields("actions", [index.SearchField("action"), index.SearchField("lead")]),
    ]

    parent_page_types = ["working_groups.WorkingGroupIndexPage"]
    subpage_types = []
    template = "pages/working_group_page.html"
    description_fields = ("mandate",)
    # Read with the page when it is served (home.routing).
    route_select_related = ("organisation", "from_workshop")

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def tracked_actions(self):
        """One dict per action on this page, for the action tracker (the shape is agreed
        in the issue's tracker protocol). An action without its own organisation belongs
        to the organisation that runs the group."""
        return [
            {
                "key": f"{WorkingGroupAction._meta.label_lower}:{item.translation_key}",
                "action": item.action,
                "organisation": item.organisation or self.organisation,
                "lead": item.lead,
                "status": item.status,
                "due": item.due,
                "evidence_url": item.evidence_url,
            }
            for item in self.actions.select_related("organisation")
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(working_group_detail_context(self, request))
        return context


class WorkingGroupMeeting(Orderable):
    """An event page that is one of the group's meetings."""

    group = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="meetings")
    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The event page of the meeting."),
        verbose_name=_("Event"),
    )

    panels = [PageChooserPanel("event", "events.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")


class WorkingGroupOutput(Orderable):
    """A resource the group produced (a guide, a toolkit, a set of recommendations)."""

    group = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="outputs")
    resource = models.ForeignKey(
        "campaigns.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The resource page of what the group produced."),
        verbose_name=_("Resource"),
    )

    panels = [PageChooserPanel("resource", "campaigns.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("output")
        verbose_name_plural = _("outputs")


class WorkingGroupAction(TranslatableMixin, Orderable):
    """An action the group agreed, with who leads it and how far it has got."""

    group = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="actions")
    action = models.TextField(
        max_length=500,
        help_text=_("What will be done, e.g. 'Map crisis services in the three regions'."),
        verbose_name=_("Action"),
    )
    lead = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("The person or team leading it, e.g. 'Regional health office'."),
        verbose_name=_("Lead"),
    )
    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation responsible. Empty: the group's organisation."),
        verbose_name=_("Organisation"),
    )
    due = models.DateField(
        null=True, blank=True, help_text=_("Optional target date."), verbose_name=_("Due")
    )
    status = models.CharField(
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("Update it as the action moves on."),
        verbose_name=_("Status"),
    )
    evidence_url = models.URLField(
        blank=True,
        help_text=_("Optional link showing the action was done, e.g. a report or minutes."),
        verbose_name=_("Evidence link"),
    )

    panels = [
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("due"), FieldPanel("status")]),
        FieldPanel("evidence_url"),
    ]
    # Status, date and link are data, not prose: every language shows the same.
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("evidence_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.action[:60]
