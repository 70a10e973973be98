"""LOCATION, POSTAL_CODE, DATE and AGE: the types that context decides (issue 23)."""

from __future__ import annotations

import random
import re

import faker
import pytest

from piilora import plugins
from piilora.entities.base import DEFAULT_LOCALES, EntityGenerator
from piilora.entities.builtin.places import POSTAL_CODE_RES
from piilora.safety import SafetyNet
from piilora.safety.rules import find_ages, find_birth_dates
from piilora.types import Span

TYPES = ("LOCATION", "POSTAL_CODE", "DATE", "AGE")
N = 200


@pytest.fixture(scope="module")
def generators() -> dict[str, EntityGenerator]:
    return plugins.entity_generators(plugins.create_plugin_manager(autoload=False))


@pytest.fixture(scope="module")
def net() -> SafetyNet:
    return SafetyNet.from_plugins(plugins.create_plugin_manager(autoload=False))


def _draw(gen: EntityGenerator, locale: str, seed: int = 0, n: int = N) -> list[str]:
    fk = faker.Faker(locale)
    fk.seed_instance(seed)
    rng = random.Random(seed + 1)
    return [gen.sample(fk, rng, locale) for _ in range(n)]


def _found(find, text: str) -> list[str]:
    return [text[a:b] for a, b in find(text)]


# --------------------------------------------------------------------------- generators


@pytest.mark.parametrize("name", TYPES)
@pytest.mark.parametrize("locale", DEFAULT_LOCALES)
def test_values_pass_their_shape_and_repeat_with_the_seed(generators, name, locale):
    gen = generators[name]
    assert gen.supports(locale)
    values = _draw(gen, locale)
    assert values == _draw(gen, locale)
    assert values != _draw(gen, locale, seed=7)
    assert all(v and v == v.strip() and gen.shape(v) for v in values), [v for v in values if not gen.shape(v)][:3]
    assert len(set(values)) >= N // 10


@pytest.mark.parametrize("name", TYPES)
def test_records_are_complete(generators, name):
    gen = generators[name]
    assert gen.description and len(gen.contexts) >= 12
    assert gen.field_names and gen.cues and all(c == c.lower() for c in gen.cues)
    assert (gen.rule is not None) is (name in ("POSTAL_CODE", "AGE"))
    assert gen.rule is None or not gen.rule.verified


@pytest.mark.parametrize("locale", DEFAULT_LOCALES)
def test_postal_codes_are_valid_for_their_locale(generators, locale):
    for value in _draw(generators["POSTAL_CODE"], locale):
        assert re.fullmatch(POSTAL_CODE_RES[locale], value), (locale, value)


def test_locations_include_towns_regions_and_places_abroad(generators):
    values = {v for locale in DEFAULT_LOCALES for v in _draw(generators["LOCATION"], locale)}
    assert {"Tromsø", "Kraków"} & values
    assert any(v.endswith(" County") for v in values)
    assert any(", " in v for v in values)
    assert not any(re.search(r"\d", v) for v in values)


def test_dates_are_recent_so_the_birth_date_rule_leaves_them(generators):
    for locale in DEFAULT_LOCALES:
        for value in _draw(generators["DATE"], locale, n=100):
            years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", value)]
            assert not years or 2013 <= years[0] <= 2027, value
            assert not list(find_birth_dates(f"admitted {value}")), value


def test_dates_come_with_and_without_their_year_in_each_locales_words(generators):
    """A person's dates are often written without the year ("Thu 14 Nov", "jeudi 3 avril"): the
    model sees those as PII in context, not only the fillers' partial dates as non-PII."""
    values = {locale: _draw(generators["DATE"], locale, n=300) for locale in DEFAULT_LOCALES}
    for locale, vs in values.items():
        no_year = [v for v in vs if not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", v)]
        assert 0.15 * len(vs) <= len(no_year) <= 0.4 * len(vs), (locale, len(no_year))
    months = {
        "en_US": "January February March April May June July August September October November December",
        "de_DE": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
        "fr_FR": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    }
    for locale, words in months.items():
        assert any(set(v.split()) & set(words.split()) for v in values[locale]), locale
    assert any(re.fullmatch(r"(?:Mo|Di|Mi|Do|Fr|Sa|So)\., \d\d\.\d\d\.", v) for v in values["de_DE"])
    assert any(re.fullmatch(r"the \d{1,2}(?:st|nd|rd|th)", v) for v in values["en_GB"])
    assert any(v.split()[0] in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
               for v in values["fr_FR"])  # fmt: skip


def test_a_dates_weekday_is_the_true_one():
    from piilora.entities.builtin.dates import partial_date

    rng = random.Random(3)
    seen = {partial_date(rng, "en_GB", 2025, 11, 14) for _ in range(400)}  # a Friday
    assert {"Friday 14 November", "Fri 14 Nov", "Friday 14th"} <= seen
    assert not any(day in v for v in seen for day in ("Mon", "Tue", "Wed", "Thu", "Sat", "Sun"))


def test_towns_of_locales_whose_faker_invents_them_are_real(generators):
    """Faker's en_US, en_GB and fr_FR ``city()`` invent names ("West Davidmouth"): the model would
    learn that a town looks like one."""
    from faker.providers.geo import Provider

    real = {name for _, _, name, _, _ in Provider.land_coords}
    for locale in ("en_US", "en_GB", "fr_FR"):
        fk = faker.Faker(locale)
        fk.seed_instance(5)
        invented = {fk.city() for _ in range(3000)} - real
        values = _draw(generators["LOCATION"], locale, n=300)
        towns = {v.partition(", ")[0] for v in values}
        assert not towns & invented, (locale, sorted(towns & invented)[:5])
    assert len({v for locale in DEFAULT_LOCALES for v in _draw(generators["LOCATION"], locale)}) >= 600


def test_ages_come_bare_or_with_the_locales_unit(generators):
    values = {locale: _draw(generators["AGE"], locale) for locale in DEFAULT_LOCALES}
    assert any(v.isdigit() for v in values["en_US"])
    assert any(v.endswith("-year-old") for v in values["en_US"])
    assert any("Jahre" in v for v in values["de_DE"])
    assert any(v.endswith(" ans") for v in values["fr_FR"])
    assert any("años" in v for v in values["es_ES"])
    assert any("anni" in v for v in values["it_IT"])
    assert any("jaar" in v for v in values["nl_NL"])
    assert any(re.fullmatch(r"\d+[FM]", v) for v in values["en_US"] + values["en_GB"])  # "my (28F) boyfriend"
    assert any(re.fullmatch(r"\d0s", v) for v in values["en_US"] + values["en_GB"])  # "in her 60s"
    assert all(0 <= int(re.search(r"\d+", v).group()) <= 120 for vs in values.values() for v in vs)


# --------------------------------------------------------------------------- AGE rule


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Patient is a 47-year-old woman with asthma.", "47-year-old"),
        ("aged 93, lives alone", "93"),
        ("Age: 47", "47"),
        ("age 47 at diagnosis", "47"),
        ("47 y/o male, chest pain", "47 y/o"),
        ("Pt 47 yo M", "47 yo"),
        ("He is 81 years old.", "81 years old"),
        ("Die Patientin ist 47 Jahre alt.", "47 Jahre alt"),
        ("eine 47-jährige Patientin", "47-jährige"),
        ("Alter: 47", "47"),
        ("Il a 47 ans.", "47 ans"),
        ("âgée de 47 ans", "47 ans"),
        ("Tiene 47 años.", "47 años"),
        ("paciente de 47 años de edad", "47 años de edad"),
        ("Ha 47 anni.", "47 anni"),
        ("età: 47 anni", "47 anni"),
        ("hij is 47 jaar oud", "47 jaar oud"),
        ("leeftijd: 0", "0"),
        ("aged 104", "104"),
    ],
)
def test_the_age_rule_finds_ages(text, age):
    assert _found(find_ages, text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "a 47-year mortgage at 3.1%",
        "we have been trading for 47 years",
        "order 47 shipped, invoice #47",
        "price: $47, total 47.00 EUR",
        "meeting at 10:47, room 47",
        "aged 130",  # no one is
        "a 30-year-old building in the old town",
        "a 12-year-old whisky",
        "il y a 20 ans, la ville comptait 47 habitants",
        "Cache-Control: max-age=60",
        "page 47, stage 4",
        "cheese aged 18 months",
        "47 Main Street, Springfield",
        "version 4.47 released",
    ],
)
def test_the_age_rule_leaves_look_alikes(text):
    assert _found(find_ages, text) == []


# --------------------------------------------------------------------------- POSTAL_CODE rule


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("new postcode 80331, same phone", "80331"),
        ("ZIP 94103-1234", "94103-1234"),
        ("zip code: 02139", "02139"),
        ("Post code: SW1A 1AA", "SW1A 1AA"),
        ("PLZ 10115 Berlin", "10115"),
        ("Postleitzahl: 20095", "20095"),
        ("code postal : 75008", "75008"),
        ("CP 28013 Madrid", "28013"),
        ("código postal 08001", "08001"),
        ("CAP 00184 Roma", "00184"),
        ("postcode 1012 AB", "1012 AB"),
        ("postcode: 3511LX", "3511LX"),
        ("Swiss PLZ 8001", "8001"),
    ],
)
def test_the_postcode_rule_finds_codes_after_a_cue(generators, text, code):
    assert _found(generators["POSTAL_CODE"].rule.find, text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "order 80331 shipped",  # no cue
        "the price cap is 50000 EUR",  # ``cap`` in lower case is no cue
        "75008",
        "zip file of 120 MB, 12345678 bytes",
        "call at 10:15, postcode lookup failed",
        "ZIP archive 2024-03-01",
    ],
)
def test_the_postcode_rule_leaves_look_alikes(generators, text):
    assert _found(generators["POSTAL_CODE"].rule.find, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ship to: Hauptstr. 5, PLZ 80331 München",
        "Address: 12 High Street, London, postcode SW1A 1AA",
        "Mailing address: 1600 Pennsylvania Ave NW, Washington, DC, ZIP 20500-0003",
    ],
)
def test_a_postcode_inside_a_full_address_stays_the_addresss(net, text):
    start = text.index(": ") + 2
    spans = net.apply(text, [Span(start, len(text), "STREET_ADDRESS", source="model")])
    assert [(s.entity_type, s.start, s.end) for s in spans] == [("STREET_ADDRESS", start, len(text))]
    alone = net.apply(text, [])  # without the model's address the code is still masked
    assert [s.entity_type for s in alone] == ["POSTAL_CODE"]


def test_age_and_postcode_rules_in_the_safety_net(net):
    text = "A 47-year-old from postcode 80331 was admitted; a 30-year mortgage is not an age."
    assert [(s.entity_type, text[s.start : s.end]) for s in net.apply(text, [])] == [
        ("AGE", "47-year-old"),
        ("POSTAL_CODE", "80331"),
    ]


def test_table_columns_type_ages_dates_towns_and_codes(net):
    text = (
        "patient_id,age,home_city,zip,admission_date\n"
        "12,47,Bergen,80331,2024-03-01\n"
        '13,N/A,"Springfield, IL",94103-1234,12/04/2025'
    )
    masked = [(s.entity_type, text[s.start : s.end]) for s in net.apply(text, [])]
    assert masked == [
        ("AGE", "47"),
        ("LOCATION", "Bergen"),
        ("POSTAL_CODE", "80331"),
        ("DATE", "2024-03-01"),
        ("LOCATION", "Springfield, IL"),
        ("POSTAL_CODE", "94103-1234"),
        ("DATE", "12/04/2025"),
    ]
    sales = "country,city,orders\nSpain,Valencia,290\nItaly,Turin,9"  # a city column of a sales report
    assert net.apply(sales, []) == []


def test_model_spans_of_the_new_types_keep_their_values(net):
    text = "She lives in Tromsø, was admitted on 3 March 2025, aged 47."
    spans = [
        Span(13, 19, "LOCATION", source="model"),
        Span(text.index("3 March"), text.index("3 March") + 12, "DATE", source="model"),
    ]
    out = [(s.entity_type, text[s.start : s.end]) for s in net.apply(text, spans)]
    assert out == [("LOCATION", "Tromsø"), ("DATE", "3 March 2025"), ("AGE", "47")]
