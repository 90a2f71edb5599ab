"""Factories for the practice library."""

import uuid

import factory
import wagtail_factories

from campaigns.practices.models import PracticeCaseStudy, PracticeIndexPage, PracticePage
from tests.bulk import bulk_link, bulk_pages
from tests.factories import PartnerOrganisationFactory


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Practices"
    slug = "practices"
    intro = "Best practices and how countries implemented them."

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "Care close to where people live."
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    evidence = "<p>Evaluations in several countries show fewer hospital admissions.</p>"
    components = "<ul><li>Community mental health teams</li></ul>"

    class Meta:
        model = PracticePage


class PracticeCaseStudyFactory(factory.django.DjangoModelFactory):
    practice = factory.SubFactory(PracticePageFactory)
    locale = factory.SelfAttribute("practice.locale")
    country = "PL"
    stage = "piloting"
    organisation_name = "Ministry of Health"
    adapted = "Teams were linked with primary care."
    outcomes = "Fewer admissions in the pilot regions."
    lessons = "Involve people with lived experience from the start."

    class Meta:
        model = PracticeCaseStudy


# The countries and stages bulk practices' case studies take in turn.
BULK_COUNTRIES = ["UA", "PL", "RO", "GR"]
BULK_STAGES = ["planning", "piloting", "implementing", "scaling_up", "sustained"]


def bulk_practices(index, count, topic, organisation):
    """``count`` live practices owned by ``organisation`` with ``topic`` and one case study
    each (countries and stages in turn), inserted in bulk."""
    pages = bulk_pages(
        index,
        PracticePage,
        count,
        lambda n: {
            "title": f"Practice {n:04}",
            "slug": f"practice-{n}",
            "summary": "Care close to home.",
            "evidence": "<p>It works.</p>",
            "organisation_id": organisation.pk,
        },
    )
    bulk_link(pages, "topics", [topic])
    studies = [
        PracticeCaseStudy(
            practice_id=page.pk,
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            country=BULK_COUNTRIES[number % len(BULK_COUNTRIES)],
            stage=BULK_STAGES[number % len(BULK_STAGES)],
            organisation_name="Ministry of Health",
            outcomes="Fewer admissions.",
            sort_order=0,
        )
        for number, page in enumerate(pages)
    ]
    PracticeCaseStudy.objects.bulk_create(studies)
    return pages
