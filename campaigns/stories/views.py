"""The public story views, served by StoryIndexPage's routes: the listing, the share form,
the thank-you page and the contributor's private status page."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.stories import forms, notifications, services
from campaigns.stories.models import (
    STORIES_PER_PAGE,
    ContributorRecord,
    ContributorState,
    StoryPage,
)
from home.chrome import active_locale, reader_country
from home.models import CrisisHelpline, Topic
from home.views import paginate

THANKS_COOKIE = "openly_story_thanks"
THANKS_COOKIE_SALT = "openly.stories.thanks"
THANKS_COOKIE_AGE = 15 * 60
MAX_FORM_FIELDS = 60
STORY_HELPLINES = 4


def _setting(name, default):
    return getattr(settings, name, default)


def _private(response):
    """Pages with a contributor's data or token: never cached, indexed or referred."""
    add_never_cache_headers(response)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


# --- Listing -------------------------------------------------------------------------------


def locale_topics(locale):
    """This language's published topics by slug, falling back to the source language's
    (also where a translation still waits for review)."""
    return Topic.objects.select_related("locale").for_locale(locale)


def with_topic_names(stories, topics):
    """Give each story on a page its topics' names in the reader's language (topics never
    published are left out)."""
    for story in stories:
        story.card_topics = [
            topics[t.slug].name if t.slug in topics else t.name
            for t in story.topics.all()
            if t.slug in topics or t.live
        ]
    return stories


def story_index(page, request):
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
    campaigns = []
    if hasattr(StoryPage, "campaign"):
        campaigns = page.campaign_choices()
        wanted = request.GET.get("campaign", "")
        if wanted in {str(c.pk) for c in campaigns}:
            chosen_campaign = wanted
            stories = stories.filter(campaign_id=int(wanted))
    results = paginate(request, stories, STORIES_PER_PAGE)
    with_topic_names(results.object_list, topics)
    query = []
    if chosen_topic:
        query.append(f"topic={chosen_topic}")
    if chosen_campaign:
        query.append(f"campaign={chosen_campaign}")
    return page.render(
        request,
        context_overrides={
            "stories": results,
            "topics": topics.values(),
            "chosen_topic": chosen_topic,
            "campaigns": campaigns,
            "chosen_campaign": chosen_campaign,
            "querystring_prefix": "&".join(query) + "&" if query else "",
        },
    )


def latest_stories(request, locale, count):
    """Home page listing: the newest published stories in this language."""
    topics = locale_topics(locale)
    stories = list(
        StoryPage.objects.live()
        .public()
        .filter(locale=locale)
        .for_cards()
        .order_by("-first_published_at", "-pk")[:count]
    )
    return with_topic_names(stories, topics)


def helplines_for(request):
    locale = active_locale(request)
    country = reader_country(request)
    helplines = CrisisHelpline.objects.for_locale(locale, country) if country else []
    if not helplines:
        helplines = CrisisHelpline.objects.for_locale(locale)
    return helplines[:STORY_HELPLINES]


def story_page_context(page, request):
    """What a story page shows besides the story: helplines before sensitive stories, and
    related stories."""
    context = {"emergency_number": settings.OPENLY_EMERGENCY_NUMBER}
    if page.content_notes:
        context["helplines"] = helplines_for(request)
    topics = locale_topics(active_locale(request))
    context["topic_names"] = with_topic_names([page], topics)[0].card_topics
    topic_slugs = [t.slug for t in page.topics.all() if t.live]
    related = (
        StoryPage.objects.live()
        .public()
        .sibling_of(page, inclusive=False)
        .filter(pk__in=StoryPage.objects.filter(topics__slug__in=topic_slugs).values("pk"))
        .for_cards()
        .order_by("-first_published_at")[:3]
    )
    context["related_stories"] = with_topic_names(list(related), topics)
    context["related_resources"] = related_resources(page, topic_slugs)
    return context


def related_resources(page, topic_slugs, limit=3):
    """Live literacy resources in the story's language that share a topic with it."""
    try:
        from campaigns.models import ResourcePage
    except ImportError:
        return []
    if not topic_slugs:
        return []
    return list(
        ResourcePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .with_topics(topic_slugs)
        .order_by("-first_published_at")[:limit]
    )


# --- Sharing a story -----------------------------------------------------------------------


def client_key(request):
    """A keyed hash of the client's address: the cache never holds the address itself."""
    # Behind a trusted reverse proxy every request comes from the proxy's address: the
    # operator names the header the proxy sets (e.g. "HTTP_X_REAL_IP"). Never trusted unset.
    header = _setting("OPENLY_STORY_CLIENT_IP_HEADER", "")
    address = request.META.get(header, "") if header else ""
    address = address.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def _rate_key(request):
    return f"stories:rate:{client_key(request)}"


def _rate_limit():
    return _setting("OPENLY_STORY_RATE_LIMIT", (5, 60 * 60))


def over_rate_limit(request):
    """True when this client has already sent the most stories allowed in the window."""
    limit, _window = _rate_limit()
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_submission(request):
    """Count a story (or a bot's attempt) against the client's limit. Mistakes a person
    corrects in the form do not count: people in distress should not be locked out."""
    _limit, window = _rate_limit()
    key = _rate_key(request)
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)


def _problem(page, request, status, heading, message):
    response = TemplateResponse(
        request,
        "pages/story_problem.html",
        {
            "page": page,
            "problem_heading": heading,
            "problem_message": message,
            "share_url": page.get_url(request) + page.reverse_subpage("share"),
        },
        status=status,
    )
    return _private(response)


def _share_form_response(page, request, form, status=200, error=""):
    response = TemplateResponse(
        request,
        "pages/story_share.html",
        {
            "page": page,
            "form": form,
            "error": error,
            "helplines": helplines_for(request),
            "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
            "text_max": forms.STORY_TEXT_MAX_CHARS,
            "consent_version": forms.CONSENT_VERSION,
        },
        status=status,
    )
    return _private(response)


def _topic_choices(request):
    return [(slug, topic.name) for slug, topic in locale_topics(active_locale(request)).items()]


def share(page, request):
    if request.method != "POST":
        form = forms.ShareStoryForm(topic_choices=_topic_choices(request))
        return _share_form_response(page, request, form)

    max_body = _setting("OPENLY_STORY_MAX_BODY_BYTES", 10 * 1024 * 1024)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > max_body:
        return _problem(
            page,
            request,
            413,
            _("Your story could not be sent"),
            _(
                "What you sent was too large (over %(size)s MB). A picture is usually the "
                "reason: please choose a smaller one, or send your story without it."
            )
            % {"size": max_body // (1024 * 1024)},
        )
    if over_rate_limit(request):
        return _problem(
            page,
            request,
            429,
            _("Please wait a little"),
            _(
                "We have received several stories from your connection in a short time. "
                "Please try again in an hour. Your story has not been lost if you keep this "
                "page open and go back."
            ),
        )
    try:
        post, files = request.POST, request.FILES
    except (RequestDataTooBig, TooManyFieldsSent):
        post = None
    if post is None or len(post) + len(files) > MAX_FORM_FIELDS:
        return _problem(
            page,
            request,
            400,
            _("Your story could not be sent"),
            _("The form arrived in a shape we do not accept. Please fill it in again."),
        )

    form = forms.ShareStoryForm(post, files, topic_choices=_topic_choices(request))
    if not form.is_valid():
        if form.looks_automated:
            count_submission(request)
        return _share_form_response(page, request, _fresh_state(form), status=400)

    data = dict(form.cleaned_data)
    data["consent_version"] = forms.CONSENT_VERSION
    data["topics"] = _topics_for(data.get("topics") or [], page.locale)
    token = form.status_token
    try:
        record, created = services.submit_story(page, data, token, get_language())
    except services.SubmissionFailed:
        return _share_form_response(
            page,
            request,
            _fresh_state(form),
            status=503,
            error=_(
                "Sorry, we could not save your story just now. Nothing was kept. Please try "
                "again in a few minutes; your text is still in the form below."
            ),
        )
    status_url = request.build_absolute_uri(status_path(page, token, request))
    if created:
        count_submission(request)
    if created and data.get("email"):
        email, language = data["email"], get_language()
        from django.db import transaction

        transaction.on_commit(lambda: notifications.send_status_link(email, status_url, language))
    response = HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("share_thanks"))
    response.status_code = 303
    response.set_signed_cookie(
        THANKS_COOKIE,
        token,
        salt=THANKS_COOKIE_SALT,
        max_age=THANKS_COOKIE_AGE,
        path=page.get_url(request) + page.reverse_subpage("share_thanks"),
        httponly=True,
        samesite="Strict",
        secure=request.is_secure(),
    )
    return _private(response)


def _fresh_state(form):
    """Keep the contributor's answers but never a stale or invalid form state."""
    if "form_state" in form.errors:
        data = form.data.copy()
        data["form_state"] = forms.new_form_state()
        form.data = data
    return form


def _topics_for(slugs, locale):
    topics = locale_topics(locale)
    return [topics[slug] for slug in slugs if slug in topics]


def status_path(page, token, request=None):
    return page.get_url(request) + page.reverse_subpage("status", kwargs={"token": token})


def share_thanks(page, request):
    token = request.get_signed_cookie(
        THANKS_COOKIE, default=None, salt=THANKS_COOKIE_SALT, max_age=THANKS_COOKIE_AGE
    )
    record = ContributorRecord.objects.for_token(token) if token else None
    context = {"page": page}
    if record is not None:
        context["status_url"] = request.build_absolute_uri(status_path(page, token, request))
        context["emailed"] = bool(record.email)
    response = TemplateResponse(request, "pages/story_thanks.html", context)
    return _private(response)


# --- The contributor's status page ---------------------------------------------------------


def status(page, request, token):
    record = ContributorRecord.objects.for_token(token)
    if record is None:
        # The site's plain 404: nothing says whether such a story ever existed.
        return _private(TemplateResponse(request, "404.html", {}, status=404))
    story = record.page
    context = {
        "page": page,
        "record": record,
        "story": story,
        "states": ContributorState,
        "status_url": status_path(page, token, request),
        "step": request.GET.get("step", ""),
    }
    edit_form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "withdraw" and not record.is_withdrawn:
            services.withdraw(record)
            context.update(
                {"record": record.__class__.objects.get(pk=record.pk), "done": "withdrawn"}
            )
            context["step"] = ""
        elif action == "edit" and record.can_edit and story is not None:
            edit_form = forms.EditStoryForm(request.POST)
            if edit_form.is_valid():
                services.contributor_edit(
                    record, edit_form.cleaned_data["title"], edit_form.cleaned_data["body"]
                )
                return _private(
                    HttpResponseRedirect(status_path(page, token, request) + "?done=edited")
                )
            context["step"] = "edit"
        elif action == "approve" and story is not None:
            try:
                revision_id = int(request.POST.get("revision", ""))
            except ValueError:
                revision_id = None
            services.approve_reviewer_edit(record, revision_id)
            return _private(
                HttpResponseRedirect(status_path(page, token, request) + "?done=approved")
            )
        else:
            return _private(HttpResponseRedirect(status_path(page, token, request)))
    if context["step"] == "edit" and record.can_edit and story is not None and edit_form is None:
        latest = story.get_latest_revision_as_object()
        edit_form = forms.EditStoryForm(
            initial={"title": latest.title, "body": services.html_to_text(latest.body)}
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
    context["text_max"] = forms.STORY_TEXT_MAX_CHARS
    response = TemplateResponse(request, "pages/story_status.html", context)
    return _private(response)
