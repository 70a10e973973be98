"""The template bank the synthetic corpus is drawn from.

A :class:`Template` is a text with slots in double braces (so JSON and code braces
stay literal):

``{{TYPE}}``
    a PII value of ``TYPE`` (one of :data:`PII_TYPES`, or any entity type a plugin
    registers), masked in the target.
``{{TYPE#n}}``
    the same value everywhere ``{{TYPE#n}}`` appears in one template (a name in
    the greeting and the signature); ``{{TYPE#2}}`` is a different value.
``{{TYPE:form}}``, ``{{TYPE#n:form}}``
    the value in a named surface form: one of the generator's ``forms`` (a person's
    ``given`` name, ``surname``, ``full`` name, ``title`` + surname, ``initial`` +
    surname; an address as a ``multi``-line block or on one ``line``), or ``upper``,
    ``lower``, ``urlenc`` for any type. ``{{PERSON#1:given}}`` is the given name of
    the person ``{{PERSON#1}}`` names elsewhere in the template.
``{{?FILLER}}``
    a non-PII value from :data:`FILLERS` (order numbers, versions, prices,
    public company names...): a hard negative the model must leave alone.
``{{CONTEXT}}``
    a short phrase with a PII value of a random type, taken from the entity
    generators' ``contexts`` (so plugin types reach every genre).

The bank lives in :mod:`piilora.data.template_bank`, one text file per genre
(``email.txt``; the format is described there), read with :mod:`importlib.resources`
in the order of :data:`GENRES`. Ids (``"email/017"``) are written in the bank
itself: they are stable, never renumbered or reused; new templates are appended
with the next free number.

Literal template text holds no PII-looking values at all (no names, e-mail
addresses, phone numbers, IPs, card or account numbers): every such value comes
from a slot, so the gold spans are complete by construction.

Escaping: ``json_record`` templates are valid JSON (or JSON Lines) once every slot
is replaced by a JSON-safe value; PII and text fillers sit inside JSON strings,
only :data:`NUMERIC_FILLERS` may be unquoted. The corpus generator JSON-escapes
every value it inserts into a ``json_record`` template. ``csv_record`` templates
are a header line plus 1-4 rows with slots left unquoted: the generator quotes a
value that contains a delimiter, quote or newline (CSV-style). ``{{CONTEXT}}`` is
used in ``json_record`` only inside a JSON string and never in ``csv_record``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from piilora.data.template_bank.fillers import FILLERS, NUMERIC_FILLERS, FillerFn
from piilora.entities.builtin import BUILTIN_ENTITY_TYPES

__all__ = [
    "COMMON_FORMS",
    "FILLERS",
    "GENRES",
    "NUMERIC_FILLERS",
    "PII_TYPES",
    "SLOT_RE",
    "TEMPLATES",
    "FillerFn",
    "Template",
    "parse_genre",
    "parse_slot",
    "pii_slots",
    "read_genre",
    "slots",
    "templates_by_genre",
]

#: The built-in PII entity types the bank uses.
PII_TYPES: tuple[str, ...] = BUILTIN_ENTITY_TYPES

#: A slot: ``{{TYPE}}``, ``{{TYPE#n}}``, ``{{TYPE:form}}``, ``{{TYPE#n:form}}``, ``{{?FILLER}}`` or
#: ``{{CONTEXT}}``.
SLOT_RE = re.compile(r"\{\{(\??[A-Z][A-Z0-9_]*(?:#\d+)?(?::[a-z]+)?)\}\}")
#: Forms every type takes (re-cased, URL-encoded); a type's own named forms come from its
#: generator's ``forms`` (``PERSON``: ``full``, ``given``, ``surname``, ``title``, ``initial``).
COMMON_FORMS: frozenset[str] = frozenset({"upper", "lower", "urlenc"})

_ID_LINE_RE = re.compile(r"^%%[ \t]*(\S*)[ \t]*$", re.MULTILINE)
_ID_RE = re.compile(r"^[a-z_]+/\d{3}$")


@dataclass(frozen=True)
class Template:
    """One template: a stable ``id`` (``"genre/NNN"``), its ``genre`` and ``text``."""

    id: str
    genre: str
    text: str


def slots(template_text: str) -> list[str]:
    """The slot tokens of ``template_text`` in order, without braces.

    >>> slots("Hi {{PERSON#1:given}}, order {{?ORDER_ID}}. {{CONTEXT}}")
    ['PERSON#1:given', '?ORDER_ID', 'CONTEXT']
    """
    return SLOT_RE.findall(template_text)


def parse_slot(slot: str) -> tuple[str, str | None, str | None]:
    """``(entity type, coreference key or None, form or None)`` of a PII slot token.

    >>> parse_slot("PERSON#1:given")
    ('PERSON', 'PERSON#1', 'given')
    >>> parse_slot("EMAIL_ADDRESS:urlenc")
    ('EMAIL_ADDRESS', None, 'urlenc')
    """
    name, _, form = slot.partition(":")
    etype = name.split("#")[0]
    return etype, (name if "#" in name else None), (form or None)


def pii_slots(template_text: str) -> list[str]:
    """The slots that put PII in the text (entity slots and ``CONTEXT``)."""
    return [s for s in slots(template_text) if not s.startswith("?")]


#: The genres, in a fixed order (the order of :data:`TEMPLATES`); each is the file
#: ``template_bank/<genre>.txt``.
GENRES: tuple[str, ...] = (
    "email",  # letters, notifications, threads, signatures
    "chat",  # Slack/Teams/WhatsApp style messages and short threads
    "support_ticket",  # helpdesk tickets, bug reports, security tickets
    "server_log",  # access logs, app logs, auth logs, stack traces
    "json_record",  # API payloads, exports, events (JSON or JSON Lines)
    "csv_record",  # a header line plus 1-4 rows
    "form",  # filled-in web/paper forms, key: value blocks
    "clinical_note",  # SOAP notes, discharge summaries, referrals, orders
    "legal_note",  # case notes, contract clauses, court filings, notices
    "code_config",  # .env files, YAML, INI, Python/JS, SQL, curl, compose
    "sms",  # short texts, notifications, OTP messages
    "hr_record",  # personnel files, onboarding, payroll, reviews
    "invoice_billing",  # invoices, receipts, payment instructions, dunning
    "crm_note",  # sales/account notes, call logs, lead records
    "meeting_notes",  # minutes, action items, agendas (often markdown)
    "social_post",  # tweets, forum posts, reviews, profile bios, comments
    "bank_statement",  # statements, transaction lines, transfer confirmations
    "travel_booking",  # flight/hotel/train/car bookings, boarding passes, check-in
    "git_commit_review",  # commit messages, diffs, PR descriptions, review comments
    "asset_log",  # asset inventories, fleet logs, refund requests, supplier records
    "insurance_claim",  # health and other insurance claims, referrals, discharge letters
    "personal_record",  # case notes, club and school records, fleet, device, crypto and tax records
    "devops",  # ops chat, runbooks, post-mortems, shell history, audit logs, code (many PII-free)
    "transcript",  # calls, interviews, depositions, chat exports with speaker labels
    "narrative",  # minutes without cues, thank-you lists, diaries, local news, reviews, obituaries
    "letter",  # letters with the sender's and recipient's address blocks, in each country's layout
    "directory",  # rosters, contact lists, signatures, labels, ALL-CAPS forms, header-less tables
    "messaging",  # WhatsApp/Signal/Discord threads and exports, careless lower case, casual addresses
    "customer_service",  # complaints, refunds, changes of address, account recovery, agents' replies
    "spreadsheet",  # pasted sheets, header-less CSV, markdown/ASCII tables, fixed-width reports
    "form_intl",  # German, French, Spanish, Italian and Dutch forms with their own field labels
    "care_note",  # handovers, GP letters, ward rounds, pharmacy/lab requests, care-home logs
    "workplace",  # HR cases, rotas, expenses, IT access and offboarding, relocation, project updates
    "minutes_intl",  # minutes, assemblies, club and school notes in German, French, Spanish, Italian, Dutch, Portuguese
    "dialogue_intl",  # calls, chats and interviews with speaker labels in those languages
    "letter_intl",  # letters, envelopes and shipping labels with postal blocks of many countries
    "notice_intl",  # notices, newsletters, reviews and announcements, mostly without PII
    "life_posts",  # forum and community posts, reviews, ads, diaries, newsletters: ages, towns, dates of a life
    "reminders",  # appointments, itineraries, first days, hearings, visits: one person's dates and places
    "people_lists",  # names without cues: owners, rotas, credits, speaker labels, sign-offs, rosters
    "person_records",  # onboarding, removals, tenancies, sales, hearings, itineraries, intake forms: one person's dates
    "community_voices",  # forum posts, local groups, chat logs, scenes, newsletters, obituaries: ages and towns
    "data_exports",  # SQL, fixtures, delimited exports, statement lines, access and audit logs, LDAP dumps (no JSON)
    "mail_threads",  # replies and forwards with quoted headers, signatures, out-of-office, invites, logins in IT prose
    "field_records",  # registrations and forms with an address split into street, town, postcode, country fields
    "incident_reports",  # police, security, accident and insurance reports, statements, court write-ups
    "patient_messages",  # portal messages, referral and discharge letters, handovers, prescription requests
    "quick_notes",  # texts, voicemails, sticky notes, calendar entries, to-do lists: short and careless
    "local_news",  # local papers, obituaries, notices, club and school news: names with ages and towns
    "tech_traces",  # logs, stack traces, shell sessions, configs, developer chat where personal data leaks
)


def read_genre(genre: str) -> str:
    """The raw text of the bank file of ``genre`` (``template_bank/<genre>.txt``)."""
    return files("piilora.data.template_bank").joinpath(f"{genre}.txt").read_text("utf-8")


def parse_genre(genre: str, raw: str) -> list[Template]:
    """The templates of ``raw``, the text of the bank file of ``genre``.

    Raises :class:`ValueError` on text before the first ``%%`` line, an id that is
    malformed or of another genre, or an empty template.
    """
    parts = _ID_LINE_RE.split(raw)
    # parts = [preamble, id1, body1, id2, body2, ...]
    if parts[0].strip():
        raise ValueError(f"template bank {genre}: text before the first '%%' line")
    out: list[Template] = []
    for tid, body in zip(parts[1::2], parts[2::2]):
        if not _ID_RE.match(tid) or not tid.startswith(genre + "/"):
            raise ValueError(f"template bank {genre}: bad or missing id {tid!r}")
        text = body.strip("\n")
        if not text.strip():
            raise ValueError(f"template {tid}: empty text")
        out.append(Template(tid, genre, text))
    return out


#: Every template of every genre, in bank order.
TEMPLATES: tuple[Template, ...] = tuple(t for g in GENRES for t in parse_genre(g, read_genre(g)))


def templates_by_genre() -> dict[str, list[Template]]:
    """``genre -> templates`` for every genre in :data:`GENRES`."""
    out: dict[str, list[Template]] = {g: [] for g in GENRES}
    for t in TEMPLATES:
        out[t.genre].append(t)
    return out
