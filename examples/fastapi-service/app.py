"""A masking service: one Redactor shared by every request.

    pip install piilora fastapi uvicorn
    uvicorn app:app --workers 1          # run from this directory

    curl -s localhost:8000/mask -H 'content-type: application/json' \\
         -d '{"text": "Hi, I am Jane Doe, mail me at jane@doe.com"}'

Threads: a Redactor serialises its model calls with a lock, so one process serves concurrent
requests safely, one forward at a time, using ``PIILORA_THREADS`` torch threads (default: all
cores). With several uvicorn workers on one machine, give each ``cores // workers`` threads:
oversubscribed cores make every request many times slower. ``/mask_batch`` masks a list in one
call (ragged batches through the copy-or-placeholder decoder: several times the throughput of
one text per request). Request bodies are never logged: they are PII.
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from piilora import PiiloraError, Redactor


class MaskRequest(BaseModel):
    text: str
    scheme: str = "bracket"
    options: dict[str, Any] = Field(default_factory=dict)
    #: presets ("hipaa", "pci", "secrets", "direct", "all") and/or entity types; None: all
    entities: list[str] | None = None
    exclude: list[str] | None = None


class BatchRequest(BaseModel):
    texts: list[str]
    scheme: str = "bracket"
    options: dict[str, Any] = Field(default_factory=dict)
    entities: list[str] | None = None
    exclude: list[str] | None = None


def _result(res: Any) -> dict[str, Any]:
    return {
        "text": res.text,
        "spans": [
            {"start": s.start, "end": s.end, "entity_type": s.entity_type, "source": s.source} for s in res.spans
        ],
        "flags": list(res.flags),
    }


def create_app(redactor: Redactor | None = None) -> FastAPI:
    """The app; ``redactor`` defaults to the shipped adapter, loaded once at startup."""
    app = FastAPI(title="piilora masking service")
    state: dict[str, Redactor] = {}

    def get() -> Redactor:
        if "redactor" not in state:
            threads = int(os.environ.get("PIILORA_THREADS", "0")) or None
            state["redactor"] = redactor or Redactor.from_pretrained(threads=threads)
        return state["redactor"]

    @app.get("/health")
    def health() -> dict[str, str]:
        get()
        return {"status": "ok"}

    @app.post("/mask")
    def mask(req: MaskRequest) -> dict[str, Any]:
        try:
            return _result(
                get().mask(req.text, scheme=req.scheme, entities=req.entities, exclude=req.exclude, **req.options)
            )
        except PiiloraError as exc:  # bad scheme, option or entity name: the message names it, never the text
            raise HTTPException(status_code=422, detail=str(exc)) from None

    @app.post("/mask_batch")
    def mask_batch(req: BatchRequest) -> list[dict[str, Any]]:
        try:
            results = get().mask_batch(
                req.texts, scheme=req.scheme, entities=req.entities, exclude=req.exclude, **req.options
            )
            return [_result(r) for r in results]
        except PiiloraError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None

    return app


app = create_app() if os.environ.get("PIILORA_SERVICE_LAZY") != "1" else FastAPI()
