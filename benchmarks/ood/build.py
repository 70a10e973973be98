"""Build the out-of-distribution evaluation set from its hand-written sources.

    python benchmarks/ood/build.py          # raw/*.txt -> dev.jsonl, test.jsonl (+ a summary)

Each ``raw/*.txt`` file holds records written by one helper that never saw piilora's template bank,
context phrases or rules (``README.md``). A record starts with a header line
``### id: A001 | kind: chat | lang: en`` and every PII value is written ``⟦TYPE|value⟧`` in place.
The split is fixed by a hash of the record id, within each kind of writing: about a third goes to
``dev`` (error analysis), the rest to ``test`` (run to report only; never tune on it).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^### id: (\S+) \| kind: ([a-z_]+) \| lang: ([a-z]{2})\s*$")
MARK = re.compile(r"⟦([A-Z_]+)\|(.*?)⟧", re.S)
DEV_SHARE = 1 / 3


def parse(path: Path) -> list[dict]:
    """The records of one source file as ``{id, kind, lang, text, spans}`` rows."""
    records: list[dict] = []
    current: dict | None = None
    for n, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        m = HEADER.match(line)
        if m:
            current = {"id": m[1], "kind": m[2], "lang": m[3], "lines": []}
            records.append(current)
        elif line.startswith("### "):
            raise ValueError(f"{path.name}:{n}: malformed header")
        elif current is not None:
            current["lines"].append(line)
        elif line.strip():
            raise ValueError(f"{path.name}:{n}: text before the first header")
    rows = []
    for r in records:
        raw = "\n".join(r["lines"]).strip("\n")
        pieces: list[str] = []
        spans = []
        pos = 0
        for m in MARK.finditer(raw):
            pieces.append(raw[pos : m.start()])
            start = sum(map(len, pieces))
            pieces.append(m[2])
            spans.append({"start": start, "end": start + len(m[2]), "label": m[1]})
            pos = m.end()
        pieces.append(raw[pos:])
        text = "".join(pieces)
        if "⟦" in text or "⟧" in text:
            raise ValueError(f"{path.name} {r['id']}: unbalanced marker")
        rows.append({"id": r["id"], "kind": r["kind"], "lang": r["lang"], "text": text, "spans": spans})
    return rows


def split_of(row: dict) -> str:
    u = int(hashlib.sha256(f"ood:{row['id']}".encode()).hexdigest()[:12], 16) / 16**12
    return "dev" if u < DEV_SHARE else "test"


def main() -> int:
    rows = [row for path in sorted((HERE / "raw").glob("*.txt")) for row in parse(path)]
    ids = Counter(r["id"] for r in rows)
    if any(n > 1 for n in ids.values()):
        raise ValueError(f"duplicate ids: {[i for i, n in ids.items() if n > 1]}")
    out = {"dev": [], "test": []}
    for row in rows:
        out[split_of(row)].append(row)
    for split, items in out.items():
        with (HERE / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in items:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        free = sum(not r["spans"] for r in items)
        print(f"{split}: {len(items)} texts, {free} PII-free, {len({r['kind'] for r in items})} kinds, "
              f"{sum(len(r['spans']) for r in items)} spans")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
