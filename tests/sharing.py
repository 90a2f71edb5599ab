"""Rows built once and shared by the tests of a module, instead of built again for every test.

A fixture declared with ``@shared_fixture`` (say ``world``: eleven users, two organisations,
pages and workflows) is built once for each run of consecutive tests of one module that ask
for the same shared fixtures. The rows live inside an atomic block opened before those tests;
each test's own transaction nests inside it as a savepoint and is rolled back to it, so every
test starts from the same rows. When a test with other needs comes, the block is rolled back,
so no other test ever sees those rows. Each test gets its own deep copy of the built objects
(as Django's ``TestCase.setUpTestData`` does), so changing one in memory cannot leak either.

Transactional tests (``live_server``, ``transaction=True``) empty the tables after each test;
they cannot run inside a block, so for them a shared fixture is simply built per test.

``@reusable_fixture`` declares the plain per-test fixtures a shared fixture builds on
(locales, the home page): built per test as before, but inside a block they return the
block's copy, so ``home_page`` and ``world.home`` stay the same object.
"""

import copy
import inspect

import pytest

_BUILDERS = {}  # fixture name -> (builder, names of the fixtures it takes)
_COPY_KEY = pytest.StashKey[dict]()
WANTED_KEY = pytest.StashKey[tuple]()


def _fixture_for(builder, *, shared):
    name = builder.__name__
    params = tuple(inspect.signature(builder).parameters)
    if name in _BUILDERS:
        # A block finds what to build by name: two fixtures of one name would be confused.
        raise TypeError(f"a shared or reusable fixture named {name!r} exists already")
    _BUILDERS[name] = (builder, params)

    # A fixture needs a function with exactly the arguments pytest should pass: the
    # builder's own fixtures for a reusable fixture; for a shared one only ``request``
    # (its inputs come from the block, or are asked for one by one when there is none).
    def fixture(request, **inputs):
        value = BLOCK.value_for(request.node, name)
        if value is not _MISSING:
            return value
        if not inputs:
            inputs = {param: request.getfixturevalue(param) for param in params}
        return builder(**inputs)

    fixture.__signature__ = inspect.Signature(
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + [
            inspect.Parameter(param, inspect.Parameter.KEYWORD_ONLY)
            for param in ([] if shared else params)
        ]
    )
    fixture.__name__ = name
    fixture.shared_rows_name = name if shared else None
    fixture.__doc__ = builder.__doc__
    fixture.__module__ = builder.__module__
    return pytest.fixture(name=name)(fixture)


def shared_fixture(builder):
    """Declare a fixture built once for the consecutive tests of a module that ask for it
    (rolled back after them), each test getting its own copy of the built objects. The
    builder may only take other shared or reusable fixtures."""
    return _fixture_for(builder, shared=True)


def reusable_fixture(builder):
    """Declare a per-test fixture that shared fixtures may build on: inside a block it returns
    the block's copy, elsewhere it builds as any fixture does."""
    return _fixture_for(builder, shared=False)


_MISSING = object()


class _Block:
    """The one open block of shared rows in this process (at most one at a time)."""

    def __init__(self):
        self.blocker = None
        self.key = None
        self.atomic = None
        self.values = {}

    def prepare(self, item, blocker):
        """Make the block match what ``item`` needs: keep it, roll it back, or build it."""
        key = self.key_for(item)
        wanted = item.stash.get(WANTED_KEY, ())
        self.blocker = blocker
        if key == self.key:
            return
        self.close(blocker)
        if key is None:
            return
        from django.db import transaction

        with blocker.unblock():
            self.atomic = transaction.atomic()
            # Like the class-level block of Django's TestCase: a durable atomic block in
            # the code under test stays allowed inside it.
            self.atomic._from_testcase = True
            self.atomic.__enter__()
            self.key = key
            try:
                for name in wanted:
                    self._build(name)
            except BaseException:
                self.close(blocker)
                raise

    @staticmethod
    def key_for(item):
        """Which block ``item`` runs in: None for none."""
        wanted = item.stash.get(WANTED_KEY, ())
        return (item.module.__name__, wanted) if wanted else None

    def close_unless_needed_by(self, nextitem):
        """After a test: roll the block back now unless the next test runs in it, so that
        nothing set up for the next test (a live server, a transactional test's database)
        ever meets an open block."""
        if self.key is not None and (nextitem is None or self.key_for(nextitem) != self.key):
            self.close(self.blocker)

    def _build(self, name):
        if name not in self.values:
            builder, params = _BUILDERS[name]
            inputs = {}
            for param in params:
                if param == "db":  # the block itself gives database access
                    inputs[param] = None
                    continue
                if param not in _BUILDERS:
                    raise TypeError(
                        f"shared fixture {name!r} takes {param!r}, which is not a shared or "
                        "reusable fixture"
                    )
                inputs[param] = self._build(param)
            self.values[name] = builder(**inputs)
        return self.values[name]

    def close(self, blocker):
        """Roll the block back (if one is open)."""
        if self.atomic is None:
            return
        from django.db import transaction

        atomic, self.atomic, self.key, self.values = self.atomic, None, None, {}
        with blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

    def value_for(self, item, name):
        """``item``'s own copy of a value built in the block, or _MISSING."""
        if self.key is None or name not in self.values:
            return _MISSING
        if self.key != self.key_for(item):
            return _MISSING
        if _COPY_KEY not in item.stash:
            # One deep copy of everything at once keeps shared references shared
            # (world.home is home_page).
            item.stash[_COPY_KEY] = copy.deepcopy(self.values)
        return item.stash[_COPY_KEY][name]


BLOCK = _Block()


def is_transactional(item):
    """Does this test run with real commits (tables emptied after it)?"""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def _shared_fixtures_of(item):
    """The names of the shared fixtures ``item`` uses, found from the fixtures pytest chose
    for it (a test parameter of the same name as a shared fixture elsewhere is no such use)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return ()
    names = set()
    for definitions in info.name2fixturedefs.values():
        name = getattr(definitions[-1].func, "shared_rows_name", None)
        if name is not None:
            names.add(name)
    return tuple(sorted(names))


def plan(items):
    """Note which shared fixtures each test wants, and order the tests of each module so that
    those wanting the same ones follow each other (tests wanting none first). Only tests of
    one module with the same kind of database access change places, so pytest-django's order
    (transactional tests after the others) stays."""
    for item in items:
        item.stash[WANTED_KEY] = () if is_transactional(item) else _shared_fixtures_of(item)

    def run_key(item):
        return (getattr(item, "module", None), is_transactional(item))

    start = 0
    while start < len(items):
        end = start
        while end < len(items) and run_key(items[end]) == run_key(items[start]):
            end += 1
        items[start:end] = sorted(items[start:end], key=lambda item: item.stash[WANTED_KEY])
        start = end
