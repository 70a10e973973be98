"""Non-PII filler values: the hard negatives templates draw with ``{{?NAME}}``.

Every filler is ``fn(faker, rng) -> str``. ``faker`` is seeded (and set to the
example's locale) by the corpus builder; ``rng`` is used for every other choice,
never the global ``random``, so the same seeds always give the same value. Values
never have surrounding whitespace. Fillers look like things a PII masker must
leave alone: order and invoice numbers, versions, timestamps, prices, public
company names, product names, request ids, clinical codes, case numbers...

:data:`NUMERIC_FILLERS` return plain digits only, so JSON templates may use them
unquoted (``"port": {{?PORT}}``).

The word lists (brands, products, countries, departments...) are data:
``filler_words.json`` beside this module, loaded once at import into :data:`WORDS`;
a filler that only draws from one list is a ``_pick(name)`` entry of :data:`FILLERS`.
"""

from __future__ import annotations

import json
import random
import string
import uuid
from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["FILLERS", "NUMERIC_FILLERS", "WORDS", "FillerFn"]

FillerFn = Callable[["Faker", random.Random], str]


def _load_words() -> dict[str, tuple[str, ...]]:
    text = files("piilora.data.template_bank").joinpath("filler_words.json").read_text("utf-8")
    words: dict[str, tuple[str, ...]] = {}
    for name, values in json.loads(text).items():
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise ValueError(f"filler_words.json: {name!r} is not a non-empty list of strings")
        words[name] = tuple(values)
    return words


#: The word lists of ``filler_words.json``, ``name -> values`` (the order matters: fillers
#: pick by index with the seeded ``rng``).
WORDS: dict[str, tuple[str, ...]] = _load_words()

_STRENGTHS = (5, 10, 20, 40, 50, 100, 250, 500, 850, 1000)
_UPPER_DIGITS = string.ascii_uppercase + string.digits


def _pick(name: str) -> FillerFn:
    """A filler that draws one value of the word list ``WORDS[name]``."""
    values = WORDS[name]

    def pick(faker: Faker, rng: random.Random) -> str:
        return rng.choice(values)

    return pick


def _code(rng: random.Random, n: int, alphabet: str = _UPPER_DIGITS) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def _ymd(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)


def order_id(faker: Faker, rng: random.Random) -> str:
    y = rng.randint(2020, 2026)
    return rng.choice(
        (
            f"ORD-{y}-{_digits(rng, 6)}",
            f"#{_digits(rng, 6)}",
            f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
            f"PO-{_digits(rng, 5)}",
            f"SO{_digits(rng, 8)}",
            f"{_code(rng, 4)}-{_code(rng, 4)}",
            f"A{_digits(rng, 9)}",
        )
    )


def invoice_no(faker: Faker, rng: random.Random) -> str:
    y = rng.randint(2020, 2026)
    return rng.choice(
        (
            f"INV-{y}-{rng.randint(1, 9999):04d}",
            f"RE-{y}-{rng.randint(1, 99999):05d}",
            f"F{y}/{rng.randint(1, 9999):04d}",
            f"#INV{rng.randint(1, 99999):05d}",
            f"{y}{rng.randint(1, 12):02d}-{rng.randint(1, 999):03d}",
            f"FAC-{rng.randint(100, 99999)}",
            f"R{_digits(rng, 7)}",
        )
    )


def ticket_id(faker: Faker, rng: random.Random) -> str:
    proj = rng.choice(("OPS", "SUP", "CS", "IT", "SEC", "PAY", "WEB", "INFRA", "HR", "BUG"))
    return rng.choice(
        (
            f"{proj}-{rng.randint(10, 99999)}",
            f"#{rng.randint(1000, 999999)}",
            f"INC{rng.randint(0, 9999999):07d}",
            f"REQ{rng.randint(0, 9999999):07d}",
            f"T-{rng.randint(100, 99999)}",
            f"CASE-{_digits(rng, 6)}",
        )
    )


def version(faker: Faker, rng: random.Random) -> str:
    major, minor, patch = rng.randint(0, 24), rng.randint(0, 40), rng.randint(0, 30)
    return rng.choice(
        (
            f"{major}.{minor}.{patch}",
            f"v{major}.{minor}.{patch}",
            f"{major}.{minor}",
            f"v{major}.{minor}.{patch}-rc.{rng.randint(1, 5)}",
            f"{major}.{minor}.{patch}-beta{rng.randint(1, 9)}",
            f"{rng.randint(2021, 2026)}.{rng.randint(1, 12):02d}.{rng.randint(0, 9)}",
            f"{major}.{minor}.{patch}+build.{rng.randint(1, 999)}",
        )
    )


def timestamp(faker: Faker, rng: random.Random) -> str:
    y, mo, d = _ymd(rng)
    h, mi, s, ms = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)
    mon = WORDS["months"][mo - 1][:3]
    return rng.choice(
        (
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z",
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+0{rng.randint(0, 2)}:00",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{ms:03d}",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"{y}/{mo:02d}/{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"{mon} {d:2d} {h:02d}:{mi:02d}:{s:02d}",
            f"{d:02d}/{mon}/{y}:{h:02d}:{mi:02d}:{s:02d} +0000",
            str(rng.randint(1_550_000_000, 1_800_000_000)),
        )
    )


def date(faker: Faker, rng: random.Random) -> str:
    y, mo, d = _ymd(rng)
    wd = WORDS["weekdays"][rng.randrange(7)]
    return rng.choice(
        (
            f"{y}-{mo:02d}-{d:02d}",
            f"{d:02d}.{mo:02d}.{y}",
            f"{mo:02d}/{d:02d}/{y}",
            f"{d:02d}/{mo:02d}/{y}",
            f"{WORDS['months'][mo - 1]} {d}, {y}",
            f"{d} {WORDS['months'][mo - 1][:3]} {y}",
            f"{wd[:3]} {d} {WORDS['months'][mo - 1][:3]}",
            f"{wd}, {WORDS['months'][mo - 1]} {d}",
            f"{d}. {WORDS['months_de'][mo - 1]} {y}",
            f"{d} {WORDS['months_fr'][mo - 1]} {y}",
            f"{d} de {WORDS['months_es'][mo - 1]} de {y}",
            f"{d}/{mo}",
        )
    )


def time_(faker: Faker, rng: random.Random) -> str:
    h, m = rng.randint(0, 23), rng.choice((0, 0, 15, 30, 45, rng.randint(0, 59)))
    h12 = h % 12 or 12
    return rng.choice(
        (
            f"{h:02d}:{m:02d}",
            f"{h12}:{m:02d} {'AM' if h < 12 else 'PM'}",
            f"{h12}{'am' if h < 12 else 'pm'}",
            f"{h:02d}:{m:02d} {rng.choice(('CET', 'UTC', 'GMT', 'EST', 'PST', 'CEST'))}",
            f"{h}h{m:02d}",
            f"{h:02d}:{m:02d}:{rng.randint(0, 59):02d}",
        )
    )


def _money(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def _fmt_en(x: float) -> str:
    return f"{x:,.2f}"


def _fmt_eu(x: float) -> str:
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def price(faker: Faker, rng: random.Random) -> str:
    x = _money(rng, 0.5, rng.choice((50, 500, 5000, 50000)))
    return rng.choice(
        (
            f"${_fmt_en(x)}",
            f"€{_fmt_en(x)}",
            f"{_fmt_eu(x)} €",
            f"{_fmt_eu(x)} EUR",
            f"£{_fmt_en(x)}",
            f"{_fmt_en(x)} USD",
            f"CHF {x:.2f}",
            f"EUR {_fmt_eu(x)}",
            f"¥{round(x * 100):,}",
            f"USD {x:.2f}",
            f"${round(x)}",
        )
    )


def amount(faker: Faker, rng: random.Random) -> str:
    x = _money(rng, 1, rng.choice((100, 2000, 20000)))
    sign = "-" if rng.random() < 0.4 else rng.choice(("", "", "+"))
    return rng.choice((f"{sign}{_fmt_en(x)}", f"{sign}{_fmt_eu(x)}", f"{sign}{x:.2f}", f"{sign}{round(x)}"))


def quantity(faker: Faker, rng: random.Random) -> str:
    n = rng.choice((1, 1, 2, 3, 4, 5, 6, 10, 12, 24, 50, 100, rng.randint(1, 500)))
    return rng.choice((str(n), f"{n} pcs", f"{n}x", f"x{n}", f"{n} units", f"{n} Stk.", f"{n} boxes", f"{n} kg"))


def percent(faker: Faker, rng: random.Random) -> str:
    x = rng.choice((rng.randint(1, 100), round(rng.uniform(0, 100), 1), round(rng.uniform(0, 5), 2)))
    return rng.choice((f"{x}%", f"{x} %", f"{x}%"))


def company(faker: Faker, rng: random.Random) -> str:
    """A public brand (50%), an invented non-name company (35%) or Faker's (15%).

    Faker's company names are mostly built from surnames ("Werner Linke AG"), which
    would teach that a person's name next to "AG" is not PII; they are kept rare.
    """
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(WORDS["brands"])
    if roll < 0.85:
        part, end = rng.choice(WORDS["name_parts"]), rng.choice(WORDS["name_ends"])
        sector, legal = rng.choice(WORDS["sectors"]), rng.choice(WORDS["legal"])
        return f"{part}{end} {sector} {legal}".strip()
    return str(faker.company())


def _product_code(rng: random.Random, noun: str) -> str:
    """A model code, colour or pack size, or a size that fits ``noun``: ``"42"``, ``"150x200"``, ``"750 ml"``."""
    if noun in ("Blanket", "Tent") and rng.random() < 0.6:
        return f"{rng.choice((90, 100, 140, 150, 160))}x{rng.choice((190, 200, 220))}"
    if noun in ("Water Bottle", "Travel Mug", "Kettle") and rng.random() < 0.6:
        return rng.choice(("350 ml", "500 ml", "750 ml", "1 L", "1.7 L"))
    if noun == "Backpack" and rng.random() < 0.6:
        return f"{rng.choice((10, 20, 25, 30, 45))}L"
    if noun in ("Running Shoes", "Hiking Boots", "Runner") and rng.random() < 0.6:
        return str(rng.randint(36, 47))
    return rng.choice(
        (
            str(rng.randint(2, 12)),
            f"{rng.choice('XSMZ')}{rng.randint(1, 9)}",
            f"v{rng.randint(2, 5)}",
            f"{rng.choice((2, 3, 4, 6))}-pack",
            rng.choice(WORDS["product_colours"]),
        )
    )


def product(faker: Faker, rng: random.Random) -> str:
    """A catalogue product (40%) or a generated one, e.g. "Aero 5 Pro Wireless Earbuds".

    Generated names combine brand-like words, adjectives, product nouns and model
    codes or sizes; none of the word lists holds a person's name.
    """
    if rng.random() < 0.4:
        return rng.choice(WORDS["products"])
    brand, adj, noun = (rng.choice(WORDS[k]) for k in ("product_brands", "product_adjectives", "product_nouns"))
    style = rng.randrange(5)
    if style == 0:
        name = f"{brand} {adj} {noun}"
    elif style == 1:
        name = f"{brand} {rng.randint(2, 9)} {rng.choice(WORDS['product_tiers'])} {adj} {noun}"
    elif style == 2:
        name = f"{brand} {noun} {rng.choice(WORDS['product_tiers'])} {_product_code(rng, noun)}"
    elif style == 3:
        name = f"{adj} {noun} {_product_code(rng, noun)}"
    else:
        name = f"{brand} {adj} {noun} {_product_code(rng, noun)}"
    return name


def sku(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"SKU-{_digits(rng, 5)}-{_code(rng, 2, string.ascii_uppercase)}",
            f"{_code(rng, 2, string.ascii_uppercase)}-{rng.randint(100, 999)}-{rng.choice(WORDS['colors'])}",
            f"B0{_code(rng, 8)}",
            f"{_code(rng, 3, string.ascii_uppercase)}{rng.randint(1000, 99999)}",
            f"ART-{rng.randint(10000, 999999)}",
        )
    )


def city(faker: Faker, rng: random.Random) -> str:
    return str(faker.city())


def country(faker: Faker, rng: random.Random) -> str:
    return rng.choice(WORDS["countries"]) if rng.random() < 0.6 else str(faker.country())


def http_status(faker: Faker, rng: random.Random) -> str:
    return str(
        rng.choice((200, 200, 200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504))
    )


def http_method(faker: Faker, rng: random.Random) -> str:
    return rng.choice(("GET", "GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"))


def path(faker: Faker, rng: random.Random) -> str:
    res = rng.choice(WORDS["resources"])
    return rng.choice(
        (
            f"/api/v{rng.randint(1, 3)}/{res}",
            f"/api/v{rng.randint(1, 3)}/{res}/{rng.randint(1, 99999)}",
            f"/{res}",
            f"/{res}/{rng.randint(1, 9999)}/items",
            f"/static/js/app.{_code(rng, 8, '0123456789abcdef')}.js",
            f"/var/log/{rng.choice(WORDS['log_dirs'])}/{rng.choice(('access', 'error', 'app'))}.log",
            f"/etc/{rng.choice(('nginx/nginx.conf', 'ssl/certs', 'hosts', 'app/config.yaml'))}",
            f"src/{rng.choice(('app', 'core', 'billing', 'auth'))}/{rng.choice(WORDS['py_files'])}.py",
            f"/opt/{rng.choice(('app', 'service', 'backend'))}/releases/{rng.randint(1, 300)}",
            "/healthz",
            f"/v1/{res}?page={rng.randint(1, 50)}&limit={rng.choice((10, 20, 50, 100))}",
            f"lib/{rng.choice(('client', 'server', 'utils'))}/{rng.choice(('index', 'retry', 'cache'))}.ts",
        )
    )


def hostname(faker: Faker, rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(WORDS["hostnames"])
    role = rng.choice(("web", "api", "db", "worker", "cache", "lb", "queue", "auth", "search"))
    env = rng.choice(("prod", "staging", "dev", "qa"))
    return rng.choice(
        (
            f"{role}-{rng.randint(1, 24):02d}.{env}.internal",
            f"{role}-{env}-{rng.randint(1, 9)}",
            f"{role}{rng.randint(1, 9)}.{rng.choice(('eu-west-1', 'us-east-1', 'fra1'))}.{env}.local",
            f"{role}.{env}.svc.cluster.local",
        )
    )


def uuid_(faker: Faker, rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def hex_id(faker: Faker, rng: random.Random) -> str:
    n = rng.choice((7, 8, 12, 16, 32, 40))
    return f"{rng.getrandbits(4 * n):0{n}x}"


def port(faker: Faker, rng: random.Random) -> str:
    return str(
        rng.choice((80, 443, 3000, 5432, 6379, 8000, 8080, 8443, 9000, 9090, 27017, 3306, rng.randint(1024, 65535)))
    )


def error_code(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"E{rng.randint(1000, 9999)}",
            "ERR_CONNECTION_REFUSED",
            "ECONNRESET",
            "ETIMEDOUT",
            f"0x8007{rng.randint(0, 0xFFFF):04X}",
            f"ORA-{rng.randint(1, 29999):05d}",
            f"SQLSTATE {rng.choice(('23505', '40001', '42P01', '08006'))}",
            f"AUTH-{rng.choice((401, 403))}-{rng.randint(1, 20):02d}",
            "ERR_TOO_MANY_REDIRECTS",
            "INSUFFICIENT_FUNDS",
            "card_declined",
            "rate_limit_exceeded",
            f"PAY-{rng.randint(100, 999)}",
            "OOMKilled",
            "CrashLoopBackOff",
        )
    )


def job_title(faker: Faker, rng: random.Random) -> str:
    return rng.choice(WORDS["jobs"]) if rng.random() < 0.7 else str(faker.job())


def weekday(faker: Faker, rng: random.Random) -> str:
    wd = WORDS["weekdays"][rng.randrange(7)]
    return rng.choice((wd, wd, wd[:3], wd.lower(), f"next {wd}", f"this {wd}"))


def number(faker: Faker, rng: random.Random) -> str:
    return str(rng.choice((rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9999))))


def tracking_no(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"1Z{_code(rng, 6)}{_digits(rng, 10)}",
            f"JJD{_digits(rng, 15)}",
            f"{_digits(rng, 12)}",
            f"9400{_digits(rng, 18)}",
            f"{_code(rng, 2, string.ascii_uppercase)}{_digits(rng, 9)}{rng.choice(WORDS['post_codes'])}",
            f"{_digits(rng, 4)} {_digits(rng, 4)} {_digits(rng, 4)}",
        )
    )


def room(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"Room {rng.randint(1, 6)}.{rng.randint(1, 30):02d}",
            f"Conf Room {rng.choice('ABCDEF')}",
            f"{rng.choice('ABCD')}-{rng.randint(100, 599)}",
            "Zoom",
            "Teams",
            f"Raum {rng.randint(1, 4)}.{rng.randint(1, 20):02d}",
            f"Salle {rng.choice(('Everest', 'Mont Blanc', 'Atlas', 'Loire'))}",
            f"Meeting room {rng.choice(('Berlin', 'Lisbon', 'Oslo', 'Tokyo', 'Madrid'))}",
            f"Ward {rng.randint(1, 9)}",
        )
    )


def flight_no(faker: Faker, rng: random.Random) -> str:
    al = rng.choice(("LH", "BA", "AF", "KL", "IB", "AZ", "UA", "FR", "U2", "LX", "OS", "VY", "DL", "TP"))
    return rng.choice((f"{al} {rng.randint(1, 9999)}", f"{al}{rng.randint(1, 9999)}"))


def dosage(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.choice(_STRENGTHS)} mg {rng.choice(WORDS['frequencies'])}",
            f"{rng.choice((1, 2))} puffs as needed",
            f"{rng.choice((2.5, 5, 10))} ml every {rng.choice((6, 8, 12))} h",
            f"{rng.choice((1, 2))} tab {rng.choice(('po qd', 'po bid', 'po tid'))}",
            f"{rng.choice((10, 20, 40))} IU sc at bedtime",
        )
    )


def case_no(faker: Faker, rng: random.Random) -> str:
    y = rng.randint(15, 26)
    return rng.choice(
        (
            f"{rng.randint(1, 9)}:{y}-cv-{rng.randint(1, 9999):05d}",
            f"C-{rng.randint(1, 999)}/{y}",
            f"{rng.randint(1, 40)} O {rng.randint(1, 999)}/{y}",
            f"RG {y}/{rng.randint(1, 99999):05d}",
            f"HC-20{y}-{rng.randint(1, 999999):06d}",
            f"Az. {rng.randint(1, 20)} C {rng.randint(1, 9999)}/{y}",
            f"No. {y}-{rng.randint(1000, 9999)}",
        )
    )


# -- extra fillers (not required by the brief, used by the bank) --------------------------


def duration(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(1, 999)} ms",
            f"{rng.randint(1, 90)} min",
            f"{rng.randint(1, 12)}h",
            f"{rng.randint(1, 59)}s",
            f"{round(rng.uniform(0, 10), 3)}s",
            f"{rng.randint(1, 14)} days",
        )
    )


def month(faker: Faker, rng: random.Random) -> str:
    mo, y = rng.randrange(12), rng.randint(2019, 2026)
    return rng.choice(
        (f"{WORDS['months'][mo]} {y}", f"{WORDS['months'][mo][:3]} {y}", f"{y}-{mo + 1:02d}", f"Q{mo // 3 + 1} {y}")
    )


def file_size(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (f"{rng.randint(1, 999)} KB", f"{round(rng.uniform(0.1, 900), 1)} MB", f"{round(rng.uniform(1, 40), 1)} GB")
    )


def branch(faker: Faker, rng: random.Random) -> str:
    topic = rng.choice(
        ("payment-retry", "login-rate-limit", "csv-export", "dark-mode", "upgrade-deps", "cache-ttl", "i18n")
    )
    return rng.choice(
        (
            f"feature/{topic}",
            f"fix/{topic}",
            f"chore/{topic}",
            "main",
            "develop",
            f"release/{rng.randint(1, 9)}.{rng.randint(0, 20)}",
        )
    )


def payment_ref(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"REF {rng.randint(2020, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1000, 9999)}",
            f"TXN{_code(rng, 10)}",
            f"SEPA-{_code(rng, 8)}",
            f"Mandate {_code(rng, 3, string.ascii_uppercase)}-{rng.randint(10000, 99999)}",
            f"E2E-{_code(rng, 12)}",
        )
    )


def seat(faker: Faker, rng: random.Random) -> str:
    return f"{rng.randint(1, 45)}{rng.choice('ABCDEF')}"


def booking_ref(faker: Faker, rng: random.Random) -> str:
    return _code(rng, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")


def vitals(faker: Faker, rng: random.Random) -> str:
    return rng.choice(
        (
            f"BP {rng.randint(100, 170)}/{rng.randint(60, 100)} mmHg",
            f"HR {rng.randint(50, 120)} bpm",
            f"SpO2 {rng.randint(88, 100)}%",
            f"T {round(rng.uniform(36.0, 39.5), 1)} °C",
            f"RR {rng.randint(12, 26)}/min",
            f"HbA1c {round(rng.uniform(5.0, 10.0), 1)}%",
        )
    )


FILLERS: dict[str, FillerFn] = {
    "ORDER_ID": order_id,
    "INVOICE_NO": invoice_no,
    "TICKET_ID": ticket_id,
    "VERSION": version,
    "TIMESTAMP": timestamp,
    "DATE": date,
    "TIME": time_,
    "PRICE": price,
    "AMOUNT": amount,
    "QUANTITY": quantity,
    "PERCENT": percent,
    "COMPANY": company,
    "PRODUCT": product,
    "SKU": sku,
    "CITY": city,
    "COUNTRY": country,
    "HTTP_STATUS": http_status,
    "HTTP_METHOD": http_method,
    "PATH": path,
    "HOSTNAME": hostname,
    "UUID": uuid_,
    "HEX_ID": hex_id,
    "PORT": port,
    "ERROR_CODE": error_code,
    "DEPARTMENT": _pick("departments"),
    "JOB_TITLE": job_title,
    "WEEKDAY": weekday,
    "NUMBER": number,
    "TRACKING_NO": tracking_no,
    "ROOM": room,
    "FLIGHT_NO": flight_no,
    "ICD_CODE": _pick("icd_codes"),
    "DOSAGE": dosage,
    "CASE_NO": case_no,
    "CURRENCY": _pick("currencies"),
    "DURATION": duration,
    "MONTH": month,
    "STATUS": _pick("statuses"),
    "FILE_SIZE": file_size,
    "REGION": _pick("regions"),
    "BRANCH": branch,
    "MERCHANT": _pick("merchants"),
    "PAYMENT_REF": payment_ref,
    "AIRPORT": _pick("airports"),
    "SEAT": seat,
    "BOOKING_REF": booking_ref,
    "HOTEL": _pick("hotels"),
    "MEDICATION": _pick("medications"),
    "VITALS": vitals,
    "MODULE": _pick("modules"),
    "FUNCTION": _pick("function_names"),
    "ENV": _pick("env_names"),
    "PLAN": _pick("plans"),
}

#: Fillers whose values are plain digits (safe unquoted in JSON).
NUMERIC_FILLERS: frozenset[str] = frozenset({"NUMBER", "PORT", "HTTP_STATUS"})
