"""The batched forward engine: a ragged batch of rows over one KV cache.

Rows are left-padded at the prefill and then fed right-padded tokens each step; tokens a
row does not keep (padding, rejected proposals) stay in the cache as holes. Every slot
records the row's true position, and the attention masks are built from those positions
and the holes, so each row computes exactly what it would alone. Holes cost attention
arithmetic every step (in a batch of 8 long texts, two slots in three were holes), so the
cache is compacted (:meth:`BatchState.compact`) once they pass a quarter of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from piilora.decoding.body import attention_masks, cache_keyword, lean_body

__all__ = ["BatchState", "ForwardEngine"]


@dataclass
class BatchState:
    """The cache of a batch and what each of its slots is, per row."""

    cache: Any  # the KV cache (transformers ``DynamicCache``)
    valid: Any  # (rows, slots) bool: the slot holds a kept token (not padding, not a hole)
    pos: Any  # (rows, slots) long: the true position of the token in the slot
    fed_from: int  # the first slot of the last feed
    length: Any  # (rows,) long: the row's true length before its next token

    def keep(self, row: int, slot: int, n: int) -> None:
        """``row`` keeps the ``n`` tokens fed from cache ``slot`` on; later slots become holes."""
        self.valid[row, slot + n :] = False
        self.length[row] += n

    def compact(self, *, slack: float = 0.25, least: int = 32) -> bool:
        """Drop the holes from the cache once more than ``slack`` of its slots (and at least
        ``least``) are holes in every row: each row's kept slots move to the front, in order,
        with their true positions, so masks (built from positions) see the same tokens. Returns
        whether it compacted."""
        import torch

        slots = self.valid.shape[1]
        kept = int(self.valid.sum(1).max()) if slots else 0
        if slots - kept < max(least, slack * slots):
            return False
        # stable sort: kept slots first, in their order; then holes (a row with fewer keeps some)
        order = torch.sort((~self.valid).to(torch.uint8), dim=1, stable=True).indices[:, :kept]
        for layer in self.cache.layers:
            heads, keys_dim, values_dim = layer.keys.shape[1], layer.keys.shape[3], layer.values.shape[3]
            layer.keys = layer.keys.gather(2, order[:, None, :, None].expand(-1, heads, -1, keys_dim))
            layer.values = layer.values.gather(2, order[:, None, :, None].expand(-1, heads, -1, values_dim))
        self.valid = self.valid.gather(1, order)
        self.pos = self.pos.gather(1, order)
        return True

    def join(self, other: BatchState) -> None:
        """Append the rows of ``other`` (a batch prefilled apart) below this batch's rows: the
        shorter cache gets holes at its end, so every row keeps its slots and true positions."""
        import torch

        slots = max(self.valid.shape[1], other.valid.shape[1])

        def widen(x: Any, dim: int) -> Any:  # holes (zeros; not valid) up to ``slots`` along ``dim``
            missing = slots - x.shape[dim]
            if not missing:
                return x
            shape = list(x.shape)
            shape[dim] = missing
            return torch.cat([x, x.new_zeros(shape)], dim)

        for mine, theirs in zip(self.cache.layers, other.cache.layers):
            mine.keys = torch.cat([widen(mine.keys, 2), widen(theirs.keys, 2)])
            mine.values = torch.cat([widen(mine.values, 2), widen(theirs.values, 2)])
        self.valid = torch.cat([widen(self.valid, 1), widen(other.valid, 1)])
        self.pos = torch.cat([widen(self.pos, 1), widen(other.pos, 1)])
        self.length = torch.cat([self.length, other.length])

    def select_rows(self, rows: list[int]) -> None:
        """Drop every row not in ``rows`` (rows that finished)."""
        import torch

        index = torch.tensor(rows, device=self.valid.device)
        for layer in self.cache.layers:
            layer.keys = layer.keys.index_select(0, index)
            layer.values = layer.values.index_select(0, index)
        self.valid = self.valid.index_select(0, index)
        self.pos = self.pos.index_select(0, index)
        self.length = self.length.index_select(0, index)


class ForwardEngine:
    """Forwards of the transformer body of ``model`` (a causal LM with ``.model`` and
    ``.lm_head``) over a :class:`BatchState`. ``prefix`` is the token ids every prompt starts
    with; with ``prefix_cache`` its KV is computed once and shared by every batch. ``lean``:
    run the steps through :class:`~piilora.decoding.body.LeanBody` where it gives
    transformers' hidden states bit for bit (a Gemma 3 body), else through transformers.
    ``compact``: drop holes from the cache before a step once they are many
    (:meth:`BatchState.compact`). ``ragged``: the lean body's linear layers skip the padding
    of a batch (rows of different lengths); per token the arithmetic is the same, over a
    matrix of another height, so results may differ from padded ones by rounding, as
    batched results already do from one text at a time."""

    def __init__(
        self,
        model: Any,
        prefix: Sequence[int],
        *,
        prefix_cache: bool = True,
        lean: bool = True,
        compact: bool = True,
        ragged: bool = True,
    ) -> None:
        self.body = model.model
        self.head_weight = model.lm_head.weight  # where and in which dtype the model runs
        config = getattr(model, "config", None)
        self.layer_types = tuple(getattr(config, "layer_types", None) or ())
        self.window = getattr(config, "sliding_window", None) if "sliding_attention" in self.layer_types else None
        self.eager = getattr(config, "_attn_implementation", "sdpa") == "eager"
        self.cache_arg = cache_keyword(self.body)
        self.prefix = tuple(prefix)
        self.prefix_cache = prefix_cache and bool(self.layer_types)
        self._prefix_kv: list[tuple[Any, Any]] | None = None
        self.lean = lean_body(model) if lean and not self.eager else None
        self.compact = compact
        self.ragged = ragged

    def prefill(self, prompts: list[list[int]], proposals: list[list[int]]) -> tuple[BatchState, Any]:
        """Run the prompts, each followed by its first proposal (left-padded to the longest);
        returns the batch state (each row's length counted up to its last prompt token) and
        the hidden states of the new slots."""
        import torch
        from transformers import DynamicCache

        device = self.head_weight.device
        shared = self.prefix_cache and all(tuple(p[: len(self.prefix)]) == self.prefix for p in prompts)
        start = len(self.prefix) if shared else 0
        rests = [p[start:] + q for p, q in zip(prompts, proposals)]
        width = max(len(r) for r in rests)
        b = len(prompts)
        ids = torch.zeros((b, width), dtype=torch.long, device=device)
        valid = torch.zeros((b, start + width), dtype=torch.bool, device=device)
        pos = torch.zeros((b, start + width), dtype=torch.long, device=device)
        valid[:, :start] = True
        pos[:, :start] = torch.arange(start, device=device)
        for row, r in enumerate(rests):  # left padding: each row's rest ends at the last slot
            pad = width - len(r)
            if r:
                ids[row, pad:] = torch.tensor(r, device=device)
            valid[row, start + pad :] = True
            pos[row, start + pad :] = torch.arange(start, start + len(r), device=device)
        cache = DynamicCache()
        if shared:
            for layer, (k, v) in enumerate(self._prefix_states()):
                cache.update(k.expand(b, -1, -1, -1).contiguous(), v.expand(b, -1, -1, -1).contiguous(), layer)
        length = torch.tensor([len(p) - 1 for p in prompts], device=device)
        state = BatchState(cache=cache, valid=valid, pos=pos, fed_from=start, length=length)
        hidden = self._run(state, ids, pos[:, start:], valid[:, start:])
        return state, hidden

    def step(self, state: BatchState, feeds: list[list[int]]) -> Any:
        """Feed each row its tokens (right-padded to the longest feed); returns hidden states."""
        import torch

        device = self.head_weight.device
        b, width = len(feeds), max(len(f) for f in feeds)
        ids = torch.zeros((b, width), dtype=torch.long, device=device)
        real = torch.zeros((b, width), dtype=torch.bool, device=device)
        for row, f in enumerate(feeds):
            ids[row, : len(f)] = torch.tensor(f, device=device)
            real[row, : len(f)] = True
        pos = state.length[:, None] + torch.arange(width, device=device)[None]
        if self.compact:
            state.compact()
        state.fed_from = state.valid.shape[1]
        state.valid = torch.cat([state.valid, torch.ones((b, width), dtype=torch.bool, device=device)], 1)
        state.pos = torch.cat([state.pos, pos], 1)
        return self._run(state, ids, pos, real)

    def _prefix_states(self) -> list[tuple[Any, Any]]:
        """KV of the shared instruction prefix, computed once."""
        import torch
        from transformers import DynamicCache

        if self._prefix_kv is None:
            device = self.head_weight.device
            cache = DynamicCache()
            ids = torch.tensor([self.prefix], device=device)
            positions = torch.arange(len(self.prefix), device=device)[None]
            self.body(input_ids=ids, position_ids=positions, use_cache=True, **{self.cache_arg: cache})
            layers: list[Any] = list(cache.layers)
            self._prefix_kv = [(layer.keys, layer.values) for layer in layers]
        return self._prefix_kv

    def _run(self, state: BatchState, ids: Any, positions: Any, real: Any) -> Any:
        """One forward of ``ids`` at ``positions`` over the cache, with masks built from each
        slot's true position, so holes (padding, rejected proposals) never count; ``real``
        marks the fed tokens that are not padding (the lean body skips the rest)."""
        masks = attention_masks(state.valid, state.pos, positions, state.fed_from, self.window)
        masks = {name: self._mask_form(m) for name, m in masks.items()}
        if not self.layer_types:
            masks = masks["full_attention"]
        if self.lean is not None:
            return self.lean(ids, positions, masks, state.cache, real if self.ragged else None)
        out = self.body(input_ids=ids, position_ids=positions, attention_mask=masks, use_cache=True,
                        **{self.cache_arg: state.cache})  # fmt: skip
        return out.last_hidden_state

    def _mask_form(self, mask: Any) -> Any:
        """A boolean mask as the attention implementation takes it (additive for eager)."""
        import torch

        if not self.eager:
            return mask
        dtype = self.head_weight.dtype
        return torch.zeros(mask.shape, dtype=dtype, device=mask.device).masked_fill(~mask, torch.finfo(dtype).min)
