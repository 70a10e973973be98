"""One error hierarchy for the whole library.

Messages name the file, row and field at fault and never echo PII values: a
``DataError`` carries *where* the problem is, not *what* the sensitive text was.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["AdapterError", "ConfigError", "DataError", "PiiloraError", "PluginError", "TrainingError"]


class PiiloraError(Exception):
    """Base class of every error raised on purpose by piilora."""


class ConfigError(PiiloraError, ValueError):
    """A configuration value is invalid; the message names the field."""


class PluginError(PiiloraError):
    """A plugin is broken or conflicts with another plugin."""


class AdapterError(PiiloraError):
    """An adapter directory is missing, incomplete or does not match the base model."""


class TrainingError(PiiloraError):
    """Training cannot go on (a NaN loss, a checkpoint that does not match the run)."""


class DataError(PiiloraError, ValueError):
    """A dataset row is invalid.

    ``source`` is the file (or dataset name), ``row`` the 0-based row index and
    ``field`` the offending column. The message itself must never contain the
    row's text: callers pass a description of the problem, not the value.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | Path | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.source = str(source) if source is not None else None
        self.row = row
        self.field = field
        where = []
        if self.source is not None:
            where.append(self.source)
        if row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field {field!r}")
        self.reason = message
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
