"""System checks of the stories app (registered in StoriesConfig.ready): the erasure ledger
(``ledger``) has a storage, and a folder ledger is not one the site serves."""

from pathlib import Path

from django.conf import settings
from django.core import checks

from campaigns.stories.ledger import STORAGE_ALIAS


def erasure_ledger_storage(app_configs=None, **kwargs):
    """Error when ``STORAGES["erasure_ledger"]`` is missing, or is a folder inside
    MEDIA_ROOT or STATIC_ROOT."""
    config = settings.STORAGES.get(STORAGE_ALIAS)
    if config is None:
        return [
            checks.Error(
                f'STORAGES has no "{STORAGE_ALIAS}" storage: story erasures could not be '
                "recorded, so withdrawals would fail.",
                hint="See site/settings/base.py (OPENLY_ERASURE_LEDGER_DIR).",
                id="stories.E001",
            )
        ]
    location = config.get("OPTIONS", {}).get("location")
    if not config.get("BACKEND", "").endswith("FileSystemStorage") or not location:
        return []
    ledger = Path(location).resolve()
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = getattr(settings, name, None)
        if served and (
            ledger == Path(served).resolve() or Path(served).resolve() in ledger.parents
        ):
            return [
                checks.Error(
                    f"The erasure ledger folder is inside {name}, which the site serves.",
                    hint="Set OPENLY_ERASURE_LEDGER_DIR to a private folder.",
                    id="stories.E002",
                )
            ]
    return []
