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
    # How many items of each content type the database held (rows measured at several
    # sizes are printed side by side, see Bench.table).
    items: int | None = None


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

    def measure(self, label, url, repeats=REPEATS, items=None, warm=True):
        """GET ``url`` once to warm caches (unless ``warm`` is false), then ``repeats``
        times: queries and timings. ``items``: the amount of content, for rows measured
        at several sizes."""
        if warm:
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
                items=items,
            )
        )
        return response

    def table(self):
        """The measurements as text: one line per request, then the requests measured at
        several sizes side by side (queries and median ms at each size)."""
        plain = [row for row in self.rows if row.items is None]
        sized = [row for row in self.rows if row.items is not None]
        parts = [self._plain_table(plain)] if plain else []
        if sized:
            parts.append(self._sized_table(sized))
        return "\n\n".join(parts + ["\n".join(self.notes)])

    def _sized_table(self, rows):
        sizes = sorted({row.items for row in rows})
        by_label = {}
        for row in rows:
            by_label.setdefault((row.group, row.label), {})[row.items] = row
        headers = ["benchmark", "request", "status"]
        for size in sizes:
            headers += [f"q@{size:,}", f"ms@{size:,}"]
        headers.append(f"ms {sizes[-1]:,}/{sizes[0]:,}")
        lines = []
        for (group, label), found in by_label.items():
            cells = [group, label, "/".join(sorted({str(r.status) for r in found.values()}))]
            for size in sizes:
                row = found.get(size)
                cells += [str(row.queries), f"{row.median_ms:.1f}"] if row else ["-", "-"]
            first, last = found.get(sizes[0]), found.get(sizes[-1])
            ratio = last.median_ms / first.median_ms if first and last and first.median_ms else 0
            cells.append(f"{ratio:.2f}" if ratio else "-")
            lines.append(cells)
        return _format(headers, lines, left=2)

    def _plain_table(self, rows):
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
            for row in rows
        ]
        return _format(headers, lines, left=2)


def _format(headers, lines, left):
    """Columns padded to their widest cell; the first ``left`` columns left-aligned."""
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *lines, strict=True)
    ]

    def fmt(cells):
        return "  ".join(
            cell.ljust(width) if index < left else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    out = [fmt(headers), "  ".join("-" * width for width in widths)]
    out.extend(fmt(line) for line in lines)
    return "\n".join(out)
