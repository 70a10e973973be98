"""Restoring a stream: an LLM's answer to masked text, unmasked while it arrives.

An LLM streams its answer in chunks, and a placeholder may arrive split across them
(``[PER`` then ``SON_1]``). :class:`Restorer` turns each chunk into what can be shown now:
everything up to the last position where a placeholder may still be starting is restored and
returned; only that possible start (at most one placeholder's length) is held back until the
next chunk decides it. The concatenation of what :meth:`Restorer.feed` and
:meth:`Restorer.flush` return equals :func:`~piilora.placeholders.base.restore` of the whole
answer, for any chunking, longest placeholder first (``[PERSON_10]`` is not read as
``[PERSON_1]`` followed by ``0]``)::

    masked = redactor.mask(prompt, scheme="numbered")
    restorer = Restorer(masked.mapping)
    for chunk in llm.stream(masked.text):
        print(restorer.feed(chunk), end="")
    print(restorer.flush())

The mapping holds the original values: keep the Restorer as secret as the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from piilora.placeholders.base import keys_pattern

__all__ = ["Restorer", "restore_stream"]


class Restorer:
    """Restores a stream of chunks with a reversible scheme's ``mapping`` (placeholder -> value)."""

    __slots__ = ("_buffer", "_firsts", "_keys", "_mapping", "_pattern")

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self._mapping = {k: v for k, v in mapping.items() if k}
        self._keys = sorted(self._mapping, key=len, reverse=True)
        self._pattern = keys_pattern(self._mapping)
        self._firsts = frozenset(k[0] for k in self._keys)
        self._buffer = ""

    @property
    def pending(self) -> int:
        """How many characters are held back (a placeholder's possible start)."""
        return len(self._buffer)

    def feed(self, chunk: str) -> str:
        """The restored text that ``chunk`` completes; a possible placeholder start at its end is
        held back for the next chunk."""
        if not isinstance(chunk, str):
            raise TypeError(f"chunk must be str, not {type(chunk).__name__}")
        self._buffer += chunk
        return self._drain(final=False)

    def flush(self) -> str:
        """The rest, at the end of the stream (an unfinished placeholder is text as it came)."""
        return self._drain(final=True)

    def _drain(self, *, final: bool) -> str:
        buf, out, i, n = self._buffer, [], 0, len(self._buffer)
        while i < n:
            j = i
            while j < n and buf[j] not in self._firsts:  # no placeholder starts here: plain text
                j += 1
            out.append(buf[i:j])
            i = j
            if i >= n:
                break
            if not final and self._undecided(buf, i):
                break  # a longer placeholder may still come: wait for the next chunk
            m = self._pattern.match(buf, i)
            if m is not None:
                out.append(self._mapping[m.group(0)])
                i = m.end()
            else:
                out.append(buf[i])
                i += 1
        self._buffer = buf[i:]
        return "".join(out)

    def _undecided(self, buf: str, i: int) -> bool:
        """Whether the text from ``i`` is a proper start of a placeholder that the buffer ends
        inside (so which placeholder, if any, stands at ``i`` is not known yet)."""
        tail = buf[i:]
        return any(len(key) > len(tail) and key.startswith(tail) for key in self._keys)


def restore_stream(chunks: Iterable[str], mapping: Mapping[str, str]) -> Iterator[str]:
    """Restored text for a stream of ``chunks`` (see :class:`Restorer`), chunk by chunk."""
    restorer = Restorer(mapping)
    for chunk in chunks:
        piece = restorer.feed(chunk)
        if piece:
            yield piece
    rest = restorer.flush()
    if rest:
        yield rest
