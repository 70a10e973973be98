"""Issue 23's identifiers: DEVICE_ID, VEHICLE_ID, CRYPTO_WALLET, TAX_ID, HEALTH_INSURANCE_ID and
MEDICAL_RECORD_NUMBER: their checksums, samplers, shapes and rules."""

from __future__ import annotations

import random
import re

import faker
import pytest
from stdnum.eu import vat
from stdnum.gb import vat as gb_vat
from stdnum.us import ein, itin

from piilora import plugins
from piilora.entities.base import DEFAULT_LOCALES, EntityGenerator
from piilora.safety import SafetyNet
from piilora.safety.checksums import (
    base58check_encode,
    base58check_valid,
    bech32_encode,
    bech32_valid,
    eip55_address,
    eip55_valid,
    imei_valid,
    keccak256,
    kvnr_valid,
    nhs_valid,
    vin_valid,
)
from piilora.safety.id_rules import (
    find_crypto_wallets,
    find_device_ids,
    find_health_insurance_ids,
    find_national_ids,
    find_tax_ids,
    find_vins,
)

TYPES = ("DEVICE_ID", "VEHICLE_ID", "CRYPTO_WALLET", "TAX_ID", "HEALTH_INSURANCE_ID", "MEDICAL_RECORD_NUMBER")
N = 200

ISSUE_LINE = (
    "phone IMEI 490154203237518, car VIN 1HGCM82633A004352, laptop MAC 3C:22:FB:7A:91:0E. Refund to "
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyT or 0x52908400098527886E0F7030069857D2E4169EE7. NHS no. 943 476 5919; "
    "supplier VAT DE136695976, EIN 91-1144442."
)


@pytest.fixture(scope="module")
def generators() -> dict[str, EntityGenerator]:
    return plugins.entity_generators(plugins.create_plugin_manager(autoload=False))


def _draw(gen: EntityGenerator, locale: str, seed: int = 7, n: int = N) -> list[str]:
    fk = faker.Faker(locale)
    fk.seed_instance(seed)
    rng = random.Random(seed)
    return [gen.sample(fk, rng, locale) for _ in range(n)]


def _found(finder, text: str) -> list[str]:
    return [text[s:e] for s, e in finder(text)]


# --------------------------------------------------------------------------- checksums


def test_keccak256_known_vectors():
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
    assert keccak256(b"a" * 200)[:4] != keccak256(b"a" * 199)[:4]  # more than one block


@pytest.mark.parametrize(
    "address",
    [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",  # all caps: its checksum form
        "0xde709f2102306220921060314715629080e2fb77",  # all lower: its checksum form
    ],
)
def test_eip55_examples(address):
    assert eip55_address(address[2:].lower()) == address
    assert eip55_valid(address)


def test_eip55_rejects_wrong_case_and_length():
    assert not eip55_valid("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    assert not eip55_valid("0x5aAeb6053f3e94c9b9a09f33669435e7ef1beaed")
    assert not eip55_valid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")


def test_bitcoin_checksums():
    assert base58check_valid("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
    assert base58check_valid("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")
    assert not base58check_valid("1BoatSLRHtKNngkdXEeobR76b53LETtpyU")
    assert bech32_encode(bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6"), 0) == (
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    )
    assert bech32_valid("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")
    assert bech32_valid("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")  # BIP-350
    assert not bech32_valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")
    assert not bech32_valid("bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")  # mixed case
    # a v1 program with a bech32 (not bech32m) checksum is invalid
    assert not bech32_valid("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd")
    assert base58check_valid(base58check_encode(b"\x05" + bytes(20)))


def test_issue_values_are_checksum_valid():
    assert imei_valid("490154203237518") and imei_valid("49-015420-323751-8")
    assert not imei_valid("490154203237519")
    assert vin_valid("1HGCM82633A004352") and not vin_valid("1HGCM82643A004352")
    assert base58check_valid("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
    assert eip55_valid("0x52908400098527886E0F7030069857D2E4169EE7")
    assert nhs_valid("943 476 5919") and not nhs_valid("943 476 5918")
    assert vat.is_valid("DE136695976")
    assert ein.is_valid("91-1144442")


def test_kvnr_check_digit():
    assert kvnr_valid("A123456780")
    assert not kvnr_valid("A123456781")


# --------------------------------------------------------------------------- samplers


def _valid(name: str, value: str) -> bool:
    """Whether ``value`` of ``name`` passes the checksum its form carries (True for forms without one)."""
    if name == "DEVICE_ID" and re.fullmatch(r"[\d-]{15,18}", value):
        return imei_valid(value)
    if name == "VEHICLE_ID" and len(value) == 17:
        return vin_valid(value)
    if name == "CRYPTO_WALLET":
        return base58check_valid(value) or bech32_valid(value) or eip55_valid(value)
    if name == "TAX_ID":
        compact = value.replace(" ", "")
        if compact[:2].isalpha():
            return gb_vat.is_valid(compact) if compact.startswith("GB") else vat.is_valid(compact)
        return itin.is_valid(value) if value.startswith("9") and value[4:6] >= "70" else ein.is_valid(value)
    if name == "HEALTH_INSURANCE_ID":
        if re.fullmatch(r"\d{3} ?\d{3} ?\d{4}", value):
            return nhs_valid(value)
        if re.fullmatch(r"[A-Z]\d{9}", value):
            return kvnr_valid(value)
    return True


@pytest.mark.parametrize("locale", DEFAULT_LOCALES)
@pytest.mark.parametrize("name", TYPES)
def test_values_are_valid_pass_their_shape_and_repeat(generators, name, locale):
    gen = generators[name]
    values = _draw(gen, locale)
    assert values == _draw(gen, locale)  # same seed, same values
    assert values != _draw(gen, locale, seed=8)
    for value in values:
        assert value == value.strip() and value
        assert gen.shape is not None and gen.shape(value), (name, locale, value)
        assert _valid(name, value), (name, locale, value)


def test_forms_vary(generators):
    device = [v for loc in DEFAULT_LOCALES for v in _draw(generators["DEVICE_ID"], loc)]
    assert any(re.fullmatch(r"\d{15}", v) for v in device)
    assert any(re.fullmatch(r"\d\d-\d{6}-\d{6}-\d", v) for v in device)
    assert any(re.fullmatch(r"([0-9A-F]{2}:){5}[0-9A-F]{2}", v) for v in device)
    assert any(re.fullmatch(r"[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}", v) for v in device)
    plates = {loc: _draw(generators["VEHICLE_ID"], loc) for loc in DEFAULT_LOCALES}
    assert any(re.fullmatch(r"[A-Z]{2}\d\d [A-Z]{3}", v) for v in plates["en_GB"])
    assert any(re.fullmatch(r"[A-ZÖ]{1,3}-[A-Z]{1,2} \d{1,4}E?", v) for v in plates["de_DE"])
    assert any(re.fullmatch(r"[A-Z]{2}-\d{3}-[A-Z]{2}", v) for v in plates["fr_FR"])
    assert any(re.fullmatch(r"\d{4} [B-Z]{3}", v) for v in plates["es_ES"])
    assert any(re.fullmatch(r"[A-Z]{2} \d{3} ?[A-Z]{2}", v) for v in plates["it_IT"])
    assert any(re.fullmatch(r"\d\d-[A-Z]{3}-\d", v) for v in plates["nl_NL"])
    wallets = [v for loc in DEFAULT_LOCALES for v in _draw(generators["CRYPTO_WALLET"], loc)]
    for prefix in ("1", "3", "bc1q", "bc1p", "0x"):
        assert any(v.startswith(prefix) for v in wallets), prefix
    tax = [v for loc in DEFAULT_LOCALES for v in _draw(generators["TAX_ID"], loc)]
    for prefix in ("DE", "FR", "ES", "IT", "NL", "GB", "IE", "BE", "AT"):
        assert any(v.startswith(prefix) for v in tax), prefix
    health = _draw(generators["HEALTH_INSURANCE_ID"], "en_US")
    assert any(re.fullmatch(r"\d[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{4}", v) for v in health)


# --------------------------------------------------------------------------- rules: positives


def test_issue_line_is_fully_masked_by_the_rules_alone():
    spans = SafetyNet.from_plugins().apply(ISSUE_LINE, [])
    got = [(s.entity_type, ISSUE_LINE[s.start : s.end]) for s in spans]
    assert got == [
        ("DEVICE_ID", "490154203237518"),
        ("VEHICLE_ID", "1HGCM82633A004352"),
        ("DEVICE_ID", "3C:22:FB:7A:91:0E"),
        ("CRYPTO_WALLET", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        ("CRYPTO_WALLET", "0x52908400098527886E0F7030069857D2E4169EE7"),
        ("HEALTH_INSURANCE_ID", "943 476 5919"),
        ("TAX_ID", "DE136695976"),
        ("TAX_ID", "91-1144442"),
    ]


@pytest.mark.parametrize(
    ("finder", "text", "expected"),
    [
        (find_device_ids, "IMEI: 49-015420-323751-8.", ["49-015420-323751-8"]),
        (find_device_ids, "| phone | 490154203237518 |", ["490154203237518"]),
        (find_device_ids, "(mac 3c-22-fb-7a-91-0e)", ["3c-22-fb-7a-91-0e"]),
        (find_device_ids, "switch port: 3c22.fb7a.910e, vlan 4", ["3c22.fb7a.910e"]),
        (find_vins, "VIN: 1HGCM82633A004352; plate AB12 CDE", ["1HGCM82633A004352"]),
        (find_vins, "chassis WP0ZZZ998TS392124", ["WP0ZZZ998TS392124"]),
        (
            find_crypto_wallets,
            "pay to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.",
            ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"],
        ),
        (find_crypto_wallets, '"wallet": "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"', ["3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"]),
        (
            find_crypto_wallets,
            "to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed!",
            ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"],
        ),
        (
            find_crypto_wallets,
            "my eth wallet: 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"],
        ),
        (find_tax_ids, "USt-IdNr.: DE136695976, Sitz Berlin", ["DE136695976"]),
        (find_tax_ids, "VAT GB 980 7806 84 and EIN: 91-1144442", ["GB 980 7806 84", "91-1144442"]),
        (find_tax_ids, "P.IVA IT00743110157", ["IT00743110157"]),
        (find_tax_ids, "btw NL004495445B01 / BE0403019261", ["NL004495445B01", "BE0403019261"]),
        (find_tax_ids, "taxpayer id 912-70-1234", ["912-70-1234"]),
        (find_health_insurance_ids, "Medicare 1EG4-TE5-MK73, chart 12", ["1EG4-TE5-MK73"]),
        (find_health_insurance_ids, "NHS number: 9434765919.", ["9434765919"]),
        (find_health_insurance_ids, "KVNR A123456780", ["A123456780"]),
    ],
)
def test_rules_find(finder, text, expected):
    assert _found(finder, text) == expected


def test_mrn_rule_needs_a_cue(generators):
    rule = generators["MEDICAL_RECORD_NUMBER"].rule
    assert rule is not None and not rule.verified
    text = "MRN 00482913; ref MR-2024-118273 is old. Patient ID: 7391044, order 7391045."
    assert _found(rule.find, text) == ["00482913", "7391044"]
    assert _found(rule.find, "Patientennummer: 2024/118273, cartella clinica n. 4471123") == ["2024/118273", "4471123"]


def test_rules_find_generated_values_in_a_table(generators):
    for name in ("DEVICE_ID", "CRYPTO_WALLET"):
        gen = generators[name]
        assert gen.rule is not None
        values = [v for v in _draw(gen, "en_US", n=40) if not re.search(r"[A-Z]{2}", v) or name == "CRYPTO_WALLET"]
        values = [v for v in values if name != "DEVICE_ID" or not re.fullmatch(r"[A-Z0-9-]{8,12}", v)]
        table = "id | value\n" + "\n".join(f"{i} | {v} |" for i, v in enumerate(values))
        assert _found(gen.rule.find, table) == values


# --------------------------------------------------------------------------- rules: look-alikes


@pytest.mark.parametrize(
    "text",
    [
        "order 490154203237519 shipped",  # 15 digits, not Luhn
        "card 4111111111111111 declined",  # a 16-digit card is no IMEI
        "amex 378282246310005",  # a 15-digit card (no IMEI reporting body)
        "invoice 2024-000123-998877-1",
        "at 2024-05-01T12:30:45Z",
        "id 123e4567-e89b-12d3-a456-426614174000",
        "call +1 415 555 0132",
        "iban DE89 3704 0044 0532 0130 00",
        "version 10-20-30-40-50-60",
    ],
)
def test_device_look_alikes(text):
    assert _found(find_device_ids, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "commit 5aaeb6053f3e94c9b9a09f33669435e7ef1beaed fixes it",  # SHA-1
        "sha 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # one case wrong
        "hash 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",  # one case, no cue
        "digest 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "token dGhpcyBpcyBub3QgYSB3YWxsZXQgYXQgYWxs",
        "ref 1BoatSLRHtKNngkdXEeobR76b53LETtpyU",  # checksum off by one
        "uuid 123e4567-e89b-12d3-a456-426614174000",
    ],
)
def test_wallet_look_alikes(text):
    assert _found(find_crypto_wallets, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "invoice INV-2024-00912, order 4711-0815",
        "IBAN DE89370400440532013000",
        "IBAN DE89 3704 0044 0532 0130 00",
        "IBAN BE68 5390 0754 7034",
        "ticket DE136695977",  # checksum wrong
        "ref 91-1144442 without any cue",
        "phone 912-70-1234",
        "ts 2024-05-01 12:30:45",
    ],
)
def test_tax_look_alikes(text):
    assert _found(find_tax_ids, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "call 943 476 5919 tomorrow",  # NHS-valid digits without a cue: a phone number
        "order 9434765919",
        "NHS number 943 476 5918",  # mod 11 fails
        "KVNR A123456781",
        "part no 1EG4-TE5-MK7",
        "SKU 1EGS-TE5-MK73",  # S is not an MBI letter
        "uuid 123e4567-e89b-12d3-a456-426614174000",
    ],
)
def test_health_look_alikes(text):
    assert _found(find_health_insurance_ids, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "order 1HGCM82643A004352",  # check digit wrong
        "hash 0123456789ABCDEF0",
        "sha 9f86d081884c7d659a2feaa0c55ad015",
        "serial 12345678901234567",  # digits only
    ],
)
def test_vin_look_alikes(text):
    assert _found(find_vins, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CF: RSSMRA85T10A562S, nato a Pisa", ["RSSMRA85T10A562S"]),
        ('"Bianchi";"BNCGLI92E45F205E";"05/05/1992"', ["BNCGLI92E45F205E"]),
        ("DNI 45028816-Z y NIE X3526718J", ["45028816-Z", "X3526718J"]),
        ("|0117|Sánchez, Pilar|45028816Z|12/06/1961|", ["45028816Z"]),
        ("n° de sécurité sociale 1 85 06 75 114 203 30.", ["1 85 06 75 114 203 30"]),
        ("NINO: AB 12 34 56 C, started Monday", ["AB 12 34 56 C"]),
    ],
)
def test_national_ids_by_their_check_character(text, expected):
    assert [text[s:e] for s, e in find_national_ids(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "RSSMRA85T10A562X is a typo of a codice fiscale",  # wrong check letter
        "DNI 45028816-A",  # wrong letter
        "ticket 1 85 06 75 114 203 31",  # wrong NIR key
        "QQ 12 34 56 C and GB 12 34 56 A",  # prefixes HMRC never issues
        "SKU ABCDEF12G34H567I",
    ],
)
def test_national_id_look_alikes(text):
    assert list(find_national_ids(text)) == []


def test_national_id_rule_masks_without_the_model():
    text = "Cliente Mario, codice fiscale RSSMRA85T10A562S."
    spans = SafetyNet.from_plugins().apply(text, [])
    assert [(text[s.start : s.end], s.entity_type) for s in spans] == [("RSSMRA85T10A562S", "NATIONAL_ID")]
