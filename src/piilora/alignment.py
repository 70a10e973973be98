"""Recover PII spans from an original text and its masked version.

:func:`align_masked` is the *strict* aligner for gold data: every character of
the masked text that is not a placeholder must appear, unchanged and in order,
in the original text, and each placeholder stands for one non-empty stretch of
the original. It runs in linear time (one left-to-right pass with
:meth:`str.find`, no regular-expression backtracking), so a 100 KB text with a
thousand placeholders aligns in milliseconds.

Placeholders are bracketed UPPER_SNAKE names, optionally numbered:
``[EMAIL_ADDRESS]``, ``[PERSON_2]``. A trailing ``_<digits>`` is *always* read as
a numbering suffix and dropped to get the entity type (``[PERSON_2]`` ->
``PERSON``); a label whose own name ends in ``_<digits>`` (``ADDRESS_LINE_2``)
therefore loses that suffix, while digits without an underscore are kept
(``[IPV4]`` -> ``IPV4``, ``[IPV4_1]`` -> ``IPV4``).

Ambiguity rules (documented behaviour, not accidents):

* **Shortest value first.** When a placeholder's value could end at several
  places because the literal text that follows it occurs more than once, each
  placeholder takes the *shortest* non-empty value after which the next literal
  is found (leftmost match). The literal after the last placeholder is anchored
  at the end of the text, so the last placeholder takes everything up to it.
  This rule never misses an alignment: if any split exists, it finds one.
* **Adjacent placeholders** (``[FIRST][LAST]``, no literal between them) cannot
  be split uniquely and raise :class:`AlignmentError`.
* **Placeholder-looking text kept verbatim.** If the original itself contains a
  string like ``[NOTE]`` that the masking left unchanged, the masked text
  contains it too and it is read as a placeholder; when the value it would
  replace is exactly the placeholder's own text, it is treated as literal text
  and yields no span (no real PII value is spelt ``[NOTE]``).

Error messages give offsets into the masked text only, never text content.
"""

from __future__ import annotations

import itertools
import re

from piilora.types import ENTITY_TYPE_RE, Span

__all__ = ["PLACEHOLDER_RE", "AlignmentError", "align_masked", "align_output", "may_align", "split_placeholder"]

#: A bracket placeholder: ``[LABEL]`` or ``[LABEL_3]``; group 1 is the name with
#: any numbering suffix.
PLACEHOLDER_RE: re.Pattern[str] = re.compile(r"\[([A-Z][A-Z0-9_]*)\]")

_NUMBER_SUFFIX_RE = re.compile(r"_[0-9]+$")
_EDGE_PUNCT_RE = re.compile(r"^\W+|\W+$")


class AlignmentError(ValueError):
    """The masked text does not align with the original.

    ``offset`` is the character offset in the *masked* text where alignment
    failed; the message repeats it and never quotes either text.
    """

    def __init__(self, reason: str, *, offset: int) -> None:
        self.offset = offset
        self.reason = reason
        super().__init__(f"masked text does not align at offset {offset}: {reason}")


def _strip_number(name: str) -> str:
    stripped = _NUMBER_SUFFIX_RE.sub("", name)
    return stripped or name


def split_placeholder(token: str) -> str:
    """Return the entity type of a bracket placeholder: ``"[PERSON_2]"`` -> ``"PERSON"``.

    Raises ``ValueError`` when ``token`` is not a whole bracket placeholder.
    """
    match = PLACEHOLDER_RE.fullmatch(token)
    if match is None:
        raise ValueError("not a bracket placeholder such as [EMAIL_ADDRESS] or [PERSON_2]")
    return _strip_number(match.group(1))


def _label_of(match: re.Match[str]) -> str:
    """Entity type of one placeholder match, for the default or a custom pattern.

    A custom pattern may name the label with a ``label`` group; otherwise group 1
    is used if the pattern has groups, else the whole token without its
    surrounding punctuation. The numbering suffix is stripped either way.
    """
    pattern = match.re
    if "label" in pattern.groupindex:
        raw = match.group("label")
    elif pattern.groups >= 1:
        raw = match.group(1)
    else:
        raw = _EDGE_PUNCT_RE.sub("", match.group(0))
    label = _strip_number(raw or "")
    if not ENTITY_TYPE_RE.match(label):
        raise AlignmentError("the placeholder's label is not UPPER_SNAKE", offset=match.start())
    return label


def _common_prefix_len(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    i = 0
    while i < limit and a[i] == b[i]:
        i += 1
    return i


def _common_suffix_len(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    i = 0
    while i < limit and a[len(a) - 1 - i] == b[len(b) - 1 - i]:
        i += 1
    return i


def align_masked(text: str, masked: str, *, placeholder_re: re.Pattern[str] = PLACEHOLDER_RE) -> list[Span]:
    """Return the spans of ``text`` that the placeholders of ``masked`` replaced.

    Spans are sorted, non-overlapping, non-empty and have ``source="gold"``;
    replacing ``text[span.start:span.end]`` by the matching placeholder of
    ``masked`` for every span gives back ``masked``. See the module docstring
    for how ambiguous cases are resolved. Raises :class:`AlignmentError` (a
    ``ValueError``) when no alignment exists or when two placeholders touch.
    """
    if not isinstance(text, str) or not isinstance(masked, str):
        raise TypeError("text and masked must both be str")
    matches: list[re.Match[str]] = []
    for match in placeholder_re.finditer(masked):
        if match.end() == match.start():
            raise ValueError("placeholder_re matched an empty string")
        matches.append(match)

    if not matches:
        if masked != text:
            raise AlignmentError(
                "the masked text has no placeholder but differs from the original",
                offset=_common_prefix_len(text, masked),
            )
        return []

    n = len(text)
    head = masked[: matches[0].start()]
    if not text.startswith(head):
        raise AlignmentError(
            "the text before the first placeholder differs from the original",
            offset=_common_prefix_len(head, text),
        )
    tail_offset = matches[-1].end()
    tail = masked[tail_offset:]
    tail_pos = n - len(tail)  # where the tail must start in ``text``
    if not text.endswith(tail):
        same = _common_suffix_len(tail, text)
        raise AlignmentError(
            "the text after the last placeholder differs from the end of the original",
            offset=tail_offset + len(tail) - same - 1,
        )

    labels = [_label_of(m) for m in matches]
    spans: list[Span] = []
    pos = len(head)
    last = len(matches) - 1
    for i, match in enumerate(matches):
        start = pos
        if i < last:
            lit_start, lit_end = match.end(), matches[i + 1].start()
            if lit_start == lit_end:
                raise AlignmentError(
                    "two placeholders touch; with no text between them their values cannot be split",
                    offset=lit_start,
                )
            literal = masked[lit_start:lit_end]
            # Shortest non-empty value; leave room for >= 1 character of the next
            # placeholder before the anchored tail.
            found = text.find(literal, start + 1, tail_pos - 1)
            if found < 0:
                raise AlignmentError(
                    f"the text after the placeholder at offset {match.start()} is not found in the "
                    "original (each placeholder must replace at least one character)",
                    offset=lit_start,
                )
            end = found
            pos = found + len(literal)
        else:
            end = tail_pos
            if end <= start:
                raise AlignmentError(
                    "the last placeholder would replace no character of the original",
                    offset=match.start(),
                )
        if text[start:end] == match.group(0):
            continue  # placeholder-looking text left verbatim in the original
        spans.append(Span(start, end, labels[i], source="gold"))
    return spans


def may_align(text: str, start: str) -> bool:
    """Whether a masked text that begins with ``start`` may still align with ``text``.

    False means :func:`align_masked` fails for *every* masked text that begins with ``start``
    (a model answer in progress that already copied text out of order, repeated it, or put
    two placeholders side by side); True means it may succeed. The checks are
    :func:`align_masked`'s own, on what ``start`` already fixes: the text before the first
    placeholder, each literal between two placeholders found after the previous one, and the
    beginning of the literal after the last one; a trailing ``[...`` may still become a
    placeholder and a trailing U+FFFD a character whose bytes are not all decoded yet, so
    neither counts."""
    start = start.rstrip("\ufffd")
    matches = list(PLACEHOLDER_RE.finditer(start))
    if not matches:
        bracket = start.find("[")
        return text.startswith(start if bracket < 0 else start[:bracket])
    pos = matches[0].start()
    if not text.startswith(start[:pos]):
        return False
    for before, after in itertools.pairwise(matches):
        literal = start[before.end() : after.start()]
        found = text.find(literal, pos + 1) if literal else -1  # side by side: no alignment
        if found < 0:
            return False
        pos = found + len(literal)
    rest = start[matches[-1].end() :]
    bracket = rest.find("[")
    rest = rest if bracket < 0 else rest[:bracket]
    return not rest or text.find(rest, pos + 1) >= 0


def align_output(text: str, output: str) -> tuple[list[Span], bool]:
    """Spans of ``text`` that the model's ``output`` replaced with placeholders.

    Returns ``(spans, exact)``. ``exact`` is True when ``output`` is ``text`` with
    placeholders and nothing else changed (:func:`align_masked` succeeds). Otherwise
    the model also rewrote, dropped or invented text; then a character-level diff
    (``difflib``) maps each placeholder to the stretch of ``text`` the output
    removed around it, and every other edit is ignored: the caller rebuilds the
    masked text from the original characters, so rewrites never reach the result.
    Spans come back with ``source="model"``.
    """
    try:
        exact = align_masked(text, output)
        return [Span(s.start, s.end, s.entity_type, source="model") for s in exact], True
    except AlignmentError:
        pass
    import difflib

    # Word-level diff: text and output become tokens (words, single punctuation marks,
    # whitespace runs) with offsets; each placeholder is one token of its own.
    text_tokens = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    out_tokens: list[str] = []
    labels: dict[int, str] = {}
    pos = 0
    for m in PLACEHOLDER_RE.finditer(output):
        out_tokens.extend(t.group(0) for t in _WORD_RE.finditer(output[pos : m.start()]))
        labels[len(out_tokens)] = _label_of(m)
        out_tokens.append(f"\x00{m.group(0)}")
        pos = m.end()
    out_tokens.extend(t.group(0) for t in _WORD_RE.finditer(output[pos:]))
    matcher = difflib.SequenceMatcher(None, [t[0] for t in text_tokens], out_tokens, autojunk=False)
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        marks = [labels[j] for j in range(j1, j2) if j in labels]
        if tag == "equal" or not marks or i1 == i2:
            continue
        start, end = text_tokens[i1][1], text_tokens[i2 - 1][2]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and ENTITY_TYPE_RE.match(marks[0]):
            spans.append(Span(start, end, marks[0], source="model"))
    return spans, False


_WORD_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
