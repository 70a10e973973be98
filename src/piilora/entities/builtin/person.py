"""PERSON: names in each locale's forms (titles, middle names, initials, 'Last, First').

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator
from piilora.entities.builtin.common import clean, contexts, given_name, pick, weighted
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import person_name

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["PERSON"]


# --------------------------------------------------------------------------- PERSON

_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # locale: (male titles, female titles)
    "en_US": (("Mr.", "Dr.", "Prof.", "Rev."), ("Ms.", "Mrs.", "Miss", "Dr.", "Prof.")),
    "en_GB": (("Mr", "Dr", "Prof", "Sir"), ("Ms", "Mrs", "Miss", "Dr", "Prof", "Dame")),
    "de_DE": (("Herr", "Dr.", "Herr Dr.", "Prof. Dr."), ("Frau", "Dr.", "Frau Dr.", "Prof. Dr.")),
    "fr_FR": (("M.", "Dr", "Pr", "Me"), ("Mme", "Mlle", "Dr", "Pr", "Me")),
    "es_ES": (("Sr.", "D.", "Dr.", "Prof."), ("Sra.", "Srta.", "Dña.", "Dra.", "Prof.ª")),
    "it_IT": (("Sig.", "Dott.", "Avv.", "Ing.", "Prof."), ("Sig.ra", "Dott.ssa", "Avv.", "Ing.", "Prof.ssa")),
    "nl_NL": (("dhr.", "Dr.", "mr.", "ir.", "drs."), ("mevr.", "Dr.", "mr.", "ir.", "drs.")),
}

_SUFFIXES = ("Jr.", "Sr.", "II", "III", "PhD", "MD", "Esq.")

# Probability of a middle name / hyphenated surname, by locale (cultural frequency).
_MIDDLE_P = {
    "en_US": 0.35,
    "en_GB": 0.3,
    "de_DE": 0.2,
    "fr_FR": 0.15,
    "es_ES": 0.15,
    "it_IT": 0.1,
    "nl_NL": 0.1,
}
_HYPHEN_P = {
    "en_US": 0.05,
    "en_GB": 0.08,
    "de_DE": 0.12,
    "fr_FR": 0.1,
    "es_ES": 0.05,
    "it_IT": 0.05,
    "nl_NL": 0.06,
}


def _initial(name: str) -> str:
    """``Jean-Pierre`` -> ``J.-P.``, ``Anna`` -> ``A.``."""
    return "-".join(f"{part[0]}." for part in name.split("-") if part)


def _surname(faker: Faker, rng: random.Random, locale: str) -> str:
    last = faker.last_name()
    if locale == "es_ES" and rng.random() < 0.65:  # Spanish double surname
        second = faker.last_name()
        if second != last:
            last = f"{last} {second}"
    elif rng.random() < _HYPHEN_P.get(locale, 0.06) and " " not in last and "-" not in last:
        second = faker.last_name()
        if second != last and " " not in second:
            last = f"{last}-{second}"
    return last


def _person_parts(faker: Faker, rng: random.Random, locale: str) -> tuple[str, str | None, str, bool]:
    """(first, middle or None, last, female)."""
    female = rng.random() < 0.5
    first = given_name(faker, female)
    middle = None
    if rng.random() < _MIDDLE_P.get(locale, 0.2):
        cand = given_name(faker, female)
        if cand != first:
            middle = cand
    return first, middle, _surname(faker, rng, locale), female


def _sample_person(faker: Faker, rng: random.Random, locale: str) -> str:
    first, middle, last, female = _person_parts(faker, rng, locale)
    males, females = _TITLES.get(locale, _TITLES["en_US"])
    title = pick(rng, females if female else males)
    given = f"{first} {middle}" if middle else first
    style = weighted(
        rng,
        (
            ("full", 40),
            ("middle_initial", 7 if middle else 0),
            ("initial_last", 6),
            ("initials_last", 4),
            ("title_full", 9),
            ("title_last", 6),
            ("last_first", 7),
            ("upper_last", 3),
            ("first_only", 3),
            ("suffix", 3 if locale == "en_US" else 0),
            ("lower", 2),
        ),
    )
    if style == "middle_initial" and middle:
        return f"{first} {_initial(middle)} {last}"
    if style == "initial_last":
        return f"{_initial(first)} {last}"
    if style == "initials_last":
        second = middle or given_name(faker, female)
        return f"{_initial(first)} {_initial(second)} {last}"
    if style == "title_full":
        return f"{title} {given} {last}"
    if style == "title_last":
        return f"{title} {last}"
    if style == "last_first":
        return f"{last}, {given}"
    if style == "upper_last":  # forms / French administrative style: "DUPONT Jean"
        return f"{last.upper()} {given}" if rng.random() < 0.6 else f"{given} {last.upper()}"
    if style == "first_only":
        return first
    if style == "suffix":
        return f"{given} {last} {pick(rng, _SUFFIXES)}"
    if style == "lower":  # chat style
        return f"{first} {last}".lower()
    return f"{given} {last}"


# --------------------------------------------------------------------------- records

PERSON = EntityGenerator(
    entity_type="PERSON",
    sample=clean(_sample_person),
    contexts=contexts("PERSON"),
    description="A person's name: full, with middle names or initials, titles, 'Last, First' forms.",
    shape=person_name,
    field_names=word_tuple(
        "name full_name fullname first_name last_name surname given_name family_name customer "
        "customer_name client_name employee employee_name patient patient_name contact_name holder "
        "account_holder card_holder cardholder nombre apellidos nom prenom prénom nom_complet vorname "
        "nachname vorname_nachname nome cognome naam"
    ),
    cues=("name", "dear", "hi", "hello", "holder", "patient", "contact", "customer", "from", "signed", "mr"),
)
