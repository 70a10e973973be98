"""The safety net: deterministic passes that turn the model's spans into the spans masked.

The model proposes spans; the safety net, built from the entity records (built-in and
plugin types alike: :class:`piilora.entities.base.EntityGenerator`), decides what is masked:

1. rule detectors (each type's ``rule``: checksums and formats, :mod:`.rules`) find values;
2. the model's spans are tidied to their value and their invented types mapped
   (:mod:`.tidy`), then merged with the rule spans (:mod:`.merge`): verified matches are
   exact, unverified ones widen or add, values that cannot be of their type are re-typed or
   dropped (the value shapes: :mod:`.shapes`);
3. accounts of machines and chats are unmasked, payees' names masked, a masked card's CVV
   and expiry masked with it (:mod:`.tidy`); an address runs on to the end of its postal
   block, and blocks the postal formats alone reveal are added (:mod:`.addresses`);
4. CSV-like tables are typed by their header (:mod:`.fields`);
5. a value masked once is masked wherever else it stands (:mod:`.propagate`).

:class:`SafetyNet` holds what these passes read from the records (rules, shapes, field
names, the labels the model knows); :meth:`SafetyNet.apply` runs them. The Redactor calls it
after decoding, and the evaluation's rules-only system calls it with no model spans.
Shared value parsers live in :mod:`.parsers`. Nothing here imports a model or torch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from piilora.errors import ConfigError
from piilora.safety.addresses import address_blocks
from piilora.safety.fields import field_map, type_table_cells
from piilora.safety.merge import merge_spans
from piilora.safety.propagate import propagate_values
from piilora.safety.rules import detect_rules
from piilora.safety.shapes import Shape, shapes_of
from piilora.safety.tidy import account_cues, card_extras, digests, known_types, payees, system_accounts, tidy_edges
from piilora.types import Span

if TYPE_CHECKING:
    import pluggy

    from piilora.entities.base import EntityGenerator, RuleDetector

__all__ = ["SafetyNet", "SafetyOptions", "apply"]


@dataclass(frozen=True)
class SafetyOptions:
    """Which passes of the safety net run.

    ``rules``: the entity types whose rule detectors run (``None`` = every type that has one;
    ``()`` = none). ``check_shapes``: tidy the model's spans, map invented types, check value
    shapes, drop machine accounts, add payees. ``type_fields``: type CSV-like tables by their
    header. ``propagate``: mask every other whole-word occurrence of a masked value.
    """

    rules: tuple[str, ...] | None = None
    check_shapes: bool = True
    type_fields: bool = True
    propagate: bool = True


class SafetyNet:
    """The safety net for one set of entity types (see the module docstring).

    ``labels`` are the types the model was trained to emit (an adapter's ``entity_types``);
    a model span of another type is mapped to one of them or judged by its value. Default:
    every type of ``generators``.
    """

    def __init__(self, generators: Iterable[EntityGenerator], labels: Sequence[str] | None = None) -> None:
        gens = list(generators)
        rules = {g.entity_type: g.rule for g in gens if g.rule is not None}
        order = {t: i for i, t in enumerate(rules)}
        #: entity type -> rule detector: verified ones first, then by priority, then registration order
        #: (where two rules match the very same characters, the first one names the value)
        self.detectors: dict[str, RuleDetector] = dict(
            sorted(rules.items(), key=lambda item: (not item[1].verified, -item[1].priority, order[item[0]]))
        )
        self.verified: frozenset[str] = frozenset(t for t, d in rules.items() if d.verified)
        self._finders = {t: d.find for t, d in self.detectors.items()}
        self._chosen: dict[tuple[str, ...], dict[str, RuleDetector]] = {}
        self.shapes: dict[str, Shape] = shapes_of(gens)
        self.fields: dict[str, str] = field_map(gens)
        #: every registered type, in registration order
        self.registered: tuple[str, ...] = tuple(g.entity_type for g in gens)
        self.labels: tuple[str, ...] = tuple(labels) if labels else tuple(sorted(self.registered))

    @classmethod
    def from_plugins(
        cls, plugin_manager: pluggy.PluginManager | None = None, labels: Sequence[str] | None = None
    ) -> SafetyNet:
        """The net of every registered entity type (built-ins and plugins)."""
        from piilora.plugins import entity_generators

        return cls(entity_generators(plugin_manager).values(), labels)

    def rule_types(self, rules: bool | Mapping[str, bool] | Sequence[str] | None) -> tuple[str, ...]:
        """Normalise a ``rules=`` argument: True/None = every type with a rule, False = none, a
        mapping switches single types off (``{"PHONE_NUMBER": False}``), a sequence names them."""
        if rules is None or rules is True:
            return tuple(self.detectors)
        if rules is False:
            return ()
        named = tuple(rules)
        unknown = sorted(set(named) - set(self.detectors))
        if unknown:
            raise ConfigError(f"no rule detector for {', '.join(unknown)}; known: {', '.join(self.detectors)}")
        if isinstance(rules, Mapping):
            return tuple(t for t in self.detectors if rules.get(t, True))
        return tuple(t for t in self.detectors if t in named)

    def detect_rules(self, text: str, types: Sequence[str] | None = None) -> list[Span]:
        """Non-overlapping rule spans of ``types`` (None = all), sorted by start."""
        if types is None:
            return detect_rules(text, self.detectors)
        key = tuple(types)
        if key not in self._chosen:  # one Redactor asks for the same types for every text
            self._chosen[key] = {t: d for t, d in self.detectors.items() if t in key}
        return detect_rules(text, self._chosen[key])

    def apply(self, text: str, model_spans: Sequence[Span], options: SafetyOptions | None = None) -> list[Span]:
        """The spans to mask in ``text``, given the model's spans (offsets into ``text``; spans of
        several windows may overlap: they are united)."""
        opts = options or SafetyOptions()
        rule_spans = self.detect_rules(text, opts.rules) if opts.rules is None or opts.rules else []
        spans = list(model_spans)
        shapes = None
        if opts.check_shapes:
            typed = known_types(
                text,
                spans,
                self.labels,
                registered=self.registered,
                finders=self._finders,
                shapes=self.shapes,
            )
            spans = digests(text, tidy_edges(text, typed))
            if "BANK_ACCOUNT" in self.labels:
                spans = account_cues(text, spans)
            shapes = self.shapes
        merged = merge_spans(spans, rule_spans, text, shapes, verified=self.verified)
        if opts.check_shapes:
            merged = system_accounts(text, merged)
            if "PERSON" in self.labels:
                merged = payees(text, merged)
        merged = card_extras(text, merged)  # a card's CVV and expiry are cardholder data too
        if "STREET_ADDRESS" in self.labels and (opts.check_shapes or opts.rules is None or opts.rules):
            # the rest of a postal block (a locality after a street, a PO box with its town)
            merged = address_blocks(text, merged, extend=opts.check_shapes, find=opts.rules is None or bool(opts.rules))
        if opts.type_fields:
            merged = type_table_cells(text, merged, self.fields, self.shapes, verified=self.verified)
        return propagate_values(text, merged) if opts.propagate else merged


def apply(
    text: str,
    model_spans: Sequence[Span] = (),
    options: SafetyOptions | None = None,
    *,
    net: SafetyNet | None = None,
) -> list[Span]:
    """:meth:`SafetyNet.apply` with ``net`` (default: the net of every registered type)."""
    return (net or SafetyNet.from_plugins()).apply(text, model_spans, options)
