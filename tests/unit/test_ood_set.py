"""The out-of-distribution evaluation set (benchmarks/ood): what its README promises holds."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from piilora.data.loaders import load_records
from piilora.entities.builtin import BUILTIN_ENTITY_TYPES

OOD = Path(__file__).resolve().parents[2] / "benchmarks" / "ood"


def _build():
    spec = importlib.util.spec_from_file_location("ood_build", OOD / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _split(name):
    return [json.loads(line) for line in (OOD / f"{name}.jsonl").read_text("utf-8").splitlines()]


def test_the_committed_splits_are_what_the_sources_build():
    build = _build()
    rows = [row for path in sorted((OOD / "raw").glob("*.txt")) for row in build.parse(path)]
    expected = {"dev": [], "test": []}
    for row in rows:
        expected[build.split_of(row)].append(row)
    assert _split("dev") == expected["dev"]
    assert _split("test") == expected["test"]


def test_size_kinds_languages_and_pii_free_share():
    rows = _split("dev") + _split("test")
    assert len(rows) >= 600
    assert len({r["kind"] for r in rows}) >= 15
    assert 0.2 <= sum(not r["spans"] for r in rows) / len(rows) <= 0.3
    langs = Counter(r["lang"] for r in rows)
    assert set(langs) == {"en", "de", "fr", "es", "it", "nl"} and langs["en"] < 0.9 * len(rows)
    assert not {r["id"] for r in _split("dev")} & {r["id"] for r in _split("test")}
    assert 0.25 <= len(_split("dev")) / len(rows) <= 0.4  # a third for error analysis, the rest frozen


@pytest.mark.parametrize("name", ["dev", "test"])
def test_spans_are_exact_typed_and_disjoint(name):
    for row in _split(name):
        text, last_end = row["text"], 0
        for s in sorted(row["spans"], key=lambda s: s["start"]):
            value = text[s["start"] : s["end"]]
            assert value and value == value.strip(), row["id"]
            assert s["label"] in BUILTIN_ENTITY_TYPES, row["id"]
            assert s["start"] >= last_end, row["id"]
            last_end = s["end"]


def test_the_loader_keeps_the_kind_and_language_for_the_breakdown():
    ds = load_records(OOD / "dev.jsonl", keep_fields=("kind", "lang", "missing"))
    assert set(ds.column_names) == {"text", "spans", "source_row", "kind", "lang", "missing"}
    assert ds[0]["kind"] == _split("dev")[0]["kind"] and ds[0]["missing"] == ""
