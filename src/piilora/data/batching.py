"""Tokenised SFT examples and length-grouped batches.

Batch order is a pure function of ``(lengths, batch_size, seed, epoch)``: that is
what makes resuming exact (recompute the epoch's batches, skip the ones done) and
what makes N processes see the same global batches as one process.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from piilora.data.prompt import IGNORE_INDEX, Tokenizer, bracket_target, encode_example
from piilora.errors import DataError

if TYPE_CHECKING:
    import torch

__all__ = ["EncodedDataset", "collate", "encode_rows", "length_grouped_batches", "shard"]


@dataclass(frozen=True)
class EncodedDataset:
    """Tokenised examples: ``input_ids[i]`` and ``labels[i]`` are equally long lists."""

    input_ids: list[list[int]]
    labels: list[list[int]]
    truncated: int
    answer_tokens: int

    def __len__(self) -> int:
        return len(self.input_ids)

    @property
    def lengths(self) -> list[int]:
        return [len(x) for x in self.input_ids]


def encode_rows(
    rows: Iterable[Mapping[str, Any]], tokenizer: Tokenizer, *, max_length: int, source: str = "dataset"
) -> EncodedDataset:
    """Encode ``{"text", "spans"}`` rows (as made by the corpus or the loaders).

    Raises ``DataError`` for an empty dataset or one in which truncation leaves
    no answer token at all; rows whose answer is cut are counted in ``truncated``.
    """
    input_ids: list[list[int]] = []
    labels: list[list[int]] = []
    truncated = 0
    answer_tokens = 0
    for i, row in enumerate(rows):
        text = row.get("text")
        if not isinstance(text, str):
            raise DataError("text must be a string", source=source, row=i, field="text")
        try:
            masked = bracket_target(text, row.get("spans") or [])
        except (ValueError, KeyError, TypeError) as exc:
            raise DataError(f"invalid spans ({exc})", source=source, row=i, field="spans") from None
        ex = encode_example(tokenizer, text, masked, max_length=max_length)
        if ex.answer_tokens == 0:
            truncated += 1
            continue
        truncated += ex.truncated
        answer_tokens += ex.answer_tokens
        input_ids.append(ex.input_ids)
        labels.append(ex.labels)
    if not input_ids:
        if truncated:
            raise DataError(
                f"no example has answer tokens left after truncation to max_length={max_length} "
                f"({truncated} rows); raise max_length or use shorter texts",
                source=source,
            )
        raise DataError("the dataset is empty", source=source)
    return EncodedDataset(input_ids, labels, truncated, answer_tokens)


def length_grouped_batches(
    lengths: Sequence[int],
    batch_size: int,
    *,
    seed: int,
    epoch: int,
    group_size: int = 32,
    grouping: bool = True,
) -> list[list[int]]:
    """One epoch of global batches (lists of example indices), deterministic.

    Indices are shuffled; with ``grouping`` each run of ``group_size`` batches is
    sorted by length (so a batch holds similar lengths and little padding), then
    the batch order is shuffled again so lengths do not trend through the epoch.
    The last incomplete batch is dropped (every step sees ``batch_size`` examples).
    """
    rng = random.Random(f"piilora-batches:{seed}:{epoch}")
    order = list(range(len(lengths)))
    rng.shuffle(order)
    if grouping:
        span = batch_size * group_size
        grouped: list[int] = []
        for start in range(0, len(order), span):
            chunk = order[start : start + span]
            grouped.extend(sorted(chunk, key=lambda i: (lengths[i], i)))
        order = grouped
    batches = [order[i : i + batch_size] for i in range(0, len(order) - batch_size + 1, batch_size)]
    rng.shuffle(batches)
    return batches


def shard(batch: Sequence[int], rank: int, world_size: int) -> list[int]:
    """This process's contiguous share of a global batch."""
    per = len(batch) // world_size
    return list(batch[rank * per : (rank + 1) * per])


def collate(
    data: EncodedDataset, indices: Sequence[int], *, pad_id: int, pad_to_multiple: int = 8
) -> dict[str, torch.Tensor]:
    """Right-padded ``input_ids``, ``attention_mask`` and ``labels`` tensors."""
    import torch

    longest = max(len(data.input_ids[i]) for i in indices)
    width = -(-longest // pad_to_multiple) * pad_to_multiple
    ids = torch.full((len(indices), width), pad_id, dtype=torch.long)
    lab = torch.full((len(indices), width), IGNORE_INDEX, dtype=torch.long)
    att = torch.zeros((len(indices), width), dtype=torch.long)
    for row, i in enumerate(indices):
        n = len(data.input_ids[i])
        ids[row, :n] = torch.tensor(data.input_ids[i])
        lab[row, :n] = torch.tensor(data.labels[i])
        att[row, :n] = 1
    return {"input_ids": ids, "attention_mask": att, "labels": lab}
