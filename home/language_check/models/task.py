"""The automatic workflow step: checks a submitted revision against the language rules."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from home.cocreation.next_step import names
from home.cocreation.roles import moderators
from home.language_check.engine import check_page, has_rules, language_of

# The comment of a check that let a page through, and how the admin shows it (registered in
# home.registry.workflow_names by the app's wiring).
NO_HIGH_SEVERITY_FINDING = "No high-severity language finding."
NO_HIGH_SEVERITY_FINDING_LABEL = _("No high-severity language finding.")
# The comment of a check that could not run: no rule of the page's language is in use.
NO_ACTIVE_RULES = "No language rules are in use for this language: a moderator reviews the wording."
NO_ACTIVE_RULES_LABEL = _(
    "No language rules are in use for this language: a moderator reviews the wording."
)


class LanguageCheckTaskState(TaskState):
    """A language check of one revision, with the findings that stopped it."""

    findings = models.JSONField(default=list, blank=True)

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_languagechecktaskstate"
        verbose_name = _("language check task state")
        verbose_name_plural = _("language check task states")

    def get_comment(self):
        """What the workflow history, the editor's panel and Wagtail's "changes requested"
        email say about a check that sent the page back: built from the findings when shown,
        so it reads in the language of whoever looks."""
        if self.status != self.STATUS_REJECTED or not self.findings:
            return self.comment
        wordings = "; ".join(_wording(finding) for finding in self.findings)
        # Read by a page's editors and by a translation's translators alike.
        return gettext(
            "The language check sent it back to its editor. Wording to change: %(wordings)s. "
            "The findings shown in the editor say what to write instead: change the wording "
            "and resubmit."
        ) % {"wordings": wordings}

    def findings_to_show(self):
        """The findings that sent the page back, for whoever changes the wording (the
        translation editor shows them: home.cocreation.translation_decisions): as stored,
        with the place each was found ("Body › Paragraph") named in the reader's language,
        read again from the checked revision (a stored place is in the language of whoever
        submitted)."""
        if self.status != self.STATUS_REJECTED or not self.findings:
            return []
        places = {}
        if self.revision is not None:
            for finding in check_page(self.revision.as_object()):
                key = (finding.rule_id, finding.matched, finding.context)
                places.setdefault(key, finding.where)
        return [
            {
                **stored,
                "where": places.get(
                    (stored.get("rule_id"), stored.get("matched"), stored.get("context")),
                    stored.get("where", ""),
                ),
            }
            for stored in self.findings
        ]

    def next_step_hint(self):
        """The editor's "What next" panel (home.cocreation.next_step): where the findings
        are, and whom to ask about one that looks wrong."""
        hint = gettext(
            "The wording to change is listed, with what to write instead, in the “Language & "
            "safe-messaging check” panel below."
        )
        who = names(moderators())
        if who:
            return (
                hint
                + " "
                + gettext(
                    "If a finding looks wrong (a quotation, for example), ask a moderator "
                    "(%(names)s) to accept it as justified, then resubmit."
                )
                % {"names": who}
            )
        return hint


class LanguageCheckTask(AbstractGroupApprovalTask):
    """Checks the submitted revision against the language & safe-messaging rules. A page with
    no high-severity finding passes at once; otherwise the step requests changes at once: the
    page goes back to its editors ("needs changes", editable again) with the findings, and
    resubmitting runs the check again. Nobody waits on a moderator for wording the editor can
    fix; a moderator who judges a finding justified accepts it in the editor's panel, and the
    next check lets it through. When no rule of the page's language is in use the check can
    vouch for nothing, so it waits for the chosen groups (moderators) to review the wording
    instead of letting the page through; they also decide on checks that were left waiting
    by earlier versions of this step."""

    task_state_class = LanguageCheckTaskState

    class Meta:
        # The groups' table follows (home_languagechecktask_groups).
        db_table = "home_languagechecktask"
        verbose_name = _("Language & safe-messaging check")
        verbose_name_plural = _("Language & safe-messaging checks")

    @classmethod
    def get_description(cls):
        return _(
            "Checks the wording automatically. A page with a serious finding goes back to its "
            "editor with the findings, to change the wording and resubmit."
        )

    def start(self, workflow_state, user=None):
        content = workflow_state.content_object
        revision = content.get_latest_revision()
        # A snippet under review has no subclasses to resolve; a page does.
        current = content.specific if hasattr(content, "specific") else content
        page = revision.as_object() if revision else current
        if not has_rules(language_of(page)):
            # Left in progress: Wagtail asks the task's groups (moderators) to decide.
            state = LanguageCheckTaskState(
                workflow_state=workflow_state,
                task=self,
                revision=revision,
                comment=NO_ACTIVE_RULES,
            )
            state.save()
            return state
        findings = [f for f in check_page(page) if f.blocking]
        state = LanguageCheckTaskState(
            workflow_state=workflow_state,
            task=self,
            revision=revision,
            findings=[f.as_dict() for f in findings],
            finished_at=timezone.now(),
        )
        if findings:
            # Rejected at once: Wagtail's workflow then moves to "needs changes" (unlocked,
            # "Resubmit to …" offered to the page's editors) and tells the submitter when
            # someone else resubmitted.
            state.status = TaskState.STATUS_REJECTED
            state.save()
            state.log_state_change_action(None, "reject")
        else:
            state.status = TaskState.STATUS_APPROVED
            # Stored in English and shown in each reader's language
            # (home.cocreation.workflow_names), like the task's own name.
            state.comment = NO_HIGH_SEVERITY_FINDING
            state.save()
            state.log_state_change_action(None, "approve")
        return state


def _wording(finding):
    """A finding as the comment names it: the wording, quoted; for the sentence model's, the
    place of the sentence, never the sentence (a story's text stays out of notifications)."""
    if finding.get("model"):
        return gettext("a sentence read as a whole, in %(where)s") % {
            "where": finding.get("where") or "—"
        }
    return f"“{finding['matched']}”"
