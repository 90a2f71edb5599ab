"""gunicorn settings for Openly (``gunicorn -c deploy/gunicorn.conf.py openly.wsgi``).

Every value can be changed from the environment (see /etc/openly/openly.env):
GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core plus one is gunicorn's usual starting point for I/O-bound sites.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Nothing a reader or editor does waits on another service for long (emails and purges run
# in the worker), so a request still running after this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Restart each process now and then, so a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
# The access log goes through the application's logging (timestamps, request id, status
# tokens removed: home/log_privacy.py). The format leaves out query strings and referrers.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Load the language check's lemma dictionaries (from their cache folder, filled once by
    ``manage.py language_check_prepare``) as each process starts, not on its first check:
    processes are replaced every ``max_requests``."""
    # Imported here: the application (and so Django's settings) is loaded by now, not when
    # gunicorn reads this file.
    from home.language_check.lemmas import preload

    preload()
