"""Streaming JSONL masking: resumable, provable, and sharded over processes under ``accelerate launch``.

Each process masks the records whose index ``i % world_size == rank`` into its own
part file; the main process then merges the parts back in input order. Output
records are the input records with the text field replaced by the masked text (and
``spans`` / ``flags`` added with ``with_spans``): the original text is never written.

**Provenance.** Beside every output (or part) file a small sidecar,
``<out>.piilora-progress.json``, records which input it came from (resolved path,
size) and how far it got: the input lines read, the SHA-256 of those lines, the
records written and the rows skipped. It is replaced atomically after each batch is
written and fsynced. A run resumes only when the input's first lines still hash to
the recorded digest; an output file without a sidecar, or with one for another
input, is refused with an error that names both files, so a stale or unrelated file
can never make a run skip records. ``--out`` equal to ``--in`` is refused. A run
killed between writing a batch and its sidecar redoes that batch (the output is cut
back to the records the sidecar vouches for).

**Bad records.** ``on_error="stop"`` (default) raises :class:`~piilora.errors.DataError`
naming the file and row; ``"skip"`` leaves the record out of the output, logs its row
(never its text) and lists it in the sidecar's ``skipped`` rows.

**Huge records** (over ``alone_chars`` characters) are masked on their own, after the
records before them have been written, so one 200 KB record never slows a batch of
short ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from piilora.errors import DataError, PiiloraError

__all__ = ["MaskFileResult", "mask_jsonl", "merge_parts", "progress_path"]

log = logging.getLogger(__name__)

OnError = Literal["stop", "skip"]
_FORMAT = "piilora.mask-progress/1"


@dataclass
class MaskFileResult:
    """What one :func:`mask_jsonl` call did: records written now, rows skipped (0-based input
    rows, as in the sidecar) and whether it resumed an earlier run."""

    written: int = 0
    skipped: list[int] = field(default_factory=list)
    resumed: bool = False

    def __int__(self) -> int:  # older callers used the return value as a count
        return self.written


def progress_path(out: str | Path) -> Path:
    """The provenance sidecar of an output (or part) file."""
    out = Path(out)
    return out.with_name(f"{out.name}.piilora-progress.json")


# -- input ----------------------------------------------------------------------------------
@dataclass
class _Row:
    index: int
    record: dict[str, Any] | None  # None: the row is bad (``problem`` says why)
    problem: DataError | None = None
    digest_before: str = ""  # SHA-256 of the input lines before this row (where a stop resumes)


def _parse(line: bytes, index: int, path: Path, field_name: str) -> _Row:
    if not line.strip():
        return _Row(index, None, DataError("blank line", source=path, row=index))
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return _Row(index, None, DataError("not UTF-8", source=path, row=index))
    except json.JSONDecodeError as exc:
        return _Row(index, None, DataError(f"invalid JSON ({exc.msg})", source=path, row=index))
    if not isinstance(record, dict) or not isinstance(record.get(field_name), str):
        return _Row(
            index, None, DataError("missing or non-string text field", source=path, row=index, field=field_name)
        )
    return _Row(index, record)


class _Input:
    """The input file read line by line, hashing every line read (the provenance digest)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.digest = hashlib.sha256()
        self.lines = 0
        self._fh = open(path, "rb")  # noqa: SIM115 - closed by close()

    def skip(self, lines: int) -> None:
        for _ in range(lines):
            line = self._fh.readline()
            if not line:
                break
            self.digest.update(line)
            self.lines += 1

    def __iter__(self) -> Iterator[tuple[bytes, str]]:
        """Each line with the digest of the lines before it."""
        for line in self._fh:
            before = self.digest.hexdigest()
            self.digest.update(line)
            self.lines += 1
            yield line, before

    def close(self) -> None:
        self._fh.close()


# -- provenance -----------------------------------------------------------------------------
def _identity(src: Path) -> dict[str, Any]:
    return {"path": str(src.resolve()), "size": src.stat().st_size}


def _write_progress(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(state, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _prefix_digest(src: Path, lines: int) -> str | None:
    """SHA-256 of the first ``lines`` lines of ``src``, or None when it has fewer."""
    digest = hashlib.sha256()
    with open(src, "rb") as fh:
        for _ in range(lines):
            line = fh.readline()
            if not line:
                return None
            digest.update(line)
    return digest.hexdigest()


def _cut_to(path: Path, records: int) -> None:
    """Keep the first ``records`` complete lines of ``path`` (a torn or unvouched tail goes)."""
    data = path.read_bytes()
    keep, at = 0, 0
    for _ in range(records):
        nl = data.find(b"\n", at)
        if nl < 0:
            break
        at = keep = nl + 1
    if keep != len(data):
        with open(path, "r+b") as fh:
            fh.truncate(keep)


def _resume_state(src: Path, part: Path, sidecar: Path, settings: dict[str, Any]) -> dict[str, Any] | None:
    """The recorded progress when ``part`` provably holds this input's output, None for a fresh
    start; raises :class:`PiiloraError` naming both files otherwise."""
    has_output = part.exists() and part.stat().st_size > 0
    if not sidecar.exists():
        if has_output:
            raise PiiloraError(
                f"{part} already exists but has no {sidecar.name}, so nothing proves it is the masked output "
                f"of {src}; remove it or choose another --out"
            )
        return None
    try:
        state = json.loads(sidecar.read_text(encoding="utf-8"))
        recorded = state["input"]["path"]
        lines, written = int(state["lines_done"]), int(state["records_written"])
        digest = state["lines_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        raise PiiloraError(f"{sidecar} is not a readable progress record; remove it and {part}") from None
    if state.get("format") != _FORMAT or recorded != str(src.resolve()):
        raise PiiloraError(f"{part} is the output of {recorded}, not of {src}; remove it or choose another --out")
    if _prefix_digest(src, lines) != digest:
        raise PiiloraError(
            f"{src} has changed since {part} was written from it (its first {lines} lines differ); "
            "remove the output or choose another --out"
        )
    if state.get("settings") != settings:
        raise PiiloraError(
            f"{part} was written with other settings ({', '.join(sorted(state.get('settings') or {}))}); "
            "resume with the same --field, --scheme, --json and shard layout, or choose another --out"
        )
    if not part.exists() or part.read_bytes().count(b"\n") < written:
        raise PiiloraError(f"{part} holds fewer records than {sidecar.name} vouches for; remove both and rerun")
    _cut_to(part, written)
    return dict(state)


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    with contextlib.suppress(OSError):
        return b.exists() and os.path.samefile(a, b)
    return False


# -- masking --------------------------------------------------------------------------------
def _json_line(record: dict[str, Any]) -> str:
    """One JSONL line; a lone surrogate (valid in a Python str, not in UTF-8) is written escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True)
    return line + "\n"


def mask_jsonl(
    redactor: Any,
    src: str | Path,
    dst: str | Path,
    *,
    field: str = "text",
    scheme: str = "bracket",
    with_spans: bool = False,
    batch_size: int = 16,
    rank: int = 0,
    world_size: int = 1,
    progress: bool = False,
    on_error: OnError = "stop",
    alone_chars: int = 20_000,
    **options: Any,
) -> MaskFileResult:
    """Mask ``src`` into ``dst`` (this process's share); see the module docstring."""
    if on_error not in ("stop", "skip"):
        raise PiiloraError(f"on_error must be 'stop' or 'skip', got {on_error!r}")
    src, dst = Path(src), Path(dst)
    if not src.is_file():
        raise PiiloraError(f"{src} is not a file")
    if _same_file(src, dst):
        raise PiiloraError(f"--out {dst} is the input file itself; masking in place would lose the input")
    part = dst if world_size == 1 else dst.with_name(f"{dst.name}.part{rank}-of-{world_size}")
    sidecar = progress_path(part)
    settings: dict[str, Any] = {
        "field": field, "scheme": scheme, "with_spans": with_spans, "rank": rank, "world_size": world_size
    }  # fmt: skip
    if getattr(redactor, "entities", None) is not None:  # a chosen subset of types changes the output
        settings["entities"] = sorted(redactor.entities)
    state = _resume_state(src, part, sidecar, settings)
    result = MaskFileResult(resumed=state is not None)
    skipped: list[int] = list(state["skipped"]) if state else []
    written_total = int(state["records_written"]) if state else 0
    source = _Input(src)
    source.skip(int(state["lines_done"]) if state else 0)
    if state is None:
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(b"")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc=f"masking (process {rank})" if world_size > 1 else "masking", unit="rec",
                   initial=written_total)  # fmt: skip
    batch: list[_Row] = []

    def commit(upto: _Row | None = None, *, complete: bool = False) -> None:
        # every line read is handled, or (a stop) every line before ``upto``
        lines = source.lines if upto is None else upto.index
        digest = source.digest.hexdigest() if upto is None else upto.digest_before
        _write_progress(sidecar, {
            "format": _FORMAT, "input": _identity(src), "lines_done": lines, "lines_sha256": digest,
            "records_written": written_total, "skipped": skipped, "settings": settings, "complete": complete,
        })  # fmt: skip

    with open(part, "a", encoding="utf-8") as out:

        def write(row: _Row, res: Any) -> None:
            nonlocal written_total
            assert row.record is not None
            new = {**row.record, field: res.text}
            if with_spans:
                new["spans"] = [s.to_record() for s in res.spans]
                new["flags"] = list(res.flags)
            out.write(_json_line(new))
            written_total += 1
            result.written += 1

        def sync(upto: _Row | None = None) -> None:
            out.flush()
            os.fsync(out.fileno())
            commit(upto)

        def bad(row: _Row, problem: DataError) -> None:
            if on_error == "stop":
                sync(upto=row)  # what came before the bad row is written and vouched for; a rerun starts at it
                raise problem
            log.warning("skipped %s", problem)  # DataError messages name file, row and field, never the text
            skipped.append(row.index)
            result.skipped.append(row.index)

        def flush() -> None:
            if batch:
                try:
                    results = redactor.mask_batch([r.record[field] for r in batch if r.record], scheme=scheme,
                                                  **options)  # fmt: skip
                except Exception as exc:
                    if len(batch) > 1:
                        log.warning("a batch of %d records failed (%s); masking them one by one", len(batch),
                                    type(exc).__name__)  # fmt: skip
                    results = None
                for i, row in enumerate(batch):
                    if results is not None:
                        write(row, results[i])
                        continue
                    try:
                        (res,) = redactor.mask_batch([row.record[field] if row.record else ""], scheme=scheme,
                                                     **options)  # fmt: skip
                    except Exception as exc:
                        bad(row, DataError(f"masking failed ({type(exc).__name__})", source=src, row=row.index,
                                           field=field))  # fmt: skip
                        continue
                    write(row, res)
                if bar is not None:
                    bar.update(len(batch))
                batch.clear()
            sync()

        for line, before in source:
            index = source.lines - 1
            if index % world_size != rank:
                continue
            row = _parse(line, index, src, field)
            row.digest_before = before
            if row.problem is not None:
                flush()
                bad(row, row.problem)
                continue
            assert row.record is not None
            if len(row.record[field]) > alone_chars:  # masked alone: it must not hold back a batch
                flush()
                batch.append(row)
                flush()
                continue
            batch.append(row)
            if len(batch) >= batch_size:
                flush()
        flush()
    source.close()
    commit(complete=True)  # every line read is handled
    if bar is not None:
        bar.close()
    return result


def merge_parts(dst: str | Path, world_size: int) -> None:
    """Interleave the per-process part files back into input order, then remove them; the merged
    file gets a sidecar of its own (skipped rows of all parts, input digest of the whole file)."""
    dst = Path(dst)
    parts = [dst.with_name(f"{dst.name}.part{r}-of-{world_size}") for r in range(world_size)]
    states = [json.loads(progress_path(p).read_text(encoding="utf-8")) for p in parts]
    skipped = sorted(i for s in states for i in s["skipped"])
    tmp = dst.with_name(f".{dst.name}.merging")
    written = 0
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(open(p, encoding="utf-8")) for p in parts]
        with open(tmp, "w", encoding="utf-8") as out:
            # rows are dealt round robin; a skipped row leaves its part one record shorter
            total = max(int(s["lines_done"]) for s in states)
            bad = set(skipped)
            for index in range(total):
                if index in bad:
                    continue
                line = handles[index % world_size].readline()
                if line:
                    out.write(line)
                    written += 1
    first = states[0]
    merged = {**first, "records_written": written, "skipped": skipped,
              "settings": {**first["settings"], "rank": 0, "world_size": 1}}  # fmt: skip
    os.replace(tmp, dst)
    _write_progress(progress_path(dst), merged)
    for p in parts:
        p.unlink()
        progress_path(p).unlink()
