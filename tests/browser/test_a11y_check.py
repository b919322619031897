"""The accessibility check itself, on a small static page (no JupyterLab, ~1 s).

It must see what is inside a notebook's outputs (an unlabelled ``<select>``, a
chart without a text alternative), accept a chart that Vega named from its
description, and leave out what is not the course's: JupyterLab's chrome and
vega-embed's actions menu.
"""

from __future__ import annotations

from typing import Any

import a11y
import labdriver
import pytest

pytestmark = pytest.mark.browser

_PAGE = """<!doctype html><html lang="en"><head><title>t</title></head><body><main>
<div class="jp-Toolbar"><button></button></div>
<div class="jp-NotebookPanel">
 <div class="jp-Cell"><div class="jp-MarkdownOutput"><h2>Intro</h2><p>Text.</p></div></div>
 <div class="jp-Cell"><div class="jp-OutputArea"><div class="jp-OutputArea-output">
  <div class="vega-embed has-actions">
   <div class="chart-wrapper" role="graphics-document" aria-label="Bars of the tally">
    <canvas class="marks" width="10" height="10"></canvas></div>
   <details title="Click to view actions"><summary><svg viewBox="0 0 1 1"></svg></summary>
    <div><a href="#x">Save as SVG</a></div></details>
  </div></div></div></div>
 <div class="jp-Cell"><div class="jp-OutputArea"><div class="jp-OutputArea-output">
  <div class="vega-embed"><div class="chart-wrapper">
   <canvas class="marks" width="10" height="10"></canvas></div></div>
 </div></div></div>
 <div class="jp-Cell"><div class="jp-OutputArea"><div class="jp-OutputArea-output">
  <div class="jupyter-widgets"><select id="s1"><option>a</option></select></div>
 </div></div></div>
</div></main></body></html>"""


@pytest.fixture(scope="module")
def checked(browser: Any) -> a11y.A11yResult:
    page = browser.new_page()
    try:
        page.set_content(_PAGE)
        return a11y.run_axe(page, labdriver.PANEL)
    finally:
        page.close()


def test_axe_runs_offline_from_the_wheel(checked: a11y.A11yResult) -> None:
    assert not checked.error
    assert checked.axe_version == a11y.axe_version()
    assert checked.scoped == 4  # one markdown cell, three output areas
    assert checked.charts == 2


def test_an_unnamed_chart_and_an_unlabelled_select_are_found(checked: a11y.A11yResult) -> None:
    found = {(v["id"], v["component"], v["cell"]) for v in checked.blocking()}
    assert found == {("ut-chart-text-alternative", "chart (vega-embed)", 2),
                     ("select-name", "widget", 3)}


def test_chrome_and_the_vega_actions_menu_are_out_of_scope(checked: a11y.A11yResult) -> None:
    rules = checked.by_rule()
    assert "button-name" not in rules  # the toolbar's unnamed button is JupyterLab's
    assert "summary-name" not in rules  # vega-embed's actions menu is excluded


def test_known_rules_do_not_block(checked: a11y.A11yResult) -> None:
    assert checked.blocking(known={"ut-chart-text-alternative", "select-name"}) == []
