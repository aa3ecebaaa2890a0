"""PDF reports (reportlab, no Qt): the five reports of cli.md, built from the store or from records.

Callers (the window, the command line) use `build_report` or one of the per-kind functions in
`service`; the modules per report take domain objects, so tests and previews need no database.
"""

from __future__ import annotations

from .service import (
    ReportError,
    ReportKind,
    ReportSource,
    build_report,
    claim_sheet,
    incident_report,
    missing_documents,
    register_report,
    request_documents_letter,
    summary_report,
)

__all__ = [
    "ReportError",
    "ReportKind",
    "ReportSource",
    "build_report",
    "claim_sheet",
    "incident_report",
    "missing_documents",
    "register_report",
    "request_documents_letter",
    "summary_report",
]
