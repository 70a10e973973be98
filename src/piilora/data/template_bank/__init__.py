"""The template bank: data files read with :mod:`importlib.resources`.

``<genre>.txt``
    The templates of one genre (the file name, without ``.txt``, is the genre),
    aggregated by :mod:`piilora.data.templates` in the order of its ``GENRES``.
    UTF-8 text, ``\\n`` line ends, no header: every template starts with an id line
    ``%% genre/NNN`` and runs to the next id line or the end of the file, leading
    and trailing empty lines dropped; only blank lines may come before the first
    id line. Everything else is literal template text (tabs, backslashes, ``#``
    and braces included); slots are described in :mod:`piilora.data.templates`.
    Ids are stable: append new templates with the next number, never renumber or
    reuse one. A new genre is a new file plus its name in ``GENRES``.
``filler_words.json``
    The word lists :mod:`piilora.data.template_bank.fillers` draws from (brands,
    products, countries, departments...): ``{"name": [value, ...]}``, non-empty
    lists of distinct strings, loaded once at import (``fillers.WORDS``). Fillers
    pick by index with the seeded ``rng``, so any edit to a list (even an append)
    changes the corpus a seed gives.
``splits.json``
    The frozen train/validation/test assignment of the built-in templates and
    context phrases (read by :mod:`piilora.data.synth`).
"""
