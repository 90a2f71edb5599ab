"""The stories section of one language. Its routes serve the listing, the feed, the
share-your-story form and the contributor's private status page; they read and check the
request and hand every change to the story lifecycle."""

from functools import partial

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from campaigns.models import CampaignPage
from campaigns.stories import forms, lifecycle, notifications, relink, status_session
from campaigns.stories.conf import story_settings
from campaigns.stories.constants import STORIES_PER_PAGE, STORY_TEXT_MAX_CHARS, ContributorState
from campaigns.stories.feeds import StoryFeed
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.models.story import StoryPage
from campaigns.stories.reader import locale_topics, with_topic_names
from campaigns.stories.responses import private, problem, share_form
from campaigns.stories.subject_access import download as download_my_data
from campaigns.stories.text import html_to_text
from campaigns.stories.throttle import count_submission, over_rate_limit
from home.chrome import active_locale
from home.conditional import summary_response
from home.listing import first, paginate, querystring_prefix, term_choices
from home.mail.deliveries import delivery_state
from home.models import Topic
from home.models.bases import IndexPage, rich_intro_field
from home.public_forms import answers
from home.site_address import absolute

THANKS_COOKIE = "openly_story_thanks"
THANKS_COOKIE_SALT = "openly.stories.thanks"
THANKS_COOKIE_AGE = 15 * 60
MAX_FORM_FIELDS = 60


class StoryIndexPage(RoutablePageMixin, IndexPage):
    """The stories section of one language: published stories, the share-your-story form and
    contributors' private status pages."""

    intro = rich_intro_field(
        _("A few sentences above the stories: why people share them and how."),
    )
    share_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown above the share-your-story form: who can share, what happens next and "
            "that contributors stay in control of their story."
        ),
        verbose_name=_("Share form introduction"),
    )

    content_panels = IndexPage.content_panels + [FieldPanel("share_intro")]

    subpage_types = ["stories.StoryPage"]
    template = "pages/story_index_page.html"

    class Meta:
        verbose_name = _("story index page")
        verbose_name_plural = _("story index pages")

    def campaign_choices(self):
        """The live campaigns that have live stories in this section, for the filter."""
        used = self.stories().exclude(campaign=None).values("campaign_id")
        return list(CampaignPage.objects.live().filter(pk__in=used).order_by("title"))

    def stories(self):
        """The live, public stories of this section, newest first."""
        return (
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .for_cards()
            .order_by("-first_published_at", "-pk")
        )

    def subpage_url(self, request, name, **kwargs):
        """The URL path of one of this page's routes."""
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    @path("")
    def index_route(self, request):
        return story_index(self, request)

    @path("feed/")
    def feed(self, request):
        """RSS of the newest stories; 304 while the reader's copy is current."""
        return summary_response(request, self.stories(), partial(StoryFeed(self), request))

    @path("share/")
    def share(self, request):
        """The share form; a valid story is handed to the lifecycle, then the contributor is
        sent to the thank-you page with their status token in a short-lived cookie."""
        if request.method != "POST":
            return share_form(self, request, forms.ShareStoryForm(topic_choices=_topics(request)))
        refused = self._refuse_unread_submission(request)
        if refused is not None:
            return refused
        form = forms.ShareStoryForm(request.POST, request.FILES, topic_choices=_topics(request))
        if not form.is_valid():
            if form.looks_automated:
                count_submission(request)
            return share_form(self, request, form.keep_answers_with_fresh_state(), status=400)
        token = form.status_token
        status_url = absolute(self.subpage_url(request, "status", token=token), request)
        try:
            submitted = lifecycle.submit(
                self,
                form.submission(Topic.objects.for_locale(self.locale)),
                token,
                get_language(),
                status_url=status_url,
            )
        except lifecycle.SubmissionFailed:
            error = gettext(
                "Sorry, we could not save your story just now. Nothing was kept. Please try "
                "again in a few minutes; your text is still in the form below."
            )
            form = form.keep_answers_with_fresh_state()
            return share_form(self, request, form, status=503, error=error)
        if submitted.created:
            count_submission(request)
        thanks_url = self.subpage_url(request, "share_thanks")
        response = HttpResponseRedirect(thanks_url)
        response.status_code = 303
        response.set_signed_cookie(
            THANKS_COOKIE,
            _thanks_cookie_value(token, submitted.status_link_email),
            salt=THANKS_COOKIE_SALT,
            max_age=THANKS_COOKIE_AGE,
            path=thanks_url,
            httponly=True,
            samesite="Strict",
            secure=request.is_secure(),
        )
        return private(response)

    def share_again(self, request, fresh, message):
        """The share form showing what the contributor wrote, a fresh form state and
        ``message``, after the CSRF check refused it (home.public_forms); nothing is saved.
        A picture cannot be shown again: the contributor is asked to choose it again."""
        refused = self._refuse_unread_submission(request)
        if refused is not None:
            return refused
        form = forms.ShareStoryForm(topic_choices=_topics(request))
        form.initial.update({**answers(form, request.POST), **fresh})
        if request.FILES:
            message = format_lazy("{} {}", message, _("Please choose your picture again."))
        return share_form(self, request, form, error=message)

    def _refuse_unread_submission(self, request):
        """A problem page for a submission too large, too frequent or malformed to read;
        None when the form may be read."""
        max_body = story_settings.MAX_BODY_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_body:
            message = gettext(
                "What you sent was too large (over %(size)s MB). A picture is usually the "
                "reason: please choose a smaller one, or send your story without it."
            ) % {"size": max_body // (1024 * 1024)}
            return problem(self, request, 413, gettext("Your story could not be sent"), message)
        if over_rate_limit(request):
            message = gettext(
                "We have received several stories from your connection in a short time. "
                "Please try again in an hour. Your story has not been lost if you keep this "
                "page open and go back."
            )
            return problem(self, request, 429, gettext("Please wait a little"), message)
        try:
            post, files = request.POST, request.FILES
        except (RequestDataTooBig, TooManyFieldsSent):
            post = None
        if post is None or len(post) + len(files) > MAX_FORM_FIELDS:
            message = gettext(
                "The form arrived in a shape we do not accept. Please fill it in again."
            )
            return problem(self, request, 400, gettext("Your story could not be sent"), message)
        return None

    @path("share/thanks/")
    def share_thanks(self, request):
        """The contributor's private link, right after they shared a story (from the signed
        cookie only this browser holds), and the truth about the email carrying it."""
        value = request.get_signed_cookie(
            THANKS_COOKIE, default=None, salt=THANKS_COOKIE_SALT, max_age=THANKS_COOKIE_AGE
        )
        token, status_link_email = _read_thanks_cookie(value)
        record = ContributorRecord.objects.for_token(token) if token else None
        context = {"page": self, "request_link_url": self.subpage_url(request, "request_link")}
        if record is not None:
            status_path = self.subpage_url(request, "status", token=token)
            context["status_url"] = absolute(status_path, request)
            if record.email:
                context["email_state"] = _status_link_email_state(status_link_email)
        return private(TemplateResponse(request, "pages/story_thanks.html", context))

    @path("link/", name="request_link")
    def request_link(self, request):
        """ "Ask for your link again": one email field. The answer is the same whether or not
        a story is held for the address; each story held for it gets a new link by email and
        its old link stops working. Rate limited per client; private, never cached."""
        return relink.answer(self, request)

    # Before the token route, which "data" would match too.
    @path("status/data/", name="status_data")
    def status_data(self, request):
        """ "Download my data": everything held about this contributor (subject_access)."""
        return download_my_data(self, request)

    @path("status/<str:token>/")
    def status(self, request, token):
        """The contributor's private link. Each visit exchanges the token for a short private
        session (status_session) and redirects to the token-free status page, so the token
        does not stay in the address bar, the history, a Referer or later access log lines."""
        record = ContributorRecord.objects.for_token(token)
        if record is None:
            # The site's plain 404: nothing says whether such a story ever existed.
            return private(TemplateResponse(request, "404.html", {}, status=404))
        status_session.open_for(request, record)
        response = HttpResponseRedirect(self.subpage_url(request, "status_page"))
        response.status_code = 303
        return private(response)

    @path("status/", name="status_page")
    def status_page(self, request):
        """The contributor's private status page: where the story stands, and the actions
        they may take (withdraw, edit, approve the reviewers' edit). It works for the story
        whose link this browser followed in the last few hours."""
        record = status_session.record_for(request)
        if record is None:
            response = TemplateResponse(
                request, "pages/story_status_closed.html", {"page": self}, status=403
            )
            return private(response)
        status_url = self.subpage_url(request, "status_page")
        story = record.page
        context = {
            "page": self,
            "record": record,
            "story": story,
            "states": ContributorState,
            "status_url": status_url,
            "step": request.GET.get("step", ""),
            "backup_days": story_settings.BACKUP_DAYS,
        }
        edit_form = None
        if request.method == "POST":
            action = request.POST.get("action", "")
            if action == "withdraw" and record.can_withdraw:
                record = lifecycle.withdraw(record)
                story = None
                context.update({"record": record, "story": None, "done": "withdrawn", "step": ""})
            elif action == "edit" and record.can_edit and story is not None:
                edit_form = forms.EditStoryForm(request.POST)
                if edit_form.is_valid():
                    data = edit_form.cleaned_data
                    lifecycle.contributor_edit(record, data["title"], data["body"])
                    return private(HttpResponseRedirect(status_url + "?done=edited"))
                context["step"] = "edit"
            elif action == "approve" and story is not None:
                try:
                    revision_id = int(request.POST.get("revision", ""))
                except ValueError:
                    revision_id = None
                lifecycle.approve_reviewer_edit(record, revision_id)
                return private(HttpResponseRedirect(status_url + "?done=approved"))
            else:
                return private(HttpResponseRedirect(status_url))
        editing = context["step"] == "edit" and record.can_edit and story is not None
        if editing and edit_form is None:
            latest = story.get_latest_revision_as_object()
            edit_form = forms.EditStoryForm(
                initial={"title": latest.title, "body": html_to_text(latest.body)}
            )
        if story is not None and not record.is_withdrawn:
            current = story.get_latest_revision_as_object()
            context["current_title"] = current.title
            context["current_body"] = current.body
            pending = record.pending_reviewer_revision()
            if pending is not None:
                context["pending_revision"] = pending
        context["edit_form"] = edit_form
        context["done"] = context.get("done") or request.GET.get("done", "")
        context["text_max"] = STORY_TEXT_MAX_CHARS
        return private(TemplateResponse(request, "pages/story_status.html", context))


def _thanks_cookie_value(token, status_link_email):
    """What the thank-you cookie holds: the status token and what became of the status-link
    email (its delivery id, "" when this submission sent none, "-" when it could not be
    sent). Signed, so neither can be forged; the delivery id says nothing about anyone."""
    email = "-" if status_link_email is None else status_link_email
    return f"{token}|{email}"


def _read_thanks_cookie(value):
    """(token, status_link_email) from the thank-you cookie's value, or (None, "")."""
    if not value:
        return None, ""
    token, _bar, email = value.partition("|")
    return token or None, (None if email == "-" else email)


def _status_link_email_state(status_link_email):
    """What the thank-you page says about the status-link email: "sent", "queued" (waiting
    for its first attempt or a retry), "failed", or "unknown" (this submission sent none:
    the same story sent again, or a delivery long gone)."""
    if status_link_email is None:
        return "failed"
    if status_link_email == notifications.SENT_WITHOUT_QUEUE:
        return "sent"
    return delivery_state(status_link_email) or "unknown"


def _topics(request):
    """The topics a contributor may choose from, in the reader's language."""
    return term_choices(locale_topics(active_locale(request)).values())


# --- Listing -------------------------------------------------------------------------------


def story_index(page, request):
    """The section's listing: live stories, filtered by one topic and one campaign, paged.
    Served by the index route only, so the share, thanks and status routes run none of its
    queries."""
    locale = active_locale(request)
    topics = locale_topics(locale)
    stories = page.stories()
    chosen_topic = request.GET.get("topic", "")
    if chosen_topic in topics:
        stories = stories.filter(
            pk__in=StoryPage.topics.through.objects.filter(topic__slug=chosen_topic).values(
                "storypage_id"
            )
        )
    else:
        chosen_topic = ""
    chosen_campaign = ""
    campaigns = page.campaign_choices()
    wanted = request.GET.get("campaign", "")
    if wanted in {str(c.pk) for c in campaigns}:
        chosen_campaign = wanted
        stories = stories.filter(campaign_id=int(wanted))
    # Which stories, in order, is kept until the next publish (sorting and counting them
    # would otherwise grow with the section).
    key = ("stories", page.pk, locale.pk, chosen_topic, chosen_campaign)
    results = paginate(request, stories, STORIES_PER_PAGE, key=key)
    with_topic_names(results.object_list, topics)
    return page.render(
        request,
        context_overrides={
            "stories": results,
            "topics": topics.values(),
            "chosen_topic": chosen_topic,
            "campaigns": campaigns,
            "chosen_campaign": chosen_campaign,
            "querystring_prefix": querystring_prefix(
                {"topic": chosen_topic, "campaign": chosen_campaign}
            ),
        },
    )


def latest_stories(request, locale, count):
    """Home page listing: the newest published stories in this language."""
    topics = locale_topics(locale)
    stories = first(
        StoryPage.objects.live()
        .public()
        .filter(locale=locale)
        .for_cards()
        .order_by("-first_published_at", "-pk"),
        count,
        key=("latest-stories", locale.pk),
    )
    return with_topic_names(stories, topics)
