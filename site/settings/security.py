"""Security settings every environment shares, imported by base.py: the Content-Security-Policy
of public pages and of the admin (django-csp, through home.security), the
Permissions-Policy (django-permissions-policy) and sign-in throttling (django-axes)."""

import os
from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .media import OPENLY_MEDIA_ORIGINS

# Content-Security-Policy (django-csp, through home.security). Public pages load everything
# from the site itself and nothing inline: scripts and styles are static files, no
# 'unsafe-inline', no nonce (pages are cached whole and shared, see home/security.py).
# The only other origins are the video players a reader chooses to start
# (campaigns.blocks.video_embed_url), and media on other storage when configured.
OPENLY_VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Media origins: OPENLY_MEDIA_ORIGINS (e.g. https://media.example.org), or with object
# storage the bucket's and the CDN's, worked out from its settings (site/settings/media.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *OPENLY_MEDIA_ORIGINS],
        "media-src": [SELF, *OPENLY_MEDIA_ORIGINS],
        "frame-src": [SELF, *OPENLY_VIDEO_PLAYER_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Follows X-Frame-Options response by response (home.security): 'none' for DENY.
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin and the wagtail-localize editor write some scripts and styles inline, show
# image previews from data: and blob: addresses, and frame their own previews.
OPENLY_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *OPENLY_MEDIA_ORIGINS],
        "media-src": [SELF, *OPENLY_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF, *OPENLY_VIDEO_PLAYER_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Permissions-Policy (django-permissions-policy): the browser features Openly never uses are
# switched off for the site and anything it frames. Autoplay, fullscreen and
# picture-in-picture stay, for the video players a reader starts. Only features browsers
# recognise: an unknown one (FLoC's old interest-cohort, or ambient-light-sensor and bluetooth,
# which Chromium ships only behind a flag) makes Chromium log an error on every page.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Sign-in throttling (django-axes): after OPENLY_LOGIN_FAILURE_LIMIT wrong passwords for
# one account from one client address, signing in to that account from that address is
# paused for OPENLY_LOGIN_LOCKOUT_MINUTES; the right password is refused meanwhile. Counting
# the pair, not the address alone, means a colleague behind the same office router is not
# locked out of their own account, and nobody can lock an administrator out from elsewhere.
# Axes' backend comes first so a paused client is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("OPENLY_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("OPENLY_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The same client address as every other per-client limit (behind the trusted proxy too).
AXES_CLIENT_IP_CALLABLE = "home.clients.client_address"
AXES_LOCKOUT_CALLABLE = "home.sign_in.sign_in_paused"
# A pause ends when announced: attempts during it are refused but do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A successful sign-in forgets the earlier typos.
AXES_RESET_ON_SUCCESS = True
# Failed attempts (the name typed, address, browser) are kept only while they count, and
# deleted at the next sign-in after the pause; successful sign-ins are not recorded, and
# the log lines mask the name and address.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]

# The sites that may frame the pages under /<lang>/embed/ (home/embeds), as CSP
# frame-ancestors sources separated by spaces; any site by default. Every other page keeps
# frame-ancestors 'none' and X-Frame-Options: DENY.
OPENLY_EMBED_FRAME_ANCESTORS = os.environ.get("OPENLY_EMBED_FRAME_ANCESTORS", "").split() or ["*"]

# The read API (home/api) gives rich text as the HTML the site shows, links to pages as
# their public addresses, not the database's internal markup (?rich_text_format= may ask
# for another of Wagtail's formats).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
