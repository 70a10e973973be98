"""Crypto and tax: CRYPTO_WALLET (base58check P2PKH/P2SH and bech32/bech32m Bitcoin addresses,
EIP-55 checksummed Ethereum addresses) and TAX_ID (US EIN and ITIN, EU VAT numbers that pass
``python-stdnum``'s checks: DE, FR, ES, IT, NL, GB, IE, BE, AT).

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.nl import bsn as nl_bsn

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import DIGITS, UPPER, clean, contexts, grouped, pick, random_chars, weighted
from piilora.safety.checksums import base58check_encode, bech32_encode, eip55_address, luhn_digit
from piilora.safety.id_rules import find_crypto_wallets, find_tax_ids
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import crypto_wallet_shape, tax_id_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["CRYPTO_WALLET", "TAX_ID"]


# --------------------------------------------------------------------------- CRYPTO_WALLET


def _bytes(rng: random.Random, n: int) -> bytes:
    return rng.getrandbits(8 * n).to_bytes(n, "big")


def _sample_wallet(faker: Faker, rng: random.Random, locale: str) -> str:
    kind = weighted(rng, (("p2pkh", 30), ("p2sh", 15), ("wpkh", 20), ("wsh", 5), ("taproot", 5), ("eth", 25)))
    if kind == "p2pkh":
        return base58check_encode(b"\x00" + _bytes(rng, 20))
    if kind == "p2sh":
        return base58check_encode(b"\x05" + _bytes(rng, 20))
    if kind == "wpkh":
        return bech32_encode(_bytes(rng, 20), 0)
    if kind == "wsh":
        return bech32_encode(_bytes(rng, 32), 0)
    if kind == "taproot":
        return bech32_encode(_bytes(rng, 32), 1)
    return eip55_address(_bytes(rng, 20).hex())


# --------------------------------------------------------------------------- TAX_ID

#: IRS campus prefixes of EINs (the ones ``stdnum.us.ein`` accepts).
_EIN_PREFIXES = word_tuple(
    "01 02 03 04 05 06 10 11 12 13 14 15 16 20 21 22 23 24 25 26 27 30 31 32 33 34 35 36 37 38 39 40 41 "
    "42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 71 72 73 74 75 76 77 "
    "80 81 82 83 84 85 86 87 88 90 91 92 93 94 95 98 99"
)
_ITIN_GROUPS = (*range(70, 89), 90, 91, 92, 94, 95, 96, 97, 98, 99)


def _ein(rng: random.Random) -> str:
    return f"{pick(rng, _EIN_PREFIXES)}-{random_chars(rng, DIGITS, 7)}"


def _itin(rng: random.Random) -> str:
    return f"9{random_chars(rng, DIGITS, 2)}-{pick(rng, _ITIN_GROUPS)}-{random_chars(rng, DIGITS, 4)}"


#: Per country: the random head of a VAT number (after the prefix) and the tails to try after it.
_VAT_HEADS: dict[str, Callable[[random.Random], str]] = {
    "DE": lambda rng: str(rng.randint(1, 9)) + random_chars(rng, DIGITS, 7),
    "FR": lambda rng: str(rng.randint(1, 9)) + random_chars(rng, DIGITS, 7),
    "ES": lambda rng: pick(rng, "ABBBGH") + random_chars(rng, DIGITS, 7),
    "IT": lambda rng: random_chars(rng, DIGITS, 7) + f"{rng.randint(1, 99):03d}",
    "NL": lambda rng: str(rng.randint(1, 9)) + random_chars(rng, DIGITS, 7),
    "GB": lambda rng: str(rng.randint(1, 9)) + random_chars(rng, DIGITS, 6),
    "IE": lambda rng: str(rng.randint(1, 9)) + random_chars(rng, DIGITS, 6),
    "BE": lambda rng: "0" + str(rng.randint(2, 9)) + random_chars(rng, DIGITS, 6),
    "AT": lambda rng: "U" + random_chars(rng, DIGITS, 7),
}
_VAT_TAILS: dict[str, tuple[str, ...]] = {
    "GB": tuple(f"{i:02d}" for i in range(100)),
    "BE": tuple(f"{i:02d}" for i in range(100)),
    "IE": tuple(UPPER[:23]),
    "ES": tuple(DIGITS + "ABCDEFGHIJ"),
}


def _vat(rng: random.Random, country: str) -> str:
    while True:
        head = _VAT_HEADS[country](rng)
        if country == "FR":  # SIREN (Luhn) and its two-digit key
            siren = head + luhn_digit(head)
            number = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
        elif country == "NL":  # the BSN/RSIN elfproef, then ``B`` and a two-digit suffix
            suffix = f"B0{rng.randint(1, 3)}"
            number = next((f"NL{head}{d}{suffix}" for d in DIGITS if nl_bsn.is_valid(head + d)), "")
        else:
            tails = _VAT_TAILS.get(country, tuple(DIGITS))
            valid = gb_vat.is_valid if country == "GB" else eu_vat.is_valid
            number = next((country + head + t for t in tails if valid(country + head + t)), "")
        if number:
            return number


_VAT_HOME = {"en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL"}
_VAT_COUNTRIES = ("DE", "FR", "ES", "IT", "NL", "GB", "IE", "BE", "AT")


def _styled_vat(rng: random.Random, number: str) -> str:
    style = weighted(rng, (("compact", 75), ("space", 20), ("grouped", 5)))
    if style == "space":
        return f"{number[:2]} {number[2:]}"
    if style == "grouped" and number.startswith("GB"):
        return f"GB {grouped(number[2:], (3, 4, 2), ' ')}"
    return number


def _sample_tax_id(faker: Faker, rng: random.Random, locale: str) -> str:
    if locale == "en_US" and rng.random() < 0.8:
        return _ein(rng) if rng.random() < 0.75 else _itin(rng)
    home = _VAT_HOME.get(locale)
    country = home if home and rng.random() < 0.75 else pick(rng, _VAT_COUNTRIES)
    return _styled_vat(rng, _vat(rng, country))


# --------------------------------------------------------------------------- records

CRYPTO_WALLET = EntityGenerator(
    entity_type="CRYPTO_WALLET",
    sample=clean(_sample_wallet),
    contexts=contexts("CRYPTO_WALLET"),
    description="A cryptocurrency address: Bitcoin (base58check or bech32/bech32m) or EIP-55 Ethereum.",
    shape=crypto_wallet_shape,
    field_names=word_tuple("wallet wallet_address btc_address eth_address crypto_address bitcoin_address"),
    cues=("wallet", "btc", "bitcoin", "eth", "ethereum", "crypto", "portefeuille", "monedero", "cartera"),
    # checksums decide (base58check, bech32/bech32m, EIP-55); an all-lower or all-upper ``0x`` +
    # 40 hex address carries no checksum and is taken only shortly after a cue (``wallet``, ``eth``)
    rule=RuleDetector(find_crypto_wallets, verified=True),
)

TAX_ID = EntityGenerator(
    entity_type="TAX_ID",
    sample=clean(_sample_tax_id),
    contexts=contexts("TAX_ID"),
    description="A tax identifier: a US EIN or ITIN, or a checksum-valid EU/UK VAT number.",
    shape=tax_id_shape,
    field_names=word_tuple("vat vat_number vat_id vat_no ein itin tin tax_number ust_idnr tva partita_iva btw"),
    cues=("vat", "ein", "itin", "tax id", "ust-idnr", "umsatzsteuer", "tva", "iva", "btw", "nif"),
    # EU/UK VAT numbers with their prefix and checksum; EINs (a valid campus prefix) and ITINs only
    # after a cue (``EIN``, ``tax id``): a cue and a strict format, since an EIN has no check digit
    rule=RuleDetector(find_tax_ids, verified=True),
)
