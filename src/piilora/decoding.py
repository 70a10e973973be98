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
import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CopyDecoder", "DecodeStats", "allowed_token_ids"]

_MAX_PIECE = 32  # longest vocabulary piece looked up as a substring of the input
_CHUNK = re.compile(r"[^▁\n]+")
_PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*)\]")


@dataclass
class DecodeStats:
    """Counters of one decode: forwards run and tokens produced."""

    forwards: int = 0
    tokens: int = 0
    proposed: int = 0
    accepted: int = 0


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


class _Seq:
    """Decoding state of one text in a batch."""

    __slots__ = ("allowed", "copied", "cursor", "done", "head", "index", "k", "limit", "nxt", "out", "source")

    def __init__(self, index: int, source: list[int], limit: int, allowed: Any, head: Any, k: int) -> None:
        self.index = index
        self.source = source  # the input text's tokens: where copy proposals are looked up
        self.limit = limit
        self.allowed = allowed
        self.head = head
        self.k = k  # current proposal length (grows while whole proposals are accepted)
        self.out: list[int] = []
        self.copied: list[bool] = []  # per answer token: accepted as a copy proposal
        self.cursor = 0  # where in ``source`` the copy currently stands
        self.nxt = -1  # the next token (chosen, not yet fed)
        self.done = False


class CopyDecoder:
    """Greedy decoding of masked answers, one text or a ragged batch (see the module docstring).

    ``model`` is a (merged) causal LM with ``.model`` (the transformer body) and a tied or
    untied ``.lm_head``; ``labels`` are the entity types placeholders may name.
    ``lookahead`` is the first proposal length; it doubles (up to ``max_lookahead``) while
    whole proposals are accepted. ``prefix_cache`` computes the KV of the instruction,
    which every prompt starts with, once per decoder.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        labels: Sequence[str],
        lookahead: int = 12,
        max_lookahead: int = 48,
        ngram: int = 2,
        restrict: bool = True,
        prefix_cache: bool = True,
    ) -> None:
        from piilora.data.prompt import END_OF_TURN, prompt_frame

        self.model = model
        self.body = model.model
        self.head_weight = model.lm_head.weight
        self.tokenizer = tokenizer
        self.labels = tuple(labels)
        self.lookahead = lookahead
        self.max_lookahead = max(lookahead, max_lookahead)
        self.ngram = ngram
        self.restrict = restrict
        self.eot = tokenizer.convert_tokens_to_ids(END_OF_TURN)
        config = getattr(model, "config", None)
        self._layer_types = tuple(getattr(config, "layer_types", None) or ())
        self._window = getattr(config, "sliding_window", None) if "sliding_attention" in self._layer_types else None
        self._eager = getattr(config, "_attn_implementation", "sdpa") == "eager"
        # transformers >= 5.2x calls the KV cache argument ``cache``; earlier ones ``past_key_values``
        params: Mapping[str, Any]
        try:
            params = inspect.signature(self.body.forward).parameters
        except (TypeError, ValueError):
            params = {}
        self._cache_arg = "past_key_values" if "past_key_values" in params and "cache" not in params else "cache"
        # prompts are prefix + text tokens + suffix (prompt.py); proposals come from the text part
        prefix, suffix = prompt_frame(tokenizer)
        self._prefix, self._suffix = tuple(prefix), tuple(suffix)
        self._prefix_kv: list[tuple[Any, Any]] | None = None
        self.prefix_cache = prefix_cache and bool(self._layer_types)
        self._pieces: dict[int, str] = {}
        self._label_uses: dict[str, int] = dict.fromkeys(self.labels, 0)
        if "PERSON" in self._label_uses:
            self._label_uses["PERSON"] = 1  # the commonest type in most text

    # -- public ---------------------------------------------------------------------------
    def answer(
        self, prompt: Sequence[int], text: str, *, max_new_tokens: int, stats: DecodeStats | None = None
    ) -> list[int]:
        """Answer ids (ending with ``<end_of_turn>`` unless ``max_new_tokens`` ran out)."""
        return self.answer_batch([prompt], [text], max_new_tokens=[max_new_tokens], stats=stats)[0]

    def answer_batch(
        self,
        prompts: Sequence[Sequence[int]],
        texts: Sequence[str],
        *,
        max_new_tokens: int | Sequence[int],
        stats: DecodeStats | None = None,
    ) -> list[list[int]]:
        """Answers for several prompts decoded together (ragged lengths, one forward per step
        for the whole batch). Each answer is what :meth:`answer` gives for that prompt alone,
        up to floating-point differences of batched arithmetic."""
        import torch

        if not prompts:
            return []
        stats = stats if stats is not None else DecodeStats()
        limits = [max_new_tokens] * len(prompts) if isinstance(max_new_tokens, int) else list(max_new_tokens)
        device = self.head_weight.device
        seqs = []
        for i, (prompt, text) in enumerate(zip(prompts, texts)):
            if self.restrict:
                allowed = torch.tensor(allowed_token_ids(self.tokenizer, text, self.labels, [self.eot]), device=device)
                head = self.head_weight.index_select(0, allowed)
            else:
                allowed, head = None, self.head_weight
            seqs.append(_Seq(i, self._source(prompt), limits[i], allowed, head, self.lookahead))
        with torch.no_grad():
            state = self._prefill([list(p) for p in prompts])
            stats.forwards += 1
            for s, h in zip(seqs, state.pop("last_hidden")):
                s.nxt = self._argmax(h[None], s)[0]
            active = list(seqs)
            while True:
                for s in active:
                    if not s.done:  # rows that finished in verification have no next token
                        s.out.append(s.nxt)
                        s.copied.append(False)
                        s.done = s.nxt == self.eot or len(s.out) >= s.limit
                keep = [j for j, s in enumerate(active) if not s.done]
                if not keep:
                    break
                if len(keep) < len(active):
                    self._select_rows(state, keep)
                    active = [active[j] for j in keep]
                feeds = [[s.nxt, *self._propose(s)[: max(0, s.limit - len(s.out) - 1)]] for s in active]
                hidden = self._step(state, feeds)
                stats.forwards += 1
                for row, (s, feed) in enumerate(zip(active, feeds)):
                    proposal = feed[1:]
                    verdict = self._argmax(hidden[row, : len(feed)], s)
                    accepted = 0
                    while accepted < len(proposal) and verdict[accepted] == proposal[accepted]:
                        accepted += 1
                        if proposal[accepted - 1] == self.eot:
                            break
                    stats.proposed += len(proposal)
                    stats.accepted += accepted
                    self._accept(s, proposal[:accepted], full=bool(proposal) and accepted == len(proposal))
                    state["valid"][row, state["fed_from"] + accepted + 1 :] = False  # rejected and padding
                    state["length"][row] += accepted + 1
                    if s.out[-1] == self.eot or len(s.out) >= s.limit:
                        s.out = s.out[: s.limit]
                        s.done = True
                    else:
                        s.nxt = verdict[accepted]
        for s in seqs:
            stats.tokens += len(s.out)
            for label in _PLACEHOLDER.findall(self.tokenizer.decode(s.out)):
                if label in self._label_uses:
                    self._label_uses[label] += 1  # later guesses favour the labels seen so far
        return [s.out for s in seqs]

    # -- the model ------------------------------------------------------------------------
    def _prefill(self, prompts: list[list[int]]) -> dict[str, Any]:
        """Run the prompts; returns the batch state: the KV cache, which cache slots are valid,
        the position of every slot, each row's length and the last hidden state per row."""
        import torch
        from transformers import DynamicCache

        device = self.head_weight.device
        shared = self.prefix_cache and all(tuple(p[: len(self._prefix)]) == self._prefix for p in prompts)
        start = len(self._prefix) if shared else 0
        rests = [p[start:] for p in prompts]
        width = max(len(r) for r in rests)
        b = len(prompts)
        ids = torch.zeros((b, width), dtype=torch.long, device=device)
        valid = torch.zeros((b, start + width), dtype=torch.bool, device=device)
        pos = torch.zeros((b, start + width), dtype=torch.long, device=device)
        valid[:, :start] = True
        pos[:, :start] = torch.arange(start, device=device)
        for row, r in enumerate(rests):  # left padding: each row's rest ends at the last slot
            pad = width - len(r)
            if r:
                ids[row, pad:] = torch.tensor(r, device=device)
            valid[row, start + pad :] = True
            pos[row, start + pad :] = torch.arange(start, start + len(r), device=device)
        cache = DynamicCache()
        if shared:
            for layer, (k, v) in enumerate(self._prefix_states()):
                cache.update(k.expand(b, -1, -1, -1).contiguous(), v.expand(b, -1, -1, -1).contiguous(), layer)
        state = {"cache": cache, "valid": valid, "pos": pos, "fed_from": start,
                 "length": torch.tensor([len(p) for p in prompts], device=device)}  # fmt: skip
        hidden = self._run(state, ids, pos[:, start:])
        state["last_hidden"] = hidden[:, -1]
        return state

    def _prefix_states(self) -> list[tuple[Any, Any]]:
        """KV of the shared instruction prefix, computed once."""
        import torch
        from transformers import DynamicCache

        if self._prefix_kv is None:
            device = self.head_weight.device
            cache = DynamicCache()
            ids = torch.tensor([self._prefix], device=device)
            positions = torch.arange(len(self._prefix), device=device)[None]
            self.body(input_ids=ids, position_ids=positions, use_cache=True, **{self._cache_arg: cache})
            layers: list[Any] = list(cache.layers)
            self._prefix_kv = [(layer.keys, layer.values) for layer in layers]
        return self._prefix_kv

    def _step(self, state: dict[str, Any], feeds: list[list[int]]) -> Any:
        """Feed each row its tokens (right-padded to the longest feed); returns hidden states."""
        import torch

        device = self.head_weight.device
        b, width = len(feeds), max(len(f) for f in feeds)
        ids = torch.zeros((b, width), dtype=torch.long, device=device)
        for row, f in enumerate(feeds):
            ids[row, : len(f)] = torch.tensor(f, device=device)
        pos = state["length"][:, None] + torch.arange(width, device=device)[None]
        state["fed_from"] = state["valid"].shape[1]
        state["valid"] = torch.cat([state["valid"], torch.ones((b, width), dtype=torch.bool, device=device)], 1)
        state["pos"] = torch.cat([state["pos"], pos], 1)
        return self._run(state, ids, pos)

    def _run(self, state: dict[str, Any], ids: Any, positions: Any) -> Any:
        """One forward of ``ids`` at ``positions`` over the cache, with masks built from each
        slot's true position, so holes (padding, rejected proposals) never count."""
        import torch

        q = positions[:, :, None]  # (b, new, 1)
        k = state["pos"][:, None, :]  # (b, 1, slots)
        allowed = state["valid"][:, None, :] & (k <= q)
        new = ids.shape[1]  # every new token sees its own slot, so no row is fully masked (NaN)
        own = torch.arange(new, device=ids.device)
        allowed[:, own, state["fed_from"] + own] = True
        masks = {"full_attention": allowed}
        if self._window is not None:
            masks["sliding_attention"] = allowed & (q - k < self._window)
        masks = {name: self._mask_form(m[:, None]) for name, m in masks.items()}
        if not self._layer_types:
            masks = masks["full_attention"]
        out = self.body(input_ids=ids, position_ids=positions, attention_mask=masks, use_cache=True,
                        **{self._cache_arg: state["cache"]})  # fmt: skip
        return out.last_hidden_state

    def _mask_form(self, mask: Any) -> Any:
        import torch

        if not self._eager:
            return mask
        dtype = self.head_weight.dtype
        return torch.zeros(mask.shape, dtype=dtype, device=mask.device).masked_fill(~mask, torch.finfo(dtype).min)

    @staticmethod
    def _select_rows(state: dict[str, Any], rows: list[int]) -> None:
        import torch

        index = torch.tensor(rows, device=state["valid"].device)
        for layer in state["cache"].layers:
            layer.keys = layer.keys.index_select(0, index)
            layer.values = layer.values.index_select(0, index)
        for key in ("valid", "pos", "length"):
            state[key] = state[key].index_select(0, index)

    def _argmax(self, hidden: Any, seq: _Seq) -> list[int]:
        flat = hidden.reshape(-1, hidden.shape[-1]).to(seq.head.dtype)
        best = (flat @ seq.head.T).argmax(dim=-1)
        if seq.allowed is not None:
            best = seq.allowed[best]
        return [int(x) for x in best.tolist()]

    # -- proposals ------------------------------------------------------------------------
    def _source(self, prompt: Sequence[int]) -> list[int]:
        p, s = len(self._prefix), len(self._suffix)
        if (
            len(prompt) >= p + s
            and tuple(prompt[:p]) == self._prefix
            and tuple(prompt[len(prompt) - s :]) == self._suffix
        ):
            return list(prompt[p : len(prompt) - s])
        return list(prompt)

    def _accept(self, s: _Seq, tokens: Sequence[int], *, full: bool) -> None:
        """Record accepted proposal tokens; copies advance the cursor."""
        copy = bool(tokens) and s.cursor < len(s.source) and list(tokens) == s.source[s.cursor : s.cursor + len(tokens)]
        s.out.extend(tokens)
        s.copied.extend([copy] * len(tokens))
        if copy:
            s.cursor += len(tokens)
        s.k = min(self.max_lookahead, s.k * 2) if full else self.lookahead

    def _piece(self, tid: int) -> str:
        piece = self._pieces.get(tid)
        if piece is None:
            piece = self._pieces[tid] = self.tokenizer.convert_ids_to_tokens(tid) or ""
        return piece

    def _propose(self, s: _Seq) -> list[int]:
        """The next tokens to verify: the rest of a placeholder label while one is open, else
        the input tokens that follow the last generated ones (prompt lookup, nearest to the
        copy cursor). Empty when nothing fits."""
        if self.lookahead <= 0:
            return []
        label = self._label_proposal(s)
        if label:
            return label
        source, generated, size = s.source, s.out, len(s.source)
        for n in range(min(self.ngram, len(generated)), 0, -1):
            key = generated[-n:]
            for start in (*range(max(0, s.cursor - n), size - n + 1), *range(0, max(0, s.cursor - n))):
                if source[start : start + n] == key:
                    follow = source[start + n : start + n + s.k]
                    if follow:
                        s.cursor = start + n
                        return follow
        return []

    def _label_proposal(self, s: _Seq) -> list[int]:
        """While the answer is inside a generated ``[LABEL`` (not a copied bracket), propose the
        most used label that extends it, closed with ``]``."""
        if not self.labels:
            return []
        for j in range(len(s.out) - 1, max(-1, len(s.out) - 12), -1):
            piece = self._piece(s.out[j])
            if "]" in piece and "[" not in piece[piece.rindex("]") :]:
                return []
            if "[" in piece:
                if s.copied[j]:
                    return []
                typed = self.tokenizer.decode(s.out[j:])
                typed = typed[typed.rindex("[") + 1 :]
                fits = [lab for lab in self.labels if lab.startswith(typed)]
                if not fits:
                    return []
                best = max(fits, key=lambda lab: self._label_uses[lab])
                return list(self.tokenizer(best[len(typed) :] + "]", add_special_tokens=False)["input_ids"])
        return []
