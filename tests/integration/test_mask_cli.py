"""`piilora mask` end to end with a tiny merged Gemma 3 model dir (real tokenizer)."""

import json
import os
import subprocess
import sys

import pytest

from piilora.cli import main

pytestmark = pytest.mark.integration


@pytest.fixture
def model_dir(tiny_model_dir):
    return tiny_model_dir


@pytest.fixture
def records(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": f"Record {i}: write to user{i}@example.com or 10.0.{i}.1"} for i in range(7)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return src, rows


def _read(path):
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_mask_a_text_with_json_spans(model_dir, capsys):
    text = "Mail jane@doe.com now"
    assert main(["mask", text, "--adapter", str(model_dir), "--json", "--threads", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "jane@doe.com" not in out["text"]
    email = [s for s in out["spans"] if s["label"] == "EMAIL_ADDRESS"]
    assert email and text[email[0]["start"] : email[0]["end"]] == "jane@doe.com"


def test_mask_a_jsonl_file_and_resume(model_dir, records, tmp_path):
    src, rows = records
    dst = tmp_path / "out.jsonl"
    args = ["mask", "--in", str(src), "--out", str(dst), "--adapter", str(model_dir), "--quiet", "--batch-size", "3"]
    assert main(args) == 0
    full = _read(dst)
    assert [r["id"] for r in full] == [r["id"] for r in rows]
    assert all(f"user{r['id']}@example.com" not in r["text"] for r in full)
    # an interrupted run: two complete lines and a torn third one, the sidecar vouching for two
    from piilora.masking_io import _prefix_digest, progress_path

    lines = dst.read_text().splitlines(keepends=True)
    dst.write_text(lines[0] + lines[1] + lines[2][:10])
    sidecar = progress_path(dst)
    state = json.loads(sidecar.read_text())
    state.update(lines_done=2, records_written=2, lines_sha256=_prefix_digest(src, 2), complete=False)
    sidecar.write_text(json.dumps(state))
    assert main(args) == 0
    assert _read(dst) == full
    # killed after writing a batch but before its sidecar: the unvouched records are redone, not duplicated
    dst.write_text("".join(lines[:5]))
    state.update(lines_done=3, records_written=3, lines_sha256=_prefix_digest(src, 3))
    sidecar.write_text(json.dumps(state))
    assert main(args) == 0
    assert _read(dst) == full


def test_an_output_that_is_not_provably_this_runs_is_refused(model_dir, records, tmp_path, capsys):
    src, _ = records
    common = ["--adapter", str(model_dir), "--quiet", "--batch-size", "3"]
    # --out is --in: refused, the input untouched
    before = src.read_bytes()
    assert main(["mask", "--in", str(src), "--out", str(src), *common]) == 2
    assert "input file itself" in capsys.readouterr().err
    assert src.read_bytes() == before
    # a stale or unrelated file without a progress record: refused, never trusted to skip records
    stale = tmp_path / "stale.jsonl"
    stale.write_text('{"text": "old"}\n{"text": "old"}\n')
    assert main(["mask", "--in", str(src), "--out", str(stale), *common]) == 2
    err = capsys.readouterr().err
    assert str(stale) in err and str(src) in err
    # the output of another input: refused, naming both files
    other = tmp_path / "other.jsonl"
    other.write_text(src.read_text())
    dst = tmp_path / "out.jsonl"
    assert main(["mask", "--in", str(other), "--out", str(dst), *common]) == 0
    assert main(["mask", "--in", str(src), "--out", str(dst), *common]) == 2
    err = capsys.readouterr().err
    assert str(other) in err and str(src) in err
    # the input edited after a run: refused
    other.write_text(src.read_text().replace("Record 1", "Record X"))
    assert main(["mask", "--in", str(other), "--out", str(dst), *common]) == 2
    assert "has changed" in capsys.readouterr().err
    # the input grown by new records: the run goes on with just those
    other.write_text(src.read_text() + json.dumps({"id": 99, "text": "Mail ann@example.org"}) + "\n")
    assert main(["mask", "--in", str(other), "--out", str(dst), *common]) == 0
    assert [r["id"] for r in _read(dst)] == [*range(7), 99]


def test_on_error_skip_names_each_bad_row_and_keeps_the_others(model_dir, tmp_path, capsys):
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        '{"text": "Mail jane@doe.com"}\n'
        '{"body": "secret jane@doe.com"}\n'
        "not json at all\n"
        '{"text": "Hi \\ud800 Anna, ann@example.org"}\n'
        '{"text": "Last one, 10.0.0.1"}\n'
    )
    dst = tmp_path / "o.jsonl"
    base = ["mask", "--in", str(src), "--out", str(dst), "--adapter", str(model_dir), "--quiet"]
    # stop (the default): the row is named, and the records before it are written and vouched for
    assert main(base) == 2
    err = capsys.readouterr().err
    assert "row 1" in err and "jane@doe.com" not in err
    assert len(_read(dst)) == 1
    # skip: both bad rows named, every good record written in input order (the lone surrogate too)
    dst.unlink()
    from piilora.masking_io import progress_path

    progress_path(dst).unlink()
    assert main([*base, "--on-error", "skip"]) == 0
    err = capsys.readouterr().err
    assert "skipped 2 bad record(s), rows 1, 2" in err and "secret" not in err
    out = _read(dst)
    assert len(out) == 3
    assert "jane@doe.com" not in out[0]["text"] and "ann@example.org" not in out[1]["text"]
    assert "\ud800" in out[1]["text"]  # the caller's character is kept (written escaped)
    assert json.loads(progress_path(dst).read_text())["skipped"] == [1, 2]


def test_bad_jsonl_row_is_named(model_dir, tmp_path, capsys):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "fine"}\n{"body": "secret jane@doe.com"}\n')
    assert main(["mask", "--in", str(src), "--out", str(tmp_path / "o.jsonl"), "--adapter", str(model_dir)]) == 2
    err = capsys.readouterr().err
    assert "row 1" in err and "'text'" in err and "jane@doe.com" not in err


def test_two_processes_give_the_same_file_in_input_order(model_dir, records, tmp_path):
    src, _ = records
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    common = ["--adapter", str(model_dir), "--quiet", "--threads", "1", "--batch-size", "2"]
    assert main(["mask", "--in", str(src), "--out", str(one), *common]) == 0
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PIILORA_DISABLE_PLUGIN_AUTOLOAD": "1"}
    cmd = [
        sys.executable, "-m", "accelerate.commands.launch", "--cpu", "--num_processes", "2", "--num_machines", "1",
        "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", "29531",
        "-m", "piilora.cli", "mask", "--in", str(src), "--out", str(two), *common,
    ]  # fmt: skip
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert _read(two) == _read(one)
    assert not list(tmp_path.glob("two.jsonl.part*"))


def test_eval_cli_writes_a_side_by_side_report(model_dir, tmp_path, capsys):
    from piilora.data.synth import generate_corpus
    from piilora.plugins import create_plugin_manager

    corpus = tmp_path / "corpus"
    generate_corpus(n=120, seed=3, out=corpus, plugin_manager=create_plugin_manager(autoload=False))
    out = tmp_path / "report"
    args = ["eval", "--data", str(corpus), "--n", "6", "--adapter", str(model_dir), "--out", str(out), "--quiet"]
    assert main([*args, "--systems", "rules,adapter+rules"]) == 0
    report = json.loads((out / "report.json").read_text())
    assert [r["name"] for r in report] == ["rules", "adapter+rules"]
    assert report[0]["counts"]["texts"] == 6
    assert "| strict F1 |" in capsys.readouterr().out
    assert (out / "f1_per_type.png").exists()


def test_train_cli_runs_the_loop_and_writes_an_adapter(model_dir, tmp_path, capsys):
    from piilora.data.synth import generate_corpus
    from piilora.plugins import create_plugin_manager

    corpus = tmp_path / "corpus"
    generate_corpus(n=60, seed=4, out=corpus, plugin_manager=create_plugin_manager(autoload=False))
    run = tmp_path / "run"
    args = [
        "train", "--data", str(corpus), "--out", str(run), "--base-model", str(model_dir), "--steps", "3",
        "--batch-size", "4", "--micro-batch-size", "2", "--rank", "4", "--precision", "fp32", "--eval-every", "0",
        "--save-every", "2", "--quiet", "--threads", "1",
    ]  # fmt: skip
    assert main(args) == 0
    assert "adapter written to" in capsys.readouterr().out
    meta = json.loads((run / "adapter" / "piilora.json").read_text())
    assert meta["adapter_config"]["r"] == 4 and meta["train_config"]["max_steps"] == 3
    assert meta["base_model"]["name"] == str(model_dir)
    # resuming a finished run is a no-op that keeps the adapter; a second run without --resume is refused
    assert main([*args, "--resume"]) == 0
    assert main(args) == 2
    # --init-adapter continues from the trained adapter and takes its rank (no --rank given)
    refine = list(args)
    del refine[refine.index("--rank") : refine.index("--rank") + 2]
    refine[refine.index(str(run))] = str(tmp_path / "refined")
    assert main([*refine, "--init-adapter", str(run / "adapter"), "--steps", "1"]) == 0
    refined = json.loads((tmp_path / "refined" / "adapter" / "piilora.json").read_text())
    assert refined["adapter_config"]["r"] == 4 and refined["init_adapter"]["sha256"]


def test_a_huge_record_is_masked_alone_and_never_holds_back_a_batch(model_dir, tmp_path):
    from piilora import Redactor
    from piilora.masking_io import mask_jsonl

    redactor = Redactor.from_pretrained(model_dir, dtype="float32")
    calls = []
    real = redactor.mask_batch

    def recording(texts, **kwargs):
        calls.append([len(t) for t in texts])
        return real(texts, **kwargs)

    redactor.mask_batch = recording
    src = tmp_path / "in.jsonl"
    rows = [{"text": f"short {i}, mail u{i}@example.com"} for i in range(5)]
    rows.insert(2, {"text": "word " * 3000 + "big@example.com"})
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dst = tmp_path / "out.jsonl"
    result = mask_jsonl(redactor, src, dst, batch_size=4, alone_chars=5000)
    assert result.written == 6
    huge = len(rows[2]["text"])
    assert [huge] in calls  # alone
    assert all(len(c) == 1 or huge not in c for c in calls)  # never batched with short ones
    out = _read(dst)
    assert len(out) == 6 and "big@example.com" not in out[2]["text"]


def test_entities_and_exclude_choose_what_is_masked(model_dir, records, tmp_path, capsys):
    text = "Mail jane@doe.com from 10.0.0.1 now"
    common = ["--adapter", str(model_dir), "--threads", "1"]
    assert main(["mask", text, "--entities", "EMAIL_ADDRESS", *common]) == 0
    out = capsys.readouterr().out
    assert "jane@doe.com" not in out and "10.0.0.1" in out
    assert main(["mask", text, "--exclude", "EMAIL_ADDRESS,secrets", *common]) == 0
    out = capsys.readouterr().out
    assert "jane@doe.com" in out and "10.0.0.1" not in out
    assert main(["mask", text, "--entities", "nope", *common]) == 2
    assert "nope" in capsys.readouterr().err
    # a JSONL run records the selection: resuming with another one is refused
    src, _ = records
    dst = tmp_path / "sel.jsonl"
    file_args = ["mask", "--in", str(src), "--out", str(dst), "--quiet", *common]
    assert main([*file_args, "--entities", "IP_ADDRESS"]) == 0
    assert all("@example.com" in r["text"] and "10.0." not in r["text"] for r in _read(dst))


def _cli(args, stdin, model_dir):
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PIILORA_DISABLE_PLUGIN_AUTOLOAD": "1"}
    cmd = [sys.executable, "-m", "piilora.cli", "mask", "--adapter", str(model_dir), "--threads", "1", *args]
    return subprocess.run(cmd, input=stdin.encode("utf-8"), env=env, capture_output=True, timeout=300)


def test_text_piped_on_stdin_comes_out_masked_on_stdout(model_dir):
    text = "Notes\r\nmail jane@doe.com or 10.0.0.7\n\nlast line without end"
    done = _cli([], text, model_dir)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout.decode("utf-8")  # bytes: line ends exactly as written
    assert "jane@doe.com" not in out and "10.0.0.7" not in out
    assert out.startswith("Notes\r\nmail ") and out.endswith("\n\nlast line without end")


def test_plain_text_and_csv_files(model_dir, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("Ping ann@example.org about ticket 4471.\n", encoding="utf-8")
    out = tmp_path / "notes.masked.txt"
    assert main(["mask", "--in", str(notes), "--out", str(out), "--adapter", str(model_dir), "--threads", "1"]) == 0
    assert out.read_text(encoding="utf-8") == "Ping [EMAIL_ADDRESS] about ticket 4471.\n"

    table = tmp_path / "people.csv"
    rows = (
        'name;email;note\r\nAnn;ann@example.org;"a; b"\r\nBo;bo@example.org;"line\r\nbreak"\r\nCy;ann@example.org;x\r\n'
    )
    table.write_bytes(rows.encode("utf-8"))
    args = ["mask", "--in", str(table), "--adapter", str(model_dir), "--threads", "1", "--scheme", "numbered"]
    assert main(args) == 0
    masked = capsys.readouterr().out
    assert masked.startswith("name;email;note\r\n")  # the header is kept as it is
    assert "example.org" not in masked
    lines = masked.split("\r\n")
    assert lines[1].split(";")[1] == lines[4].split(";")[1] == "[EMAIL_ADDRESS_1]"  # one numbering per file
    assert lines[2].split(";")[1] == "[EMAIL_ADDRESS_2]"
    assert masked.count("\r\n") == rows.count("\r\n") and '"a; b"' in masked and '"line\r\nbreak"' in masked


def test_jsonl_needs_a_file_and_an_output(model_dir, tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "x"}\n')
    assert main(["mask", "--in", str(src), "--adapter", str(model_dir)]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["mask", "both", "--in", str(src), "--adapter", str(model_dir)]) == 2
