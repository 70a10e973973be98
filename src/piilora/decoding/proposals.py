"""Copy-aware speculation: what each text proposes for verification, and what accepting does.

Proposed tokens are verified in one forward; the longest prefix that greedy decoding agrees
with is accepted, plus the model's own next token. What is proposed:

- with the prompt itself (the prefill): the start of the answer, i.e. the text (the whole of
  it, then ``<end_of_turn>``, for a short text: a PII-free text then costs one forward);
- while copying: the input tokens after the last generated ones (prompt lookup);
- hinted values (:func:`~piilora.decoding.hints.speculated_values`) already replaced by their
  placeholder, so a hinted value costs no forward;
- when the model opens a placeholder itself: the likeliest label, ``]``, and the text after
  the guessed end of the value, so a well-guessed value costs one forward;
- right after the model closes a placeholder: the text where the copy resumes;
- values the model is foreseen to mask (:meth:`Proposer.foresee`: past the accepted prefix of
  a copy, where its verdict opens a placeholder instead of copying on) as their placeholders.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from piilora.decoding.hints import (
    PATTERN_HINTS,
    disjoint_spans,
    guess_label,
    guess_value_end,
    next_word_end,
    speculated_values,
)
from piilora.decoding.vocab import PLACEHOLDER, Head, TokenPieces

__all__ = ["Proposer", "TextState", "TokenMeta"]

#: per token of a text proposal: (a copy of the text?, where in the text the copy stands after
#: it or -1, the (start, end) of the value its placeholder replaces or None)
TokenMeta: TypeAlias = tuple[bool, int, tuple[int, int] | None]


class TextState:
    """Decoding state of one text in a batch."""

    __slots__ = ("budget", "copied", "cursor", "done", "forwards", "head", "hints", "index", "k", "limit", "lost",
                 "nxt", "offsets", "opens", "out", "prop", "source", "span_end", "span_start", "spec", "text",
                 "watch")  # fmt: skip

    def __init__(
        self,
        index: int,
        source: list[int],
        *,
        limit: int,
        head: Head,
        k: int,
        text: str = "",
        hints: Iterable[tuple[int, int, str]] = (),
    ) -> None:
        self.index = index
        self.source = source  # the input text's tokens: where copy proposals are looked up
        self.limit = limit
        self.budget = 0  # most forwards this text may take (0: no bound); past it, it is abandoned
        self.watch = False  # stop once the answer can no longer align with the text (see CopyDecoder)
        self.lost = False  # stopped so
        self.forwards = 0
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
        self.prop: list[TokenMeta] | None = None  # per token of a pending text proposal; None: source ids
        self.spec: list[tuple[int, int, str]] = []  # hinted values proposed as placeholders inside copies
        self.opens: dict[int, float] = {}  # answer index of a ``[`` the model chose over a copy -> its score


class Proposer:
    """Proposals for the texts of one decoder. ``lookahead`` is the first proposal length; it
    doubles (up to ``max_lookahead``) while whole proposals are accepted (0: no proposals).
    ``prefix`` and ``suffix`` frame every prompt around the text's tokens; ``cues`` are the
    cue words per label (:func:`~piilora.decoding.hints.guess_label`); ``verified`` the labels
    whose hints are checksum- or syntax-verified rule matches. ``foresight``: read the
    verdicts past each accepted prefix for the placeholders the model will open next
    (:meth:`foresee`)."""

    def __init__(
        self,
        tokenizer: Any,
        *,
        labels: Sequence[str],
        cues: Mapping[str, Sequence[str]],
        verified: Collection[str],
        eot: int,
        prefix: Sequence[int],
        suffix: Sequence[int],
        lookahead: int,
        max_lookahead: int,
        ngram: int,
        foresight: bool = True,
    ) -> None:
        self.tokenizer = tokenizer
        self.labels = tuple(labels)
        self.cues = cues
        self.verified = frozenset(verified)
        self.eot = eot
        self.prefix, self.suffix = tuple(prefix), tuple(suffix)
        self.lookahead = lookahead
        self.max_lookahead = max_lookahead
        self.ngram = ngram
        self.foresight = foresight
        self.pieces = TokenPieces(tokenizer)
        self.label_uses: dict[str, int] = dict.fromkeys(self.labels, 0)
        if "PERSON" in self.label_uses:
            self.label_uses["PERSON"] = 1  # the commonest type in most text

    def new_state(
        self,
        index: int,
        prompt: Sequence[int],
        text: str,
        *,
        limit: int,
        head: Head,
        budget: int = 0,
        hints: Iterable[tuple[int, int, str]] | None = None,
    ) -> TextState:
        """The state of text ``index`` before decoding (``hints``: see ``CopyDecoder.answer_batch``)."""
        hinted = list(hints) if hints is not None else []
        s = TextState(index, self._source(prompt), limit=limit, head=head, k=self.lookahead, text=text, hints=hinted)
        s.budget = budget
        s.offsets = self._offsets(s.source, text)
        if s.offsets is not None and hints is not None:
            s.spec = speculated_values(text, hinted, self.labels, self.cues, self.verified)
        return s

    def count_labels(self, answer: str) -> None:
        """Count the placeholders of a decoded answer: later guesses favour the labels seen so far."""
        for label in PLACEHOLDER.findall(answer):
            if label in self.label_uses:
                self.label_uses[label] += 1

    # -- what to propose --------------------------------------------------------------------
    def first(self, s: TextState, first_k: int) -> list[int]:
        """The answer's likely start, proposed with the prompt: the input (with hinted values as
        placeholders), then ``<end_of_turn>`` when it is short, so a PII-free text is answered by
        the prefill alone; else its first ``first_k`` tokens."""
        if self.lookahead <= 0:
            return []
        if s.spec:
            proposal = self.text_proposal(s, "", 0, first_k)
        elif len(s.source) < first_k:
            proposal = [*s.source, self.eot]
        else:
            proposal = s.source[:first_k]
        return proposal[: max(0, s.limit - 1)]

    def propose(self, s: TextState) -> list[int]:
        """The next tokens to verify. While a placeholder is open: the rest of its label, ``]``
        and the text after the value it likely replaces. Right after a placeholder: the text
        where the copy likely resumes. Else the input tokens that follow the last generated
        ones (prompt lookup, nearest to the copy cursor). Empty when nothing fits."""
        s.prop = None
        if self.lookahead <= 0:
            return []
        # one at a time: each sets ``s.prop`` for the proposal it builds
        for make in (self.label_proposal, self.resume_proposal):
            s.prop = None
            proposal = make(s)
            if proposal:
                return proposal
        s.prop = None
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
                            return self.text_proposal(s, "", s.offsets[start + n])  # with placeholders
                        s.prop = None
                        return follow
        return []

    def label_proposal(self, s: TextState) -> list[int]:
        """While a placeholder is open: the rest of the likeliest label (a hint's label when a
        hint starts where the placeholder does, else a cue word's or a shape's, else the most
        used label that extends what is typed), ``]``, and the text after the guessed end of
        the replaced value."""
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
            s.span_start = self._placeholder_start(s, self.pieces(s.out[j]))
        if s.span_start >= 0:
            label, s.span_end = self._guess(s, s.span_start, fits)
        else:
            label, s.span_end = max(fits, key=lambda lab: self.label_uses[lab]), -1
        rest = label[len(typed) :] + "]"
        if s.span_end < 0:
            return list(self.tokenizer(rest, add_special_tokens=False)["input_ids"])
        return self.text_proposal(s, rest, s.span_end)

    def resume_proposal(self, s: TextState) -> list[int]:
        """Right after the model closed a placeholder (nothing copied since): the text where
        the copy resumes, found from what follows ``]`` so far, else from the guessed end."""
        if s.span_start < 0:
            return []
        for j in range(len(s.out) - 1, max(-1, len(s.out) - 3), -1):
            if s.copied[j]:
                return []
            if "]" in self.pieces(s.out[j]):
                break
        else:
            return []
        tail = self.tokenizer.decode(s.out[j:])
        tail = tail[tail.rindex("]") + 1 :]
        if not tail:  # the model chose "]" over the guessed "]" + text: the value goes on
            at = next_word_end(s.text, s.span_end) if s.span_end >= 0 else -1
        elif s.span_end >= 0 and s.text.startswith(tail, s.span_end):
            at = s.span_end + len(tail)
        else:
            found = s.text.find(tail, s.span_start + 1)
            at = found + len(tail) if found >= 0 else -1
        return self.text_proposal(s, "", at) if at >= 0 else []

    def text_proposal(self, s: TextState, head: str, at: int, k: int | None = None) -> list[int]:
        """Tokens of ``head`` (the rest of a placeholder) then up to ``k`` (default ``s.k``) tokens
        of the text from character ``at``, with hinted values (``s.spec``) replaced by their
        placeholders, all tokenised together as the answer would be; ``s.prop`` says what
        each token is."""
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
        prop: list[TokenMeta] = []
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

    def foresee(
        self, s: TextState, proposal: Sequence[int], prop: list[TokenMeta] | None, verdict: Sequence[int], accepted: int
    ) -> None:
        """Read the verdicts past the accepted prefix: where the model, given the proposed copy so
        far, would open a placeholder instead of copying on, the value there is likely the next
        to mask; it joins ``s.spec`` (label and end guessed as for a placeholder the model opens),
        so the next proposals carry its placeholder and one forward can settle several values.
        Call before :meth:`accept` (a copy proposal is read from the copy cursor)."""
        if not self.foresight or s.offsets is None or not self.labels:
            return
        cursor = s.cursor  # where a proposal of source ids (``prop`` None) starts
        found: list[tuple[int, int, str]] = []
        for i in range(accepted + 1, min(len(proposal), len(verdict))):
            v = verdict[i]
            if v == proposal[i]:
                continue
            piece = self.pieces(v)
            if "[" not in piece:
                continue
            if prop is None:  # token i is source token cursor + i
                j = cursor + i
                if j >= len(s.source) or s.source[j] != proposal[i]:
                    continue
                at = s.offsets[j]
            elif i < len(prop) and prop[i][0] and prop[i - 1][1] >= 0:
                at = prop[i - 1][1]  # where the copy stands after token i - 1
            else:
                continue
            typed = piece[piece.index("[") + 1 :]
            start = self._placeholder_start(s, piece, at)
            fits = [lab for lab in self.labels if lab.startswith(typed)]
            if not fits or not 0 <= start < len(s.text) or s.text[start].isspace():
                continue
            label, end = self._guess(s, start, fits)
            if end > start:
                found.append((start, end, label))
        if found:
            s.spec = disjoint_spans([*s.spec, *found])

    # -- what accepting does ----------------------------------------------------------------
    def accept(self, s: TextState, tokens: Sequence[int], *, full: bool) -> None:
        """Record accepted proposal tokens (``full``: the whole proposal); copies of the source
        advance the copy cursor, and the proposal length grows or restarts."""
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

    # -- helpers ----------------------------------------------------------------------------
    def _guess(self, s: TextState, start: int, fits: Sequence[str]) -> tuple[str, int]:
        """The likeliest label (of ``fits``) and end of a value starting at ``start``: a hint's
        when one starts there (a pattern's label, phone or SSN, yields to a cue word's), else a
        cue word's or a shape's, else the most used label."""
        hint = s.hints.get(start)
        guess = guess_label(s.text, start, fits, self.cues)
        if hint is not None and hint[1] in fits:
            # a checksum-verified match names the type; a pattern (phone, SSN) yields to a cue word
            return (guess if guess and hint[1] in PATTERN_HINTS else hint[1]), hint[0]
        label = guess or max(fits, key=lambda lab: self.label_uses[lab])
        return label, guess_value_end(s.text, start, label)

    def _source(self, prompt: Sequence[int]) -> list[int]:
        """The text's tokens inside ``prompt`` (the whole prompt when it is not framed as usual)."""
        p, s = len(self.prefix), len(self.suffix)
        if (
            len(prompt) >= p + s
            and tuple(prompt[:p]) == self.prefix
            and tuple(prompt[len(prompt) - s :]) == self.suffix
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

    def _open_placeholder(self, s: TextState) -> int:
        """Index in ``s.out`` of the ``[`` of a placeholder the model opened and has not closed
        (a copied bracket is text, not a placeholder), or -1."""
        for j in range(len(s.out) - 1, max(-1, len(s.out) - 12), -1):
            piece = self.pieces(s.out[j])
            if "]" in piece and "[" not in piece[piece.rindex("]") :]:
                return -1
            if "[" in piece:
                return -1 if s.copied[j] else j
        return -1

    def _placeholder_start(self, s: TextState, bracket: str, at: int | None = None) -> int:
        """Where the value a placeholder opened by token piece ``bracket`` replaces starts: at
        text offset ``at`` (default: the copy cursor's), after whatever the piece holds before
        ``[`` (a space, an opening parenthesis...); -1 when the text does not read so there."""
        if at is None:
            if s.offsets is None or s.cursor >= len(s.source):
                return -1
            at = s.offsets[s.cursor]
        before = bracket[: bracket.index("[")].replace("▁", " ")
        return at + len(before) if s.text.startswith(before, at) else -1
