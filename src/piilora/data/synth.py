"""The synthetic corpus: templates x genres x entity generators -> (text, spans) rows.

Every example is built from *pieces* (literal text, a PII value with its type, or
a non-PII filler); offsets are computed while joining the pieces, so spans are
exact by construction. Each example draws from its own ``random.Random`` seeded
from ``(seed, split, index)``, so the same seed gives the same bytes.

Splits are by template: every genre's templates (and every entity type's
context phrases) are partitioned into train / validation / test, so validation
and test texts come from templates the model never saw in training. The
assignment is stable as the bank grows: built-in templates and phrases keep the
split recorded in ``template_bank/splits.json``; others go by a hash threshold on
their own id (or phrase), never by rank among the others.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import random
import urllib.parse
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piilora.data.languages import LANGUAGE_LOCALES, locales_of, template_language
from piilora.data.surface import ESCAPERS, STRUCTURED_GENRES, Piece, careless
from piilora.data.templates import COMMON_FORMS, SLOT_RE, parse_slot
from piilora.entities.base import DEFAULT_LOCALES, EntityGenerator, stable_faker
from piilora.errors import ConfigError
from piilora.safety.shapes import title_start

if TYPE_CHECKING:
    import datasets
    import pluggy
    from faker import Faker

    from piilora.data.templates import Template

__all__ = [
    "SPLITS",
    "CorpusConfig",
    "corpus_features",
    "corpus_stats",
    "generate_corpus",
    "generate_examples",
    "split_templates",
]

log = logging.getLogger(__name__)

SPLITS: tuple[str, ...] = ("train", "validation", "test")
#: Genre used for examples made only of entity context phrases (plugin types too).
CONTEXT_GENRE = "sentence"


@dataclass(frozen=True)
class CorpusConfig:
    """How a synthetic corpus is drawn.

    ``split_ratios`` partition each genre's templates (not examples) into
    train/validation/test and set how many examples each split gets.
    ``negative_share`` is the share of examples with no PII at all;
    ``context_share`` the share built only from entity context phrases (how
    plugin types get sentences of their own); ``join_share`` the share that
    joins two or three templates of one genre into a longer text; ``case_noise``
    the chance that a value is re-cased (``JANE@DOE.COM``, ``jane doe``); ``text_noise`` the
    share of prose examples written carelessly as a whole (all lower case, all capitals, no
    full stops, line breaks where a scanner or a phone put them).
    """

    n: int = 1000
    seed: int = 0
    locales: tuple[str, ...] = DEFAULT_LOCALES
    split_ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    negative_share: float = 0.25
    context_share: float = 0.12
    join_share: float = 0.15
    case_noise: float = 0.08
    text_noise: float = 0.0
    genres: tuple[str, ...] | None = None
    entity_types: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ConfigError(f"n must be >= 1, got {self.n}")
        if len(self.split_ratios) != 3 or any(r < 0 for r in self.split_ratios):
            raise ConfigError("split_ratios must be three non-negative numbers (train, validation, test)")
        if abs(sum(self.split_ratios) - 1.0) > 1e-6:
            raise ConfigError(f"split_ratios must sum to 1, got {sum(self.split_ratios)}")
        for name in ("negative_share", "context_share", "join_share", "case_noise", "text_noise"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name} must be in [0, 1], got {value}")
        if self.negative_share + self.context_share > 1.0:
            raise ConfigError("negative_share + context_share must be <= 1")
        if not self.locales:
            raise ConfigError("locales must not be empty")


def _rank(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _phrase_key(phrase: str) -> str:
    return hashlib.sha256(phrase.encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _pinned() -> dict[str, Any]:
    """The frozen assignment of the built-in bank (``template_bank/splits.json``)."""
    from importlib.resources import files

    return json.loads(files("piilora.data.template_bank").joinpath("splits.json").read_text("utf-8"))


def _threshold_split(key: str, ratios: Sequence[float]) -> str:
    """A key's split from its own hash alone: stable whatever else is in the bank."""
    u = int(_rank(key)[:16], 16) / 16**16
    if u < ratios[1]:
        return "validation"
    if u < ratios[1] + ratios[2]:
        return "test"
    return "train"


def _partition(keys: Sequence[str], ratios: Sequence[float], pinned: Mapping[str, str] | None = None) -> dict[str, str]:
    """Assign keys to splits, each key on its own so that adding keys never moves another.

    A key in ``pinned`` keeps its recorded split (only used with the ratios it was
    recorded for); any other key goes by a hash threshold. There is deliberately no
    "at least one per split" top-up: it would move keys back into training once a
    small genre grows, leaking what was held out.
    """
    return {key: (pinned[key] if pinned and key in pinned else _threshold_split(key, ratios)) for key in keys}


def _pins(ratios: Sequence[float]) -> dict[str, Any]:
    pins = _pinned()
    if tuple(pins["ratios"]) != tuple(ratios):
        return {"templates": {}, "contexts": {}}
    return pins


def split_templates(
    templates: Sequence[Template], ratios: Sequence[float] = (0.8, 0.1, 0.1)
) -> dict[str, list[Template]]:
    """Partition templates per genre into the three splits.

    Stable: the built-in templates keep the split recorded in ``splits.json``;
    others (new built-ins, plugin templates) go by a hash threshold on their id,
    so adding templates never moves an existing one (which would leak held-out
    templates into training).
    """
    pinned = _pins(ratios)["templates"]
    by_genre: dict[str, list[Template]] = {}
    for t in templates:
        by_genre.setdefault(t.genre, []).append(t)
    out: dict[str, list[Template]] = {s: [] for s in SPLITS}
    for genre in sorted(by_genre):
        items = by_genre[genre]
        assignment = _partition([t.id for t in items], ratios, pinned)
        for t in items:
            out[assignment[t.id]].append(t)
        held_out = {s for s in assignment.values() if s != "train"}
        if ratios[2] > 0 and "test" not in held_out:
            log.warning(
                "genre %s: none of its %d templates is held out for test (split by a hash of the id); "
                "add templates to evaluate it on unseen ones",
                genre,
                len(items),
            )
    return out


def _split_contexts(
    generators: Mapping[str, EntityGenerator], ratios: Sequence[float]
) -> dict[str, dict[str, list[str]]]:
    """split -> entity type -> context phrases (each type's phrases partitioned, keyed by
    their text, so appending or reordering phrases moves none)."""
    pins = _pins(ratios)["contexts"]
    out: dict[str, dict[str, list[str]]] = {s: {} for s in SPLITS}
    for etype, gen in generators.items():
        keys = [f"{etype}/{_phrase_key(ctx)}" for ctx in gen.contexts]
        pinned = {f"{etype}/{h}": split for h, split in pins.get(etype, {}).items()}
        assignment = _partition(keys, ratios, pinned)
        for key, ctx in zip(keys, gen.contexts):
            out[assignment[key]].setdefault(etype, []).append(ctx)
        for split in SPLITS:  # a type with too few phrases shares them rather than vanish
            out[split].setdefault(etype, list(gen.contexts))
    return out


class _Builder:
    """Draws one example at a time; holds the shared, read-only tables."""

    def __init__(
        self,
        config: CorpusConfig,
        generators: Mapping[str, EntityGenerator],
        templates: Sequence[Template],
        fillers: Mapping[str, Any],
    ) -> None:
        self.config = config
        self.generators = dict(generators)
        self.fillers = fillers
        self.fakers: dict[str, Faker] = {loc: stable_faker(loc) for loc in config.locales}
        self.languages: dict[str, str | None] = {}  # a template's or context phrase's language, once
        known = set(self.generators)
        usable = [t for t in templates if self._usable(t, known)]
        if config.genres is not None:
            unknown = sorted(set(config.genres) - {t.genre for t in templates})
            if unknown:
                raise ConfigError(f"unknown genre(s): {', '.join(unknown)}")
            usable = [t for t in usable if t.genre in config.genres]
        self.by_split = split_templates(usable, config.split_ratios)
        self.contexts = _split_contexts(self.generators, config.split_ratios)
        self.negative: dict[str, list[Template]] = {}
        self.positive: dict[str, list[Template]] = {}
        for split, items in self.by_split.items():
            self.negative[split] = [t for t in items if not _pii_slots(t.text)]
            self.positive[split] = [t for t in items if _pii_slots(t.text)]

    def _usable(self, template: Template, known: set[str]) -> bool:
        for slot in SLOT_RE.findall(template.text):
            if slot == "CONTEXT" or slot.startswith("?"):
                continue
            etype, _, form = parse_slot(slot)
            if etype not in known:
                return False
            if form is not None and form not in COMMON_FORMS and self.generators[etype].forms is None:
                raise ConfigError(f"template {template.id}: {{{{{slot}}}}} asks for a form, but {etype} has no forms")
        return True

    # -- values ---------------------------------------------------------------------------
    def _faker(self, locale: str, rng: random.Random) -> Faker:
        faker = self.fakers[locale]
        faker.seed_instance(rng.getrandbits(64))
        return faker

    def _forms(self, etype: str, locale: str, rng: random.Random) -> dict[str, str]:
        """One value of ``etype`` in its surface forms (``default`` always there)."""
        gen = self.generators[etype]
        if not gen.supports(locale):
            supported = [loc for loc in self.config.locales if gen.supports(loc)]
            locale = rng.choice(supported) if supported else gen.locales[0]
            if locale not in self.fakers:
                self.fakers[locale] = stable_faker(locale)
        faker = self._faker(locale, rng)
        if gen.forms is not None:
            forms = dict(gen.forms(faker, rng, locale))
        else:
            forms = {"default": gen.sample(faker, rng, locale)}
        for value in forms.values():
            if not value or value != value.strip():
                raise ConfigError(
                    f"entity generator {etype} returned an empty value or one with surrounding whitespace"
                )
        if rng.random() < self.config.case_noise:
            recase = rng.choice((str.upper, str.lower, str.title))
            forms = {k: recase(v) if self._fits(etype, recase(v)) else v for k, v in forms.items()}
        return forms

    def _value(self, etype: str, locale: str, rng: random.Random) -> str:
        return self._forms(etype, locale, rng)["default"]

    def _text_locale(self, text: str, locale: str, rng: random.Random, *, phrase: bool = False) -> str:
        """The locale the ``worded`` values of ``text`` (a template, or a context phrase: short, and
        English unless its words say otherwise) are drawn in: ``locale``, unless it writes another
        language than the text does and the corpus has a locale that writes the text's."""
        key = ("phrase:" if phrase else "template:") + text
        if key not in self.languages:
            self.languages[key] = (template_language(text, min_hits=1) or "en") if phrase else template_language(text)
        lang = self.languages[key]
        if lang is None or locale in LANGUAGE_LOCALES.get(lang, ()):
            return locale
        own = locales_of(lang, self.config.locales)
        return rng.choice(own) if own else locale

    def _fits(self, etype: str, value: str) -> bool:
        """Whether ``value`` passes its type's shape: a re-cased value that would not ("TONY", four
        capitals read as an acronym) keeps its case, so no training target is one the safety net
        would take back."""
        shape = self.generators[etype].shape if etype in self.generators else None
        return shape is None or shape(value)

    def _form(self, etype: str, forms: Mapping[str, str], form: str | None, slot: str) -> str:
        if form is None:
            return forms["default"]
        if form == "upper":
            upper = forms["default"].upper()
            return upper if self._fits(etype, upper) else forms["default"]
        if form == "lower":
            return forms["default"].lower()
        if form == "urlenc":
            return urllib.parse.quote(forms["default"], safe="")
        if form not in forms:
            raise ConfigError(f"slot {{{{{slot}}}}}: no form {form!r} (the generator gives {', '.join(sorted(forms))})")
        return forms[form]

    def _filler(self, name: str, locale: str, rng: random.Random) -> str:
        fn = self.fillers.get(name)
        if fn is None:
            raise ConfigError(f"template uses unknown filler {{{{?{name}}}}}")
        return str(fn(self._faker(locale, rng), rng))

    # -- pieces ---------------------------------------------------------------------------
    def _context_pieces(self, split: str, locale: str, rng: random.Random) -> list[Piece]:
        table = self.contexts[split]
        etype = rng.choice(sorted(table))
        phrase = rng.choice(table[etype])
        before, after = phrase.split("{value}")
        if self.generators[etype].worded:
            locale = self._text_locale(phrase, locale, rng, phrase=True)
        return [(before, None), (self._value(etype, locale, rng), etype), (after, None)]

    def _render(self, template: Template, split: str, locale: str, rng: random.Random) -> list[Piece]:
        pieces: list[Piece] = []
        repeated: dict[str, dict[str, str]] = {}
        escape = ESCAPERS.get(template.genre)
        worded: str | None = None  # the locale of dates and ages: the template's language, drawn once
        pos = 0
        for m in SLOT_RE.finditer(template.text):
            pieces.append((template.text[pos : m.start()], None))
            pos = m.end()
            slot = m.group(1)
            if slot == "CONTEXT":
                context = self._context_pieces(split, locale, rng)
                following = template.text[m.end() : m.end() + 1]
                if following in (".", "!", "?") and context[-1][0].endswith(following):
                    context[-1] = (context[-1][0][:-1], None)  # no "..": the template brings its own stop
                for text, label in context:
                    pieces.extend(escape(text, label) if escape is not None else [(text, label)])
                continue
            if slot.startswith("?"):
                value, label = self._filler(slot[1:], locale, rng), None
            else:
                etype, key, form = parse_slot(slot)
                value_locale = locale
                if self.generators[etype].worded:
                    if worded is None:
                        worded = self._text_locale(template.text, locale, rng)
                    value_locale = worded
                if key is not None:
                    if key not in repeated:
                        repeated[key] = self._forms(etype, value_locale, rng)
                    forms = repeated[key]
                else:
                    forms = self._forms(etype, value_locale, rng)
                value = self._form(etype, forms, form, slot)
                label = etype
                if value.startswith("@") and template.text[: m.start()].endswith("@"):
                    value = value[1:]  # the template already writes the handle's "@"
            if escape is not None:
                pieces.extend(escape(value, label))
            else:
                pieces.append((value, label))
        pieces.append((template.text[pos:], None))
        return pieces

    def example(self, split: str, index: int) -> dict[str, Any]:
        cfg = self.config
        rng = random.Random(f"piilora-corpus:{cfg.seed}:{split}:{index}")
        locale = rng.choice(cfg.locales)
        roll = rng.random()
        template_ids: list[str] = []
        if roll < cfg.context_share:
            genre = CONTEXT_GENRE
            pieces: list[Piece] = []
            for k in range(rng.choice((1, 1, 2, 3))):
                if k:
                    ends_sentence = pieces[-1][0].rstrip().endswith((".", "!", "?"))
                    seps = (" ", "\n") if ends_sentence else (" ", ". ", "\n", "; ")
                    pieces.append((rng.choice(seps), None))
                pieces.extend(self._context_pieces(split, locale, rng))
            template_ids.append(f"{CONTEXT_GENRE}/contexts")
        else:
            pool = self.negative[split] if roll < cfg.context_share + cfg.negative_share else None
            if not pool:
                pool = self.positive[split] or self.negative[split]
            if not pool:
                raise ConfigError(f"no templates left for split {split!r}; add templates or genres")
            first = rng.choice(pool)
            genre = first.genre
            chosen = [first]
            if rng.random() < cfg.join_share:
                same = [t for t in pool if t.genre == genre and t.id != first.id]
                if same:
                    chosen += rng.sample(same, min(len(same), rng.choice((1, 2))))
            pieces = []
            for k, t in enumerate(chosen):
                if k:
                    pieces.append(("\n" if rng.random() < 0.7 else "\n\n", None))
                pieces.extend(self._render(t, split, locale, rng))
                template_ids.append(t.id)
        if rng.random() < cfg.text_noise and genre not in STRUCTURED_GENRES:
            pieces = careless(pieces, rng, self._fits)
        text, spans = _join(pieces)
        return {
            "id": f"{split}-{index:07d}",
            "text": text,
            "spans": spans,
            "genre": genre,
            "template_ids": template_ids,
            "locale": locale,
        }


def _pii_slots(text: str) -> list[str]:
    return [s for s in SLOT_RE.findall(text) if not s.startswith("?")]


def _join(pieces: Sequence[Piece]) -> tuple[str, list[dict[str, Any]]]:
    """The text and its spans; a name takes the titles the template wrote before it
    (``dott.ssa {{PERSON}}`` labels ``dott.ssa Neri``), as a name's own title form does."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    offset = 0
    for text, label in pieces:
        if label is not None and text:
            spans.append({"start": offset, "end": offset + len(text), "label": label})
        out.append(text)
        offset += len(text)
    joined = "".join(out)
    previous_end = 0
    for s in spans:
        if s["label"] == "PERSON" and (start := title_start(joined, s["start"])) >= previous_end:
            s["start"] = start
        previous_end = s["end"]
    return joined, _merge_touching(spans)


def _merge_touching(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two values of one type that touch (no separator) are one span to a reader."""
    merged: list[dict[str, Any]] = []
    for s in spans:
        if merged and merged[-1]["end"] == s["start"] and merged[-1]["label"] == s["label"]:
            merged[-1] = {**merged[-1], "end": s["end"]}
        else:
            merged.append(s)
    return merged


def corpus_features() -> datasets.Features:
    """The column types of a corpus split (explicit, so empty span lists type-check)."""
    import datasets

    return datasets.Features(
        {
            "id": datasets.Value("string"),
            "text": datasets.Value("string"),
            "spans": datasets.List(
                {
                    "start": datasets.Value("int64"),
                    "end": datasets.Value("int64"),
                    "label": datasets.Value("string"),
                }
            ),
            "genre": datasets.Value("string"),
            "template_ids": datasets.List(datasets.Value("string")),
            "locale": datasets.Value("string"),
        }
    )


def _split_sizes(n: int, ratios: Sequence[float]) -> dict[str, int]:
    sizes = [int(n * r) for r in ratios]
    sizes[0] += n - sum(sizes)
    return dict(zip(SPLITS, sizes))


def _resolve(
    config: CorpusConfig, plugin_manager: pluggy.PluginManager | None
) -> tuple[dict[str, EntityGenerator], Sequence[Template], Mapping[str, Any]]:
    from piilora.data.templates import FILLERS, TEMPLATES
    from piilora.plugins import entity_generators

    generators = entity_generators(plugin_manager)
    if config.entity_types is not None:
        unknown = sorted(set(config.entity_types) - set(generators))
        if unknown:
            raise ConfigError(f"unknown entity type(s): {', '.join(unknown)}; known: {', '.join(sorted(generators))}")
        generators = {k: v for k, v in generators.items() if k in config.entity_types}
    return generators, TEMPLATES, FILLERS


def generate_examples(
    config: CorpusConfig, split: str, *, plugin_manager: pluggy.PluginManager | None = None
) -> list[dict[str, Any]]:
    """The rows of one split as plain dicts (the same rows :func:`generate_corpus` writes)."""
    if split not in SPLITS:
        raise ConfigError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    builder = _Builder(config, *_resolve(config, plugin_manager))
    n = _split_sizes(config.n, config.split_ratios)[split]
    return [builder.example(split, i) for i in range(n)]


def generate_corpus(
    n: int = 1000,
    *,
    seed: int = 0,
    out: str | Path | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
    config: CorpusConfig | None = None,
    progress: bool = False,
) -> datasets.DatasetDict:
    """Draw a synthetic corpus of ``n`` examples split by template.

    Returns a ``datasets.DatasetDict`` with ``train``, ``validation`` and ``test``
    splits (columns: ``id, text, spans, genre, template_ids, locale``; ``spans`` is
    a list of ``{start, end, label}``). With ``out`` it is also saved there with
    ``save_to_disk`` (readable with ``datasets.load_from_disk``), next to a
    ``corpus.json`` recording the config and per-type / per-genre counts.
    """
    import datasets

    cfg = config if config is not None else CorpusConfig(n=n, seed=seed)
    builder = _Builder(cfg, *_resolve(cfg, plugin_manager))
    sizes = _split_sizes(cfg.n, cfg.split_ratios)
    splits: dict[str, datasets.Dataset] = {}
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=cfg.n, desc="generating corpus", unit="ex")
    for split in SPLITS:
        rows = []
        for i in range(sizes[split]):
            rows.append(builder.example(split, i))
            if bar is not None:
                bar.update(1)
        splits[split] = datasets.Dataset.from_list(rows, features=corpus_features())
    if bar is not None:
        bar.close()
    corpus = datasets.DatasetDict(splits)
    if out is not None:
        _save(corpus, Path(out), cfg)
    return corpus


def corpus_stats(corpus: datasets.DatasetDict) -> dict[str, Any]:
    """Counts per split, entity type and genre, and the share of examples with no PII."""
    stats: dict[str, Any] = {}
    for split, ds in corpus.items():
        types: Counter[str] = Counter()
        genres: Counter[str] = Counter()
        empty = 0
        for spans, genre in zip(ds["spans"], ds["genre"]):
            genres[genre] += 1
            types.update(s["label"] for s in spans)
            empty += not spans
        stats[split] = {
            "examples": len(ds),
            "no_pii_share": round(empty / len(ds), 4) if len(ds) else 0.0,
            "entities": dict(sorted(types.items())),
            "genres": dict(sorted(genres.items())),
            "templates": len({t for ids in ds["template_ids"] for t in ids}),
        }
    return stats


def _save(corpus: datasets.DatasetDict, out: Path, cfg: CorpusConfig) -> None:
    import dataclasses
    import os
    import shutil
    import tempfile

    from piilora.version import __version__

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and any(out.iterdir()):
        raise ConfigError(f"output directory {out} exists and is not empty")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        corpus.save_to_disk(str(tmp))
        meta = {
            "piilora_version": __version__,
            "config": dataclasses.asdict(cfg),
            "stats": corpus_stats(corpus),
        }
        (tmp / "corpus.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
