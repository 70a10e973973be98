"""A template's language, and dates and ages drawn in it (not in the example's locale)."""

from __future__ import annotations

import re

import pytest

from piilora.data.languages import LANGUAGE_LOCALES, locales_of, template_language
from piilora.data.synth import CorpusConfig, generate_examples
from piilora.data.templates import TEMPLATES
from piilora.plugins import create_plugin_manager


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dear {{PERSON}}, thank you for your letter of {{?DATE}}. We will call you.", "en"),
        ("Sehr geehrte Frau {{PERSON:surname}}, vielen Dank für Ihre Nachricht vom {{?DATE}}.", "de"),
        ("Bonjour, je vous écris pour le rendez-vous du {{DATE}} avec votre médecin.", "fr"),
        ("Hola, le escribo para confirmar su cita del {{DATE}}. Muchas gracias.", "es"),
        ("Buongiorno, le scrivo per la visita della signora {{PERSON:surname}} che non è venuta.", "it"),
        ("Beste {{PERSON:given}}, bedankt voor je bericht. Ik ben op {{DATE}} niet op kantoor.", "nl"),
        ("Solicitud\nNombre: {{PERSON}}\nEdad: {{AGE}}\nLugar de nacimiento: {{LOCATION}}", "es"),
        ("{{?TIMESTAMP}} sshd[{{?NUMBER}}]: Accepted publickey for {{USERNAME}} from {{IP_ADDRESS}}", None),
        ("{{PERSON#1}};{{PHONE_NUMBER#1}};{{EMAIL_ADDRESS#1}}", None),
        ("", None),
    ],
)
def test_template_language(text, lang):
    assert template_language(text) == lang


def test_short_phrases_need_a_lower_bar():
    assert template_language("im Alter von {value}") is None
    assert template_language("im Alter von {value}", min_hits=1) == "de"
    assert template_language("aged {value}", min_hits=1) is None  # no function word: the builder reads it as English


def test_locales_of():
    locales = ("en_US", "en_GB", "de_DE", "fr_FR")
    assert locales_of("en", locales) == ("en_US", "en_GB")
    assert locales_of("de", locales) == ("de_DE",)
    assert locales_of("pt", locales) == ()
    assert locales_of(None, locales) == ()
    assert set(LANGUAGE_LOCALES["en"]) == {"en_US", "en_GB"}


def test_the_bank_has_languages():
    langs = [template_language(t.text) for t in TEMPLATES]
    assert sum(lang == "en" for lang in langs) > 0.3 * len(langs)
    for lang in ("de", "fr", "es", "it", "nl"):
        assert sum(x == lang for x in langs) >= 100, lang


# Words of an age's unit or a date's month or weekday that only one language writes.
_FOREIGN = {
    "en": re.compile(
        r"\b(Jahre|jährig|ans|años|anni|jaar|März|Januar|Dezember|janvier|février|avril|juin|juillet|août|"
        r"décembre|enero|febrero|marzo|abril|junio|julio|agosto|diciembre|gennaio|febbraio|aprile|giugno|"
        r"luglio|dicembre|januari|februari|maart|mei|juli|augustus|lundi|jeudi|Montag|Donnerstag|lunes|"
        r"jueves|lunedì|giovedì|maandag|donderdag)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(r"\b(years?|yo|ans|años|anni|jaar|January|March|Monday|Thursday|janvier|jeudi)\b", re.IGNORECASE),
}


def test_dates_and_ages_speak_the_templates_language():
    """An English review with "84 ans", or a German letter with "jeudi 3 avril", is not something
    people write: a worded value (DATE, DATE_OF_BIRTH, AGE) comes in the template's language, while
    names and addresses keep the example's locale (any country's, as in real text)."""
    by_id = {t.id: t for t in TEMPLATES}
    pm = create_plugin_manager(autoload=False)
    rows = list(generate_examples(CorpusConfig(n=3000, seed=5, context_share=0.0), split="train", plugin_manager=pm))
    checked = {"en": 0, "de": 0}
    foreign_locales = 0
    for row in rows:
        if len(row["template_ids"]) != 1:
            continue
        text = by_id[row["template_ids"][0]].text
        lang = template_language(text)
        if lang not in _FOREIGN or "{{CONTEXT}}" in text:  # a context phrase has a language of its own
            continue
        foreign_locales += row["locale"] not in LANGUAGE_LOCALES[lang]
        for span in row["spans"]:
            if span["label"] in ("DATE", "DATE_OF_BIRTH", "AGE"):
                value = row["text"][span["start"] : span["end"]]
                assert not _FOREIGN[lang].search(value), (row["template_ids"], value)
                checked[lang] += 1
    assert checked["en"] >= 100 and checked["de"] >= 5, checked
    assert foreign_locales > 100  # the examples' locales are still drawn from all seven
