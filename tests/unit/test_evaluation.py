import json

import pytest

from piilora.evaluation import score, write_report
from piilora.placeholders.base import apply_scheme
from piilora.placeholders.builtin import piilora_register_placeholder_schemes
from piilora.types import Span

TEXT = "Jane Doe mailed jane@doe.com from 10.0.0.1"
GOLD = {
    "text": TEXT,
    "spans": [
        {"start": 0, "end": 8, "label": "PERSON"},
        {"start": 16, "end": 28, "label": "EMAIL_ADDRESS"},
        {"start": 34, "end": 42, "label": "IP_ADDRESS"},
    ],
}
EMPTY = {"text": "Order 4411 shipped.", "spans": []}


def _bracket():
    found = []
    piilora_register_placeholder_schemes(found.append)
    return next(s for s in found if s.name == "bracket")


def _mask(text, spans):
    return apply_scheme(text, spans, _bracket())


def test_perfect_system():
    spans = [Span(s["start"], s["end"], s["label"]) for s in GOLD["spans"]]
    rep = score([GOLD, EMPTY], [_mask(TEXT, spans), _mask(EMPTY["text"], [])])
    assert rep.overall["strict_f1"] == 1.0
    assert rep.overall["leak_rate"] == 0.0
    assert rep.overall["preservation"] == 1.0
    assert rep.overall["false_positive_rate"] == 0.0


def test_partial_and_wrong_type_and_leaks():
    pred = [Span(0, 4, "PERSON"), Span(16, 28, "URL")]  # half a name, email typed as URL, IP missed
    rep = score([GOLD], [_mask(TEXT, pred)])
    assert rep.overall["strict_precision"] == 0.0
    assert rep.overall["partial_recall"] == pytest.approx(1 / 3)
    assert rep.overall["type_agnostic_f1"] == pytest.approx(2 * (1.0 * 2 / 3) / (1.0 + 2 / 3))
    assert rep.overall["leak_rate"] == pytest.approx(1 / 3)  # the IP is still there verbatim ("Doe" alone is not)
    assert rep.confusion["EMAIL_ADDRESS"] == {"URL": 1}
    assert rep.confusion["IP_ADDRESS"] == {"(missed)": 1}
    assert rep.per_type["URL"]["support"] == 0


def test_false_positive_on_pii_free_text():
    rep = score([EMPTY], [_mask(EMPTY["text"], [Span(6, 10, "US_SSN")])])
    assert rep.overall["false_positive_rate"] == 1.0
    assert rep.overall["strict_precision"] == 0.0


def test_rewriting_lowers_preservation():
    from piilora.types import MaskResult

    rewritten = MaskResult(text="Order 9999 shipped!", spans=(), replacements=(), scheme="bracket")
    rep = score([EMPTY], [rewritten])
    assert rep.overall["preservation"] < 1.0


def test_label_map_and_unmapped_labels_are_reported():
    gold = {"text": "Jane", "spans": [{"start": 0, "end": 4, "label": "FIRSTNAME"}]}
    rep = score([gold], [_mask("Jane", [Span(0, 4, "PERSON")])], label_map={"FIRSTNAME": "PERSON"})
    assert rep.overall["strict_f1"] == 1.0
    rep = score([gold], [_mask("Jane", [Span(0, 4, "PERSON")])])
    assert rep.counts["unmapped_predicted_PERSON"] == 1


def test_report_files_carry_no_text(tmp_path):
    spans = [Span(0, 8, "PERSON")]
    reps = [
        score([GOLD], [_mask(TEXT, spans)], [0.01], name="a"),
        score([GOLD], [_mask(TEXT, [])], [0.02], name="b"),
    ]
    out = write_report(reps, tmp_path)
    md = (out / "report.md").read_text()
    assert "| strict F1 |" in md and "| a | b |" in md
    assert (out / "f1_per_type.png").stat().st_size > 0
    for f in out.iterdir():
        if f.suffix in (".json", ".md"):
            body = f.read_text()
            assert "Jane" not in body and "jane@doe.com" not in body
    assert json.loads((out / "report.json").read_text())[0]["latency_ms"]["p50"] == pytest.approx(10.0)


def _flag_rows(n_templates: int, per_template: int, flagged_templates: int):
    """PII-free rows, ``per_template`` per template; every row of the first
    ``flagged_templates`` templates gets a false positive."""
    rows, results = [], []
    for t in range(n_templates):
        for _ in range(per_template):
            rows.append({**EMPTY, "template_ids": [f"sms/{t:03d}"]})
            results.append(_mask(EMPTY["text"], [Span(6, 10, "US_SSN")] if t < flagged_templates else []))
    return rows, results


def test_intervals_bracket_the_figure_and_are_reproducible():
    rows, results = _flag_rows(20, 5, 3)
    rep = score(rows, results)
    low, high = rep.intervals["false_positive_rate"]
    assert low <= rep.overall["false_positive_rate"] == 0.15 <= high
    assert rep.counts["resampled_groups"] == 20
    assert score(rows, results).intervals == rep.intervals  # seeded
    assert set(rep.intervals) == {"strict_f1", "leak_rate", "false_positive_rate", "char_f1", "core_span_recall"}


def test_errors_clustered_in_templates_give_wider_intervals_than_rows_alone():
    rows, results = _flag_rows(20, 5, 3)
    by_template = score(rows, results).intervals["false_positive_rate"]
    by_row = score(rows, results, group_by=None).intervals["false_positive_rate"]
    assert by_template[1] - by_template[0] > by_row[1] - by_row[0]


def test_a_perfect_system_has_degenerate_intervals_and_they_can_be_skipped(tmp_path):
    spans = [Span(s["start"], s["end"], s["label"]) for s in GOLD["spans"]]
    rows = [{**GOLD, "template_ids": [f"t/{i}"]} for i in range(4)] + [EMPTY]
    rep = score(rows, [_mask(TEXT, spans)] * 4 + [_mask(EMPTY["text"], [])])
    assert rep.intervals == {
        "strict_f1": [1.0, 1.0],
        "leak_rate": [0.0, 0.0],
        "false_positive_rate": [0.0, 0.0],
        "char_f1": [1.0, 1.0],
        "core_span_recall": [1.0, 1.0],
    }
    assert score(rows, [_mask(TEXT, spans)] * 4 + [_mask(EMPTY["text"], [])], n_resamples=0).intervals == {}
    md = (write_report([rep], tmp_path) / "report.md").read_text()
    assert "| strict F1, 95% interval | 1.000-1.000 |" in md
    assert json.loads((tmp_path / "report.json").read_text())[0]["intervals"]["leak_rate"] == [0.0, 0.0]


def test_character_metrics_and_full_masking_are_label_agnostic():
    # the name cut short and typed wrong, the e-mail typed wrong, the IP missed; an FP on "Order"
    pred = [Span(0, 4, "USERNAME"), Span(16, 28, "URL")]
    rep = score([GOLD, EMPTY], [_mask(TEXT, pred), _mask(EMPTY["text"], [Span(0, 5, "PERSON")])])
    gold_chars = 7 + 12 + 8  # "Jane Doe" without its space, the e-mail, the IP
    tp = 4 + 12
    assert rep.overall["char_recall"] == pytest.approx(tp / gold_chars)
    assert rep.overall["char_precision"] == pytest.approx(tp / (4 + 12 + 5))
    assert rep.overall["span_recall_full"] == pytest.approx(1 / 3)  # only the e-mail is masked in full
    assert rep.overall["core_span_recall"] == pytest.approx(1 / 3)
    assert rep.per_type["EMAIL_ADDRESS"]["masked_recall"] == 1.0
    assert rep.per_type["PERSON"]["masked_recall"] == 0.0
    assert rep.overall["strict_f1"] == 0.0  # the typed metrics still see the wrong types


def test_a_multi_line_address_is_masked_in_full_whatever_its_newlines():
    text = "Send to 12 Oak Lane\nLeeds\nLS1 4AB today"
    gold = {"text": text, "spans": [{"start": 8, "end": 33, "label": "STREET_ADDRESS"}]}
    pieces = [Span(8, 19, "STREET_ADDRESS"), Span(20, 25, "LOCATION"), Span(26, 33, "POSTAL_CODE")]
    rep = score([gold], [_mask(text, pieces)])
    assert rep.overall["core_span_recall"] == 1.0
    assert rep.overall["char_f1"] == 1.0
    rep = score([gold], [_mask(text, pieces[:1])])
    assert rep.overall["core_span_recall"] == 0.0  # the town and postcode stayed readable


def test_breakdown_per_kind_of_writing(tmp_path):
    rows = [{**GOLD, "kind": "chat"}, {**EMPTY, "kind": "log"}, {**EMPTY, "kind": "log"}]
    spans = [Span(s["start"], s["end"], s["label"]) for s in GOLD["spans"]]
    results = [_mask(TEXT, spans), _mask(EMPTY["text"], [Span(0, 5, "PERSON")]), _mask(EMPTY["text"], [])]
    rep = score(rows, results, breakdown=("kind",))
    chat, log = rep.groups["kind"]["chat"], rep.groups["kind"]["log"]
    assert chat["texts"] == 1 and chat["char_f1"] == 1.0 and chat["core_span_recall"] == 1.0
    assert log["texts"] == 2 and log["false_positive_rate"] == 0.5 and log["pii_free_texts"] == 2
    assert "Per kind" in write_report([rep], tmp_path).joinpath("report.md").read_text()
    assert json.loads((tmp_path / "report.json").read_text())[0]["groups"]["kind"]["log"]["texts"] == 2


def test_a_redactor_like_system_is_evaluated_in_batches_with_the_same_scores():
    from piilora.evaluation import evaluate

    class Masker:
        def __init__(self):
            self.calls = []

        def mask(self, text):
            self.calls.append(1)
            return _mask(text, [Span(0, 8, "PERSON")] if text == TEXT else [])

        def mask_batch(self, texts):
            self.calls.append(len(texts))
            return [_mask(t, [Span(0, 8, "PERSON")] if t == TEXT else []) for t in texts]

    rows = [GOLD, EMPTY, GOLD, EMPTY, GOLD]
    one, batched = Masker(), Masker()
    (a,) = evaluate(rows, {"m": one.mask})
    (b,) = evaluate(rows, {"m": batched.mask}, batch_size=2)
    assert one.calls == [1] * 5 and batched.calls == [2, 2, 1]
    assert a.overall == b.overall and a.per_type == b.per_type
