"""Load users' own annotated data into piilora's dataset form.

:func:`load_records` reads JSON Lines, CSV, Parquet or a directory written by
``datasets``' ``save_to_disk`` and returns a :class:`datasets.Dataset` with the
columns ``text`` (str), ``spans`` (list of ``{start, end, label}``) and
``source_row`` (the 0-based row index in the input).

Three layouts are recognised from the columns of the first record:

a) **spans**: a text column and a ``spans`` column holding a list of
   ``{start, end, label}`` records (``entity_type`` is accepted for ``label``;
   an optional ``value`` is checked against the text). A JSON string holding
   such a list is accepted too, which is how CSV stores it.
b) **masked pairs**: a text column and a masked-text column (``masked``,
   ``target``, ``masked_text`` or ``target_text``) whose bracket placeholders
   (``[EMAIL_ADDRESS]``, ``[PERSON_2]``) are aligned back onto the text with
   :func:`piilora.alignment.align_masked`.
c) **ai4privacy**: ``source_text`` and ``privacy_mask`` (a list, or a JSON
   string, of ``{value, start, end, label}``). ``target_text`` is ignored: the
   spans come from ``privacy_mask`` and each ``value`` must equal the text at
   its offsets.

With the default ``text_field="text"``, a file with no ``text`` column but a
``source_text`` column uses ``source_text``. A ``spans`` column wins over
``privacy_mask``, and either wins over a masked-text column; pass
``spans_field=`` or ``masked_field=`` to choose explicitly.

Labels: a label found in ``label_map`` is replaced by its mapped entity type; a label mapped
to ``None`` is not PII for piilora (its span is dropped, its text kept as plain text).
``label_map="presidio"`` or ``"ai4privacy"`` reads files labelled in those sets without a
hand-written map (:mod:`piilora.labels`).
Otherwise it is normalised by upper-casing it and turning runs of spaces,
hyphens and dots into ``_`` (``"first name"`` -> ``FIRST_NAME``); ``label_map`` is
also consulted with that normalised form. The result must be UPPER_SNAKE
(:data:`piilora.types.ENTITY_TYPE_RE`), otherwise the row is bad.

Bad rows stop loading with :class:`~piilora.errors.DataError` naming the file,
the row and the field; no row is ever dropped or silently repaired (spans are
only sorted by start). Messages never quote texts, span values or labels.

Row numbering: for JSON Lines ``row``/``source_row`` is the 0-based *line*
number (blank lines are not records and are skipped, but counted); for a
``.json`` file holding one JSON array it is the array index; for CSV it is the
0-based record number after the header (blank lines skipped but counted); for
Parquet and saved datasets it is the 0-based row index.
"""

from __future__ import annotations

import csv
import itertools
import json
import numbers
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import datasets

from piilora.alignment import AlignmentError, align_masked
from piilora.errors import ConfigError, DataError
from piilora.types import ENTITY_TYPE_RE

__all__ = [
    "FEATURES",
    "MASKED_FIELDS",
    "load_dataset_dir",
    "load_records",
    "normalize_label",
    "save_dataset",
]

#: The schema of every dataset :func:`load_records` returns.
FEATURES = datasets.Features(
    {
        "text": datasets.Value("string"),
        "spans": [
            {
                "start": datasets.Value("int64"),
                "end": datasets.Value("int64"),
                "label": datasets.Value("string"),
            }
        ],
        "source_row": datasets.Value("int64"),
    }
)

#: Masked-text column names tried, in order, when ``masked_field`` is not given.
MASKED_FIELDS: tuple[str, ...] = ("masked", "target", "masked_text", "target_text")

_FORMATS = {"jsonl": "jsonl", "json": "jsonl", "csv": "csv", "parquet": "parquet", "hf": "hf"}
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_LABEL_SEP_RE = re.compile(r"[\s.\-]+")
_BATCH = 1024


# --------------------------------------------------------------------------- labels


def _dropped(label: str, label_map: Mapping[str, str | None] | None) -> bool:
    """Whether ``label_map`` maps ``label`` (raw or normalised) to None: not PII for piilora."""
    if not label_map:
        return False
    if label in label_map:
        return label_map[label] is None
    normalised = _normalised(label)
    return normalised in label_map and label_map[normalised] is None


def _normalised(label: str) -> str:
    """``label`` upper-cased, runs of spaces, hyphens and dots turned into ``_``."""
    return _LABEL_SEP_RE.sub("_", label.strip()).upper()


def normalize_label(label: str, label_map: Mapping[str, str | None] | None = None) -> str | None:
    """Map a dataset label to a piilora entity type, or return ``None`` if impossible.

    ``label_map`` is looked up with the raw label, then with its normalised form
    (upper case, spaces/hyphens/dots -> ``_``). Unmapped labels keep their
    normalised form when it is UPPER_SNAKE.
    """
    if label_map and label in label_map:
        return label_map[label]
    normalised = _normalised(label)
    if label_map and normalised in label_map:
        return label_map[normalised]
    return normalised if ENTITY_TYPE_RE.match(normalised) else None


def _check_label_map(label_map: str | Mapping[str, str | None] | None) -> dict[str, str | None] | None:
    if isinstance(label_map, str):
        from piilora.labels import label_map as known_label_map

        return known_label_map(label_map)
    if label_map is None:
        return None
    if not isinstance(label_map, Mapping):
        raise ConfigError("label_map must be a mapping from dataset labels to entity types, or 'presidio'/'ai4privacy'")
    checked: dict[str, str | None] = {}
    for key, value in label_map.items():
        if not isinstance(key, str) or not (value is None or (isinstance(value, str) and ENTITY_TYPE_RE.match(value))):
            raise ConfigError(
                f"label_map[{key!r}] must map a string label to an UPPER_SNAKE entity type such as EMAIL_ADDRESS "
                "(or to None: not PII, the span is dropped)"
            )
        checked[key] = value
    return checked


# --------------------------------------------------------------------------- readers


def _detect_format(path: Path, fmt: str | None, source: str) -> str:
    if fmt is not None:
        if fmt not in _FORMATS:
            raise DataError(f"unknown format {fmt!r}; expected one of jsonl, csv, parquet, hf", source=source)
        return _FORMATS[fmt]
    if path.is_dir():
        return "hf"
    detected = _SUFFIXES.get(path.suffix.lower())
    if detected is None:
        raise DataError(
            "cannot tell the format from the file name; pass format= (jsonl, csv, parquet or hf)",
            source=source,
        )
    return detected


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _read_jsonl(path: Path, source: str) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise DataError(f"cannot open the file ({_os_reason(exc)})", source=source) from None
    with handle:
        first = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        handle.seek(0)
        if path.suffix.lower() == ".json" and first.startswith(b"["):
            yield from _read_json_array(handle.read(), source)
            return
        for line_no, raw in enumerate(handle):
            if line_no == 0 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise DataError("the line is not valid UTF-8", source=source, row=line_no) from None
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"invalid JSON ({exc.msg} at column {exc.colno})", source=source, row=line_no) from None
            yield line_no, record


def _read_json_array(data: bytes, source: str) -> Iterator[tuple[int, Any]]:
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataError("the file is not valid UTF-8", source=source) from None
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})", source=source) from None
    if not isinstance(records, list):
        raise DataError("a .json file must hold one array of records or JSON Lines", source=source)
    yield from enumerate(records)


def _read_csv(path: Path, source: str) -> Iterator[tuple[int, Any]]:
    # Long texts exceed csv's default 128 KiB cell limit; raising it is harmless.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        handle = path.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataError(f"cannot open the file ({_os_reason(exc)})", source=source) from None
    row = 0
    with handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                return
            seen: set[str] = set()
            for name in header:
                if name in seen:
                    raise DataError("the header names this column twice", source=source, field=name)
                seen.add(name)
            for row, cells in enumerate(reader):
                if not cells:
                    continue
                if len(cells) != len(header):
                    raise DataError(
                        f"the record has {len(cells)} cells but the header has {len(header)}",
                        source=source,
                        row=row,
                    )
                yield row, dict(zip(header, cells))
        except UnicodeDecodeError:
            raise DataError("the file is not valid UTF-8", source=source) from None
        except csv.Error as exc:
            raise DataError(f"malformed CSV ({exc})", source=source, row=row) from None


def _read_parquet(path: Path, source: str) -> Iterator[tuple[int, Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except OSError as exc:
        raise DataError(f"cannot open the file ({_os_reason(exc)})", source=source) from None
    except pa.ArrowException as exc:
        raise DataError(f"not a readable Parquet file ({type(exc).__name__})", source=source) from None
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=_BATCH):
            for record in batch.to_pylist():
                yield row, record
                row += 1
    except (OSError, pa.ArrowException) as exc:
        raise DataError(f"cannot read the Parquet data ({type(exc).__name__})", source=source) from None


def _read_hf(path: Path, source: str, split: str | None) -> Iterator[tuple[int, Any]]:
    if not path.is_dir():
        raise DataError("a saved dataset must be a directory written by save_to_disk", source=source)
    try:
        loaded = datasets.load_from_disk(str(path))
    except (OSError, ValueError) as exc:
        raise DataError(
            f"not a dataset directory written by save_to_disk ({type(exc).__name__})", source=source
        ) from None
    dataset = _pick_split(loaded, split, source)
    columns = list(dataset.column_names)
    row = 0
    for batch in dataset.iter(batch_size=_BATCH):
        for j in range(len(batch[columns[0]]) if columns else 0):
            yield row, {name: batch[name][j] for name in columns}
            row += 1


def _pick_split(loaded: Any, split: str | None, source: str) -> datasets.Dataset:
    if isinstance(loaded, datasets.DatasetDict):
        if split is None:
            if "train" not in loaded:
                raise DataError(f"the directory holds the splits {sorted(loaded)}; pass split=", source=source)
            split = "train"
        if split not in loaded:
            raise DataError(f"split {split!r} not found; the directory holds {sorted(loaded)}", source=source)
        return loaded[split]
    if isinstance(loaded, datasets.Dataset):
        return loaded
    raise DataError("the directory does not hold a Dataset or DatasetDict", source=source)


def _iter_records(path: Path, fmt: str, source: str, split: str | None) -> Iterator[tuple[int, Any]]:
    if fmt == "jsonl":
        return _read_jsonl(path, source)
    if fmt == "csv":
        return _read_csv(path, source)
    if fmt == "parquet":
        return _read_parquet(path, source)
    return _read_hf(path, source, split)


# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class _Layout:
    kind: str  # "spans" or "masked"
    text_field: str
    field: str


def _resolve_layout(
    record: Any,
    *,
    row: int,
    text_field: str,
    spans_field: str | None,
    masked_field: str | None,
    source: str,
) -> _Layout:
    if not isinstance(record, Mapping):
        raise DataError(f"the record is a {type(record).__name__}, not an object", source=source, row=row)
    keys = set(record)
    text_col = text_field
    if text_field == "text" and "text" not in keys and "source_text" in keys:
        text_col = "source_text"
    if spans_field is not None:
        return _Layout("spans", text_col, spans_field)
    if masked_field is not None:
        return _Layout("masked", text_col, masked_field)
    for name in ("spans", "privacy_mask"):
        if name in keys:
            return _Layout("spans", text_col, name)
    for name in MASKED_FIELDS:
        if name in keys and name != text_col:
            return _Layout("masked", text_col, name)
    raise DataError(
        "cannot tell the layout: no 'spans' or 'privacy_mask' column and no masked-text column "
        f"({', '.join(MASKED_FIELDS)}); pass spans_field= or masked_field=",
        source=source,
        row=row,
    )


def _get_string(record: Mapping[str, Any], name: str, *, row: int, source: str) -> str:
    if name not in record:
        raise DataError("the field is missing", source=source, row=row, field=name)
    value = record[name]
    if value is None:
        raise DataError("the field is null", source=source, row=row, field=name)
    if not isinstance(value, str):
        raise DataError(f"the field must be a string, not {type(value).__name__}", source=source, row=row, field=name)
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _parse_spans(
    text: str,
    record: Mapping[str, Any],
    name: str,
    label_map: Mapping[str, str | None] | None,
    *,
    row: int,
    source: str,
) -> list[tuple[int, int, str]]:
    def bad(message: str) -> DataError:
        return DataError(message, source=source, row=row, field=name)

    if name not in record:
        raise bad("the field is missing")
    raw = record[name]
    if raw is None:
        raise bad("the field is null")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise bad(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(raw, (list, tuple)):
        raise bad(f"spans must be a list of {{start, end, label}} records, not {type(raw).__name__}")
    n = len(text)
    spans: list[tuple[int, int, str]] = []
    for j, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise bad(f"span {j} is a {type(item).__name__}, not a {{start, end, label}} record")
        for key in ("start", "end"):
            if key not in item or item[key] is None:
                raise bad(f"span {j} has no {key!r}")
            if not _is_int(item[key]):
                raise bad(f"span {j}: {key!r} must be an integer, not {type(item[key]).__name__}")
        start, end = int(item["start"]), int(item["end"])
        raw_label = item.get("label")
        if raw_label is None:
            raw_label = item.get("entity_type")
        if raw_label is None:
            raise bad(f"span {j} has no 'label' (or 'entity_type')")
        if not isinstance(raw_label, str):
            raise bad(f"span {j}: the label must be a string, not {type(raw_label).__name__}")
        if _dropped(raw_label, label_map):
            continue  # the label map says piilora does not mask this kind of value
        label = normalize_label(raw_label, label_map)
        if label is None:
            raise bad(
                f"span {j}: the label is not an UPPER_SNAKE entity type even after upper-casing "
                "(like EMAIL_ADDRESS); map it with label_map"
            )
        where = f"span {j} ({label} {start}:{end})"
        if start == end:
            raise bad(f"{where} is empty")
        if end < start:
            raise bad(f"{where} ends before it starts")
        if start < 0 or end > n:
            raise bad(f"{where} is out of range for a text of length {n}")
        value = item.get("value")
        if value is not None:
            if not isinstance(value, str):
                raise bad(f"{where}: 'value' must be a string, not {type(value).__name__}")
            if text[start:end] != value:
                raise bad(f"{where}: the text at these offsets differs from the span's 'value'")
        spans.append((start, end, label))
    return _sorted_checked(spans, bad)


def _sorted_checked(spans: list[tuple[int, int, str]], bad: Callable[[str], DataError]) -> list[tuple[int, int, str]]:
    ordered = sorted(spans)
    for before, after in itertools.pairwise(ordered):
        if after[0] < before[1]:
            raise bad(f"span ({after[2]} {after[0]}:{after[1]}) overlaps span ({before[2]} {before[0]}:{before[1]})")
    return ordered


def _align_spans(
    text: str,
    record: Mapping[str, Any],
    name: str,
    label_map: Mapping[str, str | None] | None,
    *,
    row: int,
    source: str,
) -> list[tuple[int, int, str]]:
    masked = _get_string(record, name, row=row, source=source)
    try:
        aligned = align_masked(text, masked)
    except AlignmentError as exc:
        raise DataError(
            f"the masked text does not align with the text at masked offset {exc.offset}: {exc.reason}",
            source=source,
            row=row,
            field=name,
        ) from None
    spans: list[tuple[int, int, str]] = []
    for span in aligned:
        if _dropped(span.entity_type, label_map):
            continue
        label = normalize_label(span.entity_type, label_map)
        if label is None:  # pragma: no cover - placeholder labels are UPPER_SNAKE already
            raise DataError("a placeholder label is not UPPER_SNAKE", source=source, row=row, field=name)
        spans.append((span.start, span.end, label))
    return spans


# --------------------------------------------------------------------------- public API


def load_records(
    path: str | Path,
    *,
    format: str | None = None,
    text_field: str = "text",
    spans_field: str | None = None,
    masked_field: str | None = None,
    label_map: str | Mapping[str, str | None] | None = None,
    limit: int | None = None,
    split: str | None = None,
    keep_fields: Sequence[str] = (),
) -> datasets.Dataset:
    """Read the user's annotated data into a ``text``/``spans``/``source_row`` dataset.

    ``keep_fields`` names record fields to carry along as string columns (``kind``, ``lang``:
    what an evaluation breaks its figures down by); a record without one gets ``""``.

    ``format`` (``"jsonl"``, ``"csv"``, ``"parquet"`` or ``"hf"``) overrides
    detection from the suffix (a directory is ``"hf"``). ``split`` picks the
    split of a saved ``DatasetDict`` (default ``"train"``). ``limit`` stops
    after that many records. See the module docstring for the layouts, label
    handling and row numbering. Raises :class:`DataError` on the first bad row
    and :class:`ConfigError` on bad arguments.
    """
    source = str(path)
    path = Path(path)
    if spans_field is not None and masked_field is not None:
        raise ConfigError("pass spans_field or masked_field, not both")
    if limit is not None and (not _is_int(limit) or limit < 0):
        raise ConfigError("limit must be a non-negative integer or None")
    checked_map = _check_label_map(label_map)
    if not path.exists():
        raise DataError("no such file or directory", source=source)
    fmt = _detect_format(path, format, source)

    texts: list[str] = []
    all_spans: list[list[dict[str, Any]]] = []
    rows: list[int] = []
    kept: dict[str, list[str]] = {name: [] for name in keep_fields}
    layout: _Layout | None = None
    if limit != 0:
        for row, record in _iter_records(path, fmt, source, split):
            if layout is None:
                layout = _resolve_layout(
                    record,
                    row=row,
                    text_field=text_field,
                    spans_field=spans_field,
                    masked_field=masked_field,
                    source=source,
                )
            if not isinstance(record, Mapping):
                raise DataError(f"the record is a {type(record).__name__}, not an object", source=source, row=row)
            text = _get_string(record, layout.text_field, row=row, source=source)
            if layout.kind == "spans":
                spans = _parse_spans(text, record, layout.field, checked_map, row=row, source=source)
            else:
                spans = _align_spans(text, record, layout.field, checked_map, row=row, source=source)
            texts.append(text)
            all_spans.append([{"start": s, "end": e, "label": lab} for s, e, lab in spans])
            rows.append(row)
            for name, values in kept.items():
                value = record.get(name)
                values.append("" if value is None else str(value))
            if limit is not None and len(texts) >= limit:
                break
    features = FEATURES
    if kept:
        features = datasets.Features({**FEATURES, **{name: datasets.Value("string") for name in kept}})
    return datasets.Dataset.from_dict(
        {"text": texts, "spans": all_spans, "source_row": rows, **kept}, features=features
    )


def save_dataset(dataset: datasets.Dataset, path: str | Path) -> None:
    """Write ``dataset`` with ``save_to_disk`` (a thin wrapper, for symmetry)."""
    dataset.save_to_disk(str(path))


def load_dataset_dir(path: str | Path, *, split: str | None = None) -> datasets.Dataset:
    """Load a dataset saved by :func:`save_dataset` and check it has ``text`` and ``spans``."""
    source = str(path)
    if not Path(path).is_dir():
        raise DataError("no such dataset directory", source=source)
    try:
        loaded = datasets.load_from_disk(source)
    except (OSError, ValueError) as exc:
        raise DataError(
            f"not a dataset directory written by save_to_disk ({type(exc).__name__})", source=source
        ) from None
    dataset = _pick_split(loaded, split, source)
    for name in ("text", "spans"):
        if name not in dataset.column_names:
            raise DataError("the dataset has no such column", source=source, field=name)
    return dataset


def load_split(data: Any, split: str, *, keep_fields: Sequence[str] = ()) -> tuple[Any, Any]:
    """``(rows of split, validation rows or None)`` for a corpus dir or data file; non-paths pass through.

    A ``DatasetDict`` directory gives its ``split`` (and, for ``train``, its ``validation``);
    any other path is read with :func:`load_records` (carrying ``keep_fields`` along).
    """
    if not isinstance(data, (str, Path)):
        return data, None
    import datasets

    path = Path(data)
    if not path.exists():
        raise DataError("data path does not exist", source=path)
    if path.is_dir() and (path / "dataset_dict.json").exists():
        loaded = datasets.load_from_disk(str(path))
        if split not in loaded:
            raise DataError(f"the dataset directory has no {split!r} split", source=path)
        return loaded[split], loaded["validation"] if split == "train" and "validation" in loaded else None
    return load_records(path, keep_fields=keep_fields), None
