"""The v2 shared sample (`sample-kaluga-2026-09-v2.json`) and variants of it for the legal-path reports.

As the sample stands: CLM-2026-0001 paid (act 12-К), CLM-2026-0002 under review (Кузнецов Игорь
Петрович, Kia Rio, severe, estimated 112 000), CLM-2026-0003 rejected, CLM-2026-0004 approved
(ГУП «Водоканал …», 2 100 000, no bank details).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from tests.samples import sample

V2 = "sample-kaluga-2026-09-v2.json"
VEHICLE_CAPS = {"vehicle": {"moderate": "78400", "severe": "78400", "destroyed": "156750"}}


@cache
def _text() -> str:
    return sample(V2).read_text(encoding="utf-8-sig")


def v2_data() -> dict[str, Any]:
    return copy.deepcopy(json.loads(_text()))


def two_approved(data: dict[str, Any]) -> dict[str, Any]:
    """CLM-2026-0002 approved too: 85 000 by РП-121 of 25.09.2026, bank details received on 24.09.2026
    (with `VEHICLE_CAPS` as the office's rules, 6 600 above the 78 400 they propose)."""
    claim = data["claims"][1]
    claim["status"] = "approved"
    claim["decision"] = {"number": "РП-121", "date": "2026-09-25", "approved_amount": "85000"}
    claim["documents"].append({"kind": "bank_details", "received_on": "2026-09-24"})
    return data
