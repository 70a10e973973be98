"""Label sets users already have (Presidio, ai4privacy), in both directions."""

from __future__ import annotations

import json

import pytest

from piilora.data.loaders import load_records
from piilora.errors import ConfigError
from piilora.evaluation import score
from piilora.labels import LABEL_SETS, label_map, to_label
from piilora.types import MaskResult, Span


def test_every_label_maps_to_a_registered_type_or_to_nothing():
    from piilora.plugins import create_plugin_manager, entity_generators

    registered = set(entity_generators(create_plugin_manager(autoload=False)))
    for name, mapping in LABEL_SETS.items():
        unknown = {t for t in mapping.values() if t is not None} - registered
        assert not unknown or unknown <= {
            "LOCATION", "POSTAL_CODE", "DATE", "AGE", "DEVICE_ID", "VEHICLE_ID", "CRYPTO_WALLET", "TAX_ID",
            "HEALTH_INSURANCE_ID", "MEDICAL_RECORD_NUMBER",
        }, (name, unknown)  # fmt: skip


def test_an_ai4privacy_file_loads_without_a_hand_written_map(tmp_path):
    text = "Jane Doe, nurse, mail jane@doe.org, born 03/04/1975 in Leeds"
    mask = [
        {"value": "Jane", "start": 0, "end": 4, "label": "FIRSTNAME"},
        {"value": "Doe", "start": 5, "end": 8, "label": "LASTNAME"},
        {"value": "nurse", "start": 10, "end": 15, "label": "JOBTITLE"},  # not PII for piilora: dropped
        {"value": "jane@doe.org", "start": 22, "end": 34, "label": "EMAIL"},
        {"value": "03/04/1975", "start": 41, "end": 51, "label": "DOB"},
        {"value": "Leeds", "start": 55, "end": 60, "label": "CITY"},
    ]
    path = tmp_path / "a4p.jsonl"
    path.write_text(json.dumps({"source_text": text, "privacy_mask": mask}) + "\n")
    rows = load_records(path, label_map="ai4privacy")
    assert [(s["label"], text[s["start"] : s["end"]]) for s in rows[0]["spans"]] == [
        ("PERSON", "Jane"),
        ("PERSON", "Doe"),
        ("EMAIL_ADDRESS", "jane@doe.org"),
        ("DATE_OF_BIRTH", "03/04/1975"),
        ("LOCATION", "Leeds"),
    ]


def test_scoring_on_a_presidio_labelled_file_joins_name_parts_and_skips_non_pii():
    text = "Jane Doe of ACME paid with 4111 1111 1111 1111"
    row = {
        "text": text,
        "spans": [
            {"start": 0, "end": 4, "label": "PERSON"},
            {"start": 5, "end": 8, "label": "PERSON"},
            {"start": 12, "end": 16, "label": "ORGANIZATION"},  # not masked by piilora: not scored
            {"start": 27, "end": 46, "label": "CREDIT_CARD"},
        ],
    }
    pred = (Span(0, 8, "PERSON"), Span(27, 46, "CREDIT_CARD"))
    result = MaskResult(text=text, spans=pred, replacements=(), scheme="bracket")
    report = score([row], [result], label_map="presidio", n_resamples=0)
    assert report.overall["strict_f1"] == 1.0


def test_piilora_types_in_other_label_sets_and_bad_names():
    assert to_label("PASSPORT", "presidio") == "US_PASSPORT"
    assert to_label("EMAIL_ADDRESS", "ai4privacy") == "EMAIL"
    assert to_label("EMPLOYEE_ID", "presidio") == "EMPLOYEE_ID"  # no name there: piilora's
    assert label_map({"NAME": "PERSON"}) == {"NAME": "PERSON"}
    with pytest.raises(ConfigError, match="unknown label set"):
        label_map("spacy")
    with pytest.raises(ConfigError, match="unknown label set"):
        to_label("PERSON", "spacy")
