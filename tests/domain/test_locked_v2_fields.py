"""A decided claim keeps what the decision was made on, v2 fields included; who answers, the
extension and the notice's date stay open."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from desktop.domain.enums import ClaimKind, ClaimStatus, ReceivedVia
from desktop.domain.models import Claim, Decision, Extension, Inspection
from desktop.domain.transitions import locked_changes

DECIDED = Claim(id="c", incident_id="i", claimant_id="p", items=["v"], kind=ClaimKind.DAMAGE_COMPENSATION,
                filed_on=date(2026, 9, 14), status=ClaimStatus.APPROVED, received_via=ReceivedVia.POST,
                registered_on=date(2026, 9, 15), executor="Соколова И. П.",
                inspection=Inspection("12-К", date(2026, 9, 15), ["председатель, Николаев П. А."], "стекло", Decimal("51200")),
                decision=Decision("РП-1", date(2026, 9, 20), Decimal("48500")))


def test_the_grounds_of_the_decision_are_locked() -> None:
    def fields(new: Claim) -> list[str]:
        return [p.path for p in locked_changes(DECIDED, new)]

    assert fields(replace(DECIDED, received_via=ReceivedVia.MFC)) == ["received_via"]
    assert fields(replace(DECIDED, registered_on=date(2026, 9, 16))) == ["registered_on"]
    act = replace(DECIDED.inspection, assessed_amount=Decimal("90000"))
    assert fields(replace(DECIDED, inspection=act)) == ["inspection"]


def test_who_answers_and_when_the_notice_went_stay_open() -> None:
    later = replace(DECIDED, executor="Петрова А. В.", decision=replace(DECIDED.decision, notice_sent_on=date(2026, 9, 22)),
                    extension=Extension(date(2026, 11, 1), "запрос в ГИБДД"))
    assert locked_changes(DECIDED, later) == []
