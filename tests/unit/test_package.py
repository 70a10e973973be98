import subprocess
import sys

import piilora


def test_import_is_light():
    """`import piilora` must not drag in torch, transformers or datasets."""
    code = (
        "import sys, piilora\n"
        "heavy = [m for m in ('torch', 'transformers', 'datasets', 'peft', 'accelerate', 'faker')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_surface_is_explicit():
    assert sorted(piilora.__all__) == sorted(set(piilora.__all__))
    for name in piilora.__all__:
        assert getattr(piilora, name) is not None, name
    assert "torch" not in dir(piilora)


def test_lazy_names_resolve_to_their_definitions():
    from piilora.data.synth import generate_corpus
    from piilora.entities.base import EntityGenerator

    assert piilora.generate_corpus is generate_corpus
    assert piilora.EntityGenerator is EntityGenerator


def test_unknown_attribute_raises():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = piilora.nope


def test_errors_share_one_base():
    for cls in (piilora.ConfigError, piilora.DataError, piilora.PluginError, piilora.AdapterError):
        assert issubclass(cls, piilora.PiiloraError)


def test_data_error_names_place_not_value():
    err = piilora.DataError("span 0 is out of range", source="data.jsonl", row=7, field="spans")
    assert str(err) == "data.jsonl, row 7, field 'spans': span 0 is out of range"
    assert (err.source, err.row, err.field) == ("data.jsonl", 7, "spans")
