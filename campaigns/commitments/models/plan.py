"""An organisation's commitment to a campaign's shared commitment, with its action plan."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from campaigns.commitments import progress
from campaigns.commitments.models.inline import CommitmentAction
from campaigns.models import CampaignPage
from events.choices import ActionStatus
from home.cocreation.models import OrganisationOwnedMixin
from home.models import BasePage
from home.querysets import LocaleFallbackQuerySet


def _count(actions):
    """The number of ``actions`` of the outer page, as a subquery (0 when none)."""
    counted = (
        actions.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class CommitmentPageQuerySet(LocaleFallbackQuerySet):
    """Named queries for listing commitments and following them up."""

    def with_progress(self, today=None):
        """Each plan annotated with ``actions_total``, ``actions_done``, ``actions_started``,
        ``actions_overdue`` and its ``plan_state`` (see campaigns.commitments.progress),
        from subqueries: one query however many plans and actions."""
        today = today or timezone.localdate()
        actions = CommitmentAction.objects.all()
        overdue = actions.exclude(status=ActionStatus.DONE).filter(due__lt=today)
        return self.annotate(
            actions_total=_count(actions),
            actions_done=_count(actions.filter(status=ActionStatus.DONE)),
            actions_started=_count(actions.exclude(status=ActionStatus.PLANNED)),
            actions_overdue=_count(overdue),
        ).annotate(
            plan_state=Case(
                When(
                    Q(actions_total__gt=0) & Q(actions_done=F("actions_total")),
                    then=Value(progress.DONE),
                ),
                When(actions_overdue__gt=0, then=Value(progress.OVERDUE)),
                When(review_date__lt=today, then=Value(progress.REVIEW_DUE)),
                When(actions_started=0, then=Value(progress.NOT_STARTED)),
                default=Value(progress.ON_TRACK),
                output_field=models.CharField(),
            )
        )

    def in_countries(self, codes):
        """Plans of organisations based in any of the countries ``codes``."""
        return self.filter(organisation__country__in=codes) if codes else self

    def in_states(self, states):
        """Plans in any of ``states`` (needs ``with_progress``)."""
        return self.filter(plan_state__in=states) if states else self

    def state_counts(self):
        """{state: number of plans} (needs ``with_progress``; one narrow query)."""
        return dict(Counter(self.order_by().values_list("plan_state", flat=True)))

    def for_campaign(self, campaign):
        """Plans following any language version of ``campaign``."""
        return self.filter(campaign__translation_key=campaign.translation_key)

    def by_country(self):
        """Grouped by the organisation's country, the countries in the order of their names
        in the active language (so "Allemagne" comes before "Irlande" in French, though DE
        sorts after FR), then by organisation."""
        ranks = [
            When(organisation__country=code, then=Value(rank))
            for rank, (code, _name) in enumerate(countries)
        ]
        country_rank = Case(*ranks, default=Value(len(ranks)), output_field=IntegerField())
        return self.annotate(country_rank=country_rank).order_by(
            "country_rank", "organisation__country", "organisation__name", "pk"
        )

    def for_cards(self):
        return self.select_related("organisation", "locale")


CommitmentPageManager = PageManager.from_queryset(CommitmentPageQuerySet)


class CommitmentPage(OrganisationOwnedMixin, BasePage):
    """One organisation's commitment to a campaign's shared commitment (e.g. the prevention
    concordat) and its action plan: actions, progress updates and the next review."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The campaign whose shared commitment the organisation signed. Its pledge must "
            "be open to organisations."
        ),
        verbose_name=_("Campaign"),
    )
    statement = models.TextField(
        max_length=1000,
        help_text=_(
            "The organisation's own commitment in its words, e.g. 'We will put prevention at "
            "the heart of our local mental health plan.'"
        ),
        verbose_name=_("Our commitment"),
    )
    signed_on = models.DateField(
        help_text=_("The day the organisation signed the commitment."),
        verbose_name=_("Signed on"),
    )
    review_date = models.DateField(
        help_text=_(
            "When the organisation reviews the plan next. After this date the plan shows as "
            "past its review date until it is moved on."
        ),
        verbose_name=_("Review date"),
    )

    objects = CommitmentPageManager()

    content_panels = BasePage.content_panels + [
        *OrganisationOwnedMixin.organisation_panels,
        FieldPanel("campaign"),
        FieldPanel("statement"),
        MultiFieldPanel([FieldPanel("signed_on"), FieldPanel("review_date")], heading=_("Dates")),
        InlinePanel(
            "actions",
            label=_("Agreed actions"),
            help_text=_("The steps of the plan. Update their status as they move on."),
        ),
        InlinePanel(
            "updates",
            label=_("Progress updates"),
            help_text=_("Dated notes on how the plan is going, newest first or last."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("statement"),
        index.RelatedFields("actions", [index.SearchField("action"), index.SearchField("lead")]),
        index.RelatedFields("updates", [index.SearchField("text")]),
        index.FilterField("review_date"),
    ]

    parent_page_types = ["commitments.CommitmentIndexPage"]
    subpage_types = []
    template = "pages/commitment_page.html"
    description_fields = ("statement",)
    route_select_related = ("organisation",)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def clean(self):
        super().clean()
        errors = {}
        if self.signed_on and self.review_date and self.review_date <= self.signed_on:
            errors["review_date"] = _("The review date must be after the day it was signed.")
        if self.signed_on and self.signed_on > timezone.localdate():
            errors["signed_on"] = _("The signing date cannot be in the future.")
        campaign = self._campaign()
        if campaign is not None:
            if not (campaign.has_pledge and campaign.pledge_allows_organisations):
                errors["campaign"] = _(
                    "This campaign has no commitment organisations can sign: choose one "
                    "whose pledge is open to organisations."
                )
            elif self._duplicate_of(campaign):
                errors["campaign"] = _(
                    "%(organisation)s already has a commitment page for this campaign in "
                    "this language: update that one."
                ) % {"organisation": self.organisation}
        if errors:
            raise ValidationError(errors)

    def _campaign(self):
        if not self.campaign_id:
            return None
        return CampaignPage.objects.filter(pk=self.campaign_id).first()

    def _duplicate_of(self, campaign):
        """Another live plan of the organisation for ``campaign`` in this language."""
        if not self.organisation_id or self.locale_id is None:
            return False
        return (
            type(self)
            .objects.live()
            .for_campaign(campaign)
            .filter(organisation_id=self.organisation_id, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )

    @cached_property
    def action_list(self):
        """The plan's actions in their order (one query, read once)."""
        return list(self.actions.all())

    def progress(self, today=None):
        """Counts and state of the plan (campaigns.commitments.progress)."""
        return progress.progress_of(self.action_list, self.review_date, today)

    def tracked_actions(self):
        """One dict per action on this page, for the action tracker (the protocol in
        TRACKER_PROTOCOL of issue #17): stable keys shared by an action's translations."""
        label = CommitmentAction._meta.label_lower
        organisation = self.organisation if self.organisation_id else None
        return [
            {
                "key": f"{label}:{action.translation_key}",
                "action": action.action,
                "organisation": organisation,
                "lead": action.lead,
                "status": action.status,
                "due": action.due,
                "evidence_url": action.evidence_url,
            }
            for action in self.actions.all()
        ]

    @property
    def review_date_label(self):
        return formats.date_format(self.review_date, "DATE_FORMAT") if self.review_date else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign = self.campaign.localized if self.campaign_id else None
        today = timezone.localdate()
        context.update(
            {
                "campaign": campaign if campaign is not None and campaign.live else None,
                "actions": [(action, action.is_overdue(today)) for action in self.action_list],
                "updates": sorted(self.updates.all(), key=lambda update: update.date, reverse=True),
                "progress": self.progress(today),
            }
        )
        return context
