"""Browser-test fixtures: Debian's Chromium driven by Playwright against a live server,
and an axe-core check.

Without Chromium the browser tests are skipped on a developer's machine, but on CI
(CI=true) a missing browser is an error, so a skip can never hide a failure there.

When a browser test fails, what the browser showed at that moment is kept: a full-page
screenshot and the HTML of every page still open, in ``test-results/browser/<test id>/``
(git-ignored; CI keeps test-results/ as the run's artefacts). The failure report names the
folder.
"""

import functools
import json
import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# beside one unless told it is safe, which it is here (one thread, no async code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = ROOT / "test-results" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _missing_requirements():
    missing = []
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing.append(f"Chromium ({CHROMIUM}; apt-get install chromium)")
    if not AXE_PATH.exists():
        missing.append("axe-core (npm ci)")
    return missing


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder as a browser test; skip them locally without a
    browser, but fail loudly on CI."""
    missing = _missing_requirements()
    for item in items:
        if "tests/browser/" not in str(item.fspath).replace(os.sep, "/"):
            continue
        item.add_marker(pytest.mark.browser)
        if missing and not os.environ.get("CI"):
            item.add_marker(pytest.mark.skip(reason="missing " + ", ".join(missing)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a browser test's failure (in the test or its set-up), save every open page before
    the fixtures close them; the report names the folder."""
    report = yield
    browser = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if report.failed and report.when in ("setup", "call") and browser is not None:
        folder = save_open_pages(browser, artefact_folder(item.nodeid))
        if folder is not None:
            report.sections.append(("browser artefacts", f"Screenshots and HTML: {folder}"))
    return report


def artefact_folder(nodeid):
    """``test-results/browser/<test id>/``, the test id made safe as a folder name."""
    return ARTEFACTS / re.sub(r"[^\w.-]+", "_", nodeid).strip("_")


def save_open_pages(browser, folder):
    """A full-page screenshot and the HTML of every page open in ``browser``, into
    ``folder`` (emptied first); returns the folder, or None when no page was open."""
    from playwright.sync_api import Error as PlaywrightError

    pages = [page for context in browser.contexts for page in context.pages]
    if not pages:
        return None
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, page in enumerate(pages, start=1):
        try:
            (folder / f"page-{number}.url.txt").write_text(page.url + "\n", encoding="utf-8")
            page.screenshot(path=folder / f"page-{number}.png", full_page=True, timeout=10_000)
            (folder / f"page-{number}.html").write_text(page.content(), encoding="utf-8")
        except PlaywrightError as error:  # a page that crashed or closes: keep what we have
            (folder / f"page-{number}.error.txt").write_text(str(error), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    missing = _missing_requirements()
    if missing:
        pytest.fail("Browser tests need " + ", ".join(missing))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh page (own cookies) that may only reach the live server: any other address
    is refused, so no test can touch the internet."""
    yield from _guarded_page(browser, live_server)


@pytest.fixture
def browser_page_without_javascript(browser, live_server):
    """As ``browser_page``, with JavaScript switched off: what every reader gets first."""
    yield from _guarded_page(browser, live_server, java_script_enabled=False)


def _guarded_page(browser, live_server, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    allowed = live_server.url

    def guard(route):
        if route.request.url.startswith(allowed) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    yield page
    context.close()


@functools.cache
def _axe_source():
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core on the current page; return the violations of the given impacts."""
    # Evaluated through the browser's developer protocol, not added as a <script>: the site's
    # Content-Security-Policy refuses inline scripts, and rightly refuses this one too.
    page.evaluate(_axe_source())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "wcag22aa", "best-practice"]},
            resultTypes: ["violations"],
        })"""
    )
    return [v for v in result["violations"] if v["impact"] in impacts]


def assert_no_axe_violations(page, impacts=("serious", "critical")):
    """Fail with a readable list when axe-core finds serious or critical violations."""
    violations = axe_violations(page, impacts)
    summary = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:5]],
        }
        for v in violations
    ]
    assert not violations, f"axe-core on {page.url}:\n" + json.dumps(summary, indent=2)
