"""How a rendered example's text is written: escaped for its genre's syntax, or carelessly.

A *piece* is ``(text, label)``: ``label`` is an entity type for a PII value, ``None`` for literal
or filler text. The corpus builder (:mod:`piilora.data.synth`) joins pieces into an example; the
functions here change the pieces' text so that every span stays exact: a JSON template's values
are JSON-escaped, a CSV template's quoted where they hold a delimiter, and a prose example may be
written as a careless writer or a scanner leaves it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence

__all__ = ["ESCAPERS", "STRUCTURED_GENRES", "Piece", "careless"]

#: ``(text, label)``: ``label`` is an entity type for PII, None for literal/filler text.
Piece = tuple[str, "str | None"]

#: Genres whose layout is syntax (JSON, CSV, code, logs): never re-written carelessly.
STRUCTURED_GENRES = frozenset(
    {
        "json_record",
        "csv_record",
        "code_config",
        "server_log",
        "devops",
        "git_commit_review",
        "spreadsheet",
        "data_exports",
        "tech_traces",
    }
)
_STOP_RE = re.compile(r"[.,;:!?](?=\s|$)")


def careless(pieces: Sequence[Piece], rng: random.Random, fits: Callable[[str, str], bool]) -> list[Piece]:
    """The example as a careless writer or a scanner leaves it: all lower case, all capitals, no
    punctuation, or line breaks in odd places. Values are re-cased with the text; only literal
    text loses punctuation or gains breaks, so every span stays exact."""
    kind = rng.choice(("lower", "lower", "upper", "no_stops", "breaks"))
    if kind == "lower":
        return [(text.lower(), label) for text, label in pieces]
    if kind == "upper":
        return [(text.upper() if label is None or fits(label, text.upper()) else text, label) for text, label in pieces]
    if kind == "no_stops":
        return [(text if label is not None else _STOP_RE.sub("", text), label) for text, label in pieces]
    return [
        (text if label is not None else "".join("\n" if c == " " and rng.random() < 0.08 else c for c in text), label)
        for text, label in pieces
    ]


def _json_escape(value: str, label: str | None) -> list[Piece]:
    return [(json.dumps(value, ensure_ascii=False)[1:-1], label)]


def _csv_escape(value: str, label: str | None) -> list[Piece]:
    if label is not None and any(c in value for c in ',;|\t"\n\r'):
        return [('"', None), (value.replace('"', '""'), label), ('"', None)]
    return [(value, label)]


ESCAPERS: dict[str, Callable[[str, str | None], list[Piece]]] = {"json_record": _json_escape, "csv_record": _csv_escape}
