"""Fixtures shared by the whole suite: locales, the site and its home page, and the blocks
of rows built once for several tests (see tests/sharing.py)."""

import gc
import shutil

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.management.commands import migrate
from tests import demo_database, sharing
from tests.bulk_site import World
from tests.database_template import Templates
from tests.factories import GetHelpPageFactory, HomePageFactory
from tests.sharing import reusable_fixture, shared_fixture

# Tests whose outcome depends on the database engine: CI runs the whole suite on SQLite
# and these again on PostgreSQL (`pytest -m engine`, see .ci/run). Every migration runs
# on PostgreSQL as its test database is built; the upgrade of a database with rows
# (tests/test_migrate_existing_database.py) runs on SQLite only, to keep CI short.
ENGINE_SENSITIVE = (
    "tests/home/test_search.py",  # PostgreSQL's search configurations and time limit
    "tests/home/test_query_budgets.py",  # query counts
    "tests/home/test_queries.py",
    # Partner sections: only the query counts and facet counts depend on the engine.
    "tests/home/test_partners.py::test_partner_index_queries_do_not_grow",
    "tests/home/test_partners.py::test_partner_page_queries_do_not_grow",
    "tests/home/test_partners.py::test_listing_queries_do_not_grow",
    "tests/home/test_partners.py::test_run_by_facet_counts",
    "tests/home/test_partners.py::test_event_filters_offer_the_organisers_with_counts",
    "tests/home/test_language_report.py",
    "tests/events/test_queries.py",
    "tests/events/test_listing.py",  # date and time-zone filters, grouped facet counts
    "tests/events/test_calendar.py",
    "tests/events/test_conditional_feeds.py",  # the aggregates behind ETag/Last-Modified
    "tests/events/test_tracker_queries.py",  # query counts, grouped facet counts, search
    "tests/campaigns/test_listings.py",
    "tests/campaigns/test_pledge.py",  # constraints and a form sent twice
    "tests/home/test_invalidation.py",  # work done after the commit
    "tests/home/test_page_cache.py",
    "tests/home/test_snippet_drafts.py",  # a data migration
    "tests/home/test_sign_in.py",  # django-axes' attempts (an inet column on PostgreSQL)
    # Stories: what the engine decides (row locks, transactions, deletes across tables,
    # PostgreSQL's error texts in logs). The rest of tests/stories runs on SQLite only.
    "tests/stories/test_erasure.py",
    "tests/stories/test_replay_erasures.py",
    "tests/stories/test_retention.py",
    # Faults: the PostgreSQL lock, replays and parallel submissions. The unreachable server
    # uses no test database and the SQLite file locks need SQLite: the same on every engine.
    "tests/stories/test_faults.py::test_a_locked_postgresql_table",
    "tests/stories/test_faults.py::test_replays_of_one_form",
    "tests/stories/test_faults.py::test_40_parallel_submissions",
    "tests/stories/test_submission.py",
    "tests/stories/test_lifecycle.py",
    "tests/stories/test_request_link.py",
    "tests/stories/test_logs.py",
)


def pytest_configure(config):
    """Collect garbage less often. The suite makes millions of short-lived objects (template
    contexts, querysets, model instances), and with Python's default thresholds the cyclic
    collector walked every live object of the process again and again: about a fifth of the
    suite's processor time. What is loaded by now (Django, Wagtail, the project) is frozen
    out of those walks; the rest is still collected, about a hundred times less often (the
    thresholds ``manage.py migrate`` works with, home/management/commands/migrate.py)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*migrate.THRESHOLDS)


def pytest_itemcollected(item):
    """Mark the engine-sensitive tests as they are collected (before `-m` selects)."""
    if item.nodeid.startswith(ENGINE_SENSITIVE):
        item.add_marker(pytest.mark.engine)


# Tests that take a minute or more of one processor each (old code migrating and loading its
# demo, Django started in fresh processes): run first, beside the rest, so that the run does
# not end with one worker busy on them and the other idle.
SLOW_FIRST = (
    "tests/test_migrate_existing_database.py",
    "tests/home/test_settings.py",
)
# The same for the transactional tests, which pytest-django runs after all others: the
# longest first (the readers' walk through the demo loads the demo for the run, about 80 s),
# so that the run ends on short ones with both workers busy.
SLOW_FIRST_TRANSACTIONAL = (
    "tests/browser/test_readers.py",
    "tests/browser/test_editor_flows.py",
    "tests/browser/test_cocreation.py",
    "tests/stories/test_faults.py",
)


def _to_front(items, prefixes, transactional):
    """Move the tests of one kind (transactional or not) under ``prefixes`` just before the
    first test of that kind, in the order of ``prefixes``; every other test keeps its place
    relative to the rest (pytest-django's order of kinds stays)."""

    def rank(item):
        return next(n for n, prefix in enumerate(prefixes) if item.nodeid.startswith(prefix))

    chosen = sorted(
        (
            item
            for item in items
            if item.nodeid.startswith(prefixes) and sharing.is_transactional(item) == transactional
        ),
        key=rank,
    )
    if not chosen:
        return
    moved = set(map(id, chosen))
    rest = [item for item in items if id(item) not in moved]
    at = next(
        (n for n, item in enumerate(rest) if sharing.is_transactional(item) == transactional),
        len(rest),
    )
    items[:] = rest[:at] + chosen + rest[at:]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django has put transactional tests last, let the tests of a module that
    share built rows follow each other, so the rows are built once for them; then move the
    slow tests of each kind (``SLOW_FIRST``, ``SLOW_FIRST_TRANSACTIONAL``) to its front."""
    sharing.plan(items)
    _to_front(items, SLOW_FIRST, transactional=False)
    _to_front(items, SLOW_FIRST_TRANSACTIONAL, transactional=True)
    # A test that reads the migrated rows must never come after one that empties the tables
    # (tests that use no database may run anywhere).
    kinds = [_kind(item) for item in items]
    first_transactional = kinds.index(TRANSACTIONAL) if TRANSACTIONAL in kinds else len(kinds)
    if DATABASE in kinds[first_transactional:]:
        raise pytest.UsageError("the new order put a database test after a transactional one")


DATABASE, TRANSACTIONAL, NO_DATABASE = range(3)  # pytest-django's order of kinds


def _kind(item):
    if sharing.is_transactional(item):
        return TRANSACTIONAL
    uses_db = item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ())
    return DATABASE if uses_db else NO_DATABASE


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once a test is torn down (its own transaction rolled back), roll back the block of
    shared rows too unless the next test needs the same one."""
    try:
        return (yield)
    finally:
        sharing.BLOCK.close_unless_needed_by(nextitem)


@pytest.fixture
def _shared_block(request):
    """Open, keep or roll back the block of shared rows this test needs, before the test's
    own transaction starts."""
    if request.node.stash.get(sharing.WANTED_KEY, ()) or sharing.BLOCK.key is not None:
        sharing.BLOCK.prepare(request.node, request.getfixturevalue("_shared_block_closer"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings, request, tmp_path_factory, django_db_blocker
):
    """In a pytest-xdist worker, the test database is copied from one the run migrated once
    (tests/database_template.py) rather than migrated again. Set up just before
    pytest-django's django_db_setup, torn down just after it."""
    workerinput = getattr(request.config, "workerinput", None)
    if workerinput is None:
        yield
        return
    # Each worker's temporary folder sits in the run's own, which the workers share.
    templates = Templates(tmp_path_factory.getbasetemp().parent, workerinput["testrunuid"])
    templates.install()
    yield
    with django_db_blocker.unblock():
        templates.uninstall()


@pytest.fixture(scope="session")
def _shared_block_closer(django_db_setup, django_db_blocker):
    """The database blocker; rolls back the last block of shared rows before the test database
    goes away (set up after the database, so torn down before it)."""
    yield django_db_blocker
    sharing.BLOCK.close(django_db_blocker)


@pytest.fixture(autouse=True)
def _django_db_marker(_shared_block, _django_db_marker):
    """pytest-django's own fixture that starts each test's transaction, run after the block
    of shared rows is ready so that the transaction nests inside it."""


@pytest.fixture(autouse=True, scope="session")
def _flush_with_delete_on_postgresql():
    """Transactional tests (browser tests, the demo) empty every table after each test. On
    PostgreSQL Django does that with one TRUNCATE of all ~100 tables, which makes new files
    for each table and index: about 1.5 s a test. DELETE of the few rows a test made takes a
    hundredth of that and leaves the same empty tables (the flush runs in one transaction, so
    foreign keys are checked at its end). Resetting sequences still uses TRUNCATE."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    operations = type(connection.ops)
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]

    operations.sql_flush = sql_flush
    yield
    operations.sql_flush = truncate


@pytest.fixture(autouse=True, scope="session")
def _test_media(tmp_path_factory):
    """Uploaded test files go to a throwaway folder of this test process (each pytest-xdist
    worker has its own), removed after the run."""
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("media")
    override = override_settings(MEDIA_ROOT=str(media))
    override.enable()
    yield
    override.disable()
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with an empty cache and no compiled language rules: the database
    rolls back between tests, but a rule change made by an earlier test would otherwise live
    on in the cached rule version and the process's compiled rules."""
    from django.core.cache import cache

    from home.language_check import engine

    cache.clear()
    engine._compiled.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a test that renders a page in
    another language (or activates one) must not change the next test's words."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _restore_migration_data(request):
    """Transactional tests empty every table between tests, including the rows that
    migrations create (the root page and collection, the default locale, wagtail-localize's
    'submit translation' permission, the seeded language rules). Put them back so every
    test starts from the state a migrated database is in."""
    if not sharing.is_transactional(request.node):
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from home.demo.building import ensure_tree_roots

    ensure_tree_roots()
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    # The language rules are seeded by a data migration too: put back the very rows the
    # migrated database had, ids included, so that the compiled rules the process already
    # holds for them are used again (engine._by_content) instead of compiling each
    # language's rules again in every test (about 0.3 s a language).
    request.getfixturevalue("_migrated_language_rules").restore()


class _MigratedRules:
    """The language rules of the freshly migrated test database, kept to be put back."""

    def __init__(self, rows):
        self.rows = rows

    def restore(self):
        from wagtail.search.backends import get_search_backends

        from home.language_check.models import LanguageRule
        from home.language_check.rules import seed_rules

        if LanguageRule.objects.exists():
            return
        if not self.rows:
            seed_rules()
            return
        rules = LanguageRule.objects.bulk_create(LanguageRule(**row) for row in self.rows)
        # As after the migration: the administrators' search finds them.
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(LanguageRule, rules)


@pytest.fixture(scope="session")
def _migrated_language_rules(django_db_setup, django_db_blocker):
    """The rules as migrated, read when the first transactional test of this process starts:
    pytest-django runs those after every other test, which all rolled back what they did."""
    from home.language_check.models import LanguageRule

    with django_db_blocker.unblock():
        return _MigratedRules(list(LanguageRule.objects.order_by("pk").values()))


@pytest.fixture
def demo_site(transactional_db, request, tmp_path_factory):
    """The whole demo site (``manage.py load_demo``) in this test's database, loaded once per
    run and copied for each test that asks (tests/demo_database.py); returns what the
    command wrote as it loaded it. For transactional tests only: the tables are emptied
    after the test."""
    folder = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):
        # A pytest-xdist worker's folder sits in the run's own, which the workers share.
        folder = folder.parent
    return demo_database.demo_site(folder)


@reusable_fixture
def locales(db):
    """A Locale for every configured language, by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@reusable_fixture
def home_page(locales):
    """The English home page, as the root of the default site."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePageFactory(parent=root, title="Openly", slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Openly"},
    )
    return home


@reusable_fixture
def translated_home(home_page, locales):
    """Home pages in fr, uk and ar as translations of the English one, all live."""
    homes = {"en": home_page}
    for code in ("fr", "uk", "ar"):
        page = home_page.copy_for_translation(locales[code])
        page.hero_heading = f"{code} heading"
        page.save_revision().publish()
        homes[code] = page.specific
    return homes


@pytest.fixture
def get_help_page(home_page):
    """The English get-help page."""
    return GetHelpPageFactory(parent=home_page, title="Get help now", slug="get-help")


@shared_fixture
def bulk_site(locales):
    """The bulk-built site (tests.bulk_site) with 5 items of each content type; the query
    budget tests add more inside their own transaction."""
    world = World()
    world.add(5)
    return world
