"""The built-in placeholder schemes: ``bracket``, ``numbered``, ``redact``, ``mask``, ``hash``, ``fake``.

Each scheme's ``make_renderer(ctx)`` validates the options once per document and
returns a ``render(value, entity_type) -> str`` closure that keeps whatever
per-document state it needs (numbering, consistency caches). See
:mod:`piilora.placeholders.base` for the engine that applies them.

Design notes
------------
* ``mask`` keeps line breaks (every character :meth:`str.splitlines` splits on)
  and replaces every other code point with ``char``, so the masked text has the
  same length and the same line structure as the original: offsets, line numbers
  and columns still line up.
* ``hash`` is a keyed HMAC-SHA256 of ``(entity type, value)``; the key is
  required so that tokens cannot be reversed by hashing guessed values.
* ``fake`` draws the surrogate from the entity type's generator with a Faker and
  a ``random.Random`` both seeded from an HMAC of ``(key/seed, entity type,
  value)``: the same value gets the same surrogate in every document and run
  (same Faker version). Like ``hash`` it needs a secret ``key`` (surrogates of
  a public key could be recomputed for guessed values), or an explicit
  ``seed=`` for reproducible tests and demos. Within one document a surrogate
  never equals the value it replaces, any value seen earlier in the document,
  another value's surrogate, or anything that occurs in the document's text (a
  counter salt is mixed into the seed and the draw retried). Types with no
  generator, and generators that keep failing those checks, fall back to a
  numbered bracket placeholder ``[TYPE_n]`` (numbered per type within the
  document).
* Reversible schemes never hand out a replacement that already occurs in the
  document (:meth:`SchemeContext.is_free`): ``numbered`` skips ``[PERSON_1]``
  when the input holds that string, ``hash`` salts its digest again, ``fake``
  draws again. So ``restore(mask(x)) == x`` whatever ``x`` contains.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from piilora.errors import ConfigError
from piilora.hookspecs import hookimpl
from piilora.placeholders.base import PlaceholderScheme, Renderer, SchemeContext

if TYPE_CHECKING:
    from faker import Faker

__all__ = ["BUILTIN_SCHEMES", "piilora_register_placeholder_schemes"]

#: Characters ``str.splitlines`` treats as line boundaries; ``mask`` keeps them.
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_HASH_MIN_LENGTH = 8
_HASH_MAX_LENGTH = 64
_FAKE_MAX_ATTEMPTS = 32
_SALTS = 16  # hash: salted digests tried when a token occurs in the document


# --------------------------------------------------------------------- helpers
def _key_bytes(scheme: str, option: str, key: Any) -> bytes:
    """A non-empty str/bytes option as bytes (str is UTF-8 encoded)."""
    if isinstance(key, str):
        key = key.encode("utf-8")
    elif isinstance(key, (bytearray, memoryview)):
        key = bytes(key)
    if not isinstance(key, bytes):
        raise ConfigError(f"scheme {scheme!r}: option {option!r} must be str or bytes, not {type(key).__name__}")
    if not key:
        raise ConfigError(f"scheme {scheme!r}: option {option!r} must not be empty")
    return key


def _digest(key: bytes, *parts: str) -> bytes:
    """HMAC-SHA256 of ``parts`` joined unambiguously (NUL cannot occur in an entity type)."""
    message = "\x00".join(parts).encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).digest()


class _Numberer:
    """Per-document ``[TYPE_n]`` numbering: one number per distinct value per type."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}

    def __call__(self, value: str, entity_type: str, taken: Callable[[str], bool] = lambda _: False) -> str:
        key = (entity_type, value)
        found = self._numbers.get(key)
        if found is None:
            n = self._counts.get(entity_type, 0)
            while True:
                n += 1
                found = f"[{entity_type}_{n}]"
                if not taken(found):
                    break
            self._counts[entity_type] = n
            self._numbers[key] = found
        return found


# --------------------------------------------------------------------- bracket
def _bracket(ctx: SchemeContext) -> Renderer:
    def render(value: str, entity_type: str) -> str:
        return f"[{entity_type}]"

    return render


# --------------------------------------------------------------------- numbered
def _numbered(ctx: SchemeContext) -> Renderer:
    numberer = _Numberer()

    def render(value: str, entity_type: str) -> str:
        return numberer(value, entity_type, taken=lambda p: not ctx.is_free(p))

    return render


# --------------------------------------------------------------------- redact
def _redact(ctx: SchemeContext) -> Renderer:
    def render(value: str, entity_type: str) -> str:
        return ""

    return render


# --------------------------------------------------------------------- mask
def _mask(ctx: SchemeContext) -> Renderer:
    char = ctx.options.get("char", "*")
    if not isinstance(char, str) or len(char) != 1:
        raise ConfigError("scheme 'mask': option 'char' must be a single character")
    if char in _LINE_BREAKS:
        raise ConfigError("scheme 'mask': option 'char' must not be a line break")

    def render(value: str, entity_type: str) -> str:
        return "".join(c if c in _LINE_BREAKS else char for c in value)

    return render


# --------------------------------------------------------------------- hash
def _hash(ctx: SchemeContext) -> Renderer:
    if "key" not in ctx.options or ctx.options["key"] is None:
        raise ConfigError(
            "scheme 'hash' needs a secret key: pass key=... (str or bytes); "
            "without it tokens could be reversed by hashing guessed values"
        )
    key = _key_bytes("hash", "key", ctx.options["key"])
    length = ctx.options.get("length", 12)
    if isinstance(length, bool) or not isinstance(length, int) or not _HASH_MIN_LENGTH <= length <= _HASH_MAX_LENGTH:
        raise ConfigError(
            f"scheme 'hash': option 'length' must be an integer from {_HASH_MIN_LENGTH} "
            f"to {_HASH_MAX_LENGTH} (hex characters)"
        )
    owners: dict[str, tuple[str, str]] = {}
    tokens: dict[tuple[str, str], str] = {}

    def token_for(value: str, entity_type: str) -> str:
        # the plain digest, unless it occurs in the document: then the digest of a salted message
        known = tokens.get((entity_type, value))
        if known is not None:
            return known
        found = ""
        for salt in range(_SALTS):
            parts = (entity_type, value) if salt == 0 else (entity_type, value, f"salt:{salt}")
            found = f"[{entity_type}_{_digest(key, *parts).hex()[:length]}]"
            if ctx.is_free(found):
                break
        tokens[(entity_type, value)] = found
        return found

    def render(value: str, entity_type: str) -> str:
        token = token_for(value, entity_type)
        owner = owners.setdefault(token, (entity_type, value))
        if owner != (entity_type, value):
            raise ConfigError(
                f"scheme 'hash': two different {entity_type} values in one document hash to the "
                f"same {length}-character token; use a larger 'length'"
            )
        return token

    return render


# --------------------------------------------------------------------- fake
_faker_cache = threading.local()


def _faker_for(locale: str) -> Faker:
    """This thread's Faker for ``locale`` (Faker instances are not thread-safe, so none is shared)."""
    cache: dict[str, Faker] | None = getattr(_faker_cache, "by_locale", None)
    if cache is None:
        cache = _faker_cache.by_locale = {}
    faker = cache.get(locale)
    if faker is None:
        from piilora.entities.base import stable_faker

        try:
            faker = stable_faker(locale)
        except (AttributeError, ValueError, ImportError) as exc:
            raise ConfigError(f"scheme 'fake': unknown Faker locale {locale!r}") from exc
        cache[locale] = faker
    return faker


def _fake_key(options: Mapping[str, Any]) -> bytes:
    key, seed = options.get("key"), options.get("seed")
    if key is not None and seed is not None:
        raise ConfigError("scheme 'fake': pass either 'key' or 'seed', not both")
    if key is not None:
        return _key_bytes("fake", "key", key)
    if seed is not None:
        if isinstance(seed, int) and not isinstance(seed, bool):
            return f"int:{seed}".encode()
        return _key_bytes("fake", "seed", seed)
    raise ConfigError(
        "scheme 'fake' needs a secret key: pass key=... (str or bytes), or seed=... for reproducible "
        "tests; with a public key anyone could recompute the surrogate of a guessed value"
    )


def _fake(ctx: SchemeContext) -> Renderer:
    key = _fake_key(ctx.options)
    locale = ctx.options.get("locale", "en_US")
    if not isinstance(locale, str) or not locale:
        raise ConfigError("scheme 'fake': option 'locale' must be a non-empty string such as 'en_US'")
    _faker_for(locale)  # fail early on an unknown locale
    generators = ctx.generators
    surrogates: dict[tuple[str, str], str] = {}
    used: set[str] = set()  # every replacement handed out in this document
    seen: set[str] = set()  # every original value met in this document
    fallback = _Numberer()

    def acceptable(candidate: str, value: str) -> bool:
        return (
            bool(candidate)
            and candidate != value
            and candidate not in used
            and candidate not in seen
            and ctx.is_free(candidate)
        )

    def draw(value: str, entity_type: str) -> str | None:
        generator = generators.get(entity_type)
        if generator is None:
            return None
        gen_locale = locale if generator.supports(locale) else generator.locales[0]
        faker = _faker_for(gen_locale)
        for attempt in range(_FAKE_MAX_ATTEMPTS):
            digest = _digest(key, entity_type, value, str(attempt))
            faker.seed_instance(int.from_bytes(digest[:8], "big"))
            rng = random.Random(int.from_bytes(digest[8:16], "big"))
            candidate = generator.sample(faker, rng, gen_locale)
            if isinstance(candidate, str) and acceptable(candidate, value):
                return candidate
        return None

    def render(value: str, entity_type: str) -> str:
        cache_key = (entity_type, value)
        found = surrogates.get(cache_key)
        if found is None:
            seen.add(value)
            found = draw(value, entity_type)
            if found is None:
                found = fallback(value, entity_type, taken=lambda p: p in used or p in seen or not ctx.is_free(p))
            surrogates[cache_key] = found
            used.add(found)
        return found

    return render


# --------------------------------------------------------------------- registry
BUILTIN_SCHEMES: tuple[PlaceholderScheme, ...] = (
    PlaceholderScheme(
        name="bracket",
        make_renderer=_bracket,
        description="Replace each span with its type in brackets, e.g. [EMAIL_ADDRESS].",
    ),
    PlaceholderScheme(
        name="numbered",
        make_renderer=_numbered,
        reversible=True,
        description="Numbered per type and value within a document, e.g. [PERSON_1], [PERSON_2].",
    ),
    PlaceholderScheme(
        name="redact",
        make_renderer=_redact,
        description="Remove each span entirely.",
    ),
    PlaceholderScheme(
        name="mask",
        make_renderer=_mask,
        description="Overwrite each character with 'char' (default '*'), keeping line breaks and length.",
        options=("char",),
    ),
    PlaceholderScheme(
        name="hash",
        make_renderer=_hash,
        reversible=True,
        description="Keyed HMAC-SHA256 token, e.g. [EMAIL_ADDRESS_3f9a1c2b0d4e]; needs 'key'.",
        options=("key", "length"),
    ),
    PlaceholderScheme(
        name="fake",
        make_renderer=_fake,
        reversible=True,
        description="Realistic surrogate of the same type, consistent per value across documents; needs 'key'.",
        options=("locale", "key", "seed"),
    ),
)


@hookimpl
def piilora_register_placeholder_schemes(register: Callable[[PlaceholderScheme], None]) -> None:
    """Register the built-in schemes."""
    for scheme in BUILTIN_SCHEMES:
        register(scheme)
