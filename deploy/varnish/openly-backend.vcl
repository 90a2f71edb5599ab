# Where gunicorn listens. Included by openly.vcl; edit this file, not that one.
#
# The probe lets Varnish tell a healthy application from one that is down: while it is
# down, readers get the last good copy of a page (stale-if-error) instead of an error.
# It asks /health/ (database, cache, media storage), which answers whatever the Host.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .request =
            "HEAD /health/ HTTP/1.1"
            "Host: localhost"
            "Connection: close"
            "User-Agent: Varnish health probe";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}
