"""Drive the course notebooks in a real JupyterLab with headless Chromium.

Used by ``tests/browser/test_browser.py`` and ``benchmarks/bench_browser.py``.
Nothing here touches the repository's notebooks: :func:`prepare_notebooks`
copies them (outputs stripped) into a temporary folder, and the server only
sees that copy.

The server is a throwaway: loopback only, a free port (``port_retries=0``),
no token, no XSRF check, its own config/data/runtime/IPython dirs, no news or
update checks, the announcements toast disabled and notebook windowing off (so
every cell is in the DOM). :meth:`LabServer.stop` shuts the kernels down
through the REST API, then ends the server's process group, then any
leftover process it started (by pid).

Playwright and requests are imported lazily, so this module imports (and its
doctests run) without a browser.

>>> is_local_url("http://127.0.0.1:8888/lab"), is_local_url("data:image/png;base64,AA")
(True, True)
>>> is_local_url("https://cdn.jsdelivr.net/npm/vega@5")
False
>>> builder_of("w = 1\\nut.majority_calculator(93, 24, 58)")
'majority_calculator'
>>> builder_of("# ut.quiz(...) is shown below\\nprint(1)") is None
True
>>> builder_of('ut.self_check("03-share-of-present")')
'self_check'
>>> is_chart_cell("ut.tally_chart('2026')"), is_chart_cell("ut.tally_table('2026')")
(True, False)
>>> is_chart_cell("def my_chart(df):\\n    return df")
False
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import a11y  # next to this module; it imports axe-core's script only when run

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
SCREENSHOT_DIR = ROOT / "build" / "screenshots"
A11Y_DIR = ROOT / "build" / "a11y"

#: Where Debian's chromium lives (never ``playwright install``).
CHROMIUM = os.environ.get("UNGA_TEACH_CHROMIUM", "/usr/bin/chromium")

#: Flags that worked in the environment research (no sandbox as root, no
#: background traffic of Chromium's own).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
    "--no-default-browser-check",
]

#: Region pictures (self-checks, charts, tables) stop at this height, in CSS pixels.
REGION_MAX_HEIGHT = 2500

#: The open notebook (other panels are hidden with lm-mod-hidden).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
IGNORED_SCHEMES = {"data", "blob", "about", "chrome-extension", "chrome", "devtools"}

#: Widget builders the test knows how to interact with.
BUILDERS = (
    "country_explorer",
    "majority_calculator",
    "matching_quiz",
    "quiz",
    "group_explorer",
    "paragraph_explorer",
    "vote_comparer",
    "self_check",
    "lesson_check",
)
#: Builders that are self-checks: pictured before the test answers them.
SELF_CHECKS = ("quiz", "matching_quiz", "self_check", "lesson_check")
_BUILDER_RE = re.compile(r"(?<![\w.])(?:\w+\.)?(" + "|".join(BUILDERS) + r")\s*\(")
_CHART_RE = re.compile(r"(_chart|\bvote_map)\s*\(")




def notebook_dir() -> Path:
    """The notebooks to drive: ``notebooks/``, or ``$UNGA_TEACH_NOTEBOOK_DIR``."""
    return Path(os.environ.get("UNGA_TEACH_NOTEBOOK_DIR", NOTEBOOK_DIR))


# --------------------------------------------------------------------------- notebook text


def code_lines(source: str) -> str:
    """The source without comment-only lines (so commented-out calls don't count)."""
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("#"))


def builder_of(source: str) -> str | None:
    """The first widget builder called in a cell's source, or None."""
    m = _BUILDER_RE.search(code_lines(source))
    return m.group(1) if m else None


def is_chart_cell(source: str) -> bool:
    """True when the cell calls a chart builder (``*_chart(`` or ``vote_map(``)."""
    code = re.sub(r"\bdef\s+\w+\s*\(", "", code_lines(source))  # a definition is no call
    return bool(_CHART_RE.search(code))


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


@dataclass
class NotebookPlan:
    """What a notebook should show once run (from its JSON, not the DOM)."""

    name: str
    n_cells: int
    executed: list[int] = field(default_factory=list)  # code cells with code
    chart_cells: list[int] = field(default_factory=list)
    widget_cells: dict[int, str] = field(default_factory=dict)  # index -> builder
    may_raise: list[int] = field(default_factory=list)  # tagged raises-exception
    exercise_cells: dict[int, str] = field(default_factory=dict)  # index -> exercise id

    @classmethod
    def from_file(cls, path: Path) -> NotebookPlan:
        nb = json.loads(path.read_text(encoding="utf-8"))
        plan = cls(name=path.name, n_cells=len(nb["cells"]))
        for i, cell in enumerate(nb["cells"]):
            if cell.get("cell_type") != "code":
                continue
            src = _source(cell)
            if not src.strip():
                continue  # JupyterLab does not execute an empty cell
            meta = cell.get("metadata", {})
            if not (meta.get("jupyter") or {}).get("source_hidden"):
                # a folded cell (under the hood) shows no prompt to read its count from;
                # its outputs are still checked for errors like every other cell's
                plan.executed.append(i)
            if is_chart_cell(src):
                plan.chart_cells.append(i)
            builder = builder_of(src)
            if builder:
                plan.widget_cells[i] = builder
            tags = cell.get("metadata", {}).get("tags") or []
            if "raises-exception" in tags:
                plan.may_raise.append(i)
            found = re.search(r'^ut\.check\("([^"]+)",', src, re.M)
            if "exercise" in tags and found:
                plan.exercise_cells[i] = found.group(1)
        return plan

    @property
    def self_check_cells(self) -> list[int]:
        """Cells that build a quiz (answered by the test, so pictured before that)."""
        return [i for i, b in self.widget_cells.items() if b in SELF_CHECKS]


def prepare_notebooks(src: Path, dest: Path) -> list[Path]:
    """Copy ``src/*.ipynb`` (and any data files next to them) to ``dest``, outputs stripped.

    Stripped outputs and execution counts make "every prompt numbered" mean
    "run in this session"; the saved widget state is dropped too.
    """
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for path in sorted(src.iterdir()):
        if path.name.startswith(".") or path.name == "__pycache__":
            continue
        target = dest / path.name
        if path.is_dir():
            shutil.copytree(path, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif path.suffix == ".ipynb":
            nb = json.loads(path.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                if cell.get("cell_type") == "code":
                    cell["outputs"] = []
                    cell["execution_count"] = None
            nb.get("metadata", {}).pop("widgets", None)
            target.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
            out.append(target)
        else:
            shutil.copy2(path, target)
    return out


# --------------------------------------------------------------------------- network


def is_local_url(url: str) -> bool:
    """True for loopback URLs and for in-browser schemes (data:, blob:, about:, ...)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in IGNORED_SCHEMES:
        return True
    host = (parts.hostname or "").lower()
    return host in LOCAL_HOSTS


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --------------------------------------------------------------------------- server


class LabServer:
    """A throwaway JupyterLab server on 127.0.0.1 serving ``root_dir``."""

    def __init__(self, root_dir: Path, work_dir: Path) -> None:
        self.root_dir = root_dir
        self.work_dir = work_dir
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = work_dir / "jupyter-lab.log"
        self._seen_pids: set[int] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- set-up

    def _write_config(self, config_dir: Path) -> None:
        labconfig = config_dir / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        (labconfig / "page_config.json").write_text(json.dumps({
            "disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True},
        }))
        settings = config_dir / "lab" / "user-settings" / "@jupyterlab"
        (settings / "notebook-extension").mkdir(parents=True, exist_ok=True)
        # Every cell in the DOM (the default, contentVisibility, skips offscreen rendering).
        (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
            json.dumps({"windowingMode": "none"}))
        (settings / "apputils-extension").mkdir(parents=True, exist_ok=True)
        (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}))

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        dirs = {name: self.work_dir / name for name in ("config", "data", "runtime", "ipython")}
        for d in dirs.values():
            d.mkdir(parents=True, exist_ok=True)
        self._write_config(dirs["config"])
        env.update({
            "JUPYTER_CONFIG_DIR": str(dirs["config"]),
            "JUPYTER_DATA_DIR": str(dirs["data"]),
            "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
            "IPYTHONDIR": str(dirs["ipython"]),
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        })
        env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
        # UNGA_TEACH_UNDL would switch every notebook to an instructor's file: test the
        # shipped data.
        for key in ("JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "JPY_SESSION_NAME",
                    "UNGA_TEACH_UNDL"):
            env.pop(key, None)
        return env

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--allow-root",
        ]

    def start(self, timeout: float = 60.0, attempts: int = 3) -> float:
        """Start the server; return the seconds until ``/api/status`` answered."""
        env = self.env()
        last = ""
        for _ in range(attempts):
            self.port = free_port()
            t0 = time.perf_counter()
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(
                    self.command(), cwd=self.root_dir, env=env, stdout=log,
                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    start_new_session=True,  # own process group: killpg in stop()
                )
            while time.perf_counter() - t0 < timeout:
                if self.proc.poll() is not None:
                    break
                try:
                    self.api("GET", "/api/status", timeout=2)
                    return time.perf_counter() - t0
                except (OSError, urllib.error.URLError):
                    time.sleep(0.2)
            last = self.log_tail()
            self.stop()  # port taken by someone else, or too slow: clean up, try again
        raise RuntimeError(f"JupyterLab did not start. Log tail:\n{last}")

    # -- REST

    def api(self, method: str, path: str, timeout: float = 10) -> Any:
        req = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Delete every session, then every kernel (best effort)."""
        with contextlib.suppress(Exception):
            for s in self.api("GET", "/api/sessions"):
                with contextlib.suppress(Exception):
                    self.api("DELETE", f"/api/sessions/{s['id']}", timeout=20)
        with contextlib.suppress(Exception):
            for k in self.api("GET", "/api/kernels"):
                with contextlib.suppress(Exception):
                    self.api("DELETE", f"/api/kernels/{k['id']}", timeout=20)

    # -- tear-down

    def _descendants(self) -> set[int]:
        if self.proc is None:
            return set()
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil comes with ipykernel
            return set()
        try:
            return {c.pid for c in psutil.Process(self.proc.pid).children(recursive=True)}
        except psutil.Error:
            return set()

    def stop(self) -> None:
        """Shut kernels down, end the server's process group, then any leftover child."""
        if self.proc is None:
            return
        self._seen_pids |= self._descendants()
        if self.proc.poll() is None:
            self.shutdown_kernels()
            self._seen_pids |= self._descendants()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        # Kernels run in their own session (jupyter_client start_new_session=True):
        # end any that survived, by the pids recorded above.
        self._kill_pids(self._seen_pids)
        self._seen_pids.clear()
        self.proc = None

    @staticmethod
    def _kill_pids(pids: set[int]) -> None:
        try:
            import psutil
        except ImportError:  # pragma: no cover
            return
        procs = []
        for pid in pids:
            with contextlib.suppress(psutil.Error):
                p = psutil.Process(pid)
                p.terminate()
                procs.append(p)
        _, alive = psutil.wait_procs(procs, timeout=5)
        for p in alive:
            with contextlib.suppress(psutil.Error):
                p.kill()

    def remember_children(self) -> None:
        """Record the server's current child pids (kernels), for :meth:`stop`."""
        self._seen_pids |= self._descendants()

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])


@contextlib.contextmanager
def lab_server(src: Path | None = None) -> Iterator[tuple[LabServer, list[Path]]]:
    """A started :class:`LabServer` on a stripped temp copy of ``src`` (default: notebook_dir())."""
    work = Path(tempfile.mkdtemp(prefix="ut-browser-"))
    try:
        root = work / "notebooks"
        copies = prepare_notebooks(src or notebook_dir(), root)
        server = LabServer(root, work)
        try:
            server.start()
            yield server, copies
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def launch_browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=CHROMIUM_ARGS)


# --------------------------------------------------------------------------- page driving

_STATE_JS = """(panel) => {
  const p = document.querySelector(panel);
  if (!p) return null;
  const cells = [...p.querySelectorAll('.jp-Cell')];
  const ind = p.querySelector('.jp-Notebook-ExecutionIndicator');
  return {
    status: ind ? ind.getAttribute('data-status') : null,
    // a folded input (the under-the-hood cells) has no input prompt: its output's
    // prompt carries the execution count instead
    prompts: cells.map(c => {
      const e = c.querySelector('.jp-InputArea-prompt')
             || c.querySelector('.jp-OutputArea-prompt');
      return e && e.textContent.trim() ? e.textContent.trim() : null;
    }),
    errors: cells.map(c => [...c.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .some(e => /Traceback|Error/.test(e.textContent))),
  };
}"""

_STDERR_JS = """(panel) => [...document.querySelectorAll(panel + ' .jp-Cell')].map((c, i) =>
  [...c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .map(e => 'cell ' + i + ': ' + e.innerText.trim().slice(0, 300))).flat()"""

_KERNEL_READY_JS = """(panel) => {
  const p = document.querySelector(panel);
  if (!p || !p.querySelector('.jp-Cell')) return false;
  const name = p.querySelector('.jp-Toolbar-kernelName');
  const ind = p.querySelector('.jp-Notebook-ExecutionIndicator');
  return !!name && !/No Kernel/.test(name.textContent) && !!ind
    && ind.getAttribute('data-status') === 'idle';
}"""

_STARTED_JS = """(panel) => [...document.querySelectorAll(panel + ' .jp-InputArea-prompt')]
  .some(e => /^\\[(\\*|\\d+)\\]:$/.test(e.textContent.trim()))"""

_CHARTS_JS = """(panel) => {
  const p = document.querySelector(panel);
  const cells = [...p.querySelectorAll('.jp-Cell')];
  const drawn = (embed) => {
    const svg = embed.querySelector('svg.marks');
    if (svg) return svg.querySelectorAll('path, rect, text, line').length > 0;
    const cv = embed.querySelector('canvas.marks');
    if (!cv || !cv.width || !cv.height) return false;
    try {
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
      return false;
    } catch (e) { return true; }
  };
  return cells.map(c => [...c.querySelectorAll('.vega-embed')].filter(drawn).length);
}"""

_DIRTY_JS = """() => {
  const tab = document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current');
  return tab ? tab.classList.contains('jp-mod-dirty') : null;
}"""

# Per cell: what its outputs show that deserves its own picture.
_REGIONS_JS = """(panel) => [...document.querySelectorAll(panel + ' .jp-Cell')].map(c => {
  const kinds = [];
  if (c.querySelector('.jp-OutputArea-output .vega-embed')) kinds.push('chart');
  if (c.querySelector('.jp-OutputArea-output table')) kinds.push('table');
  return kinds;
})"""

_PROBLEMS_JS = """(panel) => {
  const p = document.querySelector(panel);
  const cells = [...p.querySelectorAll('.jp-Cell')];
  return cells.map((c, i) => {
    const out = [];
    for (const e of c.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
      const t = e.innerText;
      if (/Traceback|\\b\\w*(Error|Exception)\\b:/.test(t)) out.push('stderr: ' + t.slice(0, 1500));
    }
    for (const e of c.querySelectorAll('.jp-OutputArea-output .jp-RenderedText')) {
      const t = e.innerText;
      if (/Traceback \\(most recent call last\\)/.test(t)) out.push('text: ' + t.slice(0, 1500));
    }
    const area = c.querySelector('.jp-OutputArea');
    const all = area ? area.innerText : '';
    if (/Error displaying widget/.test(all)) out.push('widget: ' + all.slice(0, 500));
    for (const e of c.querySelectorAll('.jupyter-widgets [role="alert"]'))
      out.push('widget alert: ' + e.innerText.slice(0, 500));
    if (/Javascript Error|renderer not enabled|If you see this message/.test(all))
      out.push('renderer: ' + all.slice(0, 500));
    return out;
  });
}"""


@dataclass
class NotebookResult:
    name: str
    load_s: float = 0.0  # until the notebook's cells are shown
    open_s: float = 0.0  # until its kernel is idle
    run_s: float = 0.0
    charts_s: float = 0.0
    interact_s: float = 0.0
    total_s: float = 0.0
    prompts: list[str | None] = field(default_factory=list)
    problems: dict[int, list[str]] = field(default_factory=dict)
    charts_expected: int = 0
    charts_drawn: int = 0
    widgets_missing: list[int] = field(default_factory=list)
    interactions: list[str] = field(default_factory=list)  # human-readable log
    interaction_failures: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)  # every stderr output shown
    screenshot: Path | None = None
    timed_out: str = ""
    # The open tab right after the kernel is idle, before Run All: is it marked unsaved?
    dirty_on_open: bool | None = None
    region_shots: list[Path] = field(default_factory=list)  # build/screenshots/<nb>/*.png
    shots_s: float = 0.0
    a11y: Any = None  # a11y.A11yResult, after Run All and the interactions
    # the first exercise, filled in with its solution and run like a learner would
    exercise_filled: str = ""  # the exercise id
    exercise_output: str = ""  # the text its card shows after the run


#: Results of this session's runs (printed in pytest's terminal summary).
RESULTS: list[NotebookResult] = []


def _wait_run_all(page: Any, plan: NotebookPlan, timeout: float) -> tuple[bool, dict[str, Any]]:
    """Poll until the kernel is idle and either every code cell is numbered or one failed."""
    t0 = time.perf_counter()
    stable = 0
    state: dict[str, Any] = {}
    while time.perf_counter() - t0 < timeout:
        state = page.evaluate(_STATE_JS, PANEL) or {}
        prompts = state.get("prompts") or []
        idle = state.get("status") == "idle"
        busy = any(p == "[*]:" for p in prompts if p)
        numbered = [i for i in plan.executed
                    if i < len(prompts) and re.fullmatch(r"\[\d+\]:", prompts[i] or "")]
        failed = any(e for i, e in enumerate(state.get("errors") or [])
                     if i not in plan.may_raise)
        done = len(numbered) == len(plan.executed) or failed
        stable = stable + 1 if (idle and not busy and done) else 0
        if stable >= 3:
            return True, state
        page.wait_for_timeout(300)
    return False, state


def _html_text(out: Any) -> str:
    return "\n".join(out.locator(".widget-html-content").all_inner_texts())


def _wait_change(page: Any, out: Any, before: str, want: str | None, timeout: float = 15) -> str:
    t0 = time.perf_counter()
    after = before
    while time.perf_counter() - t0 < timeout:
        after = _html_text(out)
        if after != before and (want is None or want in after):
            return after
        page.wait_for_timeout(200)
    return after


def _interact(page: Any, out: Any, builder: str) -> tuple[bool, str]:
    """Do one learner action on a widget; return (changed, description)."""
    before = _html_text(out)
    if builder == "country_explorer":
        box = out.locator(".widget-text input[list]").first  # Combobox = text + datalist
        box.click()
        box.fill("Turkey")
        box.press("Enter")
        after = _wait_change(page, out, before, "Türkiye")
        return "Türkiye" in after and after != before, "typed 'Turkey' + Enter in the combobox"
    if builder == "majority_calculator":
        box = out.locator(".widget-inline-hbox input[type=number]").first  # the Yes box
        box.click()
        box.fill("10")
        box.press("Enter")
        show = out.locator("button", has_text="Show result")
        if show.count() and show.first.is_visible():
            show.first.click()
        after = _wait_change(page, out, before, "10 yes")
        return after != before, "typed 10 into the Yes box, pressed Show result, compared"
    if builder == "self_check":  # from the question bank: a quiz or a matching quiz
        has_radio = out.locator(".widget-radio-box input[type=radio]").count() > 0
        builder = "quiz" if has_radio else "matching_quiz"
    if builder == "lesson_check":  # a generated lesson's self-check: always a quiz
        builder = "quiz"
    if builder == "quiz":
        out.locator(".widget-radio-box input[type=radio]").first.check()
        out.locator("button", has_text="Check").first.click()
        after = _wait_change(page, out, before, None)
        ok = any(w in after for w in ("Right", "Not quite"))
        return ok, "picked the first option and clicked Check"
    if builder == "matching_quiz":
        for sel in out.locator("select").all():
            sel.select_option(index=1)
        out.locator("button", has_text="Check").first.click()
        after = _wait_change(page, out, before, "right")
        return "right" in after, "picked the first speaker in every row and clicked Check"
    if builder in ("group_explorer", "vote_comparer"):
        sel = out.locator(".widget-dropdown select").first
        current = sel.input_value()
        values = sel.locator("option").evaluate_all("os => os.map(o => o.value)")
        other = next(v for v in values if v != current)
        sel.select_option(other)
        after = _wait_change(page, out, before, None)
        return after != before, f"changed the first dropdown to option {other!r}"
    if builder == "paragraph_explorer":
        out.locator("button", has_text="Next").first.click()
        after = _wait_change(page, out, before, None)
        return after != before, "clicked Next"
    return True, f"no interaction defined for {builder}"


@dataclass
class _Url:
    url: str


def new_context(browser: Any) -> Any:
    """A browser context for the course (desktop size, no service workers)."""
    return browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="block")


def run_notebook(
    browser_or_context: Any,
    server: LabServer,
    path: Path,
    *,
    screenshot_dir: Path | None = SCREENSHOT_DIR,
    run_timeout: float = 240.0,
    chart_timeout: float = 30.0,
    accessibility: bool = True,
    on_charts: Callable[[Any], None] | None = None,
) -> NotebookResult:
    """Open ``path`` (inside the server's root) in a fresh workspace, Run All, check, interact.

    Pass a Browser to get a context of its own (closed afterwards), or a shared
    BrowserContext (its HTTP cache makes JupyterLab load faster; only the page
    is closed). Before the widget actions, each self-check cell and each chart or
    table output is pictured to ``screenshot_dir/<notebook>/``; after them, axe-core
    checks the outputs (``accessibility``) and the whole notebook is pictured.
    ``on_charts(page)``, when given, runs once the charts are drawn, before any
    picture (the viewport is still the context's own size).
    """
    plan = NotebookPlan.from_file(path)
    res = NotebookResult(name=path.name, charts_expected=len(plan.chart_cells))
    rel = path.relative_to(server.root_dir).as_posix()
    t_start = time.perf_counter()
    own_context = hasattr(browser_or_context, "new_context")
    context = new_context(browser_or_context) if own_context else browser_or_context
    external: list[str] = []

    def record(request: Any) -> None:
        url = request.url
        if not is_local_url(url) and url not in external:
            external.append(url)

    context.on("request", record)
    page = context.new_page()
    page.on("request", record)
    page.on("websocket", lambda ws: record(_Url(ws.url)))
    page.on("console", lambda m: res.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: res.console_errors.append(f"pageerror: {e}"))
    try:
        workspace = re.sub(r"\W", "-", path.stem) + f"-{os.getpid()}-{int(time.time() * 1000)}"
        page.goto(f"{server.url}/lab/workspaces/{workspace}/tree/{urllib.parse.quote(rel)}?reset",
                  wait_until="domcontentloaded", timeout=60_000)
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
        res.load_s = time.perf_counter() - t_start
        # The indicator says "idle" before a kernel is attached ("No Kernel"), so wait
        # for both a kernel name and the idle status.
        page.wait_for_function(_KERNEL_READY_JS, arg=PANEL, timeout=90_000, polling=200)
        res.open_s = time.perf_counter() - t_start
        server.remember_children()
        page.wait_for_timeout(300)  # let the kernel's language_info reach the model
        res.dirty_on_open = page.evaluate(_DIRTY_JS)

        t0 = time.perf_counter()
        for _attempt in range(2):
            page.click(".lm-MenuBar-itemLabel:text-is('Run')")
            page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
            try:  # started: some prompt shows [*] or a number
                page.wait_for_function(_STARTED_JS, arg=PANEL, timeout=10_000, polling=100)
                break
            except Exception:
                page.keyboard.press("Escape")
        finished, state = _wait_run_all(page, plan, run_timeout)
        res.run_s = time.perf_counter() - t0
        res.prompts = state.get("prompts") or []
        if not finished:
            res.timed_out = f"Run All did not finish within {run_timeout:.0f} s"

        # charts: wait until at least as many drawn charts as chart cells
        t0 = time.perf_counter()
        while True:
            per_cell = page.evaluate(_CHARTS_JS, PANEL)
            res.charts_drawn = sum(per_cell)
            if res.charts_drawn >= res.charts_expected or \
                    time.perf_counter() - t0 > chart_timeout:
                break
            page.wait_for_timeout(300)
        res.charts_s = time.perf_counter() - t0
        if on_charts is not None:
            on_charts(page)

        cells = page.locator(f"{PANEL} .jp-Cell")
        for i in plan.widget_cells:
            out = cells.nth(i).locator(".jp-OutputArea").first
            try:
                out.locator(".jupyter-widgets").first.wait_for(timeout=15_000)
            except Exception:
                res.widgets_missing.append(i)

        # pictures of the self-checks before anyone answers, and of each chart/table
        if screenshot_dir is not None:
            t0 = time.perf_counter()
            res.region_shots = _region_screenshots(page, plan, screenshot_dir / path.stem)
            res.shots_s = time.perf_counter() - t0

        # one learner action per widget cell
        t0 = time.perf_counter()
        for i, builder in plan.widget_cells.items():
            if i in res.widgets_missing:
                continue
            out = cells.nth(i).locator(".jp-OutputArea").first
            try:
                out.scroll_into_view_if_needed(timeout=5_000)
                ok, what = _interact(page, out, builder)
            except Exception as exc:
                ok, what = False, f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
            line = f"cell {i} {builder}: {what}"
            res.interactions.append(("OK   " if ok else "FAIL ") + line)
            if not ok:
                res.interaction_failures.append(line)
        res.interact_s = time.perf_counter() - t0

        if plan.exercise_cells:
            index, ex_id = next(iter(plan.exercise_cells.items()))
            res.exercise_filled = ex_id
            res.exercise_output = fill_exercise(page, cells.nth(index), ex_id, screenshot_dir
                                                and screenshot_dir / path.stem)

        res.stderr = page.evaluate(_STDERR_JS, PANEL)  # warnings etc.: reported, not failed
        problems = page.evaluate(_PROBLEMS_JS, PANEL)
        res.problems = {i: p for i, p in enumerate(problems)
                        if p and not (i in plan.may_raise and
                                      all(x.startswith(("stderr", "text")) for x in p))}

        if accessibility:
            res.a11y = a11y.run_axe(page, PANEL)

        if screenshot_dir is not None:
            res.screenshot = _screenshot(page, screenshot_dir / f"{path.stem}.png")
    finally:
        res.external_requests = external
        res.total_s = time.perf_counter() - t_start
        with contextlib.suppress(Exception):
            context.remove_listener("request", record)
        with contextlib.suppress(Exception):
            (context if own_context else page).close()
        server.shutdown_kernels()
    return res


def fill_exercise(page: Any, cell: Any, exercise_id: str, shot_dir: Path | None) -> str:
    """Type an exercise's solution into its cell as a learner would, run it, read the card.

    The cell's editor is focused, its text selected and replaced (``insert_text``:
    no key-by-key typing, so the editor's auto-closing brackets do not interfere),
    then Shift+Enter runs it. Returns the card's text (it should begin "Correct");
    pictures the cell before and after to ``shot_dir`` when given.
    """
    from unga_teach.assess.exercises import exercise

    solution = exercise(exercise_id).solution.strip("\n")
    cell.scroll_into_view_if_needed(timeout=5_000)
    if shot_dir is not None:
        shot_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            cell.screenshot(path=str(shot_dir / "exercise-before.png"), timeout=10_000)
    editor = cell.locator(".cm-content").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(solution)
    page.keyboard.press("Shift+Enter")
    out = cell.locator(".jp-OutputArea-output").first
    text = ""
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        with contextlib.suppress(Exception):
            text = out.inner_text(timeout=2_000).strip()
        if text.startswith(("Correct", "Not yet")) and "replace the ..." not in text:
            break
        page.wait_for_timeout(300)
    if shot_dir is not None:
        with contextlib.suppress(Exception):
            cell.screenshot(path=str(shot_dir / "exercise-after.png"), timeout=10_000)
    return text


def _grow_viewport(page: Any) -> None:
    """Make the viewport tall enough to show every cell without scrolling (max 30000 px)."""
    # How far the last cell reaches below the visible part of the notebook (the
    # notebook's scroll-past-end padding is left out).
    extra = page.evaluate(f"""() => {{
        const s = document.querySelector('{PANEL} .jp-WindowedPanel-outer')
               || document.querySelector('{PANEL} .jp-Notebook');
        const cells = document.querySelectorAll('{PANEL} .jp-Cell');
        if (!s || !cells.length) return 0;
        const last = cells[cells.length - 1].getBoundingClientRect().bottom;
        return last - s.getBoundingClientRect().top + s.scrollTop - s.clientHeight;
    }}""")
    current = (page.viewport_size or {}).get("height", 1000)
    height = min(current + max(int(extra), 0) + 40, 30000)
    if height != current:
        page.set_viewport_size({"width": 1400, "height": height})
        page.wait_for_timeout(800)
    page.evaluate(f"""() => {{
        const s = document.querySelector('{PANEL} .jp-WindowedPanel-outer');
        if (s) s.scrollTop = 0;
    }}""")
    page.wait_for_timeout(200)


def _screenshot(page: Any, target: Path) -> Path:
    """Grow the viewport to the notebook's full height, then take one picture."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _grow_viewport(page)
    page.screenshot(path=str(target), full_page=True)
    return target


def _region_screenshots(page: Any, plan: NotebookPlan, target_dir: Path) -> list[Path]:
    """Picture each self-check cell (input and output) and each chart/table output.

    Taken before the widget actions, so a quiz picture shows what a learner sees
    before answering. Files: ``cell-NN-selfcheck-before.png``, ``cell-NN-chart.png``,
    ``cell-NN-table.png`` (``chart+table`` when one output has both). A region taller
    than :data:`REGION_MAX_HEIGHT` is pictured from its top down to that height (the
    whole of it is in the notebook's picture). The folder is emptied first, so no
    picture from an older run is left behind.
    """
    shutil.rmtree(target_dir, ignore_errors=True)
    target_dir.mkdir(parents=True, exist_ok=True)
    _grow_viewport(page)  # everything on screen: no scrolling inside JupyterLab
    cells = page.locator(f"{PANEL} .jp-Cell")
    kinds = page.evaluate(_REGIONS_JS, PANEL)
    shots = []
    todo = [(i, cells.nth(i), "selfcheck-before") for i in plan.self_check_cells]
    todo += [(i, cells.nth(i).locator(".jp-OutputArea").first, "+".join(k))
             for i, k in enumerate(kinds) if k and i not in plan.self_check_cells]
    for i, loc, kind in sorted(todo, key=lambda t: t[0]):
        target = target_dir / f"cell-{i:02d}-{kind}.png"
        with contextlib.suppress(Exception):  # a missing picture is reported by its absence
            # The viewport shows the whole notebook, so a clip of the page is the region
            # (cheaper than an element screenshot, which scrolls and waits for stability).
            box = loc.bounding_box(timeout=5_000)
            if not box or box["width"] < 1 or box["height"] < 1:
                continue
            clip = {"x": max(box["x"] - 4, 0), "y": max(box["y"] - 4, 0),
                    "width": box["width"] + 8,
                    "height": min(box["height"] + 8, REGION_MAX_HEIGHT)}
            page.screenshot(path=str(target), clip=clip, timeout=10_000)
            shots.append(target)
    return shots


def summary(res: NotebookResult) -> str:
    lines = [
        f"{res.name}: cells shown {res.load_s:.1f}s, kernel idle {res.open_s:.1f}s, "
        f"run all {res.run_s:.1f}s, charts {res.charts_s:.1f}s ({res.charts_drawn} drawn / "
        f"{res.charts_expected} chart cells), interactions {res.interact_s:.1f}s, "
        f"total {res.total_s:.1f}s",
    ]
    lines += [f"  {x}" for x in res.interactions]
    if res.dirty_on_open is not None:
        lines.append("  on opening (before Run All) the tab is "
                     + ("MARKED UNSAVED (jp-mod-dirty)" if res.dirty_on_open else "not dirty"))
    if res.a11y is not None:
        a = res.a11y
        if a.error:
            lines.append(f"  axe-core: did not run ({a.error})")
        else:
            c = a.counts()
            lines.append(f"  axe-core {a.axe_version} ({a.seconds:.1f}s, {a.scoped} outputs): "
                         + ", ".join(f"{k} {v}" for k, v in c.items())
                         + (" | rules: " + ", ".join(f"{r} ({imp} x{n})" for r, (imp, n)
                                                     in a.by_rule().items())
                            if a.violations else ""))
    if res.screenshot:
        lines.append(f"  screenshot: {res.screenshot}")
    if res.region_shots:
        lines.append(f"  {len(res.region_shots)} region pictures ({res.shots_s:.1f}s) in "
                     f"{res.region_shots[0].parent}")
    for text in res.stderr:
        lines.append("  stderr shown in " + " ".join(text.split())[:300])
    if res.console_errors:
        lines.append(f"  browser console errors ({len(res.console_errors)}): "
                     + " | ".join(e[:200] for e in res.console_errors[:5]))
    return "\n".join(lines)
