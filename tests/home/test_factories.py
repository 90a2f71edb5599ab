"""Every factory builds a valid object."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.TopicFactory,
        factories.AudienceFactory,
        factories.PartnerOrganisationFactory,
        factories.CrisisHelplineFactory,
    ],
)
def test_snippet_factories_build(factory):
    instance = factory()
    instance.full_clean()
    assert instance.pk


def test_page_factories_build(home_page):
    for factory in (factories.GetHelpPageFactory, factories.StandardPageFactory):
        page = factory(parent=home_page)
        page.full_clean()
        assert page.live
