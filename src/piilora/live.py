"""Continuous batching: texts join a running decode between its steps and leave as they end.

``Redactor.mask_batch`` decodes a batch it knows up front: every text waits for the slowest
one of its batch, and a text that arrives meanwhile waits for the whole batch. A
:class:`LiveBatch` serves texts that arrive while others decode (a server's requests): each
:meth:`~LiveBatch.step` first lets waiting windows join the running rows (one prefill forward
for those that join; at most ``capacity`` rows run at once), then runs one forward for every
row; a text is answered as soon as its own windows are, whoever it shared forwards with.

Detection is the Redactor's, stage for stage (windows, halves of windows the model could not
follow, rules and safety net: :mod:`piilora.windowing`), so a text's spans are those
``Redactor.detect`` gives, up to floating-point differences of batched arithmetic. Rendering
(scheme, selected types) is per text and left to the caller (:meth:`Redactor.render`).

One thread drives a LiveBatch; it holds the Redactor's lock through each step's forwards,
so other callers of the same Redactor wait between steps, not behind a whole batch.

The price: a text the model struggles with (tens of forwards) pays, on each of its forwards,
for the prefills of the texts that join meanwhile, so under load the slowest texts take longer
than in batches gathered up front (docs/services.md has the load test of both).
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from piilora.errors import ConfigError

if TYPE_CHECKING:
    from piilora.redactor import Redactor
    from piilora.types import Span
    from piilora.windowing import Detection, Window

__all__ = ["Detected", "LiveBatch"]


@dataclass
class Detected:
    """A text whose detection ended: its ``ticket`` (from :meth:`LiveBatch.add`), spans (offsets
    into the text as given) and flags, or the ``error`` that ended it."""

    ticket: int
    spans: list[Span]
    flags: set[str]
    error: Exception | None = None


class LiveBatch:
    """Texts decoded by a Redactor's copy decoder as they arrive (see the module docstring).
    ``capacity``: the most windows decoded at once (default: the Redactor's ``batch_size``)."""

    def __init__(self, redactor: Redactor, *, capacity: int | None = None) -> None:
        if redactor.decoder != "copy":
            raise ConfigError(f"a LiveBatch needs the copy decoder, not decoder={redactor.decoder!r}")
        self.redactor = redactor
        self.capacity = max(1, capacity or redactor.batch_size)
        self._tickets = itertools.count()
        self._jobs: dict[int, Detection] = {}
        self._outstanding: dict[int, int] = {}  # ticket -> windows not answered yet
        self._waiting: deque[Window] = deque()
        self._retry: deque[Window] = deque()  # halves of windows the model could not follow
        self._run: Any = None  # the decoder's DecodeRun, made on the first step
        self.rows = 0  #: windows in the last step's forward

    def __len__(self) -> int:
        """Texts added and not yet returned by :meth:`step`."""
        return len(self._jobs)

    @property
    def running(self) -> int:
        """Windows in the running decode."""
        return len(self._run) if self._run is not None else 0

    @property
    def waiting(self) -> int:
        """Windows waiting to join."""
        return len(self._waiting) + len(self._retry)

    def add(self, text: str) -> int:
        """Queue ``text`` (its windows join at a coming step); returns its ticket."""
        ticket = next(self._tickets)
        job = self.redactor._begin(ticket, text)
        self._jobs[ticket] = job
        self._outstanding[ticket] = len(job.windows)
        self._waiting.extend(job.windows)
        return ticket

    def step(self) -> list[Detected]:
        """Let waiting windows join (up to ``capacity`` running), run one forward, and return the
        texts whose windows are all answered (a text without words ends at once). If the
        forward fails, every text in the batch ends with that error and the batch is empty."""
        red = self.redactor
        try:
            with red._lock:
                if self._run is None:
                    self._run = red.copy_decoder().run(red.stats)
                room = self.capacity - len(self._run)
                joining = [self._retry.popleft() for _ in range(min(room, len(self._retry)))]
                joining += [self._waiting.popleft() for _ in range(min(room - len(joining), len(self._waiting)))]
                if joining:
                    texts = [self._jobs[w.text_index].window_text(w) for w in joining]
                    prompts, limits = red._prompts(texts)
                    self._run.add(
                        prompts,
                        texts,
                        max_new_tokens=limits,
                        hints=[red._hints(t) for t in texts],
                        max_forwards=[red._budget(len(p)) for p in prompts],
                        watch=[red._watch(self._jobs[w.text_index], w) for w in joining],
                        keys=joining,
                    )
                self.rows = len(self._run)
                ended = self._run.step() if self._run else []
        except Exception as exc:
            return self._fail(exc)
        for f in ended:
            w: Window = f.key
            retry = red._take(self._jobs[w.text_index], w, red._answer(f.ids, f.scores, f.abandoned, f.lost))
            self._outstanding[w.text_index] += len(retry) - 1
            self._retry.extend(retry)  # halves join first: their text has waited longest
        out = []
        for ticket in [t for t, n in self._outstanding.items() if n == 0]:
            del self._outstanding[ticket]
            job = self._jobs.pop(ticket)
            try:
                spans, flags = red._conclude(job)
            except Exception as exc:  # this text's own error (on_unaligned="raise"): the others go on
                out.append(Detected(ticket, [], job.flags, exc))
            else:
                out.append(Detected(ticket, spans, flags))
        return out

    def _fail(self, exc: Exception) -> list[Detected]:
        out = [Detected(ticket, [], job.flags, exc) for ticket, job in self._jobs.items()]
        self._jobs.clear()
        self._outstanding.clear()
        self._waiting.clear()
        self._retry.clear()
        self._run = None
        return out
