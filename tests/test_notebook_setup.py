"""ut.setup_notebook(): offline renderer, pandas options, version checks, no import side effects."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import altair as alt
import pandas as pd
import pytest

import unga_teach as ut
from unga_teach.errors import UngaTeachError
from unga_teach.notebook import (
    ALTAIR_FIX,
    NotebookSetupError,
    SetupReport,
    check_versions,
    installed_versions,
)

GOOD = {
    "python": "3.11.7",
    "pandas": "3.1.1",
    "altair": "5.5.0",
    "ipywidgets": "8.1.9",
    "jupyterlab_widgets": "3.0.17",
}


@pytest.fixture(autouse=True)
def restore_global_state() -> Iterator[None]:
    renderer = alt.renderers.active
    options = {k: pd.get_option(k) for k in ("display.max_rows", "display.max_colwidth")}
    yield
    alt.renderers.enable(renderer)
    for key, value in options.items():
        pd.set_option(key, value)


def test_renderer_becomes_mimetype() -> None:
    alt.renderers.enable("default")
    report = ut.setup_notebook()
    assert alt.renderers.active == "mimetype"
    assert report.renderer == "mimetype"


def test_mimetype_output_is_vega_lite_5_for_jupyterlab() -> None:
    ut.setup_notebook()
    bundle = ut.tally_chart("2026")._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.vegalite.v5+json" in data
    assert "text/html" not in data  # the html renderer would load JS from a CDN


def test_idempotent() -> None:
    first = ut.setup_notebook()
    second = ut.setup_notebook()
    assert alt.renderers.active == "mimetype"
    assert first.renderer == second.renderer
    assert first.versions == second.versions
    assert first.warnings == second.warnings
    assert first.pandas_options == second.pandas_options


def test_report_fields_and_pandas_options() -> None:
    report = ut.setup_notebook()
    assert isinstance(report, SetupReport)
    assert {"python", "pandas", "altair", "vega_lite", "ipywidgets", "jupyterlab_widgets",
            "jupyterlab"} <= set(report.versions)
    assert report.versions["altair"] == alt.__version__
    assert report.pandas_options == {"display.max_rows": 200, "display.max_colwidth": 120}
    assert pd.get_option("display.max_rows") == 200
    assert pd.get_option("display.max_colwidth") == 120
    assert report.ok and report.warnings == []  # the course environment is right
    text = repr(report)
    assert text.startswith("Ready: charts and widgets work.")
    assert "Altair 5.5" in text and "mimetype" in text and "jupyterlab_widgets" in text
    html = report._repr_html_()
    assert html.startswith('<div class="ut-card"') and "Altair" in html


def test_report_card_says_ready_and_folds_the_versions_away() -> None:
    html = ut.setup_notebook()._repr_html_()
    assert "Ready: charts and widgets work." in html
    head, folded = html.split("<details>", 1)
    assert "Altair" not in head and "pandas" not in head  # versions are for instructors
    assert "For instructors: versions and settings</summary>" in folded
    assert "Altair 5.5" in folded and "max_rows=200" in folded
    assert "<script" not in html and "<style" not in html  # same look in untrusted outputs


def test_warnings_are_shown_in_the_report() -> None:
    report = SetupReport(renderer="mimetype", versions=dict(GOOD), warnings=["something"])
    assert not report.ok
    assert report.headline().startswith("Not ready: 1 problem to fix")
    assert "PROBLEM: something" in repr(report)
    html = report._repr_html_()
    head = html.split("<details>", 1)[0]
    assert "<li" in head and ">something</li>" in head and "#D55E00" in head


def test_warnings_are_escaped() -> None:
    report = SetupReport(renderer="mimetype", versions=dict(GOOD),
                         warnings=["<script>alert(1)</script>"],
                         record_warning="<img src=x onerror=alert(1)>")
    html = report._repr_html_()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html


def test_record_warning_alone_keeps_charts_ready() -> None:
    report = SetupReport(renderer="mimetype", versions=dict(GOOD),
                         record_warning="file not found: /x.csv")
    assert not report.ok
    assert report.headline().startswith("Ready: charts and widgets work. The course data")
    assert "Official record: file not found: /x.csv" in repr(report)
    assert "Official record: file not found: /x.csv" in report._repr_html_()


def test_fields_added_later_are_rendered() -> None:
    from dataclasses import dataclass

    @dataclass(repr=False)  # a field added to SetupReport itself keeps its __repr__
    class Extended(SetupReport):
        cache_dir: str = "/tmp/cache"
        data_warnings: tuple[str, ...] = ("3 rows refused",)

    report = Extended(renderer="mimetype", versions=dict(GOOD))
    text, html = repr(report), report._repr_html_()
    assert "cache dir: /tmp/cache" in text and "/tmp/cache" in html
    assert "Data warnings: 3 rows refused" in text and "3 rows refused" in html


def test_check_versions_good() -> None:
    assert check_versions(GOOD) == []
    assert check_versions(installed_versions()) == []


def test_check_versions_altair_6_names_the_fix() -> None:
    found = check_versions({**GOOD, "altair": "6.3.0"})
    assert len(found) == 1
    assert "not drawn by JupyterLab 4" in found[0]
    assert "nbformat" in found[0]
    assert ALTAIR_FIX == 'pip install "altair>=5.5,<6"'
    assert ALTAIR_FIX in found[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"altair": "5.4.1"}, "older than 5.5"),
        ({"altair": None}, "Altair is not installed"),
        ({"ipywidgets": None}, "ipywidgets is not installed"),
        ({"ipywidgets": "7.8.1"}, "needs 8.x"),
        ({"jupyterlab_widgets": None}, "widget frontend"),
        ({"pandas": "1.5.3"}, "older than 2.1"),
        ({"python": "3.10.4"}, "older than 3.11"),
    ],
)
def test_check_versions_problems(change: dict, expected: str) -> None:
    found = check_versions({**GOOD, **change})
    assert len(found) == 1 and expected in found[0]


def test_unknown_renderer_is_an_error() -> None:
    with pytest.raises(NotebookSetupError, match="'html' is not accepted") as info:
        ut.setup_notebook(renderer="html")
    assert isinstance(info.value, UngaTeachError)


def test_svg_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        import vl_convert  # noqa: F401
    except ImportError:
        with pytest.raises(NotebookSetupError, match="vl-convert-python"):
            ut.setup_notebook(renderer="svg")
    else:
        assert ut.setup_notebook(renderer="svg").renderer == "svg"
    monkeypatch.setitem(sys.modules, "vl_convert", None)  # simulate it missing
    with pytest.raises(NotebookSetupError, match="pip install vl-convert-python"):
        ut.setup_notebook(renderer="svg")


def test_import_has_no_side_effects() -> None:
    code = (
        "import altair as alt, pandas as pd\n"
        "before = (alt.renderers.active, pd.get_option('display.max_rows'))\n"
        "import unga_teach as ut\n"
        "import unga_teach.analysis, unga_teach.charts, unga_teach.maps, unga_teach.notebook\n"
        "after = (alt.renderers.active, pd.get_option('display.max_rows'))\n"
        "assert before == after, (before, after)\n"
        "ut.tally_chart('2026'); ut.vote_map('2026')\n"
        "assert pd.get_option('display.max_rows') == before[1]\n"
        "print(after[0], alt.renderers.active)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    # importing changes nothing; building a chart only swaps Altair's CDN default
    assert result.stdout.strip() == "default mimetype"


FRESH_CHART = """
import json
import altair as alt
import unga_teach as ut
assert alt.renderers.active == "default", alt.renderers.active  # importing changes nothing
chart = {make}
bundle = chart._repr_mimebundle_()
data = bundle[0] if isinstance(bundle, tuple) else bundle
print(json.dumps({{"renderer": alt.renderers.active, "mimetypes": sorted(data),
                  "text": json.dumps(data)}}))
"""


@pytest.mark.parametrize("make", ['ut.tally_chart("2026")', 'ut.vote_map("2026")'])
def test_a_chart_renders_offline_without_setup_notebook(make: str) -> None:
    """A fresh process that never calls setup_notebook(): the chart is still offline."""
    import json

    out = subprocess.run([sys.executable, "-c", FRESH_CHART.format(make=make)],
                         capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["renderer"] == "mimetype"
    assert "application/vnd.vegalite.v5+json" in result["mimetypes"]
    assert "text/html" not in result["mimetypes"]
    assert "cdn.jsdelivr" not in result["text"] and "<script" not in result["text"]
