"""Story models, one module per model: the story page (story.py), the contributor record
kept apart from it (contributor.py), the stories section with its routes (index.py) and the
safety review's task type (review.py).

The story page holds only what may be published. Everything that identifies the person who
shared it (email, consent, the status token) lives in ContributorRecord, which is not a page,
has no revisions, is not indexed for search and is visible only to story moderators.

Each module imports the others by their submodule path, never through this package, so the
index page can import the lifecycle (which needs the story and the record) at the top.
"""

from campaigns.stories.models.contributor import ContributorRecord, ContributorRecordQuerySet
from campaigns.stories.models.index import StoryIndexPage
from campaigns.stories.models.review import StorySafetyReviewTask
from campaigns.stories.models.story import ContentNotesField, StoryPage, StoryQuerySet

__all__ = [
    "ContentNotesField",
    "ContributorRecord",
    "ContributorRecordQuerySet",
    "StoryIndexPage",
    "StoryPage",
    "StoryQuerySet",
    "StorySafetyReviewTask",
]
