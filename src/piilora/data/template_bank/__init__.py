"""The template bank, one module per genre (aggregated by :mod:`piilora.data.templates`).

Each genre module defines ``GENRE`` and ``RAW``: templates separated by lines
``%% genre/NNN``. Ids are stable: append new templates with the next number,
never renumber or reuse one.
"""
