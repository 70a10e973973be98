"""Postal blocks (piilora.safety.addresses): an address runs to the end of its postal block."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piilora.safety import SafetyNet, SafetyOptions
from piilora.safety.addresses import address_blocks, find_blocks
from piilora.types import Span


def _values(text, spans, kind="STREET_ADDRESS"):
    return [text[s.start : s.end] for s in spans if s.entity_type == kind]


def _span(text, value, kind="STREET_ADDRESS"):
    start = text.index(value)
    return Span(start, start + len(value), kind)


@pytest.mark.parametrize(
    ("text", "first", "block"),
    [
        (
            "Deliver to 48 Quarry Bank Road, Sheffield S10 2QQ. Thanks!",
            "48 Quarry Bank Road",
            "48 Quarry Bank Road, Sheffield S10 2QQ",
        ),
        ("Lindenweg 12\n8004 Zürich\nSchweiz\nTel. on file", "Lindenweg 12", "Lindenweg 12\n8004 Zürich\nSchweiz"),
        (
            "To: 77 Harbour Street\n    Fremantle WA 6160\n    AUSTRALIA\n",
            "77 Harbour Street",
            "77 Harbour Street\n    Fremantle WA 6160\n    AUSTRALIA",
        ),
        (
            "home: 902 Birch Hollow Dr, Apt 4C, Bend, OR 97701, USA",
            "902 Birch Hollow Dr",
            "902 Birch Hollow Dr, Apt 4C, Bend, OR 97701, USA",
        ),
        (
            "at Calle del Olmo 9, 3.º, pta. 2, 29012 Málaga, since May",
            "Calle del Olmo 9",
            "Calle del Olmo 9, 3.º, pta. 2, 29012 Málaga",
        ),
        ("Flat 6, 21 Mill Lane, York YO1 7HU", "21 Mill Lane", "Flat 6, 21 Mill Lane, York YO1 7HU"),
        (
            "new address 12 rue Verte, app. 5, Québec, QC G1R 4P5",
            "12 rue Verte",
            "12 rue Verte, app. 5, Québec, QC G1R 4P5",
        ),
    ],
)
def test_a_street_span_runs_on_to_its_locality(text, first, block):
    assert _values(text, address_blocks(text, [_span(text, first)], find=False)) == [block]


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Return to sender:\nPO Box 5521\nMissoula, MT 59806-5521\n", "PO Box 5521\nMissoula, MT 59806-5521"),
        ("PSC 471 Box 12\nAPO AP 96338", "PSC 471 Box 12\nAPO AP 96338"),
        ("Unit 3112 Box 77, APO AE 09140-0077", "Unit 3112 Box 77, APO AE 09140-0077"),
        ("Antwoord naar Postbus 2210\n3500 GE Utrecht", "Postbus 2210\n3500 GE Utrecht"),
        ("Ci vediamo in Via Garibaldi 18, 10122 Torino. A presto", "Via Garibaldi 18, 10122 Torino"),
        ("moved to 5 Ferry Road, Dundee DD1 4RT last week", "5 Ferry Road, Dundee DD1 4RT"),
        ("geb. 3. Mai 1980, Rosenstraße 7, 04109 Leipzig", "Rosenstraße 7, 04109 Leipzig"),
        ("Calle de la Paz, 14, 46003 Valencia", "Calle de la Paz, 14, 46003 Valencia"),
        ("Mailing address:\nBoulder, CO 80302\n", "Boulder, CO 80302"),
    ],
)
def test_the_formats_alone_find_a_block(text, block):
    assert _values(text, find_blocks(text)) == [block]
    assert _values(text, address_blocks(text, [])) == [block]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, Report 12 sold 10115 copies",
        "Version 2, 10115 Users upgraded",
        "the Tokyo booking for 12 guests, 4 rooms",
        "Meet at the station at 10:30, platform 4",
        "flat at Gran Vía 4, 4º A",  # no locality: the model decides
        "Invoice 7, 2031 Widgets delivered",
        "Our office: Austin, TX is lovely in 78701 ways",
    ],
)
def test_no_block_without_a_postal_format(text):
    assert find_blocks(text) == []


def test_spans_inside_a_block_are_absorbed_and_cut_ones_keep_their_rest():
    text = "Me: 3 Chapel Lane, Ivybridge PL21 0AS, 07700 900 123."
    spans = [_span(text, "3 Chapel Lane"), _span(text, "Ivybridge PL21 0AS, 07700 900 123", "PHONE_NUMBER")]
    out = address_blocks(text, spans)
    assert _values(text, out) == ["3 Chapel Lane, Ivybridge PL21 0AS"]
    assert _values(text, out, "PHONE_NUMBER") == ["07700 900 123"]
    inside = "PO Box 88\nTaos, NM 87571"
    assert [(text_, s.entity_type) for s in address_blocks(inside, [_span(inside, "88\nTaos, NM 87571", "POSTAL_CODE")])
            for text_ in [inside[s.start : s.end]]] == [(inside, "STREET_ADDRESS")]  # fmt: skip


def test_a_unit_before_joins_only_with_its_number():
    text = "our flat at 21 Mill Lane, York YO1 7HU"
    assert _values(text, address_blocks(text, [_span(text, "21 Mill Lane")])) == ["21 Mill Lane, York YO1 7HU"]


def test_the_safety_net_runs_it_and_rules_off_finds_nothing_new():
    net = SafetyNet.from_plugins()
    text = "Please write to PO Box 5521\nMissoula, MT 59806-5521 by Friday."
    assert _values(text, net.apply(text, [])) == ["PO Box 5521\nMissoula, MT 59806-5521"]
    assert net.apply(text, [], SafetyOptions(rules=())) == []
    street = "Deliver to 48 Quarry Bank Road, Sheffield S10 2QQ."
    extended = net.apply(street, [_span(street, "48 Quarry Bank Road")], SafetyOptions(rules=()))
    assert _values(street, extended) == ["48 Quarry Bank Road, Sheffield S10 2QQ"]


_PIECES = ["12 Elm Street", "Springfield, IL 62704", "PO Box 77", "46006 Valencia", "Flat 2, ", "USA", "APO AE 09012",
           "\n", ", ", " ", "192.168.1.20", "Anna Berg", "app. 3", "x", "é", "."]  # fmt: skip


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12)))
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(Span(start, end, draw(st.sampled_from(["STREET_ADDRESS", "IP_ADDRESS", "PERSON"]))))
    return text, spans


@settings(max_examples=400, deadline=None)
@given(case=_text_and_spans(), extend=st.booleans(), find=st.booleans())
def test_blocks_never_unmask_and_never_overlap(case, extend, find):
    """Whatever spans come in (overlapping, cutting a block, off by some characters), every letter
    or digit masked before is masked after, and disjoint spans stay sorted and disjoint."""
    text, spans = case
    out = address_blocks(text, spans, extend=extend, find=find)
    before = {i for s in spans for i in range(s.start, s.end) if text[i].isalnum()}
    after = {i for s in out for i in range(s.start, s.end)}
    assert before <= after
    if all(a.end <= b.start for a, b in itertools.pairwise(sorted(spans, key=lambda s: s.start))):
        assert all(a.end <= b.start for a, b in itertools.pairwise(out))
