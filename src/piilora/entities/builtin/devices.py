"""Devices and vehicles: DEVICE_ID (IMEIs with a valid Luhn digit, MAC addresses, serial numbers) and
VEHICLE_ID (VINs with a valid ISO 3779 check digit, licence plates in the locales' formats).

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import DIGITS, HEX, clean, contexts, fill_pattern, pick, random_chars, weighted
from piilora.safety.checksums import luhn_digit, vin_check_digit
from piilora.safety.id_rules import find_device_ids, find_vins
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import device_id_shape, vehicle_id_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["DEVICE_ID", "VEHICLE_ID"]


# --------------------------------------------------------------------------- DEVICE_ID

_IMEI_HEADS = ("35", "35", "35", "86", "01", "49", "99", "53")
#: Serial-number forms: Apple (12), Samsung (11), Lenovo (8), Dell service tag + 1, HP (10).
_SERIALS = ("C02*****@**", "F*******@**", "R58@#####@@", "PF#*****", "SN-#######@", "5CD####*@*", "DMP*******@*")


def _imei(rng: random.Random) -> str:
    body = pick(rng, _IMEI_HEADS) + random_chars(rng, DIGITS, 12)
    number = body + luhn_digit(body)
    if rng.random() < 0.25:
        return f"{number[:2]}-{number[2:8]}-{number[8:14]}-{number[14]}"
    return number


def _mac(rng: random.Random) -> str:
    raw = random_chars(rng, HEX, 12)
    style = weighted(rng, (("colon_up", 40), ("colon_low", 25), ("dash", 20), ("dot", 15)))
    pairs = [raw[i : i + 2] for i in range(0, 12, 2)]
    if style == "colon_up":
        return ":".join(pairs).upper()
    if style == "colon_low":
        return ":".join(pairs)
    if style == "dash":
        return "-".join(pairs) if rng.random() < 0.5 else "-".join(pairs).upper()
    return f"{raw[:4]}.{raw[4:8]}.{raw[8:]}"


def _serial(rng: random.Random) -> str:
    while True:
        value = fill_pattern(rng, pick(rng, _SERIALS))
        if sum(c.isdigit() for c in value) >= 2:
            return value


def _sample_device_id(faker: Faker, rng: random.Random, locale: str) -> str:
    kind = weighted(rng, (("imei", 40), ("mac", 40), ("serial", 20)))
    return _imei(rng) if kind == "imei" else _mac(rng) if kind == "mac" else _serial(rng)


# --------------------------------------------------------------------------- VEHICLE_ID

_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"
_WMI = {
    "en_US": ("1HG", "1FT", "1G1", "2T1", "3VW", "4T1", "5YJ", "JHM", "1C4"),
    "en_GB": ("SAJ", "SAL", "SCC", "SAR", "WVW", "VF1"),
    "de_DE": ("WBA", "WDB", "WVW", "WAU", "WP0", "W0L"),
    "fr_FR": ("VF1", "VF3", "VF7", "VR3", "WVW"),
    "es_ES": ("VSS", "VS6", "VF1", "WVW"),
    "it_IT": ("ZFA", "ZAR", "ZFF", "ZHW", "WVW"),
    "nl_NL": ("XLR", "XL9", "WVW", "VF1", "YV1"),
}


def _vin(rng: random.Random, locale: str) -> str:
    head = pick(rng, _WMI.get(locale, _WMI["en_US"])) + random_chars(rng, _VIN_CHARS, 5)
    tail = pick(rng, _VIN_YEARS) + random_chars(rng, _VIN_CHARS, 1) + random_chars(rng, DIGITS, 6)
    vin = head + "0" + tail
    return head + vin_check_digit(vin) + tail


_GB_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"
_ES_LETTERS = "BCDFGHJKLMNPRSTVWXYZ"
_DE_AREAS = ("M", "B", "HH", "K", "F", "S", "D", "DO", "HB", "MZ", "KA", "BN", "LB", "GÖ")
_NL_SIDECODES = ("##-@@@-#", "#-@@@-##", "@@-###-@", "@-###-@@", "@@@-##-@", "##-@@-##", "@@-@@-##")
_US_PLATES = ("#@@@###", "@@@-####", "@@@ ####", "###-@@@", "@@@ ###", "#@@ ###")


def _plate(rng: random.Random, locale: str) -> str:
    if locale == "en_GB":
        return f"{random_chars(rng, _GB_LETTERS, 2)}{rng.randint(2, 74):02d} {random_chars(rng, _GB_LETTERS, 3)}"
    if locale == "de_DE":
        suffix = "E" if rng.random() < 0.05 else ""
        return f"{pick(rng, _DE_AREAS)}-{fill_pattern(rng, '@' * rng.randint(1, 2))} {rng.randint(1, 9999)}{suffix}"
    if locale == "fr_FR":
        return fill_pattern(rng, pick(rng, ("@@-###-@@", "@@-###-@@", "@@ ### @@")))
    if locale == "es_ES":
        return f"{random_chars(rng, DIGITS, 4)}{pick(rng, (' ', '', '-'))}{random_chars(rng, _ES_LETTERS, 3)}"
    if locale == "it_IT":
        return fill_pattern(rng, pick(rng, ("@@ ###@@", "@@ ### @@", "@@###@@")))
    if locale == "nl_NL":
        return fill_pattern(rng, pick(rng, _NL_SIDECODES))
    return fill_pattern(rng, pick(rng, _US_PLATES))


def _sample_vehicle_id(faker: Faker, rng: random.Random, locale: str) -> str:
    return _vin(rng, locale) if rng.random() < 0.5 else _plate(rng, locale)


# --------------------------------------------------------------------------- records

DEVICE_ID = EntityGenerator(
    entity_type="DEVICE_ID",
    sample=clean(_sample_device_id),
    contexts=contexts("DEVICE_ID"),
    description="A device identifier: a Luhn-valid IMEI, a MAC address or a device serial number.",
    shape=device_id_shape,
    field_names=word_tuple("imei mac mac_address device_id serial serial_no serial_number hw_address"),
    cues=("imei", "mac", "serial", "s/n", "device id", "seriennummer", "numéro de série", "número de serie"),
    # IMEIs (Luhn + reporting-body prefix) and MACs (syntax); priority over the card rule on a
    # 15-digit Luhn number with an IMEI prefix (no card brand starts with one). Serials: the model.
    rule=RuleDetector(find_device_ids, verified=True, priority=1),
)

VEHICLE_ID = EntityGenerator(
    entity_type="VEHICLE_ID",
    sample=clean(_sample_vehicle_id),
    contexts=contexts("VEHICLE_ID"),
    description="A vehicle identifier: a VIN with a valid check digit or a licence plate in a locale's format.",
    shape=vehicle_id_shape,
    field_names=word_tuple(
        "vin license_plate licence_plate plate registration kennzeichen immatriculation matricula targa kenteken"
    ),
    cues=("vin", "plate", "registration", "kennzeichen", "immatriculation", "matrícula", "targa", "kenteken"),
    # VINs whose check digit (position 9) is right; plates and EU VINs without one: the model
    rule=RuleDetector(find_vins, verified=True),
)
