"""Reports from the store: fetch what a report needs, then hand it to the report's module.

The window and the command line both call `build_report` (or the function for one kind); the
report modules themselves take domain objects and know nothing of storage. Problems the user
can fix (an unknown reference, a folder that does not exist) raise `ReportError` with a message
in their language; anything else is a bug and propagates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar

from desktop.domain.documents import RequiredDocuments
from desktop.domain.enums import DocumentKind
from desktop.domain.models import Claim, Incident, Person
from desktop.domain.payment_rules import claim_proposal
from desktop.domain.transitions import DECIDED_STATES
from desktop.domain.views import ClaimRow, Filters, IncidentRow, OfficeSettings, SummaryRow
from desktop.domain.words import label, normalise_lang, number_lookups, shown_number
from desktop.services.errors import ServiceError
from desktop.services.payments import register_filters

from . import selection
from .claim_sheet import build_claim_sheet
from .deadlines_report import DeadlineLine, awaits_answer, build_deadlines
from .decision_notice import build_decision_notice, is_decided
from .facts import items_by_id
from .incident import build_incident_report
from .incidents_register import build_incidents_register
from .inspection_act import build_inspection_act
from .payment_register import PaymentLine, build_payment_register, write_payment_workbook
from .register import build_register
from .request_documents import build_request_letter
from .summary import build_summary

T = TypeVar("T")


class ReportKind(StrEnum):
    """The command line's names for the reports."""

    INCIDENT = "incident"
    CLAIM = "claim"
    REGISTER = "register"
    SUMMARY = "summary"
    REQUEST_DOCUMENTS = "request-documents"
    INCIDENTS = "incidents"
    INSPECTION_ACT = "inspection-act"
    DECISION_NOTICE = "decision-notice"
    PAYMENT_REGISTER = "payment-register"
    DEADLINES = "deadlines"


BATCH = 500  # claims read at once to fill in what a list's rows do not carry (the payment register)


_MESSAGES: dict[str, tuple[str, str]] = {
    "no_incident": ("no incident {ref}", "нет происшествия {ref}"),
    "no_claim": ("no claim {ref}", "нет заявления {ref}"),  # as typed
    "need_reference": ("the incident report needs an incident reference", "для справки о происшествии нужен его номер"),
    "need_number": ("this report needs a claim number", "для этого отчёта нужен номер заявления"),
    "nothing_missing": (
        "claim {number} has every required document: there is nothing to ask for",
        "по заявлению {number} представлены все обязательные документы: запрашивать нечего",
    ),
    "claim_decided": (
        "claim {number} is already decided ({status}): a letter asking for documents makes no sense now",
        "по заявлению {number} уже принято решение ({status}): запрашивать документы поздно",
    ),
    "no_inspection": (
        "claim {number} has no inspection recorded: there is no act to print (enter the commission's "
        "inspection on the claim first)",
        "по заявлению {number} обследование не проводилось: акта нет (сначала внесите в заявление сведения "
        "об обследовании комиссией)",
    ),
    "not_decided": (
        "claim {number} is not decided yet (its status: {status}): there is no decision to give notice of",
        "по заявлению {number} решения ещё нет (его статус: {status}): уведомлять не о чем",
    ),
    "payment_status": (
        "the payment register lists approved claims only: --status {status} cannot be used with it",
        "в реестр на выплату входят только одобренные заявления: --status {status} для него не подходит",
    ),
    "no_folder": ("folder does not exist: {path}", "папка не существует: {path}"),
    "cannot_write": ("cannot write {path}: {reason}", "не удаётся записать {path}: {reason}"),
}


class ReportError(Exception):
    """A report cannot be made for a reason the user can act on (the CLI exits with status 2)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        en, ru = _MESSAGES[self.code]
        lang = normalise_lang(lang)
        params = dict(self.params)
        if isinstance(params.get("number"), str):  # a claim's number as the office shows it: «З-2026-0001»
            params["number"] = shown_number(params["number"], lang)
        return (ru if lang == "ru" else en).format(**params)


class ReportSource(Protocol):
    """What the reports read from `desktop.storage.Store` (a protocol, so tests can stand in)."""

    def settings(self) -> OfficeSettings: ...
    def required_documents(self) -> RequiredDocuments: ...
    def get_incident(self, incident_id: str) -> Incident | None: ...
    def incident_sample(self, incident_id: str, limit: int, include: Iterable[str] = ()) -> Incident | None: ...
    def incidents_with_items(self, incident_ids: Iterable[str], item_ids: Iterable[str]) -> dict[str, Incident]: ...
    def get_incident_by_reference(self, reference: str) -> Incident | None: ...
    def get_claim_by_number(self, number: str) -> Claim | None: ...
    def get_claims(self, ids: Iterable[str]) -> dict[str, Claim]: ...
    def get_person(self, person_id: str) -> Person | None: ...
    def people_by_ids(self, ids: Iterable[str]) -> dict[str, Person]: ...
    def claims_for_incident(self, incident_id: str) -> list[Claim]: ...
    def iter_claim_rows(self, filters: Filters, *, sort: str | None = None, descending: bool = False) -> Iterator[ClaimRow]: ...
    def iter_incident_rows(self, filters: Filters, *, sort: str | None = None, descending: bool = False) -> Iterator[IncidentRow]: ...
    def summary_rows(self, filters: Filters) -> list[SummaryRow]: ...


class _Builder(Protocol):
    def __call__(self, out: Path, /) -> Path: ...


def incident_report(
    store: ReportSource, reference: str, out_path: str | os.PathLike[str], *, lang: str = "ru",
    made_at: datetime | None = None, progress: Callable[[int], None] | None = None,
) -> Path:
    """`progress(pages_begun)` page by page; raising from it stops the build."""
    incident = _first(store.get_incident_by_reference, reference)
    if incident is None:
        raise ReportError("no_incident", ref=reference)
    claims = store.claims_for_incident(incident.id)
    ids = {i.owner_id for i in [*incident.vehicles, *incident.properties] if i.owner_id}
    ids |= {c.claimant_id for c in claims}
    people = store.people_by_ids(sorted(ids))
    return _write(
        out_path,
        lambda out: build_incident_report(
            out, incident, claims, people, store.settings(), lang=normalise_lang(lang), made_at=made_at,
            on_page=progress,
        ),
    )


def claim_sheet(
    store: ReportSource, number: str, out_path: str | os.PathLike[str], *, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    claim, incident, claimant = _claim_with_context(store, number)
    people = _owners(store, claim, incident)
    return _write(
        out_path,
        lambda out: build_claim_sheet(
            out, claim, incident, claimant, people, store.settings(), store.required_documents(),
            lang=normalise_lang(lang), made_at=made_at,
        ),
    )


def _owners(store: ReportSource, claim: Claim, incident: Incident | None) -> dict[str, Person]:
    """The owners of the claim's items, by id (the claim sheet's and the act's items table)."""
    by_id = items_by_id(incident)
    owners = (by_id.get(i) for i in claim.items)
    return store.people_by_ids(sorted({item.owner_id for item in owners if item is not None and item.owner_id}))


def register_report(
    store: ReportSource, out_path: str | os.PathLike[str], *, filters: Filters | None = None, lang: str = "ru",
    made_at: datetime | None = None, progress: Callable[[int], None] | None = None, sort: str | None = None,
    descending: bool = False,
) -> Path:
    """The register of what `filters` select, in the order of `sort` (a claims register column,
    `descending` or not; None: by filing date): the same rows, in the same order, as a register
    window shows.

    `progress(rows_done)` is called page by page; raising from it cancels the build.
    """
    filters = filters or Filters()
    return _write(
        out_path,
        lambda out: build_register(
            out, store.iter_claim_rows(filters, sort=sort, descending=descending), store.settings(), filters=filters,
            lang=normalise_lang(lang), made_at=made_at, progress=progress, sort=sort, descending=descending,
        ),
    )


def incidents_register_report(
    store: ReportSource, out_path: str | os.PathLike[str], *, filters: Filters | None = None, lang: str = "ru",
    made_at: datetime | None = None, progress: Callable[[int], None] | None = None, sort: str | None = None,
    descending: bool = False,
) -> Path:
    """The incidents register (`report incidents`): one row per incident `filters` select, in the
    order of `sort` (an incidents register column; None: by date, the earliest first)."""
    filters = filters or Filters()
    return _write(
        out_path,
        lambda out: build_incidents_register(
            out, selection.incident_rows(store, filters, sort=sort, descending=descending), store.settings(),
            filters=filters, lang=normalise_lang(lang), made_at=made_at, progress=progress, sort=sort,
            descending=descending,
        ),
    )


def summary_report(
    store: ReportSource, out_path: str | os.PathLike[str], *, filters: Filters | None = None, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    filters = filters or Filters()
    return _write(
        out_path,
        lambda out: build_summary(
            out, selection.summary_rows(store, filters), store.settings(), filters=filters, lang=normalise_lang(lang),
            made_at=made_at,
        ),
    )


def missing_documents(store: ReportSource, number: str) -> list[DocumentKind]:
    """What the letter for this claim would ask for (empty: nothing to ask; the window greys the button)."""
    claim, incident, claimant = _claim_with_context(store, number)
    if claim.status in DECIDED_STATES:
        return []
    return store.required_documents().missing(claim, incident, claimant.kind if claimant else None)


def request_documents_letter(
    store: ReportSource, number: str, out_path: str | os.PathLike[str], *, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    claim, incident, claimant = _claim_with_context(store, number)
    if claim.status in DECIDED_STATES:
        # Approved, rejected, paid or withdrawn: the review the documents were for is over.
        raise ReportError("claim_decided", number=claim.number or number, status=label(claim.status, normalise_lang(lang)))
    missing = store.required_documents().missing(claim, incident, claimant.kind if claimant else None)
    if not missing:
        raise ReportError("nothing_missing", number=claim.number or number)
    return _write(
        out_path,
        lambda out: build_request_letter(
            out, claim, incident, claimant, store.settings(), missing, lang=normalise_lang(lang), made_at=made_at
        ),
    )


def inspection_act(
    store: ReportSource, number: str, out_path: str | os.PathLike[str], *, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    """The commission's act of inspection of the claim's items (`report inspection-act`)."""
    claim, incident, claimant = _claim_with_context(store, number)
    if claim.inspection is None:
        raise ReportError("no_inspection", number=claim.number or number)
    return _write(
        out_path,
        lambda out: build_inspection_act(
            out, claim, incident, claimant, _owners(store, claim, incident), store.settings(),
            lang=normalise_lang(lang), made_at=made_at,
        ),
    )


def decision_notice(
    store: ReportSource, number: str, out_path: str | os.PathLike[str], *, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    """The written answer to the claimant on the decision (`report decision-notice`)."""
    claim, incident, claimant = _claim_with_context(store, number)
    if not is_decided(claim):
        raise ReportError("not_decided", number=claim.number or number, status=label(claim.status, normalise_lang(lang)))
    return _write(
        out_path,
        lambda out: build_decision_notice(
            out, claim, incident, claimant, store.settings(), lang=normalise_lang(lang), made_at=made_at
        ),
    )


def payment_filters(filters: Filters | None) -> Filters:
    """The payment register's selection: FILTERS narrowed to approved claims (another status is an error)."""
    try:
        return register_filters(filters)
    except ServiceError:
        raise ReportError("payment_status", status=filters.status.value if filters and filters.status else "") from None


def payment_lines(store: ReportSource, filters: Filters | None = None) -> Iterator[PaymentLine]:
    """The payment register's rows: approved claims without a payment, in the register's order, each
    with its payee's INN, the day its bank details came, and the proposal when approved above it.

    Rows stream from the store; the claims, payees and claimed items behind them are read `BATCH`
    at a time (the incidents with only those claims' items, in one read: one car of a 20,000-car
    courtyard).
    """
    selected = payment_filters(filters)
    rules = store.settings().payment_rules
    rows = iter(store.iter_claim_rows(selected))
    while chunk := list(islice(rows, BATCH)):
        claims = store.get_claims(r.id for r in chunk)
        people = store.people_by_ids(sorted({c.claimant_id for c in claims.values()}))
        incidents = store.incidents_with_items({c.incident_id for c in claims.values()},
                                               {item for c in claims.values() for item in c.items})
        for row in chunk:
            claim = claims.get(row.id)
            if claim is None or claim.payment is not None:
                continue
            payee = people.get(claim.claimant_id)
            received = [d.received_on for d in claim.documents if d.kind is DocumentKind.BANK_DETAILS]
            proposal = claim_proposal(claim, incidents.get(claim.incident_id), rules)
            approved = claim.decision.approved_amount if claim.decision else None
            yield PaymentLine(
                row=row,
                inn=payee.inn if payee is not None else None,
                bank_details_on=max(received) if received else None,
                proposed=proposal.amount if proposal.above(approved) else None,
            )


def payment_register_report(
    store: ReportSource, out_path: str | os.PathLike[str], *, filters: Filters | None = None, lang: str = "ru",
    made_at: datetime | None = None, progress: Callable[[int], None] | None = None,
) -> Path:
    """The payment register (`report payment-register`): a PDF, or an `.xlsx` when OUT ends so."""
    selected = payment_filters(filters)
    lang = normalise_lang(lang)
    if Path(out_path).suffix.lower() == ".xlsx":
        return _write(out_path, lambda out: write_payment_workbook(
            out, payment_lines(store, selected), store.settings(), filters=filters, lang=lang, made_at=made_at))
    return _write(out_path, lambda out: build_payment_register(
        out, payment_lines(store, selected), store.settings(), filters=filters, lang=lang, made_at=made_at,
        progress=progress))


def deadline_lines(store: ReportSource, filters: Filters | None = None) -> list[DeadlineLine]:
    """The claims `filters` select that are not answered yet, the nearest answer date first: open
    ones, and decided ones whose notice has not been sent (59-FZ: answered once the claimant is
    told). The register's rows carry the registration date, extension and notice: no claim is read."""
    rows = store.iter_claim_rows(filters or Filters(), sort="answer_due")
    return [DeadlineLine(row) for row in rows if awaits_answer(row)]


def deadlines_report(
    store: ReportSource, out_path: str | os.PathLike[str], *, filters: Filters | None = None, lang: str = "ru",
    made_at: datetime | None = None,
) -> Path:
    """Deadline control (`report deadlines`): open claims by executor with their answer dates."""
    filters = filters or Filters()
    return _write(out_path, lambda out: build_deadlines(
        out, deadline_lines(store, filters), store.settings(), filters=filters, lang=normalise_lang(lang),
        made_at=made_at))


def build_report(
    store: ReportSource,
    kind: ReportKind | str,
    out_path: str | os.PathLike[str],
    *,
    reference: str | None = None,
    number: str | None = None,
    filters: Filters | None = None,
    lang: str = "ru",
    made_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> Path:
    """One entry point for every report, as the command line names them.

    `progress` is for what can run to hundreds of pages: the registers call it with the rows
    done, an incident's report with the pages begun; raising from it stops the build. `sort` and
    `descending` are the registers' (the register window's order, to print what it shows).
    """
    kind = ReportKind(kind)
    if kind is ReportKind.INCIDENT:
        if not reference:
            raise ReportError("need_reference")
        return incident_report(store, reference, out_path, lang=lang, made_at=made_at, progress=progress)
    if kind is ReportKind.REGISTER:
        return register_report(store, out_path, filters=filters, lang=lang, made_at=made_at, progress=progress,
                               sort=sort, descending=descending)
    if kind is ReportKind.INCIDENTS:
        return incidents_register_report(store, out_path, filters=filters, lang=lang, made_at=made_at,
                                         progress=progress, sort=sort, descending=descending)
    if kind is ReportKind.SUMMARY:
        return summary_report(store, out_path, filters=filters, lang=lang, made_at=made_at)
    if kind is ReportKind.PAYMENT_REGISTER:
        return payment_register_report(store, out_path, filters=filters, lang=lang, made_at=made_at, progress=progress)
    if kind is ReportKind.DEADLINES:
        return deadlines_report(store, out_path, filters=filters, lang=lang, made_at=made_at)
    if not number:
        raise ReportError("need_number")
    if kind is ReportKind.CLAIM:
        return claim_sheet(store, number, out_path, lang=lang, made_at=made_at)
    if kind is ReportKind.INSPECTION_ACT:
        return inspection_act(store, number, out_path, lang=lang, made_at=made_at)
    if kind is ReportKind.DECISION_NOTICE:
        return decision_notice(store, number, out_path, lang=lang, made_at=made_at)
    return request_documents_letter(store, number, out_path, lang=lang, made_at=made_at)


def _first(look_up: Callable[[str], T | None], typed: str) -> T | None:
    """The record a typed number names: as typed, else the office's «П-2026-1» as stored (`words.number_lookups`)."""
    for number in number_lookups(typed):
        found = look_up(number)
        if found is not None:
            return found
    return None


def _claim_with_context(store: ReportSource, number: str) -> tuple[Claim, Incident | None, Person | None]:
    """The claim, its incident with only the claim's own items, and the claimant.

    A claim sheet or letter prints what the claim holds: one car of a 20,000-car incident reads
    that car, not the courtyard.
    """
    claim = _first(store.get_claim_by_number, number)
    if claim is None:
        raise ReportError("no_claim", ref=number)
    incident = store.incident_sample(claim.incident_id, 0, claim.items)
    return claim, incident, store.get_person(claim.claimant_id)


def _write(out_path: str | os.PathLike[str], build: _Builder) -> Path:
    """Check the destination first, and turn the OS's refusals into messages a clerk can act on."""
    out = Path(out_path).expanduser()
    if not out.parent.is_dir():
        raise ReportError("no_folder", path=str(out.parent))
    try:
        return build(out)
    except OSError as e:
        raise ReportError("cannot_write", path=str(out), reason=e.strerror or str(e)) from e


__all__ = [
    "ReportError",
    "ReportKind",
    "ReportSource",
    "build_report",
    "claim_sheet",
    "deadline_lines",
    "deadlines_report",
    "decision_notice",
    "incident_report",
    "incidents_register_report",
    "inspection_act",
    "missing_documents",
    "payment_filters",
    "payment_lines",
    "payment_register_report",
    "register_report",
    "request_documents_letter",
    "summary_report",
]
