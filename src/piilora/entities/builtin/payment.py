"""Payment and bank details: CREDIT_CARD (Luhn-valid), IBAN_CODE (checksum-valid) and BANK_ACCOUNT
(national account numbers; the IBAN's national parts are built by the same helpers).

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.es import ccc as es_ccc
from stdnum.it import codicefiscale as it_cf
from stdnum.us import rtn as us_rtn

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import clean, contexts, grouped, pick, random_digits, weighted
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_cards, find_ibans
from piilora.safety.shapes import card_shape, iban_shape, identifying_number_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["BANK_ACCOUNT", "CREDIT_CARD", "IBAN_CODE"]


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
    brand = weighted(rng, [(b, _CARD_WEIGHTS[b[0]]) for b in _CARD_BRANDS])
    _, prefixes, lengths, grouping = brand
    prefix = pick(rng, prefixes)
    length = pick(rng, lengths)
    body = prefix + random_digits(rng, length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    sep = weighted(rng, ((" ", 50), ("-", 20), ("", 30)))
    return grouped(number, grouping, sep) if sep else number


# --------------------------------------------------------------------------- IBAN_CODE

_GB_BANKS = ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "HLFX", "RBOS", "ABBY", "MONZ", "SRLG")
_NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB")
_IE_BANKS = ("AIBK", "BOFI", "IPBS", "ULSB")
_BE_BANKS = ("001", "063", "068", "096", "310", "320", "363", "539", "651", "735")


def _nl_account(rng: random.Random) -> str:
    """A 10-digit Dutch account number passing the old 'elfproef' (mod 11)."""
    while True:
        head = random_digits(rng, 9)
        total = sum(int(d) * w for d, w in zip(head, range(10, 1, -1), strict=True))
        last = (-total) % 11
        if last < 10 and head[0] != "0":
            return head + str(last)


def _fr_rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97):02d}"


def _es_ccc(rng: random.Random) -> str:
    bank = pick(rng, ("2100", "0049", "0182", "0081", "2080", "0128", "1465", "2038", "0075"))
    body = bank + random_digits(rng, 4) + "00" + random_digits(rng, 10)
    return body[:8] + es_ccc.calc_check_digits(body) + body[10:]


def _it_bban(rng: random.Random) -> str:
    abi = pick(rng, ("03069", "02008", "05034", "03062", "01030", "05387", "03111", "02008"))
    rest = abi + random_digits(rng, 5) + random_digits(rng, 12)
    # The CIN uses the same odd/even tables as the codice fiscale check character.
    return it_cf.calc_check_digit(rest) + rest


def _bban(rng: random.Random, country: str) -> str:
    if country == "DE":
        return str(rng.randint(1, 8)) + random_digits(rng, 7) + random_digits(rng, 10)
    if country in ("GB", "IE"):
        return pick(rng, _GB_BANKS if country == "GB" else _IE_BANKS) + random_digits(rng, 6) + random_digits(rng, 8)
    if country == "FR":
        bank, branch, account = (
            pick(rng, ("30004", "30003", "20041", "10278", "30002", "11315")),
            random_digits(rng, 5),
            random_digits(rng, 11),
        )
        return bank + branch + account + _fr_rib_key(bank, branch, account)
    if country == "ES":
        return _es_ccc(rng)
    if country == "IT":
        return _it_bban(rng)
    if country == "NL":
        return pick(rng, _NL_BANKS) + _nl_account(rng)
    if country == "BE":
        head = pick(rng, _BE_BANKS) + random_digits(rng, 7)
        return head + f"{int(head) % 97 or 97:02d}"
    if country == "AT":
        return random_digits(rng, 5) + random_digits(rng, 11)
    if country == "CH":
        return random_digits(rng, 5) + random_digits(rng, 12)
    if country == "PL":
        return random_digits(rng, 8) + random_digits(rng, 16)
    # PT
    return random_digits(rng, 4) + random_digits(rng, 4) + random_digits(rng, 11) + random_digits(rng, 2)


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
    country = home if home and rng.random() < 0.7 else pick(rng, _IBAN_COUNTRIES)
    number = _make_iban(rng, country)
    style = weighted(rng, (("grouped", 55), ("compact", 40), ("dashes", 5)))
    if style == "grouped":
        return std_iban.format(number)
    if style == "dashes":
        return std_iban.format(number, separator="-")
    return number


# --------------------------------------------------------------------------- BANK_ACCOUNT


def _us_routing(rng: random.Random) -> str:
    head = f"{pick(rng, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31, 32)):02d}" + random_digits(rng, 6)
    return head + us_rtn.calc_check_digit(head)


def _bank_account_us(rng: random.Random) -> str:
    account = random_digits(rng, rng.randint(8, 17)).lstrip("0") or "1"
    account = account if len(account) >= 8 else account.rjust(8, "1")
    style = weighted(rng, (("acct", 55), ("combo_space", 15), ("combo_slash", 10), ("combo_dash", 10), ("g", 10)))
    if style == "acct":
        return account
    routing = _us_routing(rng)
    if style == "combo_space":
        return f"{routing} {account}"
    if style == "combo_slash":
        return f"{routing} / {account}"
    if style == "combo_dash":
        return f"{routing}-{account}"
    return grouped(account, (4,) * 5, "-")


def _bank_account_gb(rng: random.Random) -> str:
    sort = f"{rng.randint(1, 99):02d}{random_digits(rng, 4)}"
    account = str(rng.randint(1, 9)) + random_digits(rng, 7)
    dashed = grouped(sort, (2, 2, 2), "-")
    return weighted(
        rng,
        (
            (f"{dashed} {account}", 40),
            (f"{sort} {account}", 15),
            (f"{dashed}-{account}", 10),
            (f"{dashed} / {account}", 10),
            (account, 20),
            (f"{grouped(sort, (2, 2, 2), ' ')} {account}", 5),
        ),
    )


def _bank_account_de(rng: random.Random) -> str:
    blz = str(rng.randint(1, 8)) + random_digits(rng, 7)
    kto = str(rng.randint(1, 9)) + random_digits(rng, rng.randint(5, 9))
    return weighted(
        rng,
        (
            (kto, 45),
            (f"{blz} {kto}", 15),
            (f"{grouped(blz, (3, 3, 2), ' ')} / {kto}", 20),
            (kto.zfill(10), 20),
        ),
    )


def _bank_account_fr(rng: random.Random) -> str:
    bank, branch, account = (
        pick(rng, ("30004", "30003", "20041", "10278", "30002")),
        random_digits(rng, 5),
        random_digits(rng, 11),
    )
    key = _fr_rib_key(bank, branch, account)
    return weighted(rng, ((f"{bank} {branch} {account} {key}", 60), (bank + branch + account + key, 20), (account, 20)))


def _bank_account_es(rng: random.Random) -> str:
    ccc = _es_ccc(rng)
    return weighted(rng, ((grouped(ccc, (4, 4, 2, 10), " "), 55), (ccc, 25), (grouped(ccc, (4, 4, 2, 10), "-"), 20)))


def _bank_account_it(rng: random.Random) -> str:
    bban = _it_bban(rng)
    cin, abi, cab, conto = bban[0], bban[1:6], bban[6:11], bban[11:]
    return weighted(rng, ((conto, 40), (f"{cin} {abi} {cab} {conto}", 35), (conto.lstrip("0") or conto, 25)))


def _bank_account_nl(rng: random.Random) -> str:
    account = _nl_account(rng)
    return weighted(rng, ((account, 60), (f"{account[:2]}.{account[2:4]}.{account[4:6]}.{account[6:]}", 40)))


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
        builder = _bank_account_us if rng.random() < 0.6 else pick(rng, tuple(_BANK_BY_LOCALE.values()))
    return builder(rng)


# --------------------------------------------------------------------------- records

CREDIT_CARD = EntityGenerator(
    entity_type="CREDIT_CARD",
    sample=clean(_sample_credit_card),
    contexts=contexts("CREDIT_CARD"),
    description="A Luhn-valid payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners).",
    shape=card_shape,
    field_names=word_tuple("card_number card_no cc_number credit_card pan"),
    cues=("card", "visa", "mastercard", "amex"),
    rule=RuleDetector(find_cards, verified=True),
)

IBAN_CODE = EntityGenerator(
    entity_type="IBAN_CODE",
    sample=clean(_sample_iban),
    contexts=contexts("IBAN_CODE"),
    description="A checksum-valid IBAN, grouped or compact.",
    shape=iban_shape,
    field_names=word_tuple("iban"),
    cues=("iban",),
    rule=RuleDetector(find_ibans, verified=True),
)

BANK_ACCOUNT = EntityGenerator(
    entity_type="BANK_ACCOUNT",
    sample=clean(_sample_bank_account),
    contexts=contexts("BANK_ACCOUNT"),
    description="A bank account number: US account/routing, UK sort code + account, RIB, CCC, ...",
    shape=identifying_number_shape,
    field_names=word_tuple("account_no account_number acct acct_no bank_account kontonummer routing_number"),
    cues=("account", "acct", "a/c", "konto", "compte", "cuenta", "routing", "deposit", "sort code"),
)
