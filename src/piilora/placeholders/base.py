"""The placeholder-scheme contract and the one engine that applies any scheme.

A scheme is a pure function of ``(text, spans)``: the engine walks the spans in
order, asks the scheme's per-document renderer for each replacement string, copies
every other character unchanged and records where each replacement landed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from piilora.entities.base import EntityGenerator
from piilora.errors import ConfigError, PluginError
from piilora.types import MaskResult, Replacement, Span, validate_spans

__all__ = ["PlaceholderScheme", "Renderer", "SchemeContext", "apply_scheme", "keys_pattern", "restore"]

#: ``render(value, entity_type) -> replacement``; one renderer serves one document,
#: so it may keep state (numbering, consistency caches).
Renderer = Callable[[str, str], str]
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class SchemeContext:
    """What a scheme may use: the caller's options, the known entity generators, and the
    document being masked.

    A reversible scheme must not hand out a replacement that :meth:`is_free` refuses: one
    that already occurs in the document (``[PERSON_1]`` in a template, a surrogate equal to
    a name in the text) would make :func:`restore` ambiguous. ``avoid`` holds replacements
    that collided in an earlier attempt on this document (the engine retries with them)."""

    options: Mapping[str, Any]
    generators: Mapping[str, EntityGenerator]
    text: str = ""
    avoid: frozenset[str] = frozenset()

    def is_free(self, candidate: str) -> bool:
        """Whether ``candidate`` may serve as a reversible replacement in this document."""
        return candidate not in self.avoid and candidate not in self.text


@dataclass(frozen=True)
class PlaceholderScheme:
    """A named way of replacing PII spans.

    ``make_renderer`` is called once per document. ``reversible`` schemes produce
    a mapping from each distinct replacement back to its value. ``options`` names
    the keyword options the scheme accepts; others are rejected by name.
    """

    name: str
    make_renderer: Callable[[SchemeContext], Renderer]
    reversible: bool = False
    description: str = ""
    options: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise PluginError(f"scheme name {self.name!r} must be lower_snake")


def apply_scheme(
    text: str,
    spans: Sequence[Span],
    scheme: PlaceholderScheme,
    *,
    generators: Mapping[str, EntityGenerator] | None = None,
    **options: Any,
) -> MaskResult:
    """Replace each span of ``text`` with ``scheme``'s rendering of it.

    Raises ``ValueError`` for overlapping, empty or out-of-range spans and
    ``ConfigError`` for options the scheme does not accept.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    unknown = sorted(set(options) - set(scheme.options))
    if unknown:
        raise ConfigError(
            f"scheme {scheme.name!r} does not accept option(s) {', '.join(unknown)}; "
            f"accepted: {', '.join(scheme.options) or 'none'}"
        )
    ordered = validate_spans(text, spans)
    avoid: frozenset[str] = frozenset()
    for _ in range(_MAX_ATTEMPTS):
        context = SchemeContext(options=options, generators=generators or {}, text=text, avoid=avoid)
        result = _render(text, ordered, scheme, context)
        if not scheme.reversible:
            return result
        collided = _collisions(result)
        if not collided:
            return result
        avoid |= collided
    raise PluginError(
        f"scheme {scheme.name!r} keeps giving replacements that also occur elsewhere in the masked text, "
        "so restore() would be ambiguous; it must refuse candidates that SchemeContext.is_free() rejects"
    )


_MAX_ATTEMPTS = 8


def _render(text: str, ordered: Sequence[Span], scheme: PlaceholderScheme, context: SchemeContext) -> MaskResult:
    render = scheme.make_renderer(context)
    parts: list[str] = []
    replacements: list[Replacement] = []
    mapping: dict[str, str] = {}
    cursor = 0
    out_len = 0
    for span in ordered:
        keep = text[cursor : span.start]
        parts.append(keep)
        out_len += len(keep)
        value = text[span.start : span.end]
        new = render(value, span.entity_type)
        if scheme.reversible:
            if not new:  # an empty key would make restore() insert the value everywhere
                raise PluginError(f"scheme {scheme.name!r} is marked reversible but gave an empty replacement")
            previous = mapping.setdefault(new, value)
            if previous != value:
                raise PluginError(
                    f"scheme {scheme.name!r} is marked reversible but gave two different "
                    f"{span.entity_type} values the same replacement"
                )
        parts.append(new)
        replacements.append(Replacement(span=span, start=out_len, end=out_len + len(new), text=new))
        out_len += len(new)
        cursor = span.end
    parts.append(text[cursor:])
    return MaskResult(
        text="".join(parts),
        spans=tuple(ordered),
        replacements=tuple(replacements),
        scheme=scheme.name,
        mapping=mapping,
    )


def _collisions(result: MaskResult) -> frozenset[str]:
    """Replacements that :func:`restore` would find anywhere but where they were put (inside
    the original text, or straddling a replacement and its neighbours): empty when the
    round trip is exact."""
    placed = {(r.start, r.end) for r in result.replacements}
    found = {(m.start(), m.end()): m.group(0) for m in keys_pattern(result.mapping).finditer(result.text)}
    wrong = {key for at, key in found.items() if at not in placed}
    wrong.update(r.text for r in result.replacements if found.get((r.start, r.end)) != r.text)
    return frozenset(wrong)


def keys_pattern(mapping: Mapping[str, str]) -> re.Pattern[str]:
    """One alternation of the mapping's keys, longest first (``[PERSON_10]`` before ``[PERSON_1]``)."""
    keys = sorted((k for k in mapping if k), key=len, reverse=True)  # "" is never a placeholder
    return re.compile("|".join(re.escape(k) for k in keys)) if keys else re.compile(r"(?!)")


def restore(masked_text: str, mapping: Mapping[str, str]) -> str:
    """Turn masked text back into the original using a reversible scheme's mapping.

    Works on text that was edited after masking (e.g. an LLM's answer that quotes
    the placeholders): every occurrence of a mapped replacement is substituted,
    longest first so ``[PERSON_10]`` wins over ``[PERSON_1]``. On the masked text
    itself the round trip is exact: :func:`apply_scheme` never hands out a
    replacement that occurs anywhere else in the masked text (a ``[PERSON_1]``
    already in the input makes ``numbered`` use ``[PERSON_2]``).
    """
    if not isinstance(masked_text, str):
        raise TypeError(f"masked_text must be str, not {type(masked_text).__name__}")
    if not any(mapping):
        return masked_text
    return keys_pattern(mapping).sub(lambda m: mapping[m.group(0)], masked_text)
