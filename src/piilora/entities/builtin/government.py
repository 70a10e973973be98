"""Government-issued numbers: US_SSN, US_DRIVER_LICENSE, PASSPORT and NATIONAL_ID.

NATIONAL_ID values pass their ``python-stdnum`` validators (the UK NINO, which stdnum lacks,
follows HMRC's prefix/suffix rules). en_US has no NATIONAL_ID of its own (its national number is
US_SSN), so en_US values are another country's id, as in an expat's paperwork.

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from stdnum.es import dni as es_dni
from stdnum.fr import nir as fr_nir
from stdnum.iso7064 import mod_11_10
from stdnum.it import codicefiscale as it_cf

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import (
    DIGITS,
    REGION,
    UPPER,
    birth_date,
    clean,
    contexts,
    fill_pattern,
    given_name,
    grouped,
    pick,
    random_chars,
    random_digits,
    to_ascii,
    weighted,
)
from piilora.safety.id_rules import find_national_ids
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_ssns
from piilora.safety.shapes import driver_license_shape, identifying_number_shape, passport_shape, ssn_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["NATIONAL_ID", "PASSPORT", "US_DRIVER_LICENSE", "US_SSN"]


# --------------------------------------------------------------------------- US_SSN

_SSN_BLACKLIST = frozenset(("078051120", "457555462", "219099999"))


def _sample_ssn(faker: Faker, rng: random.Random, locale: str) -> str:
    while True:
        area = rng.randint(1, 899)
        group = rng.randint(1, 99)
        serial = rng.randint(1, 9999)
        compact = f"{area:03d}{group:02d}{serial:04d}"
        if area != 666 and compact not in _SSN_BLACKLIST:
            break
    a, g, s = compact[:3], compact[3:5], compact[5:]
    return weighted(rng, ((f"{a}-{g}-{s}", 75), (f"{a} {g} {s}", 12), (compact, 13)))


# --------------------------------------------------------------------------- US_DRIVER_LICENSE

# Per-state formats; ``#`` digit, ``@`` letter, ``*`` alnum, anything else literal.
_DL_FORMATS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CA", ("@#######",)),
    ("NY", ("#########", "### ### ###")),
    ("FL", ("@###-###-##-###-#", "@############")),
    ("TX", ("########",)),
    ("IL", ("@###-####-####", "@###########")),
    ("PA", ("## ### ###", "########")),
    ("WA", ("WDL*********",)),
    ("OH", ("@@######",)),
    ("MI", ("@ ### ### ### ###", "@############")),
    ("NJ", ("@#### ##### #####", "@##############")),
    ("GA", ("#########",)),
    ("NC", ("############", "#########")),
    ("AZ", ("@########", "#########")),
    ("MA", ("S########", "SA#######")),
    ("CO", ("##-###-####",)),
    ("WI", ("@###-####-####-##",)),
    ("VA", ("@########", "T##-###-###")),
    ("MD", ("@-###-###-###-###", "@############")),
    ("MN", ("@############",)),
    ("NV", ("##########", "############")),
    ("IN", ("####-##-####",)),
    ("HI", ("H########",)),
    ("KY", ("@##-###-###",)),
    ("MO", ("@#########", "#########")),
    ("TN", ("#########",)),
    ("CT", ("#########",)),
    ("UT", ("#########",)),
    ("OR", ("#######", "@######")),
)
_DL_WEIGHT = {"CA": 12, "TX": 9, "FL": 8, "NY": 7, "IL": 5, "PA": 5, "OH": 4, "GA": 4, "NC": 4, "MI": 4}


def _sample_driver_license(faker: Faker, rng: random.Random, locale: str) -> str:
    _, patterns = weighted(rng, [(f, _DL_WEIGHT.get(f[0], 2)) for f in _DL_FORMATS])
    value = fill_pattern(rng, pick(rng, patterns))
    # Licences never start with a zero digit in the all-numeric formats.
    return (str(rng.randint(1, 9)) + value[1:]) if value[0] == "0" else value


# --------------------------------------------------------------------------- PASSPORT

_DE_PASS_ALPHA = "CFGHJKLMNPRTVWXYZ0123456789"
_NL_PASS_ALPHA = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789"  # no letter O


def _passport(rng: random.Random, country: str) -> str:
    if country == "US":
        return str(rng.randint(1, 9)) + random_digits(rng, 8) if rng.random() < 0.5 else fill_pattern(rng, "@########")
    if country == "GB":
        return str(rng.randint(1, 9)) + random_digits(rng, 8)
    if country == "DE":
        return rng.choice("CFGHJK") + random_chars(rng, _DE_PASS_ALPHA, 8)
    if country == "FR":
        return fill_pattern(rng, "##@@#####")
    if country == "ES":
        return fill_pattern(rng, pick(rng, ("@@@######", "PA@######", "@@######")))
    if country == "IT":
        return pick(rng, ("Y", "A", "B", "C")) + rng.choice(UPPER) + random_digits(rng, 7)
    # NL: two letters, six alnum, one digit, never the letter O
    letters = UPPER.replace("O", "")
    return rng.choice(letters) + rng.choice(letters) + random_chars(rng, _NL_PASS_ALPHA, 6) + rng.choice(DIGITS)


_PASSPORT_COUNTRIES = ("US", "GB", "DE", "FR", "ES", "IT", "NL")


def _sample_passport(faker: Faker, rng: random.Random, locale: str) -> str:
    home = REGION.get(locale, "US")
    country = home if rng.random() < 0.75 else pick(rng, _PASSPORT_COUNTRIES)
    number = _passport(rng, country)
    if country == "NL" and rng.random() < 0.1:
        return f"{number[:2]} {number[2:8]} {number[8]}"
    return number


# --------------------------------------------------------------------------- NATIONAL_ID

_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"  # not D, F, I, Q, U, V
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"  # additionally not O
_NINO_BANNED = frozenset(("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))
_CF_MONTHS = "ABCDEHLMPRST"
_CF_PLACES = (
    "H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612", "L736", "L781", "A662", "C351",
    "F158", "G224", "L424", "B157", "G337", "H223", "F257", "E625", "Z404", "Z112", "Z110", "Z131",
)  # fmt: skip


def _nino(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
        if prefix not in _NINO_BANNED:
            break
    digits = random_digits(rng, 6)
    suffix = rng.choice("ABCD")
    return weighted(
        rng,
        (
            (f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}", 50),
            (f"{prefix}{digits}{suffix}", 40),
            (f"{prefix} {digits} {suffix}", 10),
        ),
    )


def _de_idnr(rng: random.Random) -> str:
    """German Steuer-IdNr: 10 digits with one digit repeated 2-3 times, then ISO 7064 check."""
    while True:
        repeated = rng.choice(DIGITS)
        count = 2 if rng.random() < 0.8 else 3
        others = rng.sample([d for d in DIGITS if d != repeated], 10 - count)
        body = [repeated] * count + others
        rng.shuffle(body)
        text = "".join(body)
        if text[0] != "0" and repeated * 3 not in text:
            break
    number = text + mod_11_10.calc_check_digit(text)
    return weighted(rng, ((number, 55), (f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}", 45)))


def _fr_nir(rng: random.Random) -> str:
    y, m, _ = birth_date(rng)
    dept = pick(rng, (f"{rng.randint(1, 95):02d}",) * 20 + ("2A", "2B", "75", "13", "69", "99"))
    if dept == "20":
        dept = "2A"
    commune = f"{rng.randint(1, 990):03d}"
    order = f"{rng.randint(1, 999):03d}"
    head = f"{rng.randint(1, 2)}{y % 100:02d}{m:02d}{dept}{commune}{order}"
    number = head + fr_nir.calc_check_digits(head)
    return weighted(rng, ((number, 45), (fr_nir.format(number), 55)))


def _es_id(rng: random.Random) -> str:
    if rng.random() < 0.2:  # NIE, for foreign residents
        lead = rng.choice("XYZ")
        digits = random_digits(rng, 7)
        letter = es_dni.calc_check_digit(str("XYZ".index(lead)) + digits)
        return pick(rng, (f"{lead}{digits}{letter}", f"{lead}-{digits}-{letter}"))
    digits = f"{rng.randint(100_000, 99_999_999):08d}"
    letter = es_dni.calc_check_digit(digits)
    return weighted(rng, ((f"{digits}{letter}", 65), (f"{digits}-{letter}", 25), (f"{digits} {letter}", 10)))


def _cf_name_code(name: str, first_name: bool) -> str:
    letters = [c for c in to_ascii(name).upper() if c.isalpha()]
    consonants = [c for c in letters if c not in "AEIOU"]
    vowels = [c for c in letters if c in "AEIOU"]
    if first_name and len(consonants) >= 4:
        return consonants[0] + consonants[2] + consonants[3]
    return "".join([*consonants, *vowels, "X", "X", "X"][:3])


def _it_codice_fiscale(faker: Faker, rng: random.Random) -> str:
    female = rng.random() < 0.5
    y, m, d = birth_date(rng)
    head = (
        _cf_name_code(faker.last_name(), first_name=False)
        + _cf_name_code(given_name(faker, female), first_name=True)
        + f"{y % 100:02d}{_CF_MONTHS[m - 1]}{d + (40 if female else 0):02d}{pick(rng, _CF_PLACES)}"
    )
    number = head + it_cf.calc_check_digit(head)
    return number if rng.random() < 0.9 else number.lower()


def _nl_bsn(rng: random.Random) -> str:
    while True:
        head = str(rng.randint(1, 6)) + random_digits(rng, 7)
        check = sum((9 - i) * int(c) for i, c in enumerate(head)) % 11
        if check < 10:
            break
    number = head + str(check)
    return weighted(
        rng,
        ((number, 60), (f"{number[:4]}.{number[4:6]}.{number[6:]}", 25), (grouped(number, (3, 3), " "), 15)),
    )


_ID_HOME = {"en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL"}
_ID_COUNTRIES = ("GB", "DE", "FR", "ES", "IT", "NL")


def _national_id(faker: Faker, rng: random.Random, country: str) -> str:
    if country == "GB":
        return _nino(rng)
    if country == "DE":
        return _de_idnr(rng)
    if country == "FR":
        return _fr_nir(rng)
    if country == "ES":
        return _es_id(rng)
    if country == "IT":
        return _it_codice_fiscale(faker, rng)
    return _nl_bsn(rng)


def _sample_national_id(faker: Faker, rng: random.Random, locale: str) -> str:
    # The US national number (SSN) is its own type; en_US documents mention a foreign id.
    home = _ID_HOME.get(locale)
    country = home if home and rng.random() < 0.85 else pick(rng, _ID_COUNTRIES)
    return _national_id(faker, rng, country)


# --------------------------------------------------------------------------- records

# PASSPORT and US_DRIVER_LICENSE rules: a value of the type's form at most 25 characters of
# punctuation and short lower-case words after a cue (Presidio's context words for the type, plus
# the word in each built-in locale's language); unverified, so they only add what the model missed.

US_SSN = EntityGenerator(
    entity_type="US_SSN",
    sample=clean(_sample_ssn),
    contexts=contexts("US_SSN"),
    description="A US Social Security Number in a valid area/group/serial range.",
    shape=ssn_shape,
    field_names=word_tuple("ssn social_security_number social_security_no"),
    cues=("ssn", "social security"),
    # a range check only (many 9-digit ids pass it), but narrower than a phone pattern on the same digits
    rule=RuleDetector(find_ssns, priority=1),
)

US_DRIVER_LICENSE = EntityGenerator(
    entity_type="US_DRIVER_LICENSE",
    sample=clean(_sample_driver_license),
    contexts=contexts("US_DRIVER_LICENSE"),
    description="A US driver's license number in a state's format.",
    shape=driver_license_shape,
    field_names=word_tuple(
        "driver_license drivers_license driver_licence dl dl_number dl_no license_number licence_number"
    ),
    cues=("dl", "driver", "licen"),
    rule=RuleDetector.cued(
        value=r"(?=(?:[A-Z-]*\d){2})[A-Z0-9][A-Z0-9-]{4,16}",
        cue_pattern=r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e\s*(?:no|number|#)|lic#|\bDL"
        r"|führerschein|permis\s+de\s+conduire|carnet\s+de\s+conducir|patente|rijbewijs",
    ),
)

PASSPORT = EntityGenerator(
    entity_type="PASSPORT",
    sample=clean(_sample_passport),
    contexts=contexts("PASSPORT"),
    description="A passport number in a national format (US, UK, DE, FR, ES, IT, NL).",
    shape=passport_shape,
    field_names=word_tuple("passport passport_no passport_number reisepass pasaporte passeport"),
    cues=("passport", "pass no", "reisepass", "passeport", "pasaporte"),
    rule=RuleDetector.cued(
        value=r"(?=[A-Z]*\d)[A-Z0-9]{6,10}",
        cue_pattern=r"passports?|passport\s*(?:no|nr|number|num)\.?|travel\s+doc(?:ument)?s?|reisepass|passeport"
        r"|pasaporte|passaporto|paspoort",
    ),
)

NATIONAL_ID = EntityGenerator(
    entity_type="NATIONAL_ID",
    sample=clean(_sample_national_id),
    contexts=contexts("NATIONAL_ID"),
    description="A national id/tax number (UK NINO, DE IdNr, FR NIR, ES DNI/NIE, IT CF, NL BSN).",
    shape=identifying_number_shape,
    field_names=word_tuple(
        "national_id national_id_number id_number citizen_id nin tax_id dni nie bsn insee nir codice_fiscale "
        "steuer_id personalausweis"
    ),
    cues=("national id", "id number", "nin", "insee", "dni", "nie", "bsn", "steuer", "codice fiscale"),
    # the ids a check character decides (IT CF, ES DNI/NIE, FR NIR) and the UK NINO's strict format
    rule=RuleDetector(find_national_ids, verified=True),
)
