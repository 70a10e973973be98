import pytest

from piilora import ConfigError
from piilora.detectors import detect_rules, merge_spans, rule_types
from piilora.types import Span


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


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4 and v2.0.0.1",  # versions, not addresses
        "card 4111 1111 1111 1112",  # fails Luhn
        "IBAN DE00 3704 0044 0532 0130 00",  # wrong check digits
        "ssn 000-12-3456",  # invalid area
        "at 10:30:00 on 2024-03-02, 999.1.1.1",  # times, dates, out-of-range octets
    ],
)
def test_hard_negatives_are_left_alone(text):
    assert _found(text, types=("IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN")) == []


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
    from piilora.detectors import detect_rules, merge_spans
    from piilora.types import Span

    text = "Employee number 123-45-6789 on file."
    rules = detect_rules(text, ("US_SSN",))
    assert [(s.start, s.end) for s in rules] == [(16, 27)]
    merged = merge_spans([Span(16, 27, "NATIONAL_ID", source="model")], rules)
    assert [(s.start, s.end, s.entity_type) for s in merged] == [(16, 27, "NATIONAL_ID")]
    # a verified rule (checksum / syntax) still wins the label
    email = "write to jane@doe.com"
    merged = merge_spans([Span(9, 20, "USERNAME", source="model")], detect_rules(email, ("EMAIL_ADDRESS",)))
    assert [s.entity_type for s in merged] == ["EMAIL_ADDRESS"]
