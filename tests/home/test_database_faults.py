"""A database fault is told apart from other errors, waited for once per request, and
answered with the readable 503 page (home.database_faults). The same with real locks, real
processes and an unreachable server: tests/stories/test_faults.py."""

import sqlite3

import pytest
from django.db import OperationalError, ProgrammingError
from django.test import Client

from home import database_faults
from home.views import RobotsView

pytestmark = pytest.mark.django_db


def _busy_error(tmp_path):
    """A real 'database is locked' error from SQLite, wrapped as Django wraps it."""
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    reader = sqlite3.connect(path, timeout=0)
    try:
        try:
            reader.execute("SELECT * FROM t")
        except sqlite3.OperationalError as error:
            try:
                raise OperationalError(str(error)) from error
            except OperationalError as wrapped:
                return wrapped
    finally:
        reader.close()
        holder.execute("ROLLBACK")
        holder.close()
    raise AssertionError("the lock was not met")


def _postgres_error(sqlstate, name="OperationalError"):
    driver_error = type(name, (Exception,), {"sqlstate": sqlstate})("boom")
    error = OperationalError("boom")
    error.__cause__ = driver_error
    return error


def test_locked_and_unreachable_databases_are_told_apart_from_other_errors(tmp_path):
    assert database_faults.is_unavailable(_busy_error(tmp_path))
    # psycopg: a connection that failed or was lost has no SQLSTATE; a server shutting
    # down, a lock timeout and too many connections have theirs.
    for sqlstate in (None, "08006", "57P01", "55P03", "53300"):
        assert database_faults.is_unavailable(_postgres_error(sqlstate)), sqlstate
    # A query cut off by a statement timeout: the database is there, that query was slow.
    assert not database_faults.is_unavailable(_postgres_error("57014", "QueryCanceled"))
    no_table = OperationalError("no such table: x")
    no_table.__cause__ = sqlite3.OperationalError("no such table: x")
    assert not database_faults.is_unavailable(no_table)
    assert not database_faults.is_unavailable(ProgrammingError("syntax error"))
    # Every OperationalError still gets the 'try again shortly' page, never a 500.
    assert database_faults.is_database_fault(no_table)
    assert not database_faults.is_database_fault(ValueError("x"))


def test_after_one_query_found_the_database_locked_the_next_ones_fail_at_once(tmp_path):
    busy = _busy_error(tmp_path)
    calls = []

    def execute(sql, params, many, context):
        calls.append(sql)
        raise busy

    watch = database_faults.FaultWatch()
    # Waiting in vain for the write lock as a transaction begins: reading may still work.
    with pytest.raises(OperationalError):
        watch(execute, "BEGIN IMMEDIATE", None, False, {})
    assert watch.fault is None
    with pytest.raises(OperationalError):
        watch(execute, "SELECT 1", None, False, {})
    assert watch.fault is busy
    with pytest.raises(OperationalError) as later:
        watch(execute, "SELECT 2", None, False, {})
    assert calls == ["BEGIN IMMEDIATE", "SELECT 1"]  # the third never reached the database
    assert database_faults.is_unavailable(later.value)


@pytest.fixture
def robots_fail_with(monkeypatch):
    def fail_with(error):
        def dispatch(self, request, *args, **kwargs):
            raise error

        monkeypatch.setattr(RobotsView, "dispatch", dispatch)

    return fail_with


def test_a_database_fault_anywhere_gets_the_readable_503_page(robots_fail_with, tmp_path):
    robots_fail_with(_busy_error(tmp_path))
    client = Client(raise_request_exception=False)
    response = client.get("/robots.txt")
    assert response.status_code == 503
    assert response["Retry-After"] == str(database_faults.RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "This page is not available just now" in html
    assert 'id="quick-exit"' in html and 'href="tel:112"' in html
    assert 'href="/robots.txt">Try again' in html
    assert "What you sent has not been saved" not in html
    sent = client.post("/robots.txt", {"q": "x"})
    assert sent.status_code == 503
    assert "What you sent has not been saved, not even in part" in sent.content.decode()


@pytest.mark.parametrize(
    ("path", "opening", "heading"),
    [
        ("/fr/stories/", '<html lang="fr" dir="ltr">', "pas disponible pour le moment"),
        ("/uk/events/", '<html lang="uk" dir="ltr">', "Ця сторінка зараз недоступна"),
        ("/ar/", '<html lang="ar" dir="rtl">', "هذه الصفحة غير متاحة الآن"),
    ],
)
def test_the_503_page_speaks_the_language_of_the_address(rf, path, opening, heading):
    response = database_faults.unavailable_response(rf.get(path))
    html = response.content.decode()
    assert opening in html
    assert heading in html


def test_other_errors_still_get_the_plain_500_page(robots_fail_with):
    robots_fail_with(ValueError("a bug"))
    response = Client(raise_request_exception=False).get("/robots.txt")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
