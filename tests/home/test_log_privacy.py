"""Every log record is cleaned as it is made (home.log_privacy): email addresses, private
status tokens in paths, database rows quoted in errors, Wagtail's page titles and template
context dumps never reach a handler."""

import logging

import pytest
from django.template import Context, Template
from django.utils.log import ServerFormatter

TOKEN = "Szj51jpAOQkCz6zvcLDkEfy0d30TTXhmWGMO0GuGBa4"
EMAIL = "private.person@example.invalid"


@pytest.fixture
def records():
    """The records of every logger, as they reach a handler."""
    kept = []

    class Keep(logging.Handler):
        def emit(self, record):
            kept.append(record)

    handler = Keep(level=logging.DEBUG)
    names = ["", "django.server", "django.template", "wagtail", "openly.test"]
    loggers = [logging.getLogger(name) for name in names]
    saved = [(logger, logger.level, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
    yield kept
    for logger, level, propagate in saved:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def text(record, formatter=None):
    return (formatter or logging.Formatter()).format(record)


def test_email_addresses_are_withheld_in_messages_and_arguments(records):
    logger = logging.getLogger("openly.test")
    logger.warning("Could not send to %s", EMAIL)
    logger.warning(f"Sent to {EMAIL.upper()} and x.y+tag@sub.example.org")
    lines = [text(record) for record in records]
    assert lines == ["Could not send to [email]", "Sent to [email] and [email]"]


def test_status_tokens_are_withheld_in_request_and_server_logs(records):
    path = f"/fr/stories/status/{TOKEN}/"
    logging.getLogger("django.request").warning("Not Found: %s", path)
    logging.getLogger("django.security.csrf").warning("Forbidden (%s): %s", "no token", path)
    # The development server's access log, formatted as runserver formats it.
    logging.getLogger("django.server").info(
        '"%s" %s %s', f"GET {path}?step=edit HTTP/1.1", "302", "0", extra={"status_code": 302}
    )
    logging.getLogger("django.server").info(
        '"%s" %s %s', "GET /fr/stories/status/ HTTP/1.1", "200", "10", extra={"status_code": 200}
    )
    lines = [text(record) for record in records[:2]]
    lines += [text(record, ServerFormatter("{message}", style="{")) for record in records[2:]]
    assert all(TOKEN not in line for line in lines)
    assert lines[0] == "Not Found: /fr/stories/status/[token]/"
    assert "/fr/stories/status/[token]/?step=edit" in lines[2]
    assert '"GET /fr/stories/status/ HTTP/1.1" 200 10' in lines[3]


def test_exception_text_is_cleaned_and_database_rows_are_not_quoted(records):
    logger = logging.getLogger("openly.test")
    try:
        raise ValueError(
            'null value in column "consented_at" violates not-null constraint\n'
            f"DETAIL:  Failing row contains (7, {EMAIL}, en, t, My story, null)."
        )
    except ValueError:
        logger.exception("A story submission could not be saved")
    try:
        raise ValueError(f"DETAIL:  Key (email)=({EMAIL}) already exists.")
    except ValueError:
        logger.exception("Duplicate")
    first, second = (text(record) for record in records)
    assert EMAIL not in first and "My story" not in first
    assert "Failing row contains (…)" in first
    assert "Traceback" in first
    assert "Key (email)=(…) already exists." in second


def test_wagtail_page_lines_keep_the_id_but_not_the_title(records):
    logger = logging.getLogger("wagtail")
    title = "Quiet mornings by the harbour wall"
    logger.info(
        'Page created: "%s" id=%d content_type=%s.%s path=%s',
        title,
        5,
        "stories",
        "StoryPage",
        "/home/stories/quiet-mornings-by-the-harbour-wall-3fa2b1/",
    )
    logger.info('Published: "%s" pk=%s revision_id=%d', title, "5", 9)
    logger.info(f"Creating redirects for page: '{title}' id=5")
    lines = [text(record) for record in records]
    assert lines == [
        'Page created: "[title]" id=5 content_type=stories.StoryPage path=[path]',
        'Published: "[title]" pk=5 revision_id=9',
        "Creating redirects for page: '[title]' id=5",
    ]


def test_a_missing_template_variable_does_not_dump_the_context(records):
    secret = "The night nurse sang to me until I slept."
    Template("{{ story.missing }}{{ other.thing }}").render(
        Context({"story": {"body": secret}, "email": EMAIL})
    )
    template_records = [record for record in records if record.name == "django.template"]
    assert template_records
    for record in template_records:
        line = text(record)
        assert "Exception while resolving variable" in line
        assert secret not in line and EMAIL not in line


def test_a_record_that_cannot_be_checked_is_withheld_and_the_caller_goes_on(records):
    class Unprintable:
        def __str__(self):
            raise RuntimeError(EMAIL)

    logger = logging.getLogger("openly.test")
    logger.warning("Contributor %s", Unprintable())
    logger.warning("Two values expected: %s %s", EMAIL)
    lines = [text(record) for record in records]
    assert len(lines) == 2
    for line in lines:
        assert line.startswith("[log message withheld")
        assert EMAIL not in line
