"""Production smoke test: Openly deployed as README says, on this machine, then used.

Run from the checkout with the development environment (it brings moto and Varnish's
helper): ``.venv/bin/python -m tests.deploy.smoke``. `.ci/run` runs it after the test suite.

1. A fresh virtual environment in a temporary folder with ``pip install -r
   requirements.lock`` and ``pip install --no-deps .``: the runtime lock alone must run
   the site (``pip check`` too).
2. The services: a PostgreSQL database named after this run (``openly_smoke_<pid>``), a
   Redis database nobody uses (claimed with a key, emptied afterwards), an S3 bucket on a
   local moto server with the bucket policy README gives, and Varnish with the
   repository's VCL in front of gunicorn.
3. Production settings from the environment (``openly.settings.production``): ``migrate``,
   ``setup_roles``, ``collectstatic``, ``check --deploy``; gunicorn with
   ``deploy/gunicorn.conf.py`` (two workers) and ``manage.py run_worker``.
4. A home page with a picture, published; through Varnish the page, its picture (a
   rendition in the bucket) and ``/health/`` answer 200, and the page's policy allows
   the bucket's images.
5. A change scheduled a few seconds ahead goes live through Varnish on time (the worker
   runs ``publish_scheduled`` every ``PUBLISH_EVERY`` seconds, looking for due jobs every
   ``TICK``, and then bans Varnish; a site keeps the default minute, which only makes the
   wait longer).
6. With a purge endpoint that accepts connections and never answers, a publication by
   the application's code and an unpublish in the admin (a second gunicorn given that
   endpoint) return at once: purges wait for the worker.

Timings are printed. Everything started is stopped, and the database and the Redis
database are dropped, on failure too. Exit status 0 when every check passed.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests import s3
from tests.deploy import smoke_content
from tests.deploy.smoke_services import (
    SmokeFailure,
    admin_unpublish,
    black_hole,
    check,
    fetch_url,
    image_source,
    postgres_database,
    redis_database,
    request,
    say,
    wait_for_http,
)
from tests.varnish import VARNISHD, free_port, running_varnish

ROOT = Path(__file__).resolve().parents[2]
SCHEDULE_AHEAD = 5  # seconds
SCHEDULE_LIMIT = 90  # seconds after its time a scheduled change must be live
PUBLISH_EVERY = "5"  # OPENLY_SCHEDULED_PUBLISHING_SECONDS
TICK = "1"  # run_worker --tick
QUICK = 2.0  # seconds a publication may take with a purge endpoint that never answers
BLACK_HOLE_TIMEOUT = "5"  # FRONTEND_CACHE_TIMEOUT then: a purge in the request would show
# What says a process is up (the JSON form of /health/; the plain one is checked in step 4).
READY = "/health/?format=json"
# Settings of the caller's environment that must not leak into the deployed site.
FOREIGN = ("AWS_", "OPENLY_", "DJANGO_", "DATABASE_", "REDIS_", "FRONTEND_CACHE", "GUNICORN_")


class Timings:
    def __init__(self):
        self.rows = []

    @contextlib.contextmanager
    def step(self, name):
        say(f"-- {name}")
        started = time.monotonic()
        try:
            yield
        finally:
            self.rows.append((name, time.monotonic() - started))

    def add(self, name, seconds):
        self.rows.append((name, seconds))

    def report(self):
        say("Timings (seconds):")
        for name, seconds in self.rows:
            say(f"  {seconds:7.2f}  {name}")


class Deployment:
    """The deployed site: its virtual environment, environment variables and processes."""

    def __init__(self, folder, timings):
        self.folder = Path(folder)
        self.timings = timings
        self.venv = self.folder / "venv"
        self.python = str(self.venv / "bin" / "python")
        self.processes = []
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN)}
        self.env.pop("VIRTUAL_ENV", None)
        self.env["PATH"] = f"{self.venv / 'bin'}:{self.env.get('PATH', '')}"

    def install(self):
        with self.timings.step("fresh virtual environment, runtime lock only"):
            subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True)
            pip = [self.python, "-m", "pip", "--quiet", "--disable-pip-version-check"]
            self.run([*pip, "install", "--no-compile", "-r", "requirements.lock"])
            self.run([*pip, "install", "--no-deps", "."])
            self.run([*pip, "check"])

    def run(self, command, extra=None, capture=False):
        done = subprocess.run(
            command,
            cwd=ROOT,
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SmokeFailure(
                f"{' '.join(command[:4])} … failed ({done.returncode}):\n"
                f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
        return done.stdout if capture else None

    def manage(self, *args, extra=None):
        self.run([self.python, "manage.py", *args], extra=extra)

    def shell(self, code, extra=None):
        """Run ``code`` in ``manage.py shell``; the JSON it printed after ``SMOKE``."""
        output = self.run([self.python, "manage.py", "shell", "-c", code], extra, capture=True)
        found = re.findall(r"^SMOKE (.*)$", output, re.MULTILINE)
        check(found, f"the shell script printed no result:\n{output[-2000:]}")
        return json.loads(found[-1])

    def start(self, name, command, extra=None):
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 - closed in stop_all
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(extra or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((name, process, log))
        return process

    def stop_all(self):
        for _name, process, _log in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _name, process, log in reversed(self.processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()

    def check_logs(self):
        """No process logged an unhandled error."""
        for name, _process, log in self.processes:
            log.flush()
            text = (self.folder / f"{name}.log").read_text(errors="replace")
            check("Traceback" not in text, f"{name} logged an error:\n{text[-4000:]}")

    def show_logs(self):
        for name, _process, log in self.processes:
            log.flush()
            text = (self.folder / f"{name}.log").read_text(errors="replace")
            say(f"---- last lines of {name}.log ----\n{text[-4000:]}")


def gunicorn(deployment, name, port, workers, extra=None):
    command = [str(deployment.venv / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    process = deployment.start(
        name,
        [*command, "openly.wsgi"],
        {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers), **(extra or {})},
    )
    wait_for_http(port, READY, process=process)
    return process


def late_report(deployment, varnish, app_port, home, scheduled):
    """Say where a late scheduled change is: the database, the application, Varnish."""
    say(
        f"-- the scheduled change is late (its time: {scheduled['go_live_at']:.3f}, now "
        f"{time.time():.3f})"
    )
    for name, port in (("Varnish", varnish), ("the application", app_port)):
        status, headers, body = request(port, "/en/")
        shown = re.search(r"<h1[^>]*>(.*?)</h1>", body.decode(errors="replace"), re.DOTALL)
        cache = {key: headers.get(key) for key in ("Age", "X-Cache", "X-Varnish", "Date")}
        say(f"   {name}: {status}, heading {shown and shown.group(1).strip()!r}, {cache}")
    say(json.dumps(deployment.shell(smoke_content.SCHEDULE_REPORT.format(home=home)), indent=1))


def smoke(stack, deployment, timings):
    """Every step of the module docstring; raises SmokeFailure at the first that fails."""
    folder = deployment.folder
    deployment.install()

    with timings.step("services: PostgreSQL, Redis, S3 (moto), Varnish"):
        database_url = stack.enter_context(postgres_database())
        redis_url = stack.enter_context(redis_database())
        moto_log = stack.enter_context(open(Path(folder) / "moto.log", "w"))  # noqa: SIM115
        endpoint = stack.enter_context(s3.running_moto(log=moto_log))
        bucket = f"openly-smoke-{os.getpid()}"
        s3.create_bucket(endpoint, bucket)
        nowhere = stack.enter_context(black_hole())
        app_port = free_port()
        varnish = stack.enter_context(
            running_varnish(
                Path(folder) / "varnish", "127.0.0.1", app_port, memory="64m", probe=True
            )
        )
    say(f"   database {database_url.rsplit('/', 1)[1]}, {redis_url}, S3 {endpoint}")

    site = f"http://127.0.0.1:{varnish}"
    password = secrets.token_urlsafe(16)
    deployment.env.update(
        {
            "DJANGO_SETTINGS_MODULE": "openly.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "OPENLY_SITE_URL": site,
            # Plain HTTP on 127.0.0.1: the TLS proxy in front is not part of this test.
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": redis_url,
            "FRONTEND_CACHE_URL": site,
            "OPENLY_MAIL_DISABLED": "1",
            "STATIC_ROOT": str(Path(folder) / "static"),
            "MEDIA_ROOT": str(Path(folder) / "media"),
            "LOG_LEVEL": "WARNING",
            "OPENLY_SCHEDULED_PUBLISHING_SECONDS": PUBLISH_EVERY,
            "AWS_EC2_METADATA_DISABLED": "true",
            **s3.environment(endpoint, bucket),
        }
    )
    stack.callback(deployment.stop_all)

    with timings.step("migrate"):
        deployment.manage("migrate", "--no-input")
    with timings.step("setup_roles, collectstatic, check --deploy"):
        deployment.manage("setup_roles")
        deployment.manage("collectstatic", "--no-input")
        deployment.manage("check", "--deploy", "--fail-level", "ERROR")
    with timings.step("gunicorn (2 workers) and the worker"):
        gunicorn(deployment, "gunicorn", app_port, workers=2)
        deployment.start("worker", [deployment.python, "manage.py", "run_worker", "--tick", TICK])
        # Varnish's probe (deploy/varnish/openly-backend.vcl: HEAD /health/, every 5 s, no
        # Accept header) finds the application healthy.
        status, _, body = request(app_port, "/health/", "HEAD")
        check(status == 200, f"HEAD /health/, Varnish's probe, answered {status}")
        wait_for_http(varnish, READY, seconds=30)

    first_heading = "Mental health, in every language"
    with timings.step("a page with a picture, published"):
        made = deployment.shell(
            smoke_content.CREATE.format(heading=first_heading, password=password)
        )
    check(made["image"].startswith("original_images/"), made)
    check(made["image"] in s3.keys(endpoint, bucket), "the picture is not in the bucket")

    with timings.step("through Varnish: the page, its picture, /health/"):
        status, headers, body = request(varnish, "/en/")
        check(status == 200, f"/en/ answered {status}")
        html = body.decode()
        check(first_heading in html, "the page is not the one published")
        source = image_source(html)
        check(source.startswith(f"{endpoint}/{bucket}/images/"), f"picture at {source}")
        policy = headers["Content-Security-Policy"]
        img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
        check(endpoint in img_src, f"the policy does not allow the bucket: {policy}")
        status, picture_headers, picture = fetch_url(source)
        check(status == 200, f"the picture answered {status}")
        check(picture_headers["Content-Type"] == "image/jpeg", picture_headers["Content-Type"])
        check(len(picture) > 1000, "the picture is empty")
        status, _, _ = fetch_url(f"{endpoint}/{bucket}/{made['image']}")
        check(status == 403, f"the original is readable without a signature ({status})")
        # The worker may still be purging what the publication queued (it runs beside us):
        # a purge between two requests empties the cache once; Varnish must keep the page
        # on one of the next requests.
        for _attempt in range(5):
            status, headers, _ = request(varnish, "/en/")
            if headers.get("X-Cache") == "HIT":
                break
            time.sleep(1)
        check(headers.get("X-Cache") == "HIT", "Varnish did not keep the page")
        # As a load balancer and Varnish's probe ask: no Accept header, GET and HEAD.
        for method in ("GET", "HEAD"):
            status, _, health = request(varnish, "/health/", method)
            check(status == 200, f"{method} /health/ answered {status}: {health[:300]}")

    new_heading = f"Scheduled change {secrets.token_hex(4)}"
    scheduled = deployment.shell(
        smoke_content.SCHEDULE.format(
            home=made["home"], heading=new_heading, seconds=SCHEDULE_AHEAD
        )
    )
    check(scheduled["still_live"] == first_heading, "the scheduled change went live at once")

    with timings.step("publish with a purge endpoint that never answers (app code)"):
        published = deployment.shell(
            smoke_content.PUBLISH.format(page=made["page"]),
            extra={"FRONTEND_CACHE_URL": nowhere, "FRONTEND_CACHE_TIMEOUT": BLACK_HOLE_TIMEOUT},
        )
    timings.add("  of which revision.publish()", published["seconds"])
    check(published["seconds"] < QUICK, f"publishing took {published['seconds']:.1f} s")

    with timings.step("unpublish in the admin, purge endpoint never answers"):
        admin_port = free_port()
        gunicorn(
            deployment,
            "gunicorn-black-hole",
            admin_port,
            workers=1,
            extra={"FRONTEND_CACHE_URL": nowhere, "FRONTEND_CACHE_TIMEOUT": BLACK_HOLE_TIMEOUT},
        )
        seconds = admin_unpublish(admin_port, made["page"], password)
        status, _, _ = request(admin_port, "/en/about/")
        check(status == 404, f"the unpublished page still answers {status}")
    timings.add("  of which the unpublish request", seconds)
    check(seconds < QUICK, f"the admin unpublish took {seconds:.1f} s")

    with timings.step("the scheduled change, live through Varnish"):
        deadline = scheduled["go_live_at"] + SCHEDULE_LIMIT
        while True:
            status, _, body = request(varnish, "/en/")
            if status == 200 and new_heading in body.decode():
                break
            late = time.time() >= deadline
            if late:
                late_report(deployment, varnish, app_port, made["home"], scheduled)
            check(not late, f"not live {SCHEDULE_LIMIT} s after its time")
            time.sleep(1)
    timings.add("  live after its time", time.time() - scheduled["go_live_at"])
    deployment.check_logs()


def main():
    if VARNISHD is None or not s3.moto_installed():
        say("The smoke test needs varnishd (apt-get install varnish) and moto (make install).")
        return 1
    timings = Timings()
    started = time.monotonic()
    build_existed = (ROOT / "build").exists()
    failure = cleanup_started = None
    try:
        with contextlib.ExitStack() as stack:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="openly-smoke-"))
            deployment = Deployment(folder, timings)
            try:
                smoke(stack, deployment, timings)
            except BaseException:
                # The processes' logs say why, before everything is stopped and removed.
                deployment.show_logs()
                raise
            finally:
                cleanup_started = time.monotonic()
    except SmokeFailure as error:
        failure = error
    finally:
        if not build_existed:  # left by `pip install .` (in-tree build)
            shutil.rmtree(ROOT / "build", ignore_errors=True)
        if cleanup_started is not None:
            timings.add(
                "clean up: processes, services, database", time.monotonic() - cleanup_started
            )
    timings.add("total", time.monotonic() - started)
    timings.report()
    if failure is not None:
        say(f"SMOKE TEST FAILED: {failure}")
        return 1
    say("Smoke test passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
