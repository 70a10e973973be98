import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piilora.data.batching import EncodedDataset, collate, length_grouped_batches, shard
from piilora.data.prompt import IGNORE_INDEX


@settings(max_examples=50, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 300), min_size=1, max_size=200),
    batch=st.integers(1, 16),
    seed=st.integers(0, 5),
    epoch=st.integers(0, 3),
    grouping=st.booleans(),
)
def test_batches_are_deterministic_disjoint_and_full(lengths, batch, seed, epoch, grouping):
    a = length_grouped_batches(lengths, batch, seed=seed, epoch=epoch, grouping=grouping)
    b = length_grouped_batches(lengths, batch, seed=seed, epoch=epoch, grouping=grouping)
    assert a == b
    flat = [i for bb in a for i in bb]
    assert len(flat) == len(set(flat)) == (len(lengths) // batch) * batch
    assert all(len(bb) == batch for bb in a)


def test_grouping_cuts_padding():
    rng = random.Random(0)
    lengths = [rng.randint(20, 400) for _ in range(2048)]

    def padding(batches):
        return sum(max(lengths[i] for i in b) * len(b) - sum(lengths[i] for i in b) for b in batches)

    grouped = length_grouped_batches(lengths, 8, seed=0, epoch=0, grouping=True)
    plain = length_grouped_batches(lengths, 8, seed=0, epoch=0, grouping=False)
    assert padding(grouped) < 0.2 * padding(plain)


def test_epochs_differ():
    lengths = list(range(100))
    assert length_grouped_batches(lengths, 4, seed=0, epoch=0) != length_grouped_batches(lengths, 4, seed=0, epoch=1)


def test_shards_partition_a_global_batch():
    batch = list(range(8))
    assert shard(batch, 0, 2) + shard(batch, 1, 2) == batch
    assert shard(batch, 0, 1) == batch


def test_collate_right_pads_and_masks():
    data = EncodedDataset([[5, 6, 7], [8]], [[IGNORE_INDEX, 6, 7], [8]], truncated=0, answer_tokens=3)
    out = collate(data, [0, 1], pad_id=0, pad_to_multiple=4)
    assert out["input_ids"].tolist() == [[5, 6, 7, 0], [8, 0, 0, 0]]
    assert out["attention_mask"].tolist() == [[1, 1, 1, 0], [1, 0, 0, 0]]
    assert out["labels"].tolist() == [[IGNORE_INDEX, 6, 7, IGNORE_INDEX], [8, IGNORE_INDEX, IGNORE_INDEX, IGNORE_INDEX]]


def test_encode_rows_errors(gemma_tokenizer):
    from piilora import DataError
    from piilora.data.batching import encode_rows

    with pytest.raises(DataError, match="empty"):
        encode_rows([], gemma_tokenizer, max_length=64)
    with pytest.raises(DataError, match=r"row 0, field 'text'"):
        encode_rows([{"text": None, "spans": []}], gemma_tokenizer, max_length=64)
