"""The restricted vocabulary: which tokens an answer may use, and the head over just those.

A masked answer only ever needs pieces that spell parts of its input, the placeholder
pieces and ``<end_of_turn>``. Per text the LM head is a gathered slice of the embedding
matrix holding just those rows (a few hundred to a few thousand of 262144), so the largest
matmul of every step shrinks ~100x and the output is copy-or-placeholder by construction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["PLACEHOLDER", "Head", "TokenPieces", "allowed_token_ids"]

#: a placeholder as it appears in an answer's text
PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*)\]")
_MAX_PIECE = 32  # longest vocabulary piece looked up as a substring of the input
_CHUNK = re.compile(r"[^▁\n]+")


@functools.lru_cache(maxsize=8)
def _vocab_tables(tokenizer: Any) -> tuple[dict[str, int], frozenset[int], tuple[str, ...]]:
    """(piece -> id, ids always allowed: bracket pieces, byte fallbacks and whitespace runs,
    the rare pieces that hold a space or line break between other characters)."""
    vocab: dict[str, int] = tokenizer.get_vocab()
    always = set()
    odd = []
    for piece, tid in vocab.items():
        bracket = "[" in piece or "]" in piece
        byte = piece.startswith("<0x") and piece.endswith(">")
        blank = bool(piece) and all(c in "▁\n\t" for c in piece)
        if bracket or byte or blank:
            always.add(tid)
        elif "▁" in piece.lstrip("▁") or "\n" in piece:
            odd.append(piece)
    return vocab, frozenset(always), tuple(odd)


@functools.lru_cache(maxsize=1 << 16)
def _chunk_ids(tokenizer: Any, chunk: str, lead: bool) -> frozenset[int]:
    """Ids of the pieces inside ``chunk`` (a run without spaces or line breaks) and, when it
    follows a space or line break (``lead``), of ``▁`` + its prefixes."""
    vocab = _vocab_tables(tokenizer)[0]
    ids = set()
    n = len(chunk)
    for i in range(n):
        for j in range(i + 1, min(n, i + _MAX_PIECE) + 1):
            tid = vocab.get(chunk[i:j])
            if tid is not None:
                ids.add(tid)
    if lead:
        for j in range(1, min(n, _MAX_PIECE - 1) + 1):
            tid = vocab.get("▁" + chunk[:j])
            if tid is not None:
                ids.add(tid)
    return frozenset(ids)


def allowed_token_ids(tokenizer: Any, text: str, labels: Iterable[str], extra: Iterable[int] = ()) -> list[int]:
    """Ids the answer for ``text`` may use: every vocabulary piece that occurs in ``text``
    (spaces as ``▁``), every placeholder piece, byte fallbacks and whitespace, and ``extra``.
    Pieces never span a space or line break (the few that do are checked directly), so
    the text is scanned chunk by chunk, and chunks (words, mostly) are cached."""
    vocab, always, odd = _vocab_tables(tokenizer)
    ids = set(always)
    ids.update(extra)
    spaced = text.replace(" ", "▁")
    for m in _CHUNK.finditer(spaced):
        ids.update(_chunk_ids(tokenizer, m.group(), m.start() > 0))
    ids.update(vocab[piece] for piece in odd if piece in spaced)
    for label in labels:
        for form in (f"[{label}]", f" [{label}]"):
            ids.update(tokenizer(form, add_special_tokens=False)["input_ids"])
    return sorted(ids)


class Head:
    """The LM head one text decodes with: the rows of ``allowed`` (ascending ids) of the
    output embedding, or all of them when ``allowed`` is None (then logits columns are ids)."""

    __slots__ = ("allowed", "weight")

    def __init__(self, weight: Any, allowed: Any = None) -> None:
        self.weight = weight
        self.allowed = allowed

    @classmethod
    def restricted(cls, weight: Any, tokenizer: Any, text: str, labels: Iterable[str], extra: Iterable[int]) -> Head:
        """The head over :func:`allowed_token_ids` of ``text``."""
        import torch

        allowed = torch.tensor(allowed_token_ids(tokenizer, text, labels, extra), device=weight.device)
        return cls(weight.index_select(0, allowed), allowed)

    def argmax(self, hidden: Any) -> tuple[list[int], Any]:
        """The head's choice (a token id) at every position of ``hidden``, and its logits."""
        flat = hidden.reshape(-1, hidden.shape[-1]).to(self.weight.dtype)
        logits = flat @ self.weight.T
        best = logits.argmax(dim=-1)
        if self.allowed is not None:
            best = self.allowed[best]
        return [int(x) for x in best.tolist()], logits

    def column(self, tid: int) -> int:
        """The logits column of token ``tid`` (-1 when the restricted head lacks it)."""
        if self.allowed is None:
            return tid
        import torch

        at = int(torch.searchsorted(self.allowed, torch.tensor(tid, device=self.allowed.device)))
        return at if at < len(self.allowed) and int(self.allowed[at]) == tid else -1


class TokenPieces:
    """Token id -> its vocabulary piece (``▁`` for spaces), looked up once per id."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._pieces: dict[int, str] = {}

    def __call__(self, tid: int) -> str:
        piece = self._pieces.get(tid)
        if piece is None:
            piece = self._pieces[tid] = self.tokenizer.convert_ids_to_tokens(tid) or ""
        return piece
