"""Demo commitments: the Prevention Concordat for Better Mental Health as a campaign whose
shared commitment eight organisations in eight countries signed, each with an action plan in
one of every state (not started, on track, overdue, past its review date, done), and French,
Ukrainian and Arabic translations of the index, the campaign and three plans.

The content itself is in demo_content.toml beside this module. Idempotent: pages and
organisations are found by their slugs."""

from campaigns.commitments.models import (
    CommitmentAction,
    CommitmentIndexPage,
    CommitmentPage,
    CommitmentUpdate,
)
from campaigns.models import CampaignIndexPage, CampaignPage
from home.cocreation.models import PartnerOrganisation
from home.demo.building import add_child, demo_image, give_logo, partner_pages, translate_page
from home.demo.loading import read_data
from home.models import Audience, Topic


def load(demo):
    """Create the concordat campaign, the commitments index and the plans (idempotent)."""
    data = read_data(__file__)
    _organisations(data["organisations"])
    # Their pages under "Our partners", in every demo language as the others' are.
    partner_pages([fields["slug"] for fields in data["organisations"]], data["translations"])
    partners = {org.slug: org for org in PartnerOrganisation.objects.all()}
    campaign = _campaign(demo, data["campaign"], partners)
    index = add_child(demo.home, CommitmentIndexPage(**data["index"]))
    plans = {}
    for fields in data["plans"]:
        organisation = partners.get(fields["organisation"])
        if organisation is not None:
            plans[organisation.slug] = add_child(index, _plan(demo, fields, organisation, campaign))
    demo.say(f"Commitments: {len(plans)} plans")
    for code, strings in data["translations"].items():
        translate_page(campaign, code, strings)
        translate_page(index, code, strings)
        for slug in data["translated_plans"]:
            if slug in plans:
                translate_page(plans[slug], code, strings)
    demo.say("Translated commitments into fr, uk and ar")


def _organisations(organisations):
    for fields in organisations:
        organisation, created = PartnerOrganisation.objects.get_or_create(
            slug=fields["slug"], defaults=fields
        )
        if created:
            give_logo(organisation)


def _campaign(demo, fields, partners):
    index = CampaignIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:  # the campaigns demo did not run: the commitments hang under home
        index = demo.home
    title = fields["title"]
    page = CampaignPage(
        title=title,
        slug=fields["slug"],
        summary=fields["summary"],
        start_date=demo.dates.resolve(fields["start"]),
        organisation=partners.get(fields["organisation"]),
        hero_image=demo_image(f"Campaign: {title}", demo.rng),
        hero_image_alt=fields["hero_image_alt"],
        pledge_statement=fields["pledge"],
        pledge_allows_organisations=True,
        body=[{"type": "paragraph", "value": fields["body"]}],
    )
    page.partners = [partners[slug] for slug in ("open-minds",) if slug in partners]
    page.topics = list(Topic.objects.filter(locale__language_code="en", slug__in=fields["topics"]))
    page.audiences = list(
        Audience.objects.filter(locale__language_code="en", slug__in=fields["audiences"])
    )
    return add_child(index, page)


def _plan(demo, fields, organisation, campaign):
    resolve = demo.dates.resolve
    page = CommitmentPage(
        title=fields["title"],
        slug=organisation.slug,
        organisation=organisation,
        campaign=campaign,
        statement=fields["statement"],
        signed_on=resolve(fields["signed"]),
        review_date=resolve(fields["review"]),
    )
    page.actions = [
        CommitmentAction(
            action=item["action"],
            lead=item.get("lead", ""),
            due=resolve(item["due"]) if "due" in item else None,
            status=item["status"],
            evidence_url=item.get("evidence_url", ""),
        )
        for item in fields["actions"]
    ]
    page.updates = [
        CommitmentUpdate(date=resolve(item["date"]), text=item["text"])
        for item in fields["updates"]
    ]
    return page
