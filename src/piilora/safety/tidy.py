"""Tidy passes: the safety net's walks over spans, each one small rule about where a value ends
or whether a span holds one.

:func:`check_shapes` judges each model span by its type's value shape
(:mod:`piilora.safety.shapes`): re-typed to a fallback, or dropped. Its context rules, for
any type: a :func:`placeholder` (``n/a``, ``${DB_PASSWORD}``, ``<your-secret-key>``,
``[REDACTED]``, ``YYYY-MM-DD``) is dropped; a pass phrase of letters only is a ``PASSWORD``
only with a password cue in the text; a name, street or username that a company's legal form
ends or follows (``Wagner LLC``) is a firm's. A name is no country (``Italia``) and a URL no
service's own page (``https://pypi.org/account/reset``).

:func:`digests` drops model spans over a digest or record id the text names as such
(``sha256=5Zfv...``, ``trace_id=ce16d3...``, ``commit 3f2a9c1``); :func:`system_accounts`
drops spans over an account of a machine or a chat (``root``, ``deploy@host``, ``@channel``).

:func:`tidy_edges` cuts a model span to the value the corpus conventions mask (quotes, cue
words, titles, a URL's final full stop); :func:`known_types` maps types the model invented;
:func:`account_cues` types a number after an account cue; :func:`payees` masks a payee's name
after a masked account number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from piilora.months import MONTH_ABBR, MONTHS
from piilora.safety.parsers import digit_count, word_tuple
from piilora.safety.shapes import (
    DEFAULT_FALLBACKS,
    FALLBACKS,
    HANDLE_RE,
    JOB_HEADS,
    MIN_IDENTIFYING_DIGITS,
    UUID_RE,
    Shape,
    compound_code,
    date_or_time,
    identifying,
    not_pii_number,
    number_digits,
    person_name,
    placeholder,
    random_token,
    reference,
    title_start,
)
from piilora.types import Span

__all__ = [
    "account_cues",
    "card_extras",
    "check_shapes",
    "digests",
    "known_types",
    "payees",
    "system_accounts",
    "tidy_edges",
]


_COMPANY_SUFFIX = (  # case as written: ``Sas`` is a Dutch surname, ``SAS`` a French firm
    r"(?:Inc|INC|LLC|Ltd|LTD|Limited|PLC|plc|GmbH|AG|KG|OHG|& Co\.?(?: KG)?|Co\.|Corp|CORP|S\.A\.S\.?|SAS|SARL|"
    r"S\.A\.|S\.L\.L?|S\.C\.P|S\.Com|S\.r\.l|s\.r\.l|S\.p\.A|SpA|SPA|B\.V|N\.V|BV|NV|Group|Groep|Holding|"
    r"e [Ff]igli|and Sons|[y&] [Aa]sociados)\.?"
)
#: A company's legal form after a name (``Sandalio Mateos Tapia S.Com.``, ``Wagner LLC``): the
#: name is a firm's, not a person's.
_COMPANY_AFTER_RE = re.compile(rf",?[ \t]+{_COMPANY_SUFFIX}(?!\w)")  # on the same line
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
        if shape is not None and UUID_RE.fullmatch(value.strip()):
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
        if random_token(value):  # a key or hash the model typed as something else is a credential
            hinted.append("SECRET")
        for other in (*hinted, *FALLBACKS.get(span.entity_type, DEFAULT_FALLBACKS)):
            if other == "PERSON" and other not in hinted and HANDLE_RE.fullmatch(value.strip()):
                other = "USERNAME"  # ``temistocle_pinamonte`` by elimination is a login, not a name
            if other != span.entity_type and other in shapes and shapes[other](value):
                out.append(replace(span, entity_type=other))
                break
        else:
            if (
                number_digits(value) >= MIN_IDENTIFYING_DIGITS
                and not compound_code(value)
                and not date_or_time(value)
                and not reference(value)
                and not not_pii_number(value)  # ``3938.38``, ``2025.03.8``, ``J45.909``, ``472.01 USD``
                and not (span.start and text[span.start - 1] == "#")  # ``done in #39362``: a ticket number
            ):
                out.append(span)  # a long number of the wrong form may be PII of another type
    return out


def _company(text: str, start: int, end: int) -> bool:
    """Whether a company's legal form ends the value or follows it (``Wagner LLC``); an address
    with a number is none (``22100 Breccia CO``: Como's province code)."""
    if digit_count(text[start:end]):
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


#: Words of a type name that say nothing about what kind of value it is.
_GENERIC_NAME_WORDS = frozenset({"ID", "IDS", "NO", "NR", "NUM", "NUMBER", "CODE", "DATA", "INFO", "VALUE"})


def known_types(
    text: str,
    spans: Iterable[Span],
    known: Iterable[str],
    *,
    registered: Iterable[str] = (),
    finders: Mapping[str, Callable[[str], Iterable[tuple[int, int]]]] | None = None,
    shapes: Mapping[str, Shape] | None = None,
) -> list[Span]:
    """Model spans with a type no one registered (the model sometimes invents ``[IBAN]``,
    ``[MAC]``, ``[VIN_LICENSE]``, ``[PO_NUMBER]``) re-typed, so no invented type reaches the
    output. ``known``: the types the model was trained on; ``registered``: every type of the
    registry (plugins included), kept as they are. An invented type becomes, in this order:

    - the one type its name is the start of (``IBAN`` -> ``IBAN_CODE``);
    - the type whose rule detector (``finders``) matches the whole value (``[MAC]`` over
      ``3C:22:FB:7A:91:0E`` -> ``DEVICE_ID``);
    - nothing, when the value is a ticket reference, a UUID or cannot identify anyone;
    - the first type sharing a telling word with its name whose shape takes the value
      (``VIN_LICENSE`` -> ``US_DRIVER_LICENSE`` for a licence number);
    - else the nearest built-in by the value's form: ``PERSON`` for a capitalised name,
      ``NATIONAL_ID`` for an identifier with 5+ digits, ``USERNAME`` for any other token (whose
      shape then judges it like any model span).
    """
    known = set(known)
    names = [*dict.fromkeys([*known, *registered])]
    out: list[Span] = []
    for span in spans:
        if span.entity_type in known or span.entity_type in names:
            out.append(span)
            continue
        value = text[span.start : span.end]
        target = _nearest_type(span.entity_type, value.strip(), names, finders or {}, shapes or {})
        if target is not None:
            out.append(replace(span, entity_type=target))
    return out


def _nearest_type(
    invented: str,
    value: str,
    names: list[str],
    finders: Mapping[str, Callable[[str], Iterable[tuple[int, int]]]],
    shapes: Mapping[str, Shape],
) -> str | None:
    prefixed = [k for k in names if k.startswith(invented)]
    if len(prefixed) == 1:
        return prefixed[0]
    for etype, find in finders.items():
        if etype in names and any((a, b) == (0, len(value)) for a, b in find(value)):
            return etype
    if reference(value) or not identifying(value):
        return None
    words = set(invented.split("_")) - _GENERIC_NAME_WORDS
    for etype in names:
        shape = shapes.get(etype)
        if words & set(etype.split("_")) and (shape is None or shape(value)):
            return etype
    if person_name(value) and value[:1].isupper():
        fallback = "PERSON"
    else:
        fallback = "NATIONAL_ID" if number_digits(value) >= MIN_IDENTIFYING_DIGITS else "USERNAME"
    return fallback if fallback in names else (names[0] if names else None)


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
        if span.source == "model" and digit_count(value) and _DIGEST_RE.fullmatch(value):
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
        if not person_name(name) or any(w.strip(".,").lower() in _ACCOUNT_WORDS for w in name.split()):
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
            start = title_start(text, start)
            comma = text.rfind(",", start, end)
            role = text[comma + 1 : end].split() if comma > start else []
            if len(role) > 1 and role[-1].lower() in JOB_HEADS:
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
        if named and person_name(named.group(2)):  # ``18-33-70 33734389 (Michelle Wallace)``: two values
            out.append(replace(span, start=start, end=named.end(1)))
            out.append(replace(span, start=named.start(2), end=named.end(2), entity_type="PERSON"))
            continue
        out.append(span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end))
    return out


#: A card's verification code or expiry date after its cue word (PCI DSS: sensitive
#: authentication data and cardholder data): ``CVV 123``, ``CVC2: 0456``, ``exp 04/27``.
_CARD_EXTRA_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?:cvv2?|cvc2?|cid|csc|security\s+code|prüfnummer|kartenprüfnummer|cryptogramme|"
    r"c[óo]digo\s+de\s+seguridad|codice\s+di\s+sicurezza|beveiligingscode)\W{0,3}(?P<code>\d{3,4})"
    r"|(?:exp(?:iry|ires|iration)?(?:\s+date)?|valid\s+(?:thru|through|until)|gültig\s+bis|date\s+d'expiration|"
    r"caducidad|vencimiento|scadenza|vervaldatum|verloopdatum)\W{0,3}(?P<date>(?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:\d{4}|\d{2})))"
    r"(?![\w/.-]?\d)"
)


def card_extras(text: str, spans: Iterable[Span]) -> list[Span]:
    """``spans`` plus a ``CREDIT_CARD`` span over a card's verification code or expiry date
    (``CVV 123``, ``exp 04/27``) on the line of a masked card number or the line after it: with
    the number they are cardholder data (PCI DSS), so they are masked as part of the card."""
    spans = list(spans)
    added: list[Span] = []
    for card in (s for s in spans if s.entity_type == "CREDIT_CARD"):
        line_start = text.rfind("\n", 0, card.start) + 1
        line_end = text.find("\n", card.end)  # the end of the line after the card's
        line_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        line_end = len(text) if line_end < 0 else line_end
        for m in _CARD_EXTRA_RE.finditer(text, line_start, line_end):
            start, end = m.span("code") if m.group("code") else m.span("date")
            if not any(o.start < end and start < o.end for o in (*spans, *added)):
                added.append(Span(start, end, "CREDIT_CARD", score=card.score, source="rule"))
    return sorted((*spans, *added), key=lambda s: (s.start, s.end))
