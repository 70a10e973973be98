"""Strict alignment of a text with its bracket-masked version.

Property tests build the masked text themselves from random unicode texts and
random non-overlapping, non-adjacent spans. Texts may contain ``[`` and ``]``,
but texts containing a whole placeholder (``[ABC]``) are ``assume``d away: such
text is read as a placeholder by design (see the module docstring), which is
tested separately by example.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from piilora.alignment import PLACEHOLDER_RE, AlignmentError, align_masked, may_align, split_placeholder
from piilora.types import Span

LABELS = st.sampled_from(["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IPV4", "X"])
# Unicode text with brackets and placeholder-ish characters made likely.
TEXT_CHARS = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("[]_AZ09 ")),
)


@st.composite
def masked_cases(
    draw: st.DrawFn,
    literal_chars: st.SearchStrategy[str] = TEXT_CHARS,
    value_chars: st.SearchStrategy[str] = TEXT_CHARS,
) -> tuple[str, str, list[Span], list[str]]:
    """(text, masked, spans, tokens): literals between placeholders are non-empty."""
    k = draw(st.integers(min_value=0, max_value=6))
    literals = [draw(st.text(literal_chars, min_size=0 if i in (0, k) else 1, max_size=8)) for i in range(k + 1)]
    text_parts: list[str] = [literals[0]]
    masked_parts: list[str] = [literals[0]]
    spans: list[Span] = []
    tokens: list[str] = []
    pos = len(literals[0])
    for i in range(k):
        value = draw(st.text(value_chars, min_size=1, max_size=8))
        label = draw(LABELS)
        number = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=12)))
        token = f"[{label}]" if number is None else f"[{label}_{number}]"
        spans.append(Span(pos, pos + len(value), label))
        tokens.append(token)
        text_parts += [value, literals[i + 1]]
        masked_parts += [token, literals[i + 1]]
        pos += len(value) + len(literals[i + 1])
    text = "".join(text_parts)
    assume(not PLACEHOLDER_RE.search(text))
    return text, "".join(masked_parts), spans, tokens


def remask(text: str, spans: list[Span], tokens: list[str]) -> str:
    out, cursor = [], 0
    for span, token in zip(spans, tokens, strict=True):
        out += [text[cursor : span.start], token]
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


@given(masked_cases())
def test_round_trip(case: tuple[str, str, list[Span], list[str]]) -> None:
    text, masked, spans, tokens = case
    found = align_masked(text, masked)
    assert len(found) == len(spans)
    assert [s.entity_type for s in found] == [s.entity_type for s in spans]
    assert all(s.source == "gold" and s.start < s.end for s in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert remask(text, found, tokens) == masked


@given(
    masked_cases(literal_chars=st.sampled_from(list("abc []-_@.")), value_chars=st.sampled_from(list("0123456789xyzé")))
)
def test_exact_spans_when_unambiguous(case: tuple[str, str, list[Span], list[str]]) -> None:
    # Values share no character with literals, so each literal can only start
    # right after its value: the split is unique.
    text, masked, spans, _ = case
    assert align_masked(text, masked) == spans


@given(masked_cases(), st.data())
def test_foreign_character_fails_inside_its_literal(
    case: tuple[str, str, list[Span], list[str]], data: st.DataObject
) -> None:
    text, masked, _, _ = case
    bad = "\x00"
    assume(bad not in text)
    # Positions that are literal text (not inside a placeholder), plus the end.
    inside = {i for m in PLACEHOLDER_RE.finditer(masked) for i in range(m.start() + 1, m.end())}
    p = data.draw(st.sampled_from([i for i in range(len(masked) + 1) if i not in inside]))
    broken = masked[:p] + bad + masked[p:]
    with pytest.raises(AlignmentError) as info:
        align_masked(text, broken)
    offset = info.value.offset
    assert offset <= p
    # The reported offset lies in the same literal segment as the bad character.
    assert not PLACEHOLDER_RE.search(broken[offset:p])
    assert f"offset {offset}" in str(info.value)


@given(st.text(TEXT_CHARS, max_size=20))
def test_no_placeholder_means_identical(text: str) -> None:
    assume(not PLACEHOLDER_RE.search(text))
    assert align_masked(text, text) == []
    with pytest.raises(AlignmentError):
        align_masked(text, text + "!")


def test_basic_example() -> None:
    text = "Call John Smith at 555-1234 or mail john@example.com."
    masked = "Call [PERSON_1] at [PHONE_NUMBER] or mail [EMAIL_ADDRESS]."
    assert align_masked(text, masked) == [
        Span(5, 15, "PERSON"),
        Span(19, 27, "PHONE_NUMBER"),
        Span(36, 52, "EMAIL_ADDRESS"),
    ]


def test_placeholder_at_both_ends() -> None:
    assert align_masked("Ann met Bob", "[A] met [B]") == [Span(0, 3, "A"), Span(8, 11, "B")]
    assert align_masked("x", "[A]") == [Span(0, 1, "A")]


def test_ambiguity_takes_shortest_value() -> None:
    # " x " occurs twice; the first placeholder takes the shortest value.
    assert align_masked("A x B x C", "[P] x [Q]") == [Span(0, 1, "P"), Span(4, 9, "Q")]
    # A value that contains the following literal is still found when needed.
    assert align_masked("a-b-c", "[P]-c") == [Span(0, 3, "P")]


def test_adjacent_placeholders_raise() -> None:
    with pytest.raises(AlignmentError, match="touch") as info:
        align_masked("JohnSmith", "[FIRST][LAST]")
    assert info.value.offset == 7


def test_placeholder_must_replace_something() -> None:
    with pytest.raises(AlignmentError) as info:
        align_masked("ab", "a[X]b")
    assert info.value.offset == 1  # the (last) placeholder that would be empty
    with pytest.raises(AlignmentError) as info:
        align_masked("a-b", "[X]-[Y]-b")
    assert info.value.offset == 3  # the literal that cannot follow a non-empty value
    with pytest.raises(AlignmentError):
        align_masked("", "[X]")
    with pytest.raises(AlignmentError):
        align_masked("ab", "ab[X]")
    with pytest.raises(AlignmentError):
        align_masked("a b", "[X] [Y] b")


def test_error_offsets() -> None:
    with pytest.raises(AlignmentError) as info:
        align_masked("Hello Bob!", "Hallo [P]!")
    assert info.value.offset == 1
    with pytest.raises(AlignmentError) as info:
        align_masked("Hello Bob!", "Hello [P]?")
    assert info.value.offset == 9
    with pytest.raises(AlignmentError) as info:
        align_masked("Hi Bob, bye Ann.", "Hi [P], ciao [Q].")
    assert info.value.offset == 6


def test_messages_never_contain_text() -> None:
    text = "Contact john.doe@example.com or 4111 1111 1111 1111"
    for masked in (
        "Contact [EMAIL] or 4111 1111 1111 1112",
        "Contakt [EMAIL] or [CARD]",
        "Contact [EMAIL] and [CARD]",
        "Contact john.doe@example.org or 4111 1111 1111 1111",
    ):
        with pytest.raises(AlignmentError) as info:
            align_masked(text, masked)
        message = str(info.value)
        for secret in ("john", "john.doe", "example", "4111", "Contact"):
            assert secret not in message


def test_verbatim_placeholder_text_is_not_a_span() -> None:
    text = "see [NOTE] and call Bob"
    assert align_masked(text, "see [NOTE] and call [PERSON]") == [Span(20, 23, "PERSON")]
    assert align_masked(text, text) == []


def test_split_placeholder() -> None:
    assert split_placeholder("[PERSON_2]") == "PERSON"
    assert split_placeholder("[EMAIL_ADDRESS]") == "EMAIL_ADDRESS"
    assert split_placeholder("[IPV4]") == "IPV4"
    assert split_placeholder("[IPV4_12]") == "IPV4"
    # Documented: a trailing _<digits> is always a numbering suffix.
    assert split_placeholder("[ADDRESS_LINE_2]") == "ADDRESS_LINE"
    for bad in ("PERSON", "[person]", "[PERSON", "[_X]", " [X]", "[]"):
        with pytest.raises(ValueError, match="placeholder"):
            split_placeholder(bad)


def test_custom_placeholder_pattern() -> None:
    angle = re.compile(r"<(?P<label>[A-Z_]+(?:_\d+)?)>")
    assert align_masked("Hi Bob", "Hi <PERSON_1>", placeholder_re=angle) == [Span(3, 6, "PERSON")]
    bare = re.compile(r"\{\{[A-Z]+\}\}")
    assert align_masked("Hi Bob", "Hi {{NAME}}", placeholder_re=bare) == [Span(3, 6, "NAME")]
    lower = re.compile(r"<([a-z]+)>")
    with pytest.raises(AlignmentError, match="UPPER_SNAKE"):
        align_masked("Hi Bob", "Hi <name>", placeholder_re=lower)
    with pytest.raises(ValueError, match="empty"):
        align_masked("Hi", "Hi", placeholder_re=re.compile(r"x*"))


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        align_masked(None, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        align_masked("x", b"x")  # type: ignore[arg-type]


def test_alignment_error_is_value_error() -> None:
    assert issubclass(AlignmentError, ValueError)


def test_long_text_many_placeholders() -> None:
    # ~100 KB, 1000 placeholders: a single linear pass (no timing assert).
    text_parts, masked_parts, expected = [], [], []
    pos = 0
    for i in range(1000):
        literal = f" filler text number {i} " + "lorem ipsum " * 6
        value = f"secret-{i}@example.com"
        text_parts += [literal, value]
        masked_parts += [literal, f"[EMAIL_ADDRESS_{i}]"]
        expected.append(Span(pos + len(literal), pos + len(literal) + len(value), "EMAIL_ADDRESS"))
        pos += len(literal) + len(value)
    text = "".join(text_parts)
    assert len(text) > 100_000
    assert align_masked(text, "".join(masked_parts)) == expected


def test_pathological_repetition() -> None:
    # Inputs that make a backtracking regex explode: all-identical characters.
    n = 1000
    text = "a" * 100_000
    masked = "a".join(["[X]"] * n) + "a" * (100_000 - 2 * n + 1)
    found = align_masked(text, masked)
    assert len(found) == n
    assert all(len(s) == 1 for s in found)
    with pytest.raises(AlignmentError):
        align_masked(text, masked + "b")
    with pytest.raises(AlignmentError):
        align_masked(text[:1500], masked[: len(masked) - 98_000])


# -- may_align: an answer in progress that can no longer align ------------------------------


@given(masked_cases())
def test_every_start_of_an_aligning_answer_may_align(case: tuple[str, str, list[Span], list[str]]) -> None:
    text, masked, _, _ = case
    for k in range(len(masked) + 1):
        assert may_align(text, masked[:k]), masked[:k]
        assert may_align(text, masked[:k] + "\ufffd")  # a character whose bytes are still coming


SMALL = st.text(st.sampled_from(list("ab [X]")), max_size=10)


@given(st.text(st.sampled_from(list("ab ")), min_size=1, max_size=8), SMALL, SMALL)
def test_a_start_that_cannot_align_fails_whatever_follows(text: str, start: str, rest: str) -> None:
    """The guarantee the decoder stops on: when may_align says no, align_masked refuses every
    answer with that start (random starts and continuations over a tiny alphabet, so
    placeholders, repeats and out-of-order copies are common)."""
    if not may_align(text, start):
        with pytest.raises(AlignmentError):
            align_masked(text, start + rest)


def test_may_align_stops_loops_reorders_and_touching_placeholders() -> None:
    text = "Ship to 12 Oak St / Leeds / UK"
    assert may_align(text, "Ship to [STREET_ADDRESS] / [LOCATION] / [LOC")
    assert not may_align(text, "Ship to [STREET_ADDRESS] / [LOCATION] / [LOCATION] / ")  # a loop
    assert not may_align(text, "Ship to [STREET_ADDRESS][LOCATION]")  # side by side
    assert not may_align(text, "Ship from")  # rewritten before any placeholder
    assert not may_align(text, "Ship to [STREET_ADDRESS] / UK / Leeds")  # copied out of order
    assert may_align(text, "Ship to [STREET_ADDRESS] / Leeds / [COUNTRY]")
