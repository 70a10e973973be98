"""Fuzzing the Redactor with hostile text: mixed scripts, controls, lone surrogates, placeholder
lookalikes, long runs without spaces, and PII values a rule can verify.

Whatever the text and whatever the model says: no exception (other than TypeError for a non-str),
the masked text is the input with spans replaced and nothing else, every verifiable value (e-mail,
card, IBAN, IP address, phone number) is masked, restore is exact, and the work per text is
bounded by its length (the copy decoder's forward budget, on the tiny model).
"""

import re

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from transformers import Gemma3ForCausalLM

from piilora.model import tiny_gemma3_config
from piilora.redactor import Redactor

pytestmark = pytest.mark.integration

#: Values a rule verifies (checksum, format or phone metadata): never left readable.
VERIFIABLE = [
    "anna.berg@example.com",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "192.168.10.20",
    "+44 20 7946 0958",
    "2001:db8:85a3::8a2e:370:7334",
]
_odd = st.sampled_from(
    ["\x00", "\x07", "\x1b[31m", "\u202e", "\u202c", "\u200b", "\ufeff", "\ud800", "\udfff", "\r\n", "\t",
     "<start_of_turn>", "<end_of_turn>", "<eos>", "[PERSON]", "[PERSON_1]", "[EMAIL_ADDRESS_2]", "]]", "[["]
)  # fmt: skip
_scripts = st.sampled_from(["Иван Петров", "王小明", "محمد", "😀👍🏽", "Ωμέγα", "naïve café", "ﬁ", "Ⅻ"])
_plain = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
_run = st.text(st.sampled_from("abcXYZ0189-_/.=+"), min_size=200, max_size=900)  # no spaces at all
_filler = st.one_of(_plain, _odd, _scripts, _run)


@st.composite
def hostile_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text of hostile fillers with verifiable values on lines of their own; returns (text, values)."""
    parts: list[str] = []
    values: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            value = draw(st.sampled_from(VERIFIABLE))
            values.append(value)
            parts.append(f"\n{value} \n")  # on a line of its own: where a value ends is not in doubt
        else:
            parts.append(draw(_filler))
    return "".join(parts), values


def _rebuilt(text, result):
    out, cursor = [], 0
    for r in result.replacements:
        out.append(text[cursor : r.span.start])
        out.append(r.text)
        cursor = r.span.end
    out.append(text[cursor:])
    return "".join(out)


def _check(text, values, redactor):
    result = redactor.mask(text, scheme="numbered")
    assert _rebuilt(text, result) == result.text  # nothing but the spans changed
    for value in values:
        assert value not in result.text
    assert redactor.restore(result.text, result.mapping) == text
    return result


class _Scripted(Redactor):
    """Only the model call replaced: whatever the model says, from nonsense to an echo."""

    def __init__(self, tokenizer, answer):
        super().__init__(model=object(), tokenizer=tokenizer, max_input_tokens=64, overlap_tokens=8)
        self.answer = answer

    def _generate(self, window_texts, watch=()):
        return [self.answer(t) for t in window_texts]


_ANSWERS = {
    "echo": lambda t: t,
    "nonsense": lambda t: "Sure! Here is the text: [PERSON] [PERSON] <end_of_turn>",
    "mask words": lambda t: re.sub(r"\w{4,}", "[PERSON]", t),
    "empty": lambda t: "",
}


@pytest.mark.parametrize("answer", list(_ANSWERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=hostile_text())
def test_whatever_the_model_says_hostile_text_is_masked_faithfully(gemma_tokenizer, answer, case):
    text, values = case
    _check(text, values, _Scripted(gemma_tokenizer, _ANSWERS[answer]))


@pytest.fixture(scope="module")
def tiny(gemma_tokenizer):
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(tiny_gemma3_config()).eval()
    return Redactor(model, gemma_tokenizer, max_input_tokens=64, overlap_tokens=8, batch_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=hostile_text())
def test_the_real_decoder_on_hostile_text_is_faithful_and_bounded(tiny, case):
    from piilora.redactor import model_view

    text, values = case
    before = tiny.stats.forwards
    _check(text, values, tiny)
    # bounded work: no window (nor the halves an abandoned or unaligned one is retried as) takes
    # more forwards than its budget, a fixed multiple of its length
    view = model_view(text)
    assert tiny.stats.forwards - before <= sum(_most_forwards(tiny, view, w) for w in tiny._windows(0, view))


def _most_forwards(red, text, window):
    """The budget of ``window`` plus those of the halves it may be retried as (abandoned or unaligned)."""
    from piilora.data.prompt import prompt_ids

    own = red._budget(len(prompt_ids(red.tokenizer, text[window.start : window.end])))
    return own + sum(
        _most_forwards(red, text, half)
        for half in red._halves(text, window, max(red.split_abandoned, red.split_unaligned))
    )


def test_a_lone_surrogate_is_accepted_and_kept(tiny):
    text = "Hi Anna Schmidt \ud800 anna@example.com"
    result = tiny.mask(text)
    assert "anna@example.com" not in result.text
    assert "\ud800" in result.text
    assert tiny.mask_batch([text, "plain"])[0].text == result.text


def test_non_str_is_the_only_type_error(tiny):
    for bad in (None, b"bytes", 3, ["list"]):
        with pytest.raises(TypeError):
            tiny.mask(bad)


def test_controls_at_a_span_edge_stay_outside_the_span(gemma_tokenizer):
    text = "Hello \x00Maria Lopez, write to \u202emaria@lopez.es\u202c now"
    script = lambda t: "Hello [PERSON], write to [EMAIL_ADDRESS] now"  # noqa: E731 - the model took the controls
    result = _Scripted(gemma_tokenizer, script).mask(text)
    assert result.text == "Hello \x00[PERSON], write to \u202e[EMAIL_ADDRESS]\u202c now"
    assert [text[s.start : s.end] for s in result.spans] == ["Maria Lopez", "maria@lopez.es"]


def test_a_window_over_its_budget_falls_back_to_the_rules_and_is_flagged(gemma_tokenizer):
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(tiny_gemma3_config()).eval()
    # a budget so small that every window is abandoned at once
    red = Redactor(model, gemma_tokenizer, max_input_tokens=64, overlap_tokens=8, window_budget=1e-6)
    text = "x7Qz" * 300 + " mail anna.berg@example.com or call +44 20 7946 0958 " + "k9" * 200
    result = red.mask(text)
    assert "rules_only" in result.flags
    assert "anna.berg@example.com" not in result.text and "+44 20 7946 0958" not in result.text
    assert red.stats.forwards <= sum(_most_forwards(red, text, w) for w in red._windows(0, text))
    assert red.stats.forwards <= 17 * 7 * len(red._windows(0, text))  # budget 16 each: a window, 2 halves, 4 quarters
