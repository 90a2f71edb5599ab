"""The co-creation workflows (set up idempotently) and their email notifications.

Campaign content (campaign, resource and event pages and partner organisations' own
pages, in the source language):
    language check → partner lead review → moderator approval.
Translation review (every page in another language, and every translation of a topic,
audience or crisis helpline):
    language check → review by a reviewer of that language (or a moderator).

Notifications go only to the people concerned: the page organisation's leads, the
language's reviewers, or the moderators when the language check needs one; each email links
to the page or snippet in the admin.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import task_submitted

from home.cocreation.models import LocaleReviewTask, PartnerLeadReviewTask
from home.cocreation.models.tasks import moderated_snippet_models
from home.cocreation.roles import MODERATORS, moderators, setup_roles
from home.mail.deliveries import Kind, outgoing
from home.models import ModeratedSnippet
from home.registry import index_pages as registered_index_pages
from home.registry import workflow_checks

CAMPAIGN_WORKFLOW = "Campaign content"
TRANSLATION_WORKFLOW = "Translation review"
LEAD_REVIEW_TASK = "Partner lead review"
MODERATOR_TASK = "Moderator approval"
TRANSLATION_REVIEW_TASK = "Translation review by a reviewer of the language"
# Wagtail's own first migration makes this workflow and task, in English only.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# The names as the admin shows them (registered in home.registry.workflow_names by
# home.cocreation.wiring; the database keeps the English names, by which the set-up finds them).
NAMES = {
    CAMPAIGN_WORKFLOW: _("Campaign content"),
    TRANSLATION_WORKFLOW: _("Translation review"),
    LEAD_REVIEW_TASK: _("Partner lead review"),
    MODERATOR_TASK: _("Moderator approval"),
    TRANSLATION_REVIEW_TASK: _("Translation review by a reviewer of the language"),
    WAGTAIL_DEFAULT_WORKFLOW: _("Moderators approval"),
}

# The index pages whose subtrees the campaign workflow covers are the page types apps list in
# home.registry.index_pages (campaigns, resources, events, partners): found by type when
# they exist, and given the workflow as soon as they are created (assign_campaign_workflow).


def task_named(model, name):
    """The task of type ``model`` called ``name``, created when missing."""
    task = model.objects.filter(name=name).first()
    if task is None:
        task = model.objects.create(name=name)
    return task


def _workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != [
        t.pk for t in tasks
    ]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign(workflow, page):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _assign_to_model(workflow, model):
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
    )


def index_pages():
    """The registered section index pages (home.registry.index_pages) in the source
    language."""
    source = Locale.get_default()
    pages = []
    for model in registered_index_pages.values():
        pages.extend(model.objects.filter(locale=source))
    return pages


def setup_workflows():
    """Create or update the workflows and assign them; return them by name. Idempotent."""
    groups = setup_roles()
    moderators = groups[MODERATORS]
    # The automatic checks first (home.registry.workflow_checks: the language check).
    checks = [make_check(groups) for make_check in workflow_checks.values()]
    lead_review = task_named(PartnerLeadReviewTask, LEAD_REVIEW_TASK)
    approval = task_named(GroupApprovalTask, MODERATOR_TASK)
    approval.groups.add(moderators)
    translation_review = task_named(LocaleReviewTask, TRANSLATION_REVIEW_TASK)

    campaign = _workflow(CAMPAIGN_WORKFLOW, [*checks, lead_review, approval])
    translated = _workflow(TRANSLATION_WORKFLOW, [*checks, translation_review])
    for page in index_pages():
        _assign(campaign, page)
    # Every other language's tree: the language homes sit at the top of the page tree.
    source = Locale.get_default()
    for home in Page.objects.filter(depth=2).exclude(locale=source):
        _assign(translated, home)
    # Translated topics, audiences and helplines (ModeratedSnippet.get_workflow leaves the
    # source language's out: moderators publish those directly).
    for model in moderated_snippet_models():
        _assign_to_model(translated, model)
    return {CAMPAIGN_WORKFLOW: campaign, TRANSLATION_WORKFLOW: translated}


# Notifications


def admin_url(obj):
    """The full address of the admin's edit view of ``obj``, a page or a snippet."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + AdminURLFinder().get_edit_url(obj)


def reviewed_object(workflow_state):
    """The page (specific) or moderated snippet a workflow state is about, or ``None`` for
    anything else."""
    obj = workflow_state.content_object
    if isinstance(obj, Page):
        return obj.specific
    if isinstance(obj, ModeratedSnippet):
        return obj
    return None


def admin_title(obj):
    """How the admin names ``obj``: a page's title, a snippet's string."""
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)


def notify(users, subject, template, context):
    """Email each user (in their admin language) the rendered template. The emails are
    queued for durable delivery (home.mail): a mail-server failure is retried later and never
    reaches the workflow action that sent them."""
    sent = 0
    for user in users:
        if not user.email or not user.is_active:
            continue
        profile = getattr(user, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
        with translation.override(language), outgoing(Kind.WORKFLOW):
            body = render_to_string(template, {**context, "user": user})
            send_mail(str(subject), body, None, [user.email])
        sent += 1
    return sent


def notify_reviewers(task_state, page, recipients, user=None, **extra_context):
    """Email ``recipients`` (less ``user``, who submitted) that ``page`` waits for their review
    at ``task_state``'s step; ``extra_context`` goes to the email's template."""
    title = admin_title(page)
    context = {
        "page": page,
        "title": title,
        "url": admin_url(page),
        "task": task_state.task.specific,
        "task_state": task_state,
        **extra_context,
    }
    if user is not None:
        recipients = recipients.exclude(pk=user.pk)
    notify(
        recipients.distinct(),
        _("Waiting for your review: %(title)s") % {"title": title},
        "home/admin/email/review_needed.txt",
        context,
    )


def on_task_submitted(sender, instance, user=None, **kwargs):
    """Tell the reviewers of this step, and only them, that a page or a translated snippet
    waits for them."""
    task = instance.task.specific
    page = reviewed_object(instance.workflow_state)
    if page is None:
        return
    if isinstance(task, PartnerLeadReviewTask):
        recipients = task.eligible_reviewers(page)
    elif isinstance(task, LocaleReviewTask):
        # The language's own reviewers; the moderators when it has none (left).
        recipients = task.language_reviewers(page)
        if not recipients.exists():
            recipients = moderators()
    else:
        return
    notify_reviewers(instance, page, recipients, user)


def assign_translation_workflow(sender, instance, created=False, raw=False, **kwargs):
    """A new language home gets the translation workflow at once (no set-up run needed)."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    workflow = Workflow.objects.filter(name=TRANSLATION_WORKFLOW, active=True).first()
    if workflow is not None:
        _assign(workflow, instance)


def assign_campaign_workflow(sender, instance, created=False, raw=False, **kwargs):
    """A new source-language index of organisation content (e.g. "Our partners", made
    when the first organisation is added) is reviewed at once, not after the next set-up
    run."""
    if raw or not created or not isinstance(instance, Page):
        return
    if type(instance) not in registered_index_pages.values():
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    workflow = Workflow.objects.filter(name=CAMPAIGN_WORKFLOW, active=True).first()
    if workflow is not None:
        _assign(workflow, instance)


def connect_signals():
    # Wagtail's own notifier handles the moderators' GroupApprovalTask (sender TaskState);
    # ours handles the custom task types (the language check notifies through its own app).
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="openly_task_email")
    post_save.connect(assign_translation_workflow, dispatch_uid="openly_translation_workflow")
    post_save.connect(assign_campaign_workflow, dispatch_uid="openly_campaign_workflow")
