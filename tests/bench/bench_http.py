"""Throughput as an operator would run Openly: production settings, gunicorn with two
workers, a SQLite database with the demo content, loaded with wrk (Debian's `wrk`).

Prints, for home, a listing and a detail page:
- uncached (the embedded page cache off): requests per second and the server CPU each
  request cost (median of sequential requests, from ``X-Server-CPU-us``, tests/bench/cpu_wsgi.py);
- through the shared cache (Varnish with deploy/varnish/openly.vcl in front of gunicorn):
  requests per second beside nginx serving a saved copy of the same page, the physical
  reference for "how fast can this machine answer HTTP at all";
- 64 concurrent connections for 30 seconds through the shared cache: errors and p99.

Runs in its own temporary folder and processes, on 127.0.0.1 only; skipped with a note when
wrk, nginx or varnishd is missing. The machine is shared, so read ratios measured in one run.
"""

import contextlib
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.varnish import VARNISHD, free_port, running_varnish

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
CPU_SAMPLES = 100
LOAD_SECONDS = int(os.environ.get("OPENLY_BENCH_LOAD_SECONDS", "10"))
LONG_SECONDS = int(os.environ.get("OPENLY_BENCH_LONG_SECONDS", "30"))


def wait_for(port, path="/en/", seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        time.sleep(0.3)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port}{path}")


class ProductionSite:
    """A throwaway production-settings site: database, demo content, static files."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "openly.settings.production",
            "SECRET_KEY": "benchmark-only-" + "x" * 40,
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{self.folder / 'site.sqlite3'}",
            "DATABASE_CONN_MAX_AGE": "600",
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "LOG_LEVEL": "WARNING",
            # The benchmark sends no email (production refuses to keep it in the log).
            "OPENLY_MAIL_DISABLED": "1",
        }
        self.env.pop("FRONTEND_CACHE_URL", None)

    def manage(self, *args):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def build(self):
        self.manage("migrate", "--no-input")
        self.manage("load_demo")
        self.manage("collectstatic", "--no-input")

    @contextlib.contextmanager
    def gunicorn(self, page_cache):
        port = free_port()
        env = {**self.env, "OPENLY_PAGE_CACHE": "1" if page_cache else "0"}
        command = [GUNICORN, "tests.bench.cpu_wsgi:application", "--workers", "2"]
        command += ["--bind", f"127.0.0.1:{port}", "--timeout", "60", "--log-level", "warning"]
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
        try:
            wait_for(port)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


@contextlib.contextmanager
def running_nginx(folder, files):
    """nginx serving ``files`` ({path: bytes}) as saved copies, on a free port."""
    root = Path(folder) / "nginx"
    for path, body in files.items():
        target = root / "root" / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    port = free_port()
    config = root / "nginx.conf"
    config.write_text(
        f"""
        daemon off;
        worker_processes 2;
        user root;
        pid {root}/nginx.pid;
        error_log {root}/error.log;
        events {{ worker_connections 1024; }}
        http {{
            access_log off;
            default_type text/html;
            client_body_temp_path {root}/body;
            proxy_temp_path {root}/proxy;
            fastcgi_temp_path {root}/fastcgi;
            uwsgi_temp_path {root}/uwsgi;
            scgi_temp_path {root}/scgi;
            server {{
                listen 127.0.0.1:{port};
                root {root}/root;
                location / {{ try_files $uri/index.html =404; }}
            }}
        }}
        """
    )
    process = subprocess.Popen(["nginx", "-c", str(config), "-p", str(root)])
    try:
        wait_for(port, next(iter(files)))
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def cpu_median_ms(port, path, samples=CPU_SAMPLES):
    """Median server CPU and wall time (ms) of ``samples`` sequential requests."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    cpu, wall = [], []
    for _sample in range(samples):
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append(int(response.getheader("X-Server-CPU-us", "0")) / 1000)
    return statistics.median(cpu), statistics.median(wall)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(port, path, connections, seconds):
    """Run wrk; returns requests/s, errors and the latency percentiles (ms) it printed."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
        + [f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    found["errors"] = (sum(map(int, errors.groups())) if errors else 0) + (
        int(non_2xx.group(1)) if non_2xx else 0
    )
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        found[f"p{percentile}"] = float(match.group(1)) * UNITS[match.group(2)] if match else None
    return found


def detail_path(site):
    """The first campaign page of the demo content, in English."""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c"]
        + [
            "from campaigns.models import CampaignPage; "
            "print(CampaignPage.objects.live().filter(locale__language_code='en')"
            ".order_by('path').first().url)"
        ],
        cwd=BASE_DIR,
        env=site.env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return output.strip().splitlines()[-1]


def missing_tools():
    tools = {"wrk": "wrk", "nginx": "nginx", GUNICORN: "gunicorn"}
    missing = [package for tool, package in tools.items() if not shutil.which(tool)]
    return missing + ([] if VARNISHD else ["varnish"])


def run(bench):
    missing = missing_tools()
    if missing:
        bench.note(f"skipped: install {', '.join(missing)} to measure throughput")
        return
    with tempfile.TemporaryDirectory(prefix="openly-http-") as folder:
        site = ProductionSite(folder)
        site.build()
        pages = {"home": "/en/", "listing": "/en/events/", "detail": detail_path(site)}
        lines = []
        with site.gunicorn(page_cache=False) as origin:
            for name, path in pages.items():
                cpu, wall = cpu_median_ms(origin, path)
                load = wrk(origin, path, connections=8, seconds=LOAD_SECONDS)
                lines.append(
                    f"uncached {name:8} {path}: {load['rps']:8.1f} req/s  "
                    f"server CPU median {cpu:5.1f} ms  (wall {wall:5.1f} ms)  "
                    f"errors {load['errors']}"
                )
        with site.gunicorn(page_cache=True) as origin:
            copies = {path: fetch(origin, path)[2] for path in pages.values()}
            varnish = running_varnish(Path(folder) / "varnish", "127.0.0.1", origin, "256m")
            with varnish as front, running_nginx(folder, copies) as static:
                for name, path in pages.items():
                    fetch(front, path)
                    cached = wrk(front, path, connections=16, seconds=LOAD_SECONDS)
                    reference = wrk(static, path, connections=16, seconds=LOAD_SECONDS)
                    lines.append(
                        f"cached   {name:8} {path}: {cached['rps']:8.1f} req/s through Varnish, "
                        f"{reference['rps']:8.1f} req/s nginx static copy "
                        f"({100 * cached['rps'] / reference['rps']:.0f}%)"
                    )
                long = wrk(front, pages["home"], connections=64, seconds=LONG_SECONDS)
                lines.append(
                    f"cached   home, 64 connections {LONG_SECONDS}s: {long['rps']:.1f} req/s, "
                    f"errors {long['errors']}, p50 {long['p50']:.2f} ms, p99 {long['p99']:.2f} ms"
                )
        for line in lines:
            bench.note(line)
