"""A lean forward of the Gemma 3 text body, for the copy decoder's steps.

The copy decoder runs a few forwards per text, each over 1 to ~100 new positions. At those
sizes a forward through transformers' modules costs more in Python and small tensor
operations than in arithmetic: every layer goes through decorators, keyword plumbing, an
attention-function registry and per-call rotary tables (a 1-position bf16 forward of Gemma 3
270M: ~23 ms through transformers, ~18 ms here, on a 2-core AMD EPYC Zen 4). :class:`LeanBody`
runs the same operations, in the same order and dtypes, on the same modules (plain or packed
linear layers, :mod:`piilora.packing`), with the rotary tables computed once per forward.

Same arithmetic is checked, not assumed: :func:`lean_body` returns a ``LeanBody`` only for a
body it knows (Gemma 3 text, SDPA attention, default rotary embeddings, no soft-capping) and
only after a probe forward over a KV cache, with the engine's masks, gives bit-for-bit the
hidden states transformers gives; otherwise the engine keeps transformers' forward.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

__all__ = ["LeanBody", "attention_masks", "cache_keyword", "lean_body"]

log = logging.getLogger(__name__)


class LeanBody:
    """``hidden = body(ids, positions, masks, cache)`` for a Gemma 3 text body (see the module
    docstring). ``masks`` maps each layer type (``full_attention``, ``sliding_attention``) to a
    boolean ``(rows, 1, new, slots)`` mask; ``cache`` is a transformers ``DynamicCache``, updated
    in place as transformers' own forward would."""

    def __init__(self, body: Any) -> None:
        import torch

        config = body.config
        embed = body.embed_tokens
        self.embedding = embed.weight
        self.embed_scale = embed.embed_scale.to(embed.weight.dtype)
        self.eps = float(config.rms_norm_eps)
        self.layer_types = tuple(config.layer_types)
        self.heads = int(config.num_attention_heads)
        self.groups = self.heads // int(config.num_key_value_heads)
        self.head_dim = int(config.head_dim)
        self.scaling = float(config.query_pre_attn_scalar) ** -0.5
        rotary = body.rotary_emb
        self.inv_freq = {t: getattr(rotary, f"{t}_inv_freq").float() for t in set(self.layer_types)}
        self.rope_scale = {t: getattr(rotary, f"{t}_attention_scaling") for t in set(self.layer_types)}

        def gain(norm: Any) -> Any:  # Gemma's RMSNorm multiplies by (1 + weight), in float32
            return 1.0 + norm.weight.detach().float()

        self.layers = []
        for layer in body.layers[: config.num_hidden_layers]:
            attn, mlp = layer.self_attn, layer.mlp
            self.layers.append((
                gain(layer.input_layernorm), attn.q_proj, attn.k_proj, attn.v_proj, gain(attn.q_norm),
                gain(attn.k_norm), attn.o_proj, gain(layer.post_attention_layernorm),
                gain(layer.pre_feedforward_layernorm), mlp.gate_proj, mlp.up_proj, mlp.down_proj,
                gain(layer.post_feedforward_layernorm),
            ))  # fmt: skip
        self.final_norm = gain(body.norm)
        self._torch = torch

    def _norm(self, x: Any, gain: Any) -> Any:
        xf = x.float()
        return (xf * self._torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps) * gain).type_as(x)

    def _rotate(self, x: Any, cos: Any, sin: Any) -> Any:
        half = x.shape[-1] // 2
        return x * cos + self._torch.cat((-x[..., half:], x[..., :half]), dim=-1) * sin

    def _repeat(self, kv: Any) -> Any:
        rows, kv_heads, slots, head_dim = kv.shape
        return kv[:, :, None].expand(rows, kv_heads, self.groups, slots, head_dim).reshape(rows, -1, slots, head_dim)

    def __call__(self, ids: Any, positions: Any, masks: dict[str, Any], cache: Any, real: Any = None) -> Any:
        """Hidden states ``(rows, new, hidden)`` of the ``ids`` fed at ``positions``. ``real``: a
        ``(rows, new)`` bool mask of the tokens that are not padding; the norms, linear layers
        and MLPs then run on those tokens only (packed as one matrix) and padding slots get
        zero keys, values and hidden states (masked out, never read)."""
        torch = self._torch
        rows, new = ids.shape
        flat = None
        if real is not None and not bool(real.all()):
            flat = real.reshape(-1).nonzero().squeeze(1)
            hidden = torch.nn.functional.embedding(ids.reshape(-1).index_select(0, flat), self.embedding)
        else:
            hidden = torch.nn.functional.embedding(ids, self.embedding)
        hidden = hidden * self.embed_scale
        dtype = hidden.dtype

        def spread(x: Any) -> Any:  # per real token -> (rows, new, features), zeros in the padding
            if flat is None:
                return x
            out = x.new_zeros((rows * new, x.shape[-1]))
            return out.index_copy_(0, flat, x).view(rows, new, -1)

        def pack(x: Any) -> Any:  # (rows, new, features) -> per real token
            return x if flat is None else x.reshape(rows * new, -1).index_select(0, flat)

        tables = {}
        for layer_type, inv_freq in self.inv_freq.items():
            freqs = positions[..., None].float() * inv_freq
            angles = torch.cat((freqs, freqs), dim=-1)
            scale = self.rope_scale[layer_type]
            tables[layer_type] = ((angles.cos() * scale).to(dtype)[:, None], (angles.sin() * scale).to(dtype)[:, None])
        sdpa = torch.nn.functional.scaled_dot_product_attention
        gelu = torch.nn.functional.gelu
        heads, groups, head_dim = self.heads, self.groups, self.head_dim
        for index, (layer_type, weights) in enumerate(zip(self.layer_types, self.layers)):
            n_in, q_proj, k_proj, v_proj, q_norm, k_norm, o_proj, n_attn, n_pre, gate, up, down, n_post = weights
            x = self._norm(hidden, n_in)
            q = self._norm(spread(q_proj(x)).view(rows, new, -1, head_dim).transpose(1, 2), q_norm)
            k = self._norm(spread(k_proj(x)).view(rows, new, -1, head_dim).transpose(1, 2), k_norm)
            v = spread(v_proj(x)).view(rows, new, -1, head_dim).transpose(1, 2)
            cos, sin = tables[layer_type]
            q, k = self._rotate(q, cos, sin), self._rotate(k, cos, sin)
            k, v = cache.update(k, v, index)
            mask = masks[layer_type]
            if groups > 1 and new == 1:  # one query per row: attend on the key/value heads
                q = q.reshape(rows, heads // groups, groups, head_dim)
            elif groups > 1:  # repeat the key/value heads, as transformers does
                k, v = self._repeat(k), self._repeat(v)
            out = sdpa(q, k, v, attn_mask=mask, scale=self.scaling)
            out = out.reshape(rows, -1, new, head_dim).transpose(1, 2).contiguous().reshape(rows, new, -1)
            hidden = hidden + self._norm(o_proj(pack(out)), n_attn)
            x = self._norm(hidden, n_pre)
            x = down(gelu(gate(x), approximate="tanh") * up(x))
            hidden = hidden + self._norm(x, n_post)
        return spread(self._norm(hidden, self.final_norm))


def attention_masks(valid: Any, pos: Any, positions: Any, fed_from: int, window: int | None) -> dict[str, Any]:
    """Boolean ``(rows, 1, new, slots)`` masks of a forward of tokens at ``positions`` (fed
    from cache slot ``fed_from`` on) over slots that are ``valid`` and hold true positions
    ``pos``: a slot is seen when it is kept and not later; ``sliding_attention`` (with a
    ``window``) also when fewer than ``window`` positions back."""
    import torch

    q = positions[:, :, None]  # (b, new, 1)
    k = pos[:, None, :]  # (b, 1, slots)
    allowed = valid[:, None, :] & (k <= q)
    new = positions.shape[1]  # every new token sees its own slot, so no row is fully masked (NaN)
    own = torch.arange(new, device=positions.device)
    allowed[:, own, fed_from + own] = True
    masks = {"full_attention": allowed[:, None]}
    if window is not None:
        masks["sliding_attention"] = (allowed & (q - k < window))[:, None]
    return masks


def cache_keyword(body: Any) -> str:
    """The name of the KV cache argument of ``body.forward``: ``cache`` (transformers >= 5.2x)
    or ``past_key_values`` (earlier)."""
    try:
        params = inspect.signature(body.forward).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    return "past_key_values" if "past_key_values" in params and "cache" not in params else "cache"


def _known(body: Any) -> bool:
    """Whether ``body`` is a Gemma 3 text body whose forward :class:`LeanBody` reproduces."""
    config = getattr(body, "config", None)
    if type(body).__name__ != "Gemma3TextModel" or config is None:
        return False
    rope = getattr(config, "rope_parameters", None) or {}
    layer_types = tuple(getattr(config, "layer_types", None) or ())
    return (
        getattr(config, "_attn_implementation", None) == "sdpa"
        and bool(layer_types)
        and set(layer_types) <= {"full_attention", "sliding_attention"}
        and all(isinstance(rope.get(t), dict) and rope[t].get("rope_type") == "default" for t in set(layer_types))
        and getattr(config, "attn_logit_softcapping", None) is None
        and not getattr(config, "use_bidirectional_attention", False)
        and getattr(config, "hidden_activation", None) == "gelu_pytorch_tanh"
        and len(body.layers) >= config.num_hidden_layers
    )


def lean_body(model: Any) -> LeanBody | None:
    """A :class:`LeanBody` for the body of ``model`` (a causal LM with ``.model``), or None
    where it is not a known Gemma 3 text body or a probe forward does not give transformers'
    hidden states bit for bit (then the caller uses transformers' forward)."""
    body = getattr(model, "model", None)
    if body is None or not _known(body):
        return None
    try:
        lean = LeanBody(body)
        return lean if _same_as_transformers(body, lean) else None
    except Exception as exc:  # an attribute layout this transformers version does not have
        log.debug("lean Gemma 3 forward unavailable: %s", type(exc).__name__)
        return None


def _same_as_transformers(body: Any, lean: LeanBody) -> bool:
    """Probe: a two-row prefill (one row left-padded), then a 1-position and a 3-position step,
    through both forwards; every hidden state must be identical."""
    import torch
    from transformers import DynamicCache

    window = getattr(body.config, "sliding_window", None) if "sliding_attention" in lean.layer_types else None
    device = lean.embedding.device
    vocab = lean.embedding.shape[0]
    generator = torch.Generator().manual_seed(0)

    def ids(rows: int, new: int) -> Any:
        return torch.randint(min(4, vocab - 1), vocab, (rows, new), generator=generator).to(device)

    feeds = [ids(2, 6), ids(2, 1), ids(2, 3)]
    caches = {"hf": DynamicCache(), "lean": DynamicCache()}
    keyword = cache_keyword(body)
    valid = torch.ones((2, 0), dtype=torch.bool, device=device)
    pos = torch.zeros((2, 0), dtype=torch.long, device=device)
    length = torch.tensor([0, 0], device=device)
    with torch.no_grad():
        for step, x in enumerate(feeds):
            new = x.shape[1]
            q = length[:, None] + torch.arange(new, device=device)[None]
            fed = torch.ones((2, new), dtype=torch.bool, device=device)
            if step == 0:  # row 1 is left-padded by two slots
                fed[1, :2] = False
                q[1] = torch.tensor([0, 0, *range(new - 2)], device=device)
            valid, pos = torch.cat([valid, fed], 1), torch.cat([pos, q], 1)
            masks = attention_masks(valid, pos, q, valid.shape[1] - new, window)
            want = body(input_ids=x, position_ids=q, attention_mask=masks, use_cache=True, **{keyword: caches["hf"]})
            got = lean(x, q, masks, caches["lean"])
            if not torch.equal(want.last_hidden_state, got):
                log.debug("lean Gemma 3 forward differs from transformers' at probe step %d", step)
                return False
            length = q[:, -1] + 1
    return True
