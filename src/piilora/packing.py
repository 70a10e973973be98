"""Prepacked linear layers for inference on the CPU.

A decode step of the copy decoder multiplies a few positions (1 to ~100) by every weight of
the transformer body. ``torch.nn.functional.linear`` hands oneDNN the weight in its plain
layout on every call, and at these shapes the kernel spends as long rearranging it as
multiplying (a 2048x640 float32 linear at one position: 440 us plain, 215 us prepacked, on a
2-core AMD EPYC Zen 4). :func:`pack_linears` rearranges each body weight once, into oneDNN's
own blocked layout, and swaps the ``nn.Linear`` for a :class:`PackedLinear` that multiplies
with it: the same arithmetic (float32 and bfloat16), measured masks identical, and no second
copy of the weights (the plain one is dropped).

Inference only: a packed layer has no ``weight`` parameter and no gradient, so a packed model
can no longer be trained, merged or saved. :func:`piilora.redactor.load_masker` packs only
the models it loads for masking (``pack=True``), never one a caller passes in.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import weakref
from typing import Any

import torch

__all__ = ["PackedLinear", "pack_linears", "packing_available"]

log = logging.getLogger(__name__)

_DTYPES = (torch.float32, torch.bfloat16)
_MADV_DONTNEED = 4  # Linux


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

    The plain weights are dropped. Where they lay in the checkpoint file transformers maps
    (the float32 load; the adapter merge had made its pages private copies), that mapping
    stays alive for the embeddings, so their pages are handed back to the OS
    (:func:`_release`): packing must not cost a second copy of the weights."""
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
            linear = getattr(parent, name)
            plain = linear.weight
            storage = plain.untyped_storage()
            # 2 uses: the weight itself and ``storage`` here; any more is a view someone else holds
            span = (storage.data_ptr(), storage.nbytes()) if torch._C._storage_Use_Count(storage._cdata) == 2 else None
            gone = weakref.ref(plain)
            del storage
            setattr(parent, name, PackedLinear(linear))
            del linear, plain
            if span is not None and gone() is None:  # freed: nothing reads those pages again
                _release([span])
    return len(targets)


def _release(spans: list[tuple[int, int]]) -> int:
    """Hand back to the OS the pages wholly inside ``spans`` (address, bytes) of freed weights
    that lie in a private file mapping (Linux; ``madvise(MADV_DONTNEED)``). Memory of the C
    heap is never touched (the allocator owns it). Returns the bytes released."""
    if not spans or not sys.platform.startswith("linux"):
        return 0
    try:
        maps = []
        with open("/proc/self/maps") as f:
            for line in f:
                fields = line.split(maxsplit=5)
                path = fields[5].strip() if len(fields) > 5 else ""
                if "p" in fields[1] and path.startswith("/"):
                    low, high = (int(x, 16) for x in fields[0].split("-"))
                    maps.append((low, high))
        libc = ctypes.CDLL(None, use_errno=True)
        page = os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError) as exc:
        log.debug("weights not released: %s", exc)
        return 0
    released = 0
    for at, size in spans:
        low, high = -(-at // page) * page, (at + size) // page * page
        inside = high > low and any(m_low <= low and high <= m_high for m_low, m_high in maps)
        if inside and libc.madvise(ctypes.c_void_p(low), ctypes.c_size_t(high - low), _MADV_DONTNEED) == 0:
            released += high - low
    return released
