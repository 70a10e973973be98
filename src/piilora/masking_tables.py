"""CSV and TSV files masked cell by cell, the header and the layout kept.

Each data row is read by the model with the header line above it (``name,email\\nAnn,ann@x.io``),
so the safety net types its cells by their column (:mod:`piilora.safety.fields`); the spans
found in the row are then rendered into the file's own text, so every character outside a
masked value (delimiters, quotes, line ends, the header) stays as it was and a reversible
scheme numbers values consistently across the whole file (one mapping for the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from piilora.errors import DataError
from piilora.types import MaskResult, Span

if TYPE_CHECKING:
    from piilora.redactor import Redactor

__all__ = ["mask_table", "table_rows"]


def table_rows(text: str, quote: str = '"') -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each record of a CSV-like ``text`` (without its line end): lines,
    except that a line break inside a quoted cell belongs to the record."""
    start, quoted, i, n = 0, False, 0, len(text)
    while i < n:
        c = text[i]
        if c == quote:
            quoted = not quoted  # a doubled quote toggles twice
        elif c == "\n" and not quoted:
            end = i - 1 if i > start and text[i - 1] == "\r" else i
            yield start, end
            start = i + 1
        i += 1
    if start < n:
        yield start, n - 1 if text.endswith("\r") else n


def mask_table(
    redactor: Redactor,
    text: str,
    scheme: str = "bracket",
    *,
    batch_size: int = 16,
    **options: Any,
) -> MaskResult:
    """Mask the CSV-like ``text`` (a header line, then records) row by row with ``redactor``;
    the result's spans are offsets into ``text``. Raises :class:`~piilora.errors.DataError` when
    ``text`` has no header line."""
    from piilora.placeholders import mask_spans

    rows = [(a, b) for a, b in table_rows(text) if b > a]
    if not rows:
        raise DataError("the table is empty: a CSV needs a header line")
    (h_start, h_end), data = rows[0], rows[1:]
    header = text[h_start:h_end]
    spans: list[Span] = []
    for i in range(0, len(data), max(1, batch_size)):
        chunk = data[i : i + batch_size]
        found = redactor.detect_batch([f"{header}\n{text[a:b]}" for a, b in chunk])
        for (a, b), row_spans in zip(chunk, found):
            shift = a - len(header) - 1
            for s in row_spans:
                start, end = max(s.start, len(header) + 1), s.end
                if end > start:  # the header's own words are never masked
                    spans.append(Span(start + shift, min(end + shift, b), s.entity_type, s.score, s.source))
    return mask_spans(text, spans, scheme, plugin_manager=redactor.plugin_manager, **options)
