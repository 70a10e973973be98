"""Deterministic detectors: the safety net under the model.

Each detector finds one entity type with a well-kept library or a strict pattern
and, where a checksum exists, only reports values that pass it. They never leave
a checksum-valid card number or IBAN, an e-mail address or an IP address
unmasked, whatever the model did.

Merge policy (:func:`merge_spans`): model and rule spans are combined; where they
overlap, the merged span covers both (a value half-masked is a leak) and takes the
rule's entity type when the rule is checksum- or syntax-verified (EMAIL_ADDRESS,
IP_ADDRESS, CREDIT_CARD, IBAN_CODE), else the longer span's type (the model's on a tie).
US_SSN and PHONE_NUMBER rules count as unverified here: the SSN check is a range check that
many other 9-digit identifiers pass, so a model span of the same extent keeps its type.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from piilora.types import Span

__all__ = ["DEFAULT_RULES", "RULE_DETECTORS", "RuleDetector", "detect_rules", "merge_spans"]


@dataclass(frozen=True)
class RuleDetector:
    """Finds ``entity_type`` spans in a text; ``verified`` = checksum/syntax-checked."""

    entity_type: str
    find: Callable[[str], Iterable[tuple[int, int]]]
    verified: bool = True


_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)
_IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6_RE = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?:%[\w]+)?(?![\w:])")
_CARD_RE = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])")
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
_SSN_RE = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")


def _emails(text: str) -> Iterable[tuple[int, int]]:
    for m in _EMAIL_RE.finditer(text):
        local = m.group(0).split("@", 1)[0]
        if ".." not in local:
            yield m.span()


_VERSION_BEFORE_RE = re.compile(r"(?:\bv|version|ver\.?|release|build)\s*$", re.IGNORECASE)


def _ips(text: str) -> Iterable[tuple[int, int]]:
    for m in _IPV4_RE.finditer(text):
        if _VERSION_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "version 1.2.3.4" is a version number, not an address
        try:
            ipaddress.IPv4Address(m.group(0))
        except ValueError:
            continue
        yield m.span()
    for m in _IPV6_RE.finditer(text):
        value = m.group(0)
        try:
            ipaddress.IPv6Address(value.split("%", 1)[0])
        except ValueError:
            continue
        if value.count(":") >= 2 and any(c.isalnum() for c in value):
            yield m.span()


def _cards(text: str) -> Iterable[tuple[int, int]]:
    from stdnum import luhn

    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn.is_valid(digits):
            yield m.span()


def _ibans(text: str) -> Iterable[tuple[int, int]]:
    from stdnum import iban

    for m in _IBAN_RE.finditer(text):
        value = m.group(0)
        # the greedy tail may swallow a following word: shrink until valid
        for end in range(len(value), 14, -1):
            if iban.is_valid(value[:end]):
                yield m.start(), m.start() + len(value[:end].rstrip(" -"))
                break


def _ssns(text: str) -> Iterable[tuple[int, int]]:
    from stdnum.us import ssn

    for m in _SSN_RE.finditer(text):
        if ssn.is_valid(m.group(0)):
            yield m.span()


_PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL")


def _phones(text: str) -> Iterable[tuple[int, int]]:
    import phonenumbers

    seen: set[tuple[int, int]] = set()
    for region in _PHONE_REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            span = (match.start, match.end)
            if span not in seen:
                seen.add(span)
                yield span


RULE_DETECTORS: dict[str, RuleDetector] = {
    d.entity_type: d
    for d in (
        RuleDetector("EMAIL_ADDRESS", _emails),
        RuleDetector("IP_ADDRESS", _ips),
        RuleDetector("CREDIT_CARD", _cards),
        RuleDetector("IBAN_CODE", _ibans),
        RuleDetector("US_SSN", _ssns, verified=False),  # a range check only: many 9-digit ids pass it
        RuleDetector("PHONE_NUMBER", _phones, verified=False),
    )
}
#: Rules on by default (all of them); switch one off per type with ``rules={"PHONE_NUMBER": False}``.
DEFAULT_RULES: tuple[str, ...] = tuple(RULE_DETECTORS)


def detect_rules(text: str, types: Sequence[str] = DEFAULT_RULES) -> list[Span]:
    """Non-overlapping rule spans (``source="rule"``), sorted by start."""
    found: list[Span] = []
    for etype in types:
        for start, end in RULE_DETECTORS[etype].find(text):
            found.append(Span(start, end, etype, score=1.0, source="rule"))
    return merge_spans([], found)


def _priority(span: Span) -> tuple[int, int]:
    detector = RULE_DETECTORS.get(span.entity_type)
    verified = span.source == "rule" and detector is not None and detector.verified
    return (1 if verified else 0, len(span))


def merge_spans(model: Sequence[Span], rules: Sequence[Span]) -> list[Span]:
    """Union of overlapping spans (see the module docstring for which type wins)."""
    spans = sorted([*model, *rules], key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            prev = merged[-1]
            winner = max(prev, span, key=_priority)
            source = prev.source if prev.source == span.source else "model+rule"
            merged[-1] = Span(
                min(prev.start, span.start),
                max(prev.end, span.end),
                winner.entity_type,
                score=max(prev.score, span.score),
                source=source,
            )
        else:
            merged.append(span)
    return merged


def rule_types(rules: bool | Mapping[str, bool] | Sequence[str] | None) -> tuple[str, ...]:
    """Normalise a ``rules=`` argument: True/None = all, False = none, a mapping switches types."""
    if rules is None or rules is True:
        return DEFAULT_RULES
    if rules is False:
        return ()
    named = tuple(rules)
    unknown = sorted(set(named) - set(RULE_DETECTORS))
    if unknown:
        from piilora.errors import ConfigError

        raise ConfigError(f"no rule detector for {', '.join(unknown)}; known: {', '.join(RULE_DETECTORS)}")
    if isinstance(rules, Mapping):
        return tuple(t for t in DEFAULT_RULES if rules.get(t, True))
    return named
