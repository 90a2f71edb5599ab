"""A series' figures as a CSV file: one row per period and country, a column per part,
headers in the reader's language, every cell passed through home.spreadsheets so a
country or label can never run as a formula in a spreadsheet."""

import csv

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.spreadsheets import FormulaSafeWriter


def csv_response(view):
    """The CSV of ``view`` (a home.impact.dashboard.SeriesView)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"impact-{view.key}-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte-order mark, so spreadsheets read the accents and scripts as UTF-8.
    response.write("\ufeff")
    writer = FormulaSafeWriter(csv.writer(response))
    period = _("Year") if view.selection.yearly else _("Month")
    parts = [str(label) for _value, label in view.parts]
    total = [_("Total")] if view.split else []
    writer.writerow([period, _("Country code"), _("Country"), *parts, *total])
    for row in view.csv_rows():
        writer.writerow(list(row) if view.split else list(row[:-1]))
    return response
