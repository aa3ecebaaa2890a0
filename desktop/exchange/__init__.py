"""Interchange import and export (JSON, zip package) and the spreadsheet export."""

from .exporter import export_document, export_file
from .importer import ImportReport, import_document, import_file, load_package, plan_import

__all__ = ["ImportReport", "export_document", "export_file", "import_document", "import_file", "load_package", "plan_import"]
