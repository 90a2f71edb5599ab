"""Admin views of the language checker: accepting a finding, checking the editor's unsaved
page, and the findings report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from home.cocreation.models import PartnerOrganisation
from home.cocreation.roles import is_moderator
from home.language_check import stored
from home.language_check.engine import check_page, has_rules, language_of
from home.language_check.models import AcceptedFinding, LanguageRule, PageLanguageCheck
from home.listing import paginate

ACCEPT_ACTION = "openly.language_finding.accept"


@require_POST
def accept_finding(request, page_id):
    """A moderator accepts one flagged wording on one page as justified; logged."""
    if not is_moderator(request.user):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    # The editor panel posts the whole page form here; only the chosen finding's fields count.
    number = request.POST.get("accept_finding", "")
    rule_id = request.POST.get(f"finding_rule_{number}", "")
    rule = get_object_or_404(LanguageRule, pk=int(rule_id) if rule_id.isdigit() else 0)
    matched = (request.POST.get(f"finding_matched_{number}") or "").strip().lower()[:255]
    if not matched:
        messages.error(request, _("Choose the finding to accept."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    reason = (request.POST.get(f"finding_reason_{number}") or "").strip()
    accepted, created = AcceptedFinding.objects.get_or_create(
        page=page,
        rule=rule,
        matched_text=matched,
        defaults={"reason": reason, "accepted_by": request.user},
    )
    if created:
        log(
            instance=page,
            action=ACCEPT_ACTION,
            user=request.user,
            data={"rule_id": rule.pk, "phrase": rule.phrase, "matched": matched, "reason": reason},
        )
        messages.success(
            request,
            _("'%(matched)s' is accepted as justified on this page.") % {"matched": matched},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def live_check(request, page_id):
    """Check the page form as the editor has it now (unsaved) and return the panel's
    findings as HTML. Only for people who may edit the page; nothing is saved."""
    page = get_object_or_404(Page, pk=page_id).get_latest_revision_as_object()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form_class = page.get_edit_handler().get_form_class()
    data = request.POST.copy()
    data.setdefault("title", page.title)
    data.setdefault("slug", page.slug)
    form = form_class(
        data, instance=page, parent_page=page.get_parent().specific, for_user=request.user
    )
    form.defer_required_fields()
    if form.is_valid():
        form.save(commit=False)
        findings = check_page(page)
        html = render_to_string(
            "home/admin/_language_findings.html",
            {
                "findings": findings,
                "has_rules": has_rules(language_of(page)),
                "saved": True,
                "live": True,
                "page": page,
                "can_accept": is_moderator(request.user),
            },
            request=request,
        )
    else:
        html = render_to_string("home/admin/_language_findings_invalid.html", {}, request=request)
    return JsonResponse({"html": html})


class FindingsReportView(TemplateView):
    """Findings across all live pages, by organisation and language, read from the stored
    results (home.language_check.stored). Opening it checks a batch of pages whose result
    is out of date and queues the rest."""

    template_name = "home/admin/findings_report.html"
    refresh_limit = 100
    pages_per_screen = 25

    def dispatch(self, request, *args, **kwargs):
        if not (
            is_moderator(request.user) or request.user.has_perm("language_check.view_languagerule")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stored.refresh_outdated(limit=self.refresh_limit)
        if stored.outdated_pages().exists():
            stored.queue(stored.refresh_outdated_task)
        # Counted after queueing: with the immediate task backend nothing is left waiting.
        waiting = stored.outdated_pages().count()
        organisation = self.request.GET.get("organisation", "")
        language = self.request.GET.get("language", "")
        checks = PageLanguageCheck.objects.filter(page__live=True, finding_count__gt=0)
        if organisation.isdigit():
            checks = checks.filter(organisation_id=int(organisation))
        languages = Locale.objects.order_by("language_code")
        if language in {locale.language_code for locale in languages}:
            checks = checks.filter(page__locale__language_code=language)
        summary = (
            checks.values("organisation__name", "page__locale__language_code")
            .annotate(
                pages=Count("pk"),
                total=Sum("finding_count"),
                high=Sum("high_count"),
                accepted=Sum("accepted_count"),
            )
            .order_by("organisation__name", "page__locale__language_code")
        )
        screen = paginate(
            self.request,
            checks.select_related("page", "page__locale", "organisation").order_by(
                "organisation__name", "page__locale__language_code", "page__title", "pk"
            ),
            self.pages_per_screen,
        )
        rows = [
            {
                "page": check.page,
                "organisation": check.organisation,
                "language": check.page.locale.language_code,
                "finding": finding,
                "checked_at": check.checked_at,
            }
            for check in screen
            for finding in check.findings
        ]
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "rows": rows,
                "screen": screen,
                "filter_query": query.urlencode(),
                "waiting": waiting,
                "summary": [
                    {
                        "organisation": line["organisation__name"] or "—",
                        "language": line["page__locale__language_code"],
                        "pages": line["pages"],
                        "total": line["total"],
                        "high": line["high"],
                        "accepted": line["accepted"],
                    }
                    for line in summary
                ],
                "organisations": PartnerOrganisation.objects.all(),
                "languages": languages,
                "selected_organisation": organisation,
                "selected_language": language,
                "page_title": gettext_lazy("Language findings on live pages"),
            }
        )
        return context
