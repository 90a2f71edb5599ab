"""The admin speaks its user's language for the whole request, not only inside the view.

Wagtail switches to the user's preferred admin language inside each admin view
(wagtail.admin.localization.get_localized_response); what happens around the view was left in
the site's default language. A page an editor may not open, for one, sent them back to the
dashboard with "Sorry, you do not have permission to access this area." in English, whatever
language they chose."""

from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.admin.localization import get_available_admin_languages


class AdminLanguageMiddleware:
    """Activate the signed-in user's admin language for every request to the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def __call__(self, request):
        language = self.language_for(request)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return self.get_response(request)

    def language_for(self, request):
        if not request.path.startswith(self.admin_prefix):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        # The same lookup Wagtail makes inside the view (the profile is cached on the user).
        profile = getattr(user, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else None
        available = {code for code, _name in get_available_admin_languages()}
        return language if language in available else None
