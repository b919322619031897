"""The instructor docs: notes per notebook, answer keys, plan, readings, glossary, links.

* every self-check id and every exercise id has a ``### <id>`` answer in the notes
  page of its notebook (``docs/instructors/NN_<name>.md``);
* every notes page has the sections an instructor needs;
* every relative link in the notebooks, the README and ``docs/`` resolves, and a
  link to a glossary entry names a heading that exists;
* the generated answer-key blocks are up to date (``tools/build_answer_keys.py``);
* the unit plan, the readings and the glossary have their minimum size.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

import unga_teach as ut

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "docs" / "instructors"
GLOSSARY = ROOT / "docs" / "glossary.md"
sys.path.insert(0, str(ROOT / "tools"))
import build_answer_keys  # noqa: E402

#: The notes page of each notebook of the course (01a is the pandas primer).
PAGES = {
    "00": "00_start_here.md",
    "01": "01_how_the_assembly_votes.md",
    "01a": "01a_pandas_primer.md",
    "02": "02_the_resolution.md",
    "03": "03_the_vote.md",
    "04": "04_positions_and_explanations.md",
    "05": "05_change_over_time.md",
    "06": "06_sources_and_evidence.md",
    "07": "07_assignment.md",
}
HEADINGS = ("## Answer key", "## Discussion", "## Misconceptions",
            "## Timing and where learners get stuck")

#: Pages written on other branches while this one was: a link to them may be missing
#: only while the old guide, docs/instructors.md, has not yet been moved (the lead
#: merges the move and these pages together).
PENDING = {"docs/instructors/assignment.md", "docs/instructors/any_vote.md"}
MOVE_PENDING = (ROOT / "docs" / "instructors.md").exists()

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.M)


def _exercises() -> list:
    try:
        bank = ut.exercise_bank
    except (AttributeError, ImportError):
        return []
    return list(bank())


def _ids_in(path: Path) -> set[str]:
    return set(re.findall(r"^### (\S+)\s*$", path.read_text(encoding="utf-8"), re.M))


def _section(text: str, heading: str) -> str:
    """The text under a ``## `` heading, up to the next ``## `` heading."""
    start = text.index(heading) + len(heading)
    nxt = re.search(r"^## ", text[start:], re.M)
    return text[start:start + nxt.start()] if nxt else text[start:]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens.

    >>> slug("Cohen's kappa")
    'cohens-kappa'
    >>> slug("Present and voting (rule 86)")
    'present-and-voting-rule-86'
    """
    text = re.sub(r"[`*]", "", heading.strip().lower())  # markdown formatting, not text
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a markdown file (duplicates get -1, -2, as on GitHub)."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    seen: dict[str, int] = {}
    out = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M):
        base = slug(heading)
        n = seen.get(base, 0)
        out.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


def _link_sources() -> list[tuple[str, Path, str]]:
    """(label, file the links are relative to, markdown text) for every checked document."""
    out = []
    for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                out.append((f"{nb_path.name} cell {cell.get('id', '?')}", nb_path, cell.source))
    for md in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        out.append((str(md.relative_to(ROOT)), md, md.read_text(encoding="utf-8")))
    return out


def _links(text: str) -> list[str]:
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # no links inside code blocks
    text = re.sub(r"`[^`\n]*`", "", text)               # nor inside code spans
    return LINK.findall(text) + REF_LINK.findall(text)


# ----------------------------------------------------------------------------- (a) answers
def test_every_notes_page_exists() -> None:
    missing = [name for name in PAGES.values() if not (NOTES / name).exists()]
    assert not missing, f"missing notes pages in docs/instructors/: {missing}"


@pytest.mark.parametrize("qid", ut.self_check_ids())
def test_every_self_check_has_an_answer(qid: str) -> None:
    notebook = qid.split("-", 1)[0]
    assert notebook in PAGES, (f"self-check {qid!r} belongs to notebook {notebook!r}, which "
                               "has no notes page listed in PAGES")
    page = NOTES / PAGES[notebook]
    assert qid in _ids_in(page), (f"self-check {qid!r} has no '### {qid}' answer in "
                                  f"{page.relative_to(ROOT)}: run tools/build_answer_keys.py")


def test_every_exercise_has_an_answer() -> None:
    missing = []
    for e in _exercises():
        name = PAGES.get(str(e.notebook))
        if name is None or e.id not in _ids_in(NOTES / name):
            missing.append(f"{e.id} (notebook {e.notebook})")
    assert not missing, ("exercises without a '### <id>' answer in their notes page: "
                         f"{missing}; run tools/build_answer_keys.py")


# ----------------------------------------------------------------------------- (b) headings
@pytest.mark.parametrize("name", sorted(PAGES.values()))
def test_notes_page_has_its_sections(name: str) -> None:
    text = (NOTES / name).read_text(encoding="utf-8")
    lines = set(text.splitlines())
    for heading in HEADINGS:
        assert heading in lines, f"{name}: no '{heading}' heading"
    prompts = re.findall(r"^\d+\. ", _section(text, "## Discussion"), re.M)
    assert len(prompts) >= 2, f"{name}: the Discussion section needs at least 2 numbered prompts"
    key = _section(text, "## Answer key")
    assert build_answer_keys.BEGIN in key and build_answer_keys.END in key, (
        f"{name}: the generated answer-key block must sit in the Answer key section")


# ----------------------------------------------------------------------------- (c) links
def test_relative_links_resolve() -> None:
    glossary_anchors = anchors(GLOSSARY) if GLOSSARY.exists() else set()
    broken = []
    for label, path, text in _link_sources():
        for target in _links(text):
            if re.match(r"^([a-z][a-z0-9+.-]*:|#)", target, re.I):
                continue  # a URL, mailto: or an anchor in the same page
            file_part, _, anchor = target.partition("#")
            file_part = file_part.split("?", 1)[0]
            resolved = (path.parent / file_part).resolve()
            if not resolved.exists():
                rel = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) \
                    else str(resolved)
                if MOVE_PENDING and rel in PENDING:
                    continue
                broken.append(f"{label}: {target!r} (no file {rel})")
                continue
            if resolved == GLOSSARY.resolve() and anchor and anchor not in glossary_anchors:
                broken.append(f"{label}: {target!r} (no glossary heading with anchor "
                              f"#{anchor})")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_glossary_is_linked_from_the_instructor_index() -> None:
    index = (NOTES / "README.md").read_text(encoding="utf-8")
    assert "glossary.md" in index


# ----------------------------------------------------------------------------- (d) generated
def test_answer_key_blocks_are_up_to_date() -> None:
    problems = build_answer_keys.build(check=True)
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------------------- (e) sizes
def test_unit_plan_has_six_sessions_and_two_variants() -> None:
    text = (NOTES / "unit_plan.md").read_text(encoding="utf-8")
    sessions = re.findall(r"^## Session \d+", text, re.M)
    assert len(sessions) >= 6, f"unit_plan.md has {len(sessions)} '## Session N' headings"
    assert "90-minute" in text and "never coded" in text


def test_readings_have_ten_entries() -> None:
    text = (NOTES / "readings.md").read_text(encoding="utf-8")
    entries = re.findall(r"^\d+\. (.*?)(?=^\d+\. |^#|\Z)", text, re.M | re.S)
    assert len(entries) >= 10, f"readings.md has {len(entries)} numbered entries"
    for entry in entries:
        assert re.search(r"\b(19|20)\d\d\b", entry), f"an entry without a year: {entry[:60]}"
        assert re.search(r"<https?://[^>]+>|\(https?://[^)]+\)", entry), (
            f"an entry without an address to check it: {entry[:60]}")


def test_glossary_has_25_terms() -> None:
    terms = re.findall(r"^### (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)
    assert len(terms) >= 25, f"docs/glossary.md has {len(terms)} '### ' terms"
    assert len(terms) == len(set(terms)), "a glossary term is defined twice"


def test_slug_matches_github() -> None:
    assert slug("Uniting for Peace") == "uniting-for-peace"
    assert slug("Draft symbol (L document)") == "draft-symbol-l-document"
    assert slug("Non-voting") == "non-voting"
