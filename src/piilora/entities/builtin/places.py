"""LOCATION and POSTAL_CODE: where a person lives, was born or is, below the level of a state.

A LOCATION is a town, city, county or region given as a person's place (``lives in Tromsø``,
``born in Kraków``); a POSTAL_CODE is a ZIP or postcode written on its own (``postcode 80331``).
Inside a full postal address both stay part of the STREET_ADDRESS. Each sampler draws only from
the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import clean, contexts, pick, random_digits, weighted
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import location_shape, postal_code_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["LOCATION", "POSTAL_CODE", "POSTAL_CODE_RE", "POSTAL_CODE_RES"]


# --------------------------------------------------------------------------- LOCATION

#: Towns and regions outside the seven default locales (people move, travel and are born abroad).
_ABROAD: tuple[str, ...] = (
    "Tromsø", "Kraków", "Gdańsk", "Bergen", "Porto", "Göteborg", "Aarhus", "Zürich", "Graz", "Brno",
    "Cork", "Gent", "Luzern", "Salzburg", "Tampere", "Coimbra", "Wrocław", "Cluj-Napoca", "Ljubljana",
    "Split", "Thessaloniki", "Izmir", "Québec", "Ontario", "Bavaria", "Tyrol", "Andalusia", "Galway",
    "Antwerpen", "Uppsala", "Malmö", "Odense", "Basel", "Innsbruck", "Debrecen", "Plovdiv", "Kaunas",
)  # fmt: skip

#: US counties (Faker's en_US has none): a county is a subdivision smaller than a state.
_US_COUNTIES: tuple[str, ...] = (
    "Cook County", "Harris County", "Maricopa County", "King County", "Travis County", "Dade County",
    "Orange County", "Wayne County", "Fulton County", "Hennepin County", "Multnomah County",
)  # fmt: skip


def _it_city(faker: Faker) -> str:
    """An Italian town: ``postcode_city_province`` draws from ordered data (``city()`` does not)."""
    rest = faker.postcode_city_province().partition(", ")[2]  # "56032, Anconetta (PZ)"
    return rest.rpartition(" (")[0] or rest


def _town(faker: Faker, locale: str) -> str:
    return _it_city(faker) if locale == "it_IT" else faker.city()


def _region(faker: Faker, rng: random.Random, locale: str) -> str:
    """A county, province, department or region of ``locale`` (smaller than a US state)."""
    if locale == "en_US":
        return pick(rng, _US_COUNTIES)
    if locale == "en_GB":
        return faker.county()
    if locale == "fr_FR":
        return faker.department_name() if rng.random() < 0.6 else faker.region()
    if locale == "es_ES":
        return faker.state() if rng.random() < 0.6 else faker.autonomous_community()
    if locale == "nl_NL":
        return faker.province()
    return faker.state()  # de_DE: a Land; it_IT: a province


def _sample_location(faker: Faker, rng: random.Random, locale: str) -> str:
    kind = weighted(rng, (("town", 62), ("town_region", 10), ("region", 16), ("abroad", 12)))
    if kind == "abroad":
        return pick(rng, _ABROAD)
    if kind == "region":
        return _region(faker, rng, locale)
    town = _town(faker, locale)
    if kind == "town_region":
        if locale == "en_US":
            return f"{town}, {faker.state_abbr(include_territories=False)}"
        return f"{town}, {_region(faker, rng, locale)}"
    return town


# --------------------------------------------------------------------------- POSTAL_CODE

#: The postcode forms of each default locale (a value of the locale matches its pattern whole).
POSTAL_CODE_RES: dict[str, str] = {
    "en_US": r"\d{5}(?:-\d{4})?",
    "en_GB": r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}",
    "de_DE": r"(?:D-)?\d{5}",
    "fr_FR": r"(?:F-)?\d{5}",
    "es_ES": r"(?:E-)?\d{5}",
    "it_IT": r"(?:I-)?\d{5}",
    "nl_NL": r"[1-9]\d{3} ?[A-Z]{2}",
}
#: Any of them, and the four-digit codes of Austria, Switzerland, Belgium, Norway or Denmark.
POSTAL_CODE_RE = (
    r"(?:[A-Z]{1,2}-)?\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[1-9]\d{3}(?: ?[A-Z]{2}(?![A-Za-z]))?"
)
#: Cue words before a postcode, in the seven locales' languages. ``CP``/``CAP`` only in capitals
#: (a price ``cap`` is no cue).
_POSTAL_CUE_RE = (
    r"(?<!\w)(?:post\s*code|postal\s*code|zip(?:\s*code)?|plz|postleitzahl|code\s+postal|c[oó]digo\s+postal"
    r"|cod(?:ice)?\.?\s+postale|c\.a\.p\.|(?-i:CAP|CP|C\.P\.))(?!\w)"
)


def _sample_postcode(faker: Faker, rng: random.Random, locale: str) -> str:
    if locale == "en_US":
        return faker.zipcode_plus4() if rng.random() < 0.2 else faker.zipcode()
    if locale == "nl_NL":
        pc = faker.postcode().replace(" ", "")
        return f"{pc[:4]} {pc[4:]}" if rng.random() < 0.7 else pc
    if locale in ("de_DE", "fr_FR", "es_ES", "it_IT"):
        code = faker.postcode()
        if rng.random() < 0.05:
            return f"{locale[3]}-{code}"  # D-80331, as letters abroad write it
        return code
    if locale == "en_GB":
        return faker.postcode()
    return faker.postcode() if hasattr(faker, "postcode") else random_digits(rng, 5)


# --------------------------------------------------------------------------- records

LOCATION = EntityGenerator(
    entity_type="LOCATION",
    sample=clean(_sample_location),
    contexts=contexts("LOCATION"),
    description=(
        "A town, city, county or region given as where a person lives, was born or is (not a firm's "
        "office or a weather report)."
    ),
    shape=location_shape,
    # only columns that say the place is a person's: a bare ``city`` column is as often a sales
    # report's or a store list's (the prose probe's ``country,city,orders`` tables)
    field_names=word_tuple(
        "place_of_birth birthplace birth_place residence hometown home_town home_city city_of_residence "
        "residence_city place_of_residence wohnort geburtsort lieu_de_naissance lugar_de_nacimiento "
        "luogo_di_nascita woonplaats geboorteplaats"
    ),
    cues=(
        "lives in",
        "living in",
        "born in",
        "resident of",
        "currently in",
        "moved to",
        "wohnt in",
        "geboren in",
        "habite à",
        "né à",
        "vive en",
        "nacido en",
        "vive a",
        "nato a",
        "woont in",
    ),
)

POSTAL_CODE = EntityGenerator(
    entity_type="POSTAL_CODE",
    sample=clean(_sample_postcode),
    contexts=contexts("POSTAL_CODE"),
    description="A ZIP or postcode on its own, in the locale's format (inside a full address it is the address's).",
    shape=postal_code_shape,
    field_names=word_tuple(
        "zip zip_code zipcode postcode post_code postal_code postalcode plz postleitzahl code_postal "
        "codigo_postal código_postal codice_postale cap_residenza"
    ),
    cues=("postcode", "post code", "postal code", "zip", "plz", "postleitzahl", "code postal", "código postal"),
    rule=RuleDetector.cued(POSTAL_CODE_RE, cue_pattern=_POSTAL_CUE_RE, gap=15),
)
