"""The Content-Security-Policy of every response: django-csp's middleware with a few choices
of Openly's own.

- **Public pages get one strict policy, the same for every reader.** Nothing on them is
  inline (scripts and styles are static files; JSON-LD ``<script type="application/ld+json">``
  blocks are data, which browsers neither run nor check against ``script-src``), so the
  policy needs neither ``'unsafe-inline'`` nor a nonce. That matters because public pages
  are kept whole, headers and all, by the embedded page cache and by Varnish and handed to
  every reader: a nonce made for one response would be replayed to thousands, and a policy
  that varied per response would not match the page a reader is given. There is therefore
  no nonce anywhere (``csp.constants.NONCE`` appears in no policy; a nonce would also switch
  off ``'unsafe-inline'`` where the admin needs it).
- **The admin has a policy of its own** (``OPENLY_ADMIN_CONTENT_SECURITY_POLICY``), chosen
  by path: Wagtail's admin and the wagtail-localize editor still write a few inline scripts
  and styles, so that policy allows them, and nothing else besides the site itself. A path
  rather than a decorator on each admin view, so the admin's own 403, 404 and login pages,
  and views other apps add to the admin, are covered too.
- **frame-ancestors follows X-Frame-Options** (Django's ``XFrameOptionsMiddleware``, inside
  this one): ``'none'`` for ``DENY``, ``'self'`` where a view allows its own site to frame
  it (Wagtail's preview panel), no directive for a view exempt from it. Browsers that know
  ``frame-ancestors`` ignore X-Frame-Options, so the two must never disagree. A response
  with a ``frame_ancestors`` list (the embeddable pages, home.embeds, which are exempt from
  X-Frame-Options) gets exactly those sources.
- **Previews take the admin's policy.** Wagtail renders a preview by passing a stand-in
  request for the page's public address (``request.is_dummy``) through the whole middleware
  chain inside the admin's request; that inner pass sets no policy, so the admin request's
  own (with ``frame-ancestors 'self'``, since the preview is shown in the admin's frame)
  is the one the browser gets.
- **One order.** django-csp lists directives in a set's order, which differs between
  processes; they are put in the settings' order, so every process sends the same bytes.

A policy a view sets itself with django-csp's decorators (``@csp``, ``@csp_replace``) still
wins over both.
"""

from csp.constants import HEADER, NONE, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property

FRAME_ANCESTORS = {"DENY": [NONE], "SAMEORIGIN": [SELF]}


def in_fixed_order(policy):
    """``policy`` with its directives in one order: django-csp lists them in the order of a
    set, which differs from one process to the next, and every process must send a public
    page's readers the very same header."""
    order = list(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives = [part.strip() for part in policy.split(";") if part.strip()]

    def position(directive):
        name = directive.split()[0]
        return (order.index(name) if name in order else len(order), name)

    return "; ".join(sorted(directives, key=position))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin's address and
    frame-ancestors kept in step with X-Frame-Options. Settings: ``CONTENT_SECURITY_POLICY``
    (django-csp's, for every page but the admin), ``OPENLY_ADMIN_CONTENT_SECURITY_POLICY``."""

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            return response  # a preview: the admin request around it sets the policy
        response = super().process_response(request, response)
        if HEADER in response:
            response.headers[HEADER] = in_fixed_order(response.headers[HEADER])
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is not None:
            config = parts.config  # the view's own (django-csp's decorators)
        elif request.path_info.startswith(self.admin_prefix):
            config = settings.OPENLY_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        else:
            config = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        # A copy, so that frame-ancestors is set for this response alone.
        parts.config = dict(config)
        framing = response.get("X-Frame-Options", "").upper()
        if getattr(response, "frame_ancestors", None):
            # A page other sites may frame (home.embeds): the sites it names.
            parts.config["frame-ancestors"] = list(response.frame_ancestors)
        elif getattr(response, "xframe_options_exempt", False):
            parts.config.pop("frame-ancestors", None)
        elif framing in FRAME_ANCESTORS:
            parts.config["frame-ancestors"] = FRAME_ANCESTORS[framing]
        return parts
