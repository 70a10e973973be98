"""The Redactor: mask PII with a trained adapter, faithfully and with exact offsets.

The model proposes, the input decides: the model's answer is aligned back to the
input to find which stretches it replaced, and the masked text is then rebuilt
from the ORIGINAL characters plus placeholders. Whatever the model generates
(rewrites, dropped words, injected text), non-PII characters come out unchanged.
The safety net (:mod:`piilora.safety`) adds what the model missed and tidies what it found.

One ``Redactor`` may be shared by many threads: model calls are serialised by a
lock and everything else is per call.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from piilora.adapters import ADAPTER_CONFIG, DEFAULT_ADAPTER, choose_base, read_meta
from piilora.alignment import PLACEHOLDER_RE, align_output
from piilora.errors import AdapterError, ConfigError
from piilora.placeholders.base import restore as restore_mapping
from piilora.safety import SafetyNet, SafetyOptions
from piilora.selection import resolve_selection
from piilora.types import MaskResult, Span
from piilora.windowing import Detection, Window, halves, skipped, split_windows

if TYPE_CHECKING:
    import pluggy

    from piilora.entities.base import EntityGenerator

__all__ = ["DEFAULT_ADAPTER", "Redactor", "load_masker", "resolve_dtype"]

log = logging.getLogger(__name__)

OnUnaligned = Literal["fuzzy", "fallback", "raise"]
#: Flags a MaskResult may carry.
FLAG_UNALIGNED = "unaligned"  # the model rewrote the text; spans came from a fuzzy alignment
FLAG_RULES_ONLY = "rules_only"  # a window's answer was discarded (unaligned with "fallback", or over budget)


class UnalignedOutputError(ConfigError):
    """The model rewrote the text and ``on_unaligned="raise"`` was chosen."""


class _Answer(str):
    """A model answer (the masked window) carrying one score per ``[TYPE]`` in it, in order."""

    scores: tuple[float, ...] = ()

    def __new__(cls, text: str, scores: Sequence[float] = ()) -> _Answer:
        answer = super().__new__(cls, text)
        answer.scores = tuple(scores)
        return answer


#: A window answer stopped once it could no longer align (see ``Redactor._take``).
LOST = _Answer("")


class Redactor:
    """Detects and masks PII in text with a (merged) fine-tuned causal LM.

    ``rules``: deterministic detectors to merge with the model's spans (True = all,
    False = none, or ``{"PHONE_NUMBER": False}`` to switch single types off).
    ``on_unaligned``: what to do when the model rewrote the text instead of copying
    it: ``"fuzzy"`` (default) maps its placeholders back with a word-level diff and
    flags the result ``unaligned``; ``"fallback"`` uses the rule detectors alone and
    flags it ``rules_only``; ``"raise"`` raises :class:`UnalignedOutputError`. Before
    that, such a window is decoded again as two overlapping halves, ``split_unaligned``
    times (default 1; 0: never), and the halves' answers replace its own; so is a window
    whose answer copied on from further down after a placeholder, the text between masked
    unread (:func:`piilora.windowing.skipped`: a phone number of 357 characters).
    ``max_input_tokens``: longer texts are split into windows of this many tokens
    that overlap by ``overlap_tokens``; spans from all windows are merged.
    ``decoder``: ``"copy"`` (default) decodes windows with the copy-or-placeholder decoder
    (:mod:`piilora.decoding`: LM head restricted to the input's own tokens and placeholder
    tokens, prompt-lookup speculation), ``batch_size`` windows of similar length per
    forward; ``"generate"`` uses plain batched ``model.generate`` (left-padded).
    ``prompt_lookup``: input tokens proposed per verification forward (0 disables).
    ``check_shapes``: tidy model spans to their value (quotes, cue words such as ``passport=``
    or ``login``, a URL's final full stop, a name's title; :func:`piilora.safety.tidy.tidy_edges`),
    map types the model invented to known ones (:func:`piilora.safety.tidy.known_types`), type a
    ``[PHONE_NUMBER]`` after an account cue as ``[BANK_ACCOUNT]``
    (:func:`piilora.safety.tidy.account_cues`), drop digests and record ids the text names as
    such (``sha256=...``, ``trace_id=...``; :func:`piilora.safety.tidy.digests`), mask a payee's
    name in parentheses after a masked account or phone number (:func:`piilora.safety.tidy.payees`), and
    re-type or drop model spans whose value cannot be of their type (an ``[IP_ADDRESS]`` over
    a timestamp, a ``[PERSON]`` over ``Trail Runner 3``; see :mod:`piilora.safety.shapes`; shapes
    come from the entity generators, plugins' included); model and rule spans alike are dropped
    over an account of a machine or a chat (``root``, ``ssh deploy@host``, ``@channel``;
    :func:`piilora.safety.tidy.system_accounts`).
    ``propagate``: mask every other whole-word occurrence of a value masked once (4+
    characters) in the same text, with the same type.
    ``type_fields``: in CSV-like tables, cut spans at cell borders, type cells by their
    column's name and mask uncovered cells of PII columns (:mod:`piilora.safety.fields`; column
    names come from the entity generators' ``field_names``, plugins' included).
    ``min_score``: model spans scoring below it are not masked (a rule may still find them).
    A model span's ``score`` is the probability the model gave to opening its placeholder
    rather than copying the text on (copy decoder only; other spans score 1.0).
    ``window_budget``: the copy decoder may spend at most ``window_budget * prompt tokens + 16``
    forwards on one window (a copied stretch costs one forward per dozens of tokens; a window
    the model cannot follow, such as random strings, costs one per token). A window over
    budget is abandoned and decoded again as two overlapping halves, each with its own budget
    (a model that lost its place in a long table or log often follows a shorter stretch), up to
    ``split_abandoned`` times (0: never); what is still over budget gets its spans from the
    rules and the safety net alone, and the result is flagged ``rules_only``. ``None`` lifts
    the bound.
    ``entities`` / ``exclude``: what to mask, as preset names (``"hipaa"``, ``"pci"``,
    ``"secrets"``, ``"direct"``, ``"all"``) and entity types (:mod:`piilora.selection`); a type
    outside the selection is left as it is, whole. ``mask(..., entities=..., exclude=...)``
    chooses per call (``entities`` there replaces this default; ``exclude`` adds to it).
    ``stats`` counts forwards and tokens of the copy decoder (for benchmarks).
    """

    def __init__(
        self,
        model: Any = None,
        tokenizer: Any = None,
        *,
        rules: bool | Mapping[str, bool] | Sequence[str] | None = True,
        on_unaligned: OnUnaligned = "fuzzy",
        max_input_tokens: int = 384,
        overlap_tokens: int = 48,
        batch_size: int = 16,
        prompt_lookup: int = 8,
        decoder: Literal["copy", "generate"] = "copy",
        check_shapes: bool = True,
        propagate: bool = True,
        type_fields: bool = True,
        min_score: float = 0.0,
        window_budget: float | None = 0.25,
        split_abandoned: int = 2,
        split_unaligned: int = 1,
        plugin_manager: pluggy.PluginManager | None = None,
        meta: Mapping[str, Any] | None = None,
        entities: str | Sequence[str] | None = None,
        exclude: str | Sequence[str] | None = None,
    ) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"min_score must be between 0 and 1, got {min_score!r}")
        if on_unaligned not in ("fuzzy", "fallback", "raise"):
            raise ConfigError(f"on_unaligned must be 'fuzzy', 'fallback' or 'raise', got {on_unaligned!r}")
        if not 0 <= overlap_tokens < max_input_tokens:
            raise ConfigError("overlap_tokens must be >= 0 and smaller than max_input_tokens")
        if model is None or isinstance(model, (str, Path)):
            # Redactor() -> the shipped default adapter; Redactor("dir") -> that adapter or merged model
            model, tokenizer, loaded_meta = load_masker(model, pack=True)
            meta = {**loaded_meta, **(meta or {})}
        elif tokenizer is None:
            raise ConfigError("pass the tokenizer together with a model object")
        self.model = model
        self.tokenizer = tokenizer
        self.plugin_manager = plugin_manager
        self.meta = dict(meta or {})
        self._gens: dict[str, EntityGenerator] | None = None
        #: the safety net of this Redactor's entity types (built-ins and plugins)
        self.safety = SafetyNet(self._generators().values(), self._labels())
        self.rules = self.safety.rule_types(rules)
        self._selection_args = (entities, exclude)
        #: the entity types masked (None: all); see :mod:`piilora.selection`
        self.entities = resolve_selection(entities, exclude, self._generators())
        self.on_unaligned = on_unaligned
        self.max_input_tokens = max_input_tokens
        self.overlap_tokens = overlap_tokens
        self.batch_size = batch_size
        self.prompt_lookup = prompt_lookup
        if decoder not in ("copy", "generate"):
            raise ConfigError(f"decoder must be 'copy' or 'generate', got {decoder!r}")
        self.decoder = decoder
        self._copy_decoder: Any = None
        from piilora.decoding import DecodeStats

        self.stats = DecodeStats()
        self.check_shapes = check_shapes
        self.propagate = propagate
        self.min_score = min_score
        if window_budget is not None and window_budget <= 0:
            raise ConfigError(f"window_budget must be positive or None, got {window_budget!r}")
        self.window_budget = window_budget
        if split_abandoned < 0:
            raise ConfigError(f"split_abandoned must be >= 0, got {split_abandoned!r}")
        self.split_abandoned = split_abandoned
        if split_unaligned < 0:
            raise ConfigError(f"split_unaligned must be >= 0, got {split_unaligned!r}")
        self.split_unaligned = split_unaligned
        self.type_fields = type_fields
        self._lock = threading.Lock()

    # -- loading --------------------------------------------------------------------------
    @classmethod
    def from_pretrained(
        cls,
        path: str | Path | None = None,
        *,
        base_model: str | Path | None = None,
        dtype: str = "auto",
        threads: int | None = None,
        trust_adapter_base: bool = False,
        pack: bool = True,
        **kwargs: Any,
    ) -> Redactor:
        """Load a piilora adapter dir (merged into its base for speed) or a merged model dir.

        ``path=None`` loads the default adapter shipped with the package. ``dtype``:
        ``"auto"`` (bfloat16 where the hardware has native bf16 matmuls: CUDA with bf16,
        CPUs with AMX or AVX512-BF16; else float32), ``"bfloat16"`` or ``"float32"``.
        ``threads`` sets torch's intra-op threads for this process (default: leave as is;
        with several workers on one machine, give each ``cores // workers``).
        ``trust_adapter_base``: load the base model the adapter's ``piilora.json`` names even
        when it is not the packaged default (off: such an adapter needs ``base_model=``).
        ``pack``: on the CPU, prepack the body's weights for oneDNN (:mod:`piilora.packing`:
        same masks; on a 2-core Zen 4 EPYC 1.55x the texts/s in float32, 1.24-1.39x in bf16;
        the loaded model serves masking only).
        """
        model, tokenizer, meta = load_masker(
            path, base_model=base_model, dtype=dtype, threads=threads, trust_adapter_base=trust_adapter_base, pack=pack
        )
        return cls(model, tokenizer, meta=meta, **kwargs)

    # -- detection ------------------------------------------------------------------------
    def detect(self, text: str) -> list[Span]:
        """PII spans of ``text`` (offsets into ``text``) of the selected types, model and rule
        detectors merged."""
        return self.detect_batch([text])[0]

    def detect_batch(self, texts: Sequence[str]) -> list[list[Span]]:
        return [_selected(spans, self.entities) for spans, _ in self._detect_many(texts)]

    def mask(
        self,
        text: str,
        scheme: str = "bracket",
        *,
        entities: str | Sequence[str] | None = None,
        exclude: str | Sequence[str] | None = None,
        **options: Any,
    ) -> MaskResult:
        """Mask ``text``; ``MaskResult.spans`` are offsets into ``text``. ``entities`` /
        ``exclude`` choose the types masked for this call (see the class docstring)."""
        return self.mask_batch([text], scheme=scheme, entities=entities, exclude=exclude, **options)[0]

    def mask_batch(
        self,
        texts: Sequence[str],
        scheme: str = "bracket",
        *,
        entities: str | Sequence[str] | None = None,
        exclude: str | Sequence[str] | None = None,
        **options: Any,
    ) -> list[MaskResult]:
        """Mask many texts; windows of all texts are batched through the model together."""
        selected = self._selection(entities, exclude)
        detected = self._detect_many(texts)
        return [
            self._render(t, spans, flags, scheme, selected, **options) for t, (spans, flags) in zip(texts, detected)
        ]

    @staticmethod
    def restore(masked_text: str, mapping: Mapping[str, str]) -> str:
        """Undo a reversible scheme (``numbered``, ``hash``, ``fake``) with its mapping."""
        return restore_mapping(masked_text, mapping)

    # -- internals ------------------------------------------------------------------------
    def _selection(
        self, entities: str | Sequence[str] | None, exclude: str | Sequence[str] | None
    ) -> frozenset[str] | None:
        """The types masked by one call: ``entities`` replaces the Redactor's, ``exclude`` adds."""
        if entities is None and exclude is None:
            return self.entities
        default_entities, default_exclude = self._selection_args
        excluded = [*_names(default_exclude), *_names(exclude)]
        chosen = entities if entities is not None else default_entities
        return resolve_selection(chosen, excluded, self._generators())

    def _detect_many(self, texts: Sequence[str]) -> list[tuple[list[Span], set[str]]]:
        """Spans and flags per text: every window of every text decoded in batches (windows the
        model could not follow come back as halves and go again), then the safety net."""
        jobs = [self._begin(i, t) for i, t in enumerate(texts)]
        windows = [w for job in jobs for w in job.windows]
        while windows:
            texts_now = [jobs[w.text_index].window_text(w) for w in windows]
            answers = self._generate(texts_now, [self._watch(jobs[w.text_index], w) for w in windows])
            windows = [h for w, a in zip(windows, answers) for h in self._take(jobs[w.text_index], w, a)]
        return [self._conclude(job) for job in jobs]

    # The three stages of one text's detection, for the drivers: ``_detect_many`` (all texts
    # known up front) and :class:`piilora.live.LiveBatch` (texts joining a running decode).
    def _begin(self, index: int, text: str) -> Detection:
        """A text's detection before decoding: the copy the model reads and its windows."""
        if not isinstance(text, str):
            raise TypeError(f"text {index} must be str, not {type(text).__name__}")
        # detection reads a copy the tokenizer can take (same length, so offsets hold); the
        # masked text is rebuilt from the caller's own characters
        view = model_view(text)
        return Detection(view, self._windows(index, view))

    def _watch(self, job: Detection, w: Window) -> bool:
        """Whether window ``w``'s decode may stop as soon as its answer can no longer align: an
        unaligned answer would be discarded for its halves anyway (``split_unaligned``)."""
        return self.decoder == "copy" and bool(self._halves(job.text, w, self.split_unaligned))

    def _take(self, job: Detection, w: Window, answer: str | None) -> list[Window]:
        """Record window ``w``'s answer (None: abandoned over its budget; ``LOST``: stopped once
        it could no longer align); returns the windows to decode again instead (its halves), if
        any."""
        if answer is LOST:  # the halves an unaligned answer would have been replaced by
            halves = self._halves(job.text, w, self.split_unaligned)
            if not halves:  # (only watched windows are stopped, and they have halves)
                job.flags.add(FLAG_RULES_ONLY)
            return halves
        if answer is None:  # abandoned over its budget: try halves
            halves = self._halves(job.text, w, self.split_abandoned)
            if not halves:  # the rules and the safety net cover it
                job.flags.add(FLAG_RULES_ONLY)
            return halves
        window_text = job.window_text(w)
        spans, exact = align_output(window_text, answer)
        lost = not exact or skipped(window_text, spans)
        halves = self._halves(job.text, w, self.split_unaligned) if lost else []
        if not halves:  # else the model lost its place: a shorter stretch may be copied exactly
            job.decoded.append((w, _with_scores(spans, answer), exact))
        return halves

    def _conclude(self, job: Detection) -> tuple[list[Span], set[str]]:
        """Spans (windows united, rules and safety net applied) and flags of a decoded text."""
        spans: list[Span] = []
        for w, window_spans, exact in job.decoded:
            if not exact:
                if self.on_unaligned == "raise":
                    raise UnalignedOutputError(
                        f"the model rewrote text {w.text_index} (characters {w.start}-{w.end}) instead of copying it"
                    )
                if self.on_unaligned == "fallback":
                    job.flags.add(FLAG_RULES_ONLY)
                    continue
                job.flags.add(FLAG_UNALIGNED)
            spans.extend(
                Span(s.start + w.start, s.end + w.start, s.entity_type, s.score, s.source) for s in window_spans
            )
        options = SafetyOptions(
            rules=self.rules, check_shapes=self.check_shapes, type_fields=self.type_fields, propagate=self.propagate
        )
        spans = [s for s in spans if s.score >= self.min_score]
        merged = self.safety.apply(job.text, spans, options)  # unites the windows' model spans first
        return trim_invisible(job.text, merged), job.flags

    def render(
        self,
        text: str,
        spans: Sequence[Span],
        scheme: str = "bracket",
        *,
        flags: Sequence[str] = (),
        entities: str | Sequence[str] | None = None,
        exclude: str | Sequence[str] | None = None,
        **options: Any,
    ) -> MaskResult:
        """``text`` masked at its detected ``spans`` as :meth:`mask` would: the types ``entities``
        / ``exclude`` select, in ``scheme``, the result carrying ``flags``. The spans come from
        :class:`piilora.live.LiveBatch` (every type) or :meth:`detect` (the Redactor's types)."""
        return self._render(text, list(spans), set(flags), scheme, self._selection(entities, exclude), **options)

    def _render(
        self,
        text: str,
        spans: list[Span],
        flags: set[str],
        scheme: str,
        selected: frozenset[str] | None,
        **options: Any,
    ) -> MaskResult:
        from piilora.placeholders import mask_spans

        res = mask_spans(text, _selected(spans, selected), scheme, plugin_manager=self.plugin_manager, **options)
        return dataclasses.replace(res, flags=tuple(sorted(flags)))

    def _windows(self, index: int, text: str) -> list[Window]:
        return split_windows(self.tokenizer, index, text, self.max_input_tokens, self.overlap_tokens)

    def _halves(self, text: str, w: Window, most: int) -> list[Window]:
        return halves(self.tokenizer, text, w, most)

    def _generators(self) -> dict[str, EntityGenerator]:
        """The entity generators (built-ins and plugins), collected once per Redactor."""
        if self._gens is None:
            from piilora.plugins import entity_generators

            self._gens = entity_generators(self.plugin_manager)
        return self._gens

    def _labels(self) -> list[str]:
        return list(self.meta.get("entity_types") or sorted(self._generators()))

    def _prompts(self, window_texts: Sequence[str]) -> tuple[list[list[int]], list[int]]:
        """Prompt ids per window and the most answer tokens to generate for each."""
        from piilora.data.prompt import prompt_ids

        prompts = [prompt_ids(self.tokenizer, t) for t in window_texts]
        return prompts, [len(p) + 24 for p in prompts]  # the answer is about as long as the input

    def copy_decoder(self) -> Any:
        """The copy decoder (:class:`piilora.decoding.CopyDecoder`), built on first use; callers
        that drive it themselves hold ``self._lock`` around its forwards."""
        if self._copy_decoder is None:
            self._copy_decoder = self._new_copy_decoder()
        return self._copy_decoder

    def _answer(self, ids: list[int], scores: list[float], abandoned: bool, lost: bool = False) -> str | None:
        """A window's answer from the copy decoder's ids (None: abandoned over its budget;
        ``LOST``: stopped once it could no longer align)."""
        from piilora.data.prompt import parse_answer

        if lost:
            return LOST
        return None if abandoned else _Answer(parse_answer(self.tokenizer, ids), scores)

    def _new_copy_decoder(self) -> Any:
        from piilora.decoding import CopyDecoder

        cues = {t: g.cues for t, g in self._generators().items() if g.cues}
        return CopyDecoder(
            self.model,
            self.tokenizer,
            labels=self._labels(),
            lookahead=self.prompt_lookup,
            cues=cues,
            verified=self.safety.verified,
        )

    def _hints(self, text: str) -> list[tuple[int, int, str]]:
        """Rule matches of every type: the copy decoder's guesses of labels and value ends (they
        steer speculation only, so they apply whether or not ``rules`` merges rule spans)."""
        return [(s.start, s.end, s.entity_type) for s in self.safety.detect_rules(text)]

    def _budget(self, prompt_tokens: int) -> int:
        """The most forwards one window may take (0: unbounded); see ``window_budget``."""
        if self.window_budget is None:
            return 0
        return int(self.window_budget * prompt_tokens) + 16

    def _generate(self, window_texts: Sequence[str], watch: Sequence[bool] = ()) -> list[str | None]:
        from piilora.generation import greedy_answers, length_groups

        if not window_texts:
            return []
        prompts, limits = self._prompts(window_texts)
        if self.decoder == "copy":
            # similar lengths decode together (less padding); answers go back in input order
            answers: list[str | None] = [""] * len(prompts)
            with self._lock:
                decoder = self.copy_decoder()
                for group in length_groups([len(p) for p in prompts], self.batch_size):
                    scores: list[list[float]] = []
                    abandoned: list[bool] = []
                    lost: list[bool] = []
                    ids = decoder.answer_batch(
                        [prompts[i] for i in group],
                        [window_texts[i] for i in group],
                        max_new_tokens=[limits[i] for i in group],
                        stats=self.stats,
                        hints=[self._hints(window_texts[i]) for i in group],
                        scores=scores,
                        max_forwards=[self._budget(len(prompts[i])) for i in group],
                        abandoned=abandoned,
                        watch=[bool(watch) and watch[i] for i in group],
                        lost=lost,
                    )
                    for i, a, sc, gave_up, off in zip(group, ids, scores, abandoned, lost):
                        answers[i] = self._answer(a, sc, gave_up, off)
            return answers
        with self._lock:
            return [
                *greedy_answers(
                    self.model,
                    self.tokenizer,
                    prompts,
                    max_new_tokens=limits,
                    batch_size=self.batch_size,
                    prompt_lookup=self.prompt_lookup,
                )
            ]


def _names(value: str | Sequence[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _selected(spans: Sequence[Span], types: frozenset[str] | None) -> list[Span]:
    """``spans`` of the selected ``types`` (all when None); the others' text stays as it is."""
    return list(spans) if types is None else [s for s in spans if s.entity_type in types]


_UNENCODABLE = re.compile("[\ud800-\udfff]")


def model_view(text: str) -> str:
    """``text`` as the tokenizer can take it: each lone surrogate (which no UTF-8 encoder
    accepts) becomes U+FFFD, one character for one, so every offset still holds."""
    return _UNENCODABLE.sub("\ufffd", text) if _UNENCODABLE.search(text) else text


def trim_invisible(text: str, spans: list[Span]) -> list[Span]:
    """Spans without the control, format and blank characters at their edges (a NUL before a
    name, the ``U+202C`` that closes a bidi override after an e-mail address): those belong to
    the text around the value, and masking them would leave the text's controls unbalanced."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and _invisible(text[start]):
            start += 1
        while end > start and _invisible(text[end - 1]):
            end -= 1
        if start < end:
            out.append(
                span if (start, end) == (span.start, span.end) else dataclasses.replace(span, start=start, end=end)
            )
    return out


def _invisible(char: str) -> bool:
    return char.isspace() or char == "\ufffd" or unicodedata.category(char) in ("Cc", "Cf", "Cs")


def _with_scores(spans: list[Span], answer: str) -> list[Span]:
    """``spans`` (in order) with the scores of their placeholders in ``answer``: each span takes
    the next ``[TYPE]`` of its type, so a ``[WARN]`` copied from the input is passed over."""
    scores = getattr(answer, "scores", ())
    placeholders = [m.group(1) for m in PLACEHOLDER_RE.finditer(answer)]
    if not scores or len(scores) != len(placeholders):
        return spans
    out, at = [], 0
    for span in spans:
        while at < len(placeholders) and placeholders[at] != span.entity_type:
            at += 1
        if at == len(placeholders):
            return spans  # a fuzzy alignment that does not follow the answer: keep them unscored
        out.append(Span(span.start, span.end, span.entity_type, scores[at], span.source))
        at += 1
    return out


def load_masker(
    path: str | Path | None = None,
    *,
    base_model: str | Path | None = None,
    dtype: str = "auto",
    threads: int | None = None,
    trust_adapter_base: bool = False,
    pack: bool = False,
) -> tuple[Any, Any, dict[str, Any]]:
    """``(model, tokenizer, piilora.json)`` for an adapter dir (merged) or a merged model dir.

    The base model is ``base_model``, else the packaged default; a different base named in the
    adapter's ``piilora.json`` is loaded only with ``trust_adapter_base=True``
    (:func:`piilora.adapters.choose_base`). ``pack``: prepack the body's linear layers for
    the CPU (:mod:`piilora.packing`; inference only: the model can then no longer be saved)."""
    import torch
    from transformers import AutoModelForCausalLM

    from piilora.model import load_base_model, load_tokenizer, peft_quietly

    if threads:
        torch.set_num_threads(threads)
    directory = Path(path) if path is not None else DEFAULT_ADAPTER
    if not directory.is_dir():
        missing = "" if path is not None else " (no default adapter is installed with this piilora)"
        raise AdapterError(f"{directory} is not a directory{missing}")
    meta = read_meta(directory)
    torch_dtype = resolve_dtype(dtype)
    if (directory / ADAPTER_CONFIG).exists():
        from peft import PeftModel

        base = choose_base(directory, meta, base_model, trust_adapter_base=trust_adapter_base)
        model = load_base_model(base, dtype=torch_dtype)
        tokenizer = load_tokenizer(base)
        try:
            with peft_quietly():
                model = PeftModel.from_pretrained(model, str(directory)).merge_and_unload()
        except Exception as exc:
            raise AdapterError(f"{directory} does not fit the base model: {exc}") from exc
    elif (directory / "config.json").exists():
        model = AutoModelForCausalLM.from_pretrained(str(directory), dtype=torch_dtype)
        tokenizer = load_tokenizer(directory)
    else:
        raise AdapterError(f"{directory} holds neither a PEFT adapter nor a merged model")
    model.eval()
    model.config.use_cache = True
    if pack:
        from piilora.packing import pack_linears

        pack_linears(model)
    return model, tokenizer, meta


def resolve_dtype(dtype: str) -> Any:
    """The torch dtype for ``"auto"``, ``"bfloat16"``, ``"float32"`` (or ``"float16"``).

    ``"auto"`` picks bfloat16 where matmuls in bf16 are native (CUDA devices that support
    it; CPUs with AMX or AVX512-BF16, where measured bf16 masking is ~1.5-2x faster than
    float32) and float32 elsewhere (bf16 is emulated and slow there)."""
    import torch

    if dtype == "auto":
        from piilora.model import native_bf16

        return torch.bfloat16 if native_bf16() else torch.float32
    if dtype not in ("bfloat16", "float32", "float16"):
        raise ConfigError(f"dtype must be 'auto', 'bfloat16', 'float32' or 'float16', got {dtype!r}")
    return getattr(torch, dtype)
