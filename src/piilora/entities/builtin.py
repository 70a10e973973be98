"""Built-in PII entity generators (17 types), registered through the plugin hook.

Every ``sample(faker, rng, locale)`` draws only from the seeded ``faker`` and the
``rng`` it is given, so the same seeds always give the same values. Values aim for
real-world variety (many surface formats per type, locale-appropriate shapes) and,
where a checksum exists, validity: credit cards pass Luhn; IBANs, SSNs and national
ids pass their ``python-stdnum`` validators (the UK NINO, which stdnum lacks, follows
HMRC's prefix/suffix rules; a spaced SSN "123 45 6789" validates once the spaces
are dashes); phone numbers are ``phonenumbers``-valid for the locale's region.

en_US has no NATIONAL_ID of its own (its national number is US_SSN), so en_US
values are another country's id, as in an expat's paperwork.
"""

from __future__ import annotations

import base64
import calendar
import ipaddress
import json
import random
import string
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.es import ccc as es_ccc
from stdnum.es import dni as es_dni
from stdnum.fr import nir as fr_nir
from stdnum.iso7064 import mod_11_10
from stdnum.it import codicefiscale as it_cf
from stdnum.us import rtn as us_rtn

from piilora.entities.base import EntityGenerator
from piilora.hookspecs import hookimpl
from piilora.months import MONTH_ABBR as _MONTH_ABBR
from piilora.months import MONTHS as _MONTHS
from piilora.shapes import BUILTIN_SHAPES, word_tuple

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["BUILTIN_ENTITY_TYPES", "builtin_entity_generators", "piilora_register_entity_generators"]

T = TypeVar("T")

#: The built-in entity types, in registration order.
BUILTIN_ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "IP_ADDRESS",
    "DATE_OF_BIRTH",
    "USERNAME",
    "PASSWORD",
    "URL",
    "US_DRIVER_LICENSE",
    "PASSPORT",
    "BANK_ACCOUNT",
    "NATIONAL_ID",
    "SECRET",
)

#: Locale -> ISO 3166 country / phonenumbers region.
_REGION: dict[str, str] = {
    "en_US": "US",
    "en_GB": "GB",
    "de_DE": "DE",
    "fr_FR": "FR",
    "es_ES": "ES",
    "it_IT": "IT",
    "nl_NL": "NL",
}

_DIGITS = string.digits
_UPPER = string.ascii_uppercase
_LOWER = string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_UPPER_ALNUM = string.ascii_uppercase + string.digits
_HEX = "0123456789abcdef"
_B64URL = string.ascii_letters + string.digits + "-_"


# --------------------------------------------------------------------------- helpers


def _pick(rng: random.Random, options: Sequence[T]) -> T:
    """One element of ``options``, uniformly."""
    return options[rng.randrange(len(options))]


def _weighted(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    """One key of a ``(key, weight)`` table, by weight."""
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return _chars(rng, _DIGITS, n)


def _fill(rng: random.Random, pattern: str) -> str:
    """Expand ``#`` (digit), ``@`` (upper letter), ``*`` (upper alnum); keep the rest."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(_DIGITS))
        elif ch == "@":
            out.append(rng.choice(_UPPER))
        elif ch == "*":
            out.append(rng.choice(_UPPER_ALNUM))
        else:
            out.append(ch)
    return "".join(out)


def _group(text: str, sizes: Sequence[int], sep: str) -> str:
    """Split ``text`` into groups of ``sizes`` (the last group takes the rest)."""
    parts, pos = [], 0
    for size in sizes:
        if pos >= len(text):
            break
        parts.append(text[pos : pos + size])
        pos += size
    if pos < len(text):
        parts.append(text[pos:])
    return sep.join(parts)


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l"})


def _ascii(text: str) -> str:
    """Strip diacritics: ``Müller`` -> ``Muller``, ``Straße`` -> ``Strasse``."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return folded.encode("ascii", "ignore").decode("ascii")


def _slug(text: str, sep: str = "") -> str:
    """Lower-case ASCII handle of a name part: ``van der Zijl`` -> ``vanderzijl``."""
    words = "".join(c if c.isalnum() else " " for c in _ascii(text).lower()).split()
    return sep.join(words)


def _birth_date(rng: random.Random, lo: int = 1930, hi: int = 2010) -> tuple[int, int, int]:
    """A plausible birth date (year, month, day), peaking in the 1980s."""
    year = min(hi, max(lo, int(rng.triangular(lo, hi + 1, 1984))))
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    return year, month, day


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


# --------------------------------------------------------------------------- PERSON

_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # locale: (male titles, female titles)
    "en_US": (("Mr.", "Dr.", "Prof.", "Rev."), ("Ms.", "Mrs.", "Miss", "Dr.", "Prof.")),
    "en_GB": (("Mr", "Dr", "Prof", "Sir"), ("Ms", "Mrs", "Miss", "Dr", "Prof", "Dame")),
    "de_DE": (("Herr", "Dr.", "Herr Dr.", "Prof. Dr."), ("Frau", "Dr.", "Frau Dr.", "Prof. Dr.")),
    "fr_FR": (("M.", "Dr", "Pr", "Me"), ("Mme", "Mlle", "Dr", "Pr", "Me")),
    "es_ES": (("Sr.", "D.", "Dr.", "Prof."), ("Sra.", "Srta.", "Dña.", "Dra.", "Prof.ª")),
    "it_IT": (("Sig.", "Dott.", "Avv.", "Ing.", "Prof."), ("Sig.ra", "Dott.ssa", "Avv.", "Ing.", "Prof.ssa")),
    "nl_NL": (("dhr.", "Dr.", "mr.", "ir.", "drs."), ("mevr.", "Dr.", "mr.", "ir.", "drs.")),
}

_SUFFIXES = ("Jr.", "Sr.", "II", "III", "PhD", "MD", "Esq.")

# Probability of a middle name / hyphenated surname, by locale (cultural frequency).
_MIDDLE_P = {
    "en_US": 0.35,
    "en_GB": 0.3,
    "de_DE": 0.2,
    "fr_FR": 0.15,
    "es_ES": 0.15,
    "it_IT": 0.1,
    "nl_NL": 0.1,
}
_HYPHEN_P = {
    "en_US": 0.05,
    "en_GB": 0.08,
    "de_DE": 0.12,
    "fr_FR": 0.1,
    "es_ES": 0.05,
    "it_IT": 0.05,
    "nl_NL": 0.06,
}


def _first_name(faker: Faker, female: bool) -> str:
    return faker.first_name_female() if female else faker.first_name_male()


def _initial(name: str) -> str:
    """``Jean-Pierre`` -> ``J.-P.``, ``Anna`` -> ``A.``."""
    return "-".join(f"{part[0]}." for part in name.split("-") if part)


def _surname(faker: Faker, rng: random.Random, locale: str) -> str:
    last = faker.last_name()
    if locale == "es_ES" and rng.random() < 0.65:  # Spanish double surname
        second = faker.last_name()
        if second != last:
            last = f"{last} {second}"
    elif rng.random() < _HYPHEN_P.get(locale, 0.06) and " " not in last and "-" not in last:
        second = faker.last_name()
        if second != last and " " not in second:
            last = f"{last}-{second}"
    return last


def _person_parts(faker: Faker, rng: random.Random, locale: str) -> tuple[str, str | None, str, bool]:
    """(first, middle or None, last, female)."""
    female = rng.random() < 0.5
    first = _first_name(faker, female)
    middle = None
    if rng.random() < _MIDDLE_P.get(locale, 0.2):
        cand = _first_name(faker, female)
        if cand != first:
            middle = cand
    return first, middle, _surname(faker, rng, locale), female


def _sample_person(faker: Faker, rng: random.Random, locale: str) -> str:
    first, middle, last, female = _person_parts(faker, rng, locale)
    males, females = _TITLES.get(locale, _TITLES["en_US"])
    title = _pick(rng, females if female else males)
    given = f"{first} {middle}" if middle else first
    style = _weighted(
        rng,
        (
            ("full", 40),
            ("middle_initial", 7 if middle else 0),
            ("initial_last", 6),
            ("initials_last", 4),
            ("title_full", 9),
            ("title_last", 6),
            ("last_first", 7),
            ("upper_last", 3),
            ("first_only", 3),
            ("suffix", 3 if locale == "en_US" else 0),
            ("lower", 2),
        ),
    )
    if style == "middle_initial" and middle:
        return f"{first} {_initial(middle)} {last}"
    if style == "initial_last":
        return f"{_initial(first)} {last}"
    if style == "initials_last":
        second = middle or _first_name(faker, female)
        return f"{_initial(first)} {_initial(second)} {last}"
    if style == "title_full":
        return f"{title} {given} {last}"
    if style == "title_last":
        return f"{title} {last}"
    if style == "last_first":
        return f"{last}, {given}"
    if style == "upper_last":  # forms / French administrative style: "DUPONT Jean"
        return f"{last.upper()} {given}" if rng.random() < 0.6 else f"{given} {last.upper()}"
    if style == "first_only":
        return first
    if style == "suffix":
        return f"{given} {last} {_pick(rng, _SUFFIXES)}"
    if style == "lower":  # chat style
        return f"{first} {last}".lower()
    return f"{given} {last}"


# --------------------------------------------------------------------------- EMAIL_ADDRESS

_FREE_MAIL: dict[str, tuple[str, ...]] = {
    "en_US": ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me"),
    "en_GB": ("gmail.com", "btinternet.com", "yahoo.co.uk", "hotmail.co.uk", "outlook.com", "sky.com"),
    "de_DE": ("gmx.de", "web.de", "t-online.de", "gmx.net", "gmail.com", "posteo.de", "freenet.de"),
    "fr_FR": ("orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com", "wanadoo.fr", "hotmail.fr"),
    "es_ES": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es", "movistar.es"),
    "it_IT": ("libero.it", "virgilio.it", "alice.it", "tiscali.it", "gmail.com", "hotmail.it", "tim.it"),
    "nl_NL": ("ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "gmail.com", "live.nl", "planet.nl"),
}

_SUBDOMAINS = ("mail", "eng", "corp", "students", "staff", "hr", "sales", "research", "eu", "uk")


def _email_local(first: str, last: str, rng: random.Random, faker: Faker) -> str:
    f, la = _slug(first), _slug(last, "")
    fi = f[:1] or "x"
    year = str(rng.randint(1960, 2008))
    style = _weighted(
        rng,
        (
            ("first.last", 25),
            ("firstlast", 8),
            ("f.last", 8),
            ("flast", 8),
            ("first_last", 6),
            ("first.last##", 7),
            ("first##", 6),
            ("last.first", 5),
            ("first-last", 3),
            ("plus", 6),
            ("initials##", 4),
            ("faker", 10),
            ("nick", 4),
        ),
    )
    if style == "first.last":
        return f"{f}.{la}"
    if style == "firstlast":
        return f"{f}{la}"
    if style == "f.last":
        return f"{fi}.{la}"
    if style == "flast":
        return f"{fi}{la}"
    if style == "first_last":
        return f"{f}_{la}"
    if style == "first.last##":
        return f"{f}.{la}{_pick(rng, (year[2:], year, str(rng.randint(1, 99))))}"
    if style == "first##":
        return f"{f}{_pick(rng, (year[2:], year, str(rng.randint(1, 999))))}"
    if style == "last.first":
        return f"{la}.{f}"
    if style == "first-last":
        return f"{f}-{la}"
    if style == "plus":
        tag = _pick(rng, ("shopping", "news", "work", "spam", "amazon", "github", "bank", "travel", "2024"))
        return f"{f}.{la}+{tag}" if rng.random() < 0.6 else f"{f}+{tag}"
    if style == "initials##":
        return f"{fi}{la[:1]}{rng.randint(10, 9999)}"
    if style == "nick":
        return f"{_slug(faker.word())}{_pick(rng, ('_', '.', ''))}{f}{rng.randint(1, 99)}"
    return _slug(faker.user_name(), "") or f"{f}{la}"


def _email_domain(faker: Faker, rng: random.Random, locale: str) -> str:
    kind = _weighted(rng, (("free", 55), ("company", 30), ("sub", 10), ("personal", 5)))
    if kind == "free":
        return _pick(rng, _FREE_MAIL.get(locale, _FREE_MAIL["en_US"]))
    if kind == "sub":
        return f"{_pick(rng, _SUBDOMAINS)}.{_ascii(faker.domain_name()).lower()}"
    if kind == "personal":
        return f"{_slug(faker.last_name())}.{_pick(rng, ('name', 'me', 'family', 'net', 'io'))}"
    return _ascii(faker.domain_name()).lower()


def _sample_email(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    first, last = _first_name(faker, female), faker.last_name()
    local = _email_local(first, last, rng, faker).strip(".-_") or "info"
    address = f"{local}@{_email_domain(faker, rng, locale)}"
    if rng.random() < 0.04:  # people do type capitals
        name, _, domain = address.partition("@")
        address = f"{name.title()}@{domain.capitalize()}"
    return address


# --------------------------------------------------------------------------- PHONE_NUMBER

_US_AREA_CODES = (
    "212", "213", "214", "206", "303", "305", "310", "312", "404", "415", "469", "503",
    "512", "617", "646", "702", "713", "718", "720", "773", "818", "917", "919", "972",
)  # fmt: skip

# (national prefix incl. trunk '0', allowed total national lengths) per region; mobile first.
_PHONE_PLANS: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = {
    "US": tuple((ac, (10,)) for ac in _US_AREA_CODES),
    "GB": (
        *((p, (11,)) for p in ("071", "073", "074", "075", "077", "078", "079")),
        *((p, (11,)) for p in ("020", "0121", "0161", "0113", "0131", "0141", "0117", "0114", "029", "028")),
        *((p, (11,)) for p in ("01865", "01223", "01904", "01273")),
    ),
    "DE": (
        *((p, (12,)) for p in ("0151", "0152", "0157", "0159", "0176")),
        *((p, (11,)) for p in ("0160", "0162", "0170", "0171", "0172", "0173", "0175", "0177", "0178", "0179")),
        *((p, (10, 11)) for p in ("030", "040", "089", "069", "0221", "0211", "0711", "0351", "0341", "0511")),
        *((p, (10, 11)) for p in ("0911", "0421", "0228", "0761")),
    ),
    "FR": tuple((p, (10,)) for p in ("06", "07", "06", "07", "01", "02", "03", "04", "05", "09")),
    "ES": tuple((p, (9,)) for p in ("6", "6", "71", "72", "91", "93", "95", "96", "94", "98", "97")),
    "IT": (
        *((p, (10,)) for p in ("320", "328", "329", "333", "335", "338", "339", "340", "347", "348", "349")),
        *((p, (10,)) for p in ("366", "380", "389", "392", "393")),
        *((p, (9, 10)) for p in ("02", "06", "011", "055", "081", "051", "010", "041", "045", "091")),
    ),
    "NL": tuple((p, (10,)) for p in ("06", "06", "06", "020", "010", "030", "070", "040", "050", "043", "0297")),
}

_FMT = phonenumbers.PhoneNumberFormat
_PERSONAL_PHONE_TYPES = frozenset(
    (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
)


def _random_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    """A random number that ``phonenumbers`` considers valid for ``region``."""
    plans = _PHONE_PLANS[region]
    for _ in range(40):
        prefix, lengths = _pick(rng, plans)
        length = _pick(rng, lengths)
        rest = length - len(prefix)
        # The first subscriber digit is never 0/1 in any of these plans (US exchange codes, etc.).
        national = prefix + str(rng.randint(2, 9)) + _digits(rng, rest - 1)
        try:
            number = phonenumbers.parse(national, region)
        except phonenumbers.NumberParseException:  # pragma: no cover - defensive
            continue
        if phonenumbers.is_valid_number(number):
            return number
    example = phonenumbers.example_number(region)
    assert example is not None
    return example


def _us_phone_format(rng: random.Random, nat: str, intl: str) -> str:
    digits = "".join(c for c in nat if c.isdigit())
    area, exch, line = digits[:3], digits[3:6], digits[6:]
    return _weighted(
        rng,
        (
            (nat, 25),  # (415) 555-0134
            (f"{area}-{exch}-{line}", 20),
            (f"{area}.{exch}.{line}", 8),
            (f"{area} {exch} {line}", 5),
            (intl, 12),  # +1 415-555-0134
            (f"+1 ({area}) {exch}-{line}", 8),
            (f"1-{area}-{exch}-{line}", 7),
            (f"+1 {area} {exch} {line}", 5),
            (f"+1{digits}", 5),
            (digits, 5),
        ),
    )


def _intl_phone_format(rng: random.Random, number: phonenumbers.PhoneNumber, region: str) -> str:
    nat = phonenumbers.format_number(number, _FMT.NATIONAL)
    intl = phonenumbers.format_number(number, _FMT.INTERNATIONAL)
    cc, _, rest = intl.partition(" ")
    trunk = nat.startswith("0") and not rest.startswith("0")  # a dropped trunk '0' (not IT)
    nat_groups = nat.split(" ")
    nat_digits = nat.replace(" ", "")
    paren = f"({nat_groups[0]}) {' '.join(nat_groups[1:])}" if len(nat_groups) > 1 else nat
    slash = f"{nat_groups[0]}/{''.join(nat_groups[1:])}" if len(nat_groups) > 1 else nat
    table: list[tuple[str, float]] = [
        (intl, 22),
        (nat, 22),
        (phonenumbers.format_number(number, _FMT.E164), 8),
        (phonenumbers.format_number(number, _FMT.RFC3966).removeprefix("tel:"), 6),
        (f"00{intl[1:]}", 8),
        (nat_digits, 5),
        (nat.replace(" ", "-"), 4),
        (nat.replace(" ", "."), 3 if region in ("FR", "IT", "ES", "NL") else 1),
        (intl.replace(" ", "."), 2 if region == "FR" else 0.5),
        (f"{cc} ({rest.split(' ')[0]}) {' '.join(rest.split(' ')[1:])}".strip(), 2 if region != "IT" else 0),
    ]
    if trunk:
        table.append((f"{cc} (0){rest}", 6 if region in ("GB", "DE", "NL") else 2))
        table.append((paren, 5 if region in ("DE", "GB", "NL") else 1))
    if region == "DE":
        table.append((slash, 6))
    return _weighted(rng, table)


def _sample_phone(faker: Faker, rng: random.Random, locale: str) -> str:
    region = _REGION.get(locale, "US")
    if region != "US" and rng.random() < 0.15:
        # Faker's own locale formats add variety; keep them only when they parse.
        candidate = faker.phone_number().strip()
        try:
            parsed = phonenumbers.parse(candidate, region)
            if phonenumbers.number_type(parsed) in _PERSONAL_PHONE_TYPES:
                return candidate
        except phonenumbers.NumberParseException:
            pass
    number = _random_phone(rng, region)
    if region == "US":
        value = _us_phone_format(
            rng,
            phonenumbers.format_number(number, _FMT.NATIONAL),
            phonenumbers.format_number(number, _FMT.INTERNATIONAL),
        )
    else:
        value = _intl_phone_format(rng, number, region)
    if rng.random() < 0.05:
        ext = str(rng.randint(2, 9999))
        value += _pick(rng, (f" ext. {ext}", f" x{ext}", f" ext {ext}", f" x {ext}"))
    return value


# --------------------------------------------------------------------------- STREET_ADDRESS

_US_STREETS = (
    "Main", "Oak", "Maple", "Park", "Washington", "Elm", "Pine", "Cedar", "Lake", "Hill", "Sunset",
    "Lincoln", "Jefferson", "Highland", "Madison", "River", "2nd", "3rd", "5th", "14th", "Church",
)  # fmt: skip
_US_SUFFIXES = (
    "St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Blvd", "Way", "Ct", "Pl",
)  # fmt: skip
_US_CITIES = (
    ("Springfield", "IL"), ("Austin", "TX"), ("Portland", "OR"), ("Denver", "CO"), ("Seattle", "WA"),
    ("Boston", "MA"), ("Chicago", "IL"), ("Phoenix", "AZ"), ("San Diego", "CA"), ("Columbus", "OH"),
    ("Atlanta", "GA"), ("Nashville", "TN"), ("Brooklyn", "NY"), ("Miami", "FL"), ("Minneapolis", "MN"),
    ("Raleigh", "NC"), ("Sacramento", "CA"), ("Pittsburgh", "PA"), ("Madison", "WI"), ("Tucson", "AZ"),
)  # fmt: skip
_GB_STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane",
    "King's Road", "Queen Street", "The Green", "Manor Way", "London Road", "Albert Terrace", "Orchard Close",
)  # fmt: skip
# Real towns with their postcode districts, so town and postcode agree.
_GB_TOWNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("London", ("SW1A", "SW11", "SE15", "E14", "N1", "NW3", "W2", "EC1V", "WC2H", "E8")),
    ("Manchester", ("M1", "M4", "M14", "M20", "M21")),
    ("Leeds", ("LS1", "LS6", "LS8", "LS17")),
    ("Bristol", ("BS1", "BS6", "BS8", "BS16")),
    ("Edinburgh", ("EH1", "EH3", "EH6", "EH10")),
    ("Cardiff", ("CF10", "CF11", "CF14", "CF24")),
    ("Oxford", ("OX1", "OX2", "OX3", "OX4")),
    ("York", ("YO1", "YO10", "YO24", "YO31")),
    ("Brighton", ("BN1", "BN2", "BN3")),
    ("Glasgow", ("G1", "G3", "G12", "G41")),
    ("Bath", ("BA1", "BA2")),
    ("Norwich", ("NR1", "NR2", "NR4")),
    ("Sheffield", ("S1", "S10", "S11", "S7")),
    ("Nottingham", ("NG1", "NG5", "NG7")),
    ("Reading", ("RG1", "RG4", "RG30")),
    ("Cambridge", ("CB1", "CB2", "CB4")),
)
_GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward code
_FR_CITIES = (
    ("Paris", ("75008", "75011", "75015", "75017", "75004", "75020")),
    ("Lyon", ("69002", "69003", "69007")),
    ("Marseille", ("13001", "13006", "13008")),
    ("Toulouse", ("31000", "31400")),
    ("Bordeaux", ("33000", "33800")),
    ("Lille", ("59000", "59800")),
    ("Nantes", ("44000", "44100")),
    ("Strasbourg", ("67000", "67100")),
    ("Rennes", ("35000", "35200")),
    ("Montpellier", ("34000", "34070")),
    ("Nice", ("06000", "06100")),
)
_ES_STREETS = (
    "Calle Mayor", "Gran Vía", "Calle de Alcalá", "Avenida de la Constitución", "Paseo de Gracia",
    "Calle Real", "Calle del Carmen", "Avenida de América", "Plaza de España", "Calle Serrano",
)  # fmt: skip
_IT_STREETS = (
    "Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Dante Alighieri", "Piazza del Popolo",
    "Via Giuseppe Mazzini", "Viale Europa", "Via della Repubblica", "Corso Italia", "Via Cavour",
)  # fmt: skip


def _house_number(rng: random.Random, hi: int = 200) -> int:
    """Small numbers are the most common, but not overwhelmingly so."""
    band = _weighted(rng, ((9, 35), (30, 30), (99, 22), (hi, 13)))
    return rng.randint(1, max(1, min(band, hi)))


def _address_en_us(faker: Faker, rng: random.Random) -> str:
    digits = _weighted(rng, ((1, 15), (2, 25), (3, 35), (4, 22), (5, 3)))
    num = str(rng.randint(10 ** (digits - 1), 10**digits - 1))
    curated = f"{_pick(rng, _US_STREETS)} {_pick(rng, _US_SUFFIXES)}"
    street = curated if rng.random() < 0.5 else faker.street_name()
    if rng.random() < 0.15:
        street = f"{_pick(rng, ('N', 'S', 'E', 'W', 'North', 'West'))} {street}"
    if rng.random() < 0.6:
        city, state = _pick(rng, _US_CITIES)
    else:
        city, state = faker.city(), faker.state_abbr(include_territories=False)
    zipcode = faker.zipcode_in_state(state)
    if rng.random() < 0.15:
        zipcode = f"{zipcode}-{_digits(rng, 4)}"
    sec = faker.secondary_address() if rng.random() < 0.3 else ""
    line1 = f"{num} {street}"
    last = f"{city}, {state} {zipcode}"
    style = _weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("sec_inline", 10)))
    if style == "street":
        return f"{line1}, {sec}" if sec else line1
    if style == "multi":
        return "\n".join(p for p in (line1, sec, last) if p)
    if style == "sec_inline" and sec:
        return f"{line1} {sec}, {last}"
    return f"{line1}, {last}"


def _address_en_gb(faker: Faker, rng: random.Random) -> str:
    street = _pick(rng, _GB_STREETS) if rng.random() < 0.5 else faker.street_name()
    if rng.random() < 0.6:
        town, districts = _pick(rng, _GB_TOWNS)
        inward = f"{rng.randint(0, 9)}{_chars(rng, _GB_INWARD_LETTERS, 2)}"
        postcode = f"{_pick(rng, districts)} {inward}"
    else:
        town, postcode = faker.city(), faker.postcode()
    line1 = f"{_house_number(rng, 250)} {street}"
    flat = f"Flat {rng.randint(1, 40)}{_pick(rng, ('', '', 'A', 'B'))}" if rng.random() < 0.2 else ""
    style = _weighted(rng, (("street", 15), ("one", 35), ("one_comma", 15), ("multi", 30), ("multi_upper", 5)))
    if style == "street":
        return f"{flat}, {line1}" if flat else line1
    if style == "one":
        return ", ".join(p for p in (flat, line1, f"{town} {postcode}") if p)
    if style == "one_comma":
        return ", ".join(p for p in (flat, line1, town, postcode) if p)
    town_line = town.upper() if style == "multi_upper" else town
    return "\n".join(p for p in (flat, line1, town_line, postcode) if p)


def _address_de_de(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    if rng.random() < 0.2 and street.endswith("straße"):
        street = street[: -len("straße")] + "str."
    num = f"{_house_number(rng, 180)}{_pick(rng, ('',) * 8 + ('a', 'b', 'c'))}"
    plz, city = faker.postcode(), faker.city()
    line1 = f"{street} {num}"
    extra = _pick(rng, ("c/o Schmidt", "3. OG", "Hinterhaus", "Wohnung 12", "Zimmer 4")) if rng.random() < 0.08 else ""
    style = _weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("d_prefix", 5), ("country", 5)))
    if style == "street":
        return line1
    if style == "one":
        return ", ".join(p for p in (line1, extra, f"{plz} {city}") if p)
    if style == "d_prefix":
        return f"{line1}, D-{plz} {city}"
    lines = [line1, extra, f"{plz} {city}"]
    if style == "country":
        lines.append("Deutschland")
    return "\n".join(p for p in lines if p)


def _address_fr_fr(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    num = f"{_house_number(rng, 150)}{_pick(rng, ('',) * 10 + (' bis', ' ter'))}"
    if rng.random() < 0.5:
        city, codes = _pick(rng, _FR_CITIES)
        cp = _pick(rng, codes)
    else:
        city, cp = faker.city(), faker.postcode()
    extra = ""
    if rng.random() < 0.12:
        extra = _pick(rng, ("Bâtiment B", "Appartement 12", "Résidence les Tilleuls", "3e étage", "Esc. A"))
    comma = _pick(rng, (" ", ", "))
    line1 = f"{num}{comma}{street}"
    style = _weighted(rng, (("street", 20), ("one", 40), ("multi", 25), ("multi_upper", 15)))
    if style == "street":
        return line1
    if style == "one":
        return ", ".join(p for p in (extra, line1, f"{cp} {city}") if p)
    city_line = f"{cp} {city.upper()}" if style == "multi_upper" else f"{cp} {city}"
    return "\n".join(p for p in (extra, line1, city_line) if p)


def _address_es_es(faker: Faker, rng: random.Random) -> str:
    street = _pick(rng, _ES_STREETS) if rng.random() < 0.4 else faker.street_name()
    if rng.random() < 0.25:
        street = street.replace("Calle ", "C/ ").replace("Avenida ", "Avda. ")
    num = str(_house_number(rng, 220))
    floor = ""
    if rng.random() < 0.45:
        floor = _pick(
            rng,
            (
                f"{rng.randint(1, 9)}º {_pick(rng, 'ABCD')}",
                f"{rng.randint(1, 8)}º {rng.randint(1, 4)}ª",
                "Bajo A",
            ),
        )
    cp, city = faker.postcode(), faker.city()
    line1 = f"{street}, {num}" if rng.random() < 0.6 else f"{street} {num}"
    style = _weighted(rng, (("street", 20), ("one", 45), ("multi", 35)))
    if style == "street":
        return ", ".join(p for p in (line1, floor) if p)
    if style == "one":
        return ", ".join(p for p in (line1, floor, f"{cp} {city}") if p)
    return "\n".join(p for p in (", ".join(p for p in (line1, floor) if p), f"{cp} {city}") if p)


def _it_cap_city_province(faker: Faker) -> tuple[str, str, str]:
    """A matching (CAP, city, province) triple.

    Faker's it_IT ``city()`` draws from a list built out of a ``set``, so its order (and
    the drawn city) changes with ``PYTHONHASHSEED``; ``postcode_city_province()`` draws
    from ordered data, and its city also agrees with the CAP.
    """
    text = faker.postcode_city_province()  # "56032, Anconetta (PZ)"
    cap, _, rest = text.partition(", ")
    city, _, prov = rest.rpartition(" (")
    return cap, city, prov.rstrip(")")


def _address_it_it(faker: Faker, rng: random.Random) -> str:
    street = _pick(rng, _IT_STREETS) if rng.random() < 0.4 else faker.street_name()
    num = f"{_house_number(rng, 200)}{_pick(rng, ('',) * 8 + ('/A', '/B', 'bis'))}"
    cap, city, prov = _it_cap_city_province(faker)
    line1 = f"{street}, {num}" if rng.random() < 0.6 else f"{street} {num}"
    style = _weighted(rng, (("street", 20), ("one_paren", 25), ("one_dash", 15), ("one_plain", 10), ("multi", 30)))
    if style == "street":
        return line1
    if style == "one_paren":
        return f"{line1}, {cap} {city} ({prov})"
    if style == "one_dash":
        return f"{line1} - {cap} {city} ({prov})"
    if style == "one_plain":
        return f"{line1}, {cap} {city} {prov}"
    return f"{line1}\n{cap} {city} ({prov})"


def _address_nl_nl(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    num = f"{_house_number(rng, 300)}{_pick(rng, ('',) * 8 + ('A', 'B', '-2', '-1', ' hs', '-III'))}"
    pc = faker.postcode().replace(" ", "")
    pc = f"{pc[:4]} {pc[4:]}" if rng.random() < 0.75 else pc
    city = faker.city()
    line1 = f"{street} {num}"
    style = _weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("multi_upper", 10)))
    if style == "street":
        return line1
    if style == "one":
        return f"{line1}, {pc} {city}"
    return f"{line1}\n{pc} {city.upper() if style == 'multi_upper' else city}"


_ADDRESS_BY_LOCALE: dict[str, Callable[[Faker, random.Random], str]] = {
    "en_US": _address_en_us,
    "en_GB": _address_en_gb,
    "de_DE": _address_de_de,
    "fr_FR": _address_fr_fr,
    "es_ES": _address_es_es,
    "it_IT": _address_it_it,
    "nl_NL": _address_nl_nl,
}


def _sample_address(faker: Faker, rng: random.Random, locale: str) -> str:
    builder = _ADDRESS_BY_LOCALE.get(locale)
    if builder is None:  # an unknown locale: Faker's own format
        return faker.address().strip()
    return "\n".join(" ".join(line.split()) for line in builder(faker, rng).strip().splitlines())


# --------------------------------------------------------------------------- CREDIT_CARD

# (brand, prefixes, length, grouping)
_CARD_BRANDS: tuple[tuple[str, tuple[str, ...], tuple[int, ...], tuple[int, ...]], ...] = (
    ("visa", ("4",), (16,), (4, 4, 4, 4)),
    ("visa13", ("4",), (13,), (4, 4, 5)),
    ("visa19", ("4",), (19,), (4, 4, 4, 4, 3)),
    ("mastercard", ("51", "52", "53", "54", "55", "2221", "2300", "2520", "2720"), (16,), (4, 4, 4, 4)),
    ("amex", ("34", "37"), (15,), (4, 6, 5)),
    ("discover", ("6011", "644", "645", "649", "65"), (16,), (4, 4, 4, 4)),
    ("jcb", ("3528", "3540", "3566", "3589"), (16,), (4, 4, 4, 4)),
    ("diners", ("36", "38", "300", "305"), (14,), (4, 6, 4)),
)
_CARD_WEIGHTS = {
    "visa": 40,
    "visa13": 1,
    "visa19": 2,
    "mastercard": 30,
    "amex": 12,
    "discover": 7,
    "jcb": 4,
    "diners": 4,
}


def _sample_credit_card(faker: Faker, rng: random.Random, locale: str) -> str:
    brand = _weighted(rng, [(b, _CARD_WEIGHTS[b[0]]) for b in _CARD_BRANDS])
    _, prefixes, lengths, grouping = brand
    prefix = _pick(rng, prefixes)
    length = _pick(rng, lengths)
    body = prefix + _digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    sep = _weighted(rng, ((" ", 50), ("-", 20), ("", 30)))
    return _group(number, grouping, sep) if sep else number


# --------------------------------------------------------------------------- IBAN_CODE

_GB_BANKS = ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "HLFX", "RBOS", "ABBY", "MONZ", "SRLG")
_NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB")
_IE_BANKS = ("AIBK", "BOFI", "IPBS", "ULSB")
_BE_BANKS = ("001", "063", "068", "096", "310", "320", "363", "539", "651", "735")


def _nl_account(rng: random.Random) -> str:
    """A 10-digit Dutch account number passing the old 'elfproef' (mod 11)."""
    while True:
        head = _digits(rng, 9)
        total = sum(int(d) * w for d, w in zip(head, range(10, 1, -1), strict=True))
        last = (-total) % 11
        if last < 10 and head[0] != "0":
            return head + str(last)


def _fr_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97):02d}"


def _es_ccc(rng: random.Random) -> str:
    bank = _pick(rng, ("2100", "0049", "0182", "0081", "2080", "0128", "1465", "2038", "0075"))
    body = bank + _digits(rng, 4) + "00" + _digits(rng, 10)
    return body[:8] + es_ccc.calc_check_digits(body) + body[10:]


def _it_bban(rng: random.Random) -> str:
    abi = _pick(rng, ("03069", "02008", "05034", "03062", "01030", "05387", "03111", "02008"))
    rest = abi + _digits(rng, 5) + _digits(rng, 12)
    # The CIN uses the same odd/even tables as the codice fiscale check character.
    return it_cf.calc_check_digit(rest) + rest


def _bban(rng: random.Random, country: str) -> str:
    if country == "DE":
        return str(rng.randint(1, 8)) + _digits(rng, 7) + _digits(rng, 10)
    if country in ("GB", "IE"):
        return _pick(rng, _GB_BANKS if country == "GB" else _IE_BANKS) + _digits(rng, 6) + _digits(rng, 8)
    if country == "FR":
        bank, branch, account = (
            _pick(rng, ("30004", "30003", "20041", "10278", "30002", "11315")),
            _digits(rng, 5),
            _digits(rng, 11),
        )
        return bank + branch + account + _fr_rib_key(bank, branch, account)
    if country == "ES":
        return _es_ccc(rng)
    if country == "IT":
        return _it_bban(rng)
    if country == "NL":
        return _pick(rng, _NL_BANKS) + _nl_account(rng)
    if country == "BE":
        head = _pick(rng, _BE_BANKS) + _digits(rng, 7)
        return head + f"{int(head) % 97 or 97:02d}"
    if country == "AT":
        return _digits(rng, 5) + _digits(rng, 11)
    if country == "CH":
        return _digits(rng, 5) + _digits(rng, 12)
    if country == "PL":
        return _digits(rng, 8) + _digits(rng, 16)
    # PT
    return _digits(rng, 4) + _digits(rng, 4) + _digits(rng, 11) + _digits(rng, 2)


_IBAN_HOME = {"en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL"}
_IBAN_COUNTRIES = ("DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "IE", "PL", "PT")


def _make_iban(rng: random.Random, country: str) -> str:
    for _ in range(20):
        bban = _bban(rng, country)
        number = country + std_iban.calc_check_digits(country + "00" + bban) + bban
        if std_iban.is_valid(number):
            return number
    raise AssertionError(f"could not build a valid {country} IBAN")  # pragma: no cover


def _sample_iban(faker: Faker, rng: random.Random, locale: str) -> str:
    home = _IBAN_HOME.get(locale)
    country = home if home and rng.random() < 0.7 else _pick(rng, _IBAN_COUNTRIES)
    number = _make_iban(rng, country)
    style = _weighted(rng, (("grouped", 55), ("compact", 40), ("dashes", 5)))
    if style == "grouped":
        return std_iban.format(number)
    if style == "dashes":
        return std_iban.format(number, separator="-")
    return number


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
    return _weighted(rng, ((f"{a}-{g}-{s}", 75), (f"{a} {g} {s}", 12), (compact, 13)))


# --------------------------------------------------------------------------- IP_ADDRESS


def _ipv4(rng: random.Random) -> str:
    kind = _weighted(rng, (("public", 50), ("10", 15), ("192", 20), ("172", 10), ("cgnat", 3), ("loop", 2)))
    if kind == "10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "192":
        return f"192.168.{_pick(rng, (0, 1, 1, 2, 10, 100, 178, rng.randint(0, 255)))}.{rng.randint(1, 254)}"
    if kind == "172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "cgnat":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "loop":
        return f"127.0.{_pick(rng, (0, 0, 1))}.{_pick(rng, (1, 1, 53, rng.randint(2, 254)))}"
    while True:
        addr = ipaddress.IPv4Address(rng.getrandbits(32))
        if addr.is_global and not addr.is_multicast and str(addr).split(".")[-1] not in ("0", "255"):
            return str(addr)


def _ipv6_address(rng: random.Random) -> ipaddress.IPv6Address:
    kind = _weighted(rng, (("global", 55), ("doc", 10), ("link", 15), ("ula", 12), ("short", 8)))
    hextets = [rng.getrandbits(16) for _ in range(8)]
    if kind == "global":
        hextets[0] = _pick(rng, (0x2001, 0x2A00, 0x2A02, 0x2600, 0x2604, 0x2607, 0x2A01, 0x2C0F, 0x2400))
        if rng.random() < 0.5:  # a /64 with zero runs, as assigned prefixes often have
            hextets[2 + rng.randint(0, 1)] = 0
            hextets[4:6] = [0, 0]
    elif kind == "doc":
        hextets[0:2] = [0x2001, 0x0DB8]
        if rng.random() < 0.6:
            hextets[3:7] = [0, 0, 0, 0]
    elif kind == "link":
        hextets[0:4] = [0xFE80, 0, 0, 0]
    elif kind == "ula":
        hextets[0] = 0xFD00 | rng.getrandbits(8)
        if rng.random() < 0.5:
            hextets[4:7] = [0, 0, 0]
            hextets[7] = rng.randint(1, 255)
    else:
        hextets = [hextets[0] & 0x3FFF | 0x2000, rng.getrandbits(16), 0, 0, 0, 0, 0, rng.randint(1, 0xFF)]
    return ipaddress.IPv6Address(sum(h << (16 * (7 - i)) for i, h in enumerate(hextets)))


def _ipv6(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return f"::ffff:{_ipv4(rng)}"
    addr = _ipv6_address(rng)
    style = _weighted(rng, (("compressed", 70), ("exploded", 15), ("upper", 8), ("zone", 3), ("nolead", 4)))
    if style == "exploded":
        return addr.exploded
    if style == "upper":
        return str(addr).upper()
    if style == "zone" and addr.is_link_local:
        return f"{addr}%{_pick(rng, ('eth0', 'en0', 'wlan0', '2'))}"
    if style == "nolead":  # uncompressed but without leading zeros: 2001:db8:0:0:1:0:0:1
        return ":".join(f"{int(h, 16):x}" for h in addr.exploded.split(":"))
    return str(addr)


def _sample_ip(faker: Faker, rng: random.Random, locale: str) -> str:
    return _ipv4(rng) if rng.random() < 0.62 else _ipv6(rng)


# --------------------------------------------------------------------------- DATE_OF_BIRTH


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _dob_native(rng: random.Random, locale: str, y: int, m: int, d: int) -> str:
    """A date format native to ``locale``."""
    lang = locale[:2]
    month = _MONTHS.get(lang, _MONTHS["en"])[m - 1]
    abbr = _MONTH_ABBR.get(lang, _MONTH_ABBR["en"])[m - 1]
    en = _MONTHS["en"][m - 1]
    options: dict[str, tuple[tuple[str, float], ...]] = {
        "en_US": (
            (f"{m:02d}/{d:02d}/{y}", 30),
            (f"{m}/{d}/{y}", 20),
            (f"{en} {d}, {y}", 20),
            (f"{en[:3]} {d}, {y}", 10),
            (f"{m:02d}-{d:02d}-{y}", 8),
            (f"{en} {_ordinal(d)}, {y}", 5),
            (f"{m}/{d}/{y % 100:02d}", 7),
        ),
        "en_GB": (
            (f"{d:02d}/{m:02d}/{y}", 35),
            (f"{d} {en} {y}", 20),
            (f"{_ordinal(d)} {en} {y}", 12),
            (f"{d} {en[:3]} {y}", 12),
            (f"{d:02d}-{m:02d}-{y}", 8),
            (f"{d}/{m}/{y}", 8),
            (f"{d:02d}.{m:02d}.{y}", 5),
        ),
        "de_DE": (
            (f"{d:02d}.{m:02d}.{y}", 45),
            (f"{d}.{m}.{y}", 15),
            (f"{d}. {month} {y}", 25),
            (f"{d:02d}.{m:02d}.{y % 100:02d}", 8),
            (f"{d}. {abbr} {y}", 7),
        ),
        "fr_FR": (
            (f"{d:02d}/{m:02d}/{y}", 50),
            (f"{'1er' if d == 1 else d} {month} {y}", 30),
            (f"{d:02d}-{m:02d}-{y}", 8),
            (f"{d:02d}.{m:02d}.{y}", 5),
            (f"{d} {abbr} {y}", 7),
        ),
        "es_ES": (
            (f"{d:02d}/{m:02d}/{y}", 45),
            (f"{d} de {month} de {y}", 30),
            (f"{d}/{m}/{y}", 10),
            (f"{d:02d}-{m:02d}-{y}", 10),
            (f"{d} {abbr} {y}", 5),
        ),
        "it_IT": (
            (f"{d:02d}/{m:02d}/{y}", 50),
            (f"{d} {month} {y}", 30),
            (f"{d}/{m}/{y}", 8),
            (f"{d:02d}-{m:02d}-{y}", 7),
            (f"{d:02d}.{m:02d}.{y}", 5),
        ),
        "nl_NL": (
            (f"{d:02d}-{m:02d}-{y}", 45),
            (f"{d} {month} {y}", 30),
            (f"{d}-{m}-{y}", 10),
            (f"{d:02d}/{m:02d}/{y}", 10),
            (f"{d} {abbr} {y}", 5),
        ),
    }
    return _weighted(rng, options.get(locale, options["en_US"]))


def _sample_dob(faker: Faker, rng: random.Random, locale: str) -> str:
    y, m, d = _birth_date(rng)
    en = _MONTHS["en"][m - 1]
    if rng.random() < 0.65:
        return _dob_native(rng, locale, y, m, d)
    return _weighted(
        rng,
        (
            (f"{y}-{m:02d}-{d:02d}", 40),  # ISO 8601, forms and logs
            (f"{d} {en} {y}", 12),
            (f"{en} {d}, {y}", 12),
            (f"{y}/{m:02d}/{d:02d}", 6),
            (f"{d:02d}-{en[:3].upper()}-{y}", 5),  # 14-MAR-1985
            (f"{y}{m:02d}{d:02d}", 4),
            (f"{d:02d}/{m:02d}/{y}", 11),
            (f"{en[:3]} {d} {y}", 5),
            (f"{y}-{m:02d}-{d:02d}T00:00:00Z", 2),
            (f"{d} {en[:3]}. {y}", 3),
        ),
    )


# --------------------------------------------------------------------------- USERNAME

_HANDLE_WORDS = (
    "dark", "wolf", "pixel", "ninja", "coffee", "sunny", "blue", "storm", "lucky", "shadow", "gamer",
    "cat", "dragon", "moon", "rock", "jazz", "tiger", "coder", "silver", "night", "happy", "max",
)  # fmt: skip


def _sample_username(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    f, la = _slug(_first_name(faker, female)), _slug(faker.last_name())
    fi = f[:1] or "j"
    num = _pick(rng, (str(rng.randint(1, 99)), str(rng.randint(60, 99)), str(rng.randint(1970, 2012)), ""))
    style = _weighted(
        rng,
        (
            ("flast##", 14),
            ("first.last", 12),
            ("first_last", 9),
            ("f-last", 5),
            ("firstlast", 6),
            ("first##", 10),
            ("FirstLast", 5),
            ("last.first", 4),
            ("first_l", 4),
            ("word", 10),
            ("faker", 12),
            ("gamer", 3),
            ("upper", 2),
            ("adm", 4),
        ),
    )
    if style == "flast##":
        handle = f"{fi}{la}{num}"
    elif style == "first.last":
        handle = f"{f}.{la}"
    elif style == "first_last":
        handle = f"{f}_{la}{num if rng.random() < 0.3 else ''}"
    elif style == "f-last":
        handle = f"{fi}-{la}"
    elif style == "firstlast":
        handle = f"{f}{la}"
    elif style == "first##":
        handle = f"{f}{num or rng.randint(1, 999)}"
    elif style == "FirstLast":
        handle = f"{f.capitalize()}{la.capitalize()}{num if rng.random() < 0.4 else ''}"
    elif style == "last.first":
        handle = f"{la}.{f}"
    elif style == "first_l":
        handle = f"{f}_{la[:1]}"
    elif style == "word":
        sep = _pick(rng, ("_", "", "."))
        handle = f"{_pick(rng, _HANDLE_WORDS)}{sep}{_pick(rng, (f, la, *_HANDLE_WORDS))}{num}"
    elif style == "gamer":
        handle = f"xX_{f}{num}_Xx"
    elif style == "upper":
        handle = f"{fi.upper()}{la.upper()}{num}"
    elif style == "adm":  # corporate login ids
        handle = _pick(rng, (f"{la[:6]}{fi}", f"{fi}{la[:7]}{rng.randint(1, 9)}", f"u{_digits(rng, 6)}"))
    else:
        handle = _slug(faker.user_name(), "_") or f"{f}{la}"
    handle = handle.strip("._-") or f"{f}{la}"
    return f"@{handle}" if rng.random() < 0.15 else handle


# --------------------------------------------------------------------------- PASSWORD

_PW_WORDS = (
    "correct", "horse", "battery", "staple", "summer", "winter", "spring", "autumn", "monkey", "dragon",
    "sunshine", "football", "baseball", "princess", "shadow", "master", "welcome", "orange", "purple",
    "banana", "coffee", "pizza", "rocket", "garden", "silver", "thunder", "castle", "ocean", "tiger",
    "forest", "guitar", "puzzle", "marble", "window", "yellow", "planet", "river", "candle", "falcon",
    "mountain", "pepper", "velvet", "cobalt", "lemon", "anchor", "bridge", "copper", "violet", "harbor",
)  # fmt: skip
_PW_LOCAL_WORDS: dict[str, tuple[str, ...]] = {
    "de_DE": ("Sommer", "Hallo", "Schatz", "Passwort", "Fussball", "Sonne", "Katze", "Winter", "Berlin"),
    "fr_FR": ("Soleil", "Bonjour", "Chocolat", "Motdepasse", "Loulou", "Doudou", "Marseille", "Printemps"),
    "es_ES": ("Verano", "Hola", "Contrasena", "Barcelona", "Madrid", "Tequiero", "Princesa", "Futbol"),
    "it_IT": ("Estate", "Ciao", "Amore", "Juventus", "Napoli", "Password", "Tesoro", "Inter"),
    "nl_NL": ("Zomer", "Welkom", "Wachtwoord", "Ajax", "Feyenoord", "Schatje", "Voetbal", "Lente"),
}
_SYMBOLS = "!@#$%&*?_-.+="
_LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def _sample_password(faker: Faker, rng: random.Random, locale: str) -> str:
    words = _PW_WORDS + _PW_LOCAL_WORDS.get(locale, ())
    year = str(rng.randint(1975, 2025))
    sym = rng.choice(_SYMBOLS[:8])
    style = _weighted(
        rng,
        (
            ("word_year_sym", 18),
            ("passphrase", 14),
            ("random", 18),
            ("faker", 10),
            ("leet", 8),
            ("name_year", 10),
            ("camel_words", 7),
            ("keyboard", 4),
            ("hex", 3),
            ("pin_mix", 4),
            ("sym_sandwich", 4),
        ),
    )
    if style == "word_year_sym":
        return f"{_pick(rng, words).capitalize()}{_pick(rng, (year, year[2:]))}{sym}"
    if style == "passphrase":
        sep = _pick(rng, ("-", "-", "_", ".", " ", ""))
        chosen = [_pick(rng, _PW_WORDS) for _ in range(rng.randint(3, 5))]
        if sep == "":
            chosen = [w.capitalize() for w in chosen]
        phrase = sep.join(chosen)
        return phrase + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")
    if style == "random":
        length = rng.randint(10, 24)
        pw = [rng.choice(_LOWER), rng.choice(_UPPER), rng.choice(_DIGITS), rng.choice(_SYMBOLS)]
        pw += [rng.choice(_ALNUM + _SYMBOLS) for _ in range(length - 4)]
        rng.shuffle(pw)
        return "".join(pw)
    if style == "faker":
        return faker.password(length=rng.randint(8, 20), special_chars=rng.random() < 0.8)
    if style == "leet":
        return f"{_pick(rng, words).capitalize().translate(_LEET)}{rng.randint(1, 999)}{sym}"
    if style == "name_year":
        name = _ascii(_first_name(faker, rng.random() < 0.5)).replace(" ", "")
        tail = _pick(rng, (year, year[2:], "123", str(rng.randint(1, 31)).zfill(2)))
        return f"{name}{tail}{sym * rng.randint(0, 2)}"
    if style == "camel_words":
        return "".join(_pick(rng, words).capitalize() for _ in range(2)) + str(rng.randint(0, 9999)) + sym
    if style == "keyboard":
        return _pick(rng, ("Qwerty", "qwertz", "Asdf", "1q2w3e4r", "Zxcvbn", "Qazwsx")) + _pick(
            rng, ("123!", "!!", "2024", "#1", "$$", year)
        )
    if style == "hex":
        return _chars(rng, _HEX, rng.choice((16, 20, 32)))
    if style == "pin_mix":
        return f"{_pick(rng, words)}{_digits(rng, rng.randint(4, 6))}"
    return f"{sym}{_pick(rng, words).capitalize()}{rng.randint(10, 99)}{sym}"


# --------------------------------------------------------------------------- URL


def _sample_url(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    first, last = _slug(_first_name(faker, female)), _slug(faker.last_name())
    first = first or "jane"
    last = last or "doe"
    domain = _ascii(faker.domain_name()).lower()
    uid = str(rng.randint(100, 9_999_999))
    token = _b64url(rng.randbytes(rng.choice((18, 24, 32))))
    short = _chars(rng, _LOWER + _DIGITS, rng.randint(4, 8))
    scheme = "https" if rng.random() < 0.9 else "http"
    www = "www." if rng.random() < 0.4 else ""
    style = _weighted(
        rng,
        (
            ("linkedin", 12),
            ("github", 8),
            ("social", 12),
            ("personal", 12),
            ("users_id", 12),
            ("reset", 8),
            ("profile_query", 8),
            ("calendly", 4),
            ("docs", 5),
            ("account", 6),
            ("medium", 4),
            ("tilde", 3),
            ("unsubscribe", 6),
        ),
    )
    if style == "linkedin":
        tail = f"-{_chars(rng, _LOWER + _DIGITS, rng.choice((4, 6, 8)))}" if rng.random() < 0.6 else ""
        cc = _pick(rng, ("www", "www", "de", "uk", "fr", "es", "it", "nl"))
        return f"https://{cc}.linkedin.com/in/{first}-{last}{tail}{_pick(rng, ('', '/'))}"
    if style == "github":
        handle = _pick(rng, (f"{first}{last}", f"{first[0]}{last}", f"{first}-{last}", f"{last}{rng.randint(1, 99)}"))
        path = _pick(rng, ("", "", f"/{_pick(rng, ('dotfiles', 'blog', 'notes', 'homelab'))}", "?tab=repositories"))
        return f"https://github.com/{handle}{path}"
    if style == "social":
        handle = _pick(rng, (f"{first}_{last}", f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}"))
        site = _pick(
            rng,
            (
                f"https://twitter.com/{handle.replace('.', '_')}",
                f"https://x.com/{handle.replace('.', '_')}",
                f"https://www.instagram.com/{handle}/",
                f"https://www.facebook.com/{first}.{last}.{rng.randint(1, 99)}",
                f"https://mastodon.social/@{handle.replace('.', '_')}",
                f"https://www.tiktok.com/@{handle}",
                f"https://bsky.app/profile/{first}{last}.bsky.social",
            ),
        )
        return site
    if style == "personal":
        tld = _pick(rng, ("com", "dev", "net", "me", "io", "name", "de", "co.uk", "fr", "es", "it", "nl"))
        host = _pick(rng, (f"{first}{last}", f"{first}-{last}", f"{last}", f"{first}.{last}"))
        path = _pick(rng, ("", "", "/", "/about", "/blog", "/cv.pdf", "/contact", "/portfolio"))
        return f"{scheme}://{www}{host}.{tld}{path}"
    if style == "users_id":
        seg = _pick(rng, ("users", "user", "u", "members", "profile", "people", "employees", "customers"))
        query = _pick(rng, ("", "", f"?token={token}", f"?ref=email&uid={uid}", f"?session={_chars(rng, _HEX, 24)}"))
        return f"{scheme}://{www}{domain}/{seg}/{uid}{query}"
    if style == "reset":
        email = f"{first}.{last}%40{_pick(rng, ('gmail.com', 'outlook.com', domain))}"
        path = _pick(rng, ("reset-password", "password/reset", "auth/verify", "confirm-email", "magic-link"))
        host = _pick(rng, ("accounts.", "auth.", "app.", "")) + domain
        return f"https://{host}/{path}?token={token}&email={email}"
    if style == "profile_query":
        host = _pick(rng, ("app.", "portal.", "my.", "")) + domain
        return f"https://{host}/profile?id={uid}&name={first}-{last}"
    if style == "calendly":
        return f"https://calendly.com/{first}-{last}/{_pick(rng, ('30min', '15min', 'intro-call', 'meeting'))}"
    if style == "docs":
        doc_id = _chars(rng, _B64URL, 44)
        kind = _pick(rng, ("document", "spreadsheets", "presentation"))
        return f"https://docs.google.com/{kind}/d/{doc_id}/edit{_pick(rng, ('', '?usp=sharing'))}"
    if style == "account":
        section = _pick(rng, ("statements", "orders", "settings", "invoices", "claims"))
        return f"https://{_pick(rng, ('portal.', 'secure.', 'online.'))}{domain}/account/{uid}/{section}"
    if style == "medium":
        return f"https://medium.com/@{first}{last}/{_pick(rng, _PW_WORDS)}-{_pick(rng, _PW_WORDS)}-{short}"
    if style == "tilde":
        return f"{scheme}://{_pick(rng, ('www.', 'people.', 'cs.'))}{domain}/~{first[0]}{last}/"
    return f"https://{domain}/unsubscribe?u={uid}&e={first}.{last}%40{_pick(rng, ('gmail.com', domain))}"


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
    _, patterns = _weighted(rng, [(f, _DL_WEIGHT.get(f[0], 2)) for f in _DL_FORMATS])
    value = _fill(rng, _pick(rng, patterns))
    # Licences never start with a zero digit in the all-numeric formats.
    return (str(rng.randint(1, 9)) + value[1:]) if value[0] == "0" else value


# --------------------------------------------------------------------------- PASSPORT

_DE_PASS_ALPHA = "CFGHJKLMNPRTVWXYZ0123456789"
_NL_PASS_ALPHA = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789"  # no letter O


def _passport(rng: random.Random, country: str) -> str:
    if country == "US":
        return str(rng.randint(1, 9)) + _digits(rng, 8) if rng.random() < 0.5 else _fill(rng, "@########")
    if country == "GB":
        return str(rng.randint(1, 9)) + _digits(rng, 8)
    if country == "DE":
        return rng.choice("CFGHJK") + _chars(rng, _DE_PASS_ALPHA, 8)
    if country == "FR":
        return _fill(rng, "##@@#####")
    if country == "ES":
        return _fill(rng, _pick(rng, ("@@@######", "PA@######", "@@######")))
    if country == "IT":
        return _pick(rng, ("Y", "A", "B", "C")) + rng.choice(_UPPER) + _digits(rng, 7)
    # NL: two letters, six alnum, one digit, never the letter O
    letters = _UPPER.replace("O", "")
    return rng.choice(letters) + rng.choice(letters) + _chars(rng, _NL_PASS_ALPHA, 6) + rng.choice(_DIGITS)


_PASSPORT_COUNTRIES = ("US", "GB", "DE", "FR", "ES", "IT", "NL")


def _sample_passport(faker: Faker, rng: random.Random, locale: str) -> str:
    home = _REGION.get(locale, "US")
    country = home if rng.random() < 0.75 else _pick(rng, _PASSPORT_COUNTRIES)
    number = _passport(rng, country)
    if country == "NL" and rng.random() < 0.1:
        return f"{number[:2]} {number[2:8]} {number[8]}"
    return number


# --------------------------------------------------------------------------- BANK_ACCOUNT


def _us_routing(rng: random.Random) -> str:
    head = f"{_pick(rng, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32)):02d}" + _digits(rng, 6)
    return head + us_rtn.calc_check_digit(head)


def _bank_account_us(rng: random.Random) -> str:
    account = _digits(rng, rng.randint(8, 17)).lstrip("0") or "1"
    account = account if len(account) >= 8 else account.rjust(8, "1")
    style = _weighted(rng, (("acct", 55), ("combo_space", 15), ("combo_slash", 10), ("combo_dash", 10), ("g", 10)))
    if style == "acct":
        return account
    routing = _us_routing(rng)
    if style == "combo_space":
        return f"{routing} {account}"
    if style == "combo_slash":
        return f"{routing} / {account}"
    if style == "combo_dash":
        return f"{routing}-{account}"
    return _group(account, (4,) * 5, "-")


def _bank_account_gb(rng: random.Random) -> str:
    sort = f"{rng.randint(1, 99):02d}{_digits(rng, 4)}"
    account = str(rng.randint(1, 9)) + _digits(rng, 7)
    dashed = _group(sort, (2, 2, 2), "-")
    return _weighted(
        rng,
        (
            (f"{dashed} {account}", 40),
            (f"{sort} {account}", 15),
            (f"{dashed}-{account}", 10),
            (f"{dashed} / {account}", 10),
            (account, 20),
            (f"{_group(sort, (2, 2, 2), ' ')} {account}", 5),
        ),
    )


def _bank_account_de(rng: random.Random) -> str:
    blz = str(rng.randint(1, 8)) + _digits(rng, 7)
    kto = str(rng.randint(1, 9)) + _digits(rng, rng.randint(5, 9))
    return _weighted(
        rng,
        (
            (kto, 45),
            (f"{blz} {kto}", 15),
            (f"{_group(blz, (3, 3, 2), ' ')} / {kto}", 20),
            (kto.zfill(10), 20),
        ),
    )


def _bank_account_fr(rng: random.Random) -> str:
    bank, branch, account = (
        _pick(rng, ("30004", "30003", "20041", "10278", "30002")),
        _digits(rng, 5),
        _digits(rng, 11),
    )
    key = _fr_rib_key(bank, branch, account)
    return _weighted(
        rng, ((f"{bank} {branch} {account} {key}", 60), (bank + branch + account + key, 20), (account, 20))
    )


def _bank_account_es(rng: random.Random) -> str:
    ccc = _es_ccc(rng)
    return _weighted(rng, ((_group(ccc, (4, 4, 2, 10), " "), 55), (ccc, 25), (_group(ccc, (4, 4, 2, 10), "-"), 20)))


def _bank_account_it(rng: random.Random) -> str:
    bban = _it_bban(rng)
    cin, abi, cab, conto = bban[0], bban[1:6], bban[6:11], bban[11:]
    return _weighted(rng, ((conto, 40), (f"{cin} {abi} {cab} {conto}", 35), (conto.lstrip("0") or conto, 25)))


def _bank_account_nl(rng: random.Random) -> str:
    account = _nl_account(rng)
    return _weighted(rng, ((account, 60), (f"{account[:2]}.{account[2:4]}.{account[4:6]}.{account[6:]}", 40)))


_BANK_BY_LOCALE: dict[str, Callable[[random.Random], str]] = {
    "en_US": _bank_account_us,
    "en_GB": _bank_account_gb,
    "de_DE": _bank_account_de,
    "fr_FR": _bank_account_fr,
    "es_ES": _bank_account_es,
    "it_IT": _bank_account_it,
    "nl_NL": _bank_account_nl,
}


def _sample_bank_account(faker: Faker, rng: random.Random, locale: str) -> str:
    builder = _BANK_BY_LOCALE.get(locale, _bank_account_us)
    if locale != "en_US" and rng.random() < 0.25:
        builder = _bank_account_us if rng.random() < 0.6 else _pick(rng, tuple(_BANK_BY_LOCALE.values()))
    return builder(rng)


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
    digits = _digits(rng, 6)
    suffix = rng.choice("ABCD")
    return _weighted(
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
        repeated = rng.choice(_DIGITS)
        count = 2 if rng.random() < 0.8 else 3
        others = rng.sample([d for d in _DIGITS if d != repeated], 10 - count)
        body = [repeated] * count + others
        rng.shuffle(body)
        text = "".join(body)
        if text[0] != "0" and repeated * 3 not in text:
            break
    number = text + mod_11_10.calc_check_digit(text)
    return _weighted(rng, ((number, 55), (f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}", 45)))


def _fr_nir(rng: random.Random) -> str:
    y, m, _ = _birth_date(rng)
    dept = _pick(rng, (f"{rng.randint(1, 95):02d}",) * 20 + ("2A", "2B", "75", "13", "69", "99"))
    if dept == "20":
        dept = "2A"
    commune = f"{rng.randint(1, 990):03d}"
    order = f"{rng.randint(1, 999):03d}"
    head = f"{rng.randint(1, 2)}{y % 100:02d}{m:02d}{dept}{commune}{order}"
    number = head + fr_nir.calc_check_digits(head)
    return _weighted(rng, ((number, 45), (fr_nir.format(number), 55)))


def _es_id(rng: random.Random) -> str:
    if rng.random() < 0.2:  # NIE, for foreign residents
        lead = rng.choice("XYZ")
        digits = _digits(rng, 7)
        letter = es_dni.calc_check_digit(str("XYZ".index(lead)) + digits)
        return _pick(rng, (f"{lead}{digits}{letter}", f"{lead}-{digits}-{letter}"))
    digits = f"{rng.randint(100_000, 99_999_999):08d}"
    letter = es_dni.calc_check_digit(digits)
    return _weighted(rng, ((f"{digits}{letter}", 65), (f"{digits}-{letter}", 25), (f"{digits} {letter}", 10)))


def _cf_name_code(name: str, first_name: bool) -> str:
    letters = [c for c in _ascii(name).upper() if c.isalpha()]
    consonants = [c for c in letters if c not in "AEIOU"]
    vowels = [c for c in letters if c in "AEIOU"]
    if first_name and len(consonants) >= 4:
        return consonants[0] + consonants[2] + consonants[3]
    return "".join([*consonants, *vowels, "X", "X", "X"][:3])


def _it_codice_fiscale(faker: Faker, rng: random.Random) -> str:
    female = rng.random() < 0.5
    y, m, d = _birth_date(rng)
    head = (
        _cf_name_code(faker.last_name(), first_name=False)
        + _cf_name_code(_first_name(faker, female), first_name=True)
        + f"{y % 100:02d}{_CF_MONTHS[m - 1]}{d + (40 if female else 0):02d}{_pick(rng, _CF_PLACES)}"
    )
    number = head + it_cf.calc_check_digit(head)
    return number if rng.random() < 0.9 else number.lower()


def _nl_bsn(rng: random.Random) -> str:
    while True:
        head = str(rng.randint(1, 6)) + _digits(rng, 7)
        check = sum((9 - i) * int(c) for i, c in enumerate(head)) % 11
        if check < 10:
            break
    number = head + str(check)
    return _weighted(
        rng,
        ((number, 60), (f"{number[:4]}.{number[4:6]}.{number[6:]}", 25), (_group(number, (3, 3), " "), 15)),
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
    country = home if home and rng.random() < 0.85 else _pick(rng, _ID_COUNTRIES)
    return _national_id(faker, rng, country)


# --------------------------------------------------------------------------- SECRET


def _jwt(faker: Faker, rng: random.Random) -> str:
    alg = _pick(rng, ("HS256", "RS256", "ES256", "HS512"))
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if alg != "HS256" and rng.random() < 0.6:
        header["kid"] = _chars(rng, _HEX, 16)
    iat = rng.randint(1_500_000_000, 1_750_000_000)
    payload: dict[str, object] = {"sub": str(rng.randint(1000, 99_999_999)), "iat": iat}
    if rng.random() < 0.5:
        payload["name"] = _ascii(faker.name())
    if rng.random() < 0.5:
        payload["email"] = faker.free_email()
    if rng.random() < 0.7:
        payload["exp"] = iat + _pick(rng, (900, 3600, 86_400))
    if rng.random() < 0.4:
        payload["scope"] = _pick(rng, ("read write", "admin", "openid profile email"))
    sig_len = {"HS256": 32, "HS512": 64, "ES256": 64, "RS256": 256}[alg]
    parts = (
        _b64url(json.dumps(header, separators=(",", ":")).encode()),
        _b64url(json.dumps(payload, separators=(",", ":")).encode()),
        _b64url(rng.randbytes(sig_len)),
    )
    return ".".join(parts)


def _sample_secret(faker: Faker, rng: random.Random, locale: str) -> str:
    b32 = _UPPER + "234567"
    style = _weighted(
        rng,
        (
            ("aws_id", 10),
            ("aws_secret", 6),
            ("github", 9),
            ("github_pat", 3),
            ("slack", 7),
            ("stripe", 7),
            ("jwt", 12),
            ("bearer", 8),
            ("hex", 8),
            ("base64", 6),
            ("openai", 7),
            ("google", 5),
            ("sendgrid", 3),
            ("twilio", 2),
            ("gitlab", 3),
            ("hf", 3),
            ("npm", 2),
            ("private_key", 3),
        ),
    )
    if style == "aws_id":
        return _pick(rng, ("AKIA", "AKIA", "ASIA")) + _chars(rng, b32, 16)
    if style == "aws_secret":
        return _chars(rng, _ALNUM + "/+", 40)
    if style == "github":
        return _pick(rng, ("ghp_", "ghp_", "gho_", "ghs_", "ghu_")) + _chars(rng, _ALNUM, 36)
    if style == "github_pat":
        return f"github_pat_11{_chars(rng, _UPPER_ALNUM, 20)}_{_chars(rng, _ALNUM, 59)}"
    if style == "slack":
        kind = _pick(rng, ("xoxb", "xoxb", "xoxp", "xoxa", "xoxs"))
        team, user = _digits(rng, rng.randint(10, 13)), _digits(rng, rng.randint(10, 13))
        return f"{kind}-{team}-{user}-{_chars(rng, _ALNUM, 24)}"
    if style == "stripe":
        prefix = _pick(rng, ("sk_live_", "sk_live_", "rk_live_", "sk_test_", "whsec_"))
        return prefix + _chars(rng, _ALNUM, _pick(rng, (24, 32, 99)))
    if style == "jwt":
        return _jwt(faker, rng)
    if style == "bearer":
        return _chars(rng, _B64URL, rng.randint(32, 64))
    if style == "hex":
        return _chars(rng, _HEX, _pick(rng, (32, 40, 48, 64)))
    if style == "base64":
        raw = base64.b64encode(rng.randbytes(_pick(rng, (24, 32, 48)))).decode("ascii")
        return raw
    if style == "openai":
        if rng.random() < 0.5:
            return "sk-" + _chars(rng, _ALNUM, 48)
        return "sk-proj-" + _chars(rng, _B64URL, 80) + "T3BlbkFJ" + _chars(rng, _B64URL, 40)
    if style == "google":
        return "AIza" + _chars(rng, _B64URL, 35)
    if style == "sendgrid":
        return f"SG.{_chars(rng, _B64URL, 22)}.{_chars(rng, _B64URL, 43)}"
    if style == "twilio":
        return _pick(rng, ("SK", "AC")) + _chars(rng, _HEX, 32)
    if style == "gitlab":
        return "glpat-" + _chars(rng, _B64URL, 20)
    if style == "hf":
        return "hf_" + _chars(rng, string.ascii_letters, 34)
    if style == "npm":
        return "npm_" + _chars(rng, _ALNUM, 36)
    kind = _pick(rng, ("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"))
    body = base64.b64encode(rng.randbytes(rng.randint(48, 120))).decode("ascii")
    return f"-----BEGIN {kind}-----{_pick(rng, ('', ' '))}{body}{_pick(rng, ('', ' '))}-----END {kind}-----"


# --------------------------------------------------------------------------- contexts

_CONTEXTS: dict[str, tuple[str, ...]] = {
    "PERSON": (
        "Patient name: {value}",
        "Please forward this to {value} in accounting.",
        "{value} called about the overdue invoice.",
        "Hi, this is {value} from the support team.",
        "Kind regards, {value}",
        "Account holder: {value}",
        "According to {value}, the parcel never arrived.",
        "Emergency contact: {value}",
        "[INFO] profile updated for user {value}",
        "I spoke with {value} yesterday and she agreed to the terms.",
        "The contract was signed by {value} on behalf of the company.",
        "hey can u ask {value} to call me back",
        "tracked down {value} in last year's CRM dump, same customer",
        'assigned_to="{value}" status=open',
        "Reviewed by {value} (legal) before it went out.",
        "Le dossier est suivi par {value} depuis le printemps.",
        "ok so {value} says the meeting moved to Thursday",
        "Beneficiary name: {value}, relationship: spouse",
        "Signed: {value}, Head of Procurement",
        "[crm] contact {value} merged into an existing record",
        "Thanks {value}! Really appreciate the quick turnaround.",
        "Referred by: {value}",
        "(cc: {value})",
        "Parent or guardian: {value}",
        'owner = "{value}"  # who to page at night',
        "Frau {value} hat gestern angerufen.",
        "De parte de {value}: el contrato ya está firmado.",
    ),
    "EMAIL_ADDRESS": (
        "You can reach me at {value}",
        "Email: {value}",
        "Please send the signed form to {value}.",
        "From: {value}",
        "ping me on {value} if anything breaks",
        "A confirmation has been sent to {value}.",
        "[WARN] bounce for recipient {value}",
        "Contact email on file: {value}",
        "cc {value} on the reply please",
        "Your account is registered under {value}.",
        "Account {value} has been locked after too many attempts.",
        'reply_to="{value}"',
        "Login: {value} (the email, not the username)",
        "send the invoice to <{value}> please",
        "mailto:{value}",
        "--email={value} --role viewer",
        "Bounce: recipient address {value} rejected by the remote server",
        "Your sign-in email is {value}.",
        "E-Mail-Adresse: {value}",
        "contact ({value}) still unverified",
        "Forwarding all mail to {value} from Monday on.",
        'git config user.email "{value}"',
        "Adresse e-mail : {value}",
        "new user invited: {value} role=editor",
    ),
    "PHONE_NUMBER": (
        "Call me at {value}",
        "Tel.: {value}",
        "Mobile: {value}",
        "You can reach our office on {value} during business hours.",
        "text me at {value} when you're outside",
        "Phone number on file: {value}",
        "[sms] delivery to {value} failed",
        "For urgent matters please dial {value}.",
        "My new number is {value}, please update your records.",
        "Caller ID showed {value}.",
        "A verification code was sent to {value} just now.",
        "OTP delivered to {value} via SMS",
        "Rückruf bitte unter {value}.",
        "Tél. portable : {value}",
        "missed call from {value} at the front desk, no voicemail",
        'phone="{value}" verified=true',
        "WhatsApp: {value}",
        "Fax: {value}",
        "pls ring me on {value} after lunch",
        "Contact number ({value}) updated by the customer.",
        "[voice] inbound call from {value} status=completed",
        "Reachable at {value} or by email.",
        "Notfallnummer: {value}",
        "Teléfono de contacto: {value}",
        "Verification code texted to {value}, valid for ten minutes.",
    ),
    "STREET_ADDRESS": (
        "Ship to: {value}",
        "I live at {value}",
        "Registered address: {value}",
        "Please deliver the package to {value}.",
        "Billing address: {value}",
        "The property at {value} was inspected on Monday.",
        "we moved, new place is {value}",
        "Home address on file: {value}",
        "Correspondence should be sent to {value}.",
        "Deliver to {value} - leave it at the back door",
        "Rechnungsadresse: {value}",
        'address="{value}" verified=false',
        "new office is at {value}, second floor",
        "Return the keys to {value} by Friday.",
        "Domicilio: {value}",
        "Adresse de livraison : {value}",
        "[geo] could not geocode {value}",
        "Forwarding address ({value}) added to the file.",
        "she moved to {value} last month",
        "Invoice mailed to {value} on request.",
        "Lieferadresse geändert auf {value}.",
        "Indirizzo di residenza: {value}",
    ),
    "CREDIT_CARD": (
        "Card number: {value}",
        "Please charge my card {value} for the deposit.",
        "payment declined for card {value}",
        "The following card was charged: {value}",
        "[billing] tokenization failed for PAN {value}",
        "my visa is {value}, exp 08/27",
        "Credit card on file: {value}",
        "Refund issued to card {value}.",
        "Use card {value} for the booking.",
        "card `{value}` from the fixtures is a real one",
        "CARD_NUMBER={value}",
        'charge(card="{value}", amount=total)',
        "pan={value} result=DECLINED",
        "Karte {value} wurde gesperrt.",
        "Numéro de carte : {value}",
        "I paid with {value} yesterday and got charged twice",
        "[psp] card {value} requires 3DS authentication",
        "Card on the booking ({value}) has expired.",
        "backup card is {value}, use that one",
        "Kreditkartennummer: {value}",
        "test_card = '{value}'  # real PAN, remove",
        "Tarjeta: {value}, titular confirmado",
    ),
    "IBAN_CODE": (
        "IBAN: {value}",
        "Please transfer the amount to {value}.",
        "Payee account (IBAN) {value}",
        "Refunds will be paid into {value}.",
        "[sepa] mandate created for debtor IBAN {value}",
        "my iban is {value} if you want to send it back",
        "Bank details: {value}",
        "Salary is paid to account {value}.",
        "Direct debit from {value} was rejected.",
        "wire it to account {value} please",
        "credited to {value} on the first of the month",
        "sending it over to {value} now",
        "Empfänger-IBAN: {value}",
        'iban="{value}" bic=verified',
        "Beneficiary account (IBAN): {value}",
        "Refund destination: {value} (IBAN)",
        "Bitte überweisen Sie den Betrag auf {value}.",
        "Veuillez effectuer le virement sur le compte {value}.",
        "New payout account {value} added by the vendor.",
        "[sepa] credit transfer to {value} rejected: AC04",
        "the account number for the deposit is {value}",
        "Cuenta de abono: {value}",
        "SEPA_IBAN={value}",
    ),
    "US_SSN": (
        "SSN: {value}",
        "Social Security Number: {value}",
        "My social is {value}.",
        "Please verify the applicant's SSN {value}.",
        "[audit] SSN {value} accessed by support agent",
        "The W-2 lists SSN {value}.",
        "Taxpayer SSN on record: {value}",
        "ssn {value} — can you double check it",
        "Enter your SSN ({value}) to continue.",
        'ssn="{value}" match=true',
        "SSN ({value}) was entered in the wrong field",
        "my ssn is {value} fyi",
        "Social Security No. {value} on the W-4",
        "taxpayer_id: {value}  # SSN",
        "Please mask {value} before exporting the report.",
        "[kyc] ssn {value} verified against the credit bureau",
        "Borrower SSN: {value}, co-borrower pending",
        "Her SSN, {value}, appears twice in the file.",
        "SELECT * FROM applicants WHERE ssn = '{value}';",
        "Employee SSN {value} updated by payroll.",
        "The last SSN on file was {value}.",
    ),
    "IP_ADDRESS": (
        "Login from {value}",
        "Client IP: {value}",
        "Failed password for root from {value} port 22 ssh2",
        "The request originated from {value}.",
        "my home IP is {value}",
        "Blocked suspicious traffic from {value}.",
        "remote_addr={value} status=403",
        "Please whitelist {value} on the firewall.",
        "Last sign-in: {value}",
        "src={value} dst_port=443 action=DROP",
        "connection from {value} closed by peer",
        "X-Forwarded-For: {value}",
        "ping {value} timed out",
        "Allowlist entry {value} added by the on-call engineer.",
        "Server address is {value}, port as usual",
        'client_ip="{value}" country=unknown',
        "port scan from {value} detected",
        "Die IP-Adresse {value} wurde gesperrt.",
        "[fail2ban] Ban {value}",
        "Your router's WAN address ({value}) changed overnight.",
        "bind address set to {value} in the config",
        "Disconnected from {value} port 22 [preauth]",
        "L'adresse IP {value} a été bloquée.",
    ),
    "DATE_OF_BIRTH": (
        "DOB: {value}",
        "Date of birth: {value}",
        "I was born on {value}.",
        "Patient DOB {value}, allergic to penicillin.",
        "born {value}",
        "The applicant's date of birth is {value}.",
        "birthdate={value}",
        "Please confirm your date of birth ({value}).",
        "D.O.B.: {value}",
        "née à Marseille le {value}",
        "geboren am {value} in Köln",
        "nacido el {value} en Sevilla",
        'dob="{value}" age_verified=true',
        "Birthday: {value} (per passport)",
        "Date de naissance : {value}",
        "Geburtsdatum: {value}",
        "patient born {value}, presenting with chest pain",
        "DOB ({value}) does not match our records.",
        "date_of_birth: '{value}'",
        "she was born {value} in a small town",
        "Data di nascita: {value}",
        "Geboortedatum: {value}",
        "[kyc] dob {value} mismatch",
    ),
    "USERNAME": (
        "Username: {value}",
        "Logged in as {value}",
        "follow me, I'm {value}",
        "User {value} changed their password.",
        "[auth] login failed for user {value}",
        "My handle is {value} on most sites.",
        "Account name: {value}",
        "Ticket assigned to {value}.",
        "user={value} action=delete",
        "(user id {value})",
        "login: {value}, password sent separately",
        "docker login -u {value} --password-stdin",
        "assigned to {value} by the bot",
        "push by {value} rejected: protected branch",
        "DM {value} on Discord",
        "owner={value} visibility=private",
        "{value} joined the channel",
        "Reset requested for account name {value}.",
        "Benutzername: {value}",
        "Nom d'utilisateur : {value}",
        "chown {value}:staff report.csv",
        "sudo -u {value} ./run.sh",
        "[audit] {value} deleted three records",
    ),
    "PASSWORD": (
        "Password: {value}",
        "the wifi password is {value}",
        "Your temporary password is {value}",
        "Login with the password {value} and change it immediately.",
        "DB_PASSWORD={value}",
        "I reset it to {value}, don't share it",
        "pwd: {value}",
        "New credentials: password {value}",
        "Please use {value} as the initial passphrase.",
        "temp pass given to the caller by phone: {value}",
        "the wifi pass is basically {value} lol",
        "previously it was {value} but I changed it",
        "mysql --password='{value}' -h replica from the jump host",
        "--password={value} --no-verify",
        "bcrypt.hashpw('{value}'.encode(), bcrypt.gensalt())",
        "PGPASSWORD={value} psql -h db",
        'new pass: "{value}" (case sensitive)',
        "Passwort: {value}",
        "Mot de passe provisoire : {value}",
        "they told me on the phone the password is {value}",
        'user.set_password("{value}")',
        "wifi: {value} (guest network)",
        "Das Kennwort für das Portal lautet {value}.",
    ),
    "URL": (
        "My profile: {value}",
        "See {value}",
        "You can find my portfolio at {value}.",
        "Click here to reset your password: {value}",
        "GET {value} 200",
        "check out my page {value}",
        "Link to the shared file: {value}",
        "Referrer: {value}",
        "More about me: {value}",
        "GET {value} 404",
        "POST {value} returned 500",
        'profile_url="{value}"',
        "Mein Profil: {value}",
        "link ({value}) expires in 24h",
        "download it from {value} and unzip",
        "curl -sS {value} | jq",
        "[redirect] 302 to {value}",
        "my linktree is {value} btw",
        "See the shared folder at {value} (view only).",
        'href="{value}"',
        "Password reset link: {value} - valid once",
    ),
    "US_DRIVER_LICENSE": (
        "Driver's license: {value}",
        "DL #: {value}",
        "License number {value} was verified at the counter.",
        "Please provide your driver license number ({value}).",
        "my DL is {value}",
        "ID presented: driver's license {value}",
        "Driver license no. {value}, class C",
        "[kyc] license {value} matched DMV records",
        "The officer noted license number {value}.",
        'dl_number="{value}" state=verified',
        "license #{value}, restrictions: corrective lenses",
        "Driver license ({value}) scanned at check-in.",
        "DL: {value} expires soon",
        "my license number is {value} if u need it for the rental",
        "[dmv] lookup for {value} returned no record",
        "Operator license no. {value} suspended.",
        "driver_license: {value}",
        "The rental desk copied license {value} onto the contract.",
        "Photo ID: DL {value}, checked by reception",
        "License {value} belongs to the second driver.",
        "Please re-enter license number {value} without dashes.",
    ),
    "PASSPORT": (
        "Passport No.: {value}",
        "Passport number: {value}",
        "Traveler passport {value}, valid until 2031.",
        "Please upload a scan of passport {value}.",
        "my passport number is {value}",
        "[checkin] passport {value} scanned",
        "Document type: passport, number {value}",
        "The visa is attached to passport {value}.",
        "Passport {value} expires next year.",
        "passport_no={value}",
        "Reisepassnummer: {value}",
        "Numéro de passeport : {value}",
        "passport no. ({value}) on the booking is wrong",
        "APIS data: passport {value}, nationality on file",
        "pasaporte {value} caducado",
        "my passport # is {value}, expires soon",
        "[ocr] MRZ passport number {value} confidence high",
        "Passport {value} was reported lost.",
        'document_number: "{value}"  # passport',
        "travel doc {value} scanned at the gate",
        "Numero di passaporto: {value}",
    ),
    "BANK_ACCOUNT": (
        "Account number: {value}",
        "Please wire the funds to account {value}.",
        "Bank account: {value}",
        "Direct deposit to {value}",
        "acct {value} shows a negative balance",
        "Payments go to account no. {value}.",
        "[ach] transfer to {value} returned R03",
        "My account details are {value}.",
        "Refund credited to account {value}.",
        "Transfer from account {value} completed",
        "debit account: {value}",
        "Kontonummer: {value}",
        "Numéro de compte : {value}",
        "acct_no={value} routing verified",
        "deposited into {value} yesterday",
        "Direct deposit account ({value}) changed by the employee.",
        "Sort code and account: {value}",
        "send it to my account {value} pls",
        "[ach] debit from {value} returned R01",
        "Número de cuenta: {value}",
        "Payout account on file: {value}",
        "Rekeningnummer {value} is geblokkeerd.",
        "From: {value} (checking)",
    ),
    "NATIONAL_ID": (
        "National ID: {value}",
        "ID number: {value}",
        "Tax ID: {value}",
        "Please include your national insurance number ({value}).",
        "My ID number is {value}.",
        "The citizen identification number {value} has been verified.",
        "[kyc] national id {value} matched",
        "Personal identification number: {value}",
        "Registered under tax identification number {value}.",
        'national_id="{value}"',
        "Steuer-ID: {value}",
        "NIR : {value}",
        "DNI {value}, expedido en Madrid",
        "Codice fiscale: {value}",
        "BSN: {value}",
        "NI number {value} on the payslip",
        "my national insurance no is {value}",
        "[kyc] id_number {value} checksum failed",
        "Citizen ID ({value}) copied into the notes field.",
        "Identity number on file: {value}.",
        "Numéro de sécurité sociale : {value}",
    ),
    "SECRET": (
        "API key: {value}",
        "Authorization token {value} expired",
        "export API_KEY={value}",
        "Please rotate the leaked key {value} immediately.",
        "token: {value}",
        "[error] invalid credentials: {value}",
        "secret_key = {value}",
        "here's the token {value}, don't commit it",
        "Authorization: Bearer {value}",
        "AWS_SECRET_ACCESS_KEY={value}",
        "OPENAI_API_KEY={value}",
        "-H 'X-Api-Key: {value}'",
        "http --auth {value}: GET /v1/balance",
        'token="{value}" scope=read',
        "client_secret: {value}",
        "Bearer {value} rejected with 401",
        "api_key='{value}'",
        "leaked key {value} found in a public gist",
        "GITHUB_TOKEN={value} gh release create",
        "webhook signing secret: {value}",
        "set the header to {value} and retry",
        "[vault] read secret value {value} for the app",
        "key={value}&format=json",
    ),
}

_DESCRIPTIONS: dict[str, str] = {
    "PERSON": "A person's name: full, with middle names or initials, titles, 'Last, First' forms.",
    "EMAIL_ADDRESS": "A personal or work email address.",
    "PHONE_NUMBER": "A phone number in national or international format, valid for the locale's region.",
    "STREET_ADDRESS": "A postal/street address in the locale's format, single- or multi-line.",
    "CREDIT_CARD": "A Luhn-valid payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners).",
    "IBAN_CODE": "A checksum-valid IBAN, grouped or compact.",
    "US_SSN": "A US Social Security Number in a valid area/group/serial range.",
    "IP_ADDRESS": "An IPv4 or IPv6 address, public or private.",
    "DATE_OF_BIRTH": "A birth date (1930-2010) in numeric or spelled-out, localized formats.",
    "USERNAME": "An online handle or login name.",
    "PASSWORD": "A password or passphrase as people write them down.",
    "URL": "A URL that identifies a person: profile, personal site, link with user ids or tokens.",
    "US_DRIVER_LICENSE": "A US driver's license number in a state's format.",
    "PASSPORT": "A passport number in a national format (US, UK, DE, FR, ES, IT, NL).",
    "BANK_ACCOUNT": "A bank account number: US account/routing, UK sort code + account, RIB, CCC, ...",
    "NATIONAL_ID": "A national id/tax number (UK NINO, DE IdNr, FR NIR, ES DNI/NIE, IT CF, NL BSN).",
    "SECRET": "An API key, access token, JWT or private key string.",
}

_SAMPLERS: dict[str, Callable[[Faker, random.Random, str], str]] = {
    "PERSON": _sample_person,
    "EMAIL_ADDRESS": _sample_email,
    "PHONE_NUMBER": _sample_phone,
    "STREET_ADDRESS": _sample_address,
    "CREDIT_CARD": _sample_credit_card,
    "IBAN_CODE": _sample_iban,
    "US_SSN": _sample_ssn,
    "IP_ADDRESS": _sample_ip,
    "DATE_OF_BIRTH": _sample_dob,
    "USERNAME": _sample_username,
    "PASSWORD": _sample_password,
    "URL": _sample_url,
    "US_DRIVER_LICENSE": _sample_driver_license,
    "PASSPORT": _sample_passport,
    "BANK_ACCOUNT": _sample_bank_account,
    "NATIONAL_ID": _sample_national_id,
    "SECRET": _sample_secret,
}


def _clean(fn: Callable[[Faker, random.Random, str], str]) -> Callable[[Faker, random.Random, str], str]:
    """Wrap a sampler so its value never has surrounding whitespace."""

    def sample(faker: Faker, rng: random.Random, locale: str) -> str:
        return fn(faker, rng, locale).strip()

    sample.__name__ = fn.__name__
    sample.__qualname__ = fn.__qualname__
    sample.__doc__ = fn.__doc__
    return sample


#: Column and key names that hold each type (:mod:`piilora.fields`): the usual English
#: ones, plus a few common German, French, Spanish, Italian and Dutch ones.
_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "PERSON": word_tuple(
        "name full_name fullname first_name last_name surname given_name family_name customer "
        "customer_name client_name employee employee_name patient patient_name contact_name holder "
        "account_holder card_holder cardholder nombre apellidos nom prenom prénom nom_complet vorname "
        "nachname vorname_nachname nome cognome naam"
    ),
    "EMAIL_ADDRESS": word_tuple("email e_mail email_address mail courriel correo"),
    "PHONE_NUMBER": word_tuple(
        "phone phone_number tel telephone téléphone telefon telefono teléfono mobile mobile_phone "
        "cell cell_phone fax handy"
    ),
    "USERNAME": word_tuple(
        "username user_name user login user_login handle screen_name nickname created_by updated_by "
        "benutzer benutzername"
    ),
    "PASSWORD": word_tuple("password passwd pwd pass temp_password initial_password passwort mot_de_passe contraseña"),
    "SECRET": word_tuple(
        "api_key apikey secret secret_key token access_token auth_token api_token secret_token "
        "client_secret private_key"
    ),
    "US_SSN": word_tuple("ssn social_security_number social_security_no"),
    "DATE_OF_BIRTH": word_tuple(
        "dob date_of_birth birth_date birthdate birthday born geburtsdatum date_de_naissance "
        "fecha_de_nacimiento fecha_nacimiento data_di_nascita geboortedatum"
    ),
    "IBAN_CODE": word_tuple("iban"),
    "BANK_ACCOUNT": word_tuple("account_no account_number acct acct_no bank_account kontonummer routing_number"),
    "CREDIT_CARD": word_tuple("card_number card_no cc_number credit_card pan"),
    "PASSPORT": word_tuple("passport passport_no passport_number reisepass pasaporte passeport"),
    "STREET_ADDRESS": word_tuple(
        "address street street_address home_address mailing_address adresse anschrift dirección "
        "direccion indirizzo adres"
    ),
    "IP_ADDRESS": word_tuple("ip ip_address ip_addr ipv4 ipv6 remote_addr client_ip"),
    "URL": word_tuple("url website homepage profile_url"),
    "NATIONAL_ID": word_tuple(
        "national_id national_id_number id_number citizen_id nin tax_id dni nie bsn insee nir codice_fiscale "
        "steuer_id personalausweis"
    ),
    "US_DRIVER_LICENSE": word_tuple(
        "driver_license drivers_license driver_licence dl dl_number dl_no license_number licence_number"
    ),
}


def builtin_entity_generators() -> tuple[EntityGenerator, ...]:
    """The 17 built-in generators, in :data:`BUILTIN_ENTITY_TYPES` order."""
    return tuple(
        EntityGenerator(
            entity_type=name,
            sample=_clean(_SAMPLERS[name]),
            contexts=_CONTEXTS[name],
            description=_DESCRIPTIONS[name],
            shape=BUILTIN_SHAPES.get(name),
            field_names=_FIELD_NAMES[name],
        )
        for name in BUILTIN_ENTITY_TYPES
    )


@hookimpl
def piilora_register_entity_generators(register: Callable[[EntityGenerator], None]) -> None:
    """Register the built-in entity generators."""
    for generator in builtin_entity_generators():
        register(generator)
