"""The co-creation workflows: language check → partner lead → moderator, and translation
review; who may act at each step, who is told, and what resets an approval."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from home.cocreation.models import LocaleReviewTask, PartnerLeadReviewTask
from home.cocreation.workflows import CAMPAIGN_WORKFLOW, TRANSLATION_WORKFLOW, setup_workflows
from home.language_check.engine import check_text
from home.language_check.models import AcceptedFinding, LanguageCheckTask, LanguageRule
from tests.admin_forms import act, submit
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh, translate

world = factories.world  # the shared co-creation fixture

LABEL = CONTENT_TYPES[0][0]


def _rule_for(word):
    """The English rule that flags ``word`` (rules are wordings with groups, not one word)."""
    (finding,) = check_text(word, "en")
    return LanguageRule.objects.get(pk=finding.rule_id)


def current_task(state):
    state.refresh_from_db()
    return state.current_task_state.task.specific


@pytest.fixture
def page(world):
    return world.pages_a[LABEL]


@pytest.mark.django_db
def test_campaign_content_pages_get_the_campaign_workflow(world, page):
    assert page.get_workflow().name == CAMPAIGN_WORKFLOW
    assert setup_workflows()[CAMPAIGN_WORKFLOW] == world.workflows[CAMPAIGN_WORKFLOW]


@pytest.mark.django_db
def test_full_loop_editor_lead_moderator_publishes(world, page, client):
    state = submit(page, world.editor_a)
    assert isinstance(current_task(state), PartnerLeadReviewTask)
    act(client, world.lead_a, page, state)
    assert current_task(state).name == "Moderator approval"
    act(client, world.moderator, page, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(page).live


@pytest.mark.django_db
def test_partner_editor_cannot_approve_own_page(world, page, client):
    state = submit(page, world.editor_a)
    assert current_task(state).get_actions(page, world.editor_a) == []
    response, task_state = act(client, world.editor_a, page, state)
    assert response.status_code in {302, 403}
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # Still not at the moderator step either, after the lead approves.
    act(client, world.lead_a, page, state)
    response, task_state = act(client, world.editor_a, page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
@pytest.mark.parametrize("outsider", ["lead_b", "translator", "editor_a2", "story_moderator"])
def test_approval_by_someone_outside_the_task_group_is_refused(world, page, client, outsider):
    state = submit(page, world.editor_a)
    response, task_state = act(client, getattr(world, outsider), page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    act(client, world.lead_a, page, state)
    response, task_state = act(client, getattr(world, outsider), page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_cannot_skip_the_lead_step(world, page, client):
    state = submit(page, world.editor_a)
    response, task_state = act(client, world.moderator, page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_edit_during_review_resets_approval(world, page, client):
    state = submit(page, world.editor_a)
    act(client, world.lead_a, page, state)
    assert current_task(state).name == "Moderator approval"
    # The moderator changes the page while reviewing it...
    edited = fresh(page)
    edited.title = "Talk about it, edited in review"
    edited.save_revision(user=world.moderator)
    act(client, world.moderator, page, state)
    # ...so the lead's earlier approval no longer counts: back to the lead, not published.
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(current_task(state), PartnerLeadReviewTask)
    assert not fresh(page).title.endswith("in review")


@pytest.mark.django_db
def test_translation_cannot_go_live_without_review(world, page, client):
    french = translate(page, world.locales["fr"])
    assert not french.live
    assert french.get_workflow().name == TRANSLATION_WORKFLOW
    perms = french.permissions_for_user(world.translator)
    assert perms.can_edit() and not perms.can_publish()
    client.force_login(world.translator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert 'name="action-publish"' not in response.content.decode()
    mail.outbox.clear()
    state = submit(french, world.translator)
    assert isinstance(current_task(state), LocaleReviewTask)
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewerfr@example.org"]
    # A reviewer of another language and the translator cannot approve it.
    for outsider in (world.reviewer_de, world.translator, world.lead_b):
        _response, task_state = act(client, outsider, french, state)
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(french).live
    act(client, world.reviewer_fr, french, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(french).live


@pytest.mark.django_db
def test_lead_step_notifies_only_the_organisations_leads(world, page):
    mail.outbox.clear()
    submit(page, world.editor_a)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["lead@example.org"]
    message = mail.outbox[0]
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    assert page.title in message.subject


@pytest.mark.django_db
def test_moderator_step_notifies_moderators_only(world, page, client):
    state = submit(page, world.editor_a)
    mail.outbox.clear()
    act(client, world.lead_a, page, state)
    recipients = {m.to[0] for m in mail.outbox}
    assert "moderator@example.org" in recipients
    assert not recipients & {"admin@example.org", "leadb@example.org", "reviewerfr@example.org"}


@pytest.mark.django_db
def test_high_severity_finding_sends_the_page_back_to_its_editor(world, page, client):
    page.summary = "He committed suicide last year, his family said."
    page.save()
    mail.outbox.clear()
    state = submit(page, world.editor_a)
    # Changes requested at once: nobody waits on a moderator, nobody else is emailed.
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    check_state = state.current_task_state.specific
    assert isinstance(check_state.task.specific, LanguageCheckTask)
    assert check_state.status == TaskState.STATUS_REJECTED
    assert [f["matched"] for f in check_state.findings] == ["committed suicide"]
    assert "“committed suicide”" in check_state.get_comment()
    assert mail.outbox == []
    # The editor and the lead may both change it and resubmit; nothing is locked.
    for member in (world.editor_a, world.lead_a):
        perms = fresh(page).permissions_for_user(member)
        assert perms.can_edit() and not perms.page_locked()
        client.force_login(member)
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Resubmit to Language &amp; safe-messaging check" in html
        assert 'data-next-step="resubmit"' in html
        assert "died by suicide" in html  # what to write instead, in the findings panel


@pytest.mark.django_db
def test_resubmitting_runs_the_check_again(world, page):
    page.summary = "He committed suicide last year, his family said."
    page.save()
    state = submit(page, world.editor_a)
    # Resubmitted unchanged (what the editor's "Resubmit" does: a revision, then resume).
    fresh(page).save_revision(user=world.editor_a)
    state.resume(user=world.editor_a)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.task_states.filter(status=TaskState.STATUS_REJECTED).count() == 2
    # Reworded: the check passes and the lead is asked.
    mail.outbox.clear()
    reworded = fresh(page)
    reworded.summary = "He died by suicide last year, his family said."
    reworded.save_revision(user=world.editor_a)
    state.resume(user=world.editor_a)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(current_task(state), PartnerLeadReviewTask)
    assert [m.to[0] for m in mail.outbox] == ["lead@example.org"]


@pytest.mark.django_db
def test_after_a_submission_the_check_sent_back_the_editor_is_told_and_stays(world, page, rf):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore

    from home.language_check.sent_back import after_submit

    def request_after_submit():
        request = rf.post("/", {"action-submit": "1"})
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        request.user = world.editor_a
        from django.contrib import messages

        messages.success(request, "Page 'x' has been submitted for moderation.")
        messages.info(request, "Kept.")
        return request

    request = request_after_submit()
    assert after_submit(request, page) is None  # nothing submitted yet: Wagtail's message
    page.summary = "He committed suicide last year, his family said."
    page.save()
    submit(page, world.editor_a)
    request = request_after_submit()
    response = after_submit(request, fresh(page))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page.pk])
    # What the next page (the editor) shows: the messages stored with this response.
    request._messages.update(response)
    following = rf.get("/")
    following.session = request.session
    following.COOKIES = {key: morsel.value for key, morsel in response.cookies.items()}
    following._messages = FallbackStorage(following)
    shown = [str(m) for m in get_messages(following)]
    assert shown[0] == "Kept."
    assert "was not sent for review" in shown[1]
    assert not any("submitted for moderation" in m for m in shown)


@pytest.mark.django_db
def test_clean_page_passes_the_check_without_notifying_moderators(world, page):
    mail.outbox.clear()
    state = submit(page, world.editor_a)
    check_state = state.task_states.get(task__name__startswith="Language")
    assert check_state.status == TaskState.STATUS_APPROVED
    assert "moderator@example.org" not in {m.to[0] for m in mail.outbox}


@pytest.mark.django_db
def test_moderator_accepts_a_finding_and_it_is_logged(world, page, client):
    page.summary = "Her poem says: “I am not crazy, I am tired.”"
    page.save_revision(user=world.editor_a)
    client.force_login(world.moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(edit_url)
    assert "Accept as justified" in response.content.decode()

    rule = _rule_for("crazy")
    response = client.post(
        reverse("openly_accept_language_finding", args=[page.pk]),
        {
            "accept_finding": "1",
            "finding_rule_1": rule.pk,
            "finding_matched_1": "crazy",
            "finding_reason_1": "A quotation from the poet.",
        },
    )
    assert response.status_code == 302
    accepted = AcceptedFinding.objects.get(page=page)
    assert accepted.accepted_by == world.moderator
    entry = PageLogEntry.objects.get(page=page, action="openly.language_finding.accept")
    assert entry.user == world.moderator
    assert entry.data["reason"] == "A quotation from the poet."


@pytest.mark.django_db
def test_only_moderators_accept_findings(world, page, client):

    rule = _rule_for("crazy")
    client.force_login(world.lead_a)
    response = client.post(
        reverse("openly_accept_language_finding", args=[page.pk]),
        {"accept_finding": "1", "finding_rule_1": rule.pk, "finding_matched_1": "crazy"},
    )
    assert response.status_code in {302, 403}
    assert not AcceptedFinding.objects.exists()
    assert not PageLogEntry.objects.filter(action="openly.language_finding.accept").exists()


@pytest.mark.django_db
def test_accepted_high_finding_no_longer_blocks(world, page):

    page.summary = "The headline called him a nutter in 1998."
    page.save()
    rule = _rule_for("nutter")
    AcceptedFinding.objects.create(page=page, rule=rule, matched_text="nutter")
    state = submit(page, world.editor_a)
    assert isinstance(current_task(state), PartnerLeadReviewTask)


@pytest.mark.django_db
def test_partner_editor_sees_findings_in_the_editor(world, page, client):
    page.summary = "Stop calling people psychos."
    page.save_revision(user=world.editor_a)
    client.force_login(world.editor_a)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "psychos" in html
    assert "A slur that makes people" in html
    assert "Accept as justified" not in html


@pytest.mark.django_db
def test_dashboard_panel_lists_the_organisations_content(world, page, client):
    state = submit(page, world.editor_a)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.force_login(world.editor_a2)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My organisation&#x27;s content" in html or "My organisation's content" in html
    assert page.title in html
    assert world.pages_b[LABEL].title not in html


@pytest.mark.django_db
def test_findings_report_by_organisation_and_language(world, page, client):
    page.summary = "A crazy idea that works."
    page.save_revision().publish()
    client.force_login(world.moderator)
    url = reverse("openly_language_findings_report")
    html = client.get(url, {"organisation": world.org_a.pk, "language": "en"}).content.decode()
    assert page.title in html and "crazy" in html
    assert "data-findings-summary" in html and "Mind Matters" in html
    html = client.get(url, {"organisation": world.org_b.pk}).content.decode()
    assert page.title not in html
    client.force_login(world.contributor)
    assert client.get(url).status_code in {302, 403}


@pytest.mark.django_db
def test_wagtail_localize_translation_editor_respects_assigned_languages(world, page, client):
    from home.demo.building import translate_page

    french = translate_page(page, "fr", {}, publish_now=False)
    german = translate_page(page, "de", {}, publish_now=False)
    assert not french.live and not german.live
    client.force_login(world.translator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert "wagtail-localize" in response.content.decode() or "editTranslation" in (
        response.content.decode()
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])).status_code in {
        302,
        403,
    }
    # Publishing from the translation editor needs publish permission: refused.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
    )
    assert response.status_code in {302, 403}
    assert not fresh(french).live


# Nobody approves their own work


def moderated_by(user, task):
    return list(task.get_task_states_user_can_moderate(user))


@pytest.mark.django_db
def test_a_lead_cannot_approve_what_they_submitted_moderators_step_in(world, page, client):
    mail.outbox.clear()
    state = submit(page, world.lead_a)  # the organisation's only lead
    task = current_task(state)
    assert isinstance(task, PartnerLeadReviewTask)
    assert task.get_actions(page, world.lead_a) == []
    assert moderated_by(world.lead_a, task) == []
    # With no other lead, the moderators take the step and are the ones told.
    assert sorted(m.to[0] for m in mail.outbox) == ["moderator@example.org"]
    assert moderated_by(world.moderator, task) == [state.current_task_state]
    _response, task_state = act(client, world.lead_a, page, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    act(client, world.moderator, page, state)
    assert current_task(state).name == "Moderator approval"
    act(client, world.moderator, page, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(page).live


@pytest.mark.django_db
def test_another_lead_of_the_organisation_approves_a_leads_page(world, page, client):
    second_lead = factories.make_user("lead2")
    world.org_a.add_lead(second_lead)
    mail.outbox.clear()
    state = submit(page, world.lead_a)
    assert sorted(m.to[0] for m in mail.outbox) == ["lead2@example.org"]
    task = current_task(state)
    # Moderators do not skip the lead step while a lead can take it.
    assert task.get_actions(page, world.moderator) == []
    assert moderated_by(world.moderator, task) == []
    assert moderated_by(second_lead, task) == [state.current_task_state]
    for refused in (world.lead_a, world.moderator, world.lead_b):
        _response, task_state = act(client, refused, page, state)
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
    act(client, second_lead, page, state)
    assert current_task(state).name == "Moderator approval"


@pytest.mark.django_db
def test_a_reviewer_cannot_approve_their_own_translation(world, page, client):
    french = translate(page, world.locales["fr"])
    french.title = "Parlons-en"
    mail.outbox.clear()
    state = submit(french, world.reviewer_fr)
    task = current_task(state)
    assert isinstance(task, LocaleReviewTask)
    assert task.get_actions(french, world.reviewer_fr) == []
    assert moderated_by(world.reviewer_fr, task) == []
    # French has no other reviewer: the moderators are told and may approve.
    assert sorted(m.to[0] for m in mail.outbox) == ["moderator@example.org"]
    _response, task_state = act(client, world.reviewer_fr, french, state)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(french).live
    act(client, world.moderator, french, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(french).live


@pytest.mark.django_db
def test_submitter_is_emailed_when_someone_else_resubmits_and_the_check_sends_it_back(
    world, page, client
):
    page.summary = "He committed suicide last year, his family said."
    page.save()
    state = submit(page, world.editor_a)
    mail.outbox.clear()
    state.resume(user=world.lead_a)  # the lead resubmits without changing the wording
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to[0] for m in mail.outbox] == ["editor@example.org"]


@pytest.mark.django_db
@pytest.mark.parametrize("member", ["editor_a", "lead_a", "moderator"])
def test_comments_and_scheduling_are_offered_to_every_role_on_the_page(world, page, client, member):
    client.force_login(getattr(world, member))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'id="comments-data"' in html
    assert 'name="go_live_at"' in html


@pytest.mark.django_db
def test_lead_locks_their_organisations_page_and_others_cannot_edit_it(world, page, client):
    client.force_login(world.lead_a)
    response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert response.status_code == 302
    assert fresh(page).locked and fresh(page).locked_by == world.lead_a
    assert fresh(page).permissions_for_user(world.editor_a).page_locked()
    client.force_login(world.lead_b)
    client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    assert fresh(page).locked


@pytest.mark.django_db
def test_a_schedule_set_by_the_editor_holds_after_approval(world, page, client):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    page.unpublish()
    go_live = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    draft = fresh(page)
    draft.go_live_at = go_live
    state = submit(draft, world.editor_a)
    act(client, world.lead_a, page, state)
    act(client, world.moderator, page, state)
    assert state.status == WorkflowState.STATUS_APPROVED
    page = fresh(page)
    assert not page.live  # approved, waiting for its time
    assert page.get_latest_revision().approved_go_live_at == go_live
    call_command("publish_scheduled", verbosity=0)
    assert not fresh(page).live
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(1)):
        call_command("publish_scheduled", verbosity=0)
    assert fresh(page).live


@pytest.mark.django_db
def test_with_no_active_rule_for_the_language_the_check_waits_for_a_moderator(world, page, client):
    from home.language_check.engine import has_rules, invalidate_rules
    from home.language_check.models import LanguageRule

    # Every locale has rules; switching all of one language's off must not let pages pass.
    LanguageRule.objects.filter(language="en").update(active=False)
    invalidate_rules()
    assert not has_rules("en")
    state = submit(page, world.editor_a)
    check_state = state.current_task_state.specific
    assert isinstance(check_state.task.specific, LanguageCheckTask)
    assert check_state.status == TaskState.STATUS_IN_PROGRESS
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # The editor's panel says the check could not tell.
    client.force_login(world.editor_a)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "data-language-check-no-rules" in html
    # A moderator reviews the wording and lets it through to the lead.
    act(client, world.moderator, page, state)
    assert isinstance(current_task(state), PartnerLeadReviewTask)
