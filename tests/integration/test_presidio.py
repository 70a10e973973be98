"""piilora as a recognizer in a real presidio-analyzer AnalyzerEngine (tiny model; rules find the values)."""

import pytest

pytestmark = pytest.mark.integration
presidio_analyzer = pytest.importorskip("presidio_analyzer")


@pytest.fixture
def redactor(tiny_redactor):
    return tiny_redactor


@pytest.fixture(scope="module")
def analyzer():
    from piilora.presidio import offline_analyzer

    return offline_analyzer()


TEXT = "Mail jane@doe.com from 10.0.0.7, IBAN DE44 5001 0517 5407 3249 31, codice fiscale RSSMRA85T10A562S."


def test_the_recognizer_reports_piilora_spans_under_presidio_names(analyzer, redactor):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from piilora.presidio import PiiloraRecognizer

    recognizer = PiiloraRecognizer(redactor)
    alone = AnalyzerEngine(registry=RecognizerRegistry(recognizers=[recognizer]), nlp_engine=analyzer.nlp_engine)
    results = alone.analyze(text=TEXT, language="en")
    found = {(TEXT[r.start : r.end], r.entity_type) for r in results}
    assert found >= {
        ("jane@doe.com", "EMAIL_ADDRESS"),
        ("10.0.0.7", "IP_ADDRESS"),
        ("DE44 5001 0517 5407 3249 31", "IBAN_CODE"),
        ("RSSMRA85T10A562S", "NATIONAL_ID"),
    }
    assert all(r.recognition_metadata["recognizer_name"] == "PiiloraRecognizer" for r in results)
    assert {r.recognition_metadata["piilora_entity_type"] for r in results} >= {"EMAIL_ADDRESS", "NATIONAL_ID"}

    # beside Presidio's own recognizers: what only piilora finds is in the engine's answer
    analyzer.registry.add_recognizer(recognizer)
    try:
        merged = analyzer.analyze(text=TEXT, language="en")
    finally:
        analyzer.registry.remove_recognizer(recognizer.name)
    assert ("RSSMRA85T10A562S", "NATIONAL_ID") in {(TEXT[r.start : r.end], r.entity_type) for r in merged}


def test_entities_filter_and_piilora_names(redactor):
    from piilora.presidio import PiiloraRecognizer

    presidio_names = PiiloraRecognizer(redactor)
    assert "LOCATION" in presidio_names.supported_entities and "STREET_ADDRESS" not in presidio_names.supported_entities
    only_ip = presidio_names.analyze(TEXT, entities=["IP_ADDRESS"])
    assert [(TEXT[r.start : r.end], r.entity_type) for r in only_ip] == [("10.0.0.7", "IP_ADDRESS")]
    own = PiiloraRecognizer(redactor, label_set=None)
    assert {r.entity_type for r in own.analyze(TEXT, [])} >= {"NATIONAL_ID", "IBAN_CODE"}


def test_presidio_anonymizer_operators_apply_to_piilora_results(redactor):
    anonymizer = pytest.importorskip("presidio_anonymizer")
    from presidio_anonymizer.entities import OperatorConfig

    from piilora.presidio import PiiloraRecognizer

    results = PiiloraRecognizer(redactor).analyze(TEXT, [])
    out = anonymizer.AnonymizerEngine().anonymize(
        text=TEXT,
        analyzer_results=results,
        operators={
            "EMAIL_ADDRESS": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 4, "from_end": False})
        },
    )
    assert "****@doe.com" in out.text and "10.0.0.7" not in out.text and "RSSMRA85T10A562S" not in out.text
