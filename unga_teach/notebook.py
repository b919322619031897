"""One call that prepares a notebook for the course: ``ut.setup_notebook()``.

It switches Altair to a renderer that JupyterLab 4 draws **without internet**
(``mimetype``: the chart spec goes into the notebook and JupyterLab's built-in
Vega-Lite 5 renderer draws it), sets readable pandas display options and
checks the versions that matter. Problems come back as warnings in the
returned report instead of exceptions. Calling it twice is harmless, and
importing :mod:`unga_teach` changes nothing until it is called.

Charts do not depend on it: every chart function of the package first calls
:func:`ensure_offline_renderer`, which swaps Altair's CDN ``default`` renderer
for ``mimetype`` (and leaves any renderer chosen on purpose alone), so a
scratch notebook without a set-up cell draws its charts offline too.

Examples
--------
>>> import unga_teach as ut
>>> report = ut.setup_notebook()
>>> report.renderer
'mimetype'
"""

from __future__ import annotations

import functools
import importlib.metadata
import platform
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ParamSpec, TypeVar

from .errors import UngaTeachError
from .html import SafeHTML, escape

#: Renderers :func:`setup_notebook` accepts, with what each does.
RENDERERS: dict[str, str] = {
    "mimetype": "interactive, drawn by JupyterLab's built-in Vega-Lite 5 renderer, offline",
    "svg": "static SVG made in Python by vl-convert (no tooltips), for exports and printing",
}

#: pandas display options set by :func:`setup_notebook`.
PANDAS_OPTIONS: dict[str, int] = {"display.max_rows": 200, "display.max_colwidth": 120}

#: The fix to print when the Altair version is wrong.
ALTAIR_FIX = 'pip install "altair>=5.5,<6"'

_DISTRIBUTIONS = {
    "pandas": "pandas",
    "altair": "altair",
    "ipywidgets": "ipywidgets",
    "jupyterlab_widgets": "jupyterlab_widgets",
    "jupyterlab": "jupyterlab",
    "vl_convert": "vl-convert-python",
    "unga_teach": "unga-teach",
}


class NotebookSetupError(UngaTeachError):
    """A renderer was asked for that cannot work here (e.g. "svg" without vl-convert)."""


@dataclass
class SetupReport:
    """What :func:`setup_notebook` did and found.

    Attributes
    ----------
    renderer : str or None
        The Altair renderer now active (``None`` if Altair is missing).
    versions : dict
        Installed versions (``None`` when a package is missing): python,
        pandas, altair, vega_lite (the schema Altair writes), ipywidgets,
        jupyterlab_widgets (the widget frontend), jupyterlab, vl_convert,
        unga_teach.
    pandas_options : dict
        The pandas display options that were set.
    warnings : list of str
        Problems found, each with its fix. Empty when all is well.
    record_warning : str or None
        Why the record asked for (``UNGA_TEACH_UNDL``) is not fully used, or
        ``None`` (see :func:`unga_teach.current_record`).
    """

    renderer: str | None
    versions: dict[str, str | None]
    pandas_options: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    record_warning: str | None = None

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.warnings and not self.record_warning

    #: Fields shown by name; any other field is listed for instructors as it is
    #: (a field whose name ends in "warning" or "warnings" is shown as a problem).
    _SHOWN = ("renderer", "versions", "pandas_options", "warnings", "record_warning")

    def _extra_fields(self) -> list[tuple[str, Any]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self) if f.name not in self._SHOWN]

    def _problems(self) -> tuple[list[str], list[str]]:
        """(problems with the set-up, problems with the record and other data)."""
        setup = [str(w) for w in self.warnings]
        data = [f"Official record: {self.record_warning}"] if self.record_warning else []
        for name, value in self._extra_fields():
            if name.endswith(("warning", "warnings")) and value:
                values = value if isinstance(value, (list, tuple)) else [value]
                label = name.replace("_", " ").capitalize()
                data += [f"{label}: {v}" for v in values]
        return setup, data

    def headline(self) -> str:
        """What a learner needs to know, in plain words."""
        setup, data = self._problems()
        if setup:
            n = len(setup) + len(data)
            return (f"Not ready: {n} problem{'s' if n > 1 else ''} to fix before charts and "
                    "widgets work (each says how).")
        if data:
            return ("Ready: charts and widgets work. The course data needs a look "
                    "(see below).")
        return "Ready: charts and widgets work."

    def _details(self) -> list[tuple[str, str]]:
        v = self.versions
        renderer = self.renderer or "none"
        charts = (f"Altair {v.get('altair') or 'missing'} (Vega-Lite {v.get('vega_lite') or '?'}), "
                  f"renderer {renderer!r}"
                  + (f" ({RENDERERS[renderer]})" if renderer in RENDERERS else ""))
        rows = [("charts", charts)]
        rows += [(name, str(v.get(name) or "missing")) for name in
                 ("python", "pandas", "ipywidgets", "jupyterlab_widgets", "jupyterlab")]
        rows.append(("vl_convert", v.get("vl_convert") or "not installed (only the 'svg' "
                     "renderer needs it)"))
        rows.append(("unga_teach", str(v.get("unga_teach") or "not installed")))
        rows.append(("pandas display", ", ".join(
            f"{k.split('.')[-1]}={val}" for k, val in self.pandas_options.items()) or "unchanged"))
        rows += [(name.replace("_", " "), str(value)) for name, value in self._extra_fields()
                 if not name.endswith(("warning", "warnings"))]
        return rows

    def __repr__(self) -> str:
        setup, data = self._problems()
        lines = [self.headline()]
        lines += [f"  PROBLEM: {w}" for w in setup + data]
        lines.append("Details for instructors:")
        lines += [f"  {k}: {val}" for k, val in self._details()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from .html import html_card, html_details, html_fields

        setup, data = self._problems()
        problems = setup + data
        body: list[Any] = []
        if problems:
            items = "".join(f'<li style="margin:2px 0">{escape(w)}</li>' for w in problems)
            body.append(SafeHTML(f'<ul style="margin:4px 0 6px 0;padding-left:20px">{items}</ul>'))
        else:
            body.append("Charts are drawn by JupyterLab itself: no internet connection is needed.")
        body.append(html_details("For instructors: versions and settings",
                                 html_fields(self._details())))
        accent = "#D55E00" if setup else ("#E69F00" if data else "#0072B2")
        return html_card(self.headline(), body=body, accent=accent)


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def installed_versions() -> dict[str, str | None]:
    """Versions of python and the packages the course needs (``None`` if missing).

    Examples
    --------
    >>> v = installed_versions()
    >>> v["altair"].split(".")[0]
    '5'
    """
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for key, dist in _DISTRIBUTIONS.items():
        versions[key] = _version(dist)
    try:
        import altair as alt

        versions["vega_lite"] = str(alt.SCHEMA_VERSION)
    except ImportError:
        versions["vega_lite"] = None
    return versions


def _major_minor(version: str | None) -> tuple[int, int] | None:
    if not version:
        return None
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    while len(parts) < 2:
        parts.append(0)
    return parts[0], parts[1]


def check_versions(versions: Mapping[str, str | None]) -> list[str]:
    """Return a warning (with its fix) for each version problem, or an empty list.

    Parameters
    ----------
    versions : mapping
        As returned by :func:`installed_versions`.

    Examples
    --------
    >>> check_versions({"python": "3.12.1", "pandas": "2.2.0", "altair": "5.5.0",
    ...                 "ipywidgets": "8.1.5", "jupyterlab_widgets": "3.0.13"})
    []
    >>> print(check_versions({"python": "3.12.1", "pandas": "2.2.0", "altair": "6.0.0",
    ...                       "ipywidgets": "8.1.5", "jupyterlab_widgets": "3.0.13"})[0])
    Altair 6.0.0 is installed: its 'mimetype' output ... Fix: pip install "altair>=5.5,<6", ...
    """
    found: list[str] = []
    py = _major_minor(versions.get("python"))
    if py is not None and py < (3, 11):
        found.append(f"Python {versions['python']} is older than 3.11, which the course needs.")
    pandas_v = _major_minor(versions.get("pandas"))
    if pandas_v is None:
        found.append("pandas is not installed. Fix: pip install pandas")
    elif pandas_v < (2, 1):
        found.append(f"pandas {versions['pandas']} is older than 2.1. Fix: pip install -U pandas")
    alt_v = _major_minor(versions.get("altair"))
    if alt_v is None:
        found.append(f"Altair is not installed, so no chart can be drawn. Fix: {ALTAIR_FIX}")
    elif alt_v[0] >= 6:
        found.append(
            f"Altair {versions['altair']} is installed: its 'mimetype' output "
            "(application/vnd.vegalite.v6.json) is not drawn by JupyterLab 4, whose built-in "
            "renderer knows Vega-Lite 5 only, and it makes the saved notebook invalid "
            f"(nbformat). Fix: {ALTAIR_FIX}, then restart the kernel."
        )
    elif alt_v < (5, 5):
        found.append(
            f"Altair {versions['altair']} is older than 5.5; some charts may fail. "
            f"Fix: {ALTAIR_FIX}, then restart the kernel."
        )
    widgets_v = _major_minor(versions.get("ipywidgets"))
    if widgets_v is None:
        found.append("ipywidgets is not installed: the explorers will not work. "
                     'Fix: pip install "ipywidgets>=8.1,<9"')
    elif widgets_v[0] != 8:
        found.append(f"ipywidgets {versions['ipywidgets']} is installed; the course needs 8.x. "
                     'Fix: pip install "ipywidgets>=8.1,<9"')
    if versions.get("jupyterlab_widgets") is None:
        found.append(
            "jupyterlab_widgets (the widget frontend for JupyterLab) is not installed: widgets "
            "would show as plain text. Fix: pip install jupyterlab_widgets, then reload the page."
        )
    return found


def setup_notebook(*, renderer: str = "mimetype", check: bool = True) -> SetupReport:
    """Prepare the current notebook for the course (safe to call more than once).

    - Enables an Altair renderer that works offline in JupyterLab 4:
      ``"mimetype"`` (default; interactive, tooltips) or ``"svg"`` (static,
      made by vl-convert in Python; needs ``vl-convert-python``).
    - Sets pandas display options: ``display.max_rows`` 200 and
      ``display.max_colwidth`` 120 (so a table of 193 states shows whole).
    - With ``check=True``, checks python, pandas, Altair (5.5 up to, not
      including, 6), ipywidgets 8 and the JupyterLab widget frontend, and
      reports problems as warnings (also issued as :class:`UserWarning`)
      instead of raising.

    Altair's row limit is left at its default (5000 rows): the course's
    data are far smaller.

    Parameters
    ----------
    renderer : {"mimetype", "svg"}, default "mimetype"
    check : bool, default True

    Returns
    -------
    SetupReport
        Shows the versions and any warnings when displayed.

    Raises
    ------
    NotebookSetupError
        For an unknown renderer, or ``"svg"`` without vl-convert installed.

    Examples
    --------
    >>> report = setup_notebook()
    >>> report.renderer, report.pandas_options["display.max_rows"]
    ('mimetype', 200)
    >>> setup_notebook(renderer="html")
    Traceback (most recent call last):
    ...
    unga_teach.notebook.NotebookSetupError: renderer 'html' is not accepted. ...
    """
    if renderer not in RENDERERS:
        raise NotebookSetupError(
            f"renderer {renderer!r} is not accepted. Accepted: "
            + "; ".join(f"{name!r} ({what})" for name, what in RENDERERS.items())
            + ". The 'default'/'html' renderers load JavaScript from the internet."
        )
    if renderer == "svg":
        try:
            import vl_convert  # noqa: F401
        except ImportError:
            raise NotebookSetupError(
                "renderer 'svg' needs the vl-convert-python package, which is not installed. "
                "Fix: pip install vl-convert-python, or use renderer='mimetype'."
            ) from None

    import pandas as pd

    for option, value in PANDAS_OPTIONS.items():
        pd.set_option(option, value)

    versions = installed_versions()
    found = check_versions(versions) if check else []
    active: str | None
    try:
        import altair as alt
    except ImportError:
        active = None
        if not check:
            found.append(f"Altair is not installed, so no chart can be drawn. Fix: {ALTAIR_FIX}")
    else:
        alt.renderers.enable(renderer)
        active = str(alt.renderers.active)
    for message in found:
        warnings.warn(message, UserWarning, stacklevel=2)
    record_warning = _record_warning()
    if record_warning is None:  # a record problem is left for the first loader to warn about
        _warm_up()
    return SetupReport(
        renderer=active,
        versions=versions,
        pandas_options=dict(PANDAS_OPTIONS),
        warnings=found,
        record_warning=record_warning,
    )


#: The renderer Altair starts with: HTML that loads Vega from a CDN (blank offline).
ALTAIR_START_RENDERER = "default"

_P = ParamSpec("_P")
_R = TypeVar("_R")


def ensure_offline_renderer() -> str | None:
    """Make sure Altair draws offline; return the active renderer (``None`` without Altair).

    Altair starts with its ``"default"`` renderer, whose HTML loads Vega from
    cdn.jsdelivr.net: offline, a chart is a blank box with "Error loading
    script". This switches that one renderer to ``"mimetype"`` (drawn by
    JupyterLab's built-in Vega-Lite 5 renderer). Any other renderer was chosen
    on purpose (``"svg"``, ``"png"``, ``"html"``, ``"jupyter"``...) and is
    left as it is. Calling it again changes nothing. Every chart function of
    the package calls it, so a chart renders offline whether or not
    :func:`setup_notebook` ran; with Altair 6 (whose ``mimetype`` JupyterLab 4
    cannot draw) it does nothing.

    Examples
    --------
    >>> import altair as alt
    >>> _ = alt.renderers.enable("default")
    >>> ensure_offline_renderer()
    'mimetype'
    >>> _ = alt.renderers.enable("svg")
    >>> ensure_offline_renderer()
    'svg'
    >>> _ = alt.renderers.enable("mimetype")
    """
    try:
        import altair as alt
    except ImportError:
        return None
    if alt.renderers.active == ALTAIR_START_RENDERER and str(alt.SCHEMA_VERSION).startswith("v5"):
        alt.renderers.enable("mimetype")
    return str(alt.renderers.active)


def offline_chart(build: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a function returning a chart so it first calls :func:`ensure_offline_renderer`.

    Examples
    --------
    >>> @offline_chart
    ... def answer() -> int:
    ...     return 42
    >>> answer(), answer.__name__
    (42, 'answer')
    """

    @functools.wraps(build)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        ensure_offline_renderer()
        return build(*args, **kwargs)

    return wrapper


def _warm_up() -> None:
    """Pay the one-off costs of a notebook here, so the first widget or table is quick.

    Imports ipywidgets and reads the course's votes once (the loaders keep
    them), about 0.4 s that the first explorer or comparer would otherwise
    add to its first build. A problem is left for the first call that needs
    the data to report (the set-up report already says which record is used).
    """
    try:
        import ipywidgets  # noqa: F401

        from .votes import load_votes

        load_votes()
    except Exception:
        pass


def _record_warning() -> str | None:
    """The record's warning (a bad ``UNGA_TEACH_UNDL``, refused votes), never raising."""
    from . import record

    try:
        return record.current_record().warning
    except Exception as exc:  # the set-up report must never fail
        return f"the record in use could not be checked: {exc}"
