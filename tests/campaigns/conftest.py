"""Fixtures for the campaigns tests: the two index pages under the English home page."""

import pytest
from django.core.cache import cache

from tests.campaigns.factories import CampaignIndexPageFactory, ResourceIndexPageFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """The pledge rate limit lives in the cache: every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Uploads go to this test's own folder: several test runs share the working tree, and
    one run's clean-up must not delete another's images mid-test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


# The commitments tests' fixtures (tests/campaigns/commitment_fixtures.py).
from tests.campaigns.commitment_fixtures import (  # noqa: E402, F401
    commitment_index,
    concordat,
    frozen_today,
)
