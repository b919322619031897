"""Exceptions raised by unga_teach.

Every error is a subclass of :class:`UngaTeachError` (itself a ``ValueError``)
and says what was wrong, where, and what is accepted.
"""

from __future__ import annotations

from collections.abc import Iterable


class UngaTeachError(ValueError):
    """Base class for every error this package raises on bad input or data."""


class DataFileError(UngaTeachError):
    """A data file (ours or an instructor's CSV) cannot be used as it is.

    Parameters
    ----------
    message : str
        What is wrong and what is accepted.
    path : str, optional
        The file concerned.
    line : int, optional
        The 1-based line number in the file (the header is line 1).
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}" + (f", line {line}" if line is not None else "") + ": "
        super().__init__(where + message)


class CacheError(UngaTeachError):
    """The cache folder of the official file cannot be found, listed or cleared."""


class UnknownCountryError(UngaTeachError, LookupError):
    """A country name or code that matches no UN member or observer state."""

    def __init__(self, text: str, suggestions: Iterable[str] = ()):
        self.text = text
        self.suggestions = list(suggestions)
        msg = f"No UN member or observer state matches {text!r}."
        if self.suggestions:
            msg += " Did you mean: " + ", ".join(self.suggestions) + "?"
        msg += (
            " Accepted: ISO3 ('FRA'), ISO2 ('FR'), ISO numeric ('250'), the UN name"
            " ('France') or a common name ('Ivory Coast'), in any case."
        )
        super().__init__(msg)


class UnknownResolutionError(UngaTeachError, LookupError):
    """A resolution reference that matches no vote in the course data (or official file).

    Parameters
    ----------
    text : object
        What was asked for.
    accepted : iterable of str
        The course ids.
    hint : str, optional
        What else to try (for example :data:`NO_OFFICIAL_FILE`), added to the message.
    """

    def __init__(self, text: object, accepted: Iterable[str], hint: str = ""):
        self.text = text
        self.accepted = list(accepted)
        self.hint = hint
        super().__init__(
            f"No vote in the course data matches {text!r}. Accepted ids: "
            + ", ".join(self.accepted)
            + " (symbols such as 'A/RES/ES-11/7' and drafts such as 'A/ES-11/L.17' work too)."
            + (f" {hint}" if hint else "")
        )



def procedural_vote_error(ref: object, accepted: Iterable[str]) -> UnknownResolutionError:
    """The error for a vote that has official totals only (the 2026 motion for division).

    One factory, so every loader and widget says it the same way.

    Examples
    --------
    >>> "a procedural vote: official totals only" in str(procedural_vote_error("x", ["2026"]))
    True
    """
    return UnknownResolutionError(
        f"{ref} (a procedural vote: official totals only, no per-country record)", accepted)

#: The download address of the official UN voting file.
OFFICIAL_FILE_URL = "https://digitallibrary.un.org/record/4060887"

#: What to do to use a vote that is not in the course data, when no official file is set.
NO_OFFICIAL_FILE = (
    "Any other recorded vote of the General Assembly (since 1946) can be used with the "
    "official UN file 'General Assembly Voting Data' (a CSV file, about 360 MB): download "
    f"it from {OFFICIAL_FILE_URL}, then set it with ut.use_official_record(\"PATH/TO/FILE.csv\") "
    "or the environment variable UNGA_TEACH_UNDL."
)
