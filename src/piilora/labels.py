"""Label maps between piilora's entity types and the label sets users already have.

``"presidio"``: Presidio's entity names (``EMAIL_ADDRESS``, ``US_PASSPORT``, ``UK_NHS``...);
``"ai4privacy"``: the labels of ai4privacy's PII-masking data sets (``FIRSTNAME``, ``TELEPHONENUM``,
``VEHICLEVIN``...). Both directions:

- to piilora (:func:`label_map`): for :func:`piilora.load_records` (``label_map="ai4privacy"``)
  and ``piilora eval --label-map presidio``, so a file labelled in those sets trains or scores
  without a hand-written map. A label mapped to ``None`` names something piilora does not mask
  (a job title, a gender, an amount): its span is dropped and its text treated as plain text.
- from piilora (:func:`to_label`): the name of a piilora type in the other set (the Presidio
  recognizer reports piilora's spans under Presidio's names). ``Span.entity_type`` itself always
  stays piilora's name.
"""

from __future__ import annotations

from collections.abc import Mapping

from piilora.errors import ConfigError

__all__ = ["LABEL_SETS", "label_map", "to_label"]

#: Presidio entity name -> piilora type (None: not masked by piilora).
_PRESIDIO: dict[str, str | None] = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "CRYPTO": "CRYPTO_WALLET",
    "MAC_ADDRESS": "DEVICE_ID",
    "MEDICAL_LICENSE": "NATIONAL_ID",
    "NRP": None,  # nationality, religious or political group: a fact, not an identifier
    "ORGANIZATION": None,
    "US_SSN": "US_SSN",
    "US_ITIN": "TAX_ID",
    "US_PASSPORT": "PASSPORT",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "US_BANK_NUMBER": "BANK_ACCOUNT",
    "UK_NHS": "HEALTH_INSURANCE_ID",
    "UK_NINO": "NATIONAL_ID",
    "UK_PASSPORT": "PASSPORT",
    "UK_VEHICLE_REGISTRATION": "VEHICLE_ID",
    "ES_NIF": "NATIONAL_ID",
    "ES_NIE": "NATIONAL_ID",
    "IT_FISCAL_CODE": "NATIONAL_ID",
    "IT_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "IT_VAT_CODE": "TAX_ID",
    "IT_PASSPORT": "PASSPORT",
    "IT_IDENTITY_CARD": "NATIONAL_ID",
    "PL_PESEL": "NATIONAL_ID",
    "FI_PERSONAL_IDENTITY_CODE": "NATIONAL_ID",
    "SG_NRIC_FIN": "NATIONAL_ID",
    "SG_UEN": "TAX_ID",
    "AU_ABN": "TAX_ID",
    "AU_ACN": "TAX_ID",
    "AU_TFN": "TAX_ID",
    "AU_MEDICARE": "HEALTH_INSURANCE_ID",
    "IN_PAN": "TAX_ID",
    "IN_AADHAAR": "NATIONAL_ID",
    "IN_VEHICLE_REGISTRATION": "VEHICLE_ID",
    "IN_VOTER": "NATIONAL_ID",
    "IN_PASSPORT": "PASSPORT",
    "KR_RRN": "NATIONAL_ID",
    "TH_TNIN": "NATIONAL_ID",
}

#: ai4privacy label -> piilora type (None: not masked by piilora). Name parts map to PERSON and
#: address parts to STREET_ADDRESS; a town to LOCATION and a postcode to POSTAL_CODE.
_AI4PRIVACY: dict[str, str | None] = {
    **dict.fromkeys(("FIRSTNAME", "LASTNAME", "MIDDLENAME", "GIVENNAME", "SURNAME", "NAME", "FULLNAME"), "PERSON"),
    **dict.fromkeys(("PREFIX", "TITLE"), None),  # ``Mr``, ``Dr``: not the name
    "EMAIL": "EMAIL_ADDRESS",
    **dict.fromkeys(("PHONENUMBER", "TELEPHONENUM", "PHONE"), "PHONE_NUMBER"),
    "PHONEIMEI": "DEVICE_ID",
    "MAC": "DEVICE_ID",
    **dict.fromkeys(("IP", "IPV4", "IPV6"), "IP_ADDRESS"),
    **dict.fromkeys(("CREDITCARDNUMBER", "CREDITCARDCVV"), "CREDIT_CARD"),
    "CREDITCARDISSUER": None,
    "IBAN": "IBAN_CODE",
    "BIC": None,  # a bank's code, not an account
    **dict.fromkeys(("ACCOUNTNUMBER", "ACCOUNTNUM"), "BANK_ACCOUNT"),
    "ACCOUNTNAME": None,
    **dict.fromkeys(("SSN", "SOCIALNUM"), "US_SSN"),
    **dict.fromkeys(("IDCARDNUM", "IDCARD"), "NATIONAL_ID"),
    **dict.fromkeys(("PASSPORTNUM", "PASSPORT"), "PASSPORT"),
    **dict.fromkeys(("DRIVERLICENSENUM", "DRIVERLICENSE"), "US_DRIVER_LICENSE"),
    **dict.fromkeys(("TAXNUM", "TAXID"), "TAX_ID"),
    "USERNAME": "USERNAME",
    **dict.fromkeys(("PASSWORD", "PIN"), "PASSWORD"),
    "URL": "URL",
    **dict.fromkeys(("DOB", "DATEOFBIRTH"), "DATE_OF_BIRTH"),
    "DATE": "DATE",
    "TIME": None,
    "AGE": "AGE",
    **dict.fromkeys(("STREET", "BUILDINGNUMBER", "BUILDINGNUM", "SECONDARYADDRESS"), "STREET_ADDRESS"),
    **dict.fromkeys(("CITY", "COUNTY", "STATE"), "LOCATION"),
    **dict.fromkeys(("ZIPCODE", "POSTCODE"), "POSTAL_CODE"),
    "NEARBYGPSCOORDINATE": "LOCATION",
    **dict.fromkeys(("VEHICLEVIN", "VEHICLEVRM"), "VEHICLE_ID"),
    **dict.fromkeys(("BITCOINADDRESS", "ETHEREUMADDRESS", "LITECOINADDRESS"), "CRYPTO_WALLET"),
    **dict.fromkeys(
        (
            "USERAGENT",
            "JOBTITLE",
            "JOBAREA",
            "JOBTYPE",
            "COMPANYNAME",
            "GENDER",
            "SEX",
            "EYECOLOR",
            "HEIGHT",
            "AMOUNT",
            "CURRENCY",
            "CURRENCYSYMBOL",
            "CURRENCYCODE",
            "CURRENCYNAME",
            "MASKEDNUMBER",
            "ORDINALDIRECTION",
        ),
        None,
    ),
}

#: The known label sets: name -> (their label -> piilora type).
LABEL_SETS: dict[str, dict[str, str | None]] = {"presidio": _PRESIDIO, "ai4privacy": _AI4PRIVACY}

#: piilora type -> the label set's name for it, where the first mapping above is not the one wanted.
_PREFERRED: dict[str, dict[str, str]] = {
    "presidio": {
        "PASSPORT": "US_PASSPORT",
        "BANK_ACCOUNT": "US_BANK_NUMBER",
        "DATE": "DATE_TIME",
        "DATE_OF_BIRTH": "DATE_TIME",
        "STREET_ADDRESS": "LOCATION",
        "POSTAL_CODE": "LOCATION",
        "TAX_ID": "US_ITIN",
        "NATIONAL_ID": "NATIONAL_ID",  # Presidio's names are per country (UK_NINO, IT_FISCAL_CODE...)
        "DEVICE_ID": "DEVICE_ID",  # an IMEI or a serial is no MAC_ADDRESS
    },
    "ai4privacy": {"PERSON": "FIRSTNAME", "PHONE_NUMBER": "TELEPHONENUM", "STREET_ADDRESS": "STREET"},
}


def label_map(name: str | Mapping[str, str | None] | None) -> dict[str, str | None] | None:
    """A label map to piilora types: a known set's name (``"presidio"``, ``"ai4privacy"``), a
    mapping (returned as a dict), or None."""
    if name is None or isinstance(name, Mapping):
        return None if name is None else dict(name)
    if name not in LABEL_SETS:
        raise ConfigError(f"unknown label set {name!r}; known: {', '.join(LABEL_SETS)} (or pass a mapping)")
    return dict(LABEL_SETS[name])


def to_label(entity_type: str, label_set: str) -> str:
    """The name of piilora's ``entity_type`` in ``label_set``; a type the set has no name for
    keeps piilora's (``EMPLOYEE_ID`` stays ``EMPLOYEE_ID``)."""
    if label_set not in LABEL_SETS:
        raise ConfigError(f"unknown label set {label_set!r}; known: {', '.join(LABEL_SETS)}")
    preferred = _PREFERRED.get(label_set, {}).get(entity_type)
    if preferred:
        return preferred
    return next((label for label, t in LABEL_SETS[label_set].items() if t == entity_type), entity_type)
