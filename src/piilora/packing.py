"""Prepacked linear layers for inference on the CPU.

A decode step of the copy decoder multiplies a few positions (1 to ~100) by every weight of
the transformer body. ``torch.nn.functional.linear`` hands oneDNN the weight in its plain
layout on every call, and at these shapes the kernel spends as long rearranging it as
multiplying (a 2048x640 float32 linear at one position: 440 us plain, 215 us prepacked, on a
2-core AMD EPYC Zen 4). :func:`pack_linears` rearranges each body weight once, into oneDNN's
own blocked layout, and swaps the ``nn.Linear`` for a :class:`PackedLinear` that multiplies
with it: the same arithmetic (float32 and bfloat16), measured masks identical.

Inference only: a packed layer has no ``weight`` parameter and no gradient, so a packed model
can no longer be trained, merged or saved. :func:`piilora.redactor.load_masker` packs only
the models it loads for masking (``pack=True``), never one a caller passes in.
"""

from __future__ import annotations

import logging
from typing import Any

import torch

__all__ = ["PackedLinear", "pack_linears", "packing_available"]

log = logging.getLogger(__name__)

_DTYPES = (torch.float32, torch.bfloat16)


class PackedLinear(torch.nn.Module):
    """``y = x W^T + b`` with ``W`` prepacked for oneDNN (see the module docstring)."""

    def __init__(self, linear: torch.nn.Linear) -> None:
        super().__init__()
        self.in_features = linear.in_features
        self.out_features = linear.out_features
        self.dtype = linear.weight.dtype
        # a plain attribute, not a parameter or buffer: an opaque oneDNN tensor (no state_dict,
        # no ``.to()``); the bias stays a tensor of the usual kind
        self.packed = torch.ops.mkldnn._reorder_linear_weight(linear.weight.detach(), None)
        self.register_buffer("bias", None if linear.bias is None else linear.bias.detach().clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.mkldnn._linear_pointwise(x, self.packed, self.bias, "none", [], "")

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, dtype={self.dtype}, packed"


def packing_available(dtype: torch.dtype) -> bool:
    """Whether linear layers of ``dtype`` can be prepacked here (a CPU torch built with oneDNN,
    float32 or bfloat16; a trial layer must give ``F.linear``'s answer)."""
    if dtype not in _DTYPES or not torch.backends.mkldnn.is_available():
        return False
    try:
        with torch.no_grad():
            probe = torch.nn.Linear(64, 48, dtype=dtype)
            x = torch.randn(3, 64, dtype=dtype)
            got = PackedLinear(probe)(x)
            want = torch.nn.functional.linear(x, probe.weight, probe.bias)
        tolerance = 1e-2 if dtype == torch.bfloat16 else 1e-4
        return bool(torch.allclose(got.float(), want.float(), rtol=tolerance, atol=tolerance))
    except (RuntimeError, AttributeError, NotImplementedError) as exc:
        log.debug("oneDNN linear packing unavailable for %s: %s", dtype, exc)
        return False


def pack_linears(model: Any) -> int:
    """Swap every ``nn.Linear`` of the transformer body of ``model`` (a causal LM with a
    ``.model`` body, in float32 or bfloat16 on the CPU) for a :class:`PackedLinear`; the head
    (tied to the embeddings, read by the copy decoder) is left as it is. Returns how many
    layers were packed: 0 where packing is unavailable (another device or dtype, no oneDNN).

    The plain weights are dropped, but in a float32 load their memory is not returned: they
    lie in transformers' private mapping of the checkpoint file (the adapter merge made
    private copies of those pages), which the embeddings keep alive, so a packed float32
    model holds ~350 MB more than a plain one (bf16 weights are fresh allocations: no cost)."""
    body = getattr(model, "model", None)
    head = getattr(model, "lm_head", None)
    weight = getattr(head, "weight", None)
    if body is None or weight is None or weight.device.type != "cpu" or not packing_available(weight.dtype):
        return 0
    targets = [
        (parent, name)
        for parent, module in body.named_modules()
        for name, child in module.named_children()
        if type(child) is torch.nn.Linear and child.weight.device.type == "cpu" and child.weight.dtype in _DTYPES
    ]
    with torch.no_grad():
        for parent_name, name in targets:
            parent = body.get_submodule(parent_name)
            setattr(parent, name, PackedLinear(getattr(parent, name)))
    return len(targets)
