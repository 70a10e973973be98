from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from piilora import ConfigError
from piilora.safety import SafetyNet
from piilora.safety.merge import merge_spans as _merge_spans
from piilora.types import Span

NET = SafetyNet.from_plugins()
BUILTIN_SHAPES = NET.shapes


def detect_rules(text, types=None):
    return NET.detect_rules(text, types)


def merge_spans(model, rules, text=None, shapes=None):
    return _merge_spans(model, rules, text, shapes, verified=NET.verified)


rule_types = NET.rule_types


def _found(text, **kw):
    return [(s.entity_type, text[s.start : s.end]) for s in detect_rules(text, **kw)]


def test_structured_pii_is_found_with_checksums():
    text = (
        "Mail JANE.DOE@example.co.uk or call +49 30 12345678, card 4111 1111 1111 1111, "
        "IBAN DE89 3704 0044 0532 0130 00, ip 192.168.1.20 and fe80::1ff:fe23:4567:890a, ssn 123-45-6789."
    )
    assert _found(text) == [
        ("EMAIL_ADDRESS", "JANE.DOE@example.co.uk"),
        ("PHONE_NUMBER", "+49 30 12345678"),
        ("CREDIT_CARD", "4111 1111 1111 1111"),
        ("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
        ("IP_ADDRESS", "192.168.1.20"),
        ("IP_ADDRESS", "fe80::1ff:fe23:4567:890a"),
        ("US_SSN", "123-45-6789"),
    ]


def test_vendor_secrets_and_jwts_are_found_with_exact_extents():
    jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    keys = [
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_" + "a1B2" * 9,
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "sk-proj-" + "Ab1_" * 10,
        "AIza" + "SyD-1234567890abcdefghijklmnopqrstu",
        "SG.abcdefghijklmnop1234.ABCDEFGHIJKLMNOPqrstuvwxyz0123456789abcdefg",
        "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456",
        jwt,
    ]
    for key in keys:
        text = f'export TOKEN="{key}"; key={key}&format=json'
        assert _found(text, types=("SECRET",)) == [("SECRET", key), ("SECRET", key)], key


@pytest.mark.parametrize(
    "text",
    [
        "task-manager-2024 and risk-free-rate-0.05",  # 'sk-' inside words
        "AKIA is a prefix, AKIAIOSFODNN7EXAMPL is too short",
        "eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlcw",  # header has no alg
        "sk-learn and ghp_short",
    ],
)
def test_secret_look_alikes_are_left_alone(text):
    assert _found(text, types=("SECRET",)) == []


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4 and v2.0.0.1",  # versions, not addresses
        "card 4111 1111 1111 1112",  # fails Luhn
        "IBAN DE00 3704 0044 0532 0130 00",  # wrong check digits
        "ssn 000-12-3456",  # invalid area
        "at 10:30:00 on 2024-03-02, 999.1.1.1",  # times, dates, out-of-range octets
        "Rückruf unter 0033 4 22 83 63 39 erbeten",  # Luhn-valid, but a phone: no card starts with 0
        "citizen_id\n2 86 01 44 982 914 30,Jeannine",  # Luhn-valid, but groups of 1-2 digits: an id
    ],
)
def test_hard_negatives_are_left_alone(text):
    assert _found(text, types=("IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Order ORD-2024-252880 placed on Monday",  # a phone-shaped tail of an order id
        "see build_2125550142 in the log",
        "ticket INC-078-05-1120 closed",  # SSN-shaped
    ],
)
def test_numbers_inside_identifiers_are_not_phones_or_ssns(text):
    assert _found(text, types=("PHONE_NUMBER", "US_SSN")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Date: 08.11.2021",
        "launched 03.10.2019",
        "charge EUR 4,140.50 today",
        "REF 2026-04-6113 1,139.91",
        '{"r":0.7455621302, "f":0.724137931}',  # fractions in a metrics file
        "total 3938.38 EUR, fee 1234,56",  # amounts with cents
        "pickup at LIS, 01.05.2026 11:30 PM, ref EUNTDL",  # a date and an hour
        "In the matter of No. 16-9298, the court grants",  # a case number
        "Aktenzeichen Nr. 4711-2023 liegt vor; siehe #0612345678",  # numbered references
    ],
)
def test_dates_amounts_and_fractions_are_not_phones(text):
    assert _found(text, types=("PHONE_NUMBER",)) == []


def test_a_phone_written_with_one_point_after_its_area_code_is_still_a_phone():
    assert _found("Tel. 089.98932879", types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "089.98932879")]


def test_a_phone_after_a_date_or_a_cue_word_is_still_a_phone():
    assert _found("01.05.2026: call 030 12345678", types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "030 12345678")]
    for text in ("Phone no.: 030 12345678", "Tel. No. 030 12345678", "Telefon Nr. 030 12345678"):
        assert _found(text, types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "030 12345678")], text


def test_csv_fields_and_sentence_ends_do_not_hide_values():
    assert _found("42,1956-02-03,607 16 0038", types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "607 16 0038")]
    assert _found("Ban 2607:6cfa:0:419b:0:0:3964:601a.", types=("IP_ADDRESS",)) == [
        ("IP_ADDRESS", "2607:6cfa:0:419b:0:0:3964:601a")
    ]


def test_phone_and_ssn_next_to_punctuation_are_still_found():
    assert _found("call 2024-252880 now, SSN 123-45-6789.", types=("PHONE_NUMBER", "US_SSN")) == [
        ("PHONE_NUMBER", "2024-252880"),
        ("US_SSN", "123-45-6789"),
    ]
    assert _found("+1 212-555-0142/ext 12", types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "+1 212-555-0142")]


def test_merge_unites_overlaps_and_prefers_verified_rule_types():
    model = [Span(9, 13, "PERSON", source="model")]
    rules = [Span(9, 29, "EMAIL_ADDRESS", source="rule")]
    assert merge_spans(model, rules) == [Span(9, 29, "EMAIL_ADDRESS")]
    assert merge_spans(model, [])[0].source == "model"


def test_rule_switches():
    assert "PHONE_NUMBER" not in rule_types({"PHONE_NUMBER": False})
    assert rule_types(False) == ()
    with pytest.raises(ConfigError, match="no rule detector for NOPE"):
        rule_types(["NOPE"])


def test_ssn_rule_does_not_relabel_a_model_span_of_the_same_extent():

    text = "Employee number 123-45-6789 on file."
    rules = detect_rules(text, ("US_SSN",))
    assert [(s.start, s.end) for s in rules] == [(16, 27)]
    merged = merge_spans([Span(16, 27, "NATIONAL_ID", source="model")], rules)
    assert [(s.start, s.end, s.entity_type) for s in merged] == [(16, 27, "NATIONAL_ID")]
    # a verified rule (checksum / syntax) still wins the label
    email = "write to jane@doe.com"
    merged = merge_spans([Span(9, 20, "USERNAME", source="model")], detect_rules(email, ("EMAIL_ADDRESS",)))
    assert [s.entity_type for s in merged] == ["EMAIL_ADDRESS"]


def _merged(text, model, rules):
    return [(text[s.start : s.end], s.entity_type) for s in merge_spans(model, rules, text)]


def test_verified_match_keeps_its_extent_and_the_model_rest_stays_masked():
    text = "Payee account (IBAN) DE89 3704 0044 0532 0130 00 today."
    rules = detect_rules(text, ("IBAN_CODE",))
    start = text.index("IBAN)")
    model = [Span(start, text.index(" today"), "BANK_ACCOUNT", source="model")]  # "IBAN) DE89 ... 00"
    assert _merged(text, model, rules) == [("IBAN", "BANK_ACCOUNT"), ("DE89 3704 0044 0532 0130 00", "IBAN_CODE")]
    # a leftover without letters or digits is left as text
    model = [Span(start + 4, text.index(" today"), "BANK_ACCOUNT", source="model")]  # ") DE89 ..."
    assert _merged(text, model, rules) == [("DE89 3704 0044 0532 0130 00", "IBAN_CODE")]
    # without the text, overlaps are united as before
    assert [s.entity_type for s in merge_spans(model, rules)] == ["IBAN_CODE"]


def test_pattern_match_widens_a_model_span_only_by_digits():
    text = "Ref (630-47-1341) and call +33 1 42 68 53 00 now"
    phone = detect_rules(text, ("PHONE_NUMBER",))
    assert [text[s.start : s.end] for s in phone] == ["(630-47-1341", "+33 1 42 68 53 00"]  # the pattern's "("
    ssn = text.index("630")
    model = [Span(ssn, ssn + 11, "US_SSN", source="model")]
    assert _merged(text, model, phone[:1]) == [("630-47-1341", "US_SSN")]  # the model's extent and type
    half = [Span(text.index("42 68"), text.index(" now"), "PHONE_NUMBER", source="model")]
    assert _merged(text, half, phone[1:]) == [("+33 1 42 68 53 00", "PHONE_NUMBER")]  # no half-masked number
    assert _merged(text, [], phone[1:]) == [("+33 1 42 68 53 00", "PHONE_NUMBER")]  # where the model found nothing


_TYPES = ("PERSON", "EMAIL_ADDRESS", "IBAN_CODE", "PHONE_NUMBER", "US_SSN")


@given(
    text=st.text(alphabet="ab1 (-)@.", min_size=1, max_size=24),
    raw=st.lists(st.tuples(st.integers(0, 24), st.integers(1, 12), st.sampled_from(_TYPES), st.booleans()), max_size=6),
)
@example(text="a11a", raw=[(2, 1, "PERSON", False), (0, 4, "PHONE_NUMBER", True)])
@example(text="111", raw=[(0, 1, "PERSON", False), (0, 3, "PERSON", True), (2, 1, "PERSON", False)])
@example(text="(IBAN", raw=[(0, 5, "PERSON", False), (3, 2, "IBAN_CODE", True)])
@settings(max_examples=500, deadline=None)
def test_merge_never_unmasks_a_letter_or_digit_and_keeps_verified_matches(text, raw):
    model, rules = [], []
    for start, size, label, is_rule in raw:
        start = min(start, len(text) - 1)
        label = "PHONE_NUMBER" if is_rule and label == "PERSON" else label  # rules find no names
        span = Span(start, min(len(text), start + size), label, source="rule" if is_rule else "model")
        (rules if is_rule else model).append(span)
    rules = [r for r in rules if not any(r.start < o.end and o.start < r.end for o in rules if o is not r)]
    merged = merge_spans(model, rules, text)
    assert all(a.end <= b.start for a, b in pairwise(merged))  # sorted, disjoint
    covered = {i for s in merged for i in range(s.start, s.end)}
    for s in [*model, *rules]:
        kept = str.isdigit if s.entity_type in ("PHONE_NUMBER", "US_SSN") and s.source == "rule" else str.isalnum
        assert all(i in covered for i in range(s.start, s.end) if kept(text[i]))
    for r in rules:
        if r.entity_type in ("EMAIL_ADDRESS", "IBAN_CODE"):
            assert any(m.start <= r.start and r.end <= m.end and m.entity_type == r.entity_type for m in merged)


def test_split_names_are_joined_and_a_following_query_parameter_is_not_a_secret():
    text = "TO Daniel Gerritsen, Alice, Bob"
    model = [Span(a, b, "PERSON", source="model") for a, b in ((3, 9), (10, 19), (21, 26), (28, 31))]
    assert [text[s.start : s.end] for s in merge_spans(model, [], text)] == ["Daniel Gerritsen", "Alice", "Bob"]
    text = "GET /v1?key=sk_live_4eC39HqLyjWDarjtT1zdp7dc&format=json ok"
    model = [Span(12, 56, "SECRET", source="model")]  # the model ran on into the next parameter
    assert [(s.entity_type, text[s.start : s.end]) for s in merge_spans(model, detect_rules(text), text)] == [
        ("SECRET", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")
    ]


def test_ibans_are_found_in_any_case_and_still_checked():
    text = "sent to nl91 abna 0417 1643 00 and De89 3704 0044 0532 0130 00, not de00 3704 0044 0532 0130 00"
    assert _found(text, types=("IBAN_CODE",)) == [
        ("IBAN_CODE", "nl91 abna 0417 1643 00"),
        ("IBAN_CODE", "De89 3704 0044 0532 0130 00"),
    ]


def test_card_groups_of_three_or_more_digits_are_still_cards():
    for card in ("4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005", "4111111111111111"):
        assert _found(f"card {card} ok", types=("CREDIT_CARD",)) == [("CREDIT_CARD", card)]


def test_a_number_sign_ending_the_line_before_does_not_hide_a_phone():
    """Found by the fuzz suite: ``#`` at the end of one line made the phone on the next a
    ``#626719``-style reference, and the number was left readable."""
    assert _found("#\n+44 20 7946 0958 \n", types=("PHONE_NUMBER",)) == [("PHONE_NUMBER", "+44 20 7946 0958")]
    assert _found("ticket #\t+44 20 7946 0958", types=("PHONE_NUMBER",)) == []  # same line: a reference


def test_a_url_encoded_email_in_a_query_string_is_an_email():
    text = 'GET /api/users?email=nina.berg%40example.org&page=2 HTTP/1.1" 200'
    assert ("EMAIL_ADDRESS", "nina.berg%40example.org") in _found(text)
    assert not _found("a 50%40 discount, 100%40mm")


@pytest.mark.parametrize("text", ["evens = data[::2]", "x = a[1:3] + b[::4]", "grid[:, ::2].sum()", "tail = s[::-1]"])
def test_python_slicing_is_not_an_ipv6_address(text):
    assert not [v for t, v in _found(text) if t == "IP_ADDRESS"]


@pytest.mark.parametrize("text", ["curl http://[::1]:8080/health", "ping6 ::1", "from fe80::1ff:fe23:4567:890a"])
def test_a_real_ipv6_in_brackets_or_alone_is_still_found(text):
    assert [v for t, v in _found(text) if t == "IP_ADDRESS"]


def test_numeric_slices_are_no_ipv6_but_bracketed_hosts_are():
    from piilora.safety.parsers import find_ips

    text = "evens, odds = x[::2], x[1::2]; host [fe80::1] and http://[::1]:8080/ and a[:, ::2]"
    assert [text[s:e] for s, e in find_ips(text)] == ["fe80::1", "::1"]
