"""The copy-or-placeholder decoder on a tiny random Gemma 3 with the real tokenizer."""

import pytest
import torch
from transformers import Gemma3ForCausalLM

from piilora.data.prompt import END_OF_TURN, parse_answer, prompt_ids
from piilora.decoding import CopyDecoder, DecodeStats, allowed_token_ids
from piilora.model import tiny_gemma3_config
from piilora.plugins import create_plugin_manager, entity_generators

#: the built-in records' cue words, as the Redactor passes them to the decoder
BUILTIN_CUES = {t: g.cues for t, g in entity_generators(create_plugin_manager(autoload=False)).items() if g.cues}

pytestmark = pytest.mark.integration

TEXTS = [
    "Hi, I am Jane Doe, mail me at jane@doe.com please.",
    "Order 4411 shipped to 10.0.0.1 on Friday, contact Bob.",
    "ünïcödé ✓ 王小明 — tabs\tand\nnewlines",
]


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return Gemma3ForCausalLM(tiny_gemma3_config()).eval()


def test_unrestricted_decoder_equals_plain_greedy(model, gemma_tokenizer):
    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    for text in TEXTS:
        p = prompt_ids(gemma_tokenizer, text)
        with torch.no_grad():
            ref = model.generate(torch.tensor([p]), max_new_tokens=30, do_sample=False, eos_token_id=eot)
        ours = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], restrict=False).answer(p, text, max_new_tokens=30)
        assert ours == ref[0, len(p) :].tolist()


def test_restricted_output_only_uses_allowed_tokens(model, gemma_tokenizer):
    for text in TEXTS:
        allowed = set(allowed_token_ids(gemma_tokenizer, text, ["PERSON", "EMAIL_ADDRESS"]))
        out = CopyDecoder(model, gemma_tokenizer, labels=["PERSON", "EMAIL_ADDRESS"]).answer(
            prompt_ids(gemma_tokenizer, text), text, max_new_tokens=25
        )
        assert set(out) - {gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)} <= allowed


def test_allowed_set_spells_the_input_and_placeholders(gemma_tokenizer):
    text = "Mail Jane Doe at jane@doe.com"
    allowed = set(allowed_token_ids(gemma_tokenizer, text, ["PERSON", "EMAIL_ADDRESS"]))
    for s in (text, "Mail [PERSON] at [EMAIL_ADDRESS]"):
        ids = gemma_tokenizer(s, add_special_tokens=False, split_special_tokens=True)["input_ids"]
        assert set(ids) <= allowed, gemma_tokenizer.convert_ids_to_tokens([i for i in ids if i not in allowed])
    assert len(allowed) < 5000  # vs 262144 rows of the full head


def _oracle(model, prompt, targets):
    """A model whose greedy answer is ``targets`` whatever it is fed: the hidden state at answer
    position i is the (scaled) embedding of ``targets[i]``."""

    class Oracle(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = model.model
            self.config = model.config

        def forward(self, input_ids, position_ids, cache, use_cache, **kwargs):
            self.inner(input_ids=input_ids, position_ids=position_ids, cache=cache, use_cache=use_cache)
            idx = (position_ids - len(prompt) + 1).clamp(0, len(targets) - 1)
            hidden = model.lm_head.weight[torch.tensor(targets)[idx]] * 100
            return type("Out", (), {"last_hidden_state": hidden})()

    return type("M", (), {"model": Oracle(), "lm_head": model.lm_head})()


def test_speculation_accepts_copies_and_keeps_greedy(gemma_tokenizer):
    """A model that always predicts 'the next prompt token' is a perfect copier: speculation must
    accept its proposals and still produce exactly what greedy decoding produces."""
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(tiny_gemma3_config()).eval()
    text = "copy this sentence exactly, token by token, please"
    p = prompt_ids(gemma_tokenizer, text)
    body_ids = gemma_tokenizer(text, add_special_tokens=False)["input_ids"]
    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    targets = [*body_ids, eot]

    fake = _oracle(model, p, targets)  # a perfect copier
    stats = DecodeStats()
    out = CopyDecoder(fake, gemma_tokenizer, labels=["PERSON"], lookahead=8).answer(
        p, text, max_new_tokens=64, stats=stats
    )
    assert out == targets
    assert stats.accepted > 0 and stats.forwards < len(targets)


LONG = "Dear team, the quarterly report for Jane Doe (jane@doe.com) is attached. " * 3


@pytest.mark.parametrize("window", [128, 16])
def test_batched_decoding_equals_plain_greedy_per_text(gemma_tokenizer, window):
    """Ragged batches (left padding, rejected proposals left as holes in the cache, rows that
    finish early) give each text exactly its own greedy answer, also when the prompt is longer
    than the sliding window."""
    torch.manual_seed(1)
    model = Gemma3ForCausalLM(tiny_gemma3_config(sliding_window=window)).eval()
    texts = [*TEXTS, LONG, "x"]
    prompts = [prompt_ids(gemma_tokenizer, t) for t in texts]
    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    limits = [20, 7, 25, 30, 3]
    refs = []
    for p, n in zip(prompts, limits):
        with torch.no_grad():
            ref = model.generate(torch.tensor([p]), max_new_tokens=n, do_sample=False, eos_token_id=eot)
        refs.append(ref[0, len(p) :].tolist())

    def propose(s):
        """Always a few input tokens (a random model rarely copies), so every step has
        rejected proposals that must be left as holes in the cache."""
        start = (len(s.out) * 3) % max(1, len(s.source))
        return [*s.source[start : start + 3], s.out[-1]]

    stats = DecodeStats()
    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], restrict=False)
    decoder.proposer.propose = propose
    assert decoder.answer_batch(prompts, texts, max_new_tokens=limits, stats=stats) == refs
    assert stats.proposed > 0 and stats.accepted < stats.proposed
    assert [decoder.answer(p, t, max_new_tokens=n) for p, t, n in zip(prompts, texts, limits)] == refs


@pytest.mark.parametrize("window", [128, 16])
def test_texts_joining_a_running_batch_get_their_own_greedy_answers(gemma_tokenizer, window):
    """Continuous batching: texts join a DecodeRun between steps (caches of other widths,
    holes, rows leaving) and each still gets exactly its own greedy answer, keyed as added."""
    torch.manual_seed(2)
    model = Gemma3ForCausalLM(tiny_gemma3_config(sliding_window=window)).eval()
    texts = [LONG, *TEXTS, "x", "Call Ann on 555-0100 tonight."]
    prompts = [prompt_ids(gemma_tokenizer, t) for t in texts]
    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    limits = [30, 12, 6, 25, 3, 18]
    refs = []
    for p, n in zip(prompts, limits):
        with torch.no_grad():
            ref = model.generate(torch.tensor([p]), max_new_tokens=n, do_sample=False, eos_token_id=eot)
        refs.append(ref[0, len(p) :].tolist())

    def propose(s):  # a few input tokens: rejected proposals leave holes in the cache
        start = (len(s.out) * 3) % max(1, len(s.source))
        return list(s.source[start : start + 3])

    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], restrict=False)
    decoder.proposer.propose = propose
    run = decoder.run()
    joins = {0: [0], 1: [1, 2], 3: [3], 4: [4, 5]}  # step -> texts that join before it
    done, steps = {}, 0
    while run or joins:
        for i in joins.pop(steps, []):
            run.add([prompts[i]], [texts[i]], max_new_tokens=limits[i], keys=[f"t{i}"])
        if run:
            done.update((f.key, f.ids) for f in run.step())
        steps += 1
    assert [done[f"t{i}"] for i in range(len(texts))] == refs
    assert len(run) == 0 and run.state is None


def test_restricted_batch_equals_one_at_a_time(model, gemma_tokenizer):
    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON", "EMAIL_ADDRESS"])
    texts = [*TEXTS, LONG]
    prompts = [prompt_ids(gemma_tokenizer, t) for t in texts]
    one = [decoder.answer(p, t, max_new_tokens=15) for p, t in zip(prompts, texts)]
    assert decoder.answer_batch(prompts, texts, max_new_tokens=15) == one


def test_prefix_cache_gives_the_same_answers(model, gemma_tokenizer):
    cached = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], restrict=False)
    plain = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], restrict=False, prefix_cache=False)
    for text in TEXTS:
        p = prompt_ids(gemma_tokenizer, text)
        assert cached.answer(p, text, max_new_tokens=12) == plain.answer(p, text, max_new_tokens=12)


def test_open_placeholder_proposes_the_rest_of_a_label(model, gemma_tokenizer):
    from piilora.decoding.proposals import TextState

    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON", "DATE_OF_BIRTH", "EMAIL_ADDRESS"])
    text = "born on 1 May 1990 [note]"
    source = gemma_tokenizer(text, add_special_tokens=False)["input_ids"]

    def proposal(generated: str, copied: bool) -> str:
        s = TextState(0, source, limit=100, head=None, k=12)
        s.out = gemma_tokenizer(generated, add_special_tokens=False)["input_ids"]
        s.copied = [copied] * len(s.out)
        return gemma_tokenizer.decode(decoder.proposer.label_proposal(s))

    assert proposal("born on [DATE_", copied=False) == "OF_BIRTH]"
    assert proposal("born on [", copied=False) == "PERSON]"  # the commonest type first
    assert proposal("born on [E", copied=False) == "MAIL_ADDRESS]"
    assert proposal("born on [DATE_OF_BIRTH] [", copied=True) == ""  # a copied bracket is text
    assert proposal("born on [DATE_OF_BIRTH]", copied=False) == ""  # closed
    assert proposal("born on [note", copied=False) == ""  # no label starts like that


MASKED = [
    (
        "Hi, I am Jane Doe, mail me at jane@doe.com please, or call Bob.",
        "Hi, I am [PERSON], mail me at [EMAIL_ADDRESS] please, or call [PERSON].",
    ),
    (
        "Card 4111 1111 1111 1111 (Visa) for Dr. Ann Lee; IBAN DE44 5001 0517 5407 3249 31.",
        "Card [CREDIT_CARD] (Visa) for [PERSON]; IBAN [IBAN_CODE].",
    ),
]


@pytest.mark.parametrize(("text", "masked"), MASKED)
def test_placeholder_speculation_keeps_the_answer_and_saves_forwards(
    model, gemma_tokenizer, plugin_manager, text, masked
):
    """Labels, value ends, rule hints and foresight only steer proposals: the answer is the
    model's greedy answer with good hints, wrong hints or none, with or without foresight, and
    good guesses take fewer forwards (foresight alone may find what good hints give)."""
    from piilora.plugins import entity_generators
    from piilora.safety import SafetyNet

    safety = SafetyNet(entity_generators(plugin_manager).values())

    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    p = prompt_ids(gemma_tokenizer, text)
    targets = [*gemma_tokenizer(masked, add_special_tokens=False)["input_ids"], eot]
    oracle = _oracle(model, p, targets)
    labels = ["PERSON", "EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "PHONE_NUMBER"]
    good = [(span.start, span.end, span.entity_type) for span in safety.detect_rules(text)]
    assert good  # the rules see the e-mail / card / IBAN
    wrong = [(0, 3, "CREDIT_CARD"), (len(text) // 2, len(text) // 2 + 4, "EMAIL_ADDRESS")]
    forwards = {}
    for name, hints in (("good", [good]), ("wrong", [wrong]), ("none", None)):
        for foresight in (True, False):
            stats = DecodeStats()
            decoder = CopyDecoder(oracle, gemma_tokenizer, labels=labels, cues=BUILTIN_CUES, verified=safety.verified)
            decoder.proposer.foresight = foresight
            out = decoder.answer_batch([p], [text], max_new_tokens=len(targets) + 5, stats=stats, hints=hints)[0]
            assert out == targets, (name, foresight)
            forwards[name, foresight] = stats.forwards
    plain = CopyDecoder(oracle, gemma_tokenizer, labels=labels, lookahead=0).answer(p, text, max_new_tokens=80)
    assert plain == targets
    assert forwards["good", False] < forwards["none", False] < len(targets)
    assert forwards["good", True] <= forwards["none", True] <= forwards["none", False]


def test_guessed_value_ends_and_labels():
    from piilora.decoding import guess_label, guess_value_end

    text = "Dear Dr. Ann van Lee, call +33 1 42 68 53 00 today. DOB: 1 May 1990. Jane Doe's car. See https://x.io/a."
    labels = ["PERSON", "PHONE_NUMBER", "DATE_OF_BIRTH", "URL"]

    def value(word: str, label: str) -> str:
        start = text.index(word)
        return text[start : guess_value_end(text, start, label)]

    assert value("Dr.", "PERSON") == "Dr. Ann van Lee"
    assert value("+33", "PHONE_NUMBER") == "+33 1 42 68 53 00"
    assert value("1 May", "DATE_OF_BIRTH") == "1 May 1990"
    assert value("Jane", "PERSON") == "Jane Doe"
    assert value("https", "URL") == "https://x.io/a"
    assert guess_label(text, text.index("+33"), labels, BUILTIN_CUES) == "PHONE_NUMBER"
    assert guess_label(text, text.index("1 May"), labels, BUILTIN_CUES) == "DATE_OF_BIRTH"
    assert guess_label(text, text.index("https"), labels, BUILTIN_CUES) == "URL"
    assert guess_label(text, text.index("Dr."), labels, BUILTIN_CUES) == "PERSON"
    assert guess_value_end(text, len(text), "PERSON") == -1


def test_cue_words_name_the_label_longer_cue_first():
    """``cues`` come from the caller (each entity type's record): of two cues found at one
    place the longer wins, then the label that comes first in ``cues``; no cues, no guess."""
    from piilora.decoding import guess_label

    def label(cue_text, cues, labels=("PASSWORD", "PASSPORT", "BANK_ACCOUNT", "USERNAME")):
        return guess_label(cue_text + "X1234567", len(cue_text), list(labels), cues)  # a value with digits

    assert label("passport: ", BUILTIN_CUES) == "PASSPORT"
    assert label("pass: ", BUILTIN_CUES) == "PASSWORD"
    assert label("passport: ", {"PASSWORD": ("pass",), "PASSPORT": ("passport",)}) == "PASSPORT"
    assert label("account name: ", BUILTIN_CUES) == "USERNAME"  # over BANK_ACCOUNT's "account"
    assert label("acct: ", {"BANK_ACCOUNT": ("acct",), "USERNAME": ("acct",)}) == "BANK_ACCOUNT"
    assert label("acct: ", {"USERNAME": ("acct",), "BANK_ACCOUNT": ("acct",)}) == "USERNAME"
    assert label("passport: ", {}) is None
    assert label("passport: ", BUILTIN_CUES, labels=["PASSWORD"]) == "PASSWORD"  # only the given labels


def test_cue_words_announce_values():
    from piilora.decoding import cued_values

    labels = ["PERSON", "PASSWORD", "USERNAME", "DATE_OF_BIRTH", "SECRET", "PASSPORT"]

    def cued(text):
        return [(text[a:b], label) for a, b, label in cued_values(text, labels)]

    assert cued("Dear Jane Doe, your password is hunter2.") == [("Jane Doe", "PERSON"), ("hunter2", "PASSWORD")]
    assert cued('{"username": "jdoe", "password": "x!9"}') == [("jdoe", "USERNAME"), ("x!9", "PASSWORD")]
    assert cued("DOB: 1 May 1990; KEY=sk_live_abc") == [("1 May 1990", "DATE_OF_BIRTH"), ("sk_live_abc", "SECRET")]
    assert cued("Passport no. X1234567 ok") == [("X1234567", "PASSPORT")]
    for plain in ("Hi team, the token expired", "user logged in", "password reset link sent"):
        assert cued(plain) == []
    assert cued_values("DOB: 1 May 1990", ["PERSON"]) == []  # only the adapter's labels


def test_placeholder_scores_follow_the_answers_placeholders(gemma_tokenizer):
    """One score per ``[TYPE]`` of the answer: a bracket copied from the input scores 1.0, one
    the model opened scores its two-way probability against copying on (> 0.5: it won)."""
    import math

    torch.manual_seed(0)
    model = Gemma3ForCausalLM(tiny_gemma3_config()).eval()
    text = "[WARN] Hi, I am Jane Doe, bye"
    p = prompt_ids(gemma_tokenizer, text)
    eot = gemma_tokenizer.convert_tokens_to_ids(END_OF_TURN)
    targets = [*gemma_tokenizer("[WARN] Hi, I am [PERSON], bye", add_special_tokens=False)["input_ids"], eot]
    decoder = CopyDecoder(_oracle(model, p, targets), gemma_tokenizer, labels=["PERSON"], lookahead=8)
    filled: list[list[float]] = []
    (out,) = decoder.answer_batch([p], [text], max_new_tokens=40, scores=filled)
    (scores,) = filled
    assert out == targets
    assert len(scores) == 2 and scores[0] == 1.0
    # the oracle's hidden state is 100 x the embedding of "▁[": the score is that logit against "▁Jane"'s
    weight = model.lm_head.weight
    opener, copy = (gemma_tokenizer.convert_tokens_to_ids(t) for t in ("▁[", "▁Jane"))
    margin = float((weight[opener] * 100).detach() @ (weight[opener] - weight[copy]).detach())
    assert scores[1] == pytest.approx(1 / (1 + math.exp(-margin)), rel=1e-3)


def test_open_placeholder_right_after_a_closed_one_proposes_its_label(model, gemma_tokenizer):
    """``[PERSON] [`` opens a second placeholder right after the first closed: the proposal is
    the rest of the label and the text after the guessed value, and ``s.prop`` describes those
    very tokens (a resume proposal for the closed placeholder, built too, used to replace it:
    accepting the label's tokens then lost track of which answer tokens were copies, and the
    next proposal raised an IndexError)."""
    from piilora.decoding.proposals import TextState

    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON"], cues=BUILTIN_CUES)
    text = "Ann Lee Bob Kay said [x] and then the rest of the note goes on for a while longer."
    source = gemma_tokenizer(text, add_special_tokens=False)["input_ids"]
    s = TextState(0, source, limit=100, head=None, k=12, text=text)
    s.offsets = decoder.proposer._offsets(source, text)
    s.out = gemma_tokenizer("[PERSON] [", add_special_tokens=False)["input_ids"]
    s.copied = [False] * len(s.out)
    s.cursor = s.offsets.index(text.index(" Bob"))
    s.span_start, s.span_end = 0, len("Ann Lee")
    proposal = decoder.proposer.propose(s)
    assert gemma_tokenizer.decode(proposal).startswith("PERSON]")
    assert s.prop is not None and len(s.prop) == len(proposal)
    decoder.proposer.accept(s, proposal, full=True)
    assert len(s.copied) == len(s.out)
    decoder.proposer.propose(s)  # and the next proposal reads them


def test_every_start_of_a_gold_answer_may_align_token_by_token(gemma_tokenizer):
    """The decoder stops a watched answer when ``may_align`` says no: on the real tokenizer no
    prefix of a correct answer (token by token, multi-byte characters cut mid-way) says no."""
    from piilora.alignment import may_align
    from piilora.data.synth import CorpusConfig, generate_examples
    from piilora.placeholders import mask_spans
    from piilora.types import spans_from_records

    rows = generate_examples(CorpusConfig(n=400, seed=7), "train", plugin_manager=create_plugin_manager(autoload=False))
    cases = [(r["text"], mask_spans(r["text"], spans_from_records(r["spans"]), "bracket").text) for r in rows[:60]]
    cases += [
        ("Ünïcödé 王小明 ✓ 🙂 mail jane@doe.com", "Ünïcödé [PERSON] ✓ 🙂 mail [EMAIL_ADDRESS]"),
        ("[WARN] Ann ☎ +44 20 7946 0958", "[WARN] [PERSON] ☎ [PHONE_NUMBER]"),
    ]
    for text, masked in cases:
        ids = gemma_tokenizer(masked, add_special_tokens=False, split_special_tokens=True)["input_ids"]
        assert parse_answer(gemma_tokenizer, ids) == masked  # the decoder reads its answers so
        for k in range(len(ids) + 1):
            assert may_align(text, parse_answer(gemma_tokenizer, ids[:k])), (k, len(ids))


def test_verdicts_past_the_accepted_prefix_foresee_the_next_placeholders(model, gemma_tokenizer):
    """Where the model, past the first rejected token of a copy proposal, would open a
    placeholder instead of copying on, that value joins the speculated placeholders with a
    guessed label and end: the next proposal after the first value already carries it. Only
    turns away from a proposed copy count, and the placeholder the model opened itself (at
    the accepted prefix) is left to the label proposal."""
    from piilora.decoding.proposals import TextState

    decoder = CopyDecoder(model, gemma_tokenizer, labels=["PERSON", "EMAIL_ADDRESS"], cues=BUILTIN_CUES)
    text = "Met Jane Doe and Bob Stone in Paris today, then wrote to bob@stone.org about it."
    source = gemma_tokenizer(text, add_special_tokens=False)["input_ids"]
    tokens = gemma_tokenizer.convert_ids_to_tokens(source)
    bracket = gemma_tokenizer.convert_tokens_to_ids("▁[")

    def state() -> TextState:
        s = TextState(0, source, limit=200, head=None, k=64, text=text)
        s.offsets = decoder.proposer._offsets(source, text)
        return s

    jane, bob, mail = tokens.index("▁Jane"), tokens.index("▁Bob"), tokens.index("▁bob")
    verdict = list(source)
    verdict[jane] = verdict[bob] = verdict[mail] = bracket  # the model turns away from the copy there
    s = state()
    decoder.proposer.foresee(s, source, None, verdict, jane)
    starts = {text.index("Bob"): (text.index("Bob") + len("Bob Stone"), "PERSON"),
              text.index("bob@"): (text.index("bob@") + len("bob@stone.org"), "EMAIL_ADDRESS")}  # fmt: skip
    assert {a: (b, label) for a, b, label in s.spec} == starts  # not Jane: the model's own choice

    # the proposal after [PERSON] for Jane Doe carries both foreseen placeholders
    decoder.proposer.accept(s, source[:jane], full=False)
    s.out += gemma_tokenizer(" [", add_special_tokens=False)["input_ids"]
    s.copied.append(False)
    proposal = decoder.proposer.propose(s)
    assert gemma_tokenizer.decode(proposal).startswith("PERSON] and [PERSON] in Paris today, then wrote to [EMAIL_")

    s = state()  # a copy of the value the model keeps (the verdict agrees) foresees nothing
    decoder.proposer.foresee(s, source, None, list(source), 0)
    assert s.spec == []
    decoder.proposer.foresight = False
    s = state()
    decoder.proposer.foresee(s, source, None, verdict, jane)
    assert s.spec == []
