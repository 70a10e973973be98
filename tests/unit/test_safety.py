"""The safety net as one package: built from the entity records, plugin types included."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from piilora import EntityGenerator, PluginError, create_plugin_manager, hookimpl
from piilora.entities import RuleDetector
from piilora.errors import ConfigError
from piilora.safety import SafetyNet, SafetyOptions, apply
from piilora.types import Span

EXAMPLE_SRC = Path(__file__).resolve().parents[2] / "examples" / "plugin-employee-id" / "src"


def _ticket_plugin(verified: bool) -> object:
    ticket = EntityGenerator(
        entity_type="LOYALTY_ID",
        sample=lambda faker, rng, locale: f"LY{rng.randrange(10**6):06d}",
        contexts=("loyalty card {value}",),
        cues=("loyalty card", "member"),
        rule=RuleDetector.cued(r"LY\d{6}", cues=("loyalty card", "member"), verified=verified),
    )

    class Plugin:
        @hookimpl
        def piilora_register_entity_generators(self, register: Callable[[EntityGenerator], None]) -> None:
            register(ticket)

    return Plugin()


def _masked(text: str, spans: list[Span]) -> list[tuple[str, str, str]]:
    return [(s.entity_type, text[s.start : s.end], s.source) for s in spans]


def test_a_plugin_rule_masks_what_the_model_missed_through_the_public_hook():
    pm = create_plugin_manager(autoload=False, plugins=[_ticket_plugin(verified=False)])
    net = SafetyNet.from_plugins(pm)
    text = "Member LY004217 called; loyalty card no. LY998877 is blocked. Order LY123456 shipped."
    assert _masked(text, net.apply(text, [])) == [
        ("LOYALTY_ID", "LY004217", "rule"),
        ("LOYALTY_ID", "LY998877", "rule"),
    ]  # no cue before the order number: left alone
    assert net.apply(text, [], SafetyOptions(rules=net.rule_types({"LOYALTY_ID": False}))) == []


def test_an_unverified_plugin_rule_widens_the_models_span_and_a_verified_one_wins_its_type():
    text = "member LY004217 at the desk"
    model = [Span(7, 11, "PHONE_NUMBER", source="model")]  # the model saw half of it, typed wrongly
    for verified, expected in ((False, "PHONE_NUMBER"), (True, "LOYALTY_ID")):
        pm = create_plugin_manager(autoload=False, plugins=[_ticket_plugin(verified)])
        spans = SafetyNet.from_plugins(pm).apply(text, model, SafetyOptions(check_shapes=False))
        assert [(s.entity_type, text[s.start : s.end]) for s in spans] == [(expected, "LY004217")]


def test_the_example_plugin_brings_its_rule_cues_and_fields():
    sys.path.insert(0, str(EXAMPLE_SRC))
    try:
        import piilora_employee_id
    finally:
        sys.path.remove(str(EXAMPLE_SRC))
    record = piilora_employee_id.EMPLOYEE_ID
    assert record.rule is not None and not record.rule.verified and "badge" in record.cues
    pm = create_plugin_manager(autoload=False, plugins=[piilora_employee_id])
    net = SafetyNet.from_plugins(pm)
    text = "Badge E1234567 opened door 4; emp_id: HR/2019/0042\nemployee_id,plan\nEMP-004217,gold"
    assert [(t, v) for t, v, _ in _masked(text, net.apply(text, []))] == [
        ("EMPLOYEE_ID", "E1234567"),
        ("EMPLOYEE_ID", "HR/2019/0042"),
        ("EMPLOYEE_ID", "EMP-004217"),  # typed by its column
    ]


def test_builtin_rules_come_from_the_records():
    net = SafetyNet.from_plugins(create_plugin_manager(autoload=False))
    issue_23_verified = {"DEVICE_ID", "VEHICLE_ID", "CRYPTO_WALLET", "TAX_ID", "HEALTH_INSURANCE_ID"}
    assert net.verified == {"EMAIL_ADDRESS", "IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "SECRET"} | issue_23_verified | {
        "NATIONAL_ID"
    }
    assert set(net.detectors) - net.verified == {
        "US_SSN",
        "PHONE_NUMBER",
        "DATE_OF_BIRTH",
        "PASSPORT",
        "US_DRIVER_LICENSE",
        "POSTAL_CODE",
        "AGE",
        "MEDICAL_RECORD_NUMBER",
    }
    text = "card 4111 1111 1111 1111, passport no. X1234567, mail a.b@example.org"
    assert [t for t, _, _ in _masked(text, apply(text, net=net))] == ["CREDIT_CARD", "PASSPORT", "EMAIL_ADDRESS"]
    with pytest.raises(ConfigError, match="no rule detector for NOPE"):
        net.rule_types(["NOPE"])


def test_rule_detector_checks_its_arguments():
    with pytest.raises(PluginError, match="cues or a cue_pattern"):
        RuleDetector.cued(r"\d+")
    with pytest.raises(PluginError, match="invalid regex"):
        RuleDetector.cued(r"(\d+", cues=("id",))
    with pytest.raises(PluginError, match="lower-case"):
        EntityGenerator("X_ID", sample=lambda f, r, loc: "1", contexts=("{value}",), cues=("Badge",))
    with pytest.raises(PluginError, match="RuleDetector"):
        EntityGenerator("X_ID", sample=lambda f, r, loc: "1", contexts=("{value}",), rule=lambda t: [])  # type: ignore[arg-type]


def _model_spans(text: str, *pairs: tuple[str, str]) -> list[Span]:
    return [Span(text.index(v), text.index(v) + len(v), t, source="model") for v, t in pairs]


def test_no_invented_type_reaches_the_output():
    net = SafetyNet.from_plugins(create_plugin_manager(autoload=False))
    text = (
        "Dear Bob Smith, card 4111 1111 1111 1111, licence D1234-56789, ref 7731-9420-55, tel 030 1234567, status N/A"
    )
    model = _model_spans(
        text,
        ("Bob Smith", "NAME"),  # no type starts with it, no word shared: a name by its form
        ("4111 1111 1111 1111", "CARD_NO"),  # the card rule matches the whole value
        ("D1234-56789", "DL_LICENSE"),  # shares LICENSE with US_DRIVER_LICENSE, whose shape takes it
        ("7731-9420-55", "CUSTOMER_NO"),  # an identifier: the nearest built-in by its form
        ("030 1234567", "PHONE"),  # the one type its name starts
        ("N/A", "FLAG"),  # identifies no one: dropped
    )
    found = net.apply(text, model, SafetyOptions(rules=()))
    assert [(s.entity_type, text[s.start : s.end]) for s in found] == [
        ("PERSON", "Bob Smith"),
        ("CREDIT_CARD", "4111 1111 1111 1111"),
        ("US_DRIVER_LICENSE", "D1234-56789"),
        ("NATIONAL_ID", "7731-9420-55"),
        ("PHONE_NUMBER", "030 1234567"),
    ]
    assert {s.entity_type for s in found} <= set(net.registered)


def test_a_cards_cvv_and_expiry_are_masked_with_it():
    net = SafetyNet.from_plugins(create_plugin_manager(autoload=False))
    text = "card 4111 1111 1111 1111 exp 04/27\nCVC2: 0456\nCVV 999 belongs to no card line"
    assert [(t, v) for t, v, _ in _masked(text, net.apply(text, []))] == [
        ("CREDIT_CARD", "4111 1111 1111 1111"),
        ("CREDIT_CARD", "04/27"),
        ("CREDIT_CARD", "0456"),
    ]
    assert net.apply("Reference CVV 123, expires 04/27", []) == []  # no card number: left alone
