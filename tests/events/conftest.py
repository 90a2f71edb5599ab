"""Fixtures for the events tests: the events index under the home page."""

import pytest

from tests.events.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home_page):
    """The English events index at /en/events/."""
    return EventIndexPageFactory(parent=home_page, title="Events", slug="events")
