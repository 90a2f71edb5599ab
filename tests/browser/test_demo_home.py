"""The demo home page as a desktop reader sees it: every section's cards fill their rows,
in every demo language."""

import io

import pytest
from django.core.management import call_command

# Transactional: wagtail-localize publishes the demo's translations when they commit.
pytestmark = pytest.mark.django_db(transaction=True)

# For every card list in the page: its width, and per row of cards (cards at the same
# height) the width from the first card's outer edge to the last one's.
ROWS = """() => [...document.querySelectorAll("main ul.cards")].map((list) => {
    const rows = {};
    for (const item of list.children) {
        const box = item.getBoundingClientRect();
        const row = (rows[Math.round(box.top)] ||= {left: box.left, right: box.right});
        row.left = Math.min(row.left, box.left);
        row.right = Math.max(row.right, box.right);
    }
    const heading = list.closest("section")?.querySelector("h2")?.textContent.trim();
    return {
        heading,
        cards: list.children.length,
        width: list.getBoundingClientRect().width,
        rows: Object.values(rows).map((row) => row.right - row.left),
    };
})"""


# Slow by nature (~60 s): it loads the whole demo, then looks at four home pages.
def test_every_home_section_fills_its_rows(browser_page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    for code in ("en", "fr", "uk", "ar"):
        browser_page.goto(f"{live_server.url}/{code}/")
        sections = browser_page.evaluate(ROWS)
        assert len(sections) >= 4, code
        for section in sections:
            assert section["cards"] >= 3, (code, section)
            # Every row of cards spans the section: no card alone beside empty columns.
            assert all(row >= section["width"] - 2 for row in section["rows"]), (code, section)
