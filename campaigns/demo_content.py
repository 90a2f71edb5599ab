"""Demo content for campaigns and the resource library: four campaigns and 32 resources
across topics, audiences and formats, owned by the demo partners, with fr/uk/ar
translations of some of them and a few moderated pledge signatures.

The content itself is in demo_content.toml beside this module."""

import copy
import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    PledgeSignature,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from home.cocreation.models import PartnerOrganisation
from home.demo.building import add_child, demo_image, translate_page
from home.demo.loading import read_data
from home.models import Audience, Topic


def load(demo):
    """Create the campaign index, the resource library and their pages (idempotent)."""
    data = read_data(__file__)
    context = {
        "partners": {org.slug: org for org in PartnerOrganisation.objects.all()},
        "topics": {t.slug: t for t in Topic.objects.filter(locale__language_code="en")},
        "audiences": {a.slug: a for a in Audience.objects.filter(locale__language_code="en")},
    }
    home = demo.home
    campaign_index = add_child(home, CampaignIndexPage(**data["campaign_index"]))
    resource_index = add_child(home, ResourceIndexPage(**data["resource_index"]))
    campaigns = _campaigns(demo, data, campaign_index, context)
    resources = _resources(demo, data, resource_index, context)
    dates = demo.dates
    _signatures(data, campaigns[dates.text("mental-health-week-{year}")])
    for code, strings in data["index_translations"].items():
        translate_page(campaign_index, code, strings)
        translate_page(resource_index, code, strings)
        for slug in data["translated_campaigns"][code]:
            campaign_strings = dates.strings(data["campaign_translations"][code])
            translate_page(campaigns[dates.text(slug)], code, campaign_strings)
        resource_strings = data["resource_translations"][code]
        for title in resource_strings:
            if title in resources:
                translate_page(resources[title], code, resource_strings)
    demo.say("Translated campaigns and resources into fr, uk and ar")


def _tagged(page, fields, context):
    """Attach the topics and audiences named by slug in ``fields``."""
    topics, audiences = context["topics"], context["audiences"]
    page.topics = [topics[slug] for slug in fields["topics"] if slug in topics]
    page.audiences = [audiences[slug] for slug in fields["audiences"] if slug in audiences]
    return page


def _campaigns(demo, data, index, context):
    partners, dates = context["partners"], demo.dates
    made = {}
    for fields in data["campaigns"]:
        title = dates.text(fields["title"])
        page = CampaignPage(
            title=title,
            slug=dates.text(fields["slug"]),
            summary=fields["summary"],
            # Relative to the day the demo is loaded (home.demo.dates).
            start_date=dates.resolve(fields["start"]),
            end_date=dates.resolve(fields["end"]),
            organisation=partners.get(fields["organisation"]),
            hero_image=demo_image(f"Campaign: {title}", demo.rng),
            hero_image_alt=data["campaign_hero_image_alt"],
            pledge_statement=fields["pledge"],
            body=fields["body"],
        )
        page.partners = [partners[slug] for slug in fields["partners"] if slug in partners]
        made[page.slug] = add_child(index, _tagged(page, fields, context))
    demo.say(f"Campaigns: {len(made)}")
    return made


def _slug(title):
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return "-".join(part for part in slug.split("-") if part)[:80]


def _resources(demo, data, index, context):
    review = data["resource_review"]
    made = {}
    for number, fields in enumerate(data["resources"]):
        title = fields["title"]
        with_image = number % data["resources_with_image_every"] == 0
        page = ResourcePage(
            title=title,
            slug=_slug(title),
            summary=fields["summary"],
            format=fields["format"],
            organisation=context["partners"].get(fields["organisation"]),
            image=demo_image(f"Resource: {title}", demo.rng, size=(960, 540))
            if with_image
            else None,
            image_alt=data["resource_image_alt"] if with_image else "",
            body=[
                {"type": "paragraph", "value": f"<p>{text}</p>"} for text in fields["paragraphs"]
            ],
            # A copy each: saving a page gives its blocks ids.
            references=copy.deepcopy(review["references"]),
            reviewed_by_name=review["reviewed_by_name"],
            reviewed_by_role=review["reviewed_by_role"],
            review_due=demo.dates.resolve(fields.get("review_due", review["review_due"])),
        )
        made[title] = add_child(index, _tagged(page, fields, context))
    for pair in data["easy_read_pairs"]:
        full, easy = made[pair["full"]], made[pair["easy_read"]]
        if full.easy_read_version_id != easy.pk:
            full.easy_read_version = easy
            full.save_revision().publish()
    _documents(data["printable_toolkits"], made)
    demo.say(f"Resources: {len(made)}")
    return made


def _documents(toolkits, resources):
    document_model = get_document_model()
    for title in toolkits["titles"]:
        resource = resources[title]
        if ResourceDocument.objects.filter(resource=resource).exists():
            continue
        document = document_model(title=f"{title} (printable)")
        text = f"{title}\n\n{toolkits['text']}\n"
        document.file.save("toolkit.txt", ContentFile(text.encode()), save=False)
        document.save()
        ResourceDocument.objects.create(
            resource=resource, document=document, label=toolkits["label"]
        )


def _signatures(data, campaign):
    if PledgeSignature.objects.filter(campaign=campaign).exists():
        return
    for fields in data["signatures"]:
        PledgeSignature.objects.create(
            campaign=campaign, **fields, status="approved", idempotency_key=uuid.uuid4()
        )
    PledgeSignature.objects.create(
        campaign=campaign, **data["signature_in_review"], idempotency_key=uuid.uuid4()
    )
