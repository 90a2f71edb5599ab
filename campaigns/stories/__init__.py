"""Success stories by people with lived experience (PLE): public listing and story pages,
the consent-first share form, the contributor's private status page and the review flow.

Every ``OPENLY_STORY_*`` setting, with its default, is listed and read in ``conf.py``.
Every change to a story and its contributor record goes through ``lifecycle.py``.

Scheduled commands: ``erase_story_contributors`` (daily) and ``send_story_notifications``
(every few minutes: retries reviewer notices that could not be sent).
"""
