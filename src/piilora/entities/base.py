"""The entity-generator contract shared by built-ins and plugins."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from piilora.errors import PluginError
from piilora.types import ENTITY_TYPE_RE

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["DEFAULT_LOCALES", "EntityGenerator", "FormsFn", "RuleDetector", "SampleFn", "stable_faker"]

#: Locales the built-in corpus draws from, in a fixed order (reproducibility).
DEFAULT_LOCALES: tuple[str, ...] = (
    "en_US",
    "en_GB",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
)

#: Faker provider lists built from a set, so ordered by the process's string hash seed: the same
#: Faker seed drew different Italian towns in two processes (``list({...})`` in Faker's it_IT
#: address provider). :func:`stable_faker` sorts them.
_SET_BORN_LISTS: dict[str, tuple[str, ...]] = {"faker.providers.address.it_IT": ("cities",)}


def stable_faker(locale: str) -> Faker:
    """``Faker(locale)`` whose seeded draws are the same in every process."""
    from faker import Faker

    faker = Faker(locale)
    for provider in faker.get_providers():
        for attribute in _SET_BORN_LISTS.get(type(provider).__module__, ()):
            setattr(provider, attribute, sorted(getattr(provider, attribute)))
    return faker


#: ``sample(faker, rng, locale) -> value``. ``faker`` is seeded and set to ``locale``;
#: use ``rng`` (never the global ``random``) for every other choice so that the same
#: seed gives the same value.
SampleFn = Callable[["Faker", random.Random, str], str]
#: ``forms(faker, rng, locale) -> {form name: value}``: one value in its named surface forms
#: (a person as ``full``, ``given``, ``surname``...); ``"default"`` is the form an unmarked slot takes.
FormsFn = Callable[["Faker", random.Random, str], "Mapping[str, str]"]


@dataclass(frozen=True)
class RuleDetector:
    """Finds values of one entity type in a text, for the safety net (:mod:`piilora.safety`).

    ``find(text)`` yields ``(start, end)`` pairs. ``verified=True`` says a match is certain (a
    checksum or a syntax decides it: a card number passing Luhn, an e-mail address): it is kept
    with its exact extent and cuts any model span over it. An unverified match (a pattern, a
    value after a cue word) only adds what the model missed and widens a model span over part
    of it. ``priority`` decides between two rules of the same kind (verified or not) that match
    the very same characters: the higher wins (the built-in US SSN rule, a range check, has 1
    and wins over the phone-number pattern's 0); on a tie, the type registered first.
    :meth:`cued` builds the common kind: a value of a form shortly after a cue word.
    """

    find: Callable[[str], Iterable[tuple[int, int]]]
    verified: bool = False
    priority: int = 0

    @classmethod
    def cued(
        cls,
        value: str,
        cues: Sequence[str] = (),
        *,
        cue_pattern: str | None = None,
        gap: int = 25,
        verified: bool = False,
        priority: int = 0,
    ) -> RuleDetector:
        """A detector of values matching the regex ``value`` (a whole word) at most ``gap``
        characters of punctuation and short lower-case words after one of ``cues`` (words,
        any case: ``("employee id", "badge")``) or a match of the regex ``cue_pattern``::

            RuleDetector.cued(r"E-\\d{6}", cues=("employee id", "badge"))
        """
        from piilora.safety.rules import cued_finder

        if cue_pattern is None:
            if not cues:
                raise PluginError("RuleDetector.cued needs cues or a cue_pattern")
            words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
            cue_pattern = rf"(?<!\w)(?:{words})"
        try:
            re.compile(value)
            re.compile(cue_pattern)
        except re.error as exc:
            raise PluginError(f"RuleDetector.cued: invalid regex ({exc})") from None
        return cls(cued_finder(value, cue_pattern, gap), verified=verified, priority=priority)


@dataclass(frozen=True)
class EntityGenerator:
    """Describes one PII entity type: how its values look and where they appear.

    ``contexts`` are short phrases with a ``{value}`` slot ("my badge number is
    {value}") that the corpus builder drops into its genres, so a plugin type
    gets realistic training sentences without touching the core templates.
    ``locales`` restricts the locales the type is drawn for (empty = all).
    ``shape`` (optional) is a loose test every value of the type passes (``value ->
    bool``); the Redactor re-types or drops a model span whose value fails it
    (:mod:`piilora.safety.shapes`). Keep it loose: a value it rejects may be left unmasked.
    ``field_names`` (optional) are column names that hold values of the type
    (``employee_id``); in a CSV-like table the Redactor types such a column's cells by
    it (:mod:`piilora.safety.fields`). Matching ignores case, and spaces or dashes count as ``_``.
    ``cues`` (optional) are lower-case words that announce a value of the type just before it
    (``"badge"``, ``"employee id"``); the copy decoder uses them to guess a placeholder's type.
    ``rule`` (optional) is a :class:`RuleDetector`: the safety net masks what it finds even where
    the model missed it (switch it off per call with ``Redactor(rules={TYPE: False})``).
    ``forms`` (optional) draws one value in several named surface forms (``{"default": "Dr. Ana
    Ruiz", "given": "Ana", "surname": "Ruiz"}``); a template slot ``{{PERSON#1:given}}`` takes one
    form of the value that ``{{PERSON#1}}`` names elsewhere in the text. With ``forms``, ``sample``
    should be ``forms(...)["default"]``.
    ``worded`` (optional) says the values are written in words of a language (a date's month
    name, an age's unit): the corpus builder draws them in a locale of the template's own language
    where it can tell it (:mod:`piilora.data.languages`), not in the example's locale.
    """

    entity_type: str
    sample: SampleFn
    contexts: tuple[str, ...]
    description: str = ""
    locales: tuple[str, ...] = field(default=())
    shape: Callable[[str], bool] | None = None
    field_names: tuple[str, ...] = field(default=())
    cues: tuple[str, ...] = field(default=())
    rule: RuleDetector | None = None
    forms: FormsFn | None = None
    worded: bool = False

    def __post_init__(self) -> None:
        if not ENTITY_TYPE_RE.match(self.entity_type):
            raise PluginError(f"entity type {self.entity_type!r} must be UPPER_SNAKE (e.g. EMPLOYEE_ID)")
        if not self.contexts:
            raise PluginError(f"entity generator {self.entity_type}: contexts must not be empty")
        for ctx in self.contexts:
            if ctx.count("{value}") != 1:
                raise PluginError(
                    f"entity generator {self.entity_type}: every context needs exactly one "
                    f"'{{value}}' slot (got {ctx.count('{value}')})"
                )

        if any(not c or c != c.lower() for c in self.cues):
            raise PluginError(f"entity generator {self.entity_type}: cues must be non-empty lower-case words")
        if self.rule is not None and not isinstance(self.rule, RuleDetector):
            raise PluginError(f"entity generator {self.entity_type}: rule must be a piilora RuleDetector")

    def supports(self, locale: str) -> bool:
        return not self.locales or locale in self.locales
