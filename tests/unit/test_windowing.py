from piilora.types import Span
from piilora.windowing import SHORT_VALUES, skipped

TEXT = (
    "Reporting party: Jo Kim, (408) 612-7730\nOfficer: Sgt. Ray Souza #118, campus safety\n\n"
    "RP stated that a male followed them."
)


def _span(value: str, label: str) -> Span:
    start = TEXT.index(value)
    return Span(start, start + len(value), label)


def test_values_of_their_own_length_are_not_skipped():
    spans = [_span("Jo Kim", "PERSON"), _span("(408) 612-7730", "PHONE_NUMBER"), _span("Sgt. Ray Souza", "PERSON")]
    assert not skipped(TEXT, spans)
    assert not skipped(TEXT, [])


def test_a_placeholder_that_swallowed_lines_lost_its_place():
    through = TEXT.index("RP stated") + 9
    phone = TEXT.index("(408)")
    assert skipped(TEXT, [Span(phone, through, "PHONE_NUMBER")])  # a blank line inside
    assert skipped(TEXT, [Span(phone, TEXT.index("\n\n"), "PHONE_NUMBER")])  # 48+ characters of "phone"


def test_long_types_may_be_long_but_hold_no_blank_line():
    block = "Flat 2\n14 Hill Road\nLeeds LS1 4AB\nUnited Kingdom, c/o the building manager's office"
    assert not skipped(block, [Span(0, len(block), "STREET_ADDRESS")])
    assert skipped(block + "\n\nThanks", [Span(0, len(block) + 8, "STREET_ADDRESS")])
    assert skipped("a\n\nb", [Span(0, 4, "SECRET")])
    assert not skipped("  key  \n\n", [Span(0, 9, "SECRET")])  # blank lines only at its edges


def test_every_short_type_is_a_builtin_type():
    from piilora.entities.builtin import BUILTIN_ENTITY_TYPES

    assert set(SHORT_VALUES) <= set(BUILTIN_ENTITY_TYPES)
    assert all(16 <= n <= 96 for n in SHORT_VALUES.values())
