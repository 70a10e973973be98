"""Copy-or-placeholder decoding: the fast path behind :class:`~piilora.redactor.Redactor`.

A masked answer is the input, copied, with some stretches replaced by ``[TYPE]``. Two
consequences make decoding much cheaper than generic generation:

- **Restricted head.** The answer only ever needs tokens that spell pieces of the
  input, the placeholder tokens and ``<end_of_turn>``. Per text, the LM head is a
  gathered slice of the 262144-row embedding matrix holding just those rows (a few
  hundred to a few thousand), so the largest matmul of every step shrinks ~100x, and
  the output is copy-or-placeholder by construction.
- **Copy-aware speculation.** Proposed tokens are verified in one forward; the longest
  prefix that greedy decoding agrees with is accepted, plus the model's own next token.
  What is proposed:

  - with the prompt itself (the prefill): the start of the answer, i.e. the text (the
    whole of it, then ``<end_of_turn>``, for a short text: a PII-free text then costs one
    forward);
  - while copying: the input tokens after the last generated ones (prompt lookup);
  - hinted values (checksum-verified rule matches, and pattern matches a cue word agrees
    with) already replaced by their placeholder, so a hinted value costs no forward;
  - when the model opens a placeholder itself: the likeliest label (the hint's, a cue
    word's such as ``DOB:`` or ``call``, a shape's such as a URL, else the label used most),
    ``]``, and the text after the guessed end of the value (:func:`guess_value_end`), so
    a well-guessed value costs one forward;
  - right after the model closes a placeholder: the text where the copy resumes.

  A wrong guess only costs the tokens proposed after it.

**Placeholder scores.** Where the answer opens a placeholder, the head's logits say how
much the model preferred that ``[`` over copying the text's next token: the score
``sigmoid(logit[open] - logit[copy])`` is the two-way probability of masking there, read
off logits that verification computes anyway (no extra forward).
:meth:`CopyDecoder.answer_batch` gives it per placeholder of each answer (``scores=``).

Verification keeps greedy semantics: every accepted token is the argmax of the
(restricted) head given the accepted prefix; hints and guesses steer what is proposed,
never what is accepted. With ``restrict=False`` the result is exactly plain greedy
decoding.
"""

from __future__ import annotations

import bisect
import functools
import inspect
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["CopyDecoder", "DecodeStats", "allowed_token_ids", "cued_values", "guess_label", "guess_value_end"]

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

    __slots__ = ("allowed", "budget", "copied", "cursor", "done", "forwards", "head", "hints", "index", "k",
                 "limit", "nxt", "offsets", "opens", "out", "prop", "source", "span_end", "span_start", "spec",
                 "text")  # fmt: skip

    def __init__(
        self,
        index: int,
        source: list[int],
        limit: int,
        allowed: Any,
        head: Any,
        k: int,
        text: str = "",
        hints: Iterable[tuple[int, int, str]] = (),
    ) -> None:
        self.index = index
        self.source = source  # the input text's tokens: where copy proposals are looked up
        self.limit = limit
        self.budget = 0  # most forwards this text may take (0: no bound); past it, it is abandoned
        self.forwards = 0
        self.allowed = allowed
        self.head = head
        self.k = k  # current proposal length (grows while whole proposals are accepted)
        self.out: list[int] = []
        self.copied: list[bool] = []  # per answer token: accepted as a copy of the input
        self.cursor = 0  # where in ``source`` the copy currently stands
        self.nxt = -1  # the next token (chosen, not yet fed)
        self.done = False
        self.text = text
        self.offsets: list[int] | None = None  # character offset of each source token, then len(text)
        self.hints = {start: (end, label) for start, end, label in hints}  # likely spans by start
        self.span_start = -1  # where in ``text`` the open (or last) placeholder's value starts
        self.span_end = -1  # and where it is guessed to end
        # per token of a pending text proposal: (copied?, where in ``text`` the copy stands after it,
        # the (start, end) of the value its placeholder replaces or None); None for source-id proposals
        self.prop: list[tuple[bool, int, tuple[int, int] | None]] | None = None
        self.spec: list[tuple[int, int, str]] = []  # hinted values proposed as placeholders inside copies
        self.opens: dict[int, float] = {}  # answer index of a ``[`` the model chose over a copy -> its score


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
        lookahead: int = 16,
        max_lookahead: int = 64,
        first_lookahead: int = 96,
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
        self.first_lookahead = first_lookahead
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
        hints: Sequence[Iterable[tuple[int, int, str]]] | None = None,
        scores: list[list[float]] | None = None,
        max_forwards: Sequence[int] | None = None,
        abandoned: list[bool] | None = None,
    ) -> list[list[int]]:
        """Answers for several prompts decoded together (ragged lengths, one forward per step
        for the whole batch). Each answer is what :meth:`answer` gives for that prompt alone,
        up to floating-point differences of batched arithmetic.

        ``max_forwards``: per text, the most forwards it may take (0: no bound). A text whose
        decode has not ended by then (the model keeps refusing the proposed copy: random
        strings, a text it cannot follow) is abandoned, which bounds the work per text to a
        fixed multiple of its length; ``abandoned`` (a list to fill) says which ones were.

        ``hints``: per text, ``(start, end, label)`` character spans that are likely PII (the
        rule detectors' matches). They only steer speculation (which label and where the copy
        resumes after a placeholder), never the answer.

        ``scores``: a list to fill with one list per answer: a score per placeholder of its
        decoded text (every ``[TYPE]`` match, in order; see the module docstring), the
        probability the model gave to opening it rather than copying on. A ``[TYPE]`` copied
        from the input scores 1.0."""
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
            s = _Seq(i, self._source(prompt), limits[i], allowed, head, self.lookahead, text, hints[i] if hints else ())
            s.budget = max_forwards[i] if max_forwards else 0
            s.offsets = self._offsets(s.source, text)
            if s.offsets is not None and hints:
                hinted = [(a, b, lab) for a, b, lab in hints[i] if self._speculate(text, a, lab)]
                s.spec = _disjoint([*hinted, *cued_values(text, self.labels)])
            seqs.append(s)
        with torch.no_grad():
            # the answer starts as a copy of the text: propose it with the prompt (long for one
            # text, shorter in big batches, where every row pays for the widest)
            first_k = max(self.lookahead, min(self.first_lookahead, 512 // len(seqs)))
            first = [self._first_proposal(s, first_k) for s in seqs]
            state, hidden = self._prefill([list(p) for p in prompts], first)
            stats.forwards += 1
            width = hidden.shape[1]
            for row, (s, proposal) in enumerate(zip(seqs, first)):
                slot = state["fed_from"] + width - len(proposal) - 1  # the last prompt token
                self._settle(state, row, s, proposal, hidden[row, width - len(proposal) - 1 :], slot, stats)
            active = list(seqs)
            while True:
                for s in active:
                    s.forwards += 1
                    if not s.done:  # rows that finished in verification have no next token
                        s.out.append(s.nxt)
                        s.copied.append(False)
                        s.done = s.nxt == self.eot or len(s.out) >= s.limit
                    if not s.done and s.budget and s.forwards >= s.budget:
                        s.done, s.out = True, [*s.out, -1]  # abandoned: marked by a -1 that is cut below
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
                    self._settle(state, row, s, feed[1:], hidden[row, : len(feed)], state["fed_from"], stats)
        if abandoned is not None:
            abandoned.extend(bool(s.out) and s.out[-1] == -1 for s in seqs)
        for s in seqs:
            if s.out and s.out[-1] == -1:
                s.out.pop()
            stats.tokens += len(s.out)
            for label in _PLACEHOLDER.findall(self.tokenizer.decode(s.out)):
                if label in self._label_uses:
                    self._label_uses[label] += 1  # later guesses favour the labels seen so far
        if scores is not None:
            scores.extend(self._placeholder_scores(s) for s in seqs)
        return [s.out for s in seqs]

    def _placeholder_scores(self, s: _Seq) -> list[float]:
        """The score of each ``[TYPE]`` in the answer's text (up to ``<end_of_turn>``): that of
        the token holding its ``[`` (located by decoding the answer up to it); 1.0 when none."""
        out = s.out[: s.out.index(self.eot)] if self.eot in s.out else s.out

        def text(n: int) -> str:
            return str(self.tokenizer.decode(out[:n], skip_special_tokens=False, clean_up_tokenization_spaces=False))

        at = {text(j + 1).find("[", len(text(j))): score for j, score in s.opens.items() if j < len(out)}
        return [at.get(m.start(), 1.0) for m in _PLACEHOLDER.finditer(text(len(out)))]

    def _speculate(self, text: str, start: int, label: str) -> bool:
        """Whether to propose a hinted value as its placeholder before the model opens one: for
        checksum-verified matches, and for pattern matches that a cue word agrees with."""
        from piilora.detectors import RULE_DETECTORS

        if label not in self.labels:
            return False
        detector = RULE_DETECTORS.get(label)
        return (detector is not None and detector.verified) or guess_label(text, start, [label]) == label

    def _first_proposal(self, s: _Seq, first_k: int) -> list[int]:
        """The answer's likely start, proposed with the prompt: the input (with hinted values as
        placeholders), then ``<end_of_turn>`` when it is short, so a PII-free text is answered by
        the prefill alone; else its first ``first_k`` tokens."""
        if self.lookahead <= 0:
            return []
        if s.spec:
            proposal = self._text_proposal(s, "", 0, first_k)
        elif len(s.source) < first_k:
            proposal = [*s.source, self.eot]
        else:
            proposal = s.source[:first_k]
        return proposal[: max(0, s.limit - 1)]

    def _settle(
        self, state: dict[str, Any], row: int, s: _Seq, proposal: list[int], hidden: Any, slot: int, stats: DecodeStats
    ) -> None:
        """Verify ``proposal`` (fed from cache ``slot`` on, after the token already chosen) against
        the model's choices ``hidden``: keep the longest agreeing prefix plus the model's own next
        token; the rejected slots become holes."""
        verdict, logits = self._argmax(hidden, s)
        accepted = 0
        while accepted < len(proposal) and verdict[accepted] == proposal[accepted]:
            accepted += 1
            if proposal[accepted - 1] == self.eot:
                break
        stats.proposed += len(proposal)
        stats.accepted += accepted
        base, prop = len(s.out), s.prop
        self._accept(s, proposal[:accepted], full=bool(proposal) and accepted == len(proposal))
        state["valid"][row, slot + accepted + 1 :] = False  # rejected and padding
        state["length"][row] += accepted + 1
        if (s.out and s.out[-1] == self.eot) or len(s.out) >= s.limit:
            s.out = s.out[: s.limit]
            s.done = True
        else:
            s.nxt = verdict[accepted]
        self._score_opens(s, proposal, prop, verdict, logits, accepted, base)

    # -- the model ------------------------------------------------------------------------
    def _prefill(self, prompts: list[list[int]], proposals: list[list[int]]) -> tuple[dict[str, Any], Any]:
        """Run the prompts, each followed by its first proposal; returns the batch state (the KV
        cache, which cache slots are valid, the position of every slot, each row's length
        before the last prompt token) and the hidden states of the new slots."""
        import torch
        from transformers import DynamicCache

        device = self.head_weight.device
        shared = self.prefix_cache and all(tuple(p[: len(self._prefix)]) == self._prefix for p in prompts)
        start = len(self._prefix) if shared else 0
        rests = [p[start:] + q for p, q in zip(prompts, proposals)]
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
                 "length": torch.tensor([len(p) - 1 for p in prompts], device=device)}  # fmt: skip
        hidden = self._run(state, ids, pos[:, start:])
        return state, hidden

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

    def _argmax(self, hidden: Any, seq: _Seq) -> tuple[list[int], Any]:
        """The head's choice at every position, and its logits (columns: ``seq.allowed``)."""
        flat = hidden.reshape(-1, hidden.shape[-1]).to(seq.head.dtype)
        logits = flat @ seq.head.T
        best = logits.argmax(dim=-1)
        if seq.allowed is not None:
            best = seq.allowed[best]
        return [int(x) for x in best.tolist()], logits

    def _score_opens(
        self,
        s: _Seq,
        proposal: list[int],
        prop: list[tuple[bool, int, tuple[int, int] | None]] | None,
        verdict: list[int],
        logits: Any,
        accepted: int,
        base: int,
    ) -> None:
        """Score every ``[`` settled at answer index ``base + i`` (the accepted proposal tokens,
        then the model's own next token unless the answer ended) that the model chose instead
        of copying: the two-way probability of that token against the copy's token there."""
        for i in range(accepted if s.done else accepted + 1):
            chosen = proposal[i] if i < accepted else verdict[i]
            if "[" not in self._piece(chosen) or (i < accepted and s.copied[base + i]):
                continue
            alt = -1
            if i < accepted:  # a hinted value proposed as its placeholder: the copy would start the value
                span = prop[i][2] if prop is not None else None
                if span is not None and s.offsets is not None:
                    alt = s.source[min(len(s.source) - 1, bisect.bisect_right(s.offsets, span[0]) - 1)]
            elif i < len(proposal) and (prop[i][0] if prop is not None else True):
                alt = proposal[i]  # the model turned away from a proposed copy here
            elif s.cursor < len(s.source):
                alt = s.source[s.cursor]
            a, b = self._column(s, chosen), self._column(s, alt) if alt >= 0 else -1
            if a >= 0 and b >= 0 and a != b:
                margin = float(logits[i, a] - logits[i, b])
                s.opens[base + i] = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, margin))))

    @staticmethod
    def _column(s: _Seq, tid: int) -> int:
        """The logits column of token ``tid`` (-1 when the restricted head lacks it)."""
        if s.allowed is None:
            return tid
        import torch

        at = int(torch.searchsorted(s.allowed, torch.tensor(tid, device=s.allowed.device)))
        return at if at < len(s.allowed) and int(s.allowed[at]) == tid else -1

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

    def _offsets(self, source: list[int], text: str) -> list[int] | None:
        """Character offset in ``text`` of every source token (then ``len(text)``), or None when
        the tokenizer gives no offsets or tokenises ``text`` differently from the prompt."""
        if not text or not getattr(self.tokenizer, "is_fast", False):
            return None
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, split_special_tokens=True)
        if list(enc["input_ids"]) != source:
            return None
        return [start for start, _ in enc["offset_mapping"]] + [len(text)]

    def _accept(self, s: _Seq, tokens: Sequence[int], *, full: bool) -> None:
        """Record accepted proposal tokens; copies of the source advance the copy cursor."""
        s.out.extend(tokens)
        if s.prop is None:
            copy = bool(tokens) and list(tokens) == s.source[s.cursor : s.cursor + len(tokens)]
            s.copied.extend([True] * len(tokens))
            if copy:
                s.cursor += len(tokens)
        elif tokens:
            meta = s.prop[: len(tokens)]
            s.copied.extend(copied for copied, _, _ in meta)
            for _, _, span in meta:
                if span is not None:
                    s.span_start, s.span_end = span
            at = meta[-1][1]
            if s.offsets is not None and at >= 0:
                s.cursor = bisect.bisect_left(s.offsets, at)  # the text is copied up to ``at``
        s.k = min(self.max_lookahead, s.k * 2) if full else self.lookahead

    def _piece(self, tid: int) -> str:
        piece = self._pieces.get(tid)
        if piece is None:
            piece = self._pieces[tid] = self.tokenizer.convert_ids_to_tokens(tid) or ""
        return piece

    def _propose(self, s: _Seq) -> list[int]:
        """The next tokens to verify. While a placeholder is open: the rest of its label, ``]``
        and the text after the value it likely replaces. Right after a placeholder: the text
        where the copy likely resumes. Else the input tokens that follow the last generated
        ones (prompt lookup, nearest to the copy cursor). Empty when nothing fits."""
        s.prop = None
        if self.lookahead <= 0:
            return []
        for proposal in (self._label_proposal(s), self._resume_proposal(s)):
            if proposal:
                return proposal
        source, generated, size = s.source, s.out, len(s.source)
        for n in range(min(self.ngram, len(generated)), 0, -1):
            key = generated[-n:]
            for start in (*range(max(0, s.cursor - n), size - n + 1), *range(0, max(0, s.cursor - n))):
                if source[start : start + n] == key:
                    follow = source[start + n : start + n + s.k]
                    if follow:
                        s.cursor = start + n
                        if s.offsets is not None and any(
                            s.offsets[start + n] <= a < s.offsets[start + n + len(follow)] for a, _, _ in s.spec
                        ):
                            return self._text_proposal(s, "", s.offsets[start + n])  # with placeholders
                        return follow
        return []

    def _open_placeholder(self, s: _Seq) -> int:
        """Index in ``s.out`` of the ``[`` of a placeholder the model opened and has not closed
        (a copied bracket is text, not a placeholder), or -1."""
        for j in range(len(s.out) - 1, max(-1, len(s.out) - 12), -1):
            piece = self._piece(s.out[j])
            if "]" in piece and "[" not in piece[piece.rindex("]") :]:
                return -1
            if "[" in piece:
                return -1 if s.copied[j] else j
        return -1

    def _label_proposal(self, s: _Seq) -> list[int]:
        """While a placeholder is open: the rest of the likeliest label (a hint's label when a
        hint starts where the placeholder does, else the most used label that extends what is
        typed), ``]``, and the text after the guessed end of the replaced value."""
        if not self.labels:
            return []
        j = self._open_placeholder(s)
        if j < 0:
            return []
        typed = self.tokenizer.decode(s.out[j:])
        typed = typed[typed.rindex("[") + 1 :]
        fits = [lab for lab in self.labels if lab.startswith(typed)]
        if not fits:
            return []
        if j == len(s.out) - 1:  # the bracket was just chosen: where does the replaced value start?
            s.span_start = self._placeholder_start(s, self._piece(s.out[j]))
        hint = s.hints.get(s.span_start) if s.span_start >= 0 else None
        guess = guess_label(s.text, s.span_start, fits) if s.span_start >= 0 else None
        if hint is not None and hint[1] in fits:
            # a checksum-verified match names the type; a pattern (phone, SSN) yields to a cue word
            label = guess if guess and hint[1] in _PATTERN_HINTS else hint[1]
            s.span_end = hint[0]
        else:
            label = guess or max(fits, key=lambda lab: self._label_uses[lab])
            s.span_end = guess_value_end(s.text, s.span_start, label) if s.span_start >= 0 else -1
        rest = label[len(typed) :] + "]"
        if s.span_end < 0:
            return list(self.tokenizer(rest, add_special_tokens=False)["input_ids"])
        return self._text_proposal(s, rest, s.span_end)

    def _placeholder_start(self, s: _Seq, bracket: str) -> int:
        """Where the value the model is replacing starts: at the copy cursor, after whatever the
        bracket piece holds before ``[`` (a space, an opening parenthesis...)."""
        if s.offsets is None or s.cursor >= len(s.source):
            return -1
        at = s.offsets[s.cursor]
        before = bracket[: bracket.index("[")].replace("▁", " ")
        return at + len(before) if s.text.startswith(before, at) else -1

    def _resume_proposal(self, s: _Seq) -> list[int]:
        """Right after the model closed a placeholder (nothing copied since): the text where
        the copy resumes, found from what follows ``]`` so far, else from the guessed end."""
        if s.span_start < 0:
            return []
        for j in range(len(s.out) - 1, max(-1, len(s.out) - 3), -1):
            if s.copied[j]:
                return []
            if "]" in self._piece(s.out[j]):
                break
        else:
            return []
        tail = self.tokenizer.decode(s.out[j:])
        tail = tail[tail.rindex("]") + 1 :]
        if not tail:  # the model chose "]" over the guessed "]" + text: the value goes on
            at = _next_word_end(s.text, s.span_end) if s.span_end >= 0 else -1
        elif s.span_end >= 0 and s.text.startswith(tail, s.span_end):
            at = s.span_end + len(tail)
        else:
            found = s.text.find(tail, s.span_start + 1)
            at = found + len(tail) if found >= 0 else -1
        return self._text_proposal(s, "", at) if at >= 0 else []

    def _text_proposal(self, s: _Seq, head: str, at: int, k: int | None = None) -> list[int]:
        """Tokens of ``head`` (the rest of a placeholder) then up to ``k`` (default ``s.k``) tokens
        of the text from character ``at``, with hinted values (``s.spec``) replaced by their
        placeholders, all tokenised together as the answer would be."""
        k = s.k if k is None else k
        text, limit = s.text, at + 8 * k + 16
        built = [head]
        size = len(head)
        # pieces of the proposal string: (string start, text position at its start, value span or None)
        pieces: list[tuple[int, int, tuple[int, int] | None]] = [(0, -1, None)]
        pos = at
        for start, end, label in s.spec:
            if start < pos:
                continue
            if start >= limit:
                break
            pieces.append((size, pos, None))
            built.append(text[pos:start])
            size += start - pos
            pieces.append((size, -1, (start, end)))
            built.append(f"[{label}]")
            size += len(label) + 2
            pos = end
        stop = max(pos, min(limit, len(text)))
        pieces.append((size, pos, None))
        built.append(text[pos:stop])
        string = "".join(built)
        enc = self.tokenizer(string, add_special_tokens=False, return_offsets_mapping=True, split_special_tokens=True)
        ids = list(enc["input_ids"])
        starts = [p[0] for p in pieces]
        prop = []
        for a, b in enc["offset_mapping"]:
            first = bisect.bisect_right(starts, a) - 1
            last = bisect.bisect_right(starts, max(a, b - 1)) - 1
            copied = all(pieces[i][1] >= 0 for i in range(first, last + 1))
            p_start, p_text, p_span = pieces[last]
            if p_text >= 0:
                after = p_text + b - p_start
            elif p_span is not None and b == (starts[last + 1] if last + 1 < len(starts) else size):
                after = p_span[1]  # the placeholder is complete: the copy stands at the value's end
            else:
                after = -1
            span = next((pieces[i][2] for i in range(first, last + 1) if pieces[i][2] is not None), None)
            prop.append((copied, after, span))
        if stop < len(text):
            ids, prop = ids[:-1], prop[:-1]  # the text part may end inside a token
        else:
            ids.append(self.eot)
            prop.append((True, len(text), None))
        keep = sum(1 for copied, _, _ in prop if not copied) + k
        s.prop = prop[:keep]
        return ids[:keep]


# cue words just before a value, per built-in type (speculation only: a wrong guess costs a forward)
_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PERSON", ("name", "dear", "hi", "hello", "holder", "patient", "contact", "customer", "from", "signed", "mr")),
    ("DATE_OF_BIRTH", ("dob", "birth", "born", "geboren", "né", "nacimiento", "nascita")),
    ("US_SSN", ("ssn", "social security")),
    ("US_DRIVER_LICENSE", ("dl", "driver", "licen")),
    ("PASSPORT", ("passport", "pass no", "reisepass", "passeport", "pasaporte")),
    ("IBAN_CODE", ("iban",)),
    ("BANK_ACCOUNT", ("account", "acct", "a/c", "konto", "compte", "cuenta", "routing", "deposit", "sort code")),
    ("CREDIT_CARD", ("card", "visa", "mastercard", "amex")),
    ("PASSWORD", ("password", "passwd", "pwd", "pass", "passwort", "mot de passe", "contraseña")),
    ("SECRET", ("key", "token", "secret", "bearer", "api", "credential")),
    ("USERNAME", ("user", "login", "handle", "username", "account name")),
    ("PHONE_NUMBER", ("phone", "tel", "call", "mobile", "cell", "fax", "whatsapp", "sms", "text me")),
    ("EMAIL_ADDRESS", ("mail",)),
    ("IP_ADDRESS", ("ip", "host")),
    ("NATIONAL_ID", ("national id", "id number", "nin", "insee", "dni", "nie", "bsn", "steuer", "codice fiscale")),
    ("STREET_ADDRESS", ("address", "ship to", "deliver", "lives at", "adresse", "dirección", "straße")),
)


_PATTERN_HINTS = frozenset({"PHONE_NUMBER", "US_SSN"})
_SHAPES = (
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}")),
    ("IBAN_CODE", re.compile(r"[A-Z]{2}\d{2}[ -]?[A-Z0-9]{4}")),
    ("IP_ADDRESS", re.compile(r"(\d{1,3}\.){3}\d{1,3}\b|[0-9a-fA-F]{1,4}:[0-9a-fA-F]{0,4}:")),
)


_CUED = re.compile(
    r"(?i)(?<![\w-])(?P<cue>date of birth|dob|born on|ssn|social security(?: number| no\.?)?|"
    r"passport(?: number| no\.?)?|password|passwd|pwd|username|user ?name|login|user|"
    r"national id|driver'?s licen[cs]e(?: number| no\.?)?|dl(?: #| no\.?)?|"
    r"api[ _-]?key|secret|token|(?<=[\s\"'])[A-Z0-9_]*(?:KEY|TOKEN|SECRET))"
    r"[\"']?\s*(?:[:=#]|\bis\b|(?<=no\.)|(?<=number))\s*[\"']?"
    r"|(?P<name>(?<![\w-])(?:dear|hi|hello|hey|thanks|name|holder|patient|contact|customer|signed|regards)\b"
    r"[\"']?\s*[:,]?\s*[\"']?)(?=(?-i:[A-Z][a-zà-ÿ]))"
)
_CUED_LABELS = (
    (("date of birth", "dob", "born on"), "DATE_OF_BIRTH"),
    (("ssn", "social security"), "US_SSN"),
    (("passport",), "PASSPORT"),
    (("password", "passwd", "pwd"), "PASSWORD"),
    (("username", "user name", "user", "login"), "USERNAME"),
    (("national id",), "NATIONAL_ID"),
    (("driver", "dl"), "US_DRIVER_LICENSE"),
    (("api", "secret", "token", "key"), "SECRET"),
)


def cued_values(text: str, labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Values that a cue word announces (``DOB: ...``, ``password is ...``, ``Dear ...``), as
    ``(start, end, label)`` guesses: proposed as placeholders before the model gets there,
    so that a right guess costs no forward (a wrong one costs the rest of that proposal)."""
    found = []
    for m in _CUED.finditer(text):
        if m.group("name") is not None:
            label = "PERSON"
        else:
            cue = m.group("cue").lower()
            label = next((lab for keys, lab in _CUED_LABELS if any(k in cue for k in keys)), "")
        if label not in labels:
            continue
        end = guess_value_end(text, m.end(), label)
        if end > m.end():
            found.append((m.end(), end, label))
    return found


def _next_word_end(text: str, end: int) -> int:
    """The end of the word after ``end`` on the same line (past a space or comma), trailing
    punctuation left out; -1 when the line ends first."""
    i = end
    while i < len(text) and text[i] in " ,;":
        i += 1
    j = i
    while j < len(text) and not text[j].isspace():
        j += 1
    word = text[i:j].rstrip(_TRAILING)
    return i + len(word) if word and i > end else -1


def _disjoint(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted spans, each dropped when it overlaps an earlier-starting (or longer) one."""
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda x: (x[0], -x[1])):
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def guess_label(text: str, start: int, labels: Sequence[str]) -> str | None:
    """A guess of the type of the value at ``start`` from its shape (URL, e-mail) or the cue word
    closest before it (``DOB:``, ``SSN``, ``call``...); None when nothing points anywhere."""
    word = text[start : start + 64].split(None, 1)[0] if text[start : start + 64].strip() else ""
    if "URL" in labels and word.lower().startswith(("http://", "https://", "www.")):
        return "URL"
    for label, shape in _SHAPES:
        if label in labels and shape.match(word):
            return label
    before = text[max(0, start - 32) : start].lower().replace("_", " ").replace("-", " ")
    digits = any(c.isdigit() for c in word)
    best, best_at = None, -1
    for label, cues in _CUES:
        if label not in labels or (label in _NUMERIC and not digits) or (label == "PERSON" and not word[:1].isupper()):
            continue
        for cue in cues:
            at = before.rfind(cue)
            if at > best_at and (at == 0 or not before[at - 1].isalpha()):
                best, best_at = label, at
    return best


_NUMERIC = frozenset({"DATE_OF_BIRTH", "US_SSN", "US_DRIVER_LICENSE", "PASSPORT", "IBAN_CODE", "BANK_ACCOUNT",
                      "CREDIT_CARD", "PHONE_NUMBER", "IP_ADDRESS", "NATIONAL_ID"})  # fmt: skip
_TITLES = frozenset({"Mrs", "Sra", "Srta", "Dra", "Prof", "Mme", "Mlle", "Hr", "Fr", "Dott", "Ing"})
_NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "bin", "al", "zu"}
)
_MULTI_WORD_NUMBERS = frozenset({"PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "BANK_ACCOUNT", "NATIONAL_ID", "US_SSN"})
_TRAILING = ".,;:!?)]}>\"'’"


def guess_value_end(text: str, start: int, label: str) -> int:
    """A guess of where a ``label`` value starting at ``start`` ends (only used to propose
    where copying resumes after a placeholder): one word, extended over following
    capitalised words and name particles for names, digit groups for numbers, the rest
    of the line for addresses, a few words for dates; trailing punctuation and a
    possessive ``'s`` are left out."""
    n = len(text)
    if not 0 <= start < n or text[start].isspace():
        return -1

    def word_end(i: int) -> int:
        while i < n and not text[i].isspace():
            i += 1
        return i

    end = word_end(start)
    if label == "STREET_ADDRESS":
        line = text.find("\n", start)
        end = n if line < 0 else line
    elif label in ("PERSON", "DATE_OF_BIRTH") or label in _MULTI_WORD_NUMBERS:
        words, most = 1, 8 if label in _MULTI_WORD_NUMBERS else 5
        while end + 1 < n and text[end] == " " and words < most:
            last = text[start:end].rsplit(" ", 1)[-1].rstrip(".")
            title = (len(last) <= 2 and last[:1].isupper()) or last in _TITLES
            if text[end - 1] in ",;:!?" or (text[end - 1] == "." and not title):
                break  # a sentence or list goes on (but "M. Diallo", "Dr. Ruiz" are names)
            nxt = word_end(end + 1)
            word = text[end + 1 : nxt].rstrip(_TRAILING)
            if not word:
                break
            if label == "PERSON":
                ok = word[0].isupper() or word.lower() in _NAME_PARTICLES
            elif label == "DATE_OF_BIRTH":
                ok = words < 3 and (word[0].isdigit() or word.isalpha())
            else:
                ok = any(c.isdigit() for c in word) or (word.isupper() and len(word) <= 4)
            if not ok:
                break
            end, words = nxt, words + 1
    value = text[start:end]
    stripped = value.rstrip(_TRAILING)
    for tail in ("'s", "’s"):
        if stripped.endswith(tail) and len(stripped) > len(tail):
            stripped = stripped[: -len(tail)]
    return start + len(stripped) if stripped else end
