"""Health identifiers: HEALTH_INSURANCE_ID (UK NHS numbers with their mod-11 digit, US Medicare MBIs
and health-plan member ids, German KVNRs with their check digit, EHIC numbers) and
MEDICAL_RECORD_NUMBER (hospital MRNs: no checksum, found after a cue word).

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import DIGITS, UPPER, clean, contexts, fill_pattern, pick, random_chars, weighted
from piilora.safety.checksums import kvnr_check_digit, luhn_digit, nhs_check_digit
from piilora.safety.id_rules import find_health_insurance_ids
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import health_insurance_id_shape, medical_record_number_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["HEALTH_INSURANCE_ID", "MEDICAL_RECORD_NUMBER"]


# --------------------------------------------------------------------------- HEALTH_INSURANCE_ID


def _nhs(rng: random.Random) -> str:
    while True:
        head = str(rng.randint(4, 9)) + random_chars(rng, DIGITS, 8)
        check = nhs_check_digit(head)
        if check is not None:
            number = head + check
            return f"{number[:3]} {number[3:6]} {number[6:]}" if rng.random() < 0.7 else number


_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def _mbi(rng: random.Random) -> str:
    an = _MBI_LETTERS + DIGITS
    parts = (
        str(rng.randint(1, 9)) + rng.choice(_MBI_LETTERS) + rng.choice(an) + rng.choice(DIGITS),
        rng.choice(_MBI_LETTERS) + rng.choice(an) + rng.choice(DIGITS),
        random_chars(rng, _MBI_LETTERS, 2) + random_chars(rng, DIGITS, 2),
    )
    return "-".join(parts) if rng.random() < 0.5 else "".join(parts)


def _member_id(rng: random.Random) -> str:
    return fill_pattern(rng, pick(rng, ("@@@#########", "W########", "@##########01", "###-##-####-@@", "M########")))


def _kvnr(rng: random.Random) -> str:
    letter, eight = rng.choice(UPPER), random_chars(rng, DIGITS, 8)
    return letter + eight + kvnr_check_digit(letter, eight)


#: ISO 3166 numeric codes of the issuing country (EHIC numbers start ``80`` + the code).
_EHIC_COUNTRY = {"en_GB": "826", "de_DE": "276", "fr_FR": "250", "es_ES": "724", "it_IT": "380", "nl_NL": "528"}


def _ehic(rng: random.Random, locale: str) -> str:
    body = "80" + _EHIC_COUNTRY.get(locale, "276") + random_chars(rng, DIGITS, 14)
    return body + luhn_digit(body)


def _sample_health_insurance_id(faker: Faker, rng: random.Random, locale: str) -> str:
    if locale == "en_US":
        return _mbi(rng) if rng.random() < 0.6 else _member_id(rng)
    if locale == "en_GB":
        return _nhs(rng) if rng.random() < 0.75 else _ehic(rng, locale)
    if locale == "de_DE":
        return _kvnr(rng) if rng.random() < 0.75 else _ehic(rng, locale)
    kind = weighted(rng, (("ehic", 60), ("member", 40)))
    return _ehic(rng, locale) if kind == "ehic" else _member_id(rng)


# --------------------------------------------------------------------------- MEDICAL_RECORD_NUMBER

_MRN_PATTERNS = (
    "00######", "#######", "########", "MR-20##-######", "MRN-#######", "H########", "##-###-###",
    "P#######", "20##/######", "E#########",
)  # fmt: skip


def _sample_mrn(faker: Faker, rng: random.Random, locale: str) -> str:
    return fill_pattern(rng, pick(rng, _MRN_PATTERNS))


# --------------------------------------------------------------------------- records

HEALTH_INSURANCE_ID = EntityGenerator(
    entity_type="HEALTH_INSURANCE_ID",
    sample=clean(_sample_health_insurance_id),
    contexts=contexts("HEALTH_INSURANCE_ID"),
    description="A health insurance number: UK NHS number, US Medicare MBI or member id, German KVNR, EHIC.",
    shape=health_insurance_id_shape,
    field_names=word_tuple(
        "nhs_number nhs_no member_id member_no mbi medicare_id insurance_id policy_number kvnr "
        "versichertennummer ehic health_insurance_number"
    ),
    cues=("nhs", "member id", "medicare", "mbi", "insurance", "kvnr", "versicherten", "ehic", "tarjeta sanitaria"),
    # MBIs by their strict character classes anywhere; NHS numbers (mod 11), KVNRs (check digit)
    # and EHIC numbers only after a cue: ten bare digits are too common (a US phone number)
    rule=RuleDetector(find_health_insurance_ids, verified=True),
)

MEDICAL_RECORD_NUMBER = EntityGenerator(
    entity_type="MEDICAL_RECORD_NUMBER",
    sample=clean(_sample_mrn),
    contexts=contexts("MEDICAL_RECORD_NUMBER"),
    description="A hospital medical record number (MRN, patient id, chart number).",
    shape=medical_record_number_shape,
    field_names=word_tuple("mrn medical_record_number patient_id patient_no chart_no hospital_number ipp nhc"),
    cues=("mrn", "medical record", "patient id", "chart", "patientennummer", "dossier", "nhc", "cartella"),
    # no checksum: a number of an MRN's form shortly after a cue word, unverified
    rule=RuleDetector.cued(
        value=r"(?=[A-Z/-]*\d)(?:[A-Z]{1,3}-?)?\d[\d/-]{3,14}\d",
        cue_pattern=r"\bmrn|medical\s+record(?:\s+(?:no|number|#))?|patient\s*(?:id|no|number|#)|chart\s*(?:no|number|#)?"
        r"|hospital\s+(?:no|number)|patienten-?(?:nummer|nr|id)|fallnummer|n°\s+de\s+dossier|numéro\s+de\s+dossier"
        r"|dossier\s+patient|\bipp\b|\bnhc\b|historia\s+clínica|cartella\s+clinica|numero\s+di\s+cartella"
        r"|patiëntnummer|patientnummer|dossiernummer",
    ),
)
