"""Choosing what to mask: presets and entity types (piilora.selection)."""

from __future__ import annotations

import pytest

from piilora.errors import ConfigError
from piilora.selection import PRESETS, QUASI_IDENTIFIERS, resolve_selection

KNOWN = ("PERSON", "EMAIL_ADDRESS", "CREDIT_CARD", "PASSWORD", "SECRET", "LOCATION", "AGE", "EMPLOYEE_ID")


def test_nothing_chosen_means_every_type():
    assert resolve_selection(None, None, KNOWN) is None
    assert resolve_selection("all", None, KNOWN) is None
    assert resolve_selection(["all"], [], KNOWN) is None


def test_presets_and_types_mix_and_exclude_takes_away():
    assert resolve_selection("pci", None, KNOWN) == {"CREDIT_CARD", "PERSON"}
    assert resolve_selection(["secrets", "EMAIL_ADDRESS"], None, KNOWN) == {"PASSWORD", "SECRET", "EMAIL_ADDRESS"}
    assert resolve_selection(None, "PERSON", KNOWN) == set(KNOWN) - {"PERSON"}
    assert resolve_selection("pci", ["PERSON"], KNOWN) == {"CREDIT_CARD"}


def test_direct_leaves_quasi_identifiers_and_keeps_plugin_types():
    direct = resolve_selection("direct", None, KNOWN)
    assert direct == set(KNOWN) - QUASI_IDENTIFIERS
    assert "EMPLOYEE_ID" in direct


def test_a_preset_type_that_is_not_registered_is_skipped():
    assert "MEDICAL_RECORD_NUMBER" in PRESETS["hipaa"]
    assert resolve_selection("hipaa", None, KNOWN) == {"PERSON", "EMAIL_ADDRESS", "CREDIT_CARD", "LOCATION", "AGE"}


@pytest.mark.parametrize("bad", ["NOPE", ["pci", "person"], "HIPAA"])
def test_an_unknown_name_is_a_clear_error(bad):
    with pytest.raises(ConfigError, match="unknown entity type or preset"):
        resolve_selection(bad, None, KNOWN)
    with pytest.raises(ConfigError, match="exclude"):
        resolve_selection(None, bad, KNOWN)
