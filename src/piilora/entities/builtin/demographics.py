"""AGE: a person's age, a bare number or with its unit in the locale's language.

The sampler draws only from the seeded ``faker`` and the ``rng`` it is given. The record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import clean, contexts, weighted
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_ages
from piilora.safety.shapes import age_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["AGE"]


# --------------------------------------------------------------------------- AGE

#: ``{n}`` forms of an age with its unit, by language (the bare number is drawn apart).
_AGE_FORMS: dict[str, tuple[tuple[str, float], ...]] = {
    "en": (
        ("{n}-year-old", 30),
        ("{n} years old", 20),
        ("{n} years", 15),
        ("{n} y/o", 15),
        ("{n} yo", 8),
        ("{n} yrs", 7),
        ("{n} y.o.", 5),
        ("{n}y", 4),  # clinical shorthand
        ("{n}-yr-old", 4),
        ("{n} years of age", 4),
        ("{n}F", 3),  # forum style: "my (28F) boyfriend (31M)"
        ("{n}M", 3),
    ),
    "de": (("{n} Jahre", 45), ("{n} Jahre alt", 40), ("{n}-jährig", 15), ("{n} J.", 5), ("{n}-Jährige", 4)),
    "fr": (("{n} ans", 100),),
    "es": (("{n} años", 80), ("{n} años de edad", 20)),
    "it": (("{n} anni", 85), ("{n} anni di età", 15), ("{n}enne", 5)),
    "nl": (("{n} jaar", 60), ("{n} jaar oud", 40), ("{n}-jarige", 5)),
}
#: Share of English ages written as a decade ("a woman in her 60s", "two men (both 70s)").
_DECADE_P = 0.04


def _sample_age(faker: Faker, rng: random.Random, locale: str) -> str:
    n = weighted(
        rng, ((rng.randint(0, 17), 12), (rng.randint(18, 64), 55), (rng.randint(65, 89), 27), (rng.randint(90, 104), 6))
    )
    roll = rng.random()
    if roll < 0.4:
        return str(n)
    if roll < 0.4 + _DECADE_P and locale[:2] == "en" and 20 <= n < 100:
        return f"{n // 10 * 10}s"
    forms = _AGE_FORMS.get(locale[:2], _AGE_FORMS["en"])
    return weighted(rng, forms).format(n=n)


# --------------------------------------------------------------------------- records

AGE = EntityGenerator(
    entity_type="AGE",
    sample=clean(_sample_age),
    contexts=contexts("AGE"),
    description="A person's age (0-120): a number, or with its unit (47-year-old, 47 Jahre alt, 47 ans).",
    shape=age_shape,
    field_names=word_tuple("age age_years patient_age alter âge age_ans edad età eta leeftijd"),
    cues=("age", "aged", "alter", "âge", "âgé", "âgée", "edad", "età", "leeftijd"),  # before the value
    rule=RuleDetector(find_ages),  # a number with an age's unit or after an age cue
    worded=True,  # "47 Jahre", "47 ans": in the template's language
)
