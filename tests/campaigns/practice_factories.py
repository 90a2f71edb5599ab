"""Factories for the practice library."""

import factory
import wagtail_factories

from campaigns.practices.models import PracticeCaseStudy, PracticeIndexPage, PracticePage
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
