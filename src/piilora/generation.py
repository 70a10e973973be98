"""Plain batched greedy decoding of answers (used by training-time evaluation).

The Redactor has its own faster decoder; this one is deliberately simple so that
evaluation during training measures the model, not a decoding trick.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["greedy_answers"]


def length_groups(lengths: Sequence[int], size: int) -> list[list[int]]:
    """Indices grouped ``size`` at a time in order of length (similar lengths pad little)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    return [order[start : start + size] for start in range(0, len(order), size)]


def greedy_answers(
    model: Any,
    tokenizer: Any,
    prompts: Sequence[Sequence[int]],
    *,
    max_new_tokens: int | Sequence[int],
    batch_size: int = 8,
    prompt_lookup: int = 0,
) -> list[str]:
    """Greedy answers for tokenised prompts, decoded up to ``<end_of_turn>``.

    Prompts are left-padded into batches of similar length; generation stops at
    ``<end_of_turn>`` per row. ``prompt_lookup > 0`` turns on prompt-lookup
    speculative decoding (proposals copied from the prompt, verified in one
    forward) for batches of one, where transformers supports it; greedy output is
    unchanged by it.
    """
    import torch

    from piilora.data.prompt import END_OF_TURN, parse_answer

    eot = tokenizer.convert_tokens_to_ids(END_OF_TURN)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    limits = [max_new_tokens] * len(prompts) if isinstance(max_new_tokens, int) else list(max_new_tokens)
    out: list[str] = [""] * len(prompts)
    was_training = model.training
    model.eval()
    try:
        for rows in length_groups([len(p) for p in prompts], batch_size):
            width = max(len(prompts[i]) for i in rows)
            ids = torch.full((len(rows), width), pad, dtype=torch.long)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            for r, i in enumerate(rows):
                n = len(prompts[i])
                ids[r, width - n :] = torch.tensor(list(prompts[i]))
                mask[r, width - n :] = 1
            device = next(model.parameters()).device
            extra = {"prompt_lookup_num_tokens": prompt_lookup} if prompt_lookup and len(rows) == 1 else {}
            with torch.no_grad():
                gen = model.generate(
                    **extra,
                    input_ids=ids.to(device),
                    attention_mask=mask.to(device),
                    max_new_tokens=max(limits[i] for i in rows),
                    do_sample=False,
                    eos_token_id=eot,
                    pad_token_id=pad,
                    use_cache=True,
                )
            for r, i in enumerate(rows):
                answer = gen[r, width:].tolist()[: limits[i]]
                out[i] = parse_answer(tokenizer, answer)
    finally:
        model.train(was_training)
    return out
