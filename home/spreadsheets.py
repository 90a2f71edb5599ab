"""Spreadsheet exports that cannot run formulas.

A CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before looking) is read as a formula when the file is opened:
``=HYPERLINK(...)`` typed into a public form would become a live link in a moderator's
spreadsheet. Public input reaches Openly's exports (pledge signatures, story titles in the
site history, page titles in every report), so every CSV cell passes ``formula_safe``.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """The value as a spreadsheet shows it but never evaluates: text that would start a
    formula gets a leading single quote (the spreadsheets' own "this is text" mark). Numbers,
    dates and other values that are not text are left as they are, so -1 stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeWriter:
    """Wraps a ``csv.writer`` or ``csv.DictWriter``: every cell passes ``formula_safe``."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        if isinstance(row, dict):
            return self.writer.writerow({key: formula_safe(cell) for key, cell in row.items()})
        return self.writer.writerow([formula_safe(cell) for cell in row])


def protect_csv_exports():
    """Every CSV export in the admin (snippet and model listings such as the pledge
    signatures, Wagtail's reports such as site history, and this project's reports) writes
    its rows through ``SpreadsheetExportMixin.write_csv_row``, cell values as they are.
    Give it a writer that neutralises formulas; Wagtail's XLSX export already stores a
    formula as text. Called once from HomeConfig.ready()."""
    write_csv_row = SpreadsheetExportMixin.write_csv_row
    if getattr(write_csv_row, "formula_safe", False):
        return

    def formula_safe_write_csv_row(self, writer, row_dict):
        return write_csv_row(self, FormulaSafeWriter(writer), row_dict)

    formula_safe_write_csv_row.formula_safe = True
    SpreadsheetExportMixin.write_csv_row = formula_safe_write_csv_row
