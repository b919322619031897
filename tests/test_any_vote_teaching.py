"""Issue 22: the lesson's related-vote section and the instructors' page teach the agreement
trap in three sentences with a worked example, whose numbers the package reproduces."""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import pytest

import unga_teach as ut
from unga_teach.lesson import AGREEMENT_TRAP_MD, lesson_cells

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "instructors" / "any_vote.md"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from record_isolation import isolated_record  # noqa: E402, F401  (a fixture)
from test_affinity_trap import ALONE, OTHER, STATE, write_trap  # noqa: E402

pytestmark = pytest.mark.usefixtures("isolated_record")


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split())) if s]


def paragraphs(markdown: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", markdown) if p.strip()]


@pytest.fixture
def trap_numbers(tmp_path: Path) -> dict[str, dict[str, float]]:
    """Agreement and kappa of the worked example, computed by ut.affinity on the record."""
    path = write_trap(tmp_path / "trap.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        ut.use_official_record(path)
    out = {}
    for votes in ("all", "contested"):
        a = ut.affinity(STATE, against=[ALONE, OTHER], votes=votes).set_index("reference")
        out[votes] = {"with_a": a.loc[ALONE, "agreement"], "with_c": a.loc[OTHER, "agreement"],
                      "kappa_a": a.loc[ALONE, "kappa"], "kappa_c": a.loc[OTHER, "kappa"],
                      "n": int(a["votes"].iloc[0])}
    return out


def test_the_lesson_has_the_trap_after_the_related_votes() -> None:
    for vote in ("ES-11/1", "68/262"):
        ids = [c.id for c in lesson_cells(vote)]
        trap = ids.index("related-trap")
        assert max(i for i, c in enumerate(ids) if c.startswith(("related", "shift"))
                   and c != "related-trap") < trap < ids.index("checks")
    cell = next(c for c in lesson_cells("ES-11/1") if c.id == "related-trap")
    assert cell.cell_type == "markdown" and cell.source.startswith("### ")


def test_the_trap_is_three_sentences_then_a_worked_example() -> None:
    text = paragraphs(AGREEMENT_TRAP_MD.strip())
    page = PAGE.read_text(encoding="utf-8")
    section = page.split("## The trap, in three sentences", 1)[1].split("\n## ", 1)[0]
    for trap in (text[1], paragraphs(section)[0]):
        assert len(sentences(trap)) == 3, sentences(trap)
        assert "contested" in trap and "kappa" in trap
    assert text[2].startswith("*Worked example")
    assert "## A worked example" in page and 'votes="all"' in page and "votes=" in page


def test_the_worked_example_numbers_are_what_the_package_computes(
        trap_numbers: dict[str, dict[str, float]]) -> None:
    every, contested = trap_numbers["all"], trap_numbers["contested"]
    lesson = " ".join(AGREEMENT_TRAP_MD.split())
    assert (f"B agrees with C {every['with_c']:.0%} of the time and with A "
            f"{every['with_a']:.0%}") in lesson
    assert (f"B agrees with A {contested['with_a']:.0%} of the time and with C "
            f"{contested['with_c']:.0%}") in lesson
    assert f"all {every['n']} votes" in lesson and f"the {contested['n']} contested" in lesson
    page = PAGE.read_text(encoding="utf-8")
    for label, row in (('all 120 votes (`votes="all"`)', every),
                       ("20 contested votes (default)", contested)):
        line = next(ln for ln in page.splitlines() if ln.startswith(f"| {label}"))
        cells = [c.strip() for c in line.strip("|").split("|")][1:]
        assert cells == [f"{row['with_a']:.0%}", f"{row['kappa_a']:.2f}", str(row["n"]),
                         f"{row['with_c']:.0%}", f"{row['kappa_c']:.2f}", str(row["n"])]
