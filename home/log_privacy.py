"""Nothing personal in the logs.

Every log record, from any logger (Django's request and server logs, Wagtail, this site's
apps), is cleaned as it is made, before any handler, filter or error reporter sees it:

- email addresses become ``[email]``;
- what apps register in ``home.registry.log_redactions`` (e.g. the stories app's private
  status tokens in URL paths) is replaced as they say;
- PostgreSQL error details that quote a row's values ("Failing row contains (…)",
  "Key (email)=(…)") lose the values;
- Wagtail's page lines ('Page created: "<title>" id=5 … path=/…/<slug>/') keep the page id
  but not the title or path: a story's title may identify its author, and the id is enough
  to find the page (the audit log keeps the rest, for those allowed to see it);
- a template's "Exception while resolving variable" line keeps the variable and template
  names but drops the exception, whose text can be a dump of the template context (a
  story's text, a contributor's record).

The cleaning is done by a log record factory (``logging.setLogRecordFactory``) rather than a
handler filter: a filter only applies to the handlers it is attached to, and a record also
reaches handlers other apps or operators add, error reporters and test capture.
"""

import logging
import re

from django.template.base import VariableDoesNotExist

from home.registry import log_redactions

# The look-behind lets a match start only where a run of address characters starts, so a
# long run without "@" (a base64 blob) costs linear time, not quadratic.
EMAIL = re.compile(
    r"(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
)
POSTGRES_ROW = re.compile(r"(Failing row contains )\(.*\)")
POSTGRES_KEY = re.compile(r"(Key \([^)]*\)=)\(.*?\)( already exists| is not present|\.)")
# Wagtail's lines about one page start with the page's title in quotes.
WAGTAIL_TITLE_LINE = re.compile(r'^[A-Z][\w ]*: "%s"')
WAGTAIL_REDIRECTS_LINE = re.compile(r"^(Creating redirects for page: ').*(' id=\d+)$", re.DOTALL)

TITLE_WITHHELD = "[title]"
PATH_WITHHELD = "[path]"
WITHHELD = "[log message withheld: it could not be checked for personal data]"


def redact(text):
    """``text`` without email addresses, registered secrets or quoted database rows."""
    if "@" in text:
        text = EMAIL.sub("[email]", text)
    text = POSTGRES_ROW.sub(r"\1(…)", text)
    text = POSTGRES_KEY.sub(r"\1(…)\2", text)
    for pattern, replacement in log_redactions.values():
        text = pattern.sub(replacement, text)
    return text


def _withhold_page_title(record):
    """Wagtail's page lines name the page by its title (first argument) and sometimes its
    path (last argument, ``path=%s``)."""
    if not isinstance(record.msg, str) or not isinstance(record.args, tuple) or not record.args:
        return
    args = list(record.args)
    if WAGTAIL_TITLE_LINE.match(record.msg):
        args[0] = TITLE_WITHHELD
    if record.msg.rstrip().endswith("path=%s"):
        args[-1] = PATH_WITHHELD
    record.args = tuple(args)


def clean(record):
    """Remove personal data from ``record`` in place (see the module's docstring). A record
    that cannot be checked (a malformed call, an argument whose text cannot be made) keeps
    only its logger, level and place in the code: fail closed, never crash the caller."""
    try:
        _clean(record)
    except Exception:  # noqa: BLE001 - logging must neither leak nor break the caller
        record.msg, record.args = WITHHELD, ()
        record.exc_info = record.exc_text = None


def _clean(record):
    if record.name == "wagtail" or record.name.startswith("wagtail."):
        _withhold_page_title(record)
    message = record.getMessage()
    cleaned = redact(message)
    if record.name.startswith("wagtail"):
        cleaned = WAGTAIL_REDIRECTS_LINE.sub(rf"\1{TITLE_WITHHELD}\2", cleaned)
    if cleaned != message:
        record.msg, record.args = cleaned, ()
    if record.exc_info and record.exc_info[1] is not None:
        if record.name == "django.template" or isinstance(record.exc_info[1], VariableDoesNotExist):
            record.exc_info, record.exc_text = None, None
        else:
            # Formatters use exc_text when it is set, instead of formatting exc_info again.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))


def install():
    """Make every log record of this process go through ``clean``. Safe to call twice."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "openly_cleans", False):
        return

    def make_clean_record(*args, **kwargs):
        record = previous(*args, **kwargs)
        clean(record)
        return record

    make_clean_record.openly_cleans = True
    logging.setLogRecordFactory(make_clean_record)
