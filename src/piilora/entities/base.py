"""The entity-generator contract shared by built-ins and plugins."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from piilora.errors import PluginError
from piilora.types import ENTITY_TYPE_RE

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["DEFAULT_LOCALES", "EntityGenerator", "SampleFn", "stable_faker"]

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


@dataclass(frozen=True)
class EntityGenerator:
    """Describes one PII entity type: how its values look and where they appear.

    ``contexts`` are short phrases with a ``{value}`` slot ("my badge number is
    {value}") that the corpus builder drops into its genres, so a plugin type
    gets realistic training sentences without touching the core templates.
    ``locales`` restricts the locales the type is drawn for (empty = all).
    ``shape`` (optional) is a loose test every value of the type passes (``value ->
    bool``); the Redactor re-types or drops a model span whose value fails it
    (:mod:`piilora.shapes`). Keep it loose: a value it rejects may be left unmasked.
    ``field_names`` (optional) are column names that hold values of the type
    (``employee_id``); in a CSV-like table the Redactor types such a column's cells by
    it (:mod:`piilora.fields`). Matching ignores case, and spaces or dashes count as ``_``.
    """

    entity_type: str
    sample: SampleFn
    contexts: tuple[str, ...]
    description: str = ""
    locales: tuple[str, ...] = field(default=())
    shape: Callable[[str], bool] | None = None
    field_names: tuple[str, ...] = field(default=())

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

    def supports(self, locale: str) -> bool:
        return not self.locales or locale in self.locales
