"""Snippets that moved out of the home app keep their admin addresses, and answer under their
new app label too: wagtail-localize builds its links from the model's label."""

import pytest
from django.urls import reverse

from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_translation_editor_api_finds_a_moved_snippet(admin_client, home_page):
    organisation = PartnerOrganisationFactory(name="Open Minds")
    response = admin_client.get(
        f"/admin/localize/api/snippets/cocreation/partnerorganisation/{organisation.pk}/"
    )
    assert response.status_code == 200
    assert (
        response.json()["edit_url"]
        == f"/admin/snippets/cocreation/partnerorganisation/edit/{organisation.pk}/"
    )
    # The old address stays the one the admin links to, and both open the editor.
    old = reverse("wagtailsnippets_home_partnerorganisation:edit", args=[organisation.pk])
    assert old == f"/admin/snippets/home/partnerorganisation/edit/{organisation.pk}/"
    assert admin_client.get(old).status_code == 200
    assert admin_client.get(response.json()["edit_url"]).status_code == 200
