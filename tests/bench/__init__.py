"""Benchmarks: query counts and render times with large data sets (`make bench`).

`python -m tests.bench` builds a throwaway SQLite database, migrates it, then runs every
module in this package named `bench_*.py`. Each module provides `run(bench)`: it fills the
database with what it needs and calls `bench.measure(label, url)` for the pages to time.
Add a module to add a benchmark; the runner prints one table for all of them.
"""
