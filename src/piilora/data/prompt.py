"""The one prompt format, shared by training and inference (train = infer).

A conversation is Gemma 3's chat format::

    <bos><start_of_turn>user
    {INSTRUCTION}

    {text}<end_of_turn>
    <start_of_turn>model
    {masked}<end_of_turn>

The user's text is tokenised with ``split_special_tokens=True``: a text that
contains ``<end_of_turn>`` or ``<start_of_turn>model`` is plain characters to the
model, never a turn marker, so input cannot break out of its turn. Prompt and
answer are tokenised separately and concatenated, so the ids the model is trained
on are exactly the ids it is prompted with at inference.

The training target is the text with each PII span replaced by ``[ENTITY_TYPE]``
(:func:`bracket_target`); other placeholder schemes are applied after detection.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from piilora.types import Span, validate_spans

__all__ = [
    "END_OF_TURN",
    "IGNORE_INDEX",
    "INSTRUCTION",
    "PROMPT_FORMAT_VERSION",
    "EncodedExample",
    "answer_ids",
    "bracket_target",
    "encode_example",
    "parse_answer",
    "prompt_frame",
    "prompt_ids",
    "render_conversation",
]

#: Bump when anything below changes what the model sees; adapters record it.
PROMPT_FORMAT_VERSION = 1
INSTRUCTION = (
    "Copy the text below exactly, but replace every piece of personal data with its type in "
    "brackets, such as [PERSON], [EMAIL_ADDRESS] or [PHONE_NUMBER]."
)
START_OF_TURN = "<start_of_turn>"
END_OF_TURN = "<end_of_turn>"
#: Label value that cross-entropy ignores (prompt positions).
IGNORE_INDEX = -100


class Tokenizer(Protocol):
    """The slice of a Hugging Face tokenizer this module needs."""

    bos_token_id: int | None

    def __call__(self, text: Any, **kwargs: Any) -> Any: ...

    def convert_tokens_to_ids(self, token: str) -> Any: ...

    def decode(self, token_ids: Any, **kwargs: Any) -> Any: ...


def bracket_target(text: str, spans: Sequence[Span] | Sequence[Mapping[str, Any]]) -> str:
    """The training target: ``text`` with each span replaced by ``[LABEL]``."""
    parsed = [s if isinstance(s, Span) else Span.from_record(s) for s in spans]
    out: list[str] = []
    cursor = 0
    for span in validate_spans(text, parsed):
        out.append(text[cursor : span.start])
        out.append(f"[{span.entity_type}]")
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


def render_conversation(text: str, masked: str | None = None) -> str:
    """The conversation as a string (for GGUF chat templates, docs and debugging)."""
    prompt = f"<bos>{START_OF_TURN}user\n{INSTRUCTION}\n\n{text}{END_OF_TURN}\n{START_OF_TURN}model\n"
    return prompt if masked is None else f"{prompt}{masked}{END_OF_TURN}"


def _plain(tokenizer: Tokenizer, text: str) -> list[int]:
    if not text:
        return []
    enc = tokenizer(text, add_special_tokens=False, split_special_tokens=True)
    return list(enc["input_ids"])


def _special(tokenizer: Tokenizer, token: str) -> int:
    tid = tokenizer.convert_tokens_to_ids(token)
    if not isinstance(tid, int) or tid < 0:
        raise ValueError(f"tokenizer has no {token} token: is it a Gemma 3 tokenizer?")
    return tid


def prompt_frame(tokenizer: Tokenizer) -> tuple[list[int], list[int]]:
    """``(prefix, suffix)``: the token ids every prompt starts and ends with (the text's own
    tokens go between them). The prefix holds the instruction, so its KV can be cached."""
    sot, eot = _special(tokenizer, START_OF_TURN), _special(tokenizer, END_OF_TURN)
    bos = [tokenizer.bos_token_id] if tokenizer.bos_token_id is not None else []
    prefix = [*bos, sot, *_plain(tokenizer, f"user\n{INSTRUCTION}\n\n")]
    suffix = [eot, *_plain(tokenizer, "\n"), sot, *_plain(tokenizer, "model\n")]
    return prefix, suffix


def prompt_ids(tokenizer: Tokenizer, text: str) -> list[int]:
    """Token ids of the prompt for ``text``, ending where the model's answer begins."""
    prefix, suffix = prompt_frame(tokenizer)
    return [*prefix, *_plain(tokenizer, text), *suffix]


def answer_ids(tokenizer: Tokenizer, masked: str) -> list[int]:
    """Token ids of the answer: the masked text, then ``<end_of_turn>``."""
    return [*_plain(tokenizer, masked), _special(tokenizer, END_OF_TURN)]


@dataclass(frozen=True)
class EncodedExample:
    """``labels`` is ``IGNORE_INDEX`` on the prompt, the answer ids on the answer.

    ``truncated`` says the answer was cut to fit ``max_length``;
    ``answer_tokens`` counts the positions that carry loss (0 = nothing to learn).
    """

    input_ids: list[int]
    labels: list[int]
    answer_tokens: int
    truncated: bool


def encode_example(tokenizer: Tokenizer, text: str, masked: str, *, max_length: int | None = None) -> EncodedExample:
    """Encode one (text, masked) pair for supervised fine-tuning, loss on the answer only.

    When the pair is longer than ``max_length`` the answer's tail is cut (the
    prompt is kept whole, since an answer without its input teaches nothing);
    a prompt that alone fills ``max_length`` gives ``answer_tokens == 0``.
    """
    p = prompt_ids(tokenizer, text)
    a = answer_ids(tokenizer, masked)
    truncated = False
    if max_length is not None and len(p) + len(a) > max_length:
        truncated = True
        a = a[: max(0, max_length - len(p))]
        p = p[:max_length]
    return EncodedExample(
        input_ids=p + a,
        labels=[IGNORE_INDEX] * len(p) + a,
        answer_tokens=len(a),
        truncated=truncated,
    )


def parse_answer(tokenizer: Tokenizer, ids: Sequence[int]) -> str:
    """The masked text from generated answer ids: everything before the first
    ``<end_of_turn>`` *token* (a literal "<end_of_turn>" string copied from the
    input is text, not the end)."""
    eot = _special(tokenizer, END_OF_TURN)
    ids = list(ids)
    if eot in ids:
        ids = ids[: ids.index(eot)]
    return str(tokenizer.decode(ids, skip_special_tokens=False, clean_up_tokenization_spaces=False))
