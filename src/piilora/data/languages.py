"""The language a template is written in, so its worded values (dates, ages) speak it too.

The corpus builder draws a template's values from the example's locale. Names, addresses and
phone numbers of any country turn up in a text of any language, as they do in real text; but a
date or an age written in words of another language ("84 ans" in an English review, "jeudi 3
avril" in a German letter) is not something people write. :func:`template_language` guesses a
template's language from its literal words (slots removed), and the builder draws the values
of generators marked ``worded`` in a locale of that language.

The guess counts short function words that only one of the languages uses; a text with too few
of them (a log line, a table, a form of labels) has no language (``None``) and keeps the
example's locale.
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGE_LOCALES", "locales_of", "template_language"]

#: The locales of each language the guess can name (the built-in corpus locales, and Portuguese).
LANGUAGE_LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB"),
    "de": ("de_DE",),
    "fr": ("fr_FR",),
    "es": ("es_ES",),
    "it": ("it_IT",),
    "nl": ("nl_NL",),
    "pt": ("pt_PT", "pt_BR"),
}


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words frequent in one language and absent (or rare) in the others: "de", "en", "la",
# "die", "is", "a", "e", "o" and the like are shared between two or more and left out.
_WORDS: dict[str, frozenset[str]] = {
    "en": _vocab(
        "the and of to is are was were for with you your please from this that we have has will "
        "would be on at it our not they she he her his him been can could should thanks hi "
        "surname phone address birth town street"
    ),
    "de": _vocab(
        "der das und ist nicht mit für sie ich wir ein eine einen dem den auf bei bitte vom zum zur "
        "ihre ihr sehr wurde wird sind haben hat auch noch nach über unter wie danke "
        "vorname nachname straße telefon geburtsdatum wohnort anschrift geboren alter"
    ),
    "fr": _vocab(
        "le les et est des pour avec vous nous une du au aux dans sur pas je merci votre vos "
        "sont été cette ce qui mais ou leur très bonjour madame monsieur "
        "nom prénom adresse téléphone naissance ville âge"
    ),
    "es": _vocab(
        "el los las y es para usted por su sus gracias muy está están fue hola "
        "señor señora nos como pero este esta "
        "nombre apellidos dirección teléfono nacimiento edad domicilio"
    ),
    "it": _vocab(
        "il gli è per della delle dello di che non sono alla alle nel nella grazie "
        "questo questa lei suo sua ho ha signor signora buongiorno "
        "nome cognome indirizzo telefono nascita età residenza"
    ),
    "nl": _vocab(
        "het een van voor met niet ik wij zijn op naar bij uw dank graag ook dit deze wordt "
        "werd heeft hebben aan jij mevrouw meneer bedankt "
        "naam voornaam achternaam adres telefoon geboortedatum woonplaats leeftijd"
    ),
    "pt": _vocab(
        "os não uma obrigado obrigada você ao seu são foi muito olá senhor senhora morada nascimento telefone idade"
    ),
}
_SLOT_RE = re.compile(r"\{\{[^{}]*\}\}")
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: A guess needs at least this many function words of its language, and twice the runner-up's.
_MIN_HITS = 3


def template_language(text: str, min_hits: int = _MIN_HITS) -> str | None:
    """The language of ``text`` (a template or any text; ``{{slots}}`` are ignored) as a
    two-letter code of :data:`LANGUAGE_LOCALES`, or ``None`` when its words do not say: fewer than
    ``min_hits`` function words of one language, or not twice as many as of any other.

    >>> template_language("Dear {{PERSON}}, thank you for your letter of {{?DATE}}.")
    'en'
    >>> template_language("Sehr geehrte Frau {{PERSON:surname}}, vielen Dank für Ihre Nachricht.")
    'de'
    >>> template_language("{{?TIMESTAMP}} sshd[{{?NUMBER}}]: Accepted publickey for {{USERNAME}}") is None
    True
    """
    words = [w.lower() for w in _WORD_RE.findall(_SLOT_RE.sub(" ", text))]
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    (best, n), (_, runner_up) = ranked[0], ranked[1]
    if n >= min_hits and n >= 2 * runner_up:
        return best
    return None


def locales_of(language: str | None, locales: tuple[str, ...]) -> tuple[str, ...]:
    """Those of ``locales`` that write ``language`` (empty when none does or it is ``None``)."""
    if language is None:
        return ()
    own = LANGUAGE_LOCALES.get(language, ())
    return tuple(loc for loc in locales if loc in own)
