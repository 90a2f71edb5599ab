"""The benchmark runner's measuring tools (see tests/bench/__init__.py)."""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

REPEATS = 5


@dataclass
class Row:
    group: str
    label: str
    status: int
    queries: int
    median_ms: float
    best_ms: float
    size_kb: float


@dataclass
class Bench:
    """Collects measurements; one instance is shared by every benchmark module."""

    group: str = ""
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def __post_init__(self):
        self.client = Client()

    def note(self, message):
        self.notes.append(f"[{self.group}] {message}")

    def measure(self, label, url, repeats=REPEATS):
        """GET ``url`` once to warm caches, then ``repeats`` times: queries and timings."""
        self.client.get(url)
        timings = []
        queries = 0
        response = None
        for _attempt in range(repeats):
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = self.client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            queries = len(captured.captured_queries)
        self.rows.append(
            Row(
                group=self.group,
                label=label,
                status=response.status_code,
                queries=queries,
                median_ms=statistics.median(timings),
                best_ms=min(timings),
                size_kb=len(response.content) / 1024,
            )
        )
        return response

    def table(self):
        headers = ("benchmark", "request", "status", "queries", "median ms", "best ms", "KB")
        lines = [
            (
                row.group,
                row.label,
                str(row.status),
                str(row.queries),
                f"{row.median_ms:.1f}",
                f"{row.best_ms:.1f}",
                f"{row.size_kb:.1f}",
            )
            for row in self.rows
        ]
        widths = [
            max(len(str(cell)) for cell in column) for column in zip(headers, *lines, strict=True)
        ]

        def fmt(cells):
            return "  ".join(
                cell.ljust(width) if index < 2 else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )

        out = [fmt(headers), "  ".join("-" * width for width in widths)]
        out.extend(fmt(line) for line in lines)
        return "\n".join(out + [""] + self.notes)
