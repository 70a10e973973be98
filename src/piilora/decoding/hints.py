"""Hints: guesses of where PII starts and ends and of its type, read off the text alone.

They steer speculation only (which placeholder to propose, where the copy resumes after
it); a wrong guess costs the tokens proposed after it, never a different answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

__all__ = [
    "PATTERN_HINTS",
    "cued_values",
    "disjoint_spans",
    "guess_label",
    "guess_value_end",
    "next_word_end",
    "speculated_values",
]

#: rule types found by pattern only: a cue word's guess of the label overrides theirs
PATTERN_HINTS = frozenset({"PHONE_NUMBER", "US_SSN"})
_SHAPES = (
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}")),
    ("IBAN_CODE", re.compile(r"[A-Z]{2}\d{2}[ -]?[A-Z0-9]{4}")),
    ("IP_ADDRESS", re.compile(r"(\d{1,3}\.){3}\d{1,3}\b|[0-9a-fA-F]{1,4}:[0-9a-fA-F]{0,4}:")),
)
_NUMERIC = frozenset({"DATE_OF_BIRTH", "US_SSN", "US_DRIVER_LICENSE", "PASSPORT", "IBAN_CODE", "BANK_ACCOUNT",
                      "CREDIT_CARD", "PHONE_NUMBER", "IP_ADDRESS", "NATIONAL_ID"})  # fmt: skip
_TITLES = frozenset({"Mrs", "Sra", "Srta", "Dra", "Prof", "Mme", "Mlle", "Hr", "Fr", "Dott", "Ing"})
_NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "bin", "al", "zu"}
)
_MULTI_WORD_NUMBERS = frozenset({"PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "BANK_ACCOUNT", "NATIONAL_ID", "US_SSN"})
_TRAILING = ".,;:!?)]}>\"'’"

_CUED = re.compile(
    r"(?i)(?<![\w-])(?P<cue>date of birth|dob|born on|ssn|social security(?: number| no\.?)?|"
    r"passport(?: number| no\.?)?|password|passwd|pwd|username|user ?name|login|user|"
    r"national id|driver'?s licen[cs]e(?: number| no\.?)?|dl(?: #| no\.?)?|"
    r"api[ _-]?key|secret|token|(?<=[\s\"'])[A-Z0-9_]*(?:KEY|TOKEN|SECRET))"
    r"[\"']?\s*(?:[:=#]|\bis\b|(?<=no\.)|(?<=number))\s*[\"']?"
    r"|(?P<name>(?<![\w-])(?:dear|hi|hello|hey|thanks|name|holder|patient|contact|customer|signed|regards)\b"
    r"[\"']?\s*[:,]?\s*[\"']?)(?=(?-i:[A-Z][a-zà-ÿ]))"
)
_CUED_LABELS = (
    (("date of birth", "dob", "born on"), "DATE_OF_BIRTH"),
    (("ssn", "social security"), "US_SSN"),
    (("passport",), "PASSPORT"),
    (("password", "passwd", "pwd"), "PASSWORD"),
    (("username", "user name", "user", "login"), "USERNAME"),
    (("national id",), "NATIONAL_ID"),
    (("driver", "dl"), "US_DRIVER_LICENSE"),
    (("api", "secret", "token", "key"), "SECRET"),
)


def guess_label(text: str, start: int, labels: Sequence[str], cues: Mapping[str, Sequence[str]]) -> str | None:
    """A guess of the type of the value at ``start`` from its shape (URL, e-mail) or the cue word
    closest before it (``DOB:``, ``SSN``, ``call``...); None when nothing points anywhere.

    ``cues``: label -> lower-case cue words. Of two cues found at the same place the longer
    wins (``passport`` over ``pass``), then the label that comes first in ``cues``."""
    word = text[start : start + 64].split(None, 1)[0] if text[start : start + 64].strip() else ""
    if "URL" in labels and word.lower().startswith(("http://", "https://", "www.")):
        return "URL"
    for label, shape in _SHAPES:
        if label in labels and shape.match(word):
            return label
    before = text[max(0, start - 32) : start].lower().replace("_", " ").replace("-", " ")
    digits = any(c.isdigit() for c in word)
    best, best_at = None, (-1, 0)  # (where the cue starts, its length)
    for label, words in cues.items():
        if label not in labels or (label in _NUMERIC and not digits) or (label == "PERSON" and not word[:1].isupper()):
            continue
        for cue in words:
            at = before.rfind(cue)
            if at >= 0 and (at, len(cue)) > best_at and (at == 0 or not before[at - 1].isalpha()):
                best, best_at = label, (at, len(cue))
    return best


def guess_value_end(text: str, start: int, label: str) -> int:
    """A guess of where a ``label`` value starting at ``start`` ends (only used to propose
    where copying resumes after a placeholder): one word, extended over following
    capitalised words and name particles for names, digit groups for numbers, the rest
    of the line for addresses, a few words for dates; trailing punctuation and a
    possessive ``'s`` are left out."""
    n = len(text)
    if not 0 <= start < n or text[start].isspace():
        return -1

    def word_end(i: int) -> int:
        while i < n and not text[i].isspace():
            i += 1
        return i

    end = word_end(start)
    if label == "STREET_ADDRESS":
        line = text.find("\n", start)
        end = n if line < 0 else line
    elif label in ("PERSON", "DATE_OF_BIRTH") or label in _MULTI_WORD_NUMBERS:
        words, most = 1, 8 if label in _MULTI_WORD_NUMBERS else 5
        while end + 1 < n and text[end] == " " and words < most:
            last = text[start:end].rsplit(" ", 1)[-1].rstrip(".")
            title = (len(last) <= 2 and last[:1].isupper()) or last in _TITLES
            if text[end - 1] in ",;:!?" or (text[end - 1] == "." and not title):
                break  # a sentence or list goes on (but "M. Diallo", "Dr. Ruiz" are names)
            nxt = word_end(end + 1)
            word = text[end + 1 : nxt].rstrip(_TRAILING)
            if not word:
                break
            if label == "PERSON":
                ok = word[0].isupper() or word.lower() in _NAME_PARTICLES
            elif label == "DATE_OF_BIRTH":
                ok = words < 3 and (word[0].isdigit() or word.isalpha())
            else:
                ok = any(c.isdigit() for c in word) or (word.isupper() and len(word) <= 4)
            if not ok:
                break
            end, words = nxt, words + 1
    value = text[start:end]
    stripped = value.rstrip(_TRAILING)
    for tail in ("'s", "’s"):
        if stripped.endswith(tail) and len(stripped) > len(tail):
            stripped = stripped[: -len(tail)]
    return start + len(stripped) if stripped else end


def next_word_end(text: str, end: int) -> int:
    """The end of the word after ``end`` on the same line (past a space or comma), trailing
    punctuation left out; -1 when the line ends first."""
    i = end
    while i < len(text) and text[i] in " ,;":
        i += 1
    j = i
    while j < len(text) and not text[j].isspace():
        j += 1
    word = text[i:j].rstrip(_TRAILING)
    return i + len(word) if word and i > end else -1


def cued_values(text: str, labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Values that a cue word announces (``DOB: ...``, ``password is ...``, ``Dear ...``), as
    ``(start, end, label)`` guesses: proposed as placeholders before the model gets there,
    so that a right guess costs no forward (a wrong one costs the rest of that proposal)."""
    found = []
    for m in _CUED.finditer(text):
        if m.group("name") is not None:
            label = "PERSON"
        else:
            cue = m.group("cue").lower()
            label = next((lab for keys, lab in _CUED_LABELS if any(k in cue for k in keys)), "")
        if label not in labels:
            continue
        end = guess_value_end(text, m.end(), label)
        if end > m.end():
            found.append((m.end(), end, label))
    return found


def speculated_values(
    text: str,
    hints: Iterable[tuple[int, int, str]],
    labels: Sequence[str],
    cues: Mapping[str, Sequence[str]],
    verified: Collection[str],
) -> list[tuple[int, int, str]]:
    """The values to propose as their placeholders before the model opens one, sorted and
    disjoint: hinted rule matches of a ``verified`` type (a checksum or syntax check) or that
    a cue word agrees with, and :func:`cued_values`."""

    def speculate(start: int, label: str) -> bool:
        if label not in labels:
            return False
        return label in verified or guess_label(text, start, [label], cues) == label

    hinted = [(a, b, lab) for a, b, lab in hints if speculate(a, lab)]
    return disjoint_spans([*hinted, *cued_values(text, labels)])


def disjoint_spans(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted spans, each dropped when it overlaps an earlier-starting (or longer) one."""
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda x: (x[0], -x[1])):
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out
