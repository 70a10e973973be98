"""Check digits and checksums of the identifiers the safety net verifies: IMEI (Luhn), VIN
(ISO 3779 / North-American check digit), Bitcoin base58check and bech32/bech32m (BIP-173/350),
Ethereum EIP-55 (Keccak-256, written out here: :func:`hashlib.sha3_256` is the later FIPS-202
padding, not Keccak), the UK NHS number (mod 11), the US Medicare MBI (a character-class
pattern) and the German KVNR (a Luhn-like check digit)."""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "IMEI_REPORTING_BODIES",
    "MBI_RE",
    "base58check_encode",
    "base58check_valid",
    "bech32_encode",
    "bech32_valid",
    "eip55_address",
    "eip55_valid",
    "imei_valid",
    "keccak256",
    "kvnr_check_digit",
    "kvnr_valid",
    "luhn_digit",
    "nhs_check_digit",
    "nhs_valid",
    "vin_check_digit",
    "vin_valid",
]


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to the digits ``body``."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str(-total % 10)


#: GSMA reporting-body identifiers: the first two digits of an IMEI's type allocation code.
IMEI_REPORTING_BODIES = frozenset(
    ("01", "30", "33", "35", "44", "45", "49", "50", "51", "52", "53", "54", "86", "91", "98", "99")
)


def imei_valid(value: str) -> bool:
    """15 digits (separators ignored), a reporting-body prefix and a valid Luhn digit."""
    digits = re.sub(r"[\s-]", "", value)
    return (
        len(digits) == 15
        and digits.isdigit()
        and digits[:2] in IMEI_REPORTING_BODIES
        and luhn_digit(digits[:14]) == digits[14]
    )


_VIN_VALUES = dict(
    zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9))
)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin: str) -> str:
    """The check character (position 9) of the 17-character ``vin`` (``0``-``9`` or ``X``)."""
    total = sum((int(c) if c.isdigit() else _VIN_VALUES[c]) * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    return "X" if total % 11 == 10 else str(total % 11)


def vin_valid(vin: str) -> bool:
    v = vin.upper()
    return bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v)) and v[8] == vin_check_digit(v)


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check_valid(value: str, versions: bytes = b"\x00\x05") -> bool:
    """A base58check string of 25 bytes whose version byte is in ``versions`` (P2PKH, P2SH)."""
    if not value or any(c not in _B58 for c in value):
        return False
    n = 0
    for c in value:
        n = n * 58 + _B58.index(c)
    pad = len(value) - len(value.lstrip("1"))
    raw = b"\x00" * pad + (n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b"")
    if len(raw) != 25 or raw[0] not in versions:
        return False
    return hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _convert(data: bytes, to_bits: int = 5) -> list[int]:
    acc, bits, out = 0, 0, []
    for b in data:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & 31)
    if bits:
        out.append((acc << (to_bits - bits)) & 31)
    return out


def bech32_encode(program: bytes, version: int, hrp: str = "bc") -> str:
    """The segwit address of ``program`` (bech32 for version 0, bech32m above)."""
    values = [version, *_convert(program)]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = 1 if version == 0 else 0x2BC830A3
    mod = _polymod([*expanded, *values, 0, 0, 0, 0, 0, 0]) ^ const
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[v] for v in values + checksum)


def base58check_encode(payload: bytes) -> str:
    """``payload`` (version byte + hash) with its double-SHA256 checksum, in base58."""
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\x00"))) + out


def bech32_valid(value: str, hrp: str = "bc") -> bool:
    """A segwit address (BIP-173 bech32 for witness v0, BIP-350 bech32m for v1+), one case."""
    if value.lower() != value and value.upper() != value:
        return False
    v = value.lower()
    head, sep, data = v.rpartition("1")
    if head != hrp or not sep or len(data) < 7 or any(c not in _BECH32 for c in data) or len(v) > 90:
        return False
    values = [_BECH32.index(c) for c in data]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = _polymod(expanded + values)
    version = values[0]
    if version > 16 or const != (1 if version == 0 else 0x2BC830A3):
        return False
    bits = len(values[1:-6]) * 5 // 8  # program bytes
    return (version != 0 or bits in (20, 32)) and 2 <= bits <= 40


_RC = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B,
    0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088,
    0x0000000080008009, 0x000000008000000A, 0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip
_ROT = (0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14)
_M64 = (1 << 64) - 1


def _rotl(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & _M64 if n else x


def _keccak_f(a: list[int]) -> None:
    for rc in _RC:
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rotl(c[(x + 1) % 5], 1) for x in range(5)]
        a[:] = [a[i] ^ d[i % 5] for i in range(25)]
        b = [0] * 25
        for x in range(5):
            for y in range(5):
                b[y + 5 * ((2 * x + 3 * y) % 5)] = _rotl(a[x + 5 * y], _ROT[x + 5 * y])
        a[:] = [b[i] ^ (~b[(i % 5 + 1) % 5 + 5 * (i // 5)] & b[(i % 5 + 2) % 5 + 5 * (i // 5)]) for i in range(25)]
        a[0] ^= rc


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (padding ``0x01``, not SHA-3's ``0x06``)."""
    rate = 136
    padded = bytearray(data) + b"\x01" + b"\x00" * (-(len(data) + 1) % rate)
    padded[-1] |= 0x80
    state = [0] * 25
    for off in range(0, len(padded), rate):
        block = padded[off : off + rate]
        for i in range(rate // 8):
            state[i] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        _keccak_f(state)
    return b"".join(state[i].to_bytes(8, "little") for i in range(4))


def eip55_address(hex40: str) -> str:
    """``0x`` + the 40 hex digits in their EIP-55 mixed-case checksum form."""
    low = hex40.lower()
    digest = keccak256(low.encode("ascii")).hex()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(h, 16) >= 8 else c for c, h in zip(low, digest[:40], strict=True)
    )


def eip55_valid(value: str) -> bool:
    """``0x`` + 40 hex digits written exactly in their EIP-55 checksum case. An all-lower-case
    address carries no checksum and fails (unless its checksum form has no letter to raise); an
    all-upper-case one passes only where its checksum form is all upper case (EIP-55's example
    ``0x52908400098527886E0F7030069857D2E4169EE7``)."""
    return bool(re.fullmatch(r"0x[0-9a-fA-F]{40}", value)) and eip55_address(value[2:]) == value


def nhs_check_digit(nine: str) -> str | None:
    """The NHS number's mod-11 check digit for its first nine digits (None: no valid number)."""
    check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
    return None if check == 10 else str(check % 11)


def nhs_valid(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value)
    return len(digits) == 10 and digits.isdigit() and nhs_check_digit(digits[:9]) == digits[9]


#: The Medicare Beneficiary Identifier: 11 characters by position (C A AN N A AN N A A N N),
#: letters without S L O I B Z, written compact or ``1EG4-TE5-MK73``.
_MBI_A = "AC-HJKMNP-RT-Y"
MBI_RE = re.compile(rf"[1-9][{_MBI_A}][{_MBI_A}0-9]\d-?[{_MBI_A}][{_MBI_A}0-9]\d-?[{_MBI_A}]{{2}}\d\d")


def kvnr_check_digit(letter: str, eight: str) -> str:
    """The German KVNR's check digit: the letter as 01-26, then the 8 digits, weights 1-2-1-2..., digit sums."""
    digits = f"{ord(letter.upper()) - 64:02d}" + eight
    total = 0
    for i, ch in enumerate(digits):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return str(total % 10)


def kvnr_valid(value: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\d{9}", value)) and kvnr_check_digit(value[0], value[1:9]) == value[9]
