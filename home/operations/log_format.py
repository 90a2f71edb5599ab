"""Log line formats: times in UTC with a "Z", and JSON lines (python-json-logger)."""

import logging
import time

from pythonjsonlogger.json import JsonFormatter


class UTCFormatter(logging.Formatter):
    """ISO 8601 times in UTC, with milliseconds: 2026-11-30T10:15:02.123Z."""

    converter = time.gmtime

    def formatTime(self, record, datefmt=None):  # noqa: N802 - logging's name
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", self.converter(record.created))
        return f"{stamp}.{int(record.msecs):03d}Z"


class JSONFormatter(UTCFormatter, JsonFormatter):
    """One JSON object per line, with the same UTC times (for log collectors)."""
