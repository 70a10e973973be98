"""STREET_ADDRESS: postal addresses in each locale's format, single- or multi-line.

Each sampler draws only from the seeded ``faker`` and the ``rng`` it is given. Each type's record
(:class:`~piilora.entities.base.EntityGenerator`) is written out once, at the end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from piilora.entities.base import EntityGenerator
from piilora.entities.builtin.common import (
    clean,
    contexts,
    foreign_faker,
    pick,
    random_chars,
    random_digits,
    read_json,
    weighted,
)
from piilora.safety.parsers import word_tuple
from piilora.safety.shapes import street_address_shape

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["STREET_ADDRESS"]


# --------------------------------------------------------------------------- STREET_ADDRESS

#: Street and place names (``address.json``): real towns with their postcode districts, so town
#: and postcode agree.
_PLACES = read_json("address.json")
_US_STREETS: tuple[str, ...] = tuple(_PLACES["us_streets"])
_US_SUFFIXES: tuple[str, ...] = tuple(_PLACES["us_suffixes"])
_US_CITIES: tuple[tuple[str, str], ...] = tuple((city, state) for city, state in _PLACES["us_cities"])
_GB_STREETS: tuple[str, ...] = tuple(_PLACES["gb_streets"])
_GB_TOWNS: tuple[tuple[str, tuple[str, ...]], ...] = tuple((town, tuple(codes)) for town, codes in _PLACES["gb_towns"])
_GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward code
_FR_CITIES: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (city, tuple(codes)) for city, codes in _PLACES["fr_cities"]
)
_ES_STREETS: tuple[str, ...] = tuple(_PLACES["es_streets"])
_IT_STREETS: tuple[str, ...] = tuple(_PLACES["it_streets"])


def _house_number(rng: random.Random, hi: int = 200) -> int:
    """Small numbers are the most common, but not overwhelmingly so."""
    band = weighted(rng, ((9, 35), (30, 30), (99, 22), (hi, 13)))
    return rng.randint(1, max(1, min(band, hi)))


def _address_en_us(faker: Faker, rng: random.Random) -> str:
    digits = weighted(rng, ((1, 15), (2, 25), (3, 35), (4, 22), (5, 3)))
    num = str(rng.randint(10 ** (digits - 1), 10**digits - 1))
    curated = f"{pick(rng, _US_STREETS)} {pick(rng, _US_SUFFIXES)}"
    street = curated if rng.random() < 0.5 else faker.street_name()
    if rng.random() < 0.15:
        street = f"{pick(rng, ('N', 'S', 'E', 'W', 'North', 'West'))} {street}"
    if rng.random() < 0.6:
        city, state = pick(rng, _US_CITIES)
    else:
        city, state = faker.city(), faker.state_abbr(include_territories=False)
    zipcode = faker.zipcode_in_state(state)
    if rng.random() < 0.15:
        zipcode = f"{zipcode}-{random_digits(rng, 4)}"
    sec = faker.secondary_address() if rng.random() < 0.3 else ""
    line1 = f"{num} {street}"
    last = f"{city}, {state} {zipcode}"
    style = weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("sec_inline", 10)))
    if style == "street":
        return f"{line1}, {sec}" if sec else line1
    if style == "multi":
        return "\n".join(p for p in (line1, sec, last) if p)
    if style == "sec_inline" and sec:
        return f"{line1} {sec}, {last}"
    return f"{line1}, {last}"


def _address_en_gb(faker: Faker, rng: random.Random) -> str:
    street = pick(rng, _GB_STREETS) if rng.random() < 0.5 else faker.street_name()
    if rng.random() < 0.6:
        town, districts = pick(rng, _GB_TOWNS)
        inward = f"{rng.randint(0, 9)}{random_chars(rng, _GB_INWARD_LETTERS, 2)}"
        postcode = f"{pick(rng, districts)} {inward}"
    else:
        town, postcode = faker.city(), faker.postcode()
    line1 = f"{_house_number(rng, 250)} {street}"
    flat = f"Flat {rng.randint(1, 40)}{pick(rng, ('', '', 'A', 'B'))}" if rng.random() < 0.2 else ""
    style = weighted(rng, (("street", 15), ("one", 35), ("one_comma", 15), ("multi", 30), ("multi_upper", 5)))
    if style == "street":
        return f"{flat}, {line1}" if flat else line1
    if style == "one":
        return ", ".join(p for p in (flat, line1, f"{town} {postcode}") if p)
    if style == "one_comma":
        return ", ".join(p for p in (flat, line1, town, postcode) if p)
    town_line = town.upper() if style == "multi_upper" else town
    return "\n".join(p for p in (flat, line1, town_line, postcode) if p)


def _address_de_de(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    if rng.random() < 0.2 and street.endswith("straße"):
        street = street[: -len("straße")] + "str."
    num = f"{_house_number(rng, 180)}{pick(rng, ('',) * 8 + ('a', 'b', 'c'))}"
    plz, city = faker.postcode(), faker.city()
    line1 = f"{street} {num}"
    extra = pick(rng, ("c/o Schmidt", "3. OG", "Hinterhaus", "Wohnung 12", "Zimmer 4")) if rng.random() < 0.08 else ""
    style = weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("d_prefix", 5), ("country", 5)))
    if style == "street":
        return line1
    if style == "one":
        return ", ".join(p for p in (line1, extra, f"{plz} {city}") if p)
    if style == "d_prefix":
        return f"{line1}, D-{plz} {city}"
    lines = [line1, extra, f"{plz} {city}"]
    if style == "country":
        lines.append("Deutschland")
    return "\n".join(p for p in lines if p)


def _address_fr_fr(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    num = f"{_house_number(rng, 150)}{pick(rng, ('',) * 10 + (' bis', ' ter'))}"
    if rng.random() < 0.5:
        city, codes = pick(rng, _FR_CITIES)
        cp = pick(rng, codes)
    else:
        city, cp = faker.city(), faker.postcode()
    extra = ""
    if rng.random() < 0.12:
        extra = pick(rng, ("Bâtiment B", "Appartement 12", "Résidence les Tilleuls", "3e étage", "Esc. A"))
    comma = pick(rng, (" ", ", "))
    line1 = f"{num}{comma}{street}"
    style = weighted(rng, (("street", 20), ("one", 40), ("multi", 25), ("multi_upper", 15)))
    if style == "street":
        return line1
    if style == "one":
        return ", ".join(p for p in (extra, line1, f"{cp} {city}") if p)
    city_line = f"{cp} {city.upper()}" if style == "multi_upper" else f"{cp} {city}"
    return "\n".join(p for p in (extra, line1, city_line) if p)


def _address_es_es(faker: Faker, rng: random.Random) -> str:
    street = pick(rng, _ES_STREETS) if rng.random() < 0.4 else faker.street_name()
    if rng.random() < 0.25:
        street = street.replace("Calle ", "C/ ").replace("Avenida ", "Avda. ")
    num = str(_house_number(rng, 220))
    floor = ""
    if rng.random() < 0.45:
        floor = pick(
            rng,
            (
                f"{rng.randint(1, 9)}º {pick(rng, 'ABCD')}",
                f"{rng.randint(1, 8)}º {rng.randint(1, 4)}ª",
                "Bajo A",
            ),
        )
    cp, city = faker.postcode(), faker.city()
    line1 = f"{street}, {num}" if rng.random() < 0.6 else f"{street} {num}"
    style = weighted(rng, (("street", 20), ("one", 45), ("multi", 35)))
    if style == "street":
        return ", ".join(p for p in (line1, floor) if p)
    if style == "one":
        return ", ".join(p for p in (line1, floor, f"{cp} {city}") if p)
    return "\n".join(p for p in (", ".join(p for p in (line1, floor) if p), f"{cp} {city}") if p)


def _it_cap_city_province(faker: Faker) -> tuple[str, str, str]:
    """A matching (CAP, city, province) triple.

    Faker's it_IT ``city()`` draws from a list built out of a ``set``, so its order (and
    the drawn city) changes with ``PYTHONHASHSEED``; ``postcode_city_province()`` draws
    from ordered data, and its city also agrees with the CAP.
    """
    text = faker.postcode_city_province()  # "56032, Anconetta (PZ)"
    cap, _, rest = text.partition(", ")
    city, _, prov = rest.rpartition(" (")
    return cap, city, prov.rstrip(")")


def _address_it_it(faker: Faker, rng: random.Random) -> str:
    street = pick(rng, _IT_STREETS) if rng.random() < 0.4 else faker.street_name()
    num = f"{_house_number(rng, 200)}{pick(rng, ('',) * 8 + ('/A', '/B', 'bis'))}"
    cap, city, prov = _it_cap_city_province(faker)
    line1 = f"{street}, {num}" if rng.random() < 0.6 else f"{street} {num}"
    style = weighted(rng, (("street", 20), ("one_paren", 25), ("one_dash", 15), ("one_plain", 10), ("multi", 30)))
    if style == "street":
        return line1
    if style == "one_paren":
        return f"{line1}, {cap} {city} ({prov})"
    if style == "one_dash":
        return f"{line1} - {cap} {city} ({prov})"
    if style == "one_plain":
        return f"{line1}, {cap} {city} {prov}"
    return f"{line1}\n{cap} {city} ({prov})"


def _address_nl_nl(faker: Faker, rng: random.Random) -> str:
    street = faker.street_name()
    num = f"{_house_number(rng, 300)}{pick(rng, ('',) * 8 + ('A', 'B', '-2', '-1', ' hs', '-III'))}"
    pc = faker.postcode().replace(" ", "")
    pc = f"{pc[:4]} {pc[4:]}" if rng.random() < 0.75 else pc
    city = faker.city()
    line1 = f"{street} {num}"
    style = weighted(rng, (("street", 20), ("one", 40), ("multi", 30), ("multi_upper", 10)))
    if style == "street":
        return line1
    if style == "one":
        return f"{line1}, {pc} {city}"
    return f"{line1}\n{pc} {city.upper() if style == 'multi_upper' else city}"


_ADDRESS_BY_LOCALE: dict[str, Callable[[Faker, random.Random], str]] = {
    "en_US": _address_en_us,
    "en_GB": _address_en_gb,
    "de_DE": _address_de_de,
    "fr_FR": _address_fr_fr,
    "es_ES": _address_es_es,
    "it_IT": _address_it_it,
    "nl_NL": _address_nl_nl,
}


#: Faker locales whose own address format is drawn beside the text's locale (people write to and
#: from everywhere): Latin-script formats Faker renders as a multi-line postal address.
_FOREIGN_LOCALES: tuple[str, ...] = (
    "pl_PL", "fi_FI", "hu_HU", "sv_SE", "da_DK", "no_NO", "cs_CZ", "pt_PT", "pt_BR", "en_AU", "en_CA",
    "en_IE", "en_NZ", "de_AT", "de_CH", "fr_CH", "es_MX", "ro_RO", "sk_SK", "hr_HR", "nl_BE", "fr_BE",
)  # fmt: skip
_FOREIGN_P = 0.12
_COUNTRY_LINE_P = 0.1
_MILITARY_ZIPS = {"AE": (9000, 9899), "AP": (96200, 96699), "AA": (34000, 34099)}


def _us_special(faker: Faker, rng: random.Random) -> str:
    """A US PO box, military (PSC/Unit/ship with APO, FPO or DPO) or street-corner address."""
    kind = weighted(rng, (("po_box", 45), ("military", 40), ("corner", 15)))
    if kind == "corner":
        return f"{faker.street_name()} and {faker.street_name()}"
    if kind == "po_box":
        city, state = pick(rng, _US_CITIES)
        box = pick(rng, ("PO Box", "P.O. Box", "POB", "Post Office Box"))
        sep = pick(rng, ("\n", ", "))
        return f"{box} {rng.randint(1, 99999)}{sep}{city}, {state} {faker.zipcode_in_state(state)}"
    state = pick(rng, tuple(sorted(_MILITARY_ZIPS)))
    lo, hi = _MILITARY_ZIPS[state]
    first = weighted(
        rng,
        (
            (f"PSC {rng.randint(1, 9999)}, Box {rng.randint(1, 9999)}", 40),
            (f"Unit {rng.randint(1000, 9999)} Box {rng.randint(1, 9999)}", 40),
            (f"USS {faker.last_name()}", 20),
        ),
    )
    office = "FPO" if first.startswith("USS") else pick(rng, ("APO", "APO", "DPO"))
    sep = pick(rng, ("\n", "\n", ", "))
    return f"{first}{sep}{office} {state} {rng.randint(lo, hi):05d}"


def _sample_address(faker: Faker, rng: random.Random, locale: str) -> str:
    roll = rng.random()
    if roll < _FOREIGN_P:
        text = foreign_faker(pick(rng, _FOREIGN_LOCALES), rng).address().strip()
        if rng.random() < 0.3:
            text = text.replace("\n", ", ")
    elif locale == "en_US" and roll < _FOREIGN_P + 0.08:
        text = _us_special(faker, rng)
    else:
        builder = _ADDRESS_BY_LOCALE.get(locale)
        if builder is None:  # an unknown locale: Faker's own format
            return faker.address().strip()
        text = builder(faker, rng).strip()
        if "\n" in text and locale in _COUNTRY_NAMES and rng.random() < _COUNTRY_LINE_P:
            text += "\n" + pick(rng, _COUNTRY_NAMES[locale])
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "en_US": ("USA", "United States"),
    "en_GB": ("United Kingdom", "UK"),
    "de_DE": ("Deutschland", "Germany"),
    "fr_FR": ("France",),
    "es_ES": ("España", "Spain"),
    "it_IT": ("Italia", "Italy"),
    "nl_NL": ("Nederland", "The Netherlands"),
}


def _address_forms(faker: Faker, rng: random.Random, locale: str) -> dict[str, str]:
    """An address as drawn (``default``), as a multi-line block (``multi``) and on one line (``line``)."""
    default = _sample_address(faker, rng, locale)
    multi = default
    for _ in range(8):
        if "\n" in multi:
            break
        multi = _sample_address(faker, rng, locale)
    else:
        multi = multi.replace(", ", "\n")
    line = default if "\n" not in default and "," in default else multi.replace("\n", ", ")
    return {"default": default, "multi": multi, "line": line}


def _sample_address_default(faker: Faker, rng: random.Random, locale: str) -> str:
    return _address_forms(faker, rng, locale)["default"]


# --------------------------------------------------------------------------- records

STREET_ADDRESS = EntityGenerator(
    entity_type="STREET_ADDRESS",
    sample=clean(_sample_address_default),
    forms=_address_forms,
    contexts=contexts("STREET_ADDRESS"),
    description="A postal/street address in the locale's format, single- or multi-line.",
    shape=street_address_shape,
    field_names=word_tuple(
        "address street street_address home_address mailing_address adresse anschrift dirección "
        "direccion indirizzo adres"
    ),
    cues=("address", "ship to", "deliver", "lives at", "adresse", "dirección", "straße"),
)
