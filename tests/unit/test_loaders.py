"""Loading users' data: every format x every layout, and every bad input."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from piilora.data.loaders import FEATURES, load_dataset_dir, load_records, normalize_label, save_dataset
from piilora.errors import ConfigError, DataError

# PII-looking content that must never appear in an error message.
NAME = "Jonathan Quarrington"
EMAIL = "jq.secret@example.org"
PHONE = "+44 7700 900123"
TEXT0 = f"Please contact {NAME} at {EMAIL} today."
TEXT1 = f"Call {PHONE} about the order."
SECRETS = (NAME, "Jonathan", "Quarrington", EMAIL, "jq.secret", PHONE, "7700", "Please contact", "Call")


def _span(text: str, value: str, label: str) -> dict[str, Any]:
    start = text.index(value)
    return {"start": start, "end": start + len(value), "label": label}


SPANS0 = [_span(TEXT0, NAME, "PERSON"), _span(TEXT0, EMAIL, "EMAIL_ADDRESS")]
SPANS1 = [_span(TEXT1, PHONE, "PHONE_NUMBER")]
EXPECTED = [
    {"text": TEXT0, "spans": SPANS0, "source_row": 0},
    {"text": TEXT1, "spans": SPANS1, "source_row": 1},
    {"text": "Nothing to hide.", "spans": [], "source_row": 2},
]


def span_records() -> list[dict[str, Any]]:
    # spans deliberately unsorted in row 0; the loader sorts them.
    return [
        {"id": 7, "text": TEXT0, "spans": list(reversed(SPANS0))},
        {"id": 8, "text": TEXT1, "spans": SPANS1},
        {"id": 9, "text": "Nothing to hide.", "spans": []},
    ]


def masked_records() -> list[dict[str, Any]]:
    return [
        {"text": TEXT0, "masked": "Please contact [PERSON_1] at [EMAIL_ADDRESS_1] today."},
        {"text": TEXT1, "masked": "Call [PHONE_NUMBER] about the order."},
        {"text": "Nothing to hide.", "masked": "Nothing to hide."},
    ]


def ai4privacy_records() -> list[dict[str, Any]]:
    def mask(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"value": text[s["start"] : s["end"]], **s} for s in spans]

    return [
        {
            "source_text": TEXT0,
            "target_text": "Please contact [PERSON] at [EMAIL_ADDRESS] today.",
            "privacy_mask": mask(TEXT0, SPANS0),
            "language": "en",
        },
        {
            "source_text": TEXT1,
            "target_text": "Call [PHONE_NUMBER] about the order.",
            "privacy_mask": mask(TEXT1, SPANS1),
            "language": "en",
        },
        {
            "source_text": "Nothing to hide.",
            "target_text": "Nothing to hide.",
            "privacy_mask": [],
            "language": "en",
        },
    ]


LAYOUTS: dict[str, Callable[[], list[dict[str, Any]]]] = {
    "spans": span_records,
    "masked": masked_records,
    "ai4privacy": ai4privacy_records,
}


def _csv_cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def write(fmt: str, records: list[dict[str, Any]], directory: Path, name: str = "data") -> Path:
    """Write ``records`` in ``fmt``; nested values become JSON strings in CSV."""
    if fmt == "jsonl":
        path = directory / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif fmt == "csv":
        import csv

        path = directory / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(records[0]))
            writer.writeheader()
            for record in records:
                writer.writerow({k: _csv_cell(v) for k, v in record.items()})
    elif fmt == "parquet":
        path = directory / f"{name}.parquet"
        pq.write_table(pa.Table.from_pylist(records), path)
    elif fmt == "hf":
        path = directory / name
        datasets.Dataset.from_list(records).save_to_disk(str(path))
    else:  # pragma: no cover
        raise AssertionError(fmt)
    return path


def rows(ds: datasets.Dataset) -> list[dict[str, Any]]:
    return [dict(r) for r in ds]


FORMATS = ["jsonl", "csv", "parquet", "hf"]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_and_layout(tmp_path: Path, fmt: str, layout: str) -> None:
    path = write(fmt, LAYOUTS[layout](), tmp_path)
    ds = load_records(path)
    assert isinstance(ds, datasets.Dataset)
    assert ds.features == FEATURES
    assert ds.column_names == ["text", "spans", "source_row"]
    assert rows(ds) == EXPECTED


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_through_save_to_disk(tmp_path: Path, fmt: str) -> None:
    ds = load_records(write(fmt, span_records(), tmp_path))
    save_dataset(ds, tmp_path / "saved")
    again = datasets.load_from_disk(str(tmp_path / "saved"))
    assert again.features == FEATURES
    assert rows(again) == EXPECTED
    assert rows(load_dataset_dir(tmp_path / "saved")) == EXPECTED
    # A saved piilora dataset is itself a valid input.
    assert rows(load_records(tmp_path / "saved")) == EXPECTED


def test_empty_span_lists_are_typed(tmp_path: Path) -> None:
    records = [{"text": "a", "spans": []}, {"text": "b", "spans": []}]
    ds = load_records(write("jsonl", records, tmp_path))
    assert ds.features == FEATURES
    assert ds["spans"] == [[], []]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    ds = load_records(path)
    assert len(ds) == 0
    assert ds.features == FEATURES


def test_format_override_and_json_array(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_text("".join(json.dumps(r) + "\n" for r in span_records()), encoding="utf-8")
    assert rows(load_records(path, format="jsonl")) == EXPECTED
    array = tmp_path / "array.json"
    array.write_text(json.dumps(span_records()), encoding="utf-8")
    assert rows(load_records(array)) == EXPECTED
    lines = tmp_path / "lines.json"
    lines.write_text("".join(json.dumps(r) + "\n" for r in span_records()), encoding="utf-8")
    assert rows(load_records(lines)) == EXPECTED


def test_jsonl_rows_are_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    recs = span_records()
    path.write_text(json.dumps(recs[0]) + "\n\n" + json.dumps(recs[1]) + "\n", encoding="utf-8")
    assert load_records(path)["source_row"] == [0, 2]


def test_limit(tmp_path: Path) -> None:
    path = write("jsonl", span_records(), tmp_path)
    assert rows(load_records(path, limit=2)) == EXPECTED[:2]
    assert len(load_records(path, limit=0)) == 0
    with pytest.raises(ConfigError):
        load_records(path, limit=-1)


def test_limit_stops_before_a_later_bad_row(tmp_path: Path) -> None:
    records = [*span_records(), {"text": None, "spans": []}]
    path = write("jsonl", records, tmp_path)
    assert len(load_records(path, limit=3)) == 3
    with pytest.raises(DataError):
        load_records(path)


def test_explicit_fields(tmp_path: Path) -> None:
    records = [
        {"body": TEXT0, "ents": SPANS0, "redacted": "Please contact [PERSON] at [EMAIL_ADDRESS] today."},
        {"body": TEXT1, "ents": SPANS1, "redacted": "Call [PHONE_NUMBER] about the order."},
    ]
    path = write("jsonl", records, tmp_path)
    by_spans = load_records(path, text_field="body", spans_field="ents")
    by_masked = load_records(path, text_field="body", masked_field="redacted")
    assert rows(by_spans) == rows(by_masked) == EXPECTED[:2]
    with pytest.raises(ConfigError):
        load_records(path, text_field="body", spans_field="ents", masked_field="redacted")


@pytest.mark.parametrize("name", ["target", "masked_text", "target_text"])
def test_other_masked_column_names(tmp_path: Path, name: str) -> None:
    records = [{"text": r["text"], name: r["masked"]} for r in masked_records()]
    assert rows(load_records(write("jsonl", records, tmp_path))) == EXPECTED


def test_entity_type_key_and_value_key(tmp_path: Path) -> None:
    spans = [{"start": s["start"], "end": s["end"], "entity_type": s["label"]} for s in SPANS0]
    spans[0]["value"] = NAME
    path = write("jsonl", [{"text": TEXT0, "spans": spans}], tmp_path)
    assert rows(load_records(path)) == EXPECTED[:1]


def test_privacy_mask_as_json_string_in_jsonl(tmp_path: Path) -> None:
    records = ai4privacy_records()
    for r in records:
        r["privacy_mask"] = json.dumps(r["privacy_mask"])
    assert rows(load_records(write("jsonl", records, tmp_path))) == EXPECTED


def test_label_map(tmp_path: Path) -> None:
    records = [
        {
            "text": TEXT0,
            "spans": [
                {**SPANS0[0], "label": "FIRSTNAME"},
                {**SPANS0[1], "label": "email"},
            ],
        }
    ]
    path = write("jsonl", records, tmp_path)
    ds = load_records(path, label_map={"FIRSTNAME": "PERSON", "EMAIL": "EMAIL_ADDRESS"})
    assert ds[0]["spans"] == SPANS0
    # label_map also applies to placeholder labels of masked pairs (numbering stripped first).
    masked = [{"text": TEXT0, "masked": "Please contact [FIRSTNAME_1] at [EMAIL_2] today."}]
    ds = load_records(
        write("jsonl", masked, tmp_path, "m"), label_map={"FIRSTNAME": "PERSON", "EMAIL": "EMAIL_ADDRESS"}
    )
    assert ds[0]["spans"] == SPANS0


def test_unmapped_labels_are_upper_snaked(tmp_path: Path) -> None:
    spans = [{**SPANS0[0], "label": "first name"}, {**SPANS0[1], "label": "e-mail.address"}]
    ds = load_records(write("jsonl", [{"text": TEXT0, "spans": spans}], tmp_path))
    assert [s["label"] for s in ds[0]["spans"]] == ["FIRST_NAME", "E_MAIL_ADDRESS"]
    assert normalize_label("first_name") == "FIRST_NAME"
    assert normalize_label("GIVENNAME1") == "GIVENNAME1"
    assert normalize_label("first name", {"FIRST_NAME": "PERSON"}) == "PERSON"
    assert normalize_label("名前") is None
    assert normalize_label("1st") is None


@pytest.mark.parametrize("label", ["名前", "1st", "", "a/b"])
def test_unusable_label_is_a_bad_row(tmp_path: Path, label: str) -> None:
    spans = [{**SPANS0[0], "label": label}]
    path = write("jsonl", [span_records()[1], {"text": TEXT0, "spans": spans}], tmp_path)
    with pytest.raises(DataError, match="label_map") as info:
        load_records(path)
    assert (info.value.row, info.value.field) == (1, "spans")


def test_bad_label_map_values() -> None:
    with pytest.raises(ConfigError):
        load_records("whatever.jsonl", label_map={"FIRSTNAME": "person"})
    with pytest.raises(ConfigError):
        load_records("whatever.jsonl", label_map=["PERSON"])  # type: ignore[arg-type]


def test_dataset_dict_split(tmp_path: Path) -> None:
    dd = datasets.DatasetDict(
        {
            "train": datasets.Dataset.from_list(span_records()),
            "test": datasets.Dataset.from_list(span_records()[:1]),
        }
    )
    dd.save_to_disk(str(tmp_path / "dd"))
    assert rows(load_records(tmp_path / "dd")) == EXPECTED
    assert rows(load_records(tmp_path / "dd", split="test")) == EXPECTED[:1]
    with pytest.raises(DataError, match="split") as info:
        load_records(tmp_path / "dd", split="validation")
    assert info.value.source == str(tmp_path / "dd")
    datasets.DatasetDict({"a": datasets.Dataset.from_list(span_records())}).save_to_disk(str(tmp_path / "nt"))
    with pytest.raises(DataError, match="split="):
        load_records(tmp_path / "nt")
    assert len(load_records(tmp_path / "nt", split="a")) == 3


def test_no_torch_import() -> None:
    import subprocess
    import sys

    code = "import sys, piilora.data.loaders, piilora.alignment; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- bad rows


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(record: dict[str, Any]) -> None:
        record[key] = value

    return mutate


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(record: dict[str, Any]) -> None:
        del record[key]

    return mutate


def _span_edit(index: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(record: dict[str, Any]) -> None:
        span = record["spans"][index]
        for key, value in changes.items():
            if value is _DELETE:
                del span[key]
            else:
                span[key] = value

    return mutate


_DELETE = object()
START0 = SPANS0[0]["start"]
END0 = SPANS0[0]["end"]

# (id, mutation of row 1 of span_records(), expected field, message fragment)
BAD_SPAN_ROWS = [
    ("text-missing", _drop("text"), "text", "missing"),
    ("text-null", _set("text", None), "text", "null"),
    ("text-int", _set("text", 12345), "text", "string"),
    ("text-list", _set("text", [NAME]), "text", "string"),
    ("spans-missing", _drop("spans"), "spans", "missing"),
    ("spans-null", _set("spans", None), "spans", "null"),
    ("spans-dict", _set("spans", {"start": 0, "end": 3, "label": "PERSON"}), "spans", "list"),
    ("spans-int", _set("spans", 3), "spans", "list"),
    ("spans-bad-json-string", _set("spans", f"[{{{NAME}"), "spans", "invalid JSON"),
    ("span-not-record", _set("spans", [NAME]), "spans", "record"),
    ("span-no-start", _span_edit(0, start=_DELETE), "spans", "'start'"),
    ("span-no-end", _span_edit(0, end=_DELETE), "spans", "'end'"),
    ("span-no-label", _span_edit(0, label=_DELETE), "spans", "label"),
    ("span-label-int", _span_edit(0, label=5), "spans", "label"),
    ("span-float-start", _span_edit(0, start=5.0), "spans", "integer"),
    ("span-str-end", _span_edit(0, end="12"), "spans", "integer"),
    ("span-bool-start", _span_edit(0, start=True), "spans", "integer"),
    ("span-negative", _span_edit(0, start=-1), "spans", "out of range"),
    ("span-past-end", _span_edit(0, end=10_000), "spans", "out of range"),
    ("span-empty", _span_edit(0, end=START0), "spans", "empty"),
    ("span-reversed", _span_edit(0, start=END0, end=START0), "spans", "before"),
    ("span-value-mismatch", _span_edit(0, value=EMAIL), "spans", "value"),
    ("span-value-int", _span_edit(0, value=7), "spans", "value"),
    ("spans-overlap", _span_edit(1, start=START0 + 2), "spans", "overlaps"),
]


def _bad_span_record(mutate: Callable[[dict[str, Any]], None]) -> list[dict[str, Any]]:
    records = copy.deepcopy(span_records())
    records[1] = {"text": TEXT0, "spans": copy.deepcopy(SPANS0)}
    mutate(records[1])
    return records


def _assert_clean(err: DataError, path: Path, row: int | None, field: str | None) -> None:
    assert err.source == str(path)
    assert err.row == row
    assert err.field == field
    message = str(err)
    for secret in SECRETS:
        assert secret not in message, f"{secret!r} leaked into {message!r}"


def _columnar_ok(mutate: Callable[[dict[str, Any]], None]) -> bool:
    """Parquet and saved datasets have every column in every row, one type per column."""
    record = _bad_span_record(mutate)[1]
    return {"text", "spans"} <= set(record) and isinstance(record["text"], (str, type(None)))


def _csv_ok(mutate: Callable[[dict[str, Any]], None]) -> bool:
    """CSV cells are always present, non-null strings."""
    record = _bad_span_record(mutate)[1]
    return set(record) == {"text", "spans"} and isinstance(record["text"], str) and record["spans"] is not None


def _cases(keep: Callable[[Callable[[dict[str, Any]], None]], bool]) -> list[Any]:
    return [pytest.param(m, f, frag, id=name) for name, m, f, frag in BAD_SPAN_ROWS if keep(m)]


@pytest.mark.parametrize(("mutate", "field", "fragment"), _cases(lambda m: True))
def test_bad_span_rows_jsonl(
    tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str, fragment: str
) -> None:
    path = write("jsonl", _bad_span_record(mutate), tmp_path)
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, field)
    assert fragment in str(info.value)


@pytest.mark.parametrize(("mutate", "field", "fragment"), _cases(_columnar_ok))
@pytest.mark.parametrize("fmt", ["parquet", "hf"])
def test_bad_span_rows_columnar(
    tmp_path: Path, fmt: str, mutate: Callable[[dict[str, Any]], None], field: str, fragment: str
) -> None:
    # Span lists of mixed shapes cannot share one Arrow column: store them as JSON strings.
    records = _bad_span_record(mutate)
    for r in records:
        if not isinstance(r["spans"], (str, type(None))):
            r["spans"] = json.dumps(r["spans"])
    path = write(fmt, records, tmp_path)
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, field)
    assert fragment in str(info.value)


@pytest.mark.parametrize(("mutate", "field", "fragment"), _cases(_csv_ok))
def test_bad_span_rows_csv(tmp_path: Path, mutate: Callable[[dict[str, Any]], None], field: str, fragment: str) -> None:
    records = _bad_span_record(mutate)
    for r in records:
        r.pop("id", None)
    path = write("csv", records, tmp_path)
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, field)
    assert fragment in str(info.value)


@pytest.mark.parametrize("fmt", ["parquet", "hf"])
def test_missing_column_columnar(tmp_path: Path, fmt: str) -> None:
    records = [{"body": r["text"], "spans": json.dumps(r["spans"])} for r in span_records()]
    path = write(fmt, records, tmp_path)
    with pytest.raises(DataError, match="missing") as info:
        load_records(path)
    _assert_clean(info.value, path, 0, "text")


def test_csv_spans_cell_with_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f'text,spans\n"{TEXT1}",[]\n"{TEXT0}","[{{""start"": 15, {NAME}"\n', encoding="utf-8")
    with pytest.raises(DataError, match="invalid JSON") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "spans")


def test_csv_empty_spans_cell_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f'text,spans\n"{TEXT1}",[]\n"{TEXT0}",\n', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "spans")


def test_csv_ragged_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f'text,spans\n"{TEXT1}",[]\n"{TEXT0}",[],extra\n', encoding="utf-8")
    with pytest.raises(DataError, match="cells") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, None)


def test_csv_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f'body,spans\n"{TEXT1}",[]\n', encoding="utf-8")
    with pytest.raises(DataError, match="missing") as info:
        load_records(path)
    _assert_clean(info.value, path, 0, "text")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("masked", "fragment"),
    [
        ("Please contact [PERSON] at [EMAIL_ADDRESS] tomorrow.", "does not align"),
        ("Please call [PERSON] at [EMAIL_ADDRESS] today.", "does not align"),
        ("Please contact [PERSON][EMAIL_ADDRESS] today.", "touch"),
        (TEXT0 + " ", "does not align"),
    ],
)
def test_bad_masked_rows(tmp_path: Path, fmt: str, masked: str, fragment: str) -> None:
    records = masked_records()
    records[1] = {"text": TEXT0, "masked": masked}
    path = write(fmt, records, tmp_path)
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "masked")
    assert fragment in str(info.value)
    assert "offset" in str(info.value)


@pytest.mark.parametrize("value", [None, 42])
def test_bad_masked_field_type(tmp_path: Path, value: Any) -> None:
    records = masked_records()
    records[1]["masked"] = value
    path = write("jsonl", records, tmp_path)
    with pytest.raises(DataError) as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "masked")


@pytest.mark.parametrize("fmt", FORMATS)
def test_ai4privacy_value_mismatch(tmp_path: Path, fmt: str) -> None:
    records = ai4privacy_records()
    records[1]["privacy_mask"] = [
        {"value": NAME, "start": SPANS1[0]["start"], "end": SPANS1[0]["end"], "label": "PERSON"}
    ]
    path = write(fmt, records, tmp_path)
    with pytest.raises(DataError, match="value") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "privacy_mask")


def test_ai4privacy_invalid_json_string(tmp_path: Path) -> None:
    records = ai4privacy_records()
    for r in records:
        r["privacy_mask"] = json.dumps(r["privacy_mask"])
    records[1]["privacy_mask"] = records[1]["privacy_mask"][:-5]
    path = write("csv", records, tmp_path)
    with pytest.raises(DataError, match="invalid JSON") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, "privacy_mask")


def test_jsonl_invalid_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(span_records()[0]) + "\n" + '{"text": "' + NAME + '", spans\n', encoding="utf-8")
    with pytest.raises(DataError, match="invalid JSON") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, None)


def test_jsonl_record_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(span_records()[0]) + "\n" + json.dumps([NAME]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="not an object") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, None)


def test_jsonl_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps(span_records()[0]).encode() + b"\n" + NAME.encode("utf-16") + b"\n")
    with pytest.raises(DataError, match="UTF-8") as info:
        load_records(path)
    _assert_clean(info.value, path, 1, None)


def test_layout_cannot_be_detected(tmp_path: Path) -> None:
    path = write("jsonl", [{"text": TEXT0, "labels": []}], tmp_path)
    with pytest.raises(DataError, match="spans_field") as info:
        load_records(path)
    _assert_clean(info.value, path, 0, None)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.jsonl"
    with pytest.raises(DataError, match="no such") as info:
        load_records(path)
    _assert_clean(info.value, path, None, None)


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(DataError, match="format") as info:
        load_records(path)
    _assert_clean(info.value, path, None, None)
    with pytest.raises(DataError, match="unknown format") as info:
        load_records(path, format="excel")
    _assert_clean(info.value, path, None, None)


def test_unreadable_parquet(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    path.write_text(TEXT0, encoding="utf-8")
    with pytest.raises(DataError, match="Parquet") as info:
        load_records(path)
    _assert_clean(info.value, path, None, None)


def test_directory_that_is_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "notes.txt").write_text(TEXT0, encoding="utf-8")
    with pytest.raises(DataError, match="save_to_disk") as info:
        load_records(tmp_path / "dir")
    _assert_clean(info.value, tmp_path / "dir", None, None)
    with pytest.raises(DataError):
        load_dataset_dir(tmp_path / "dir")


def test_hf_format_on_a_file(tmp_path: Path) -> None:
    path = write("jsonl", span_records(), tmp_path)
    with pytest.raises(DataError, match="directory"):
        load_records(path, format="hf")


def test_unreadable_file(tmp_path: Path) -> None:
    # A directory forced to be read as JSON Lines cannot be opened as a file.
    (tmp_path / "dir.jsonl").mkdir()
    with pytest.raises(DataError, match="cannot open") as info:
        load_records(tmp_path / "dir.jsonl", format="jsonl")
    _assert_clean(info.value, tmp_path / "dir.jsonl", None, None)
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(DataError, match="cannot open"):
        load_records(tmp_path / "dir.csv", format="csv")


def test_load_dataset_dir_requires_columns(tmp_path: Path) -> None:
    datasets.Dataset.from_list([{"body": "x"}]).save_to_disk(str(tmp_path / "d"))
    with pytest.raises(DataError, match="column") as info:
        load_dataset_dir(tmp_path / "d")
    assert info.value.field == "text"


def test_no_row_is_dropped_or_changed(tmp_path: Path) -> None:
    # Texts with odd whitespace, brackets and unicode survive byte for byte.
    texts = ["  leading and trailing  ", "tabs\tand\nnewlines\r\n", "[NOTE] ünïcödé 🙂", ""]
    records = [{"text": t, "spans": []} for t in texts]
    for fmt in FORMATS:
        ds = load_records(write(fmt, records, tmp_path, f"odd-{fmt}"))
        assert ds["text"] == texts, fmt
        assert ds["source_row"] == [0, 1, 2, 3]
