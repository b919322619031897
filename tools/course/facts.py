"""Every number and quotation the course prose states, read from the loaders."""

from __future__ import annotations

from dataclasses import dataclass

import unga_teach as ut
from unga_teach.analysis import votes_needed


# --------------------------------------------------------------------------- facts
@dataclass(frozen=True)
class Totals:
    """Official totals of one vote, as in ``ut.load_resolutions()``."""

    id: str
    title: str
    date: str
    draft: str
    yes: int
    no: int
    abstain: int
    non_voting: int
    members: int

    @property
    def present(self) -> int:
        """Members present and voting: yes + no."""
        return self.yes + self.no

    @property
    def voted(self) -> int:
        """States that took part: yes + no + abstain."""
        return self.yes + self.no + self.abstain

    @property
    def yes_share(self) -> str:
        """Yes as a share of those present and voting, e.g. '89.9%'."""
        return f"{100 * self.yes / self.present:.1f}%"

    @property
    def result(self) -> str:
        return f"{self.yes}-{self.no}-{self.abstain}"


def _totals(rid: str) -> Totals:
    r = ut.resolution_info(rid)
    return Totals(
        id=rid,
        title=str(r["title"]),
        date=f"{r['date']:%-d %B %Y}",
        draft=str(r["draft"] or ""),
        yes=int(r["yes"]),
        no=int(r["no"]),
        abstain=int(r["abstain"]),
        non_voting=int(r["non_voting"]),
        members=int(r["total_members"]),
    )


class Facts:
    """Every number the prose states, read from the loaders when the script runs."""

    def __init__(self) -> None:
        self.v26 = _totals("2026")
        self.motion = _totals("2026-division")
        self.v25 = _totals("ES-11/7")
        self.v25us = _totals("ES-11/8")
        self.v14 = _totals("68/262")
        self.v22 = _totals("ES-11/1")
        self.v25kids = _totals("ES-11/9")
        res = ut.load_resolutions(include_procedural=False)
        self.max_yes = _totals(str(res.loc[res["yes"].idxmax(), "id"]))
        self.min_yes = _totals(str(res.loc[res["yes"].idxmin(), "id"]))
        t = ut.transitions("ES-11/1", "ES-11/7")
        left = t[(t["from_vote"] == "yes") & (t["to_vote"] != "yes")]
        left_yes = left.set_index("to_vote")["count"]
        self.left_yes_22_25 = {str(k): int(c) for k, c in left_yes.items()}
        self.series = ut.series()
        members = ut.load_members(include_observers=True)
        self.members = int((members["status"] == "member").sum())
        self.observers = int((members["status"] == "observer").sum())
        cov = ut.coverage().set_index("resolution")
        self.cov = cov
        c26 = cov.loc["2026"]
        self.known26 = int(c26["known"])
        self.unknown26 = int(c26["unknown"])
        self.known26_by = {
            v: int(c26[f"known_{v}"]) for v in ("yes", "no", "abstain", "non_voting")}
        conf = ut.load_votes("2026")
        self.derived26 = int((conf["confidence"] == "derived").sum())
        low = conf[conf["confidence"] == "low"]
        self.low26 = len(low)
        self.low26_names = sorted(low["name"].astype(str))
        derived_iso = set(conf.loc[conf["confidence"] == "derived", "iso3"].astype(str))
        assert derived_iso <= set(ut.group_members("EU")), derived_iso
        assert set(low["source_url"].astype(str)) == set(
            ut.load_conflicts("2026").query("iso3 == 'SYR'")["source_url"].astype(str))
        self.complete = [str(r) for r in cov.index[cov["status"] == "complete"]]
        self.partial = [str(r) for r in cov.index[cov["status"] == "partial"]]
        self.partial = [str(r) for r in cov.index[cov["status"] == "partial"]]
        votes26 = ut.load_votes("2026")
        self.against26 = sorted(votes26.loc[votes26["vote"] == "no", "name"].astype(str))
        self.statements = ut.load_statements().set_index("statement_id")
        self.paragraphs = ut.load_paragraphs()
        self.eu_members = len(ut.group_members("EU"))
        self.eu_cohesion = ut.cohesion("EU", "2026")
        asean = ut.group_table("2026", by=["ASEAN"]).iloc[0]

        @dataclass(frozen=True)
        class _Group:
            members: int
            known: int
            cohesion: float

        self.asean = _Group(int(asean["members"]),
                            int(asean[["yes", "no", "abstain", "non_voting"]].sum()),
                            float(asean["cohesion"]))
        # too few ASEAN votes are known in 2026: the package withholds the index (NaN)
        a = self.asean
        assert a.known < a.members / 2 and a.cohesion != a.cohesion  # NaN: withheld
        assert asean["cohesion_note"] == f"too few known ({a.known} of {a.members})"
        assert self.eu_cohesion == ut.cohesion("EU", "ES-11/7")
        # smallest number of no votes that defeats 107 yes, under each rule (notebook 01)
        self.defeat_simple = next(n for n in range(400) if not ut.passes(self.v26.yes, n))
        self.defeat_two_thirds = next(
            n for n in range(400) if not ut.passes(self.v26.yes, n, rule="two_thirds"))
        # what-if used in notebook 01: every abstainer votes no instead
        self.whatif_no = self.v26.no + self.v26.abstain
        self.checks()

    def checks(self) -> None:
        """Stop the build if the data no longer says what the prose says."""
        v = self.v26
        assert (v.yes, v.no, v.abstain, v.non_voting) == (107, 12, 51, 23), v
        assert v.members == self.members == 193
        assert (self.motion.yes, self.motion.no, self.motion.abstain) == (11, 69, 62)
        assert len(self.against26) == v.no
        assert votes_needed(v.present) == 60
        assert votes_needed(v.present, "two_thirds") == 80
        assert ut.passes(v.yes, self.whatif_no)
        assert not ut.passes(v.yes, self.whatif_no, rule="two_thirds")
        hist = {}
        for c in ("USA", "ISR", "HUN", "IDN", "SYR", "CHN", "IND"):
            h = ut.vote_history(c)
            hist[c] = dict(zip(h["resolution"], h["vote"].astype(str), strict=True))
        assert [hist["USA"][r] for r in ("ES-11/6", "ES-11/7", "ES-11/8", "ES-11/9", "2026")] == [
            "yes", "no", "abstain", "yes", "abstain"]
        assert [hist["ISR"][r] for r in ("ES-11/7", "ES-11/8", "ES-11/9", "2026")] == [
            "no", "abstain", "yes", "yes"]
        assert [hist["HUN"][r] for r in ("ES-11/7", "ES-11/8", "2026")] == [
            "no", "abstain", "abstain"]
        assert [hist["IDN"][r] for r in ("ES-11/7", "2026")] == ["yes", "abstain"]
        assert hist["SYR"]["2026"] == "unknown"
        assert [hist["SYR"][r] for r in ("ES-11/7", "ES-11/8", "ES-11/9")] == [
            "abstain", "abstain", "non_voting"]
        assert {hist["SYR"][r] for r in self.series[:7]} == {"no"}
        assert set(hist["IND"].values()) == {"abstain"}
        assert "2026" in self.partial and "ES-11/7" in self.complete
        left = self.left_yes_22_25
        assert left["abstain"] + left["non_voting"] > left["no"] + left["unknown"]

    def stmt(self, sid: str):
        return self.statements.loc[sid]


_FACTS: Facts | None = None


def facts() -> Facts:
    """The facts of the current build (read once, on first use)."""
    global _FACTS
    if _FACTS is None:
        _FACTS = Facts()
    return _FACTS


def reset_facts() -> None:
    """Forget the facts read so far (the next :func:`facts` call reads the data again)."""
    global _FACTS
    _FACTS = None


def quote(sid: str, who: bool = True) -> str:
    """A short attributed quotation from ``ut.load_statements()``, with its source.

    Only the ``quote`` field of a statement row is ever put in quotation marks.
    With ``who=False`` the speaker is left out (the sentence already names them).
    """
    row = facts().stmt(sid)
    text = str(row["quote"] or "")
    if not text:
        raise ValueError(f"statement {sid} has no recorded quotation")
    link = f"[source]({row['source_url']})"
    if str(row.get("quote_original") or ""):  # a translation: say so (data/README.md)
        link = f"our translation; {link}"
    if who:
        return f'"{text}" ({row["speaker"]}, {row["speaker_state"]}; {link})'
    return f'"{text}" ({link})'


def src(sid: str, label: str = "source") -> str:
    """A markdown link to a statement's source."""
    return f"[{label}]({facts().stmt(sid)['source_url']})"


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


