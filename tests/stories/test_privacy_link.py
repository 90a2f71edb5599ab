"""The share form's consent part links the site's privacy notice in the reader's language."""

from wagtail.models import Site

from home.models import SiteSettings
from tests.factories import StandardPageFactory


def test_the_share_form_links_the_privacy_notice(client, share_url, home_page):
    assert "our privacy notice" not in client.get(share_url).content.decode()
    privacy = StandardPageFactory(parent=home_page, slug="privacy")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.save()
    html = client.get(share_url).content.decode()
    assert 'our privacy notice: <a href="/en/privacy/">' not in html
    assert '<a href="/en/privacy/">our privacy notice</a>' in html
