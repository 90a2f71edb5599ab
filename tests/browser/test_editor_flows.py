"""The co-creation loop as people without training go through it, in a real browser, with the
admin in English and in French (each person's Wagtail profile language): what each screen
tells them, and that following it gets the page published.

1. A partner editor creates a campaign (the organisation already chosen), writes wording the
   language check stops, submits, is told the page is back with them and why, fixes it and
   resubmits: the page waits for their lead.
2. The lead opens it from the dashboard and requests changes with a comment; the editor sees
   the comment, edits and resubmits; the lead approves, a moderator approves and the page is
   live.
3. A translator starts the French translation of a published page, translates part of it
   (with wording the French rules stop), is shown how much is done and confirms with
   "Submit anyway"; the check sends it back, naming the wording, and the translation
   editor lists the findings with what to write instead; they fix it, finish and
   submit; a French reviewer approves in the translation editor and the translation is
   live.

Texts on screen are looked up in the interface catalogues (gettext under the person's
language), so the French runs check the French words the people read.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import WorkflowState

from home.cocreation.models import PartnerLeadReviewTask
from home.cocreation.next_step import next_step
from tests.browser.admin import log_in
from tests.browser.editing import (
    before_name,
    choose_from_more_actions,
    choose_from_more_actions_with_comment,
    field,
    label_of,
    say,
    shown,
    speak,
    text_of,
    translate_segment,
)
from tests.home import factories
from tests.home.factories import fresh

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.parametrize("language", ["en", "fr"]),
]

world = factories.world  # the shared co-creation fixture

# High-severity wording in the English rules (home/language_check/rules/en.json): a campaign is
# written in the source language, English, whatever language the admin speaks.
FLAGGED = "Nobody should feel ashamed that a friend committed suicide."
FIXED = "Nobody should feel ashamed that a friend died by suicide."
# ...and in the French rules, for the translator.
FLAGGED_FR = "Personne ne devrait avoir honte qu'un ami ait commis un suicide."
FIXED_FR = "Personne ne devrait avoir honte qu'un ami soit mort par suicide."
TITLE_FR = "Parlons-en"
ASKED = "Please say where colleagues can find help at work."
ANSWERED = "Tell your colleagues how you are, and where help at work is."


def what_next(language, page_obj, user):
    """What the "What next" panel tells ``user`` about ``page_obj`` now, in ``language``;
    the French wording has to differ from the English one, so an untranslated panel fails."""
    steps = {}
    for code in {language, "en"}:
        with translation.override(code):
            steps[code] = next_step(fresh(page_obj), user)
    if language != "en":
        assert steps[language].message != steps["en"].message
    return steps[language]


def open_from_dashboard(page, live_server, user, region, content):
    """``user`` signs in, lands on the dashboard and opens ``content`` from its ``region``
    (a panel's heading, in the user's language)."""
    log_in(page, live_server, user)  # the dashboard
    panel = page.get_by_role("region", name=region)
    with page.expect_navigation():
        panel.get_by_role("link", name=content.title).click()


def make_campaign(world):
    """A new campaign of the first organisation, not yet published."""
    from tests.campaigns.factories import CampaignPageFactory

    return CampaignPageFactory(
        parent=world.indexes["campaign"],
        organisation=world.org_a,
        title="Mind your colleagues",
        slug="mind-your-colleagues",
        live=False,
    )


def test_partner_editor_creates_fixes_what_the_check_finds_and_submits(
    browser_page, live_server, world, language
):
    from campaigns.models import CampaignPage

    page = browser_page
    editor = world.editor_a
    speak(language, editor)
    log_in(page, live_server, editor, f"/admin/pages/{world.indexes['campaign'].pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name=say(language, "Add child page")).click()

    # The organisation is chosen already: the editor's only one, with nothing else offered.
    organisation = field(page, language, CampaignPage, "organisation", "combobox")
    assert organisation.input_value() == str(world.org_a.pk)
    assert organisation.locator("option").all_inner_texts() == [world.org_a.name]

    start_date = field(page, language, CampaignPage, "start_date")
    start_date.fill("2026-10-10")
    # Clicking into the next field closes the date picker, which would cover the footer.
    title = field(page, language, CampaignPage, "title")
    title.click()
    title.fill("Speak up at work")
    field(page, language, CampaignPage, "summary").fill(FLAGGED)
    # Wagtail fills the slug from the title as the title field is left: wait for it, as a
    # person would see it done, before submitting.
    page.wait_for_function("() => document.querySelector('#id_slug')?.value !== ''")
    choose_from_more_actions(
        page, before_name(language, "Submit to %(workflow_name)s", "workflow_name")
    )

    # Sent straight back, and told so: why, what to write instead, what to do next.
    created = CampaignPage.objects.get(title="Speak up at work")
    assert created.organisation == world.org_a
    assert created.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    messages = text_of(page.locator(".messages"))
    assert (
        say(
            language,
            "“%(title)s” was not sent for review: the language check found wording to change. "
            "The page is back with you: see “What next” at the top of the page.",
            title="Speak up at work",
        )
        in messages
    )
    step = what_next(language, created, editor)
    assert step.key == "resubmit"
    panel = page.get_by_role("region", name=say(language, "What next"))
    assert step.message in text_of(panel.locator('[data-next-step="resubmit"]'))
    assert "“committed suicide”" in text_of(panel.locator("[data-next-step-comment]"))
    finding = page.locator('[data-finding][data-severity="high"]')
    assert "committed suicide" in text_of(finding)
    assert say(language, "Try instead:") + " died by suicide" in text_of(finding)

    # The fix: the panel checks the unsaved text as the editor types.
    field(page, language, CampaignPage, "summary").fill(FIXED)
    page.locator("[data-language-check-clean]").wait_for()
    choose_from_more_actions(page, before_name(language, "Resubmit to %(task_name)s", "task_name"))

    # Through the check, on to the organisation's lead: the editor is told who has it now.
    state = fresh(created).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(state.current_task_state.task.specific, PartnerLeadReviewTask)
    page.goto(f"{live_server.url}/admin/pages/{created.pk}/edit/")
    step = what_next(language, created, editor)
    assert step.key == "wait" and world.lead_a.get_full_name() in step.message
    assert step.message in text_of(page.locator('[data-next-step="wait"]'))


def test_lead_requests_changes_then_approves_and_a_moderator_publishes(
    browser_page, live_server, world, language
):
    page = browser_page
    editor, lead, moderator = world.editor_a, world.lead_a, world.moderator
    speak(language, editor, lead, moderator)
    campaign = make_campaign(world)
    campaign.summary = "Tell your colleagues how you are."
    campaign.save_revision(user=editor)
    campaign.get_workflow().start(campaign, editor)
    edit_path = f"/admin/pages/{campaign.pk}/edit/"

    # The lead finds the page on the dashboard, waiting for them.
    waiting = say(language, "Awaiting your review")
    open_from_dashboard(page, live_server, lead, waiting, campaign)
    step = what_next(language, campaign, lead)
    assert step.key == "review"
    assert step.message in text_of(page.locator('[data-next-step="review"]'))
    choose_from_more_actions_with_comment(page, say(language, "Request changes"), ASKED)
    state = fresh(campaign).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The editor finds the page on their dashboard, with the lead's comment and what to do.
    own = say(language, "Your pages and snippets in a workflow")
    open_from_dashboard(page, live_server, editor, own, campaign)
    step = what_next(language, campaign, editor)
    assert step.key == "resubmit"
    panel = page.locator('[data-next-step="resubmit"]')
    assert step.message in text_of(panel)
    comment = text_of(panel.locator("[data-next-step-comment]"))
    assert say(language, "%(name)s wrote:", name=lead.get_full_name()) in comment
    assert ASKED in comment
    field(page, language, type(campaign), "summary").fill(ANSWERED)
    choose_from_more_actions(page, before_name(language, "Resubmit to %(task_name)s", "task_name"))
    state = fresh(campaign).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(state.current_task_state.task.specific, PartnerLeadReviewTask)

    # The lead approves; the moderators' step follows, and their approval publishes.
    log_in(page, live_server, lead, edit_path)
    choose_from_more_actions(page, say(language, "Approve"))
    assert not fresh(campaign).live
    open_from_dashboard(page, live_server, moderator, waiting, campaign)
    step = what_next(language, campaign, moderator)
    assert step.key == "review"
    assert step.message in text_of(page.locator('[data-next-step="review"]'))
    choose_from_more_actions(page, say(language, "Approve"))

    published = fresh(campaign)
    assert published.live and published.summary == ANSWERED
    page.goto(f"{live_server.url}{published.url}")
    assert ANSWERED in text_of(page.locator("main"))


def test_translator_translates_submits_and_a_reviewer_approves(
    browser_page, live_server, world, language
):
    from home.cocreation.translation_progress import Progress

    page = browser_page
    translator, reviewer = world.translator, world.reviewer_fr
    speak(language, translator, reviewer)
    source = world.pages_a["campaign"]
    model = type(source)
    french = world.locales["fr"]

    # From the published page's menu in the listing, into French: the translation editor.
    log_in(page, live_server, translator, f"/admin/pages/{world.indexes['campaign'].pk}/")
    page.get_by_role(
        "button", name=say(language, "More options for '%(title)s'", title=source.title)
    ).click()
    with page.expect_navigation():
        page.get_by_role("link", name=say(language, "Translate this page")).click()
    # French, the translator's only language, is ticked already.
    assert page.get_by_role("checkbox", name=french.get_display_name()).is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name=say(language, "Submit"), exact=True).click()
    translated = source.get_translation(french)
    progress = page.locator("[data-openly-translation-bar] [data-openly-translation-progress]")
    assert shown(language, Progress(total=3, translated=0)) in text_of(progress)

    # Part of it, with wording the French rules stop.
    translate_segment(page, language, label_of(language, model, "title"), TITLE_FR)
    translate_segment(page, language, label_of(language, model, "summary"), FLAGGED_FR)
    # The way forward is the footer's first, main button.
    submit = page.locator("footer .footer__container > [data-openly-submit-translation]")
    assert submit.inner_text().strip() == say(language, "Submit translation for review")
    assert submit.evaluate("button => !button.previousElementSibling")
    assert "button-secondary" not in submit.get_attribute("class")
    with page.expect_navigation():
        submit.click()
    # Not finished: the figure, a warning, and sending has to be confirmed.
    assert shown(language, Progress(total=3, translated=2)) in text_of(page.locator("main"))
    assert say(
        language,
        "Submit it anyway only if the rest is meant to stay as it is; the reviewers will "
        "see the same figure.",
    ) in text_of(page.locator("main"))
    with page.expect_navigation():
        page.get_by_role("button", name=say(language, "Submit anyway")).click()

    # The language check sends it straight back, saying which wording to change.
    translated = fresh(translated)
    task_state = translated.current_workflow_state.current_task_state.specific
    assert translated.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    with translation.override(language):
        sent_back = gettext(
            "“%(title)s” was not sent for review: the step “%(task)s” sent it back. %(why)s"
        ) % {"title": TITLE_FR, "task": task_state.task.name, "why": task_state.get_comment()}
    assert "“commis un suicide”" in sent_back
    assert sent_back in text_of(page.locator(".messages"))
    # The translation editor lists what the check found, where, and what to write instead.
    findings = text_of(page.locator("[data-openly-sent-back]"))
    assert "“commis un suicide”" in findings
    assert say(language, "in %(where)s", where=label_of(language, model, "summary")) in findings
    assert say(language, "Try instead:") in findings and "mourir par suicide" in findings

    # The fix, the last segment (on the Promote tab), and now it goes to the reviewers.
    translate_segment(page, language, label_of(language, model, "summary"), FIXED_FR)
    page.get_by_role("tab", name=say(language, "Promote")).click()
    translate_segment(page, language, label_of(language, model, "slug"), "parlons-en")
    with page.expect_navigation():
        submit.click()
    assert shown(language, Progress(total=3, translated=3)) in text_of(page.locator("main"))
    with page.expect_navigation():
        page.get_by_role("button", name=say(language, "Submit for review"), exact=True).click()
    assert say(
        language,
        "“%(title)s” (%(language)s) is sent for review. Its reviewers have been told.",
        title=TITLE_FR,
        language=shown(language, french.get_display_name()),
    ) in text_of(page.locator(".messages"))
    assert not fresh(translated).live

    # The French reviewer finds it on the dashboard; the translation shows the same figure.
    log_in(page, live_server, reviewer)  # the dashboard
    row = (
        page.get_by_role("region", name=say(language, "Awaiting your review"))
        .get_by_role("row")
        .filter(has_text=TITLE_FR)
    )
    with page.expect_navigation():
        row.get_by_role("link", name=TITLE_FR).click()
    with translation.override(language):
        sent_with = gettext("Waiting for review. Sent with %(progress)s.") % {
            "progress": Progress(total=3, translated=3)
        }
    assert sent_with in text_of(page.locator("[data-openly-submitted-progress]"))
    # The reviewer decides there, in the translation editor: approving the last step
    # publishes it.
    decision = page.locator("[data-openly-decision]")
    with page.expect_navigation():
        decision.get_by_role("button", name=say(language, "Approve and publish")).click()
    assert say(
        language,
        "“%(title)s” (%(language)s) is approved and published.",
        title=TITLE_FR,
        language=shown(language, french.get_display_name()),
    ) in text_of(page.locator(".messages"))

    live = fresh(translated)
    assert live.live and live.title == TITLE_FR
    page.goto(f"{live_server.url}{live.url}")
    assert FIXED_FR in text_of(page.locator("main"))
