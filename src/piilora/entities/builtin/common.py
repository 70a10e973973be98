"""Helpers shared by the built-in entity families: seeded draws, text folding, data files.

Every draw here takes the ``rng`` it is given (never the global ``random``), so a family's
sampler gives the same value for the same seeds. Long phrase and word lists live beside the
modules as data files (``contexts/<ENTITY_TYPE>.txt``, one phrase a line, read as is: no
escapes; ``<family>.json`` for word tables), read with :mod:`importlib.resources`.
"""

from __future__ import annotations

import base64
import calendar
import functools
import json
import random
import string
import unicodedata
from collections.abc import Sequence
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypeVar

from piilora.entities.base import SampleFn, stable_faker
from piilora.errors import DataError

if TYPE_CHECKING:
    from faker import Faker

__all__ = [
    "ALNUM",
    "B64URL",
    "DIGITS",
    "HEX",
    "LOWER",
    "REGION",
    "UPPER",
    "UPPER_ALNUM",
    "b64url",
    "birth_date",
    "clean",
    "contexts",
    "fill_pattern",
    "given_name",
    "grouped",
    "pick",
    "random_chars",
    "random_digits",
    "read_json",
    "slug",
    "to_ascii",
    "weighted",
]

T = TypeVar("T")

#: Locale -> ISO 3166 country / phonenumbers region.
REGION: dict[str, str] = {
    "en_US": "US",
    "en_GB": "GB",
    "de_DE": "DE",
    "fr_FR": "FR",
    "es_ES": "ES",
    "it_IT": "IT",
    "nl_NL": "NL",
}

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64URL = string.ascii_letters + string.digits + "-_"


# --------------------------------------------------------------------------- helpers


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """One element of ``options``, uniformly."""
    return options[rng.randrange(len(options))]


def weighted(rng: random.Random, table: Sequence[tuple[T, float]]) -> T:
    """One key of a ``(key, weight)`` table, by weight."""
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def random_chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def random_digits(rng: random.Random, n: int) -> str:
    return random_chars(rng, DIGITS, n)


def fill_pattern(rng: random.Random, pattern: str) -> str:
    """Expand ``#`` (digit), ``@`` (upper letter), ``*`` (upper alnum); keep the rest."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(DIGITS))
        elif ch == "@":
            out.append(rng.choice(UPPER))
        elif ch == "*":
            out.append(rng.choice(UPPER_ALNUM))
        else:
            out.append(ch)
    return "".join(out)


def grouped(text: str, sizes: Sequence[int], sep: str) -> str:
    """Split ``text`` into groups of ``sizes`` (the last group takes the rest)."""
    parts, pos = [], 0
    for size in sizes:
        if pos >= len(text):
            break
        parts.append(text[pos : pos + size])
        pos += size
    if pos < len(text):
        parts.append(text[pos:])
    return sep.join(parts)


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l"})


def to_ascii(text: str) -> str:
    """Strip diacritics: ``Müller`` -> ``Muller``, ``Straße`` -> ``Strasse``."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return folded.encode("ascii", "ignore").decode("ascii")


def slug(text: str, sep: str = "") -> str:
    """Lower-case ASCII handle of a name part: ``van der Zijl`` -> ``vanderzijl``."""
    words = "".join(c if c.isalnum() else " " for c in to_ascii(text).lower()).split()
    return sep.join(words)


def birth_date(rng: random.Random, lo: int = 1930, hi: int = 2010) -> tuple[int, int, int]:
    """A plausible birth date (year, month, day), peaking in the 1980s."""
    year = min(hi, max(lo, int(rng.triangular(lo, hi + 1, 1984))))
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    return year, month, day


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@functools.cache
def _faker_of(locale: str) -> Faker:
    return stable_faker(locale)


def foreign_faker(locale: str, rng: random.Random) -> Faker:
    """A Faker of another ``locale`` than the text's (a name or an address from elsewhere),
    seeded from ``rng`` so the same seed draws the same value."""
    faker = _faker_of(locale)
    faker.seed_instance(rng.getrandbits(64))
    return faker


def given_name(faker: Faker, female: bool) -> str:
    return faker.first_name_female() if female else faker.first_name_male()


def clean(fn: SampleFn) -> SampleFn:
    """Wrap a sampler so its value never has surrounding whitespace."""

    def sample(faker: Faker, rng: random.Random, locale: str) -> str:
        return fn(faker, rng, locale).strip()

    sample.__name__ = fn.__name__
    sample.__qualname__ = fn.__qualname__
    sample.__doc__ = fn.__doc__
    return sample


# --------------------------------------------------------------------------- data files


def _read(name: str) -> str:
    """The text of the data file ``name`` (a path under this package), exactly as stored."""
    return files(__package__ or "piilora.entities.builtin").joinpath(name).read_bytes().decode("utf-8")


def contexts(entity_type: str) -> tuple[str, ...]:
    """The context phrases of ``entity_type``, from ``contexts/<entity_type>.txt``: one phrase a
    line, taken as written (no escapes, no stripping; a phrase cannot hold a line break)."""
    name = f"contexts/{entity_type}.txt"
    text = _read(name)
    if not text.endswith("\n") or "\r" in text:
        raise DataError(f"{name}: expected '\\n' line ends and a final line break")
    phrases = tuple(text[:-1].split("\n"))
    if not all(phrases):
        raise DataError(f"{name}: line {phrases.index('') + 1} is empty")
    return phrases


def read_json(name: str) -> Any:
    """The parsed JSON data file ``name`` (word tables of a family)."""
    return json.loads(_read(name))
