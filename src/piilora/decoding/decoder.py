"""The copy decoder: batched greedy decoding that verifies proposals (see :mod:`piilora.decoding`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from piilora.alignment import may_align
from piilora.data.prompt import END_OF_TURN, parse_answer, prompt_frame
from piilora.decoding.engine import BatchState, ForwardEngine
from piilora.decoding.proposals import Proposer, TextState
from piilora.decoding.scores import placeholder_scores, score_opens
from piilora.decoding.vocab import Head

__all__ = ["CopyDecoder", "DecodeRun", "DecodeStats", "Finished"]


@dataclass
class DecodeStats:
    """Counters of one decode: forwards run and tokens produced."""

    forwards: int = 0
    tokens: int = 0
    proposed: int = 0
    accepted: int = 0


@dataclass
class Finished:
    """A text whose decode ended: its ``key`` (given to :meth:`DecodeRun.add`), answer ids
    (ending with ``<end_of_turn>`` unless its token limit ran out), a score per placeholder,
    whether it was abandoned over its forward budget, and whether it was stopped because its
    answer could no longer align with the text (``watch``; the ids are then the answer so far)."""

    key: Any
    ids: list[int]
    scores: list[float]
    abandoned: bool
    lost: bool = False


class CopyDecoder:
    """Greedy decoding of masked answers, one text or a ragged batch (see :mod:`piilora.decoding`).

    ``model`` is a (merged) causal LM with ``.model`` (the transformer body) and a tied or
    untied ``.lm_head``; ``labels`` are the entity types placeholders may name; ``cues`` their
    cue words (label -> lower-case words seen just before a value, ``DOB``, ``call``...: they
    steer which label is proposed; None: none); ``verified`` the types whose rule matches
    (``hints``) are checksum- or syntax-verified: such a hint is proposed as its placeholder
    outright, any other only where a cue word agrees.
    ``lookahead`` is the first proposal length; it doubles (up to ``max_lookahead``) while
    whole proposals are accepted. ``restrict=False`` decodes with the full head (then the
    result is exactly plain greedy decoding). ``prefix_cache`` computes the KV of the
    instruction, which every prompt starts with, once per decoder.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        labels: Sequence[str],
        cues: Mapping[str, Sequence[str]] | None = None,
        verified: Collection[str] = (),
        lookahead: int = 8,
        max_lookahead: int = 64,
        first_lookahead: int = 96,
        ngram: int = 2,
        restrict: bool = True,
        prefix_cache: bool = True,
    ) -> None:
        self.model = model
        self.head_weight = model.lm_head.weight
        self.tokenizer = tokenizer
        self.labels = tuple(labels)
        self.lookahead = lookahead
        self.first_lookahead = first_lookahead
        self.restrict = restrict
        self.eot = tokenizer.convert_tokens_to_ids(END_OF_TURN)
        # prompts are prefix + text tokens + suffix (prompt.py); proposals come from the text part
        prefix, suffix = prompt_frame(tokenizer)
        self.engine = ForwardEngine(model, prefix, prefix_cache=prefix_cache)
        self.proposer = Proposer(
            tokenizer,
            labels=self.labels,
            cues={label: tuple(words) for label, words in (cues or {}).items()},
            verified=verified,
            eot=self.eot,
            prefix=prefix,
            suffix=suffix,
            lookahead=lookahead,
            max_lookahead=max(lookahead, max_lookahead),
            ngram=ngram,
        )

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
        watch: Sequence[bool] | None = None,
        lost: list[bool] | None = None,
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

        ``watch``: per text, stop its decode as soon as the answer can no longer align exactly
        with the text (:func:`piilora.alignment.may_align`: it copied text out of order, looped,
        put two placeholders side by side), for a caller that would discard such an answer
        anyway (the Redactor decodes that window again as halves); ``lost`` (a list to fill)
        says which were stopped so.

        ``scores``: a list to fill with one list per answer: a score per placeholder of its
        decoded text (every ``[TYPE]`` match, in order; see :mod:`piilora.decoding.scores`),
        the probability the model gave to opening it rather than copying on. A ``[TYPE]``
        copied from the input scores 1.0."""
        if not prompts:
            return []
        run = DecodeRun(self, stats)
        run.add(
            prompts,
            texts,
            max_new_tokens=max_new_tokens,
            hints=hints,
            max_forwards=max_forwards,
            watch=watch,
        )
        done: dict[int, Finished] = {}
        while run:
            done.update((f.key, f) for f in run.step())
        ordered = [done[i] for i in range(len(prompts))]
        if abandoned is not None:
            abandoned.extend(f.abandoned for f in ordered)
        if scores is not None:
            scores.extend(f.scores for f in ordered)
        if lost is not None:
            lost.extend(f.lost for f in ordered)
        return [f.ids for f in ordered]

    def run(self, stats: DecodeStats | None = None) -> DecodeRun:
        """A running batch texts join between steps and leave as they end (see :class:`DecodeRun`)."""
        return DecodeRun(self, stats)

    def _head(self, text: str) -> Head:
        """The head ``text`` decodes with: restricted to its own pieces, placeholders and
        ``<end_of_turn>``, or the full one."""
        if not self.restrict:
            return Head(self.head_weight)
        return Head.restricted(self.head_weight, self.tokenizer, text, self.labels, [self.eot])

    def _settle(
        self, state: BatchState, row: int, s: TextState, proposal: list[int], hidden: Any, slot: int, stats: DecodeStats
    ) -> None:
        """Verify ``proposal`` (fed from cache ``slot`` on, after the token already chosen) against
        the model's choices ``hidden``: keep the longest agreeing prefix plus the model's own next
        token; the rejected slots become holes."""
        verdict, logits = s.head.argmax(hidden)
        accepted = 0
        while accepted < len(proposal) and verdict[accepted] == proposal[accepted]:
            accepted += 1
            if proposal[accepted - 1] == self.eot:
                break
        stats.proposed += len(proposal)
        stats.accepted += accepted
        base, prop = len(s.out), s.prop
        self.proposer.foresee(s, proposal, prop, verdict, accepted)
        self.proposer.accept(s, proposal[:accepted], full=bool(proposal) and accepted == len(proposal))
        state.keep(row, slot, accepted + 1)
        if (s.out and s.out[-1] == self.eot) or len(s.out) >= s.limit:
            s.out = s.out[: s.limit]
            s.done = True
        else:
            s.nxt = verdict[accepted]
        score_opens(s, self.proposer.pieces, proposal, prop, verdict, logits, accepted, base)


class DecodeRun:
    """A batch in progress: :meth:`add` prefills new texts and joins them to the running rows
    (between steps), :meth:`step` runs one forward for every row and returns the texts that
    ended, whose rows leave the batch. A text's answer does not depend on when it joined or
    with whom, up to floating-point differences of batched arithmetic (as in
    :meth:`CopyDecoder.answer_batch`, which is one ``add`` and steps until the run is empty).

    Continuous batching (a server's texts arriving while others decode) pays one prefill
    forward per ``add``; the rows then share every step."""

    def __init__(self, decoder: CopyDecoder, stats: DecodeStats | None = None) -> None:
        self.decoder = decoder
        self.stats = stats if stats is not None else DecodeStats()
        self.state: BatchState | None = None
        self.active: list[TextState] = []
        self._keys: dict[int, Any] = {}  # id(TextState) -> key

    def __len__(self) -> int:
        return len(self.active)

    def add(
        self,
        prompts: Sequence[Sequence[int]],
        texts: Sequence[str],
        *,
        max_new_tokens: int | Sequence[int],
        hints: Sequence[Iterable[tuple[int, int, str]]] | None = None,
        max_forwards: Sequence[int] | None = None,
        watch: Sequence[bool] | None = None,
        keys: Sequence[Any] | None = None,
    ) -> None:
        """Prefill ``prompts`` (of ``texts``) and join them to the batch; ``keys`` name them in
        :meth:`step`'s results (default: 0, 1, ... in order). The other arguments are
        :meth:`CopyDecoder.answer_batch`'s."""
        import torch

        if not prompts:
            return
        dec, stats = self.decoder, self.stats
        n = len(prompts)
        limits = [max_new_tokens] * n if isinstance(max_new_tokens, int) else list(max_new_tokens)
        seqs = [
            dec.proposer.new_state(
                i,
                prompt,
                text,
                limit=limits[i],
                head=dec._head(text),
                budget=max_forwards[i] if max_forwards else 0,
                hints=hints[i] if hints else None,
            )
            for i, (prompt, text) in enumerate(zip(prompts, texts))
        ]
        for i, s in enumerate(seqs):
            self._keys[id(s)] = keys[i] if keys is not None else i
            s.watch = bool(watch and watch[i])
        with torch.no_grad():
            # the answer starts as a copy of the text: propose it with the prompt (long for one
            # text, shorter in big batches, where every row pays for the widest)
            first_k = max(dec.lookahead, min(dec.first_lookahead, 512 // (n + len(self.active))))
            first = [dec.proposer.first(s, first_k) for s in seqs]
            state, hidden = dec.engine.prefill([list(p) for p in prompts], first)
            stats.forwards += 1
            width = hidden.shape[1]
            for row, (s, proposal) in enumerate(zip(seqs, first)):
                last = width - len(proposal) - 1  # the last prompt token (rows are left-padded)
                dec._settle(state, row, s, proposal, hidden[row, last:], state.fed_from + last, stats)
        if self.state is None:
            self.state = state
        else:
            self.state.join(state)
        self.active.extend(seqs)

    def step(self) -> list[Finished]:
        """One forward for every row (each takes its chosen token and verifies its next
        proposal); returns the texts that ended, in row order."""
        import torch

        dec, stats = self.decoder, self.stats
        for s in self.active:
            s.forwards += 1
            if not s.done:  # rows that finished in verification have no next token
                s.out.append(s.nxt)
                s.copied.append(False)
                s.done = s.nxt == dec.eot or len(s.out) >= s.limit
            if not s.done and s.budget and s.forwards >= s.budget:
                s.done, s.out = True, [*s.out, -1]  # abandoned: marked by a -1 that is cut below
            if not s.done and s.watch and not may_align(s.text, parse_answer(dec.tokenizer, s.out)):
                s.done = s.lost = True
        ended = [self._finish(s) for s in self.active if s.done]
        keep = [j for j, s in enumerate(self.active) if not s.done]
        if not keep:
            self.state, self.active = None, []
            return ended
        if len(keep) < len(self.active):
            assert self.state is not None
            self.state.select_rows(keep)
            self.active = [self.active[j] for j in keep]
        state = self.state
        assert state is not None
        with torch.no_grad():
            feeds = [[s.nxt, *dec.proposer.propose(s)[: max(0, s.limit - len(s.out) - 1)]] for s in self.active]
            hidden = dec.engine.step(state, feeds)
            stats.forwards += 1
            for row, (s, feed) in enumerate(zip(self.active, feeds)):
                dec._settle(state, row, s, feed[1:], hidden[row, : len(feed)], state.fed_from, stats)
        return ended

    def _finish(self, s: TextState) -> Finished:
        dec = self.decoder
        abandoned = bool(s.out) and s.out[-1] == -1
        if abandoned:
            s.out.pop()
        self.stats.tokens += len(s.out)
        dec.proposer.count_labels(dec.tokenizer.decode(s.out))
        scores = placeholder_scores(dec.tokenizer, s.out, s.opens, dec.eot)
        return Finished(self._keys.pop(id(s)), s.out, scores, abandoned, s.lost)
