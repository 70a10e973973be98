"""The model card rendered from an adapter's piilora.json."""

from piilora.data.templates import TEMPLATES
from piilora.modelcard import render_model_card

META = {
    "adapter_config": {"r": 16, "alpha": 32, "dropout": 0.0, "target_modules": ["q_proj"]},
    "train_config": {"max_steps": 500, "batch_size": 8, "learning_rate": 1e-4},
    "entity_types": ["EMAIL_ADDRESS", "PERSON"],
    "metrics": {"eval/loss": 0.0123},
}


def test_card_states_the_training_and_the_bank_it_came_from():
    card = render_model_card(META)
    assert "LoRA r=16, alpha=32" in card and "500 steps of\n8 examples" in card
    assert f"~{round(len(TEMPLATES), -1)} templates" in card
    assert "| eval/loss | 0.0123 |" in card
    assert "Started from a trained adapter" not in card


def test_card_of_a_refined_adapter_names_its_starting_point():
    meta = {**META, "init_adapter": {"name": "default", "sha256": "ab" * 32, "piilora_version": "0.1.0"}}
    card = render_model_card(meta)
    assert "Started from a trained adapter (default, piilora 0.1.0" in card
    assert "abababababababab" in card
