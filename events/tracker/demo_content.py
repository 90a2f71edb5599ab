"""Demo content for the action tracker: its page at /<lang>/actions/ (translated into
fr, uk and ar) and its index, rebuilt from every live page that holds actions (the
events' workshops and policy dialogues, and commitments and working groups where
installed). Runs after their loaders. The wording is in demo_content.toml beside it."""

from events.tracker.models import ActionTrackerPage
from events.tracker.sync import rebuild
from home.demo.building import add_index
from home.demo.loading import read_data


def load(demo):
    """Build the tracker page and its index (idempotent)."""
    data = read_data(__file__)
    fields = data["index"]
    intro = f"<p>{fields['intro']}</p>"
    add_index(
        demo.home,
        ActionTrackerPage(**dict(fields, intro=intro), show_in_menus=False),
        data["index_translations"],
    )
    total = rebuild()
    demo.say(f"Action tracker: {total} actions under /en/actions/")
