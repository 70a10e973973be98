"""Training: the :class:`Trainer` (:mod:`.trainer`), its loss (:mod:`.loss`), checkpoints
(:mod:`.checkpoint`), the metrics log (:mod:`.metrics`) and starting from a trained adapter
(:mod:`.init_adapter`). The adapter directory it writes is :mod:`piilora.adapters`' format."""

from __future__ import annotations

from piilora.training.init_adapter import init_adapter_config
from piilora.training.trainer import Trainer, bf16_supported

__all__ = ["Trainer", "bf16_supported", "init_adapter_config"]
