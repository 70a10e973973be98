"""Field typing: a table's header says what its cells hold.

In a CSV-like block (a header line, then rows with as many cells, delimited by ``,``
``;`` ``|`` or a tab, cells optionally double-quoted) a column named ``username`` holds
usernames, whatever the model makes of ``c-lebreton``. :func:`type_table_cells` uses that:

- a span that runs over a delimiter (``1980-03-23,210-45-7903`` as one ``[US_SSN]``) is
  cut into one span per cell;
- spans inside a cell of a typed column become one span over the whole cell with the
  column's type (``c-lebreton`` under ``username`` is a ``USERNAME``, not a ``SECRET``;
  ``c/ mayor 1`` and ``39646 león`` under ``address`` are one address), except a
  checksum-verified rule match, which keeps its own;
- a non-empty cell of a typed column that no span covers is masked with the column's type
  (source ``"field"``) when its value can identify someone and passes the type's shape;
- a span in a column that holds no personal data (:data:`NON_PII_FIELDS`: ``department``,
  ``price``, ``status``...) is dropped, unless a checksum-verified rule matched it.

Column names map to types through the entity generators' ``field_names``
(:class:`piilora.entities.base.EntityGenerator`), so plugin types take part. A header is
matched whole (``full_name``), then without one leading qualifier (``contact_email`` ->
``email``, ``src_ip`` -> ``ip``), then by a type-naming last word (``stripe_token``,
``billing_email``), after lower-casing and turning spaces and dashes into ``_``; a name of parts
joined by ``,`` or ``/`` (``Apellidos, Nombre``, ``DNI/NIE``) takes the type all its parts name.
Columns whose name maps to no type are left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from piilora.safety.merge import is_verified
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import Shape, identifying
from piilora.types import Span

__all__ = ["NON_PII_FIELDS", "Cell", "field_map", "field_type", "table_cells", "type_table_cells"]

_DELIMITERS = (",", ";", "|", "\t")
_IDENTIFIER_RE = re.compile(r"[a-zà-ÿ][a-zà-ÿ0-9_]*(?: [a-zà-ÿ0-9_]+)?")
_HEADER_CELL_RE = re.compile(r"[^\W\d_][\w./#()-]*(?: [\w./#()-]+)?")
#: A header cell of up to four words (``Data di nascita``, ``Apellidos, Nombre``, ``HbA1c (%)``):
#: taken where prose is unlikely, in a quoted cell, a ``|`` or tab table, or a cell that starts
#: right after its delimiter (prose writes ``, `` with a space).
_LONG_HEADER_CELL_RE = re.compile(r"[^\W\d_][\w./#()%,'’?&+-]*(?: [\w./#()%,'’?&+-]+){0,3}")
#: A rule under a header (``-----|------``, ``---+---``, ``:--``): part of the layout, not a row.
_RULE_RE = re.compile(r"[-=:+|\s]*-[-=:+|\s]*")
#: Type names that keep their meaning after any qualifier (``stripe_token``, ``billing_email``).
_SUFFIXES = frozenset(word_tuple("email phone ip password passwd token secret ssn iban dob"))
#: Columns that hold no personal data (categories, amounts, times, record ids, digests):
#: model spans in their cells are dropped unless a checksum-verified rule matched.
NON_PII_FIELDS = frozenset(
    word_tuple(
        "department team status plan tier level severity priority category country region currency product sku "
        "price unit_price amount total qty quantity count hits stock created_at updated_at timestamp time "
        "duration version method http_status status_code port trace_id span_id request_id correlation_id job_id "
        "run_id build_id commit commit_sha sha sha1 sha256 checksum digest etag"
    )
)
#: Columns of product barcodes: nothing in them is masked, not even a value that passes a card's
#: Luhn check (one EAN in ten does).
_PRODUCT_CODE_FIELDS = frozenset(word_tuple("barcode ean ean13 gtin upc isbn"))
#: Column types whose cells are dates (a lone date is their value) or small numbers (an age's
#: ``47``: its type's shape decides).
_DATE_TYPES = frozenset({"DATE_OF_BIRTH", "DATE"})
_SMALL_VALUE_TYPES = frozenset({"AGE"})
#: Leading words a column name may add to a type's name (``home_phone``, ``src_ip``).
_QUALIFIERS = frozenset(
    word_tuple(
        "contact payment primary secondary home work business billing shipping src source client remote customer "
        "personal private new old temp"
    )
)


@dataclass(frozen=True)
class Cell:
    """A data cell ``text[start:end]`` (quotes excluded) under the column named ``column``."""

    start: int
    end: int
    column: str


def _closing_quote(text: str, at: int) -> int:
    """Index of the quote that closes a quoted cell whose text starts at ``at`` (``""`` is an
    escaped quote), or -1."""
    while True:
        k = text.find('"', at)
        if k < 0 or not text.startswith('""', k):
            return k
        at = k + 2


def _records(text: str, delimiter: str) -> list[list[tuple[int, int]]]:
    """``text`` split into records (lines) of cells ``(start, end)``. A cell that starts with
    ``"`` runs to its closing quote (it may hold delimiters and line breaks) when a delimiter
    or the line's end follows that quote; any other quote is plain text."""
    records: list[list[tuple[int, int]]] = []
    cells: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while True:
        close = _closing_quote(text, i + 1) if i < n and text[i] == '"' else -1
        if close >= 0 and (close + 1 == n or text[close + 1] in (delimiter, "\n", "\r")):
            cells.append((i + 1, close))
            i = close + 1
            if text.startswith("\r", i):
                i += 1
        else:
            end = i
            while end < n and text[end] not in (delimiter, "\n"):
                end += 1
            cells.append((i, end - 1 if end > i and text[end - 1] == "\r" else end))
            i = end
        if i < n and text[i] == delimiter:
            i += 1
            continue
        records.append(cells)
        cells = []
        if i >= n:
            return records
        i += 1  # the line break


def _is_header(text: str, cells: Sequence[tuple[int, int]], delimiter: str) -> bool:
    if len(cells) < 2:
        return False
    for a, b in cells:
        raw = text[a:b]
        loose = (a > 0 and text[a - 1] == '"') or delimiter in "|\t" or not raw[:1].isspace()
        if not (_LONG_HEADER_CELL_RE if loose else _HEADER_CELL_RE).fullmatch(raw.strip()):
            return False
    return True


def _is_rule(text: str, cells: Sequence[tuple[int, int]]) -> bool:
    return bool(cells) and _RULE_RE.fullmatch(text, cells[0][0], cells[-1][1]) is not None


def _starts_table(text: str, cells: Sequence[tuple[int, int]], field_types: Mapping[str, str], delimiter: str) -> bool:
    """Whether a row inside a table is the header of the next one (tables written back to
    back): every cell a lower-case identifier, one of them a known column name or with an ``_``."""
    names = [text[a:b].strip() for a, b in cells]
    return (
        _is_header(text, cells, delimiter)
        and all(_IDENTIFIER_RE.fullmatch(n) for n in names)
        and any("_" in n or _normal(n) in field_types for n in names)
    )


def table_cells(text: str, field_types: Mapping[str, str] | None = None) -> list[Cell]:
    """The data cells of every CSV-like block in ``text``: a header line of at least two
    name-like cells (letters first, at most two words; four where prose is unlikely, see
    ``_LONG_HEADER_CELL_RE``), then, after a rule line (``---|---``) if there is one, the rows
    right after it with as many cells, up to a row that looks like the next header (see
    :func:`_starts_table`; ``field_types`` are the known column names). The delimiter that
    yields the most cells wins. Fixed-width tables under a rule of dash groups come too
    (:func:`_fixed_width_cells`)."""
    best: list[Cell] = []
    known = field_types or {}
    for delimiter in _DELIMITERS:
        if delimiter not in text:
            continue
        records = _records(text, delimiter)
        found: list[Cell] = []
        r = 0
        while r < len(records):
            header = records[r]
            width = len(header)
            first = r + 1  # the first row
            rows = 0
            if width >= 2 and _is_header(text, header, delimiter):
                if first < len(records) and _is_rule(text, records[first]):
                    first += 1
                while first + rows < len(records) and len(records[first + rows]) == width:
                    if _starts_table(text, records[first + rows], known, delimiter):
                        break
                    rows += 1
            if rows:
                names = [text[a:b].strip() for a, b in header]
                for record in records[first : first + rows]:
                    found.extend(Cell(a, b, name) for (a, b), name in zip(record, names))
                r = first + rows
            else:
                r += 1
        if len(found) > len(best):
            best = found
    fixed = [c for c in _fixed_width_cells(text) if not any(b.start < c.end and c.start < b.end for b in best)]
    return sorted([*best, *fixed], key=lambda c: c.start) if fixed else best


_RULE_GROUP_RE = re.compile(r"[-=]{2,}")
_RULE_LINE_RE = re.compile(r"[-= ]+")


def _fixed_width_cells(text: str) -> list[Cell]:
    """The data cells of fixed-width tables, as command-line tools print them: a header line, a
    rule of dash groups under it (``----------  ------``), each group starting where a header
    word starts, then the rows whose columns keep that layout (a space before every column),
    up to a blank line. A cell runs from its column's start to the next column's."""
    if "--" not in text and "==" not in text:  # no rule, no table: most texts stop here
        return []
    lines: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, line.rstrip("\r")))
        at += len(line) + 1
    cells: list[Cell] = []
    for i in range(1, len(lines) - 1):
        rule = lines[i][1].rstrip()
        if not rule or not _RULE_LINE_RE.fullmatch(rule):
            continue
        groups = [m.start() for m in _RULE_GROUP_RE.finditer(rule)]
        header = lines[i - 1][1]
        if len(groups) < 2 or "".join(_RULE_GROUP_RE.findall(rule)) != rule.replace(" ", ""):
            continue
        bounds = [*groups[1:], None]
        names = [header[a:b].strip() for a, b in zip(groups, bounds)]
        if not all(
            a < len(header) and header[a] != " " and (a == 0 or header[a - 1] == " ") for a in groups
        ) or not all(_LONG_HEADER_CELL_RE.fullmatch(n) for n in names):
            continue
        for offset, row in lines[i + 1 :]:
            cuts = [_column_start(row, a) for a in groups[1:]]
            starts = [0, *(c for c in cuts if c is not None)]
            if not row.strip() or len(starts) < len(groups) or starts != sorted(starts):
                break  # a blank line, or a value across a column's start
            for a, b, name in zip(starts, [*starts[1:], None], names):
                if a < len(row):
                    cells.append(Cell(offset + a, offset + (len(row) if b is None else min(b, len(row))), name))
    return cells


def _column_start(row: str, at: int) -> int | None:
    """Where the column that the rule starts at ``at`` starts in ``row``: a word starting within
    two characters of it (hand-aligned text is off by one or two), else ``at`` itself if a
    space is before it; None where a value runs across it (the row breaks the layout)."""
    if at >= len(row):
        return len(row)
    for p in (at, at - 1, at + 1, at - 2, at + 2):
        if 0 < p < len(row) and row[p - 1] == " " and row[p] != " ":
            return p
    return at if row[at - 1] == " " else None


def _normal(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().strip("\"'").lower())


def field_map(generators: Iterable[Any]) -> dict[str, str]:
    """``{column name: entity type}`` from entity generators' ``field_names`` (normalised; a
    name two types claim goes to the first)."""
    out: dict[str, str] = {}
    for gen in generators:
        for name in getattr(gen, "field_names", ()):
            out.setdefault(_normal(name), gen.entity_type)
    return out


def field_type(name: str, field_types: Mapping[str, str]) -> str | None:
    """The entity type a column or key called ``name`` holds, or None (see the module docstring)."""
    key = _normal(name)
    if key in field_types:
        return field_types[key]
    head, _, rest = key.partition("_")
    if rest and head in _QUALIFIERS and rest in field_types:
        return field_types[rest]
    last = key.rsplit("_", 1)[-1]
    if last in _SUFFIXES and last in field_types:
        return field_types[last]
    parts = [p for p in re.split(r"[,/]", name) if p.strip()]
    if len(parts) > 1:  # ``Apellidos, Nombre``, ``DNI/NIE``: one type for every part
        types = {field_type(p, field_types) for p in parts}
        if len(types) == 1:
            return types.pop()
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " \t\r\n\"'":
        start += 1
    while end > start and text[end - 1] in " \t\r\n\"'":
        end -= 1
    return (start, end) if end > start else None


def type_table_cells(
    text: str,
    spans: Iterable[Span],
    field_types: Mapping[str, str],
    shapes: Mapping[str, Shape] | None = None,
    *,
    verified: Collection[str] = frozenset(),
) -> list[Span]:
    """``spans`` cut to table cells and typed by their columns, plus the uncovered cells of
    typed columns (see the module docstring). Spans outside tables pass through unchanged.
    ``verified``: the types whose rule spans are checksum-verified (kept as they are)."""
    spans = list(spans)
    cells = table_cells(text, field_types) if field_types else []
    if not cells:
        return spans
    out: list[Span] = []
    in_cell: dict[int, list[Span]] = {}  # cell index -> the pieces of spans inside it
    for span in spans:
        inside = [i for i, c in enumerate(cells) if c.start < span.end and span.start < c.end]
        if not inside:
            out.append(span)
            continue
        for k, i in enumerate(inside):  # one piece per cell, cut between cells only
            a = span.start if k == 0 else cells[i].start
            b = span.end if k == len(inside) - 1 else cells[i].end
            piece = _trimmed(text, a, b) if len(inside) > 1 else (span.start, span.end)
            if piece is not None:
                in_cell.setdefault(i, []).append(replace(span, start=piece[0], end=piece[1]))
    for i, cell in enumerate(cells):
        pieces = in_cell.get(i, [])
        column_type = field_type(cell.column, field_types)
        whole = _trimmed(text, cell.start, cell.end)
        if _normal(cell.column) in _PRODUCT_CODE_FIELDS:
            continue  # a product's barcode, even where a card's Luhn check happens to pass
        if any(is_verified(p, verified) for p in pieces):
            out.extend(pieces)  # a checksum-verified value: as it is
            continue
        if _normal(cell.column) in NON_PII_FIELDS:
            continue  # a department, a price, a status: whatever the model made of it
        if column_type is None or whole is None:
            out.extend(pieces)
            continue
        if pieces:  # a PII column's cell is one value: mask it whole, with the column's type
            start = min(whole[0], *(p.start for p in pieces))
            end = max(whole[1], *(p.end for p in pieces))
            if not any(c.isalnum() for c in text[start : whole[0]]):
                start = whole[0]  # what the model took beyond the cell is a quote or a space
            if not any(c.isalnum() for c in text[whole[1] : end]):
                end = whole[1]
            first = min(pieces, key=lambda p: p.start)
            out.append(Span(start, end, column_type, max(p.score for p in pieces), first.source))
            continue
        value = text[whole[0] : whole[1]]
        if column_type not in _SMALL_VALUE_TYPES and not identifying(value, dates=column_type in _DATE_TYPES):
            continue  # "-", "N/A", a small number, a date where a username should be
        shape = (shapes or {}).get(column_type)
        if shape is None or shape(value):
            out.append(Span(whole[0], whole[1], column_type, score=1.0, source="field"))
    return sorted(out, key=lambda s: (s.start, s.end))
