"""Copy-or-placeholder decoding: the fast path behind :class:`~piilora.redactor.Redactor`.

A masked answer is the input, copied, with some stretches replaced by ``[TYPE]``. Two
consequences make decoding much cheaper than generic generation:

- **Restricted head** (:mod:`~piilora.decoding.vocab`). The answer only ever needs tokens
  that spell pieces of the input, the placeholder tokens and ``<end_of_turn>``; per text,
  the LM head is the slice of the embedding matrix holding just those rows, so the largest
  matmul of every step shrinks ~100x and the output is copy-or-placeholder by construction.
- **Copy-aware speculation** (:mod:`~piilora.decoding.proposals`). Proposed tokens (the
  text itself, the text after the last copied tokens, hinted values already masked, the
  likeliest label and where the copy resumes after a placeholder, the values an earlier
  forward's verdicts foresaw the model masking) are verified in one
  forward; the longest prefix that greedy decoding agrees with is accepted, plus the
  model's own next token. A wrong guess only costs the tokens proposed after it. The
  guesses (:mod:`~piilora.decoding.hints`) read cue words and shapes off the text.

The modules, in the order a text meets them: :mod:`~piilora.decoding.decoder`
(:class:`CopyDecoder`; :class:`DecodeRun`, the decode loop: texts join a running batch between
forwards and leave when they end), :mod:`~piilora.decoding.vocab`,
:mod:`~piilora.decoding.hints`, :mod:`~piilora.decoding.proposals`,
:mod:`~piilora.decoding.engine` (batched forwards over one KV cache with true positions:
ragged rows, holes for rejected proposals, compacted once they are many),
:mod:`~piilora.decoding.body` (the lean Gemma 3 forward the engine runs: transformers'
arithmetic bit for bit, without its per-layer plumbing, skipping a batch's padding) and
:mod:`~piilora.decoding.scores` (the placeholder scores read off the verification logits, no
extra forward).

Verification keeps greedy semantics: every accepted token is the argmax of the
(restricted) head given the accepted prefix; hints and guesses steer what is proposed,
never what is accepted. With ``restrict=False`` the result is exactly plain greedy
decoding. A caller that would discard an answer that does not align with its text (the
Redactor decodes such a window again as halves) can have its decode stop as soon as the answer
can no longer align (``watch``; :func:`piilora.alignment.may_align`): a model that loops or
lost its place stops after a few forwards instead of running to its budget.
"""

from __future__ import annotations

from piilora.decoding.decoder import CopyDecoder, DecodeRun, DecodeStats, Finished
from piilora.decoding.hints import cued_values, guess_label, guess_value_end
from piilora.decoding.vocab import allowed_token_ids

__all__ = [
    "CopyDecoder",
    "DecodeRun",
    "DecodeStats",
    "Finished",
    "allowed_token_ids",
    "cued_values",
    "guess_label",
    "guess_value_end",
]
