"""DATE_OF_BIRTH and DATE: birth dates (1930-2010) and other dates tied to a person (an admission,
a visit, a death: 2013-2027), in numeric and spelled-out, localized formats.

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import calendar
import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import birth_date, clean, contexts, weighted
from piilora.months import MONTH_ABBR, MONTHS, WEEKDAYS
from piilora.safety.parsers import word_tuple
from piilora.safety.rules import find_birth_dates
from piilora.safety.shapes import date_of_birth_shape, date_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["DATE", "DATE_OF_BIRTH", "format_date", "native_date", "partial_date"]


# --------------------------------------------------------------------------- DATE_OF_BIRTH


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def native_date(rng: random.Random, locale: str, y: int, m: int, d: int) -> str:
    """A date format native to ``locale``."""
    lang = locale[:2]
    month = MONTHS.get(lang, MONTHS["en"])[m - 1]
    abbr = MONTH_ABBR.get(lang, MONTH_ABBR["en"])[m - 1]
    en = MONTHS["en"][m - 1]
    options: dict[str, tuple[tuple[str, float], ...]] = {
        "en_US": (
            (f"{m:02d}/{d:02d}/{y}", 30),
            (f"{m}/{d}/{y}", 20),
            (f"{en} {d}, {y}", 20),
            (f"{en[:3]} {d}, {y}", 10),
            (f"{m:02d}-{d:02d}-{y}", 8),
            (f"{en} {_ordinal(d)}, {y}", 5),
            (f"{m}/{d}/{y % 100:02d}", 7),
        ),
        "en_GB": (
            (f"{d:02d}/{m:02d}/{y}", 35),
            (f"{d} {en} {y}", 20),
            (f"{_ordinal(d)} {en} {y}", 12),
            (f"{d} {en[:3]} {y}", 12),
            (f"{d:02d}-{m:02d}-{y}", 8),
            (f"{d}/{m}/{y}", 8),
            (f"{d:02d}.{m:02d}.{y}", 5),
        ),
        "de_DE": (
            (f"{d:02d}.{m:02d}.{y}", 45),
            (f"{d}.{m}.{y}", 15),
            (f"{d}. {month} {y}", 25),
            (f"{d:02d}.{m:02d}.{y % 100:02d}", 8),
            (f"{d}. {abbr} {y}", 7),
        ),
        "fr_FR": (
            (f"{d:02d}/{m:02d}/{y}", 50),
            (f"{'1er' if d == 1 else d} {month} {y}", 30),
            (f"{d:02d}-{m:02d}-{y}", 8),
            (f"{d:02d}.{m:02d}.{y}", 5),
            (f"{d} {abbr} {y}", 7),
        ),
        "es_ES": (
            (f"{d:02d}/{m:02d}/{y}", 45),
            (f"{d} de {month} de {y}", 30),
            (f"{d}/{m}/{y}", 10),
            (f"{d:02d}-{m:02d}-{y}", 10),
            (f"{d} {abbr} {y}", 5),
        ),
        "it_IT": (
            (f"{d:02d}/{m:02d}/{y}", 50),
            (f"{d} {month} {y}", 30),
            (f"{d}/{m}/{y}", 8),
            (f"{d:02d}-{m:02d}-{y}", 7),
            (f"{d:02d}.{m:02d}.{y}", 5),
        ),
        "nl_NL": (
            (f"{d:02d}-{m:02d}-{y}", 45),
            (f"{d} {month} {y}", 30),
            (f"{d}-{m}-{y}", 10),
            (f"{d:02d}/{m:02d}/{y}", 10),
            (f"{d} {abbr} {y}", 5),
        ),
    }
    return weighted(rng, options.get(locale, options["en_US"]))


def format_date(rng: random.Random, locale: str, y: int, m: int, d: int) -> str:
    """The date ``y-m-d`` written in one of the formats people use in ``locale`` (65%: the
    locale's own) or in an international one (ISO 8601, ``14-MAR-1985``...)."""
    en = MONTHS["en"][m - 1]
    if rng.random() < 0.65:
        return native_date(rng, locale, y, m, d)
    return weighted(
        rng,
        (
            (f"{y}-{m:02d}-{d:02d}", 40),  # ISO 8601, forms and logs
            (f"{d} {en} {y}", 12),
            (f"{en} {d}, {y}", 12),
            (f"{y}/{m:02d}/{d:02d}", 6),
            (f"{d:02d}-{en[:3].upper()}-{y}", 5),  # 14-MAR-1985
            (f"{y}{m:02d}{d:02d}", 4),
            (f"{d:02d}/{m:02d}/{y}", 11),
            (f"{en[:3]} {d} {y}", 5),
            (f"{y}-{m:02d}-{d:02d}T00:00:00Z", 2),
            (f"{d} {en[:3]}. {y}", 3),
        ),
    )


def _sample_dob(faker: Faker, rng: random.Random, locale: str) -> str:
    return format_date(rng, locale, *birth_date(rng))


# --------------------------------------------------------------------------- DATE


#: Weekday abbreviations as each language writes them before a date, Monday first.
_WEEKDAY_ABBR: dict[str, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "de": ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "es": ("lun.", "mar.", "miér.", "jue.", "vie.", "sáb.", "dom."),
    "it": ("lun", "mar", "mer", "gio", "ven", "sab", "dom"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
}
#: Share of DATE values written without their year, as people write the dates of their own week
#: or year ("Thu 14 Nov", "Monday 14th", "Do., 14.11.", "jeudi 3 avril"): the share the ``DATE``
#: filler (a non-PII date) has too, so a date's form tells the model nothing; its context decides.
_NO_YEAR_P = 0.25


#: Weekday names by language, Monday first, Sunday included (``WEEKDAYS`` leaves English
#: abbreviations in and Spanish "domingo" out, for the rules).
_WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    **WEEKDAYS,
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": (*WEEKDAYS["es"], "domingo"),
}


def partial_date(rng: random.Random, locale: str, y: int, m: int, d: int) -> str:
    """``y-m-d`` without its year, in a form people of ``locale`` write (a day and month, with or
    without the weekday, or a day alone as an ordinal): a digit always, so :func:`date_shape` holds."""
    lang = locale[:2] if locale[:2] in MONTHS else "en"
    month, abbr = MONTHS[lang][m - 1], MONTH_ABBR[lang][m - 1]
    weekday = calendar.weekday(y, m, d)
    day, short = _WEEKDAY_NAMES[lang][weekday], _WEEKDAY_ABBR[lang][weekday]
    en = MONTHS["en"][m - 1]
    options: dict[str, tuple[tuple[str, float], ...]] = {
        "en_US": (
            (f"{en} {d}", 25), (f"{en[:3]} {d}", 12), (f"{day}, {en} {d}", 12), (f"{short} {m}/{d}", 8),
            (f"{m}/{d}", 12), (f"{en} {_ordinal(d)}", 8), (f"the {_ordinal(d)}", 8), (f"{day} the {_ordinal(d)}", 5),
            (f"{short} {_ordinal(d)}", 5), (f"{short}, {en[:3]} {d}", 5),
        ),
        "en_GB": (
            (f"{d} {en}", 25), (f"{d} {en[:3]}", 12), (f"{day} {d} {en}", 12), (f"{short} {d} {en[:3]}", 10),
            (f"{d}/{m}", 8), (f"{_ordinal(d)} {en}", 8), (f"the {_ordinal(d)}", 8), (f"{day} {_ordinal(d)}", 7),
            (f"{short} {_ordinal(d)}", 5), (f"{day} the {_ordinal(d)}", 3),
        ),
        "de": (
            (f"{d:02d}.{m:02d}.", 25), (f"{d}.{m}.", 10), (f"{short}, {d:02d}.{m:02d}.", 15), (f"{d}. {month}", 25),
            (f"{day}, {d}. {month}", 15), (f"{day}, den {d}. {month}", 5), (f"{d}. {abbr}", 5),
        ),
        "fr": (
            (f"{'1er' if d == 1 else d} {month}", 40), (f"{day} {'1er' if d == 1 else d} {month}", 25),
            (f"{d:02d}/{m:02d}", 20), (f"{short} {d} {abbr}", 10), (f"{d} {abbr}", 5),
        ),
        "es": (
            (f"{d} de {month}", 45), (f"{day} {d} de {month}", 20), (f"{d}/{m:02d}", 15), (f"{d} {abbr}", 10),
            (f"{short} {d} {abbr}", 10),
        ),
        "it": (
            (f"{d} {month}", 45), (f"{day} {d} {month}", 20), (f"{d:02d}/{m:02d}", 15), (f"{d} {abbr}", 10),
            (f"{short} {d} {abbr}", 10),
        ),
        "nl": (
            (f"{d} {month}", 45), (f"{day} {d} {month}", 20), (f"{d}-{m}", 10), (f"{d} {abbr}", 10),
            (f"{short} {d} {abbr}", 15),
        ),
    }  # fmt: skip
    key = locale if locale in options else lang if lang in options else "en_GB"
    return weighted(rng, options[key])


def _sample_date(faker: Faker, rng: random.Random, locale: str) -> str:
    """A recent date (2013-2027, most in the last few years): too recent for the birth-date rule;
    ``_NO_YEAR_P`` of them without the year."""
    y = min(2027, int(rng.triangular(2013, 2028, 2025)))
    m = rng.randint(1, 12)
    d = rng.randint(1, calendar.monthrange(y, m)[1])
    if rng.random() < _NO_YEAR_P:
        return partial_date(rng, locale, y, m, d)
    return format_date(rng, locale, y, m, d)


# --------------------------------------------------------------------------- records

DATE_OF_BIRTH = EntityGenerator(
    entity_type="DATE_OF_BIRTH",
    sample=clean(_sample_dob),
    contexts=contexts("DATE_OF_BIRTH"),
    description="A birth date (1930-2010) in numeric or spelled-out, localized formats.",
    shape=date_of_birth_shape,
    field_names=word_tuple(
        "dob date_of_birth birth_date birthdate birthday born geburtsdatum date_de_naissance "
        "fecha_de_nacimiento fecha_nacimiento f._nacimiento nacimiento data_di_nascita geboortedatum date_naissance"
    ),
    cues=("dob", "birth", "born", "geboren", "né", "nacimiento", "nascita"),
    rule=RuleDetector(find_birth_dates),  # an old full date: privacy first (switch off per type)
    worded=True,  # "3. März 1985", "3 mars 1985": in the template's language
)

DATE = EntityGenerator(
    entity_type="DATE",
    sample=clean(_sample_date),
    contexts=contexts("DATE"),
    description=(
        "A date tied to a person other than the birth date (admission, discharge, visit, death, appointment, "
        "surgery, hire), in numeric or spelled-out, localized formats."
    ),
    shape=date_shape,
    field_names=word_tuple(
        "admission_date admitted discharge_date discharged visit_date date_of_visit date_of_service service_date "
        "encounter_date appointment_date date_of_death death_date dod surgery_date procedure_date hire_date "
        "date_of_hire termination_date aufnahmedatum entlassungsdatum sterbedatum date_d_admission "
        "date_de_deces fecha_de_ingreso fecha_de_alta data_di_ricovero data_di_dimissione opnamedatum"
    ),
    cues=(
        "admitted",
        "discharged",
        "visit",
        "died",
        "deceased",
        "appointment",
        "seen on",
        "surgery",
        "hired",
        "aufgenommen",
        "entlassen",
        "verstorben",
        "termin",
        "hospitalisé",
        "décédé",
        "ingresado",
        "alta",
        "ricoverato",
        "dimesso",
        "opgenomen",
        "overleden",
    ),
    worded=True,  # "jeudi 3 avril", "Do., 14.11.": in the template's language
)
