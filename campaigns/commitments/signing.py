"""From a signature of a campaign's commitment to the organisation's action plan: the one
place that decides when a partner organisation's signature opens a commitment page, and what
the page starts with.

A moderator links an organisation's pledge signature to the partner organisation that signed
(the "Partner organisation" field of the signature in the admin). Once the signature is
approved and linked, the organisation gets a draft commitment page for the campaign under the
commitments index in the campaign's language (else the site's source language), owned by the
organisation, starting from the sentence it signed with. Its editors find it on their
dashboard ("Commitments waiting for your action plan"), write the plan and submit it through
the usual workflow. An organisation that already has a plan for the campaign, in any state
and language, gets no second one.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from campaigns.commitments.models import CommitmentIndexPage, CommitmentPage
from campaigns.models.pledge import APPROVED, ORGANISATION

# A new plan's first review: a year after signing, the rhythm of the concordat's reviews.
FIRST_REVIEW_AFTER = datetime.timedelta(days=365)


def index_for(campaign):
    """The commitments index in the campaign's language, else in the source language."""
    indexes = CommitmentIndexPage.objects.filter(locale_id=campaign.locale_id)
    return (
        indexes.first() or CommitmentIndexPage.objects.filter(locale=Locale.get_default()).first()
    )


def opens_a_plan(signature):
    """Whether ``signature`` is an approved organisation signature linked to a partner
    organisation, on a campaign whose pledge organisations sign."""
    if not (
        signature.status == APPROVED
        and signature.kind == ORGANISATION
        and signature.partner_organisation_id is not None
    ):
        return False  # decided without reading the campaign: most signatures stop here
    campaign = signature.campaign
    return campaign.has_pledge and campaign.pledge_allows_organisations


def existing_plan(signature):
    """The organisation's commitment page for the signature's campaign, live or draft, in
    any language; None when it has none."""
    return (
        CommitmentPage.objects.for_campaign(signature.campaign)
        .filter(organisation_id=signature.partner_organisation_id)
        .order_by("pk")
        .first()
    )


@transaction.atomic
def open_plan(signature, user=None):
    """The draft commitment page ``signature`` opens (see the module docstring): returns
    (page, created). (None, False) when the signature opens none or no commitments index
    exists; an existing plan is returned with created False."""
    if not opens_a_plan(signature):
        return None, False
    plan = existing_plan(signature)
    if plan is not None:
        return plan, False
    campaign = signature.campaign
    index = index_for(campaign)
    if index is None:
        return None, False
    organisation = signature.partner_organisation
    signed_on = timezone.localdate(signature.created_at) if signature.created_at else None
    signed_on = signed_on or timezone.localdate()
    title = _("%(organisation)s: our action plan") % {"organisation": organisation.name}
    plan = CommitmentPage(
        title=title[:255],
        slug=find_available_slug(index, slugify(organisation.slug)[:70] or "commitment"),
        organisation=organisation,
        campaign=campaign,
        statement=signature.commitment or campaign.pledge_statement or title,
        signed_on=signed_on,
        review_date=signed_on + FIRST_REVIEW_AFTER,
        live=False,
        owner=user,
    )
    index.add_child(instance=plan)
    plan.save_revision(user=user, log_action=True)
    return plan, True


def waiting_for_plans(organisation_ids, limit):
    """Commitment pages of these organisations never published yet: the plans their
    editors are to write (newest first, at most ``limit``)."""
    return (
        CommitmentPage.objects.filter(
            organisation_id__in=organisation_ids, first_published_at__isnull=True
        )
        .select_related("organisation", "locale")
        .order_by("-pk")[:limit]
    )


def signature_saved(sender, instance, raw=False, **kwargs):
    """After a signature is saved: open its plan when it now qualifies. The new page is
    kept on the signature for the admin's confirmation message (wagtail_hooks)."""
    if raw:
        return
    plan, created = open_plan(instance)
    if created:
        instance.opened_plan = plan
