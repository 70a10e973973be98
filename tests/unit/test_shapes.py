import datetime
import random
import re

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from piilora.detectors import detect_rules, merge_spans
from piilora.entities.base import DEFAULT_LOCALES
from piilora.entities.builtin import builtin_entity_generators
from piilora.months import MONTHS
from piilora.shapes import BUILTIN_SHAPES, check_shapes, tidy_edges
from piilora.types import Span


@pytest.mark.parametrize("locale", DEFAULT_LOCALES)
def test_every_generated_value_passes_its_own_types_shape(locale):
    """A shape that rejected real values of its type would unmask them."""
    faker = Faker(locale)
    for gen in builtin_entity_generators():
        if gen.shape is None:
            continue
        for seed in range(150):
            faker.seed_instance(seed)
            value = gen.sample(faker, random.Random(seed), locale)
            assert gen.shape(value), (gen.entity_type, locale, seed)


def _checked(text, *spans):
    found = check_shapes(text, [Span(text.index(v), text.index(v) + len(v), t, source="model") for t, v in spans],
                         BUILTIN_SHAPES)  # fmt: skip
    return [(s.entity_type, text[s.start : s.end]) for s in found]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("GET /x [2026/09/18 18:47:06] 200", ("IP_ADDRESS", "[2026/09/18 18:47:06]"), []),
        ("at 2024-01-01T10:00:00.123 ok", ("PHONE_NUMBER", "2024-01-01T10:00:00.123"), []),
        ("see https://api.example.org/v2 now", ("IP_ADDRESS", "https://api.example.org/v2"), []),
        ('"name": "Trail Runner 3"', ("PERSON", "Trail Runner 3"), []),
        ("room 4.16 is free", ("BANK_ACCOUNT", "4.16"), []),
        ("your card ending 9129", ("CREDIT_CARD", "9129"), []),
        ("Payee account (IBAN)", ("IBAN_CODE", "IBAN"), []),
        ("first day 01.02.2023", ("PHONE_NUMBER", "01.02.2023"), []),
        ("the place near B-103", ("STREET_ADDRESS", "B-103"), []),
        ("at Rue de la Paix", ("STREET_ADDRESS", "Rue de la Paix"), [("STREET_ADDRESS", "Rue de la Paix")]),
        # a name the model typed as a number stays masked, as a name
        ("TRANSFER TO Tammy Holland", ("IBAN_CODE", "Tammy Holland"), [("PERSON", "Tammy Holland")]),
        ("265,R. K. Vaughan,1980", ("DATE_OF_BIRTH", "R. K. Vaughan"), [("PERSON", "R. K. Vaughan")]),
        ("payable to X, 2877290", ("IBAN_CODE", "2877290"), [("BANK_ACCOUNT", "2877290")]),
        # values that can be of their type are kept, so are spans holding more than one value
        ("ip 10.0.0.1:8080 up", ("IP_ADDRESS", "10.0.0.1:8080"), [("IP_ADDRESS", "10.0.0.1:8080")]),
        ("mail jane (at) doe.com", ("EMAIL_ADDRESS", "jane (at) doe.com"), [("EMAIL_ADDRESS", "jane (at) doe.com")]),
        ("x 1980-03-23,210-45-7903", ("US_SSN", "1980-03-23,210-45-7903"), [("US_SSN", "1980-03-23,210-45-7903")]),
        ("key product:SKU-1", ("SECRET", "product:SKU-1"), [("SECRET", "product:SKU-1")]),  # no shape: kept
        # a long number of the wrong form may be PII of another type: it stays masked as it was
        ("copied from REQ5021352", ("CREDIT_CARD", "REQ5021352"), [("CREDIT_CARD", "REQ5021352")]),
        ("x [1717691029] y", ("IP_ADDRESS", "[1717691029]"), [("IP_ADDRESS", "[1717691029]")]),
    ],
)
def test_check_shapes_retypes_or_drops_values_that_cannot_be_of_their_type(text, span, expected):
    assert _checked(text, span) == expected


@settings(max_examples=200, deadline=None)
@given(
    value=st.text(st.characters(categories=["L", "Zs", "Pd"]), min_size=1, max_size=30).filter(
        lambda v: any(c.isalpha() for c in v)
    ),
    etype=st.sampled_from(sorted(BUILTIN_SHAPES)),
)
def test_a_letters_only_value_is_never_unmasked_unless_a_short_acronym(value, etype):
    """What the model masked as a word (a name, typed wrongly or not) stays masked."""
    text = f"<{value}>"
    found = check_shapes(text, [Span(1, 1 + len(value), etype, source="model")], BUILTIN_SHAPES)
    if not found:
        assert re.fullmatch(r"[A-Z]{1,4}", value.strip()), value


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(st.characters(categories=["L"]), min_size=1, max_size=8).filter(lambda w: w.lower() != "t"),
    number=st.text(st.characters(categories=["Nd"]), min_size=5, max_size=12),
    sep=st.sampled_from(["", " ", "-", "/", ": "]),
    word_first=st.booleans(),
    etype=st.sampled_from(sorted(BUILTIN_SHAPES)),
)
def test_a_value_with_five_digits_and_a_word_is_never_unmasked(word, number, sep, word_first, etype):
    """Only values that cannot identify anyone by themselves (short numbers, dates, times,
    acronyms) lose their span; an ID of the wrong form stays masked."""
    value = f"{word}{sep}{number}" if word_first else f"{number}{sep}{word}"
    text = f"<{value}>"
    assert check_shapes(text, [Span(1, 1 + len(value), etype, source="model")], BUILTIN_SHAPES)


def test_merge_checks_shapes_after_cutting_around_verified_matches():
    text = "SEPA TRANSFER TO Tammy Holland IE29IPBS67019696020390 REF 1"
    model = [Span(17, 53, "IBAN_CODE", source="model")]  # name and IBAN as one span
    found = merge_spans(model, detect_rules(text), text, BUILTIN_SHAPES)
    assert [(s.entity_type, text[s.start : s.end]) for s in found] == [
        ("PERSON", "Tammy Holland"),
        ("IBAN_CODE", "IE29IPBS67019696020390"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "etype", "expected"),
    [
        ('user.set_password("Y3LL0W231@")', 'Y3LL0W231@"', "PASSWORD", "Y3LL0W231@"),
        ("see https://x.org/@jo.wells. Then", "https://x.org/@jo.wells.", "URL", "https://x.org/@jo.wells"),
        ("pw 'ab' end", "ab'", "PASSWORD", "ab"),
        ("pw 'ab'c' end", "ab'c'", "PASSWORD", "ab'c'"),  # the quote also occurs inside: left alone
        ("go to https://x.org/a.b now", "https://x.org/a.b", "URL", "https://x.org/a.b"),
    ],
)
def test_tidy_edges_trims_closing_quotes_and_a_urls_full_stop(text, value, etype, expected):
    start = text.index(value)
    (span,) = tidy_edges(text, [Span(start, start + len(value), etype, source="model")])
    assert text[span.start : span.end] == expected


_TODAY = datetime.date(2026, 11, 30)


def _dates(text):
    from piilora.detectors import _birth_dates

    return [text[a:b] for a, b in _birth_dates(text, _TODAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Geburtsdatum: 31/07/1985 ok",
        "born 23-JAN-1958.",
        "b. 13 december 1988,",
        "12. März 1970",
        "3 de marzo de 1960",
        "1er mars 1955",
        "March 3rd, 1970",
        "14 Mar. 1980",
        "dob=1978-04-04 result=ok",
        "DOB 1985-03-14T00:00:00Z",
        "24.07.90 (Querfurt)",
        "1/7/52",
    ],
)
def test_old_full_dates_are_birth_dates(text):
    assert len(_dates(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "meeting 12/03/2024",  # recent
        "version 1.2.1990",
        "numpy 4.3.11",  # a version, not 4 March 2011
        "sort code 24-08-61",
        "10:12:1999",
        "in March 1985",  # partial dates are left to the model
        "ref 12-05-1985-A",
        "31/02/1980",  # no such day
        "compact 19850314",
    ],
)
def test_recent_partial_and_non_dates_are_not(text):
    assert _dates(text) == []


@settings(max_examples=150, deadline=None)
@given(day=st.dates(datetime.date(1920, 1, 1), datetime.date(2011, 11, 29)), form=st.integers(0, 5))
def test_any_old_date_in_a_common_form_is_found(day, form):
    d, m, y = day.day, day.month, day.year
    text = [
        f"{d:02d}/{m:02d}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d} {MONTHS['en'][m - 1]} {y}",
        f"{MONTHS['en'][m - 1]} {d}, {y}",
        f"{d} {MONTHS['nl'][m - 1]} {y}",
    ][form]
    assert _dates(f"DOB: {text}.") == [text]


def test_the_birth_date_rule_can_be_switched_off():
    text = "DOB 12/03/1961"
    assert [s.entity_type for s in detect_rules(text)] == ["DATE_OF_BIRTH"]
    assert detect_rules(text, types=("PHONE_NUMBER",)) == []
