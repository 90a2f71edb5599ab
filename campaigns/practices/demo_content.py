"""Demo content of the practice library: three best practices of the joint action with
case studies in four countries (Ukraine, Poland, Romania, Greece), linked to the demo's
resources, events and partners, and the library with its first practice translated into
French, Ukrainian and Arabic.

The content itself is in demo_content.toml beside this module; running it again changes
nothing (pages are found by slug, translations by locale)."""

from campaigns.models import ResourcePage
from campaigns.practices.models import (
    PracticeCaseStudy,
    PracticeIndexPage,
    PracticePage,
    PracticeRelatedPage,
)
from events.models import EventPage
from home.cocreation.models import PartnerOrganisation
from home.demo.building import add_child, translate_page
from home.demo.loading import read_data
from home.models import Topic


def load(demo):
    """Create the practice library and its practices (idempotent)."""
    data = read_data(__file__)
    partners = {org.slug: org for org in PartnerOrganisation.objects.all()}
    topics = {t.slug: t for t in Topic.objects.filter(locale__language_code="en")}
    index = add_child(demo.home, PracticeIndexPage(**data["index"]))
    made = [
        add_child(index, _practice(fields, index, partners, topics)) for fields in data["practices"]
    ]
    countries = {
        study["country"] for fields in data["practices"] for study in fields["case_studies"]
    }
    demo.say(
        f"Practices: {len(made)} under /en/practices/ with case studies in "
        f"{len(countries)} countries"
    )
    for code, strings in data["translations"].items():
        translate_page(made[0], code, strings)
    demo.say("Translated the practice library and one practice into fr, uk and ar")


def _practice(fields, index, partners, topics):
    page = PracticePage(
        title=fields["title"],
        slug=fields["slug"],
        summary=fields["summary"],
        organisation=partners.get(fields["organisation"]),
        evidence="".join(f"<p>{text}</p>" for text in fields["evidence"]),
        components="<ul>" + "".join(f"<li>{text}</li>" for text in fields["components"]) + "</ul>",
        sources=[{"type": "reference", "value": source} for source in fields["sources"]],
    )
    page.topics = [topics[slug] for slug in fields["topics"] if slug in topics]
    page.organisations = [partners[slug] for slug in fields["members"] if slug in partners]
    page.case_studies = [
        PracticeCaseStudy(
            locale=index.locale,
            country=study["country"],
            stage=study["stage"],
            organisation=partners.get(study.get("organisation", "")),
            organisation_name=study.get("organisation_name", ""),
            adapted=study["adapted"],
            outcomes=study["outcomes"],
            lessons=study["lessons"],
        )
        for study in fields["case_studies"]
    ]
    page.related_links = [PracticeRelatedPage(page=linked) for linked in _related(fields)]
    return page


def _related(fields):
    """The English resources (by title) and latest events (by the start of their title)
    the practice links to; those the demo does not have are left out."""
    english = {"locale__language_code": "en", "live": True}
    pages = list(ResourcePage.objects.filter(title__in=fields["related_resources"], **english))
    for start in fields["related_events"]:
        events = EventPage.objects.filter(title__startswith=start, **english)
        latest = events.order_by("-first_published_at", "-pk").first()
        if latest is not None:
            pages.append(latest)
    return pages
