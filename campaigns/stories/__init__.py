"""Success stories by people with lived experience (PLE): public listing and story pages,
the consent-first share form, the contributor's private status page and the review flow.

Settings (all optional, read with these defaults):

- ``OPENLY_STORY_RETENTION_DAYS = 30``: contributor records of withdrawn or declined stories
  are erased this many days later by ``manage.py erase_story_contributors`` (run it daily).
- ``OPENLY_STORY_TOKEN_DAYS = 730``: how long a private status link works.
- ``OPENLY_STORY_RATE_LIMIT = (5, 3600)``: stories per client address per window (seconds).
- ``OPENLY_STORY_CLIENT_IP_HEADER = ""``: behind a trusted reverse proxy, the request header
  holding the client's address (e.g. ``"HTTP_X_REAL_IP"``); unset, REMOTE_ADDR is used.
- ``OPENLY_STORY_MIN_FILL_SECONDS = 5``: faster submissions are treated as bots.
- ``OPENLY_STORY_MAX_BODY_BYTES = 10 MiB``, ``OPENLY_STORY_IMAGE_MAX_BYTES = 8 MiB``,
  ``OPENLY_STORY_IMAGE_MAX_PIXELS = 24_000_000``: upload limits.

Scheduled commands: ``erase_story_contributors`` (daily) and ``send_story_notifications``
(every few minutes: retries reviewer notices that could not be sent).
"""
