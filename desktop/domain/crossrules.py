"""Rules across records, judged in one place for a form's save and for an import.

The callers look the facts up (storage for a form's save, the importer for a file and the log
together) and these functions say what is wrong and where: a person or incident that does not
exist, an item that belongs to another incident, an item removed while a claim still names it,
an incident moved to a day after its claims were filed, a reference or claim number another
record already has. No SQL here: a fact is a mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping

from .errors import FieldError, Problem
from .models import Incident
from .words import normalise_lang, shown_number


def unknown_people(references: Iterable[tuple[str, str]], known: Container[str]) -> list[Problem]:
    """`(path, person id)` pairs that name nobody in the log (or in the same file)."""
    return [Problem(path, FieldError("unknown_person")) for path, person_id in references if person_id not in known]


def unknown_incident(path: str, incident: object | None) -> list[Problem]:
    """A claim's incident that is neither in the log nor in the same file."""
    return [] if incident is not None else [Problem(path, FieldError("unknown_incident"))]


def moved_items(items: Iterable[tuple[str, str, str]], stored_incident: Mapping[str, str]) -> list[Problem]:
    """`(path, item id, incident id)`: an item the log already has in another incident cannot move."""
    return [Problem(path, FieldError("item_moved", got=stored_incident[item_id]))
            for path, item_id, incident_id in items
            if item_id in stored_incident and stored_incident[item_id] != incident_id]


def claimed_items(
    path: str, claims_naming: Mapping[str, list[tuple[str, str]]],
    still_names: Callable[[str, str], bool] = lambda _claim_id, _item_id: True,
    label: Callable[[str], str] = str,
) -> list[Problem]:
    """Items removed from an incident while claims name them (`item id → [(claim id, number)]`).

    `still_names(claim id, item id)` is False where the same save (an import) also takes the item
    off that claim. `label(item id)` names the removed item as a clerk knows it (make and plate,
    or the property's description): it is no longer in the form or the file to point at."""
    problems: list[Problem] = []
    for item_id, claims in claims_naming.items():
        numbers = [number for claim_id, number in claims if still_names(claim_id, item_id)]
        if numbers:
            problems.append(Problem(path, FieldError("item_claimed", got=", ".join(numbers), item=label(item_id))))
    return problems


def item_labels(stored: Callable[[], Incident]) -> Callable[[str], str]:
    """`claimed_items`' `label` for the items of the incident `stored()` gives (as it was before
    the save): the incident read and its items looked up once, and only if an item is refused."""
    by_id: dict[str, str] = {}

    def label(item_id: str) -> str:
        if not by_id:
            by_id.update((key, item.label()) for key, item in stored().items_by_id().items())
        return by_id[item_id]

    return label


def claims_before_incident(path: str, claims: Iterable[tuple[str, str]], in_save: Container[str] = ()) -> list[Problem]:
    """An incident's date moved past stored claims filed or inspected before the new day
    (`(claim id, number)`, as the store finds them): the log would break `claim_problems` for
    claims nobody touched, and an export of it would not import. `in_save`: claims the same save
    (an import) writes too, which are checked against the new date themselves."""
    numbers = [number for claim_id, number in claims if claim_id not in in_save]
    return [Problem(path, FieldError("claims_before_incident", got=", ".join(numbers)))] if numbers else []


def clashing_references(wanted: Iterable[tuple[str, str, str]], holders: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """`(path, reference or number, record id)` of `wanted` that another record of the log already has
    (`holders`: reference → the id holding it). Matched by id, so a record keeps its own."""
    return [(path, reference, record_id) for path, reference, record_id in wanted
            if reference in holders and holders[reference] != record_id]


def taken_references(wanted: Iterable[tuple[str, str, str]], holders: Mapping[str, str]) -> list[Problem]:
    """`(path, reference or number, record id)`: one another record of the log already has."""
    return [Problem(path, FieldError("reference_taken", got=reference))
            for path, reference, _record_id in clashing_references(wanted, holders)]


def in_office_numbers(problem: Problem, lang: str) -> Problem:
    """A taken number as the office shows it: «Заявление №1, номер: уже занят другой записью:
    З-2026-0001», as the renumbered import lists them after it (the window and the command line)."""
    taken = problem.error.params.get("got")
    if problem.error.code != "reference_taken" or not isinstance(taken, str):
        return problem
    return Problem(problem.path, FieldError(problem.error.code, **{**problem.error.params,
                                                                   "got": shown_number(taken, normalise_lang(lang))}))


def renumbering_would_help(problems: Iterable[Problem]) -> bool:
    """An import refused only because references or numbers are taken: renumbering (interchange.md,
    Import rules 2) would let it through, so the window offers it."""
    problems = list(problems)
    return bool(problems) and all(p.error.code == "reference_taken" for p in problems)
