"""Rule detectors: finders for values a checksum or a format decides, the safety net under the model.

Each finder here finds one kind of value with a well-kept library or a strict pattern and,
where a checksum exists, only reports values that pass it. They never leave a checksum-valid
card number or IBAN, an e-mail address or an IP address unmasked, whatever the model did.
An entity type uses one through its record's ``rule`` (:class:`piilora.entities.base.RuleDetector`):
the built-in records in :mod:`piilora.entities.builtin` name the finders below, and a plugin
type brings its own (``RuleDetector(find=...)`` or ``RuleDetector.cued(...)``, which builds a
:func:`cued_finder`). How rule spans meet the model's is :mod:`piilora.safety.merge`.

Unverified finders add what the model missed and never cut a model span: US SSNs (a range
check that many 9-digit identifiers pass), phone numbers (a pattern), birth dates (any full
date at least :data:`BIRTH_DATE_MIN_AGE` years old) and values of a type's form shortly after
one of its cue words (passports, driver's licences).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from piilora.safety.parsers import VERSION_BEFORE_RE, amount, find_ips, glued, valid_date
from piilora.safety.shapes import phone_shape
from piilora.types import Span

if TYPE_CHECKING:
    from piilora.entities.base import RuleDetector

__all__ = [
    "BIRTH_DATE_MIN_AGE",
    "Finder",
    "cued_finder",
    "detect_rules",
    "find_ages",
    "find_birth_dates",
    "find_cards",
    "find_emails",
    "find_ibans",
    "find_ips",
    "find_phones",
    "find_secrets",
    "find_ssns",
]

#: ``find(text) -> (start, end) pairs``: where a rule detector's values stand in ``text``.
Finder = Callable[[str], Iterable[tuple[int, int]]]


#: ``%40`` is an ``@`` URL-encoded, as a query string carries it (``?email=nina%40example.org``).
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?"
    r"(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)
_CARD_RE = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])")
# any case: people type ``nl77 rabo 0123 4567 89`` too (checked upper-cased, so the checksum decides)
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")
_SSN_RE = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")


def find_emails(text: str) -> Iterable[tuple[int, int]]:
    for m in _EMAIL_RE.finditer(text):
        local = re.split("@|%40", m.group(0), maxsplit=1)[0]
        if ".." not in local:
            yield m.span()


#: A number sign before a number: ``No. 16-9298``, ``Nr. 4711``, ``#626719`` name a case or a ticket.
_NUMBER_SIGN_RE = re.compile(r"(?:\bNo\.?|\bNr\.?|N°|#)[ \t]*\Z")  # on the same line (``$`` also matches before a "\n")
_PHONE_WORD_RE = re.compile(r"(?i)(?:phone|tel|mobile|cell|fax|handy|telefon|téléphone|teléfono|telefono)\.?\s*$")
#: A date with a four-digit year at the start of a match (``01.05.2026 11``): phone numbers do not
#: start with one (``07-58-37 38632494``, with two, is an account: not ``shapes._DATE_RE``).
_DATE_START_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{4}\b|\d{4}([./-])\d{1,2}\2\d{1,2}\b")


def find_cards(text: str) -> Iterable[tuple[int, int]]:
    from stdnum import luhn

    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if digits[0] == "0" or any(len(group) < 3 for group in re.split(r"[ -]", m.group(0))):
            continue  # no card number starts with 0 or is written in groups of 1-2 digits (a phone, an id)
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn.is_valid(digits):
            yield m.span()


def find_ibans(text: str) -> Iterable[tuple[int, int]]:
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


def find_ssns(text: str) -> Iterable[tuple[int, int]]:
    from stdnum.us import ssn

    for m in _SSN_RE.finditer(text):
        if ssn.is_valid(m.group(0)) and not glued(text, *m.span()):
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


def find_secrets(text: str) -> Iterable[tuple[int, int]]:
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


def find_birth_dates(text: str, today: datetime.date | None = None) -> Iterable[tuple[int, int]]:
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
        if valid_date(y, month, d) and y <= this_year - BIRTH_DATE_MIN_AGE:
            found.append(m.span())
    for m in numeric.finditer(text):
        if VERSION_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if m.group("y2"):
            y, first, second = int(m.group("y2")), int(m.group("b2")), int(m.group("a2"))
            ok = valid_date(y, first, second)
        else:
            y = _full_year(m.group("y"), this_year)
            a, b = int(m.group("a")), int(m.group("b"))
            sep, short = m.group("s"), len(m.group("y")) == 2
            if short and (sep == "-" or (sep == "." and len(m.group("a") + m.group("b")) < 4)):
                continue  # 12-34-56 is a sort code, 4.3.11 a version; 24.07.90 and 1/7/52 are dates
            ok = valid_date(y, b, a) or (sep != "." and valid_date(y, a, b))  # dots: day first
        if ok and y <= this_year - BIRTH_DATE_MIN_AGE and not any(s < m.end() and m.start() < e for s, e in found):
            found.append(m.span())
    return sorted(found)


#: An age's unit after its number, in the seven default locales' languages (``47-year-old``,
#: ``47 y/o``, ``47 Jahre alt``, ``47 ans``): with a cue before the number any of them may follow.
_AGE_UNIT = (
    r"(?:[- ]?(?:years?|yrs?)(?:[- ]old)?|[- ]?y/?o\b\.?|[- ]?y\.o\.|[- ]jährige?[mnrs]?|\s+jahre(?:\s+alt)?"
    r"|\s+ans|\s+años(?:\s+de\s+edad)?|\s+anni(?:\s+di\s+età)?|\s+jaar(?:\s+oud)?|[- ]jarige?)"
)
#: A unit that says "age" by itself, no cue needed (``47 years`` alone may be a duration).
_AGE_OWN_UNIT = (
    r"(?:[- ](?:years?|yrs?)[- ]old|[- ]?y/o\b|[- ]?y\.o\.|[- ]?yo\b|[- ]jährige?[mnrs]?|\s+jahre\s+alt"
    r"|\s+años\s+de\s+edad|\s+anni\s+di\s+età|\s+jaar\s+oud|[- ]jarige?)"
)
#: Words before a number that make it an age (``aged 93``, ``age: 47``, ``il a 47 ans``).
_AGE_CUE = (
    r"(?:\baged?|\bage\s+of|\balter(?=\s*[:=])|\bim\s+alter\s+von|\bâgée?s?(?:\s+de)?|\bâge|\bedad(?:\s+de)?"
    r"|\betà(?:\s+di)?|\bleeftijd(?:\s+van)?|(?<!\by\s)\ba(?=\s+\d{1,3}\s+ans\b)|\btiene(?=\s+\d{1,3}\s+años\b)"
    r"|\bha(?=\s+\d{1,3}\s+anni\b)|\bis(?=\s+\d{1,3}\s+(?:jaar|years)\b))"
)
#: Things a "30-year-old" is as well as a person: a building, a bottle, a loan...
_AGE_THING_RE = re.compile(
    r"\s+(?:building|house|home|car|tree|bridge|company|firm|tradition|record|bottle|whisk(?:e)?y|scotch|wine|"
    r"vintage|mortgage|loan|bond|software|system|machine|plant|ship|recipe|brand|dispute|law|mystery)\b",
    re.IGNORECASE,
)
_AGE_RE = re.compile(
    rf"(?i:(?<![-_.])(?P<cue>{_AGE_CUE})\s*[:=]?\s*(?P<a>\d{{1,3}})(?P<au>{_AGE_UNIT})?"
    rf"|(?<![\w.,:/$€£#-])(?P<b>\d{{1,3}})(?P<bu>{_AGE_OWN_UNIT}))"
    r"(?![\w-]|[.,:/]\d|\s*(?:%|months?|weeks?|days?|hours?|min|s\b|sec|ms\b|€|\$|£))"
)


def find_ages(text: str) -> Iterable[tuple[int, int]]:
    """A person's age, 0-120: a number with an age's unit (``47-year-old``, ``47 y/o``, ``47 Jahre
    alt``, ``47 años de edad``) or after an age cue (``aged 93``, ``age: 47``, ``il a 47 ans``,
    ``Alter: 47``), the unit included. Not a ``47-year mortgage``, ``47 years`` alone (a duration),
    a price, a time or a share (``age 4%``), nor a ``30-year-old building``."""
    for m in _AGE_RE.finditer(text):
        number = m.group("a") or m.group("b")
        if int(number) > 120:
            continue
        if _AGE_THING_RE.match(text, m.end()):
            continue
        start = m.start("a") if m.group("a") else m.start("b")
        yield start, m.end()


#: Up to 25 characters of punctuation and short lowercase words between a cue and its value
#: ("passport no.: ", "passport copy (", "license # ").
_CUE_GAP = r"(?:[\s:#=(\[.,'\"-]|\b[a-z]{1,8}\b){0,12}?"


@functools.cache
def _cue_re(cue: str, value: str) -> re.Pattern[str]:
    return re.compile(rf"(?:(?i:{cue}))(?P<gap>{_CUE_GAP})(?<![\w-])(?P<v>{value})(?![\w-])")


def cued_finder(value: str, cue: str, gap: int = 25) -> Finder:
    """A finder of values matching the regex ``value`` (whole words) at most ``gap`` characters
    of punctuation and short lowercase words after a match of the regex ``cue`` (any case):
    ``passport no.: X1234567``, ``badge # E-123456``."""
    pattern = _cue_re(cue, value)

    def find(text: str) -> Iterable[tuple[int, int]]:
        for m in pattern.finditer(text):
            if len(m.group("gap")) <= gap:
                yield m.span("v")

    return find


_COLUMN_GAP_RE = re.compile(r"[ \t]{2,}|\t")
_COLUMN_RE = re.compile(r"(?:(?![ \t]{2,}|\t).)+", re.S)


def find_phones(text: str) -> Iterable[tuple[int, int]]:
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
            if span in seen or glued(text, *span) or amount(text, *span):
                continue
            if not phone_shape(text[span[0] : span[1]]):  # a date such as 03.05.2026
                continue
            sign = _NUMBER_SIGN_RE.search(text, 0, span[0])
            if (sign and not _PHONE_WORD_RE.search(text, 0, sign.start())) or _DATE_START_RE.match(text, span[0]):
                continue  # ``case No. 16-9298`` (``Tel. No. 030 1234567`` stays); ``01.05.2026 11`` of ``... 11:30``
            seen.add(span)
            yield span


def detect_rules(text: str, detectors: Mapping[str, RuleDetector]) -> list[Span]:
    """Non-overlapping rule spans (``source="rule"``) of ``detectors`` (entity type -> its rule
    detector), sorted by start; overlapping matches are united (a verified rule's type wins,
    else the longer match's, else the first detector's)."""
    from piilora.safety.merge import unite

    found: list[Span] = []
    for etype, detector in detectors.items():
        for start, end in detector.find(text):
            found.append(Span(start, end, etype, score=1.0, source="rule"))
    return unite(found, {t for t, d in detectors.items() if d.verified})
