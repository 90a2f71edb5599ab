"""The Openly WSGI application, with each response saying how much CPU its process spent
on it (``X-Server-CPU-us``), for the throughput benchmark only (tests/bench/bench_http.py).

Thread CPU time, not wall time: what the request cost the server, whatever else the
machine was doing. Django renders a response completely before returning it, so the time
around the application call covers the whole request."""

import time

from openly.wsgi import application as openly_application


def application(environ, start_response):
    started = time.thread_time_ns()
    captured = {}

    def remember(status, headers, exc_info=None):
        captured["start"] = (status, headers, exc_info)
        return lambda data: None  # the write() callable; Django never uses it

    result = openly_application(environ, remember)
    try:
        body = b"".join(result)
    finally:
        # Closing sends request_finished, which returns the database connection.
        result.close()
    spent_us = (time.thread_time_ns() - started) // 1000
    status, headers, exc_info = captured["start"]
    start_response(status, [*headers, ("X-Server-CPU-us", str(spent_us))], exc_info)
    return [body]
