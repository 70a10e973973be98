"""Deterministic detectors: the safety net under the model.

Each detector finds one entity type with a well-kept library or a strict pattern
and, where a checksum exists, only reports values that pass it. They never leave
a checksum-valid card number or IBAN, an e-mail address or an IP address
unmasked, whatever the model did.

Merge policy (:func:`merge_spans`), model spans with rule spans:

- A *verified* rule match (checksum or syntax: EMAIL_ADDRESS, IP_ADDRESS, CREDIT_CARD,
  IBAN_CODE, SECRET with a vendor prefix or a JWT's structure) is exact: it is kept with
  its extent and type. A model span that overlaps it is cut around it; what is left of
  the model span stays masked (with the model's type) when it still holds a letter or
  digit, trimmed of spaces and punctuation at its edges: a model span over
  ``(IBAN) DE44 ...`` becomes the verified ``DE44 ...`` and a model span over ``IBAN``.
  The cut never unmasks a letter or digit, it only separates the model's span from the
  verified value (a lone bracket or ``=`` is left as text).
- With ``shapes``, the model spans left after the cut are shape-checked
  (:mod:`piilora.shapes`): a value that cannot be of its type is re-typed, or dropped when
  no fallback type fits and it cannot identify anyone by itself (a date, a time, a
  number of fewer than 5 digits, a lone acronym).
- An *unverified* match adds a span where the model found nothing: US_SSN (a range check
  that many 9-digit identifiers pass), PHONE_NUMBER (a pattern), DATE_OF_BIRTH (any full
  date at least :data:`BIRTH_DATE_MIN_AGE` years old) and PASSPORT / US_DRIVER_LICENSE (a
  value of the type's form shortly after a cue word). Where it overlaps a model span, the
  model's span keeps its type and is only widened by the match's parts that hold a digit
  (a half-masked number is a leak; a widened bracket or label is not).
- Overlapping spans left after that are united; the type is the verified rule's, else
  the longer span's (the model's on a tie). PERSON spans one space apart become one name.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import functools
import ipaddress
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from piilora.shapes import BUILTIN_SHAPES, Shape, check_shapes
from piilora.types import Span

__all__ = [
    "DEFAULT_RULES",
    "RULE_DETECTORS",
    "RuleDetector",
    "detect_rules",
    "is_verified",
    "join_split_names",
    "merge_spans",
    "propagate_values",
]


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
# any case: people type ``nl77 rabo 0123 4567 89`` too (checked upper-cased, so the checksum decides)
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")
_SSN_RE = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")


def _emails(text: str) -> Iterable[tuple[int, int]]:
    for m in _EMAIL_RE.finditer(text):
        local = m.group(0).split("@", 1)[0]
        if ".." not in local:
            yield m.span()


#: A number sign before a number: ``No. 16-9298``, ``Nr. 4711``, ``#626719`` name a case or a ticket.
_NUMBER_SIGN_RE = re.compile(r"(?:\bNo\.?|\bNr\.?|N°|#)\s*$")
_PHONE_WORD_RE = re.compile(r"(?i)(?:phone|tel|mobile|cell|fax|handy|telefon|téléphone|teléfono|telefono)\.?\s*$")
#: A date with a four-digit year at the start of a match (``01.05.2026 11``): phone numbers do not
#: start with one (``07-58-37 38632494``, with two, is an account: not ``shapes._DATE_RE``).
_DATE_START_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{4}\b|\d{4}([./-])\d{1,2}\2\d{1,2}\b")
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
        value = m.group(0).rstrip(".")  # "Ban fe80::1." ends a sentence
        try:
            ipaddress.IPv6Address(value.split("%", 1)[0])
        except ValueError:
            continue
        if value.count(":") >= 2 and any(c.isalnum() for c in value):
            yield m.start(), m.start() + len(value)


def _cards(text: str) -> Iterable[tuple[int, int]]:
    from stdnum import luhn

    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if digits[0] == "0" or any(len(group) < 3 for group in re.split(r"[ -]", m.group(0))):
            continue  # no card number starts with 0 or is written in groups of 1-2 digits (a phone, an id)
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn.is_valid(digits):
            yield m.span()


def _ibans(text: str) -> Iterable[tuple[int, int]]:
    from stdnum import iban

    pos = 0
    while m := _IBAN_RE.search(text, pos):
        value = m.group(0)
        pos = m.start() + 1
        # the greedy tail may swallow the next words (even the next IBAN): shrink until valid
        for end in range(len(value), 14, -1):
            if iban.is_valid(value[:end].upper()):
                pos = m.start() + len(value[:end].rstrip(" -"))
                yield m.start(), pos
                break


def _ssns(text: str) -> Iterable[tuple[int, int]]:
    from stdnum.us import ssn

    for m in _SSN_RE.finditer(text):
        if ssn.is_valid(m.group(0)) and not _glued(text, *m.span()):
            yield m.span()


_PHONE_REGIONS = ("US", "GB", "DE", "FR", "ES", "IT", "NL")

#: Credentials with a vendor prefix or a fixed structure (the kind secret scanners such as
#: gitleaks look for). A random password or an unprefixed hex key is left to the model.
_SECRET_RE = re.compile(
    r"(?<![A-Za-z0-9_+/-])(?:"
    r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}"  # AWS access key id
    r"|gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{50,255}"  # GitHub
    r"|xox[abposr]-(?:[0-9]+-)+[A-Za-z0-9]{10,}"  # Slack
    r"|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,}"  # Stripe
    r"|sk-(?:proj-|svcacct-|admin-)?(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{20,}"  # OpenAI
    r"|AIza[0-9A-Za-z_-]{35}"  # Google API key
    r"|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}"  # SendGrid
    r"|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|npm_[A-Za-z0-9]{36}"  # GitLab, Hugging Face, npm
    r"|(?P<jwt>eyJ[A-Za-z0-9_-]{8,})\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"  # JWT (header checked)
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{16,}?-----END [A-Z ]*PRIVATE KEY-----"
    r")(?![A-Za-z0-9_+/=-])"
)


def _secrets(text: str) -> Iterable[tuple[int, int]]:
    for m in _SECRET_RE.finditer(text):
        header = m.group("jwt")
        if header:
            try:
                decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
            except (binascii.Error, ValueError):
                continue
            if not isinstance(decoded, dict) or "alg" not in decoded:
                continue
        yield m.span()


#: A full date (day, month and year) at least this many years before today is taken for a
#: birth date by the DATE_OF_BIRTH rule.
BIRTH_DATE_MIN_AGE = 15


@functools.lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    from piilora.months import MONTH_ABBR, MONTHS

    months: dict[str, int] = {}
    for table in (MONTHS, MONTH_ABBR):
        for names in table.values():
            for i, name in enumerate(names):
                months.setdefault(name.lower().rstrip("."), i + 1)
                if len(name) > 3:
                    months.setdefault(name[:3].lower(), i + 1)  # Sep, Sept, Dec, ...
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
    month = rf"(?P<m>{alt})\.?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    month2, day2, year2 = (p.replace("?P<", "?P<x") for p in (month, day, year))  # "March 3, 1970" order
    named = re.compile(
        rf"(?<![\w.-])(?:{day}(?:\s+de|\s*-)?\s*{month}(?:\s+de|\s*-|,)?\s*{year}"
        rf"|{month2}\s+{day2},?\s+{year2})"
        r"(?![\w-])",
        re.IGNORECASE,
    )
    numeric = re.compile(
        r"(?<![\w.:/^~-])(?:(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
        r"|(?P<y2>(?:1[89]|20)\d\d)(?P<s2>[-/])(?P<b2>\d{2})(?P=s2)(?P<a2>\d{2}))(?!(?!T\d)[\w/-]|[.:]\d)"
    )
    return named, numeric, months


def _full_year(y: str, this_year: int) -> int:
    if len(y) == 4:
        return int(y)
    return 2000 + int(y) if 2000 + int(y) <= this_year else 1900 + int(y)


def _birth_dates(text: str, today: datetime.date | None = None) -> Iterable[tuple[int, int]]:
    """Full dates at least :data:`BIRTH_DATE_MIN_AGE` years old: in personal text these are
    birth dates far more often than anything else (the reason HIPAA's Safe Harbor removes
    every date tied to a person). A partial date (``March 1985``, ``12/03``) is left alone."""
    named, numeric, months = _date_res()
    this_year = (today or datetime.date.today()).year
    found: list[tuple[int, int]] = []
    for m in named.finditer(text):
        d = int(m.group("d") or m.group("xd"))
        month = months[(m.group("m") or m.group("xm")).lower().rstrip(".")]
        y = int(m.group("y") or m.group("xy"))
        if _valid_date(y, month, d) and y <= this_year - BIRTH_DATE_MIN_AGE:
            found.append(m.span())
    for m in numeric.finditer(text):
        if _VERSION_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if m.group("y2"):
            y, first, second = int(m.group("y2")), int(m.group("b2")), int(m.group("a2"))
            ok = _valid_date(y, first, second)
        else:
            y = _full_year(m.group("y"), this_year)
            a, b = int(m.group("a")), int(m.group("b"))
            sep, short = m.group("s"), len(m.group("y")) == 2
            if short and (sep == "-" or (sep == "." and len(m.group("a") + m.group("b")) < 4)):
                continue  # 12-34-56 is a sort code, 4.3.11 a version; 24.07.90 and 1/7/52 are dates
            ok = _valid_date(y, b, a) or (sep != "." and _valid_date(y, a, b))  # dots: day first
        if ok and y <= this_year - BIRTH_DATE_MIN_AGE and not any(s < m.end() and m.start() < e for s, e in found):
            found.append(m.span())
    return sorted(found)


#: Cue words, after Presidio's context words for passports and driver's licences plus the
#: word in each built-in locale's language. A value of the type's form shortly after a cue
#: is masked (unverified: it only adds what the model missed).
_CUES: dict[str, str] = {
    "PASSPORT": r"passports?|passport\s*(?:no|nr|number|num)\.?|travel\s+doc(?:ument)?s?|reisepass|passeport"
    r"|pasaporte|passaporto|paspoort",
    "US_DRIVER_LICENSE": r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e\s*(?:no|number|#)|lic#|\bDL"
    r"|führerschein|permis\s+de\s+conduire|carnet\s+de\s+conducir|patente|rijbewijs",
}
#: Up to 25 characters of punctuation and short lowercase words between the cue and the
#: value ("passport no.: ", "passport copy (", "license # ").
_CUE_GAP = r"(?:[\s:#=(\[.,'\"-]|\b[a-z]{1,8}\b){0,12}?"
_CUE_VALUE = {
    "PASSPORT": r"(?=[A-Z]*\d)[A-Z0-9]{6,10}",
    "US_DRIVER_LICENSE": r"(?=(?:[A-Z-]*\d){2})[A-Z0-9][A-Z0-9-]{4,16}",
}


@functools.cache
def _cue_re(etype: str) -> re.Pattern[str]:
    cue = _CUES[etype]
    return re.compile(
        rf"(?:(?i:{cue}))(?P<gap>{_CUE_GAP})(?<![\w-])(?P<v>{_CUE_VALUE[etype]})(?![\w-])",
    )


def _cued(etype: str) -> Callable[[str], Iterable[tuple[int, int]]]:
    def find(text: str) -> Iterable[tuple[int, int]]:
        for m in _cue_re(etype).finditer(text):
            if len(m.group("gap")) <= 25:
                yield m.span("v")

    return find


def _valid_date(y: int, month: int, d: int) -> bool:
    try:
        datetime.date(y, month, d)
    except ValueError:
        return False
    return True


def _glued(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is part of a longer identifier (``ORD-2024-252880``,
    ``build_20240512``): an alphanumeric, or a joiner followed by one, on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return True
    joined_before = before in "-_/" and start > 1 and text[start - 2].isalnum()
    joined_after = after in "-_" and end + 1 < len(text) and text[end + 1].isalnum()
    return joined_before or joined_after


def _amount(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is digit groups joined by ``,``/``.`` that continue a
    number: ``140.50`` inside ``4,140.50``."""
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text[start:end]):
        return False
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    return (len(before) == 2 and before[0].isdigit() and before[1] in ",.") or (
        len(after) == 2 and after[0] in ",." and after[1].isdigit()
    )


_COLUMN_GAP_RE = re.compile(r"[ \t]{2,}|\t")
_COLUMN_RE = re.compile(r"(?:(?![ \t]{2,}|\t).)+", re.S)


def _phones(text: str) -> Iterable[tuple[int, int]]:
    import phonenumbers

    seen: set[tuple[int, int]] = set()
    # the matcher reads a run of digits and spaces as one candidate, so a number followed by
    # another across a column gap (``+44 20 7946 0958  4111 ...``) is lost: read the columns too
    pieces = [(0, text)]
    if _COLUMN_GAP_RE.search(text):
        pieces += [(m.start(), m.group()) for m in _COLUMN_RE.finditer(text) if m.end() - m.start() < len(text)]
    for region, (offset, piece) in ((r, p) for r in _PHONE_REGIONS for p in pieces):
        for match in phonenumbers.PhoneNumberMatcher(piece, region, leniency=phonenumbers.Leniency.VALID):
            span = (match.start + offset, match.end + offset)
            if span in seen or _glued(text, *span) or _amount(text, *span):
                continue
            if not BUILTIN_SHAPES["PHONE_NUMBER"](text[span[0] : span[1]]):  # a date such as 03.05.2026
                continue
            sign = _NUMBER_SIGN_RE.search(text, 0, span[0])
            if (sign and not _PHONE_WORD_RE.search(text, 0, sign.start())) or _DATE_START_RE.match(text, span[0]):
                continue  # ``case No. 16-9298`` (``Tel. No. 030 1234567`` stays); ``01.05.2026 11`` of ``... 11:30``
            seen.add(span)
            yield span


RULE_DETECTORS: dict[str, RuleDetector] = {
    d.entity_type: d
    for d in (
        RuleDetector("EMAIL_ADDRESS", _emails),
        RuleDetector("IP_ADDRESS", _ips),
        RuleDetector("CREDIT_CARD", _cards),
        RuleDetector("IBAN_CODE", _ibans),
        RuleDetector("SECRET", _secrets),  # vendor prefixes and JWTs: a syntax check
        RuleDetector("US_SSN", _ssns, verified=False),  # a range check only: many 9-digit ids pass it
        RuleDetector("PHONE_NUMBER", _phones, verified=False),
        # an old full date is masked as a birth date: privacy first (switch off per type)
        RuleDetector("DATE_OF_BIRTH", _birth_dates, verified=False),
        RuleDetector("PASSPORT", _cued("PASSPORT"), verified=False),
        RuleDetector("US_DRIVER_LICENSE", _cued("US_DRIVER_LICENSE"), verified=False),
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
    return _unite(found)


def _priority(span: Span) -> tuple[int, int]:
    return (1 if is_verified(span) else 0, len(span))


def is_verified(span: Span) -> bool:
    """True for a rule span of a checksum- or syntax-verified detector (kept exactly as found)."""
    detector = RULE_DETECTORS.get(span.entity_type)
    return span.source == "rule" and detector is not None and detector.verified


def _unite(spans: Iterable[Span]) -> list[Span]:
    """Union of overlapping spans; the type of the verified rule span, else the longer one."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
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


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without spaces and punctuation at its edges; None if nothing is left
    that holds a letter or digit."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None


_PARAMETER_RE = re.compile(r"[A-Za-z_][\w.-]*=[^\s&;]*")


def _next_parameter(text: str, after: int, piece: tuple[int, int]) -> bool:
    """True when ``piece``, left of a model span after the verified value that ends at
    ``after``, is the next query parameter (``key=sk_live_...&format=json``): not a value."""
    return text[after : piece[0]] in ("&", ";", "?") and bool(_PARAMETER_RE.fullmatch(text, piece[0], piece[1]))


def join_split_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans one space apart made one (``[PERSON] [PERSON]`` over ``Daniel Gerritsen``);
    spans a comma apart stay two (``Alice, Bob``)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev and prev.entity_type == span.entity_type == "PERSON" and text[prev.end : span.start] == " ":
            out[-1] = Span(prev.start, span.end, "PERSON", max(prev.score, span.score), prev.source)
        else:
            out.append(span)
    return out


def _has_digit(text: str, start: int, end: int) -> bool:
    return any(c.isdigit() for c in text[start:end])


def merge_spans(
    model: Sequence[Span],
    rules: Sequence[Span],
    text: str | None = None,
    shapes: Mapping[str, Shape] | None = None,
) -> list[Span]:
    """Model spans combined with rule spans (see the module docstring). ``text`` lets the
    policy look at the characters (trimming, digits); without it, overlaps are united.
    ``shapes``: the model's spans, once cut around verified matches, are shape-checked
    (:func:`piilora.shapes.check_shapes`) before unverified matches widen them."""
    verified = [r for r in rules if is_verified(r)]
    pattern = [r for r in rules if not is_verified(r)]
    kept: list[Span] = []
    for m in _unite(model):
        hits = sorted((v for v in verified if v.start < m.end and m.start < v.end), key=lambda v: v.start)
        if not hits or text is None:
            kept.append(m)
            continue
        cursor = m.start
        for a, b in [*((v.start, v.end) for v in hits), (m.end, m.end)]:
            piece = _trim(text, cursor, min(a, m.end))
            if piece is not None and not (cursor > m.start and _next_parameter(text, cursor, piece)):
                kept.append(Span(piece[0], piece[1], m.entity_type, m.score, m.source))
            cursor = max(cursor, b)
    if shapes and text is not None:
        kept = check_shapes(text, kept, shapes, pattern)
    for p in pattern:
        overlapping = [i for i, m in enumerate(kept) if m.start < p.end and p.start < m.end]
        if not overlapping:
            kept.append(p)
            continue
        if text is None:
            kept.append(p)  # united below
            continue
        overlapping.sort(key=lambda i: kept[i].start)
        first, last = kept[overlapping[0]], kept[overlapping[-1]]
        start = p.start if p.start < first.start and _has_digit(text, p.start, first.start) else first.start
        end = p.end if p.end > last.end and _has_digit(text, last.end, p.end) else last.end
        if any(_has_digit(text, kept[i].end, kept[j].start) for i, j in pairwise(overlapping)):
            # digits between two model spans inside one number: mask the number as one span
            whole = Span(start, end, first.entity_type, first.score, "model+rule")
            kept = [k for i, k in enumerate(kept) if i not in overlapping] + [whole]
            continue
        kept[overlapping[0]] = Span(start, first.end, first.entity_type, first.score, "model+rule")
        kept[overlapping[-1]] = Span(kept[overlapping[-1]].start, end, last.entity_type, last.score, "model+rule")
    united = _unite([*kept, *verified])
    return join_split_names(text, united) if text is not None else united


def propagate_values(text: str, spans: Sequence[Span], min_length: int = 4) -> list[Span]:
    """``spans`` plus every other whole-word occurrence of a masked value (at least
    ``min_length`` characters) that no span covers yet, with the value's type and source
    ``"propagated"``: a username the model masked in one chat line is masked in the others."""
    out = list(spans)
    for value, etype in {text[s.start : s.end]: s.entity_type for s in spans}.items():
        if len(value.strip()) < min_length:
            continue
        start = text.find(value)
        while start != -1:
            end = start + len(value)
            whole = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not any(o.start < end and start < o.end for o in out):
                out.append(Span(start, end, etype, score=0.5, source="propagated"))
            start = text.find(value, start + 1)
    return sorted(out, key=lambda s: s.start)


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
