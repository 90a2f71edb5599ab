"""Demo content for the action tracker: its page at /<lang>/actions/ (translated into
fr, uk and ar) and its index, rebuilt from every live page that holds actions (the
events' workshops and policy dialogues, and commitments and working groups where
installed). Runs after their loaders. The wording is in demo_content.toml beside it."""

from events.tracker.models import ActionTrackerPage
from events.tracker.sync import rebuild
from home.demo.building import add_child, translate_page
from home.demo.loading import read_data


def load(demo):
    """Build the tracker page and its index (idempotent)."""
    data = read_data(__file__)
    fields = data["index"]
    page = add_child(
        demo.home,
        ActionTrackerPage(
            title=fields["title"],
            slug=fields["slug"],
            show_in_menus=False,
            summary=fields["summary"],
            intro=f"<p>{fields['intro']}</p>",
        ),
    )
    for code, strings in data["index_translations"].items():
        translate_page(page, code, strings)
    total = rebuild()
    demo.say(f"Action tracker: {total} actions under /en/actions/")
