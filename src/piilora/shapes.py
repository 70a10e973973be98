"""Shape checks: what a value of each entity type can look like, applied to the model's spans.

The model types a span by its context and sometimes gets the type plainly wrong: an
``[IP_ADDRESS]`` over a log timestamp, a ``[CREDIT_CARD]`` over a card's last four, a
``[PERSON]`` over a product called ``Trail Runner 3``, an ``[IBAN_CODE]`` over a
name. A *shape* is a cheap test a value of its type always passes (an IP address parses,
a card number has at least 12 digits, a name has no digits). The shapes here are
deliberately loose: every value the built-in generators produce passes its own type's
shape (a property test checks it), and so do the usual real-world forms. They bound a
value from below only: a span that holds *more* than one value (``1980-03-23,210-45-7903``
as one ``[US_SSN]``) has a wrong extent, not a wrong type, and stays masked.

:func:`check_shapes` applies them to model spans (rule spans are checked by their own
detectors), after :func:`piilora.detectors.merge_spans` has cut them around verified rule
matches, so the model's ``[IBAN_CODE]`` over ``Jane Roe DE44 5001 ...`` is judged on the
``Jane Roe`` left beside the verified IBAN. A span whose value fails its type's shape is

- re-typed to the first type of its fallbacks whose shape it passes (``IBAN_CODE``
  tries ``BANK_ACCOUNT``, then ``PERSON``; every other type tries ``PERSON``), so a name
  the model called ``[IBAN_CODE]`` stays masked, as ``[PERSON]``;
- dropped when no fallback fits and the value cannot identify anyone by itself: a date or
  a time (a log timestamp called ``[IP_ADDRESS]``), a number of fewer than 5 digits (a room
  ``4.16``, a card's last four), a product name with a model number, a lone acronym such as
  ``IBAN``. A value with 5 digits or more that fits no fallback keeps its span and type: a
  long number of the wrong form (``REQ5021352`` called ``[CREDIT_CARD]``) may still be PII
  of another type, so it stays masked.

Plugin types get a shape through ``EntityGenerator(shape=...)``; a type without one is
never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from piilora.types import Span

__all__ = ["BUILTIN_SHAPES", "FALLBACKS", "Shape", "check_shapes", "tidy_edges"]

#: ``shape(value) -> bool``: True when ``value`` can be of the type.
Shape = Callable[[str], bool]

_DATE_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2}")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?")
#: Fewer digits than this cannot identify anyone by themselves (a room, a card's last four).
_MIN_IDENTIFYING_DIGITS = 5
_ACRONYM_RE = re.compile(r"[A-Z]{1,4}")
_EMAIL_OBFUSCATED_RE = re.compile(r"[\[(]\s*at\s*[\])]|\s(?:at|AT)\s", re.IGNORECASE)
_IBAN_START_RE = re.compile(r"[A-Z]{2}\s?\d{2}")


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _alnum(value: str) -> int:
    return sum(c.isalnum() for c in value)


def _letters(value: str) -> bool:
    return any(c.isalpha() for c in value)


def _date_or_time(value: str) -> bool:
    """``2023-02-01``, ``01.02.2023``, ``18:47:06``, ``[2026/09/18 18:47:06]``, ``2024-01-01T10:00:00``."""
    parts = re.split(r"[ T]+", value.strip(" \t[]()<>\"'"))
    return bool(parts) and all(_DATE_RE.fullmatch(p) or _TIME_RE.fullmatch(p) for p in parts)


def _person(value: str) -> bool:
    v = value.strip()
    return _letters(v) and not _digits(v) and not _ACRONYM_RE.fullmatch(v)


def _email(value: str) -> bool:
    return "@" in value or "＠" in value or bool(_EMAIL_OBFUSCATED_RE.search(value))


def _phone(value: str) -> bool:
    return _digits(value) >= 6 and not _date_or_time(value)


def _card(value: str) -> bool:
    return _digits(value) >= 12


def _street_address(value: str) -> bool:
    return bool(re.search(r"[^\W\d_]{3,}", value))  # a street or place name, not just ``B-103``


def _iban(value: str) -> bool:
    return bool(_IBAN_START_RE.match(value.strip())) and _alnum(value) >= 15


def _ssn(value: str) -> bool:
    return _digits(value) >= 7


def _ip(value: str) -> bool:
    from piilora.detectors import RULE_DETECTORS

    return any(True for _ in RULE_DETECTORS["IP_ADDRESS"].find(value))


def _date_of_birth(value: str) -> bool:
    return _digits(value) >= 1


def _identifying_number(value: str) -> bool:
    """Bank accounts and national ids: digits enough to identify someone."""
    return _digits(value) >= _MIN_IDENTIFYING_DIGITS


def _passport(value: str) -> bool:
    return _alnum(value) >= 6


def _driver_license(value: str) -> bool:
    return _alnum(value) >= 5 and _digits(value) >= 1


#: The shapes of the built-in types that have one (free-form types such as USERNAME,
#: PASSWORD, SECRET and URL have none).
BUILTIN_SHAPES: dict[str, Shape] = {
    "PERSON": _person,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": _street_address,
    "CREDIT_CARD": _card,
    "IBAN_CODE": _iban,
    "US_SSN": _ssn,
    "IP_ADDRESS": _ip,
    "DATE_OF_BIRTH": _date_of_birth,
    "BANK_ACCOUNT": _identifying_number,
    "PASSPORT": _passport,
    "US_DRIVER_LICENSE": _driver_license,
    "NATIONAL_ID": _identifying_number,
}

#: Types tried, in order, for a value that fails its own type's shape; others try PERSON.
FALLBACKS: dict[str, tuple[str, ...]] = {"IBAN_CODE": ("BANK_ACCOUNT", "PERSON")}
_DEFAULT_FALLBACKS = ("PERSON",)


def check_shapes(text: str, spans: Iterable[Span], shapes: Mapping[str, Shape]) -> list[Span]:
    """``spans`` with each value that fails its type's shape re-typed or dropped (see the module
    docstring). Spans of types without a shape pass through unchanged."""
    out: list[Span] = []
    for span in spans:
        shape = shapes.get(span.entity_type)
        value = text[span.start : span.end]
        if shape is None or shape(value):
            out.append(span)
            continue
        for other in FALLBACKS.get(span.entity_type, _DEFAULT_FALLBACKS):
            if other != span.entity_type and other in shapes and shapes[other](value):
                out.append(replace(span, entity_type=other))
                break
        else:
            if _digits(value) >= _MIN_IDENTIFYING_DIGITS and not _date_or_time(value):
                out.append(span)  # a long number of the wrong form may be PII of another type
    return out


_CLOSERS = {'"': '"', "'": "'", "`": "`", "«": "»", "“": "”", "‘": "’"}
_URL_TRAILING = ".,;:!?"


def tidy_edges(text: str, spans: Iterable[Span]) -> list[Span]:
    """Model spans without a closing quote whose opening quote stands just before the span
    (``set_password("hunter2")`` masks ``hunter2``, not ``hunter2"``), and URLs without a
    sentence's final punctuation (``see https://x.org/a.`` masks ``https://x.org/a``)."""
    out: list[Span] = []
    for span in spans:
        start, end = span.start, span.end
        opener = text[start - 1] if start > 0 else ""
        closer = _CLOSERS.get(opener)
        if closer and end - start > 1 and text[end - 1] == closer and closer not in text[start : end - 1]:
            end -= 1
        url_stop = end - start > 1 and text[end - 1] in _URL_TRAILING and (end == len(text) or text[end].isspace())
        if span.entity_type == "URL" and url_stop:  # one sentence-final mark
            end -= 1
        out.append(span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end))
    return out
