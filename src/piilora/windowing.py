"""Windows: the stretches of a text the model reads, and one text's detection in progress.

A text longer than ``max_tokens`` is split into windows that overlap by ``overlap`` tokens, cut
at a line break or space where possible; a window the model could not follow (abandoned over
its forward budget, rewritten instead of copied, or copied on from further down after a
placeholder: :func:`skipped`) is decoded again as two overlapping halves.
:class:`Detection` holds a text's windows and their answers until every window is answered;
the Redactor's drivers (one batch of texts, or texts joining a running decode:
:mod:`piilora.live`) move it along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from piilora.types import Span

__all__ = ["MIN_SPLIT_TOKENS", "SHORT_VALUES", "Detection", "Window", "halves", "skipped", "split_windows"]

MIN_SPLIT_TOKENS = 24  # a window shorter than this is not halved
#: Types whose values are short by their format, and the most characters one spans: a longer
#: span is the model copying on from further down (a phone number of 357 characters).
SHORT_VALUES: dict[str, int] = {
    "PHONE_NUMBER": 48,
    "IP_ADDRESS": 48,
    "US_SSN": 24,
    "CREDIT_CARD": 40,
    "IBAN_CODE": 48,
    "POSTAL_CODE": 24,
    "AGE": 32,
    "DATE": 48,
    "DATE_OF_BIRTH": 48,
    "EMAIL_ADDRESS": 96,
    "PERSON": 96,
}


@dataclass(frozen=True)
class Window:
    """Characters ``start:end`` of text ``text_index`` (an index or a ticket: the driver's name
    for the text)."""

    text_index: int
    start: int
    end: int
    splits: int = 0  # how many times a window the model could not follow was halved to make this one


@dataclass
class Detection:
    """One text's detection in progress: the copy the model reads, its windows, the answers."""

    text: str
    windows: list[Window]
    decoded: list[tuple[Window, list[Span], bool]] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    def window_text(self, w: Window) -> str:
        return self.text[w.start : w.end]


def split_windows(tokenizer: Any, index: int, text: str, max_tokens: int, overlap: int) -> list[Window]:
    """Split ``text`` into overlapping windows on token boundaries (whitespace where possible)."""
    if not text.strip():
        return []
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, split_special_tokens=True)
    offsets = enc["offset_mapping"]
    if len(offsets) <= max_tokens:
        return [Window(index, 0, len(text))]
    windows: list[Window] = []
    step = max_tokens - overlap
    start_tok = 0
    while True:
        end_tok = min(start_tok + max_tokens, len(offsets))
        start = 0 if start_tok == 0 else offsets[start_tok][0]
        end = len(text) if end_tok == len(offsets) else offsets[end_tok][0]
        if end_tok < len(offsets):  # prefer to cut at a line break or space inside the last part
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            if cut > start + (end - start) // 2:
                end = cut + 1
        windows.append(Window(index, start, end))
        if end >= len(text):
            break
        next_tok = start_tok + step
        while next_tok < len(offsets) and offsets[next_tok][0] < start + 1:
            next_tok += 1
        start_tok = min(next_tok, len(offsets) - 1)
    return windows


def skipped(text: str, spans: list[Span]) -> bool:
    """Whether an answer to ``text`` lost its place: a placeholder that swallowed a paragraph
    break (no value holds a blank line), or more characters than a value of its type
    (:data:`SHORT_VALUES`) spans. The model resumed copying further down, and the text between,
    masked whole, was never read for what it holds."""
    for s in spans:
        value = text[s.start : s.end]
        if "\n\n" in value.strip() or len(value) > SHORT_VALUES.get(s.entity_type, len(value)):
            return True
    return False


def halves(tokenizer: Any, text: str, w: Window, most: int) -> list[Window]:
    """Two overlapping halves of a window, cut at line breaks (else spaces) near its middle;
    none once it was halved ``most`` times or is a few tokens long."""
    if w.splits >= most:
        return []
    part = text[w.start : w.end]
    if len(tokenizer(part, add_special_tokens=False)["input_ids"]) < MIN_SPLIT_TOKENS:
        return []
    size = w.end - w.start
    first_end = w.start + _break_near(part, size * 9 // 16)
    second_start = w.start + _break_near(part, size * 7 // 16)
    if not w.start < second_start <= first_end < w.end:  # they touch where one line break was all
        return []
    return [Window(w.text_index, w.start, first_end, w.splits + 1),
            Window(w.text_index, second_start, w.end, w.splits + 1)]  # fmt: skip


def _break_near(text: str, at: int) -> int:
    """The offset just after the line break nearest ``at`` in the middle half of ``text``, else
    after the nearest space there, else ``at`` itself."""
    low, high = len(text) // 4, len(text) * 3 // 4
    for sep in ("\n", " "):
        before, after = text.rfind(sep, low, at), text.find(sep, at, high)
        options = [i for i in (before, after) if i != -1]
        if options:
            return min(options, key=lambda i: abs(i - at)) + 1
    return at
