"""Streaming JSONL masking: resumable, and sharded over processes under ``accelerate launch``.

Each process masks the records whose index ``i % world_size == rank`` into its own
part file; the main process then merges the parts back in input order. A run that
was interrupted resumes by skipping the records a part file already holds (only
complete lines count). Output records are the input records with the text field
replaced by the masked text (and ``spans`` / ``flags`` added with ``with_spans``):
the original text is never written.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from piilora.errors import DataError

__all__ = ["mask_jsonl", "merge_parts"]


def _records(path: Path, field: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                raise DataError("blank line", source=path, row=i)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"invalid JSON ({exc.msg})", source=path, row=i) from None
            if not isinstance(record, dict) or not isinstance(record.get(field), str):
                raise DataError("missing or non-string text field", source=path, row=i, field=field)
            yield i, record


def _complete_lines(path: Path) -> int:
    """Number of complete lines; a torn last line (killed mid-write) is cut off."""
    if not path.exists():
        return 0
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with open(path, "r+b") as fh:
            fh.truncate(keep)
    return data[:keep].count(b"\n")


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
    **options: Any,
) -> int:
    """Mask ``src`` into ``dst`` (this process's share); returns the records written now."""
    src, dst = Path(src), Path(dst)
    part = dst if world_size == 1 else dst.with_name(f"{dst.name}.part{rank}-of-{world_size}")
    done = _complete_lines(part)
    mine = ((i, r) for i, r in _records(src, field) if i % world_size == rank)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc=f"masking (process {rank})" if world_size > 1 else "masking", unit="rec", initial=done)
    written = 0
    skipped = 0
    batch: list[dict[str, Any]] = []
    with open(part, "a", encoding="utf-8") as out:

        def flush() -> None:
            nonlocal written
            results = redactor.mask_batch([r[field] for r in batch], scheme=scheme, **options)
            for record, res in zip(batch, results):
                new = {**record, field: res.text}
                if with_spans:
                    new["spans"] = [s.to_record() for s in res.spans]
                    new["flags"] = list(res.flags)
                out.write(json.dumps(new, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
            written += len(batch)
            if bar is not None:
                bar.update(len(batch))
            batch.clear()

        for _, record in mine:
            if skipped < done:
                skipped += 1
                continue
            batch.append(record)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
    if bar is not None:
        bar.close()
    return written


def merge_parts(dst: str | Path, world_size: int) -> None:
    """Interleave the per-process part files back into input order, then remove them."""
    dst = Path(dst)
    parts = [dst.with_name(f"{dst.name}.part{r}-of-{world_size}") for r in range(world_size)]
    tmp = dst.with_name(f".{dst.name}.merging")
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(open(p, encoding="utf-8")) for p in parts]
        with open(tmp, "w", encoding="utf-8") as out:
            alive = True
            while alive:
                alive = False
                for h in handles:
                    line = h.readline()
                    if line:
                        out.write(line)
                        alive = True
    os.replace(tmp, dst)
    for p in parts:
        p.unlink()
