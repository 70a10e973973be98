"""Value parsers shared by the safety net's rules and shapes: digit counts, word lists, dates,
IP addresses, and whether a match is glued to a longer identifier or continues an amount."""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Iterable

__all__ = [
    "VERSION_BEFORE_RE",
    "amount",
    "digit_count",
    "find_ips",
    "glued",
    "valid_date",
    "word_tuple",
]


def word_tuple(words: str) -> tuple[str, ...]:
    """``"a b c"`` -> ``("a", "b", "c")``: long word lists written as one string."""
    return tuple(words.split())


def digit_count(value: str) -> int:
    return sum(c.isdigit() for c in value)


IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
IPV6_RE = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?:%[\w]+)?(?![\w:])")
VERSION_BEFORE_RE = re.compile(r"(?:\bv|version|ver\.?|release|build)\s*$", re.IGNORECASE)
#: A subscript: ``data[::2]``, ``a[1::3]``, ``grid[:, ::2]`` (Python/NumPy slicing looks like ``::2``).
_SLICE_RE = re.compile(r"\d{0,4}::\d{0,4}")  # ``::2``, ``1::2``: numbers only, not ``fe80::1``
_SUBSCRIPT_BEFORE_RE = re.compile(r"[\w\])'\"][ \t]*\[[^\[\]\n]{0,20}$")


def _slice(text: str, start: int, end: int) -> bool:
    """``::2`` or ``1::2`` inside brackets after a name: a slice, not an address (``[::1]`` alone,
    the loopback in a URL's host, stays one)."""
    return bool(_SUBSCRIPT_BEFORE_RE.search(text[max(0, start - 40) : start])) and "]" in text[end : end + 20]


def find_ips(text: str) -> Iterable[tuple[int, int]]:
    for m in IPV4_RE.finditer(text):
        if VERSION_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "version 1.2.3.4" is a version number, not an address
        try:
            ipaddress.IPv4Address(m.group(0))
        except ValueError:
            continue
        yield m.span()
    for m in IPV6_RE.finditer(text):
        value = m.group(0).rstrip(".")  # "Ban fe80::1." ends a sentence
        try:
            ipaddress.IPv6Address(value.split("%", 1)[0])
        except ValueError:
            continue
        if value.count(":") >= 2 and any(c.isalnum() for c in value):
            if _SLICE_RE.fullmatch(value) and _slice(text, m.start(), m.start() + len(value)):
                continue
            yield m.start(), m.start() + len(value)


def valid_date(y: int, month: int, d: int) -> bool:
    try:
        datetime.date(y, month, d)
    except ValueError:
        return False
    return True


def glued(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a longer identifier (``ORD-2024-252880``,
    ``build_20240512``): an alphanumeric, or a joiner followed by one, on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return True
    joined_before = before in "-_/" and start > 1 and text[start - 2].isalnum()
    joined_after = after in "-_" and end + 1 < len(text) and text[end + 1].isalnum()
    return joined_before or joined_after


def amount(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is digit groups joined by ``,``/``.`` that continue a
    number: ``140.50`` inside ``4,140.50``."""
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text[start:end]):
        return False
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (len(before) == 2 and before[0].isdigit() and before[1] in ",.") or (
        len(after) == 2 and after[0] in ",." and after[1].isdigit()
    )
