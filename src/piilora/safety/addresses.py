"""Postal blocks: where an address ends is decided by the postal formats, not by context.

The model often masks the first line of an address and leaves the rest readable: the
``Leeds LS6 1DT`` after ``15 Ashgrove Terrace``, the ``APO AE 09096`` under ``Unit 2050 Box
418``, the country line under a town. :func:`address_blocks` extends every ``STREET_ADDRESS``
span over what follows it when that is a *locality* in a postal format (below), with the short
unit items before it (``app. 3``, ``2.º, pta. 4``) and a country after it; a ``Flat 2, `` or
``Unit 12, `` right before the span joins it too. Spans of other types inside the block are
absorbed (the model's ``POSTAL_CODE`` over ``4471, Decatur, GA 30031`` is part of the address).

It also finds blocks the model missed, where the format alone decides: a PO box or a military
unit (``PO Box 1209``, ``Postbus 140``, ``PSC 819 Box 44``) followed by a locality, a street with
a house number followed by a locality (``Via dei Mille 44, 80121 Napoli``), and a US
``Town, ST 12345`` line on its own.

Localities: US ``Killeen, TX 76540(-1234)``, Canadian ``Montréal, QC H2T 2L1``, Australian
``Lewisham NSW 2049``, British ``Bromley BR1 4HN``, US military ``APO AE 09096``, and the
continental ``46006 Valencia``, ``1072 NK Amsterdam``, ``D-10115 Berlin``, ``50033 Firenze (FI)``
(which must end its line or clause).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from piilora.safety.merge import unite
from piilora.types import Span

__all__ = ["address_blocks", "find_blocks"]

_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
    "OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|VI|GU|AS|MP|AA|AE|AP"
)
_CA_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
_AU_STATES = "NSW|VIC|QLD|WA|SA|TAS|ACT|NT"

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# a town: 1-4 words, the first capitalised (``West Leederville``, ``Saint-Herblain``, ``L'Aquila``)
_TOWN = rf"[{_UPPER}][^\W\d_]*\.?(?:(?:[ \t]|[-'’][ \t]?)[^\W\d_]+\.?){{0,3}}"
_TOWN_LAZY = rf"[{_UPPER}][^\W\d_]*(?:(?:[ \t]|[-'’])[^\W\d_]+){{0,3}}?"
_END = r"(?=[ \t]*(?:$|[,;)\n]|\.(?:\s|$)))"
_LOCALITIES = (
    r"(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}(?:-\d{4})?",
    rf"{_TOWN},?[ \t]+(?:{_US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?(?!\d)",
    rf"{_TOWN},?[ \t]+(?:{_CA_PROVINCES})[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d",
    rf"{_TOWN}[ \t]+(?:{_AU_STATES})[ \t]+\d{{4}}(?!\d)",
    rf"{_TOWN},?[ \t]+[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}(?![A-Za-z\d])",
    rf"(?:[A-Z]{{1,2}}-)?\d{{4,5}}(?:[ \t]?[A-Z]{{2}})?[ \t]+{_TOWN_LAZY}(?:[ \t]+\([A-Z]{{2}}\))?{_END}",
)
_LOCALITY_RE = re.compile("|".join(f"(?:{p})" for p in _LOCALITIES))
_US_LINE_RE = re.compile(rf"(?<![\w,])[ \t]*{_LOCALITIES[1]}(?=[ \t]*(?:$|\n))", re.MULTILINE)
_COUNTRY_NAMES = (
    "USA,U.S.A.,US,United States,UK,U.K.,United Kingdom,Great Britain,England,Scotland,Wales,Ireland,"
    "Canada,Australia,New Zealand,Germany,Deutschland,France,Spain,España,Italy,Italia,Netherlands,"
    "Nederland,The Netherlands,Belgium,België,Belgique,Belgien,Switzerland,Schweiz,Suisse,Svizzera,"
    "Austria,Österreich,Portugal,Brasil,Brazil,Mexico,México,Poland,Polska,Sweden,Sverige,Norway,Norge,"
    "Denmark,Danmark,Finland,Suomi,Iceland,Ísland,Greece,Hungary,Magyarország,Czechia,Czech Republic,"
    "Luxembourg,Ghana,Nigeria,Kenya,South Africa,India,Japan,China,Singapore,Viet Nam,Vietnam,Philippines"
)
_COUNTRIES = frozenset(name.casefold() for name in _COUNTRY_NAMES.split(","))
# what may stand between a street and its locality: a unit, floor or door (``app. 3``, ``2.º``,
# ``Bât. B``, ``3e étage``, ``Edif. 601``): short, and holding a digit or a unit word
_UNIT_ITEM_RE = re.compile(r"[^\n,;:]{1,20}")
_UNIT_WORDS_RE = re.compile(
    r"(?i)\b(?:flat|unit|apt|apartment|suite|ste|floor|fl|app|appt|bât|bat|bâtiment|étage|etage|esc|pta|puerta|"
    r"piso|planta|int|interno|scala|piano|whg|wohnung|stiege|tür|top|og|bus|box)\b"
)
_UNIT_BEFORE_RE = re.compile(
    r"(?i)(?<!\w)(?:flat|unit|apt\.?|apartment|suite|ste\.?|app\.?)[ \t]+(?:\d{1,4}[a-z]?|[a-z]),?[ \t]*$"
)
_SEP_RE = re.compile(r",[ \t]*|[ \t]*\n[ \t]*|[ \t]+(?=(?:APO|FPO|DPO)\b)")
_BOX_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?:P\.?[ \t]?O\.?|GPO|Post(?:[ \t]?Office)?)[ \t]?Box|Postbus|Postfach"
    r"|Apartado(?:[ \t]de[ \t]Correos)?|Casella[ \t]Postale|Bo[iî]te[ \t]Postale|BP|CP"
    r"|(?:PSC|Unit|CMR)[ \t]+\d{3,4},?[ \t]+Box)"
    r"[ \t]+\d{1,6}(?!\w)"
)
_PREFIX_TYPES = (
    "via|viale|piazza|piazzale|corso|vicolo|largo|strada|contrada|calle|c/|avenida|avda\\.?|av\\.?|paseo|plaza|"
    "camino|carrer|rúa|rua|travessa|praça|rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai|route"
)
_SUFFIX_TYPES = (
    "road|rd|street|st|lane|ln|avenue|ave|drive|dr|close|crescent|terrace|way|court|ct|place|pl|gardens|grove|"
    "row|square|sq|boulevard|blvd|hill|walk|mews|parade|highway|hwy|straße|strasse|str|weg|gasse|platz|allee|"
    "ring|damm|ufer|straat|laan|plein|gracht|kade|dijk|singel|steeg|vej|gade|gatan|vägen|utca|u|út|ulica|ul"
)
_NUMBER = r"\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5}[A-Za-z]?)?"
_WORD = r"[^\W\d_][\w'’.-]*"
# a street with its house number, before (``22 Ravensbourne Road``) or after (``Via dei Mille 44``)
_STREET_RE = re.compile(
    rf"(?i:(?:{_NUMBER}[ \t]+)?(?<![\w])(?:{_PREFIX_TYPES})(?:[ \t]+{_WORD}){{1,5}}(?:[ \t]+{_NUMBER})?)$"
    rf"|(?:{_NUMBER}[ \t]+)?(?:[{_UPPER}][\w'’.-]*[ \t]+){{0,3}}"
    rf"(?:[{_UPPER}][\w'’-]*(?i:{_SUFFIX_TYPES})|(?i:{_SUFFIX_TYPES}))\.?(?:[ \t]+{_NUMBER})?$"
)
_LEADING_NUMBER_RE = re.compile(rf"{_NUMBER}[ \t]")
_TRAILING_NUMBER_RE = re.compile(rf"[ \t]{_NUMBER}$")


def _locality_at(text: str, pos: int) -> int:
    """End of a locality that starts at ``pos`` after a separator, or -1."""
    sep = _SEP_RE.match(text, pos)
    if sep is None:
        return -1
    m = _LOCALITY_RE.match(text, sep.end())
    return m.end() if m else -1


def _country_at(text: str, pos: int) -> int:
    """End of a country item (``, USA``, a ``FRANCE`` line) at ``pos``, or ``pos``."""
    sep = _SEP_RE.match(text, pos)
    if sep is None:
        return pos
    line_end = text.find("\n", sep.end())
    line_end = len(text) if line_end < 0 else line_end
    item = re.match(r"[^\n,;]+", text[sep.end() : line_end])
    if item and item.group(0).strip().rstrip(".").casefold() in _COUNTRIES:
        return sep.end() + len(item.group(0).rstrip(" \t."))
    return pos


def _tail(text: str, end: int) -> int:
    """How far an address that ends at ``end`` goes on: up to two unit items then a locality,
    then a country; ``end`` when no locality follows."""
    pos = end
    for _ in range(3):
        after = _locality_at(text, pos)
        if after >= 0:
            return _country_at(text, after)
        sep = _SEP_RE.match(text, pos)
        unit = _UNIT_ITEM_RE.match(text, sep.end()) if sep else None
        if unit is None or not _unit_item(unit.group(0)):
            return end
        pos = unit.end()
    return end


def _unit_item(item: str) -> bool:
    """A unit, floor or door: a unit word (``app. 3``, ``Bât. B``), or a short number (``2.º``, ``3B``)."""
    item = item.strip()
    return bool(_UNIT_WORDS_RE.search(item)) or (len(item) <= 8 and any(c.isdigit() for c in item))


def _head(text: str, start: int) -> int:
    """Where an address that starts at ``start`` begins once a ``Flat 2, `` before it joins."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _UNIT_BEFORE_RE.search(text, line_start, start)
    return m.start() if m else start


def find_blocks(text: str) -> list[Span]:
    """Addresses the formats alone reveal: a PO box or military unit, or a street with its house
    number, followed by a locality; a US ``Town, ST 12345`` line on its own."""
    found: list[Span] = []
    for m in _BOX_RE.finditer(text):
        end = _tail(text, m.end())
        if end > m.end():
            found.append(Span(m.start(), end, "STREET_ADDRESS", source="rule"))
    for m in _LOCALITY_RE.finditer(text):
        start = m.start()
        if start == 0 or text[start - 1] not in " \t\n":
            continue
        before = text[max(0, start - 120) : start]
        sep = re.search(r"(?:,[ \t]*|[ \t]*\n[ \t]*)$", before)
        if sep is None:
            continue
        chunk = before[: sep.start()]
        line = chunk[chunk.rfind("\n") + 1 :]
        numbered = False  # ``Calle de Cuba, 47``: the house number as an item of its own
        for _ in range(3):  # unit items between the street and the locality (``, app. 3``)
            head, comma, item = line.rpartition(",")
            if not comma or not _unit_item(item):
                break
            numbered, line = item.strip().isdigit(), head
        street = _STREET_RE.search(line)
        if street is None:
            continue
        value = street.group(0)
        leading, trailing = bool(_LEADING_NUMBER_RE.match(value)), bool(_TRAILING_NUMBER_RE.search(value))
        if (leading and (trailing or numbered)) or not (leading or trailing or numbered):
            continue  # one house number, not a year or a count before a numbered street
        begin = start - len(before) + chunk.rfind("\n") + 1 + street.start()
        found.append(Span(_head(text, begin), _country_at(text, m.end()), "STREET_ADDRESS", source="rule"))
    for m in _US_LINE_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip(" \t:") == "" or text[m.start() - 1] == ":":
            value_start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
            found.append(Span(value_start, m.end(), "STREET_ADDRESS", source="rule"))
    return _unite(found)


def address_blocks(text: str, spans: Iterable[Span], *, extend: bool = True, find: bool = True) -> list[Span]:
    """``spans`` with (``extend``) every ``STREET_ADDRESS`` span extended over the rest of its
    postal block and (``find``) the blocks of :func:`find_blocks` added; spans inside a block
    are absorbed into it and spans it cuts keep what lies outside it."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    blocks: list[Span] = []
    for s in spans:
        if s.entity_type == "STREET_ADDRESS" and not extend:
            blocks.append(s)
        elif s.entity_type == "STREET_ADDRESS":
            start, end = _head(text, s.start), _tail(text, s.end)
            blocks.append(
                Span(start, end, s.entity_type, score=s.score, source=s.source)
                if (start, end) != (s.start, s.end)
                else s
            )
    if find:
        blocks.extend(b for b in find_blocks(text) if not any(o.start <= b.start and b.end <= o.end for o in blocks))
    if not blocks:
        return spans
    blocks = _unite(blocks)
    out: list[Span] = list(blocks)
    for s in spans:
        if s.entity_type == "STREET_ADDRESS":
            continue
        pieces = [(s.start, s.end)]
        for b in blocks:
            pieces = [p for a, z in pieces for p in ((a, min(z, b.start)), (max(a, b.end), z)) if p[0] < p[1]]
        for a, z in pieces:
            if (a, z) != (s.start, s.end):
                a, z = _strip(text, a, z)
            if a < z and any(c.isalnum() for c in text[a:z]):
                out.append(
                    s if (a, z) == (s.start, s.end) else Span(a, z, s.entity_type, score=s.score, source=s.source)
                )
    # blocks only grow and a cut keeps every letter and digit outside the block, so no character
    # masked before is readable after (property-tested); spans that overlapped still overlap: unite
    return unite(out)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _unite(blocks: Sequence[Span]) -> list[Span]:
    merged: list[Span] = []
    for b in sorted(blocks, key=lambda s: (s.start, -s.end)):
        if merged and b.start <= merged[-1].end:
            prev = merged[-1]
            merged[-1] = Span(
                prev.start, max(prev.end, b.end), prev.entity_type, score=max(prev.score, b.score), source=prev.source
            )
        else:
            merged.append(b)
    return merged
