"""piilora serve: cross-request batching, limits and endpoints, in-process and over a real socket."""

import contextlib
import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

pytestmark = pytest.mark.integration
fastapi = pytest.importorskip("fastapi")


@pytest.fixture
def redactor(tiny_redactor):
    return tiny_redactor


class Slow:
    """A real Redactor whose batches take ``delay`` seconds longer (to fill the queue in a test)."""

    def __init__(self, inner, delay):
        self.inner, self.delay, self.batches = inner, delay, []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def mask_batch(self, texts, **kwargs):
        self.batches.append(len(texts))
        time.sleep(self.delay)
        return self.inner.mask_batch(texts, **kwargs)


@contextlib.contextmanager
def _serving(app):
    """``app`` served by uvicorn on a free loopback port in a thread, the model loaded; yields
    the base URL and stops the server after."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert app.state.loaded.wait(60)
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)


def _client(app):
    from fastapi.testclient import TestClient

    client = TestClient(app)
    client.__enter__()
    assert app.state.loaded.wait(60)
    return client


@pytest.mark.parametrize("batching", ["gathered", "continuous"])
def test_endpoints_answer_and_round_trip(redactor, batching):
    from piilora.server import ServerConfig, create_app

    client = _client(create_app(redactor, ServerConfig(batching=batching)))
    try:
        assert client.get("/health").json() == {"status": "ok"}
        assert client.get("/ready").status_code == 200
        text = "Mail jane@doe.com or ann@example.org from 10.0.0.7"
        plain = client.post("/mask", json={"text": text}).json()
        assert plain["text"] == "Mail [EMAIL_ADDRESS] or [EMAIL_ADDRESS] from [IP_ADDRESS]" and "mapping" not in plain
        numbered = client.post("/mask", json={"text": text, "scheme": "numbered"}).json()
        assert numbered["mapping"]["[EMAIL_ADDRESS_1]"] == "jane@doe.com"
        back = client.post("/restore", json={"text": numbered["text"], "mapping": numbered["mapping"]}).json()
        assert back == {"text": text}
        batch = client.post("/mask_batch", json={"texts": ["a 10.0.0.1", "", "b"], "entities": ["EMAIL_ADDRESS"]})
        assert [r["text"] for r in batch.json()["results"]] == ["a 10.0.0.1", "", "b"]  # IPs not selected
        types = {t["entity_type"] for t in client.get("/entity_types").json()}
        assert {"PERSON", "NATIONAL_ID", "STREET_ADDRESS"} <= types
        metrics = client.get("/metrics").text
        assert 'piilora_requests_total{endpoint="/mask",code="200"} 2' in metrics
        assert "piilora_batch_size_count" in metrics
        assert "piilora_texts_total 5" in metrics and "jane" not in metrics
    finally:
        client.__exit__(None, None, None)


def test_bad_input_gets_clear_errors_and_no_text_in_them(redactor):
    from piilora.server import ServerConfig, create_app

    client = _client(create_app(redactor, ServerConfig(max_text_chars=50, max_body_bytes=2000)))
    try:
        r = client.post("/mask", json={"text": "x jane@doe.com", "scheme": "nope"})
        assert r.status_code == 422 and "nope" in r.text and "jane" not in r.text
        r = client.post("/mask", json={"text": "x", "scheme": "bracket", "options": {"colour": 1}})
        assert r.status_code == 422 and "colour" in r.text
        assert client.post("/mask", json={"text": "x", "entities": ["NOT_A_TYPE"]}).status_code == 422
        assert client.post("/mask", json={"text": 5}).status_code == 422
        assert client.post("/mask", json={"txt": "x"}).status_code == 422
        assert client.post("/mask", json={"text": "y" * 51}).status_code == 413
        assert client.post("/mask_batch", json={"texts": ["z" * 40] * 60}).status_code == 413  # body > 2000 bytes
        assert client.post("/restore", json={"text": "x", "mapping": {"a": 1}}).status_code == 422
    finally:
        client.__exit__(None, None, None)


def test_ready_waits_for_the_model_and_mask_gets_503_until_then(redactor):
    from piilora.server import create_app

    gate = threading.Event()

    def build():
        gate.wait(30)
        return redactor

    from fastapi.testclient import TestClient

    with TestClient(create_app(build)) as client:
        assert client.get("/ready").status_code == 503
        busy = client.post("/mask", json={"text": "hello"})
        assert busy.status_code == 503 and busy.headers["retry-after"]
        gate.set()
        client.app.state.loaded.wait(30)
        assert client.get("/ready").status_code == 200
        assert client.post("/mask", json={"text": "hello"}).json()["text"] == "hello"


def test_over_a_socket_concurrent_requests_share_batches_and_overload_is_a_fast_503(redactor):
    from piilora.server import ServerConfig, create_app

    slow = Slow(redactor, 0.3)
    app = create_app(slow, ServerConfig(max_batch=8, max_wait_ms=20, max_queue=12, timeout_s=20))
    with _serving(app) as url:
        texts = [f"client {i}: mail user{i}@example.com" for i in range(10)]

        def call(text):
            return httpx.post(f"{url}/mask", json={"text": text}, timeout=30)

        with ThreadPoolExecutor(10) as pool:
            answers = list(pool.map(call, texts))
        assert [a.status_code for a in answers] == [200] * 10
        assert [a.json()["text"] for a in answers] == [f"client {i}: mail [EMAIL_ADDRESS]" for i in range(10)]
        assert max(slow.batches) > 1  # texts of different requests decoded together

        # overload: 40 concurrent texts against a queue of 12 -> some fast 503s with Retry-After, no crash
        with ThreadPoolExecutor(40) as pool:
            burst = list(pool.map(call, [f"burst {i}" for i in range(40)]))
        codes = [b.status_code for b in burst]
        assert set(codes) <= {200, 503} and 503 in codes and 200 in codes
        assert all(b.headers.get("retry-after") for b in burst if b.status_code == 503)
        metrics = httpx.get(f"{url}/metrics").text
        assert 'code="503"' in metrics and "piilora_batch_size_count" in metrics
        assert httpx.get(f"{url}/health").json() == {"status": "ok"}


def test_the_serve_command_is_wired(monkeypatch):
    import piilora.server as server_module
    from piilora.cli import main

    seen = {}
    monkeypatch.setattr(server_module, "serve", lambda host, port, **kw: seen.update(host=host, port=port, **kw))
    assert main(["serve", "--host", "0.0.0.0", "--port", "9999", "--max-batch", "4", "--max-wait-ms", "2"]) == 0
    assert (seen["host"], seen["port"], seen["config"].max_batch, seen["config"].max_wait_ms) == (
        "0.0.0.0",
        9999,
        4,
        2.0,
    )
    assert json.dumps(seen["config"].max_queue) == "256"


class _Echo:
    """A stand-in masker for the batcher alone: every batch takes ``delay`` seconds."""

    def __init__(self, delay):
        self.delay, self.batches = delay, []

    def mask_batch(self, texts, **kwargs):
        self.batches.append(len(texts))
        time.sleep(self.delay)
        return list(texts)


@pytest.mark.parametrize("rejoin_ms", [0.0, 400.0])
def test_clients_that_send_again_at_once_share_whole_batches_with_rejoin(rejoin_ms):
    """Eight clients in a loop, each taking 5-75 ms to send again after its answer (an HTTP round
    trip outlasts ``max_wait_ms``): without ``rejoin_ms`` they split into small alternating
    batches; with it, every batch after the first waits for all eight."""
    import asyncio

    from piilora.server import Batcher, Metrics, ServerConfig

    echo = _Echo(0.05)
    batcher = Batcher(lambda: echo, ServerConfig(max_batch=16, max_wait_ms=5, rejoin_ms=rejoin_ms), Metrics())
    key = json.dumps({"scheme": "type", "entities": None, "exclude": None, "options": {}})

    async def client(i):
        for n in range(5):
            assert await batcher.submit([f"{i}-{n}"], key) == [f"{i}-{n}"]
            await asyncio.sleep(0.005 + 0.01 * i)

    async def main():
        worker = asyncio.create_task(batcher.run())
        await asyncio.gather(*(client(i) for i in range(8)))
        worker.cancel()

    asyncio.run(main())
    batcher.close()
    assert sum(echo.batches) == 40
    if rejoin_ms:
        assert echo.batches == [8] * 5
    else:
        assert len(echo.batches) > 5  # the same 40 texts in more, smaller batches


def test_a_text_after_a_pause_does_not_wait_for_callers_who_are_not_coming_back():
    import asyncio

    from piilora.server import Batcher, Metrics, ServerConfig

    echo = _Echo(0.05)
    batcher = Batcher(lambda: echo, ServerConfig(max_batch=16, max_wait_ms=5, rejoin_ms=300), Metrics())
    key = json.dumps({"scheme": "type", "entities": None, "exclude": None, "options": {}})

    async def main():
        worker = asyncio.create_task(batcher.run())
        await asyncio.gather(*(batcher.submit([f"burst {i}"], key) for i in range(4)))  # a batch of 4
        await asyncio.sleep(0.4)  # longer than rejoin_ms: those four are not coming back
        t0 = time.perf_counter()
        await batcher.submit(["alone"], key)
        worker.cancel()
        return time.perf_counter() - t0

    took = asyncio.run(main())
    batcher.close()
    assert echo.batches == [4, 1]
    assert took < 0.25  # 50 ms of masking, not 300 ms of waiting for the burst's callers


def _slow_forwards(redactor, delay):
    """``redactor`` (a real one) with ``delay`` seconds added to every forward of its decoder;
    undo with the returned function."""
    engine = redactor.copy_decoder().engine
    run = engine._run

    def slow(*args, **kwargs):
        time.sleep(delay)
        return run(*args, **kwargs)

    engine._run = slow
    return lambda: setattr(engine, "_run", run)


def test_continuous_batching_over_a_socket_texts_join_a_running_decode(tiny_model_dir):
    """Continuous batching: texts that arrive while others decode join the running forwards
    (batches > 1 without waiting for a batch to end), each answer is its own text's, a short
    text sent during a long one's decode comes back first, and overload is a fast 503."""
    from piilora import Redactor
    from piilora.server import ServerConfig, create_app

    red = Redactor.from_pretrained(tiny_model_dir, threads=1)
    undo = _slow_forwards(red, 0.05)
    cfg = ServerConfig(batching="continuous", max_batch=8, max_wait_ms=1, max_queue=12, timeout_s=30)
    try:
        with _serving(create_app(red, cfg)) as url:
            texts = [f"client {i}: mail user{i}@example.com " + "and more words " * (i % 4) for i in range(10)]

            def call(text):
                return httpx.post(f"{url}/mask", json={"text": text}, timeout=30)

            with ThreadPoolExecutor(10) as pool:
                answers = list(pool.map(call, texts))
            assert [a.status_code for a in answers] == [200] * 10
            assert [a.json()["text"] for a in answers] == [t.replace(f"user{i}@example.com", "[EMAIL_ADDRESS]")
                                                          for i, t in enumerate(texts)]  # fmt: skip
            metrics = httpx.get(f"{url}/metrics").text
            steps = float(re.search(r"piilora_batch_size_count (\S+)", metrics).group(1))
            rows = float(re.search(r"piilora_batch_size_sum (\S+)", metrics).group(1))
            assert rows / steps > 1  # forwards shared by texts of different requests

            # a long text decoding; a short one sent meanwhile joins it and is answered first
            long_text = "Dear team, the report for Jane Doe (jane@doe.com) is attached. " * 12
            done = {}

            def timed(name, text):
                r = call(text)
                done[name] = time.perf_counter()
                return r

            with ThreadPoolExecutor(2) as pool:
                slow = pool.submit(timed, "long", long_text)
                time.sleep(0.3)
                quick = pool.submit(timed, "short", "ok 10.0.0.1")
                assert quick.result().json()["text"] == "ok [IP_ADDRESS]"
                assert slow.result().status_code == 200
            assert done["short"] < done["long"]

            with ThreadPoolExecutor(40) as pool:
                burst = list(pool.map(call, [f"burst {i}" for i in range(40)]))
            codes = [b.status_code for b in burst]
            assert set(codes) <= {200, 503} and 503 in codes and 200 in codes
            assert httpx.get(f"{url}/health").json() == {"status": "ok"}
    finally:
        undo()


def test_a_failing_forward_fails_its_texts_and_the_server_goes_on(tiny_model_dir):
    from fastapi.testclient import TestClient

    from piilora import Redactor
    from piilora.server import ServerConfig, create_app

    red = Redactor.from_pretrained(tiny_model_dir, threads=1)
    engine = red.copy_decoder().engine
    run, calls = engine._run, []

    def fails_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("out of memory (simulated)")
        return run(*args, **kwargs)

    engine._run = fails_once
    with TestClient(create_app(red, ServerConfig(batching="continuous")), raise_server_exceptions=False) as client:
        assert client.app.state.loaded.wait(30)
        assert client.post("/mask", json={"text": "mail jane@doe.com"}).status_code == 500
        assert client.post("/mask", json={"text": "mail jane@doe.com"}).json()["text"] == "mail [EMAIL_ADDRESS]"
