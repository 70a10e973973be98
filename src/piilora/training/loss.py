"""The training loss: the frozen LM head on answer positions only, chunked.

Gemma 3's LM head is the tied 262144 x 640 embedding, the largest matmul of the
model. Prompt positions carry no loss, so the head runs only on the hidden states
that predict an answer token. Because the head is frozen, the gradient of the
cross-entropy with respect to those hidden states, ``(softmax(z) - onehot) @ W``,
can be formed chunk by chunk during the forward pass: the full ``N x 262144``
logits tensor is never kept, only an ``N x 640`` gradient.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from piilora.data.prompt import IGNORE_INDEX

__all__ = ["SFTLoss", "chunked_head_loss"]


class _ChunkedHeadCE(torch.autograd.Function):
    @staticmethod
    def forward(
        ctx: Any, hidden: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor, chunk: int
    ) -> torch.Tensor:
        needs_grad = hidden.requires_grad
        total = hidden.new_zeros((), dtype=torch.float32)
        grad = torch.empty_like(hidden, dtype=torch.float32) if needs_grad else None
        w = weight.detach()
        for start in range(0, hidden.shape[0], chunk):
            h = hidden[start : start + chunk].detach().to(w.dtype)
            t = targets[start : start + chunk]
            logits = (h @ w.T).float()
            lse = torch.logsumexp(logits, dim=-1)
            total += (lse - logits.gather(1, t[:, None]).squeeze(1)).sum()
            if grad is not None:
                probs = logits.sub_(lse[:, None]).exp_()  # softmax, in place of the logits
                probs[torch.arange(len(t), device=t.device), t] -= 1.0
                grad[start : start + chunk] = (probs.to(w.dtype) @ w).float()
        if grad is not None:
            ctx.save_for_backward(grad)
        ctx.hidden_dtype = hidden.dtype
        return total

    @staticmethod
    def backward(ctx: Any, grad_out: torch.Tensor) -> tuple[torch.Tensor | None, None, None, None]:
        (grad,) = ctx.saved_tensors
        return (grad * grad_out).to(ctx.hidden_dtype), None, None, None


def chunked_head_loss(
    hidden: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor, *, chunk: int = 256
) -> torch.Tensor:
    """Sum of token cross-entropies of ``hidden @ weight.T`` against ``targets``.

    ``hidden`` is ``[N, H]`` (answer positions only), ``weight`` the frozen
    ``[V, H]`` head. Returns a float32 scalar; its gradient flows to ``hidden``.
    """
    if hidden.shape[0] == 0:
        return hidden.sum() * 0.0
    return _ChunkedHeadCE.apply(hidden, weight, targets, chunk)


class SFTLoss(nn.Module):
    """Wraps a (PEFT) causal LM; ``forward`` returns ``(loss_sum, answer_tokens)``.

    This module is what Accelerate wraps for DDP, so gradient synchronisation sees
    a normal forward/backward although the LM head is bypassed.
    """

    def __init__(self, model: nn.Module, *, head_chunk: int = 256) -> None:
        super().__init__()
        self.model = model
        self.head_chunk = head_chunk
        causal_lm = _causal_lm(model)
        self.body: Any = causal_lm.model
        self.head: nn.Linear = causal_lm.lm_head
        if getattr(causal_lm.config, "final_logit_softcapping", None):
            raise ValueError("final_logit_softcapping is not supported by the chunked head loss")

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, labels: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        out = self.body(input_ids=input_ids, attention_mask=attention_mask, use_cache=False)
        hidden = out.last_hidden_state
        # position t predicts token t+1: keep positions whose next label is an answer token
        targets = labels[:, 1:]
        keep = targets != IGNORE_INDEX
        picked = hidden[:, :-1][keep]
        loss_sum = chunked_head_loss(picked, self.head.weight, targets[keep], chunk=self.head_chunk)
        return loss_sum, keep.sum()


def _causal_lm(model: Any) -> Any:
    """The ``*ForCausalLM`` inside a PEFT model (or the model itself)."""
    inner: Any = model.get_base_model() if hasattr(model, "get_base_model") else model
    if not (hasattr(inner, "lm_head") and hasattr(inner, "model")):
        raise TypeError(f"{type(inner).__name__} is not a causal LM with .model and .lm_head")
    return inner
