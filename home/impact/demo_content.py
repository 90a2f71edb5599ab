"""Demo content for the impact dashboard: its page at /<lang>/impact/, translated into
fr, uk and ar like the other section pages. Its charts count what the other loaders made
(they run first), given a past by demo_history. The wording is in demo_content.toml beside it."""

from home.demo.building import add_index
from home.demo.loading import read_data
from home.impact import demo_history
from home.impact.models import ImpactPage


def load(demo):
    """Build the dashboard page (idempotent)."""
    data = read_data(__file__)
    fields = data["index"]
    intro = f"<p>{fields['intro']}</p>"
    add_index(
        demo.home,
        ImpactPage(**dict(fields, intro=intro), show_in_menus=False),
        data["index_translations"],
    )
    added = demo_history.spread(demo, data["countries"])
    demo.say(f"Impact dashboard under /en/impact/ ({added} older anonymous signatures)")
