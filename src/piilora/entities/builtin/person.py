"""PERSON: names in each locale's forms (titles, middle names, initials, 'Last, First').

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator
from piilora.entities.builtin.common import clean, contexts, foreign_faker, given_name, pick, read_json, weighted
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


def _name_alone(faker: Faker) -> str:
    """A surname of ``faker``'s locale that reads as a name alone: one that reads as something else
    ("VI", "Monaco", "Sales") is drawn again (5 tries)."""
    last = faker.last_name().strip()
    for _ in range(5):
        if person_name(last):
            break
        last = faker.last_name().strip()
    return last


def _surname(faker: Faker, rng: random.Random, locale: str) -> str:
    last = _name_alone(faker)
    if locale == "es_ES" and rng.random() < 0.65:  # Spanish double surname
        second = faker.last_name()
        if second != last:
            last = f"{last} {second}"
    elif rng.random() < _HYPHEN_P.get(locale, 0.06) and " " not in last and "-" not in last:
        second = faker.last_name()
        if second != last and " " not in second:
            last = f"{last}-{second}"
    return last


#: Faker locales (Latin script) whose names are drawn beside the text's own locale: people in a
#: text come from everywhere, not from the locale its writer lives in.
_FOREIGN_LOCALES: tuple[str, ...] = (
    "pl_PL", "fi_FI", "hu_HU", "tr_TR", "is_IS", "cs_CZ", "sv_SE", "da_DK", "no_NO", "pt_BR", "pt_PT",
    "ro_RO", "hr_HR", "sk_SK", "lt_LT", "et_EE", "es_MX", "es_AR", "ga_IE", "en_IN", "en_IE", "yo_NG",
    "ig_NG", "en_KE", "zu_ZA", "id_ID", "vi_VN", "uz_UZ",
)  # fmt: skip
#: Romanized names of traditions without a Latin-script Faker locale (``names.json``).
_ROMANIZED: dict[str, dict[str, tuple[str, ...]]] = {
    origin: {part: tuple(words) for part, words in table.items()}
    for origin, table in read_json("names.json").items()
    if not origin.startswith("_")
}
#: Share of names drawn from another naming tradition than the text's locale.
_FOREIGN_P = 0.3


def _person_parts(faker: Faker, rng: random.Random, locale: str) -> tuple[str, str | None, str, bool]:
    """(first, middle or None, last, female): from the text's locale, or (``_FOREIGN_P``) from
    another naming tradition."""
    female = rng.random() < 0.5
    if rng.random() < _FOREIGN_P:
        if rng.random() < 0.35:
            table = _ROMANIZED[pick(rng, tuple(sorted(_ROMANIZED)))]
            return pick(rng, table["given"]), None, pick(rng, table["surname"]), female
        other = foreign_faker(pick(rng, _FOREIGN_LOCALES), rng)
        first = given_name(other, female).strip()
        last = _name_alone(other)
        if first and last:
            return first, None, last, female
    first = given_name(faker, female)
    middle = None
    if rng.random() < _MIDDLE_P.get(locale, 0.2):
        cand = given_name(faker, female)
        if cand != first:
            middle = cand
    return first, middle, _surname(faker, rng, locale), female


def _person_forms(faker: Faker, rng: random.Random, locale: str) -> dict[str, str]:
    """One person in each surface form a text uses (``default``: a random one of the styles)."""
    first, middle, last, female = _person_parts(faker, rng, locale)
    males, females = _TITLES.get(locale, _TITLES["en_US"])
    title = pick(rng, females if female else males)
    given = f"{first} {middle}" if middle else first
    forms = {
        "full": f"{given} {last}",
        "given": first,
        "surname": last,
        "title": f"{title} {last}",
        "initial": f"{_initial(first)} {last}",
    }
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
            ("first_only", 6),
            ("last_only", 2),
            ("suffix", 3 if locale == "en_US" else 0),
            ("lower", 2),
        ),
    )
    if style == "middle_initial" and middle:
        default = f"{first} {_initial(middle)} {last}"
    elif style == "initial_last":
        default = forms["initial"]
    elif style == "initials_last":
        second = middle or given_name(faker, female)
        default = f"{_initial(first)} {_initial(second)} {last}"
    elif style == "title_full":
        default = f"{title} {given} {last}"
    elif style == "title_last":
        default = forms["title"]
    elif style == "last_first":
        default = f"{last}, {given}"
    elif style == "upper_last":  # forms / French administrative style: "DUPONT Jean"
        default = f"{last.upper()} {given}" if rng.random() < 0.6 else f"{given} {last.upper()}"
    elif style == "first_only":
        default = first
    elif style == "last_only":
        default = last
    elif style == "suffix":
        default = f"{given} {last} {pick(rng, _SUFFIXES)}"
    elif style == "lower":  # chat style
        default = f"{first} {last}".lower()
    else:
        default = forms["full"]
    if style in ("first_only", "last_only") and not person_name(default):
        default = forms["full"]  # a lone word that reads as something else ("Palau")
    return {name: value.strip() for name, value in {**forms, "default": default}.items()}


def _sample_person(faker: Faker, rng: random.Random, locale: str) -> str:
    return _person_forms(faker, rng, locale)["default"]


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
    forms=_person_forms,
    cues=("name", "dear", "hi", "hello", "holder", "patient", "contact", "customer", "from", "signed", "mr"),
)
