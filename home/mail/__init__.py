"""Durable email: every message Openly sends (status links, story updates, review notices,
workflow notifications, Wagtail's own emails, password resets) is sealed, stored and
delivered by a background task that retries with back-off (``deliveries``).

``EMAIL_BACKEND`` is ``home.mail.backend.QueuedEmailBackend``; the real transport (SMTP in
production) is ``OPENLY_EMAIL_TRANSPORT``. A mail outage never raises into a request and
never rolls back what the request did; a rolled-back request sends nothing. Callers learn
what became of an email with ``home.mail.deliveries.delivery_state``.
"""
