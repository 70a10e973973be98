"""Small value types shared by every layer: spans, generated values, mask results."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ENTITY_TYPE_RE",
    "EntitySample",
    "MaskResult",
    "Replacement",
    "Span",
    "spans_from_records",
    "validate_spans",
]

#: Entity types are UPPER_SNAKE identifiers (``EMAIL_ADDRESS``, ``EMPLOYEE_ID``).
ENTITY_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A PII span in a text: ``text[start:end]`` is of type ``entity_type``.

    ``score`` is a confidence in [0, 1]; ``source`` says who found it
    (``"model"``, ``"rule"``, ``"gold"``, ...). Offsets are Python string indices
    (code points), like Presidio's ``RecognizerResult``.
    """

    start: int
    end: int
    entity_type: str
    score: float = field(default=1.0, compare=False)
    source: str = field(default="gold", compare=False)

    @property
    def label(self) -> str:
        """Alias of :attr:`entity_type`, the name datasets use."""
        return self.entity_type

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_record(self) -> dict[str, Any]:
        """The dataset form: ``{"start", "end", "label"}``."""
        return {"start": self.start, "end": self.end, "label": self.entity_type}

    @classmethod
    def from_record(cls, record: Mapping[str, Any], *, source: str = "gold") -> Span:
        label = record.get("label", record.get("entity_type"))
        return cls(int(record["start"]), int(record["end"]), str(label), source=source)


def spans_from_records(records: Iterable[Mapping[str, Any]], *, source: str = "gold") -> list[Span]:
    return [Span.from_record(r, source=source) for r in records]


def validate_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """Return ``spans`` sorted by start, or raise ``ValueError`` naming the bad span.

    A span is bad when it is empty, out of ``range(len(text) + 1)``, has an
    entity type that is not UPPER_SNAKE, or overlaps another span. The message
    gives offsets and types only, never the covered text.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    n = len(text)
    previous: Span | None = None
    for i, span in enumerate(ordered):
        if not isinstance(span.start, int) or not isinstance(span.end, int):
            raise ValueError(f"span {i}: start and end must be integers")
        if not 0 <= span.start < span.end <= n:
            raise ValueError(
                f"span {i} ({span.entity_type} {span.start}:{span.end}) is out of range "
                f"for a text of length {n} or empty"
            )
        if not ENTITY_TYPE_RE.match(span.entity_type):
            raise ValueError(f"span {i}: entity type {span.entity_type!r} is not UPPER_SNAKE")
        if previous is not None and span.start < previous.end:
            raise ValueError(
                f"span {i} ({span.entity_type} {span.start}:{span.end}) overlaps "
                f"span ({previous.entity_type} {previous.start}:{previous.end})"
            )
        previous = span
    return ordered


@dataclass(frozen=True, slots=True)
class EntitySample:
    """One generated PII value with its type and the locale it was drawn for."""

    entity_type: str
    value: str
    locale: str


@dataclass(frozen=True, slots=True)
class Replacement:
    """Where one span's replacement landed: ``new_text[start:end] == text``."""

    span: Span
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MaskResult:
    """The outcome of masking one text.

    ``spans`` are offsets in the ORIGINAL text; ``replacements`` say where each
    placeholder landed in ``text`` (the masked text). ``mapping`` maps each
    placeholder back to its original value for reversible schemes and is empty
    otherwise: it holds PII, so keep it as secret as the input.
    """

    text: str
    spans: tuple[Span, ...]
    replacements: tuple[Replacement, ...]
    scheme: str
    mapping: Mapping[str, str] = field(default_factory=dict)
    flags: tuple[str, ...] = ()

    @property
    def reversible(self) -> bool:
        return bool(self.mapping) or not self.spans
