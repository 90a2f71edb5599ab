"""The impact panel on the admin dashboard: coordinators (moderators, administrators)
see the last 12 months' figures, a chart and a link; nobody else sees it."""

import pytest
from django.contrib.auth.models import Group, Permission

from home.cocreation.roles import MODERATORS, PARTNER_EDITORS
from tests.home.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def admin_user(username, group):
    Group.objects.get_or_create(name=group)[0].permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    return make_user(username, groups=[group])


def test_a_coordinator_sees_the_figures_a_chart_and_the_link(client, impact_site):
    client.login(username=admin_user("coordinator", MODERATORS).username, password=PASSWORD)
    html = client.get("/admin/").content.decode()
    assert 'id="impact-dashboard' in html
    assert "Pledge signatures: Signed by people <strong>3</strong>" in html
    assert 'role="img"' in html and '<title id="impact-admin-title">' in html
    assert 'href="/en/impact/"' in html


def test_a_partner_editor_does_not_see_it(client, impact_site):
    client.login(username=admin_user("editor", PARTNER_EDITORS).username, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "impact-dashboard" not in response.content.decode()


def test_anonymous_readers_are_sent_to_sign_in(client, impact_site):
    response = client.get("/admin/")
    assert response.status_code == 302
