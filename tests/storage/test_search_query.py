"""What a clerk types into a search is always a search: never query syntax, never an error."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.enums import PersonKind
from desktop.domain.models import Person
from desktop.domain.views import Filters
from desktop.exchange import import_file
from desktop.storage import Store
from desktop.storage.sqlite.search_query import SEARCH_TEXT_CHARS, SEARCH_WORDS, TOKENIZER, search_query, words_of
from tests.samples import sample

pytestmark = pytest.mark.backends("sqlite")  # the SQLite backend's own files and SQL

ODD_PERSON = "e3b1c1a0-0000-4000-8000-000000000001"


@pytest.fixture(scope="module")
def searched(tmp_path_factory):
    """The sample log plus records holding `a_b`, `100%` and `_` literally; searches never write."""
    with Store.open(tmp_path_factory.mktemp("search") / "log.sqlite3") as store:
        import_file(store, sample())
        claim = store.get_claims([r.id for r in store.claim_rows(limit=1)]).popitem()[1]
        claim.notes = "деталь a_b и 12.5 литра"
        store.save_claim(claim)
        store.save_person(Person(id=ODD_PERSON, kind=PersonKind.ORGANISATION, full_name="ООО «Сто_100%»"))
        yield store


def test_the_query_tokenizer_is_the_index_tokenizer(searched):
    declared = searched.db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()[0]
    assert f"tokenize = '{TOKENIZER}'" in declared


def test_a_word_the_index_splits_is_split_the_same_way(searched):
    assert words_of("a_b 12.5 Привет-мир") == ["a", "b", "12", "5", "привет", "мир"]
    found = searched.claim_rows(Filters(text="a_b"))
    assert [r.number for r in found] and all(
        "a_b" in (searched.get_claim(r.id).notes or "") for r in found)
    assert searched.count_claims(Filters(text="12.5 литр")) == 1
    assert searched.count_claims(Filters(text="a_zzz")) == 0


def test_query_syntax_is_plain_text():
    assert search_query('NEAR("x" b) AND -c* ^d:e OR (f)').expression == (
        '"near"* AND "x"* AND "b"* AND "and"* AND "c"* AND "d"* AND "e"* AND "or"* AND "f"*')
    assert search_query('смирн смирнова "').words == ("смирнова",)  # a word that begins another adds nothing
    assert search_query('"*-^:()').expression is None


def test_long_text_is_cut_and_says_so(searched):
    long = "улица " * 10_000
    assert len(long) > 50_000
    query = search_query(long)
    assert query.cut and query.words == ("улица",)
    many = search_query(" ".join(f"w{n}" for n in range(100)))
    assert many.cut and len(many.words) == SEARCH_WORDS
    short = search_query("Смирнова А123")
    assert not short.cut and short.words == ("смирнова", "а123")
    assert searched.count_claims(Filters(text="x" * 60_000)) == 0
    assert searched.count_incidents(Filters(text=" ".join(f"w{n}" for n in range(20_000)))) == 0


def test_a_reference_stays_one_word():
    assert search_query("CLM-2026-0001").words == ("clm20260001",)


def test_the_offices_number_as_the_russian_window_shows_it_finds_the_record(searched):
    """«З-2026-0001» on screen is CLM-2026-0001 in the database: typed either way, it finds the claim."""
    assert search_query("З-2026-0001").words == search_query("CLM-2026-0001").words
    assert search_query("п-2026-0001 Калуга").words == ("inc20260001", "калуга")
    claim = searched.claim_rows(Filters(text="З-2026-0001"))
    assert [r.number for r in claim] == ["CLM-2026-0001"]
    assert [r.reference for r in searched.incident_rows(Filters(text="П-2026-0002"))] == ["INC-2026-0002"]


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list('"*-^:()%_\\\' NEAR AND OR NOT a_b Ёё{}[]+.,;\x00\t\n')), max_size=120),
    st.lists(st.sampled_from(["NEAR", "AND", "OR", "NOT", "-", "^", ":", "(", ")", '"', "*", "a_b", "INC-2026-0001",
                              "col:", "{body}", "%", "_", "\\"]), max_size=40).map(" ".join),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(10_000, 30_000)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_any_text_searches_normally(searched, text):
    query = search_query(text)
    assert len(query.words) <= SEARCH_WORDS
    if len(text.strip()) > SEARCH_TEXT_CHARS:
        assert query.cut
    filters = Filters(text=text)
    searched.count_claims(filters)
    searched.claim_rows(filters, sort="claimant", limit=5)
    searched.count_incidents(filters)
    searched.incident_rows(filters, limit=5)
    searched.search_is_cut("claim", text)
    searched.search_is_cut("incident", text)
    list(searched.iter_claim_rows(filters, today=date(2026, 10, 1)))
    typed = text.replace("\x00", "").strip()[:SEARCH_TEXT_CHARS]  # NUL is dropped: no name holds one
    needle, digits = typed.casefold().replace("ё", "е"), re.sub(r"\D", "", typed)
    for person in searched.find_people(text):
        assert needle in person.full_name.casefold().replace("ё", "е") or (
            digits and (person.inn == digits or (person.phone or "").endswith(digits[-10:])))


@pytest.mark.parametrize(("text", "found"), [
    ("%", [ODD_PERSON]), ("_", [ODD_PERSON]), ("_1", [ODD_PERSON]), ("%%", []), ("__", []), ("\\", []),
    ("\\%", []), ("%_", []),
])
def test_person_search_wildcards_match_only_themselves(searched, text, found):
    assert searched.count_people() > 3
    assert [p.id for p in searched.find_people(text)] == found


def test_person_search_finds_percent_and_underscore_literally(searched):
    assert [p.id for p in searched.find_people("о_1")] == [ODD_PERSON]
    assert [p.id for p in searched.find_people("100%")] == [ODD_PERSON]
    assert searched.find_people("о%1") == []
    assert searched.find_people("x" * 60_000) == []


def test_the_tokenizer_keeps_nothing_of_a_big_text_it_was_given():
    """A big text (an incident of 20,000 cars) leaves nothing in the tokenizer's own index or its
    pending-words table, so the words of every later text are read as fast as before it."""
    from desktop.storage.sqlite.search_query import _tokenizer

    assert len(words_of(" ".join(f"слово{n}" for n in range(50_000)))) == 50_000
    conn = _tokenizer()
    blocks, size = conn.execute("SELECT COUNT(*), SUM(length(block)) FROM words_data").fetchone()
    assert blocks <= 4 and size <= 100, (blocks, size)
    assert conn.execute("PRAGMA page_count").fetchone()[0] <= 20  # not the hundreds the big text grew
    assert words_of("Калуга А123ВС40") == ["калуга", "а123вс40"]
