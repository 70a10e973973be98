"""LOCATION and POSTAL_CODE: where a person lives, was born or is, below the level of a state.

A LOCATION is a town, city, county or region given as a person's place (``lives in Tromsø``,
``born in Kraków``); a POSTAL_CODE is a ZIP or postcode written on its own (``postcode 80331``).
Inside a full postal address both stay part of the STREET_ADDRESS. Each sampler draws only from
the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import functools
import random
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator, RuleDetector
from piilora.entities.builtin.common import clean, contexts, foreign_faker, pick, random_digits, weighted
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

#: Faker locales whose ``city()`` names real towns (others invent "West Jasonberg"): a person's
#: town in a text is as often from another country as from the writer's.
_ELSEWHERE: tuple[str, ...] = (
    "pl_PL", "fi_FI", "hu_HU", "sv_SE", "da_DK", "cs_CZ", "pt_PT", "de_AT", "de_CH", "ro_RO", "sk_SK",
    "hr_HR", "nl_BE", "en_IN", "id_ID", "es_AR", "sl_SI", "es_CO",
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


#: Locales whose Faker ``city()`` invents names ("West Davidmouth", "Sainte Patriciadan"): their
#: towns come from Faker's list of real places (``geo.Provider.land_coords``) of the country.
_INVENTED_CITIES: dict[str, str] = {"en_US": "US", "en_GB": "GB", "fr_FR": "FR"}


@functools.cache
def _real_places(country: str | None) -> tuple[str, ...]:
    """Faker's real places of ``country`` (None: of every country); mis-encoded names and city
    districts (``Marseille 11``) left out."""
    from faker.providers.geo import Provider

    return tuple(
        name
        for _, _, name, cc, _ in Provider.land_coords
        if (country is None or cc == country) and "\u201a" not in name and not any(c.isdigit() for c in name)
    )


def _town(faker: Faker, rng: random.Random, locale: str) -> str:
    if locale == "it_IT":
        return _it_city(faker)
    if locale in _INVENTED_CITIES:
        return pick(rng, _real_places(_INVENTED_CITIES[locale]))
    return faker.city()


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
    kind = weighted(rng, (("town", 56), ("town_region", 10), ("region", 14), ("abroad", 10), ("elsewhere", 10)))
    if kind == "abroad":
        return pick(rng, _ABROAD)
    if kind == "elsewhere":  # a town of another country: Faker's real places, or a locale's own towns
        if rng.random() < 0.5:
            return pick(rng, _real_places(None))
        return foreign_faker(pick(rng, _ELSEWHERE), rng).city()
    if kind == "region":
        return _region(faker, rng, locale)
    town = _town(faker, rng, locale)
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
