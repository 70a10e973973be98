"""Finders for the identifiers of issue 23 (HIPAA / PCI / GDPR): device ids, vehicle ids, crypto
wallets, tax ids and health-insurance ids. Each reports only what a checksum decides, or a strict
format after a cue word (one rule per type, so each type's finder is either all verified or not:
these are verified; what neither a checksum nor a strict format decides is left to the model).

- DEVICE_ID: IMEIs (15 digits, a GSMA reporting-body prefix, Luhn; plain or ``49-015420-323751-8``)
  and MAC addresses (``3C:22:FB:7A:91:0E``, ``3c-22-fb-7a-91-0e``, ``3c22.fb7a.910e``).
- VEHICLE_ID: VINs whose 9th character is a digit or ``X`` and is the right check digit.
- CRYPTO_WALLET: base58check P2PKH/P2SH, bech32/bech32m, EIP-55 mixed-case Ethereum addresses; a
  one-case ``0x`` + 40 hex address only shortly after a cue (``wallet``, ``eth``, ...).
- TAX_ID: EU VAT numbers with their country prefix and a valid checksum (``stdnum.eu.vat``; GB by
  ``stdnum.gb.vat``), not inside an IBAN; US EIN (valid campus prefix) and ITIN only after a cue.
- HEALTH_INSURANCE_ID: Medicare MBIs (their strict character classes), NHS numbers (mod 11) and
  German KVNRs (check digit) after a cue, EHIC numbers (20 digits, ``80`` + country) after a cue.
- NATIONAL_ID: the ids whose check character decides them, anywhere: Italian codici fiscali
  (``RSSMRA85T10A562S``), Spanish DNIs and NIEs (``45028816-Z``, ``X3526718J``), French NIRs
  (``1 85 06 75 114 203 30``: 13 digits and a mod-97 key), and UK National Insurance numbers in
  HMRC's prefix and suffix letters (``QQ 12 34 56 C``: a strict format); German IdNrs and Dutch
  BSNs (one random number in ten or eleven passes their checks) are left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from piilora.safety.checksums import (
    MBI_RE,
    base58check_valid,
    bech32_valid,
    eip55_valid,
    imei_valid,
    kvnr_valid,
    nhs_valid,
    vin_valid,
)
from piilora.safety.rules import cued_finder, find_ibans

__all__ = [
    "find_crypto_wallets",
    "find_device_ids",
    "find_health_insurance_ids",
    "find_national_ids",
    "find_tax_ids",
    "find_vins",
]

_IMEI_RE = re.compile(r"(?<![\w-])(?:\d{15}|\d{2}-\d{6}-\d{6}-\d)(?![\w-])")
_MAC_RE = re.compile(
    r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?P<s>[:-])(?:[0-9A-Fa-f]{2}(?P=s)){4}[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)"
)


def find_device_ids(text: str) -> Iterable[tuple[int, int]]:
    found = [m.span() for m in _IMEI_RE.finditer(text) if imei_valid(m.group())]
    for m in _MAC_RE.finditer(text):
        value = m.group()
        if ":" in value or any(c.isalpha() for c in value):  # ``10-20-30-40-50-60`` may be anything
            found.append(m.span())
    return sorted(found)


_VIN_RE = re.compile(r"(?<![\w-])[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}(?![\w-])")


def find_vins(text: str) -> Iterable[tuple[int, int]]:
    for m in _VIN_RE.finditer(text):
        if sum(c.isalpha() for c in m.group()) >= 2 and vin_valid(m.group()):
            yield m.span()


_BASE58_RE = re.compile(r"(?<![\w])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![\w])")
_BECH32_RE = re.compile(r"(?<![\w])(?:bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87})(?![\w])")
_ETH_RE = re.compile(r"(?<![\w])0x[0-9a-fA-F]{40}(?![\w])")
_ETH_CUE = (
    r"\b(?:eth|ethereum|ether|wallet|metamask|erc-?20|usdt|usdc|crypto|payout|wallet-?adresse|portefeuille"
    r"|cartera|monedero|portafoglio)\b"
)
_ETH_ONE_CASE = cued_finder(r"0x(?:[0-9a-f]{40}|[0-9A-F]{40})", _ETH_CUE)


def find_crypto_wallets(text: str) -> Iterable[tuple[int, int]]:
    found = {m.span() for m in _BASE58_RE.finditer(text) if base58check_valid(m.group())}
    found |= {m.span() for m in _BECH32_RE.finditer(text) if bech32_valid(m.group())}
    found |= {m.span() for m in _ETH_RE.finditer(text) if eip55_valid(m.group())}
    found |= set(_ETH_ONE_CASE(text))
    return sorted(found)


_VAT_COUNTRIES = "AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI"
_VAT_RE = re.compile(rf"(?<![\w-])(?:{_VAT_COUNTRIES})[ -]?[0-9A-Z](?:[ .]?[0-9A-Z]){{7,13}}(?![\w-])")
_TOKEN_END_RE = re.compile(r"[ .](?=[0-9A-Z])")
_EIN_CUE = (
    r"\b(?:(?-i:EIN|FEIN|ITIN|TIN)|employer\s+id(?:entification)?(?:\s+(?:number|no\.?))?"
    r"|tax(?:payer)?\s+id(?:entification)?(?:\s+(?:number|no\.?))?|federal\s+tax\s+(?:id|number))"
)
_EIN_FINDER = cued_finder(r"\d{2}-\d{7}|9\d{2}-\d{2}-\d{4}|\d{9}", _EIN_CUE)


def _vat_valid(value: str) -> bool:
    from stdnum.eu import vat
    from stdnum.gb import vat as gb_vat

    compact = re.sub(r"[ .-]", "", value)
    if compact.startswith("GB"):
        return gb_vat.is_valid(compact)
    return vat.is_valid(compact)


def _us_tax_valid(value: str) -> bool:
    from stdnum.us import ein, itin

    return (value.startswith("9") and itin.is_valid(value)) or ein.is_valid(value)


def find_tax_ids(text: str) -> Iterable[tuple[int, int]]:
    ibans = list(find_ibans(text))
    found: list[tuple[int, int]] = []
    for m in _VAT_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in ibans):
            continue
        # a grouped value may run into the next word: try the ends of its groups, longest first
        value = m.group()
        ends = [len(value), *[g.start() for g in _TOKEN_END_RE.finditer(value)][::-1]]
        for end in ends:
            if end >= 10 and _vat_valid(value[:end]):
                found.append((m.start(), m.start() + end))
                break
    found += [(s, e) for s, e in _EIN_FINDER(text) if _us_tax_valid(text[s:e])]
    return sorted(set(found))


_MBI_FIND_RE = re.compile(rf"(?<![\w-])(?:{MBI_RE.pattern})(?![\w-])")
#: Words that announce a health-insurance number (NHS numbers, KVNRs and EHIC numbers are taken
#: only after one: ten bare digits are as often a US phone number).
_INSURANCE_CUE = (
    r"\b(?:nhs|chi\s+(?:no|number)|kvnr|(?:kranken)?versicherten-?(?:nummer|nr\.?)|krankenversicherungsnummer"
    r"|krankenkasse|health\s+(?:insurance|plan)|insurance\s+(?:id|no|number|card)|member\s*(?:id|no|number|#)"
    r"|medicare|medicaid|ehic|ghic|european\s+health\s+insurance\s+card|assurance\s+maladie|mutuelle|ceam"
    r"|tarjeta\s+sanitaria|tessera\s+(?:sanitaria|team)|polisnummer|zorgverzekera(?:ar|ring)|zorgpas)"
)
_NHS_FINDER = cued_finder(r"\d{3}[ -]?\d{3}[ -]?\d{4}", _INSURANCE_CUE)
_KVNR_FINDER = cued_finder(r"[A-Z]\d{9}", _INSURANCE_CUE)
_EHIC_FINDER = cued_finder(r"80\d{18}", _INSURANCE_CUE)


def find_health_insurance_ids(text: str) -> Iterable[tuple[int, int]]:
    found = {m.span() for m in _MBI_FIND_RE.finditer(text)}
    found |= {(s, e) for s, e in _NHS_FINDER(text) if nhs_valid(text[s:e])}
    found |= {(s, e) for s, e in _KVNR_FINDER(text) if kvnr_valid(text[s:e])}
    found |= set(_EHIC_FINDER(text))
    return sorted(found)


_CF_RE = re.compile(
    r"(?<![\w-])[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![\w-])"
)
_DNI_RE = re.compile(r"(?<![\w-])(?:[XYZ][ -]?\d{7}|\d{8})[ -]?[A-Z](?![\w-])")
_NIR_RE = re.compile(r"(?<![\w-])[12][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\w-])")
_NINO_RE = re.compile(
    r"(?<![\w-])(?!BG|GB|KN|NK|NT|TN|ZZ)[ABCEGHJ-PRSTW-Z][ABCEGHJ-NPRSTW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])"
)


def find_national_ids(text: str) -> Iterable[tuple[int, int]]:
    from stdnum.es import dni, nie
    from stdnum.fr import nir
    from stdnum.it import codicefiscale

    found = {m.span() for m in _CF_RE.finditer(text) if codicefiscale.is_valid(m.group())}
    for m in _DNI_RE.finditer(text):
        value = m.group().replace(" ", "").replace("-", "")
        if (nie if value[0] in "XYZ" else dni).is_valid(value):
            found.add(m.span())
    found |= {m.span() for m in _NIR_RE.finditer(text) if nir.is_valid(m.group().replace(".", " "))}
    found |= {m.span() for m in _NINO_RE.finditer(text)}
    return sorted(found)
