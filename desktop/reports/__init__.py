"""PDF reports (reportlab, no Qt): the reports of cli.md, built from the store or from records.

Callers (the window, the command line) use `build_report` or one of the per-kind functions in
`service`; the modules per report take domain objects, so tests and previews need no database.

The names below are loaded from `service` on first use (PEP 562), so importing the package (or a
light module of it, such as `destination`) does not load reportlab. The words reports print (enum
labels, money, dates) are `desktop.domain.words`, shared with the window and the xlsx export.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .service import (
        ReportError,
        ReportKind,
        ReportSource,
        build_report,
        claim_sheet,
        incident_report,
        incidents_register_report,
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
    "incidents_register_report",
    "missing_documents",
    "register_report",
    "request_documents_letter",
    "summary_report",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module(".service", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
