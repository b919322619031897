"""Accessibility check of a notebook's own outputs with axe-core, offline.

axe-core comes from the ``axe-playwright-python`` wheel (``axe.min.js`` ships
inside it; nothing is fetched). It is injected into the page and run on the
open notebook's output areas and rendered markdown only
(``.jp-OutputArea-output``, ``.jp-MarkdownOutput``): JupyterLab's own chrome
(toolbar, side bars, menus, prompts, editors) is not ours to change and is left
out. Two things inside the outputs are scoped out too, see :data:`EXCLUDE`.

Next to axe's rules one check of our own runs, ``ut-chart-text-alternative``
(impact ``serious``): every drawn chart (``.vega-embed``) needs an accessible
name: ``aria-label``/``aria-labelledby``/``<title>`` on the SVG or canvas or on
an element between it and the embed. Vega puts the chart's ``description`` as
``aria-label`` on its container (``div.chart-wrapper``,
``role="graphics-document"``), so a chart built with a description passes and
one without fails. axe has no rule for a ``<canvas>``, and an SVG chart only
fails axe's ``svg-img-alt`` when it has ``role="img"``.

Every violating element is attributed to the course component that holds it
(chart, widget, table, markdown, text output) and to its cell index, so a
report says what to fix.

>>> v = {"id": "label", "impact": "critical", "help": "Form elements must have labels",
...      "nodes": [{"target": ["#a > .b"], "component": "widget", "cell": 7}]}
>>> r = A11yResult(violations=[v])
>>> r.counts()
{'minor': 0, 'moderate': 0, 'serious': 0, 'critical': 1}
>>> [(x["id"], x["component"], x["cell"]) for x in r.blocking()]
[('label', 'widget', 7)]
>>> r.blocking(known={"label"})
[]
>>> short_target(["div.jp-Cell:nth-child(7) > div.jp-Cell-outputWrapper > div > div"], 45)
'… > div.jp-Cell-outputWrapper > div > div'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IMPACTS = ("minor", "moderate", "serious", "critical")
BLOCKING = ("serious", "critical")

#: What axe looks at: the course's own outputs and markdown, in the open notebook.
INCLUDE = (".jp-OutputArea-output", ".jp-MarkdownOutput")

#: Markup inside the outputs that is not the course's and that it cannot change.
EXCLUDE = (
    # vega-embed's "..." actions menu (<details><summary><svg>): vega-embed's own
    # markup, added by JupyterLab's Vega renderer to every chart. Its <summary> has
    # only an icon and a title attribute, which axe may report as `summary-name`.
    # The course could hide the menu (embed option actions=False) but the menu is
    # how a learner saves a chart as SVG/PNG, so we keep it and leave it out here.
    ".vega-embed > details",
    # vega's tooltip box, appended to <body> by vega-tooltip when hovering; never
    # in an output, listed so a hover during the test cannot pull it in.
    "#vg-tooltip-element",
)

#: A compact summary string per node: "<component> cell <i>: <short selector>".
MAX_NODES_SHOWN = 4


def axe_script() -> str:
    """The axe-core script shipped in the ``axe-playwright-python`` wheel (no network).

    Raises
    ------
    ImportError
        When the package is missing (``pip install -e '.[test]'``).
    """
    from axe_playwright_python.base import AXE_FILE_PATH  # lazy: only the browser test needs it

    return Path(AXE_FILE_PATH).read_text(encoding="utf-8")


def axe_version() -> str:
    """The axe-core version in the shipped script (from its banner), e.g. ``'4.12.1'``."""
    head = axe_script()[:200]
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else "?"


# Runs in the page: mark the scope, run axe, attribute each node, add our own check.
_RUN_JS = """async ([panel, include, exclude]) => {
  const root = document.querySelector(panel);
  if (!root) return {error: 'no open notebook panel'};
  for (const e of document.querySelectorAll('[data-ut-a11y]')) e.removeAttribute('data-ut-a11y');
  const cells = [...root.querySelectorAll('.jp-Cell')];
  let n = 0;
  for (const sel of include)
    for (const e of root.querySelectorAll(sel)) { e.setAttribute('data-ut-a11y', ''); n++; }
  const where = (el) => {
    if (!el) return {component: 'unknown', cell: null};
    const cell = el.closest('.jp-Cell');
    const i = cell ? cells.indexOf(cell) : null;
    let component = 'other output';
    if (el.closest('.vega-embed')) component = 'chart (vega-embed)';
    else if (el.closest('.jupyter-widgets, .jp-OutputArea-output[data-mime-type*="widget"]'))
      component = 'widget';
    else if (el.closest('table')) component = 'table';
    else if (el.closest('.jp-MarkdownOutput')) component = 'markdown';
    else if (el.closest('.jp-RenderedText')) component = 'text output';
    else if (el.closest('.jp-RenderedHTMLCommon')) component = 'html output';
    return {component, cell: i};
  };
  const res = await axe.run(
    {include: [['[data-ut-a11y]']], exclude: exclude.map(s => [s])},
    {resultTypes: ['violations']});
  const violations = res.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map(nd => {
      let el = null;
      try { el = typeof nd.target[0] === 'string' ? document.querySelector(nd.target[0]) : null; }
      catch (e) { el = null; }
      return Object.assign({target: nd.target.map(String), html: (nd.html || '').slice(0, 200),
                            summary: (nd.failureSummary || '').slice(0, 300)}, where(el));
    }),
  }));
  // Our own check: a drawn chart must have a text alternative.
  const named = (e) => !!e && (
    (e.getAttribute('aria-label') || '').trim() !== '' ||
    !!e.getAttribute('aria-labelledby') ||
    !!(e.querySelector && e.querySelector(':scope > title, :scope > desc')) ||
    (e.tagName === 'CANVAS' && e.textContent.trim() !== ''));
  // Vega names its container (div.chart-wrapper role=graphics-document) with the
  // spec's description, so look from the drawing up to the .vega-embed.
  const charts = [...root.querySelectorAll('.vega-embed')];
  const unnamed = charts.filter(emb => {
    for (let x = emb.querySelector('svg.marks, canvas.marks'); x; x = x.parentElement) {
      if (named(x)) return false;
      if (x === emb) break;
    }
    return true;
  });
  if (unnamed.length) violations.push({
    id: 'ut-chart-text-alternative', impact: 'serious',
    help: 'A chart must have a text alternative (Altair/Vega-Lite `description`)',
    helpUrl: '', tags: ['unga-teach'],
    nodes: unnamed.map(emb => {
      const g = emb.querySelector('svg.marks, canvas.marks');
      const tag = g ? g.tagName.toLowerCase() + '.marks' : '';
      return Object.assign({target: ['.vega-embed ' + tag],
                            html: (g ? g.outerHTML : emb.outerHTML).slice(0, 200),
                            summary: 'no aria-label, aria-labelledby or <title> on the chart'},
                           where(emb));
    }),
  });
  return {axe: res.testEngine.version, scoped: n, charts: charts.length, violations};
}"""


def short_target(target: list[str], limit: int = 70) -> str:
    """A short, readable form of an axe target selector (its tail)."""
    sel = " / ".join(target)
    if len(sel) <= limit:
        return sel
    parts = sel.split(" > ")
    tail: list[str] = []
    for part in reversed(parts):
        if len(" > ".join([part, *tail])) > limit - 4 and tail:
            break
        tail.insert(0, part)
    return "… > " + " > ".join(tail)


@dataclass
class A11yResult:
    """The axe-core violations found in one notebook's outputs."""

    violations: list[dict[str, Any]] = field(default_factory=list)
    axe_version: str = ""
    scoped: int = 0  # output areas + markdown cells checked
    charts: int = 0
    seconds: float = 0.0
    error: str = ""

    def counts(self) -> dict[str, int]:
        """Violating elements by impact (an element counts once per rule)."""
        out = dict.fromkeys(IMPACTS, 0)
        for v in self.violations:
            if v.get("impact") in out:
                out[v["impact"]] += len(v["nodes"])
        return out

    def by_rule(self) -> dict[str, tuple[str, int]]:
        """rule id -> (impact, number of violating elements)."""
        return {v["id"]: (v.get("impact") or "?", len(v["nodes"])) for v in self.violations}

    def blocking(self, known: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
        """Serious/critical violating elements of rules not in ``known``, one dict each."""
        out = []
        for v in self.violations:
            if v.get("impact") not in BLOCKING or v["id"] in known:
                continue
            for nd in v["nodes"]:
                out.append({"id": v["id"], "impact": v["impact"], "help": v.get("help", ""),
                            "component": nd.get("component"), "cell": nd.get("cell"),
                            "target": short_target(nd.get("target") or [])})
        return out


def run_axe(page: Any, panel: str) -> A11yResult:
    """Inject axe-core into ``page`` and check the outputs of the notebook in ``panel``."""
    import time

    t0 = time.perf_counter()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_script())
    raw = page.evaluate(_RUN_JS, [panel, list(INCLUDE), list(EXCLUDE)])
    res = A11yResult(seconds=time.perf_counter() - t0)
    if raw.get("error"):
        res.error = raw["error"]
        return res
    res.axe_version = raw.get("axe", "")
    res.scoped = raw.get("scoped", 0)
    res.charts = raw.get("charts", 0)
    res.violations = raw.get("violations", [])
    return res


# --------------------------------------------------------------------------- report


def notebook_report(name: str, res: A11yResult | None, known: set[str] | frozenset[str]) -> str:
    """Markdown lines for one notebook: counts by impact, rules, serious/critical details."""
    if res is None:
        return f"### {name}\n\nnot checked (the notebook did not get that far)\n"
    if res.error:
        return f"### {name}\n\naxe did not run: {res.error}\n"
    c = res.counts()
    lines = [f"### {name}", "",
             f"{res.scoped} output areas/markdown cells, {res.charts} charts checked in "
             f"{res.seconds:.1f} s; violating elements: "
             + ", ".join(f"{k} {c[k]}" for k in IMPACTS), ""]
    if res.violations:
        lines += ["| rule | impact | elements | components (cells) | allowed for now |",
                  "|---|---|---|---|---|"]
        for v in sorted(res.violations,
                        key=lambda v: (-IMPACTS.index(v.get("impact") or "minor"), v["id"])):
            comps: dict[str, list[str]] = {}
            for nd in v["nodes"]:
                comps.setdefault(nd.get("component") or "?", []).append(str(nd.get("cell")))
            where = "; ".join(f"{k} ({', '.join(sorted(set(cs), key=_num))})"
                              for k, cs in comps.items())
            allowed = "yes (KNOWN)" if v["id"] in known else ""
            lines.append(f"| `{v['id']}` | {v.get('impact')} | {len(v['nodes'])} | {where} "
                         f"| {allowed} |")
        lines.append("")
        serious = [v for v in res.violations if v.get("impact") in BLOCKING]
        for v in serious:
            lines.append(f"- `{v['id']}` ({v['impact']}): {v.get('help', '')}")
            for nd in v["nodes"][:MAX_NODES_SHOWN]:
                lines.append(f"  - cell {nd.get('cell')}, {nd.get('component')}: "
                             f"`{short_target(nd.get('target') or [])}`")
            if len(v["nodes"]) > MAX_NODES_SHOWN:
                lines.append(f"  - … and {len(v['nodes']) - MAX_NODES_SHOWN} more")
        if serious:
            lines.append("")
    return "\n".join(lines) + "\n"


def _num(s: str) -> int:
    return int(s) if s.isdigit() else -1


def write_summary(results: list[Any], out_dir: Path, known: set[str] | frozenset[str]) -> Path:
    """Write ``summary.md`` and ``summary.json`` for notebook results with an ``a11y`` field."""
    out_dir.mkdir(parents=True, exist_ok=True)
    total = dict.fromkeys(IMPACTS, 0)
    head = ["# Accessibility (axe-core) of the course outputs", "",
            "Scope: `" + "`, `".join(INCLUDE) + "` in the open notebook, after Run All and "
            "the widget interactions; excluded: `" + "`, `".join(EXCLUDE) + "`.", "",
            "| notebook | minor | moderate | serious | critical | blocking (not KNOWN) |",
            "|---|---|---|---|---|---|"]
    body, data = [], {}
    for r in results:
        a = getattr(r, "a11y", None)
        c = a.counts() if a is not None and not a.error else None
        if c:
            for k in IMPACTS:
                total[k] += c[k]
            head.append(f"| {r.name} | " + " | ".join(str(c[k]) for k in IMPACTS)
                        + f" | {len(a.blocking(known))} |")
        else:
            head.append(f"| {r.name} | – | – | – | – | not checked |")
        body.append(notebook_report(r.name, a, known))
        data[r.name] = None if a is None else {
            "counts": c, "by_rule": a.by_rule(), "error": a.error, "seconds": a.seconds,
            "blocking": a.blocking(known), "violations": a.violations}
    head.append("| **all** | " + " | ".join(str(total[k]) for k in IMPACTS) + " | |")
    allowed = ", ".join(f"`{k}`" for k in sorted(known)) or "none"
    head += ["", "Rules allowed for now (`KNOWN_A11Y_VIOLATIONS` in "
             f"tests/browser/test_browser.py): {allowed}", ""]
    md_path = out_dir / "summary.md"
    md_path.write_text("\n".join(head) + "\n" + "\n".join(body), encoding="utf-8")
    (out_dir / "summary.json").write_text(json.dumps(data, indent=1, ensure_ascii=False),
                                          encoding="utf-8")
    return md_path
