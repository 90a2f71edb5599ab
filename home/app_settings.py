"""Settings of one app under a common prefix, each with its default, read on each access
(so ``override_settings`` and per-test settings take effect at once)."""

from django.conf import settings


class AppSettings:
    """``AppSettings("OPENLY_EMAIL_", {"KEEP_DAYS": 14}).KEEP_DAYS`` reads
    ``settings.OPENLY_EMAIL_KEEP_DAYS`` or 14. Unknown names raise AttributeError, so a typo
    cannot silently read None."""

    def __init__(self, prefix, defaults):
        self._prefix = prefix
        self._defaults = dict(defaults)

    def __getattr__(self, name):
        try:
            default = self._defaults[name]
        except KeyError:
            raise AttributeError(name) from None
        return getattr(settings, self._prefix + name, default)
