"""Who may see a story's title and pictures in the admin: the one rule, asked by every admin
screen that lists pages, log entries, workflow states or images (campaigns.stories.admin_privacy
and the stories' wagtail_hooks adapt Wagtail's screens to it).

A story's title often names its contributor, a place or an illness. While a story is not live
(a draft, in review, declined or withdrawn), or while a new title waits for publication, the
title in any form (page title, draft title, audit-log label, revision) is seen only by the
people who may read contributor records (story moderators and administrators) and by the
story's owner (the contributor, when they use an admin account). Everyone else either does not
get the row at all or sees the neutral ``hidden_title``. Pictures sent with the share form
(the "Story submissions" collection) are for story moderators only, published or not.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext
from wagtail.models import Collection

from campaigns.stories.images import SUBMISSIONS_COLLECTION
from campaigns.stories.models.story import StoryPage

STORY_MODERATOR_PERMISSION = "stories.view_contributorrecord"


def sees_every_story(user):
    """Whether ``user`` may read every story's title and picture: whoever may read contributor
    records (story moderators, administrators) already holds more than the title."""
    return bool(user and user.is_active and user.has_perm(STORY_MODERATOR_PERMISSION))


def public_title_q(prefix=""):
    """Stories whose title is public: live, and no other title waits in a draft (Wagtail
    leaves ``draft_title`` empty on pages made without a revision)."""
    return Q(**{f"{prefix}live": True}) & (
        Q(**{f"{prefix}draft_title": F(f"{prefix}title")}) | Q(**{f"{prefix}draft_title": ""})
    )


def hidden_stories(user):
    """Story pages whose title ``user`` may not see, or None when they may see every title."""
    if sees_every_story(user):
        return None
    hidden = StoryPage.objects.exclude(public_title_q())
    if user is not None and user.is_authenticated:
        hidden = hidden.exclude(owner=user)
    return hidden


def without_hidden_stories(pages, user):
    """``pages`` (any page queryset) less the stories whose title ``user`` may not see."""
    hidden = hidden_stories(user)
    if hidden is None:
        return pages
    return pages.exclude(pk__in=hidden.values("pk"))


def may_see_story_title(user, page):
    """Whether ``user`` may see ``page``'s title (pages other than stories: always)."""
    page = getattr(page, "specific_deferred", page)
    if not isinstance(page, StoryPage) or sees_every_story(user):
        return True
    if user is not None and user.is_authenticated and page.owner_id == user.pk:
        return True
    return page.live and page.draft_title in ("", page.title)


def hidden_title(page):
    """The neutral label shown instead of a story's title: says what it is and tells two
    stories apart by their page number, which identifies nobody."""
    return gettext("Unpublished story #%(number)s") % {"number": page.pk}


def masked(page, user):
    """``page`` as ``user`` may see it: itself, or a copy for display only whose title and
    draft title are the neutral label (the copy is never saved; the page keeps its title)."""
    if may_see_story_title(user, page):
        return page
    shown = copy.copy(getattr(page, "specific_deferred", page))
    # The copy must not hand back the original through Wagtail's cached specific forms.
    for cached in ("specific", "specific_deferred"):
        shown.__dict__.pop(cached, None)
    shown.title = shown.draft_title = hidden_title(page)
    return shown


def visible_log_entries(entries, user):
    """Page audit-log ``entries`` less those whose label ``user`` may not see. A label is the
    title the page had when the entry was written, so besides the entries of hidden stories
    (and of deleted ones) it leaves out those of a published story written under another
    title than its public one: the contributor's first title is often the identifying one."""
    if sees_every_story(user):
        return entries
    story_type = ContentType.objects.get_for_model(StoryPage)
    of_stories = Q(content_type=story_type) | Q(page_id__in=StoryPage.objects.values("pk"))
    under_public_title = Exists(
        StoryPage.objects.filter(public_title_q(), pk=OuterRef("page_id"), title=OuterRef("label"))
    )
    kept = ~of_stories | under_public_title
    if user is not None and user.is_authenticated:
        kept |= Q(page_id__in=StoryPage.objects.filter(owner=user).values("pk"))
    return entries.filter(kept)


def story_picture_collections():
    """The "Story submissions" collection and any collection inside it."""
    roots = Collection.objects.filter(depth=2, name=SUBMISSIONS_COLLECTION)
    collections = Collection.objects.none()
    for root in roots:
        collections |= Collection.objects.descendant_of(root, inclusive=True)
    return collections


def without_story_pictures(images, user):
    """``images`` less the pictures contributors sent with their story, unless ``user``
    sees every story."""
    if sees_every_story(user):
        return images
    return images.exclude(collection__in=story_picture_collections().values("pk"))


def may_see_picture(user, image):
    """Whether ``user`` may see ``image`` in the admin (listings, choosers, edit views)."""
    if sees_every_story(user):
        return True
    return not story_picture_collections().filter(pk=image.collection_id).exists()
