# Openly behind Varnish: what may be cached, and who may purge it.
#
# The application decides (home/http_cache.py): a page the same for every anonymous reader
# says "Cache-Control: public, max-age=60, s-maxage=600, stale-while-revalidate=60,
# stale-if-error=86400"; everything else says "private, no-store". This VCL stores only the
# former, for its s-maxage, and never a response that sets a cookie. After every change a
# reader can see, the application bans everything this Varnish holds of the site (BAN from
# home/frontend_cache.py), so a reader gets the change on the next request.
#
# Varnish looks the two included files up in its vcl_path (/etc/varnish first): where
# gunicorn listens, and the addresses besides this machine that may PURGE and BAN.
vcl 4.1;

import std;

include "openly-backend.vcl";
include "openly-purgers.vcl";

acl openly_localhost {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (!(client.ip ~ openly_localhost || client.ip ~ openly_purgers)) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "BAN") {
            # Everything: a change shows on listings, the home page, feeds, the sitemap and
            # in every language.
            ban("obj.status != 0");
            return (synth(200, "Banned"));
        }
        return (purge);
    }

    # Past its stale-while-revalidate time, a stale copy is only for when the application
    # is down (stale-if-error): vcl_hit restarts such a request to fetch a fresh one.
    if (req.restarts > 0 && req.http.X-Openly-Refresh) {
        set req.grace = 0s;
    }
    unset req.http.X-Openly-Refresh;

    # The admin (and its previews), Wagtail's password and login forms, and requests with
    # a session (an editor, or a reader who gave a page's password) go to the application.
    # So does the story thank-you page, which reads its own short-lived cookie.
    if (req.url ~ "^/(admin|_util)(/|\?|$)"
        || req.http.Cookie ~ "(^|;\s*)(sessionid|openly_story_thanks)=") {
        return (pass);
    }

    # Any other cookie a reader has (their country, a CSRF token, analytics) makes no
    # difference to a public page: drop it, so it neither bypasses nor splits the cache.
    # POST and the other unsafe methods keep their cookies and go to the application
    # (Varnish's built-in vcl_recv, which runs after this).
    if (req.method == "GET" || req.method == "HEAD") {
        unset req.http.Cookie;
    }
}

sub vcl_hit {
    if (obj.ttl < 0s && req.restarts == 0 && std.healthy(req.backend_hint)
        && obj.ttl + std.duration(obj.http.X-Openly-Revalidate + "s", 0s) < 0s) {
        set req.http.X-Openly-Refresh = "1";
        return (restart);
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the application marks public is stored. The built-in rules, after this,
    # refuse responses that set a cookie or say private, no-store or no-cache.
    if (beresp.http.Cache-Control !~ "(?i)(^|[\s,])public(\s*($|,))") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish takes the TTL from s-maxage and the grace from stale-while-revalidate.
    # Keep a copy for as long as stale-if-error allows, to serve while the application is
    # down; vcl_hit limits it to stale-while-revalidate while the application is healthy.
    set beresp.http.X-Openly-Revalidate = beresp.grace;
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"),
            beresp.grace);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Openly-Revalidate;
}
