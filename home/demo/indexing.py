"""Indexing each demo object once, at the end of the load, instead of on every save.

Building a page saves it several times (created, a revision, published, translated, its
translations published), and each save queues a search-index and a reference-index update
of the whole object. While the demo loads, those updates are noted instead, and each object
noted is indexed once when the load ends, with the same tasks Wagtail and its search index
run on a save. Whatever saves the demo's steps make, the indexes end as a save would leave
them.
"""

from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

NOTE_UID = "openly-demo-indexing-deferred"


def _searchable_models():
    models = index.get_indexed_models()
    return [model for model in models if getattr(model, "search_auto_update", True)]


@contextmanager
def indexing_deferred():
    """Note every object saved inside the block; index each once when it ends."""
    noted = {}  # (app label, model name, pk) -> (searchable, referenced)
    searchable = set(_searchable_models())

    def note(sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            return
        key = (sender._meta.app_label, sender._meta.model_name, str(instance.pk))
        noted[key] = (sender in searchable, sender in ReferenceIndex.tracked_models)

    # Only the updates on save wait; deletions still leave both indexes at once.
    handlers = [(post_save_signal_handler, model) for model in searchable]
    handlers += [(update_reference_index_on_save, m) for m in ReferenceIndex.tracked_models]
    for handler, model in handlers:
        post_save.disconnect(handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid=NOTE_UID)
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid=NOTE_UID)
        for handler, model in handlers:
            post_save.connect(handler, sender=model)
        # Also after a failed step: what was saved before it is indexed all the same.
        for (app_label, model_name, pk), (in_search, in_references) in noted.items():
            _index_one(app_label, model_name, pk, in_search, in_references)


def _index_one(app_label, model_name, pk, in_search, in_references):
    """What a save of the object would have queued; nothing for an object deleted since."""
    for wanted, job in (
        (in_search, insert_or_update_object_task),
        (in_references, update_reference_index_task),
    ):
        if not wanted:
            continue
        try:
            job.call(app_label, model_name, pk)
        except ObjectDoesNotExist:
            return
