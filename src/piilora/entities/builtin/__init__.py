"""Built-in PII entity generators, registered through the plugin hook.

One module per family holds everything about its types: the samplers, and each type's
complete record (:class:`~piilora.entities.base.EntityGenerator`: sampler, description,
contexts, field names, shape, cue words, rule detector), written out once:

- :mod:`.person`: PERSON
- :mod:`.contact`: EMAIL_ADDRESS, PHONE_NUMBER
- :mod:`.address`: STREET_ADDRESS
- :mod:`.payment`: CREDIT_CARD, IBAN_CODE, BANK_ACCOUNT
- :mod:`.government`: US_SSN, US_DRIVER_LICENSE, PASSPORT, NATIONAL_ID
- :mod:`.dates`: DATE_OF_BIRTH, DATE
- :mod:`.online`: IP_ADDRESS, URL, USERNAME, PASSWORD, SECRET
- :mod:`.places`: LOCATION, POSTAL_CODE
- :mod:`.demographics`: AGE
- :mod:`.devices`: DEVICE_ID, VEHICLE_ID
- :mod:`.finance`: CRYPTO_WALLET, TAX_ID
- :mod:`.health`: HEALTH_INSURANCE_ID, MEDICAL_RECORD_NUMBER

:mod:`.common` holds the helpers they share. Context phrases live in
``contexts/<ENTITY_TYPE>.txt`` and long word tables in ``<family>.json`` beside them.

Every ``sample(faker, rng, locale)`` draws only from the seeded ``faker`` and the
``rng`` it is given, so the same seeds always give the same values. Values aim for
real-world variety (many surface formats per type, locale-appropriate shapes) and,
where a checksum exists, validity: credit cards pass Luhn; IBANs, SSNs and national
ids pass their ``python-stdnum`` validators (the UK NINO, which stdnum lacks, follows
HMRC's prefix/suffix rules; a spaced SSN "123 45 6789" validates once the spaces
are dashes); phone numbers are ``phonenumbers``-valid for the locale's region.
"""

from __future__ import annotations

from collections.abc import Callable

from piilora.entities.base import EntityGenerator
from piilora.entities.builtin.address import STREET_ADDRESS
from piilora.entities.builtin.contact import EMAIL_ADDRESS, PHONE_NUMBER
from piilora.entities.builtin.dates import DATE, DATE_OF_BIRTH
from piilora.entities.builtin.demographics import AGE
from piilora.entities.builtin.devices import DEVICE_ID, VEHICLE_ID
from piilora.entities.builtin.finance import CRYPTO_WALLET, TAX_ID
from piilora.entities.builtin.government import NATIONAL_ID, PASSPORT, US_DRIVER_LICENSE, US_SSN
from piilora.entities.builtin.health import HEALTH_INSURANCE_ID, MEDICAL_RECORD_NUMBER
from piilora.entities.builtin.online import IP_ADDRESS, PASSWORD, SECRET, URL, USERNAME
from piilora.entities.builtin.payment import BANK_ACCOUNT, CREDIT_CARD, IBAN_CODE
from piilora.entities.builtin.person import PERSON
from piilora.entities.builtin.places import LOCATION, POSTAL_CODE
from piilora.hookspecs import hookimpl

__all__ = ["BUILTIN_ENTITY_TYPES", "builtin_entity_generators", "piilora_register_entity_generators"]

#: The built-in records, in registration order.
_GENERATORS: tuple[EntityGenerator, ...] = (
    PERSON,
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    STREET_ADDRESS,
    CREDIT_CARD,
    IBAN_CODE,
    US_SSN,
    IP_ADDRESS,
    DATE_OF_BIRTH,
    USERNAME,
    PASSWORD,
    URL,
    US_DRIVER_LICENSE,
    PASSPORT,
    BANK_ACCOUNT,
    NATIONAL_ID,
    SECRET,
    LOCATION,
    POSTAL_CODE,
    DATE,
    AGE,
    DEVICE_ID,
    VEHICLE_ID,
    CRYPTO_WALLET,
    TAX_ID,
    HEALTH_INSURANCE_ID,
    MEDICAL_RECORD_NUMBER,
)

#: The built-in entity types, in registration order.
BUILTIN_ENTITY_TYPES: tuple[str, ...] = tuple(g.entity_type for g in _GENERATORS)


def builtin_entity_generators() -> tuple[EntityGenerator, ...]:
    """The built-in generators, in :data:`BUILTIN_ENTITY_TYPES` order."""
    return _GENERATORS


@hookimpl
def piilora_register_entity_generators(register: Callable[[EntityGenerator], None]) -> None:
    """Register the built-in entity generators."""
    for generator in builtin_entity_generators():
        register(generator)
