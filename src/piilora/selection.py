"""Choosing what to mask: entity types by name or by a named preset.

``Redactor(entities=...)`` and ``mask(..., entities=..., exclude=...)`` take preset names
and entity types mixed (``entities=("pci", "EMAIL_ADDRESS")``). A type outside the
selection is left as it is, whole: detection runs as always (so a span of another type
never cuts into it) and the spans of unselected types are dropped before the placeholders
are written. An unknown name is a :class:`~piilora.errors.ConfigError`.

Presets (see ``docs/coverage.md`` for the identifiers each one covers):

- ``all``: every registered type, plugins included (the default);
- ``direct``: direct identifiers only: every type but the quasi-identifiers ``LOCATION``,
  ``POSTAL_CODE``, ``DATE`` and ``AGE``;
- ``hipaa``: the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2));
- ``pci``: cardholder data (card number with its CVV and expiry, the cardholder's name);
- ``secrets``: credentials (passwords, API keys and tokens, private keys).

Presets name built-in types; a preset type that is not registered is skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from piilora.errors import ConfigError

__all__ = ["PRESETS", "QUASI_IDENTIFIERS", "resolve_selection"]

#: Types that identify someone only in combination (a town, a date, an age): ``direct`` leaves them.
QUASI_IDENTIFIERS: frozenset[str] = frozenset({"LOCATION", "POSTAL_CODE", "DATE", "AGE"})

#: Preset name -> the built-in types it selects (``all`` and ``direct`` are computed).
PRESETS: dict[str, frozenset[str]] = {
    "hipaa": frozenset(
        {
            "PERSON",
            "STREET_ADDRESS",
            "LOCATION",
            "POSTAL_CODE",
            "DATE",
            "DATE_OF_BIRTH",
            "AGE",
            "PHONE_NUMBER",
            "EMAIL_ADDRESS",
            "US_SSN",
            "MEDICAL_RECORD_NUMBER",
            "HEALTH_INSURANCE_ID",
            "BANK_ACCOUNT",
            "IBAN_CODE",
            "CREDIT_CARD",
            "CRYPTO_WALLET",
            "US_DRIVER_LICENSE",
            "PASSPORT",
            "NATIONAL_ID",
            "TAX_ID",
            "VEHICLE_ID",
            "DEVICE_ID",
            "URL",
            "IP_ADDRESS",
            "USERNAME",
        }
    ),
    "pci": frozenset({"CREDIT_CARD", "PERSON"}),
    "secrets": frozenset({"PASSWORD", "SECRET"}),
}
_COMPUTED = ("all", "direct")


def resolve_selection(
    entities: str | Iterable[str] | None,
    exclude: str | Iterable[str] | None,
    known: Collection[str],
) -> frozenset[str] | None:
    """The selected entity types among ``known`` (None when every type is selected).

    ``entities``: preset names and/or entity types (None = ``all``); ``exclude``: the same,
    taken away afterwards. Names are matched as written (presets lower case, types UPPER_SNAKE).
    """
    if entities is None and not exclude:
        return None
    chosen = _expand(entities if entities is not None else ("all",), known, "entities")
    if exclude:
        chosen -= _expand(exclude, known, "exclude")
    return None if chosen >= set(known) else frozenset(chosen)


def _expand(names: str | Iterable[str], known: Collection[str], argument: str) -> set[str]:
    items = [names] if isinstance(names, str) else list(names)
    out: set[str] = set()
    for name in items:
        if not isinstance(name, str):
            raise ConfigError(f"{argument} must hold preset names or entity types, not {type(name).__name__}")
        if name == "all":
            out.update(known)
        elif name == "direct":
            out.update(t for t in known if t not in QUASI_IDENTIFIERS)
        elif name in PRESETS:
            out.update(t for t in PRESETS[name] if t in known)
        elif name in known:
            out.add(name)
        else:
            presets = ", ".join((*_COMPUTED, *PRESETS))
            raise ConfigError(
                f"{argument}: unknown entity type or preset {name!r}; presets: {presets}; "
                f"types: {', '.join(sorted(known))}"
            )
    return out
