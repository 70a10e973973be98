"""Copy-or-placeholder decoding: the fast path behind :class:`~piilora.redactor.Redactor`.

A masked answer is the input, copied, with some stretches replaced by ``[TYPE]``. Two
consequences make decoding much cheaper than generic generation:

- **Restricted head.** The answer only ever needs tokens that spell pieces of the
  input, the placeholder tokens and ``<end_of_turn>``. Per text, the LM head is a
  gathered slice of the 262144-row embedding matrix holding just those rows (a few
  hundred to a few thousand), so the largest matmul of every step shrinks ~100x, and
  the output is copy-or-placeholder by construction.
- **Copy-aware speculation (prompt lookup).** After the last generated tokens, the
  continuation is most likely the next tokens of the input. They are proposed and
  verified in one forward; the longest prefix that greedy decoding agrees with is
  accepted, plus the model's own next token. Copied stretches then cost a fraction of
  a forward per token.

Verification keeps greedy semantics: every accepted token is the argmax of the
(restricted) head given the accepted prefix. With ``restrict=False`` the result is
exactly plain greedy decoding.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CopyDecoder", "DecodeStats"]

_MAX_PIECE = 32  # longest vocabulary piece looked up as a substring of the input


@dataclass
class DecodeStats:
    """Counters of one decode: forwards run and tokens produced."""

    forwards: int = 0
    tokens: int = 0
    proposed: int = 0
    accepted: int = 0


@functools.lru_cache(maxsize=8)
def _vocab_tables(tokenizer: Any) -> tuple[dict[str, int], frozenset[int]]:
    """(piece -> id, ids always allowed: bracket pieces, byte fallbacks, whitespace runs)."""
    vocab: dict[str, int] = tokenizer.get_vocab()
    always = set()
    for piece, tid in vocab.items():
        bracket = "[" in piece or "]" in piece
        byte = piece.startswith("<0x") and piece.endswith(">")
        blank = bool(piece) and all(c in "▁\n\t" for c in piece)
        if bracket or byte or blank:
            always.add(tid)
    return vocab, frozenset(always)


def allowed_token_ids(tokenizer: Any, text: str, labels: Iterable[str], extra: Iterable[int] = ()) -> list[int]:
    """Ids the answer for ``text`` may use: every vocabulary piece that occurs in ``text``
    (spaces as ``▁``), every placeholder piece, byte fallbacks and whitespace, and ``extra``."""
    vocab, always = _vocab_tables(tokenizer)
    ids = set(always)
    ids.update(extra)
    spaced = text.replace(" ", "▁")
    n = len(spaced)
    for i in range(n):
        for j in range(i + 1, min(n, i + _MAX_PIECE) + 1):
            tid = vocab.get(spaced[i:j])
            if tid is not None:
                ids.add(tid)
            tid = vocab.get("▁" + spaced[i:j]) if spaced[i] != "▁" else None
            if tid is not None and i > 0 and spaced[i - 1] in "▁\n":
                ids.add(tid)
    for label in labels:
        for form in (f"[{label}]", f" [{label}]"):
            ids.update(tokenizer(form, add_special_tokens=False)["input_ids"])
    return sorted(ids)


class CopyDecoder:
    """Greedy decoding of masked answers for one text at a time (see the module docstring).

    ``model`` is a (merged) causal LM with ``.model`` (the transformer body) and a tied or
    untied ``.lm_head``; ``labels`` are the entity types placeholders may name.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        labels: Sequence[str],
        lookahead: int = 12,
        ngram: int = 2,
        restrict: bool = True,
    ) -> None:
        from piilora.data.prompt import END_OF_TURN

        self.model = model
        self.body = model.model
        self.head_weight = model.lm_head.weight
        self.tokenizer = tokenizer
        self.labels = tuple(labels)
        self.lookahead = lookahead
        self.ngram = ngram
        self.restrict = restrict
        self.eot = tokenizer.convert_tokens_to_ids(END_OF_TURN)

    def answer(
        self, prompt: Sequence[int], text: str, *, max_new_tokens: int, stats: DecodeStats | None = None
    ) -> list[int]:
        """Answer ids (ending with ``<end_of_turn>`` unless ``max_new_tokens`` ran out)."""
        import torch
        from transformers import DynamicCache

        stats = stats if stats is not None else DecodeStats()
        device = self.head_weight.device
        if self.restrict:
            allowed = torch.tensor(allowed_token_ids(self.tokenizer, text, self.labels, [self.eot]), device=device)
            head = self.head_weight.index_select(0, allowed)
        else:
            allowed, head = None, self.head_weight
        source = list(prompt)  # proposals are looked up in the prompt (the input text lives there)
        cursor = 0  # where in the prompt the copy currently stands
        cache = DynamicCache()
        out: list[int] = []
        with torch.no_grad():
            ids = torch.tensor([list(prompt)], device=device)
            hidden = self._forward(ids, cache, 0)
            stats.forwards += 1
            nxt = self._argmax(hidden[:, -1:], head, allowed)[0]
            while True:
                out.append(nxt)
                if nxt == self.eot or len(out) >= max_new_tokens:
                    break
                proposal, cursor = self._propose(source, out, cursor)
                proposal = proposal[: max(0, max_new_tokens - len(out) - 1)]
                feed = torch.tensor([[nxt, *proposal]], device=device)
                past = len(prompt) + len(out) - 1
                hidden = self._forward(feed, cache, past)
                stats.forwards += 1
                stats.proposed += len(proposal)
                verdict = self._argmax(hidden[0], head, allowed)
                accepted = 0
                while accepted < len(proposal) and verdict[accepted] == proposal[accepted]:
                    accepted += 1
                    if proposal[accepted - 1] == self.eot:
                        break
                stats.accepted += accepted
                out.extend(proposal[:accepted])
                if out and out[-1] == self.eot:
                    break
                if len(out) >= max_new_tokens:
                    out = out[:max_new_tokens]
                    break
                nxt = verdict[accepted]
                cursor += accepted
                surplus = cache.get_seq_length() - (past + 1 + accepted)
                if surplus > 0:
                    cache.crop(-surplus)  # drop the rejected proposals from the cache
        stats.tokens += len(out)
        return out

    def _forward(self, ids: Any, cache: Any, past: int) -> Any:
        import torch

        positions = torch.arange(past, past + ids.shape[1], device=ids.device)[None]
        out = self.body(input_ids=ids, position_ids=positions, cache=cache, use_cache=True)
        return out.last_hidden_state

    def _argmax(self, hidden: Any, head: Any, allowed: Any) -> list[int]:
        flat = hidden.reshape(-1, hidden.shape[-1]).to(head.dtype)
        best = (flat @ head.T).argmax(dim=-1)
        if allowed is not None:
            best = allowed[best]
        return [int(x) for x in best.tolist()]

    def _propose(self, source: Sequence[int], generated: Sequence[int], cursor: int) -> tuple[list[int], int]:
        """Prompt lookup: the tokens that follow the last ``ngram`` generated tokens in the
        prompt, preferring the occurrence nearest after ``cursor`` (where the copy stands).
        Returns ``(proposal, new cursor)``; the proposal is empty when nothing matches."""
        if self.lookahead <= 0:
            return [], cursor
        size = len(source)
        for n in range(min(self.ngram, len(generated)), 0, -1):
            key = list(generated[-n:])
            starts = [*range(max(0, cursor - n), size - n + 1), *range(0, max(0, cursor - n))]
            for start in starts:
                if source[start : start + n] == key:
                    follow = list(source[start + n : start + n + self.lookahead])
                    if follow:
                        return follow, start + n
        return [], cursor
