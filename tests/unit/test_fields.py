"""Field typing: CSV-like tables typed by their header (piilora.safety.fields)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piilora.entities.builtin import builtin_entity_generators
from piilora.safety import SafetyNet
from piilora.safety.fields import field_map, field_type, table_cells, type_table_cells
from piilora.types import Span

FIELDS = field_map(builtin_entity_generators())
NET = SafetyNet.from_plugins()
BUILTIN_SHAPES = NET.shapes


def _typed(text, *spans):
    model = [Span(text.index(v), text.index(v) + len(v), t, source="model") for t, v in spans]
    return [
        (s.entity_type, text[s.start : s.end], s.source) for s in type_table_cells(text, model, FIELDS, BUILTIN_SHAPES)
    ]


def test_cells_come_with_their_column_and_quotes_are_not_part_of_a_cell():
    text = 'Export:\nname,email,dob\nJane Doe,jane@x.com,1980-01-02\n"Doe, John","a""b@x.com",\n\nthanks, bye'
    cells = [(text[c.start : c.end], c.column) for c in table_cells(text)]
    assert cells == [
        ("Jane Doe", "name"), ("jane@x.com", "email"), ("1980-01-02", "dob"),
        ("Doe, John", "name"), ('a""b@x.com', "email"), ("", "dob"),
    ]  # fmt: skip


def test_semicolon_tables_with_crlf_and_a_quoted_line_break():
    text = 'id;vorname_nachname;iban\r\n1;Max Mustermann;DE44\r\n2;"Erika\nMusterfrau";DE55'
    cells = [(text[c.start : c.end], c.column) for c in table_cells(text)]
    assert ("Erika\nMusterfrau", "vorname_nachname") in cells
    assert ("DE44", "iban") in cells


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I am Jane, call me\nor, mail, me",  # prose: the "header" is not name-like
        "name,email\n",  # no row
        "a single line, with commas, only",
        "Hi, I am Jane Doe, call me soon\nor, mail me at, home",  # long cells after ", ": prose
        "Cliente: Sí, es correcto\nAgente: Vale, gracias",  # a speaker's line is no header
    ],
)
def test_prose_is_not_a_table(text):
    assert table_cells(text) == []


def test_headers_of_up_to_four_words_where_prose_is_unlikely_and_a_rule_line_under_them():
    quoted = '"Kundennr";"Name";"Datum der Geburt";"Handy"\n"K-7";"Ida Brandt";"03.02.1971";"0151 2345678"'
    assert [c.column for c in table_cells(quoted)] == ["Kundennr", "Name", "Datum der Geburt", "Handy"]
    piped = "No|Surname, Given name|Fee (%)\n7|Okafor, Ebere|12\n8|Lund, Siv|9"
    cells = [(piped[c.start : c.end], c.column) for c in table_cells(piped)]
    assert cells[1] == ("Okafor, Ebere", "Surname, Given name")
    ruled = "id   | patient        | ward\n-----+----------------+-----\nP-31 | Aalto, Veikko  | 4B\n"
    cells = [(ruled[c.start : c.end].strip(), c.column.strip()) for c in table_cells(ruled)]
    assert cells == [("P-31", "id"), ("Aalto, Veikko", "patient"), ("4B", "ward")]  # the rule is no row


def test_a_named_columns_cells_are_masked_in_quoted_piped_and_ruled_tables():
    text = "\n".join(
        [
            "Ref | Patient          | Fecha de nacimiento | Teléfono",
            "----|------------------|---------------------|------------",
            "R-1 | Kowalczyk, Marta | 14/03/1962          | 612 345 678",
        ]
    )
    assert [(t, v.strip()) for t, v, _ in _typed(text)] == [
        ("PERSON", "Kowalczyk, Marta"),
        ("DATE_OF_BIRTH", "14/03/1962"),
        ("PHONE_NUMBER", "612 345 678"),
    ]


def test_column_names_map_to_types_with_qualifiers_and_spelling_variants():
    assert field_type("Full Name", FIELDS) == "PERSON"
    assert field_type("contact_email", FIELDS) == "EMAIL_ADDRESS"
    assert field_type("src-ip", FIELDS) == "IP_ADDRESS"
    assert field_type('"Passport No"', FIELDS) == "PASSPORT"  # quoted, spaced, capitalised
    assert field_type("passport_no", FIELDS) == "PASSPORT"
    assert field_type("last_login", FIELDS) is None  # a timestamp, not a login
    assert field_type("user_agent", FIELDS) is None
    assert field_type("Apellidos, Nombre", FIELDS) == "PERSON"  # parts of one type
    assert field_type("DNI/NIE", FIELDS) == "NATIONAL_ID"
    assert field_type("Age/Sex", FIELDS) is None  # parts of different types (or none)
    assert field_type("Cellulare", FIELDS) == "PHONE_NUMBER"
    assert field_type("Correo electrónico", FIELDS) == "EMAIL_ADDRESS"


def test_spans_over_two_cells_are_cut_and_typed_by_their_columns():
    text = "employee_id,full_name,dob,ssn\n4411,Tom Rye,1980-03-23,210-45-7903"
    assert _typed(text, ("US_SSN", "1980-03-23,210-45-7903"), ("PERSON", "Tom Rye")) == [
        ("PERSON", "Tom Rye", "model"),
        ("DATE_OF_BIRTH", "1980-03-23", "model"),
        ("US_SSN", "210-45-7903", "model"),
    ]


def test_a_column_retypes_the_models_span_and_masks_cells_it_missed():
    text = "username,api_key,plan\nc-lebreton,9zxeeasv/pal3oumqwgv1ab5x6jzqy,pro\n-,N/A,free"
    assert _typed(text, ("SECRET", "c-lebreton")) == [
        ("USERNAME", "c-lebreton", "model"),
        ("SECRET", "9zxeeasv/pal3oumqwgv1ab5x6jzqy", "field"),
    ]  # "-" and "N/A" are no values; "plan" is no PII column


def test_a_verified_rule_match_keeps_its_type_and_shapes_guard_added_cells():
    text = "name,phone,account_no\nJane Roe,n/a,DE44500105175407324931\nBo Li,12,123"
    rule = Span(text.index("DE44"), text.index("DE44") + 22, "IBAN_CODE", source="rule")
    found = type_table_cells(text, [rule], FIELDS, BUILTIN_SHAPES, verified=NET.verified)
    assert [(s.entity_type, text[s.start : s.end]) for s in found] == [
        ("PERSON", "Jane Roe"),
        ("IBAN_CODE", "DE44500105175407324931"),
        ("PERSON", "Bo Li"),
    ]  # "12" is no phone number, "123" no account number


def test_plugin_field_names_type_their_columns():
    from piilora.entities.base import EntityGenerator

    gen = EntityGenerator("EMPLOYEE_ID", lambda f, r, loc: "E-1", ("id {value}",), field_names=("Employee ID",))
    fields = field_map([gen])
    text = "employee id,team\nE-48213,ops"
    found = type_table_cells(text, [], fields)
    assert [(s.entity_type, text[s.start : s.end]) for s in found] == [("EMPLOYEE_ID", "E-48213")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab,;"\n x1', max_size=40), st.data())
def test_typing_never_unmasks_a_letter_or_digit(text, data):
    """Spans are only cut between cells (at delimiters, quotes, spaces), re-typed, or added:
    every letter or digit masked before stays masked."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = [Span(start, end, "PERSON", source="model")] if end > start else []
    found = type_table_cells(text, spans, FIELDS, BUILTIN_SHAPES)
    for i in range(start, end):
        if text[i].isalnum():
            assert any(s.start <= i < s.end for s in found)


def test_tables_written_back_to_back_each_keep_their_header():
    text = (
        'citizen_id,name,address\nTE389818C,William Foster,"Flat 13B\n45 Gillian Drives"\n'
        "name,email,phone\nGenoveva Rodrigo,g@x.es,0034 670 19 01 21\n"
        "username,plan\njdoe,pro"
    )
    cells = {text[c.start : c.end]: c.column for c in table_cells(text, FIELDS)}
    assert cells["0034 670 19 01 21"] == "phone"
    assert "email" not in cells and "username" not in cells
    assert cells["jdoe"] == "username"  # a row of lower-case words is still a row


def test_a_pii_columns_cell_is_masked_whole():
    text = 'name,address\nRhys Dale,"c/ mayor 1, 39646 león"'
    assert _typed(text, ("STREET_ADDRESS", "c/ mayor 1"), ("PHONE_NUMBER", "39646 león")) == [
        ("PERSON", "Rhys Dale", "field"),
        ("STREET_ADDRESS", "c/ mayor 1, 39646 león", "model"),
    ]


def test_non_pii_columns_drop_model_spans_and_type_suffixes_carry_over():
    text = "employee_id,full_name,department,stripe_token\n5238,Dawn Simpson,Payroll,tok_1N3T00LkdIwHu7ixt4Vq6Ueg"
    assert _typed(text, ("PERSON", "Dawn Simpson"), ("PERSON", "Payroll")) == [
        ("PERSON", "Dawn Simpson", "model"),
        ("SECRET", "tok_1N3T00LkdIwHu7ixt4Vq6Ueg", "field"),
    ]
    assert field_type("created_by", FIELDS) == "USERNAME"
    assert field_type("key_name", FIELDS) is None  # "name" is no suffix: a key's name is no person


def test_record_id_and_digest_columns_hold_no_personal_data():
    text = "job_id,trace_id,host\nc393ee54,ce16d3157669f0cfb6fc81e9911b7af2082ff670,worker-9"
    assert _typed(text, ("SECRET", "ce16d3157669f0cfb6fc81e9911b7af2082ff670")) == []


def test_a_barcode_column_holds_no_card_even_where_luhn_passes():
    text = "sku,barcode,paid_with\nTEE-01,5061004822018,4111 1111 1111 1111\nTEE-02,5061004822117,\n"
    spans = SafetyNet.from_plugins().apply(text, [])
    assert [(text[s.start : s.end], s.entity_type) for s in spans] == [("4111 1111 1111 1111", "CREDIT_CARD")]


def test_fixed_width_tables_under_a_rule_of_dash_groups():
    text = "\n".join(
        [
            "Roster (week 12)",
            "",
            "BADGE     NAME                PHONE            SHIFT",
            "--------  ------------------  ---------------  -----",
            "B-1101    Okonkwo, Adaeze     +44 7700 900123  early",
            "B-1102    Lindqvist, Sven    0161 496 0734     late",  # hand-aligned: off by one
            "B-1103    Moreau, Élodie      (none)           early",
            "",
            "Totals    3 people on shift",
        ]
    )
    cells = [(text[c.start : c.end].strip(), c.column) for c in table_cells(text)]
    assert ("Okonkwo, Adaeze", "NAME") in cells and ("Lindqvist, Sven", "NAME") in cells
    assert ("0161 496 0734", "PHONE") in cells and ("late", "SHIFT") in cells
    assert not any("Totals" in v or "people" in v for v, _ in cells)  # the blank line ends it
    found = [(t, v.strip()) for t, v, _ in _typed(text)]
    assert ("PERSON", "Moreau, Élodie") in found and ("PHONE_NUMBER", "+44 7700 900123") in found
    assert not any(v == "(none)" for _, v in found)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks!\n-----------------\nSent from my phone",  # a separator under a line: one group
        "Name and phone below\n----  -----\nJane Doe called at nine and left",  # columns start mid-word
        "Hi all  team\n--  ----\n",  # no row
    ],
)
def test_dashes_in_prose_make_no_fixed_width_table(text):
    assert table_cells(text) == []
