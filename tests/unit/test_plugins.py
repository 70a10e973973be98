import sys
import textwrap
import types

import pytest

from piilora import EntityGenerator, PlaceholderScheme, PluginError, hookimpl
from piilora.entities import RuleDetector
from piilora.plugins import (
    DISABLE_AUTOLOAD_ENV,
    create_plugin_manager,
    entity_generators,
    placeholder_schemes,
    plugin_infos,
)

BUILTIN_TYPES = {
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "CREDIT_CARD", "IBAN_CODE",
    "US_SSN", "IP_ADDRESS", "DATE_OF_BIRTH", "USERNAME", "PASSWORD", "URL", "US_DRIVER_LICENSE",
    "PASSPORT", "BANK_ACCOUNT", "NATIONAL_ID", "SECRET",
}  # fmt: skip
BUILTIN_TYPES |= {"LOCATION", "POSTAL_CODE", "DATE", "AGE"}  # issue 23: types that context decides
BUILTIN_TYPES |= {"DEVICE_ID", "VEHICLE_ID", "CRYPTO_WALLET", "TAX_ID", "HEALTH_INSURANCE_ID", "MEDICAL_RECORD_NUMBER"}
BUILTIN_SCHEMES = {"bracket", "numbered", "redact", "mask", "hash", "fake"}


def _gen(entity_type: str) -> EntityGenerator:
    return EntityGenerator(entity_type, lambda f, r, loc: "X-1", contexts=("id {value}",))


def _plugin(name: str, *, entities=(), schemes=()):
    mod = types.ModuleType(name)

    @hookimpl
    def piilora_register_entity_generators(register):
        for e in entities:
            register(_gen(e))

    @hookimpl
    def piilora_register_placeholder_schemes(register):
        for s in schemes:
            register(PlaceholderScheme(s, lambda ctx: lambda v, t: "#"))

    mod.piilora_register_entity_generators = piilora_register_entity_generators
    mod.piilora_register_placeholder_schemes = piilora_register_placeholder_schemes
    return mod


def test_builtins_register_through_the_hooks(plugin_manager):
    assert set(entity_generators(plugin_manager)) == BUILTIN_TYPES
    assert set(placeholder_schemes(plugin_manager)) == BUILTIN_SCHEMES


def test_records_keep_their_cues_and_rules_through_the_hook(plugin_manager):
    builtins = entity_generators(plugin_manager)
    assert builtins["EMAIL_ADDRESS"].rule is not None and builtins["EMAIL_ADDRESS"].rule.verified
    assert "passport" in builtins["PASSPORT"].cues
    rule = RuleDetector.cued(r"E-\d{6}", cues=("badge",))
    badge = EntityGenerator(
        "BADGE_ID", lambda f, r, loc: "E-123456", contexts=("badge {value}",), cues=("badge",), rule=rule
    )
    mod = types.ModuleType("badges")

    @hookimpl
    def piilora_register_entity_generators(register):
        register(badge)

    mod.piilora_register_entity_generators = piilora_register_entity_generators
    got = entity_generators(create_plugin_manager(autoload=False, plugins=[mod]))["BADGE_ID"]
    assert got.cues == ("badge",)
    assert got.rule is rule
    assert list(got.rule.find("badge # E-123456")) == [(8, 16)]


def test_a_plugin_adds_a_type_without_touching_global_state():
    pm = create_plugin_manager(autoload=False, plugins=[_plugin("acme", entities=["EMPLOYEE_ID"])])
    assert "EMPLOYEE_ID" in entity_generators(pm)
    assert "EMPLOYEE_ID" not in entity_generators(create_plugin_manager(autoload=False))


def test_duplicate_entity_type_names_both_plugins():
    pm = create_plugin_manager(
        autoload=False,
        plugins=[_plugin("acme", entities=["BADGE"]), _plugin("globex", entities=["BADGE"])],
    )
    with pytest.raises(PluginError, match=r"'BADGE' is registered by both plugin 'acme' and plugin 'globex'"):
        entity_generators(pm)


def test_plugin_clashing_with_builtin_is_rejected():
    pm = create_plugin_manager(autoload=False, plugins=[_plugin("acme", entities=["PERSON"])])
    with pytest.raises(PluginError, match=r"piilora\.entities\.builtin.*'acme'"):
        entity_generators(pm)


def test_duplicate_scheme_names_both_plugins():
    pm = create_plugin_manager(autoload=False, plugins=[_plugin("acme", schemes=["bracket"])])
    with pytest.raises(PluginError, match=r"'bracket' is registered by both plugin .*builtin.* 'acme'"):
        placeholder_schemes(pm)


def test_registering_the_wrong_kind_is_an_error():
    mod = types.ModuleType("wrong")

    @hookimpl
    def piilora_register_entity_generators(register):
        register("EMPLOYEE_ID")

    mod.piilora_register_entity_generators = piilora_register_entity_generators
    pm = create_plugin_manager(autoload=False, plugins=[mod])
    with pytest.raises(PluginError, match="plugin 'wrong' registered a str, expected EntityGenerator"):
        entity_generators(pm)


def test_generator_contract_is_validated():
    with pytest.raises(PluginError, match="UPPER_SNAKE"):
        _gen("employee id")
    with pytest.raises(PluginError, match="exactly one"):
        EntityGenerator("BADGE", lambda f, r, loc: "x", contexts=("no slot here",))
    with pytest.raises(PluginError, match="lower_snake"):
        PlaceholderScheme("Bad-Name", lambda ctx: lambda v, t: "")


@pytest.fixture
def installed_entry_point(tmp_path, monkeypatch):
    """A real distribution with a `piilora` entry point, visible on sys.path."""
    (tmp_path / "acme_badges.py").write_text(
        textwrap.dedent(
            """
            from piilora import EntityGenerator, hookimpl

            @hookimpl
            def piilora_register_entity_generators(register):
                register(EntityGenerator("BADGE_ID", lambda f, r, loc: "B-1", contexts=("badge {value}",)))
            """
        )
    )
    dist = tmp_path / "acme_badges-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-badges\nVersion: 1.2.3\n")
    (dist / "entry_points.txt").write_text("[piilora]\nbadges = acme_badges\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("acme_badges", None)


@pytest.mark.usefixtures("installed_entry_point")
def test_entry_points_autoload_and_report_their_distribution(monkeypatch):
    monkeypatch.delenv(DISABLE_AUTOLOAD_ENV, raising=False)
    pm = create_plugin_manager()
    assert "BADGE_ID" in entity_generators(pm)
    info = {i.name: i for i in plugin_infos(pm)}["badges"]
    assert (info.distribution, info.version, info.entity_types) == ("acme-badges", "1.2.3", ("BADGE_ID",))


@pytest.mark.usefixtures("installed_entry_point")
@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_env_var_disables_autoload(monkeypatch, value):
    monkeypatch.setenv(DISABLE_AUTOLOAD_ENV, value)
    assert "BADGE_ID" not in entity_generators(create_plugin_manager())
    # an explicit argument wins over the environment
    assert "BADGE_ID" in entity_generators(create_plugin_manager(autoload=True))


def test_plugin_infos_lists_builtins_first(plugin_manager):
    infos = plugin_infos(plugin_manager)
    assert [i.name for i in infos[:2]] == ["piilora.entities.builtin", "piilora.placeholders.builtin"]
    assert set(infos[0].entity_types) == BUILTIN_TYPES
    assert infos[0].distribution == "piilora"
    assert set(infos[1].schemes) == BUILTIN_SCHEMES
