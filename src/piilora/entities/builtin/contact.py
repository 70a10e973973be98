"""Contact details: EMAIL_ADDRESS and PHONE_NUMBER (``phonenumbers``-valid for the locale's region).

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import phonenumbers

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import (
    REGION,
    clean,
    contexts,
    given_name,
    pick,
    random_digits,
    slug,
    to_ascii,
    weighted,
)
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_emails, find_phones
from piilora.safety.shapes import email_shape, phone_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["EMAIL_ADDRESS", "PHONE_NUMBER"]


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
    f, la = slug(first), slug(last, "")
    fi = f[:1] or "x"
    year = str(rng.randint(1960, 2008))
    style = weighted(
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
        return f"{f}.{la}{pick(rng, (year[2:], year, str(rng.randint(1, 99))))}"
    if style == "first##":
        return f"{f}{pick(rng, (year[2:], year, str(rng.randint(1, 999))))}"
    if style == "last.first":
        return f"{la}.{f}"
    if style == "first-last":
        return f"{f}-{la}"
    if style == "plus":
        tag = pick(rng, ("shopping", "news", "work", "spam", "amazon", "github", "bank", "travel", "2024"))
        return f"{f}.{la}+{tag}" if rng.random() < 0.6 else f"{f}+{tag}"
    if style == "initials##":
        return f"{fi}{la[:1]}{rng.randint(10, 9999)}"
    if style == "nick":
        return f"{slug(faker.word())}{pick(rng, ('_', '.', ''))}{f}{rng.randint(1, 99)}"
    return slug(faker.user_name(), "") or f"{f}{la}"


def _email_domain(faker: Faker, rng: random.Random, locale: str) -> str:
    kind = weighted(rng, (("free", 55), ("company", 30), ("sub", 10), ("personal", 5)))
    if kind == "free":
        return pick(rng, _FREE_MAIL.get(locale, _FREE_MAIL["en_US"]))
    if kind == "sub":
        return f"{pick(rng, _SUBDOMAINS)}.{to_ascii(faker.domain_name()).lower()}"
    if kind == "personal":
        return f"{slug(faker.last_name())}.{pick(rng, ('name', 'me', 'family', 'net', 'io'))}"
    return to_ascii(faker.domain_name()).lower()


def _sample_email(faker: Faker, rng: random.Random, locale: str) -> str:
    female = rng.random() < 0.5
    first, last = given_name(faker, female), faker.last_name()
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
        prefix, lengths = pick(rng, plans)
        length = pick(rng, lengths)
        rest = length - len(prefix)
        # The first subscriber digit is never 0/1 in any of these plans (US exchange codes, etc.).
        national = prefix + str(rng.randint(2, 9)) + random_digits(rng, rest - 1)
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
    return weighted(
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
    return weighted(rng, table)


def _sample_phone(faker: Faker, rng: random.Random, locale: str) -> str:
    region = REGION.get(locale, "US")
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
        value += pick(rng, (f" ext. {ext}", f" x{ext}", f" ext {ext}", f" x {ext}"))
    return value


# --------------------------------------------------------------------------- records

EMAIL_ADDRESS = EntityGenerator(
    entity_type="EMAIL_ADDRESS",
    sample=clean(_sample_email),
    contexts=contexts("EMAIL_ADDRESS"),
    description="A personal or work email address.",
    shape=email_shape,
    field_names=word_tuple(
        "email e_mail email_address mail courriel correo correo_electrónico correo_electronico "
        "posta_elettronica adresse_e_mail adresse_mail e_mail_adresse"
    ),
    cues=("mail",),
    rule=RuleDetector(find_emails, verified=True),
)

PHONE_NUMBER = EntityGenerator(
    entity_type="PHONE_NUMBER",
    sample=clean(_sample_phone),
    contexts=contexts("PHONE_NUMBER"),
    description="A phone number in national or international format, valid for the locale's region.",
    shape=phone_shape,
    field_names=word_tuple(
        "phone phone_number tel telephone téléphone telefon telefono teléfono mobile mobile_phone "
        "cell cell_phone fax handy cellulare celular móvil movil portable mobiel gsm"
    ),
    cues=("phone", "tel", "call", "mobile", "cell", "fax", "whatsapp", "sms", "text me"),
    rule=RuleDetector(find_phones),
)
