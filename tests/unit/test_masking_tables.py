"""Records of a CSV-like text (piilora.masking_tables.table_rows)."""

from piilora.masking_tables import table_rows


def test_records_end_at_line_breaks_outside_quotes():
    text = 'a,b\r\n1,"x\r\ny"\n2,"say ""hi"""\r\n3,z'
    assert [text[s:e] for s, e in table_rows(text)] == ["a,b", '1,"x\r\ny"', '2,"say ""hi"""', "3,z"]
    short = "h\n\nr\n"
    assert [short[s:e] for s, e in table_rows(short)] == ["h", "", "r"]
