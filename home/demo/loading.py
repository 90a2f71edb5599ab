"""Running the registered demo loaders, and reading their data files."""

import random
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from home.demo.dates import DemoDates
from home.demo.indexing import indexing_deferred
from home.models import HomePage
from home.registry import demo_loaders

SEED = 20261005  # fixed, so every run builds the same demo site


@dataclass
class Demo:
    """Shared state while loading demo content."""

    stdout: object
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # noqa: S311
    # The day the demo is loaded: its dates are reckoned from it (home.demo.dates).
    today: object = field(default_factory=timezone.localdate)

    @property
    def dates(self):
        """The demo's calendar as seen on ``today``."""
        return DemoDates(self.today)

    def say(self, message):
        """Report one step of the demo to whoever runs it."""
        self.stdout.write(f"  {message}")

    def locale(self, code):
        """The Locale of a language code."""
        return Locale.objects.get(language_code=code)

    @property
    def home(self):
        """The source-language home page the demo sections hang under."""
        return HomePage.objects.get(locale__language_code=settings.OPENLY_SOURCE_LANGUAGE)


def read_data(loader_file):
    """The content of a demo loader: the TOML file beside ``loader_file`` with its name
    (``campaigns/demo_content.py`` reads ``campaigns/demo_content.toml``), parsed afresh
    on every call so a loader may change what it gets."""
    with Path(loader_file).with_suffix(".toml").open("rb") as data_file:
        return tomllib.load(data_file)


def load_all(stdout, today=None):
    """Run every registered demo loader (``home.registry.demo_loaders``) in order, with
    dates reckoned from ``today`` (the local date by default)."""
    demo = Demo(stdout=stdout, today=today or timezone.localdate())
    with indexing_deferred():
        for name, load in demo_loaders.items():
            stdout.write(f"Loading demo content: {name}")
            # Not one big transaction: wagtail-localize publishes translations on commit,
            # and deferring all of those to the end would publish stale copies of parent
            # pages. Every step is idempotent instead, so an interrupted run simply resumes.
            load(demo)
    return demo
