"""Editors manage helplines and the taxonomy in the admin."""

import pytest

from home.models import CrisisHelpline

pytestmark = pytest.mark.django_db


def test_helpline_admin_lists_and_creates(admin_client, locales):
    assert admin_client.get("/admin/snippets/home/crisishelpline/").status_code == 200
    data = {
        "name": "SOS Amitié",
        "description": "Listening service",
        "country": "FR",
        "phone": "09 72 39 40 50",
        "text": "",
        "chat_url": "",
        "hours": "24 hours, every day",
        "website": "",
        "last_verified": "2026-09-01",
        "sort_order": "0",
        "locale": str(locales["en"].pk),
    }
    response = admin_client.post("/admin/snippets/home/crisishelpline/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert CrisisHelpline.objects.get().phone == "09 72 39 40 50"


def test_helpline_needs_a_way_to_reach_it(admin_client, locales):
    data = {
        "name": "No contact",
        "country": "FR",
        "hours": "24 hours",
        "last_verified": "2026-09-01",
        "sort_order": "0",
        "locale": str(locales["en"].pk),
    }
    response = admin_client.post("/admin/snippets/home/crisishelpline/add/", data)
    assert response.status_code == 200
    assert "Give at least one way to reach the service" in response.content.decode()
    assert not CrisisHelpline.objects.exists()


@pytest.mark.parametrize("model", ["topic", "audience"])
def test_taxonomy_admin_lists(admin_client, locales, model):
    assert admin_client.get(f"/admin/snippets/home/{model}/").status_code == 200


def test_partner_organisations_admin_lists(admin_client, locales):
    assert admin_client.get("/admin/snippets/home/partnerorganisation/").status_code == 200
