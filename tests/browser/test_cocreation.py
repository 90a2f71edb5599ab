"""The co-creation loop in a real browser: a partner editor edits a campaign, sees a language
finding in the editor, fixes it and submits; the organisation's lead and then a moderator
approve; the page is live."""

import pytest

from tests.browser.admin import LABEL, log_in
from tests.home import factories
from tests.home.factories import fresh

pytestmark = pytest.mark.django_db(transaction=True)

world = factories.world  # the shared co-creation fixture


def save_draft(page):
    with page.expect_navigation():
        page.locator("button.action-save").first.click()


def click_hidden(page, selector):
    """Buttons in the action menu's dropdown: click them as the menu would."""
    with page.expect_navigation():
        page.evaluate(f"document.querySelector('{selector}').click()")


# The longest browser test (several seconds, more on a busy machine): three people log in and
# take one page through the editor's language check and both review steps.
def test_editor_fixes_a_finding_submits_and_moderator_publishes(browser_page, live_server, world):
    page = world.pages_a[LABEL]
    edit_url = f"{live_server.url}/admin/pages/{page.pk}/edit/"

    log_in(browser_page, live_server, world.editor_a)
    browser_page.goto(edit_url)
    browser_page.fill("#id_summary", "A crazy idea: talk about mental health at work.")
    # The panel checks the unsaved text a moment after typing stops...
    finding = browser_page.locator("[data-finding]")
    finding.wait_for()
    assert "crazy" in finding.inner_text()
    assert "Try instead" in finding.inner_text()
    # ...and after saving, the saved draft shows the same finding.
    save_draft(browser_page)
    assert browser_page.locator("[data-finding]").count() == 1

    browser_page.fill("#id_summary", "A bold idea: talk about mental health at work.")
    browser_page.locator("[data-language-check-clean]").wait_for()
    save_draft(browser_page)
    assert browser_page.locator("[data-language-check-clean]").count() == 1
    click_hidden(browser_page, 'button[name="action-submit"]')
    state = fresh(page).current_workflow_state
    assert state is not None and state.status == "in_progress"

    for reviewer in (world.lead_a, world.moderator):
        log_in(browser_page, live_server, reviewer)
        browser_page.goto(edit_url)
        click_hidden(
            browser_page,
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
        )

    published = fresh(page)
    assert published.live and not published.has_unpublished_changes
    assert published.summary == "A bold idea: talk about mental health at work."
    browser_page.goto(f"{live_server.url}{published.url}")
    assert "A bold idea" in browser_page.content()


def test_translator_sends_a_translation_to_review_from_the_translation_editor(
    browser_page, live_server, world
):
    from wagtail.models import WorkflowState

    from home.demo.building import translate_page

    french = translate_page(world.pages_a[LABEL], "fr", {}, publish_now=False)
    french.save_revision(user=world.translator)
    log_in(browser_page, live_server, world.translator)
    browser_page.goto(f"{live_server.url}/admin/pages/{french.pk}/edit/")
    # The way forward is the footer's main action (first, primary style); Delete is not in
    # the footer but a small secondary link in Openly's bar.
    button = browser_page.locator("footer .footer__container > [data-openly-submit-translation]")
    button.wait_for()
    assert "button-secondary" not in (button.get_attribute("class") or "")
    footer = browser_page.locator("footer .footer__container").inner_text()
    assert "Delete" not in footer
    delete = browser_page.locator("[data-openly-translation-bar] [data-openly-delete-translation]")
    assert "button-secondary" in (delete.get_attribute("class") or "")
    assert "segments" in browser_page.locator("[data-openly-translation-progress]").inner_text()
    with browser_page.expect_navigation():
        button.click()
    # Nothing is translated yet: the figure is shown and sending has to be confirmed.
    assert "(0%) translated" in browser_page.content()
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Submit anyway").click()
    assert "is sent for review" in browser_page.content()
    state = WorkflowState.objects.for_instance(fresh(french)).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not fresh(french).live
