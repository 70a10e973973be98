"""``piilora serve``: a masking server that batches texts across requests.

Concurrent ``/mask`` requests are gathered for at most ``max_wait_ms`` (or until ``max_batch``
texts wait) and decoded together by the batched copy decoder, in one worker thread; each
caller gets its own result. While a batch runs, new texts queue up, so batches grow with the
load and a lone request waits only ``max_wait_ms``. Callers just answered tend to send again
at once (a client loop, a pipeline stage): the next batch waits up to ``rejoin_ms`` for as
many texts as the last batch and its backlog held, so N such clients share batches of N
rather than splitting into two alternating halves (each answer's HTTP round trip outlasts
``max_wait_ms``).

``batching="continuous"`` (a Redactor with the copy decoder) lets texts join the running decode
between its forwards instead (:class:`piilora.live.LiveBatch`, at most ``max_batch`` windows at
once) and answers each as soon as its own windows are: more texts/s and a lower median latency,
but a text the model struggles with (tens of forwards) then pays every forward's share of the
newcomers' prefills, so the tail is longer; the gathered batches are the default for that
(docs/services.md has the load test of both).

Endpoints: ``POST /mask`` ``{"text", "scheme", "options", "entities", "exclude"}``, ``POST
/mask_batch`` (``"texts"``), ``POST /restore`` ``{"text", "mapping"}``, ``GET /entity_types``,
``GET /health`` (the process answers), ``GET /ready`` (200 once the model is loaded, else 503),
``GET /metrics`` (Prometheus text: requests by endpoint and code, texts, latency and batch-size
histograms, queue depth; never any text).

Overload and bad input: the queue holds at most ``max_queue`` texts (beyond it: 503 with
``Retry-After``); a body over ``max_body_bytes`` or a text over ``max_text_chars`` is refused
with 413; a request not answered in ``timeout_s`` gets 504 (its texts are dropped from the
queue); an unknown scheme, option or entity type is a 422 naming it. Request bodies and
results are never logged: they are PII. A reversible scheme's ``mapping`` goes back to the
caller and is not kept.

Needs ``pip install 'piilora[serve]'`` (FastAPI and uvicorn).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from piilora.errors import PiiloraError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from piilora.redactor import Redactor
    from piilora.types import MaskResult

__all__ = ["ServerConfig", "create_app", "serve"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerConfig:
    """Batching and limits of the server (see the module docstring)."""

    max_batch: int = 16
    batching: str = "gathered"
    max_wait_ms: float = 5.0
    rejoin_ms: float = 50.0
    max_queue: int = 256
    max_body_bytes: int = 2_000_000
    max_text_chars: int = 100_000
    timeout_s: float = 60.0

    def __post_init__(self) -> None:
        if self.batching not in ("continuous", "gathered"):
            raise PiiloraError(f"batching must be 'continuous' or 'gathered', got {self.batching!r}")
        if self.max_batch < 1 or self.max_queue < 1 or min(self.max_wait_ms, self.rejoin_ms) < 0 or self.timeout_s <= 0:
            raise PiiloraError("max_batch and max_queue must be >= 1, max_wait_ms and rejoin_ms >= 0, timeout_s > 0")


_LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)


@dataclass
class _Histogram:
    buckets: tuple[float, ...]
    counts: list[int] = field(default_factory=list)
    total: float = 0.0
    n: int = 0

    def observe(self, value: float) -> None:
        if not self.counts:
            self.counts = [0] * len(self.buckets)
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[i] += 1
        self.total += value
        self.n += 1

    def lines(self, name: str) -> list[str]:
        counts = self.counts or [0] * len(self.buckets)
        out = [f'{name}_bucket{{le="{b:g}"}} {c}' for b, c in zip(self.buckets, counts)]
        return [*out, f'{name}_bucket{{le="+Inf"}} {self.n}', f"{name}_sum {self.total:.6f}", f"{name}_count {self.n}"]


class Metrics:
    """Counters and histograms in the Prometheus text format (no labels that could hold text)."""

    def __init__(self) -> None:
        self.requests: dict[tuple[str, int], int] = defaultdict(int)
        self.texts = 0
        self.latency = _Histogram(_LATENCY_BUCKETS)
        self.batch = _Histogram(tuple(float(b) for b in _BATCH_BUCKETS))

    def render(self, queue_depth: int, ready: bool) -> str:
        lines = ["# TYPE piilora_requests_total counter"]
        for (path, code), n in sorted(self.requests.items()):
            lines.append(f'piilora_requests_total{{endpoint="{path}",code="{code}"}} {n}')
        lines += ["# TYPE piilora_texts_total counter", f"piilora_texts_total {self.texts}"]
        lines += ["# TYPE piilora_request_seconds histogram", *self.latency.lines("piilora_request_seconds")]
        lines += ["# TYPE piilora_batch_size histogram", *self.batch.lines("piilora_batch_size")]
        lines += ["# TYPE piilora_queue_depth gauge", f"piilora_queue_depth {queue_depth}"]
        lines += ["# TYPE piilora_ready gauge", f"piilora_ready {int(ready)}"]
        return "\n".join(lines) + "\n"


@dataclass
class _Item:
    text: str
    key: str  # scheme, options and selection, as JSON: texts with one key are rendered together
    future: asyncio.Future[Any]

    def settle(self, result: Any) -> None:
        """Hand ``result`` (or an exception) to the waiting request, from any thread."""

        def done() -> None:
            if not self.future.done():  # a timed-out request's future is cancelled
                if isinstance(result, BaseException):
                    self.future.set_exception(result)
                else:
                    self.future.set_result(result)

        self.future.get_loop().call_soon_threadsafe(done)


class QueueFullError(PiiloraError):
    """More texts wait than the queue holds."""


def _continuous(masker: Any) -> bool:
    """Whether ``masker`` can decode texts as they arrive (a Redactor with the copy decoder)."""
    from piilora.redactor import Redactor

    return isinstance(masker, Redactor) and masker.decoder == "copy"


class Batcher:
    """Hands texts from concurrent requests to one worker thread, which batches them.

    By default (``batching="gathered"``, and for any masker that only has ``mask_batch``),
    texts that arrive during a batch are gathered into the next one (see the module docstring
    for ``max_wait_ms`` and ``rejoin_ms``). With ``batching="continuous"`` and a Redactor
    (copy decoder), texts join the running decode between its forwards
    (:class:`piilora.live.LiveBatch`: at most ``max_batch`` windows at once) and each is
    answered as soon as its own windows are."""

    def __init__(self, redactor: Callable[[], Any], config: ServerConfig, metrics: Metrics) -> None:
        self._redactor = redactor
        self.config = config
        self.metrics = metrics
        self._inbox: deque[_Item] = deque()
        self._cond = threading.Condition()
        self._stop = False
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="piilora-mask")

    @property
    def depth(self) -> int:
        """Texts waiting to be decoded (not counting those decoding)."""
        return len(self._inbox)

    async def submit(self, texts: Sequence[str], key: str) -> list[MaskResult]:
        """The results of ``texts`` masked as ``key`` says; raises QueueFullError when they do not fit."""
        loop = asyncio.get_running_loop()
        items = [_Item(t, key, loop.create_future()) for t in texts]
        with self._cond:
            if len(self._inbox) + len(texts) > self.config.max_queue:
                raise QueueFullError(f"{len(self._inbox)} texts are waiting")
            self._inbox.extend(items)
            self._cond.notify()
        try:
            return list(await asyncio.wait_for(asyncio.gather(*(i.future for i in items)), self.config.timeout_s))
        finally:
            for item in items:
                item.future.cancel()  # a timed-out request's texts are skipped by the worker

    async def run(self) -> None:
        """Run the worker until cancelled."""
        try:
            await asyncio.get_running_loop().run_in_executor(self._executor, self._work)
        finally:
            self.close()

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- the worker thread ------------------------------------------------------------------
    def _work(self) -> None:
        expected, ended = 0, 0.0  # texts of the last gathered batch and its backlog (who comes back), and when
        while True:
            with self._cond:
                while not self._inbox and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
            masker = self._redactor()
            if self.config.batching == "continuous" and _continuous(masker):
                self._continuous(masker)
            else:
                expected, ended = self._gathered(masker, expected, ended)

    def _take(self, most: int, wait_s: float = 0.0) -> list[_Item]:
        """Up to ``most`` waiting texts (of requests still waiting), waiting at most ``wait_s``
        for the first ``most`` to arrive."""
        out: list[_Item] = []
        deadline = time.monotonic() + wait_s
        with self._cond:
            while len(out) < most and not self._stop:
                if self._inbox:
                    item = self._inbox.popleft()
                    if not item.future.done():
                        out.append(item)
                    continue
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
        return out

    def _continuous(self, redactor: Redactor) -> None:
        """Decode texts as they arrive until none is waiting or decoding (continuous batching)."""
        from piilora.live import LiveBatch

        live = LiveBatch(redactor, capacity=self.config.max_batch)
        tickets: dict[int, _Item] = {}
        wait_s = self.config.max_wait_ms / 1000  # a lone text waits a little for others to share its prefill
        while not self._stop:
            for item in self._take(self.config.max_batch - live.running - live.waiting, wait_s):
                try:
                    tickets[live.add(item.text)] = item
                except Exception as exc:  # handed to the caller; the text is never logged
                    item.settle(exc)
            wait_s = 0.0
            if not len(live):
                return
            detected = live.step()
            if live.rows:
                self.metrics.batch.observe(live.rows)
            for d in detected:
                item = tickets.pop(d.ticket)
                if d.error is not None:
                    item.settle(d.error)
                    continue
                try:
                    spec = json.loads(item.key)
                    item.settle(
                        redactor.render(
                            item.text,
                            d.spans,
                            spec["scheme"],
                            flags=sorted(d.flags),
                            entities=spec["entities"],
                            exclude=spec["exclude"],
                            **spec["options"],
                        )
                    )
                except Exception as exc:
                    item.settle(exc)

    def _gathered(self, masker: Any, expected: int, ended: float) -> tuple[int, float]:
        """One batch: the texts waiting now, and those that come within ``max_wait_ms`` (or
        ``rejoin_ms``, for as many as the last batch and its backlog held) up to ``max_batch``,
        decoded by ``masker.mask_batch``; returns this batch's ``expected`` and ``ended``."""
        cfg = self.config
        start = time.monotonic()
        # after a pause longer than rejoin_ms nobody is coming back: a lone text does not wait
        want = min(cfg.max_batch, expected) if start - ended <= cfg.rejoin_ms / 1000 else 0
        batch = self._take(want, max(cfg.max_wait_ms, cfg.rejoin_ms) / 1000) if want else []
        batch += self._take(cfg.max_batch - len(batch), max(0.0, start + cfg.max_wait_ms / 1000 - time.monotonic()))
        if not batch:
            return expected, ended
        self.metrics.batch.observe(len(batch))
        groups: dict[str, list[_Item]] = defaultdict(list)
        for item in batch:
            groups[item.key].append(item)
        for key, items in groups.items():
            spec = json.loads(key)
            try:
                results = masker.mask_batch(
                    [i.text for i in items],
                    scheme=spec["scheme"],
                    entities=spec["entities"],
                    exclude=spec["exclude"],
                    **spec["options"],
                )
            except Exception as exc:  # handed to each caller; the text is never logged
                for item in items:
                    item.settle(exc)
                continue
            for item, res in zip(items, results):
                item.settle(res)
        return len(batch) + len(self._inbox), time.monotonic()


def _result(res: MaskResult, reversible: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": res.text,
        "spans": [
            {"start": s.start, "end": s.end, "entity_type": s.entity_type, "score": s.score, "source": s.source}
            for s in res.spans
        ],
        "replacements": [{"start": r.start, "end": r.end, "entity_type": r.span.entity_type} for r in res.replacements],
        "flags": list(res.flags),
    }
    if reversible:
        out["mapping"] = dict(res.mapping)
    return out


class _TooLargeError(Exception):
    pass


class _BodyLimitMiddleware:
    """ASGI middleware: 413 for a body over ``limit`` bytes (declared or streamed)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def _reply(self, send: Any) -> None:
        body = json.dumps({"detail": f"request body over {self.limit} bytes"}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._reply(send)
            return
        seen = 0

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLargeError
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLargeError:
            await self._reply(send)


def create_app(
    redactor: Redactor | Callable[[], Redactor] | None = None,
    config: ServerConfig | None = None,
) -> FastAPI:
    """The ASGI app. ``redactor``: a Redactor, or a function that builds one (called once, in a
    background thread at startup: ``/ready`` answers 503 until it returns); default: the
    shipped adapter."""
    from contextlib import asynccontextmanager

    from fastapi import Body, FastAPI, HTTPException, Request
    from fastapi.responses import JSONResponse, PlainTextResponse

    from piilora.placeholders import restore
    from piilora.plugins import entity_generators, placeholder_schemes
    from piilora.selection import resolve_selection

    cfg = config or ServerConfig()
    metrics = Metrics()
    state: dict[str, Any] = {"redactor": None, "error": None}
    loaded = threading.Event()

    def build() -> None:
        try:
            if redactor is None:
                from piilora.redactor import Redactor

                state["redactor"] = Redactor()
            else:
                state["redactor"] = redactor if hasattr(redactor, "mask_batch") else redactor()
        except Exception as exc:  # reported by /ready
            state["error"] = f"{type(exc).__name__}: {exc}"
            log.error("piilora serve: the model did not load: %s", state["error"])
        finally:
            loaded.set()

    def ready() -> bool:
        return state["redactor"] is not None

    batcher = Batcher(lambda: state["redactor"], cfg, metrics)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        threading.Thread(target=build, name="piilora-load", daemon=True).start()
        worker = asyncio.create_task(batcher.run())
        try:
            yield
        finally:
            worker.cancel()
            batcher.close()

    app = FastAPI(title="piilora", summary="PII masking with Gemma 3 270M + LoRA", lifespan=lifespan)

    @app.middleware("http")
    async def count(request: Request, call_next: Any) -> Any:
        t0 = time.perf_counter()
        response = await call_next(request)
        path = request.url.path
        if path in ("/mask", "/mask_batch", "/restore"):
            metrics.requests[(path, response.status_code)] += 1
            if response.status_code == 200 and path != "/restore":
                metrics.latency.observe(time.perf_counter() - t0)
        return response

    def spec(body: dict[str, Any]) -> tuple[str, bool]:
        """The request's rendering key (validated: 422 on an unknown scheme, option or type)."""
        scheme = body.get("scheme", "bracket")
        options = body.get("options") or {}
        schemes = placeholder_schemes(state["redactor"].plugin_manager if ready() else None)
        if not isinstance(scheme, str) or scheme not in schemes:
            raise HTTPException(422, f"unknown scheme {scheme!r}; known: {', '.join(sorted(schemes))}")
        if not isinstance(options, dict) or set(options) - set(schemes[scheme].options):
            unknown = sorted(set(options) - set(schemes[scheme].options)) if isinstance(options, dict) else options
            raise HTTPException(422, f"scheme {scheme!r} takes no option(s) {unknown}")
        entities, exclude = body.get("entities"), body.get("exclude")
        try:
            resolve_selection(entities, exclude, entity_generators())
        except PiiloraError as exc:
            raise HTTPException(422, str(exc)) from exc
        key = json.dumps({"scheme": scheme, "options": options, "entities": entities, "exclude": exclude})
        return key, schemes[scheme].reversible

    async def masked(texts: list[Any], body: dict[str, Any]) -> list[dict[str, Any]]:
        if not ready():
            raise HTTPException(503, state["error"] or "the model is loading", headers={"Retry-After": "5"})
        if not all(isinstance(t, str) for t in texts):
            raise HTTPException(422, "every text must be a string")
        if any(len(t) > cfg.max_text_chars for t in texts):
            raise HTTPException(413, f"a text is over {cfg.max_text_chars} characters")
        key, reversible = spec(body)
        try:
            results = await batcher.submit(texts, key)
        except QueueFullError as exc:
            raise HTTPException(503, f"busy: {exc}", headers={"Retry-After": "1"}) from exc
        except asyncio.TimeoutError as exc:
            raise HTTPException(504, f"not answered in {cfg.timeout_s:g} s") from exc
        except (PiiloraError, TypeError, ValueError) as exc:
            raise HTTPException(422, f"{type(exc).__name__}: {exc}") from exc
        metrics.texts += len(texts)
        return [_result(r, reversible) for r in results]

    @app.post("/mask")
    async def mask(body: dict[str, Any] = Body(...)) -> Any:  # noqa: B008 - FastAPI's way
        if "text" not in body:
            raise HTTPException(422, "the body needs a 'text'")
        return (await masked([body["text"]], body))[0]

    @app.post("/mask_batch")
    async def mask_batch(body: dict[str, Any] = Body(...)) -> Any:  # noqa: B008
        texts = body.get("texts")
        if not isinstance(texts, list):
            raise HTTPException(422, "the body needs 'texts', a list of strings")
        return {"results": await masked(texts, body)}

    @app.post("/restore")
    async def restore_text(body: dict[str, Any] = Body(...)) -> Any:  # noqa: B008
        text, mapping = body.get("text"), body.get("mapping")
        if (
            not isinstance(text, str)
            or not isinstance(mapping, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items())
        ):
            raise HTTPException(422, "the body needs 'text' (a string) and 'mapping' (strings to strings)")
        return {"text": restore(text, mapping)}

    @app.get("/entity_types")
    async def entity_types() -> Any:
        return [{"entity_type": t, "description": g.description} for t, g in entity_generators().items()]

    @app.get("/health")
    async def health() -> Any:
        return {"status": "ok"}

    @app.get("/ready")
    async def is_ready() -> Any:
        if ready():
            return {"status": "ready"}
        detail = state["error"] or "loading"
        return JSONResponse({"status": detail}, status_code=503, headers={"Retry-After": "5"})

    @app.get("/metrics")
    async def prometheus() -> Any:
        return PlainTextResponse(metrics.render(batcher.depth, ready()), media_type="text/plain; version=0.0.4")

    app.add_middleware(_BodyLimitMiddleware, limit=cfg.max_body_bytes)
    app.state.metrics = metrics
    app.state.loaded = loaded
    return app


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    redactor: Redactor | Callable[[], Redactor] | None = None,
    config: ServerConfig | None = None,
    access_log: bool = False,
) -> None:
    """Run the server with uvicorn until interrupted (one process: the batcher is the parallelism)."""
    try:
        import uvicorn
    except ImportError as exc:
        raise PiiloraError("piilora serve needs: pip install 'piilora[serve]'") from exc
    uvicorn.run(create_app(redactor, config), host=host, port=port, access_log=access_log, log_level="warning")
