"""The stories app's settings: every ``OPENLY_STORY_*`` setting and its default, read here
and nowhere else. Values are looked up on each access, so ``override_settings`` and
per-test settings take effect at once.

- ``RETENTION_DAYS = 30``: a declined story (with its contributor's details) is erased this
  many days after it was declined, by ``manage.py erase_story_contributors`` (run it daily).
  A withdrawn story is erased at once (``erasure``).
- ``EXPIRY_DAYS = 180``: a story sent back to its contributor ("Changes suggested") that they
  have neither edited nor withdrawn this many days later has expired: the same job erases it.
- ``BACKUP_DAYS = 30``: how long the operator keeps database and media backups. Contributors
  are told that a copy of an erased story may stay in a backup at most this long (and that a
  restore applies the erasure again: ``manage.py replay_erasures``).
- ``TOKEN_DAYS = 730``: how long a private status link works.
- ``STATUS_SESSION_SECONDS = 3 hours``: how long the status page stays open in a browser
  after its private link was followed (``status_session``); then the link is needed again.
- ``RATE_LIMIT = (5, 3600)``: stories per client address per window (seconds).
  Clients are told apart as by every per-client limit (``home.clients``: behind a proxy,
  the site's ``OPENLY_CLIENT_IP_HEADER``; ``OPENLY_STORY_CLIENT_IP_HEADER`` is that
  setting's deprecated former name, read there).
- ``LINK_RATE_LIMIT = (5, 3600)``: requests for a new private link ("ask for your link
  again") per client per window (seconds), counted like ``RATE_LIMIT``.
- ``MIN_FILL_SECONDS = 5``: faster submissions are treated as bots.
- ``MAX_BODY_BYTES = 10 MiB``, ``IMAGE_MAX_BYTES = 8 MiB``, ``IMAGE_MAX_PIXELS = 24_000_000``:
  upload limits.
"""

from home.app_settings import AppSettings

PREFIX = "OPENLY_STORY_"

DEFAULTS = {
    "RETENTION_DAYS": 30,
    "EXPIRY_DAYS": 180,
    "BACKUP_DAYS": 30,
    "TOKEN_DAYS": 730,
    "STATUS_SESSION_SECONDS": 3 * 60 * 60,
    "RATE_LIMIT": (5, 60 * 60),
    "LINK_RATE_LIMIT": (5, 60 * 60),
    "MIN_FILL_SECONDS": 5,
    "MAX_BODY_BYTES": 10 * 1024 * 1024,
    "IMAGE_MAX_BYTES": 8 * 1024 * 1024,
    "IMAGE_MAX_PIXELS": 24_000_000,
}


# ``story_settings.RATE_LIMIT`` reads ``settings.OPENLY_STORY_RATE_LIMIT`` or its default.
story_settings = AppSettings(PREFIX, DEFAULTS)
