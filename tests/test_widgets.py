"""The widget builders, driven as a learner would: set ``.value``, call ``.click()``.

No kernel is needed: observers and on_click handlers run in plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pandas as pd
import pytest

import unga_teach as ut
import unga_teach.analysis
import unga_teach.paragraphs
import unga_teach.statements
import unga_teach.votes
from unga_teach.errors import UngaTeachError
from unga_teach.widgets import (
    CountryExplorer,
    GroupExplorer,
    MajorityCalculator,
    ParagraphExplorer,
    VoteComparer,
    country_explorer,
    group_explorer,
    majority_calculator,
    paragraph_explorer,
    vote_comparer,
)

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def descendants(w: widgets.Widget) -> Iterator[widgets.Widget]:
    yield w
    for child in getattr(w, "children", ()):
        yield from descendants(child)


def all_html(w: widgets.Widget) -> str:
    return "\n".join(d.value for d in descendants(w) if isinstance(d, widgets.HTML))


def no_raw_script(w: widgets.Widget) -> bool:
    return "<script" not in all_html(w).lower()


# ------------------------------------------------------------------- all builders
BUILDERS = [
    (country_explorer, CountryExplorer),
    (group_explorer, GroupExplorer),
    (paragraph_explorer, ParagraphExplorer),
    (majority_calculator, MajorityCalculator),
    (vote_comparer, VoteComparer),
]


@pytest.mark.parametrize(("builder", "cls"), BUILDERS)
def test_builders_return_a_vbox_and_never_display(
    builder: Any, cls: type, capsys: pytest.CaptureFixture[str]
) -> None:
    w = builder()
    assert isinstance(w, widgets.VBox) and isinstance(w, cls)
    assert w.error_html.value == ""
    assert w.error_html in list(descendants(w))
    out = capsys.readouterr()
    assert out.out == ""


@pytest.mark.parametrize(
    "name",
    ["country_explorer", "group_explorer", "paragraph_explorer", "majority_calculator",
     "vote_comparer"],
)
def test_builders_are_exported(name: str) -> None:
    assert callable(getattr(ut, name))


# -------------------------------------------------------------- country_explorer
def test_country_explorer_starts_on_a_state_with_a_known_2026_vote() -> None:
    w = country_explorer()
    assert w.country.value == "Ghana" and w.iso3 == "GHA"
    html = w.result_html.value
    assert "<h3>Ghana (GHA)</h3>" in html
    assert "Support for lasting peace in Ukraine" in html
    assert "UN regional group: <b>African States</b>" in html
    assert w.history is not None and len(w.history) == len(ut.series())
    last = w.history.set_index("resolution").loc["2026"]
    assert str(last["vote"]) != "unknown" and str(last["confidence"]) != "none"
    assert "Ghana" in w.country.options


def test_country_explorer_can_still_open_on_ukraine() -> None:
    w = country_explorer("Ukraine")
    assert w.country.value == "Ukraine" and w.iso3 == "UKR"
    assert "<h3>Ukraine (UKR)</h3>" in w.result_html.value
    assert "UN regional group: <b>Eastern European States</b>" in w.result_html.value


@pytest.mark.parametrize(
    ("typed", "name", "iso3"),
    [("Turkey", "Türkiye", "TUR"), ("UK", "United Kingdom of Great Britain and Northern Ireland",
                                    "GBR"),
     ("fra", "France", "FRA"), ("  ivory coast ", "Côte d'Ivoire", "CIV")],
)
def test_country_explorer_accepts_common_names(typed: str, name: str, iso3: str) -> None:
    w = country_explorer(None)
    assert w.result_html.value == ""
    w.country.value = typed
    assert w.iso3 == iso3
    assert w.country.value == name  # the box shows the UN name
    assert f"({iso3})</h3>" in w.result_html.value
    assert w.error_html.value == ""


def test_country_explorer_unknown_text_suggests_close_matches() -> None:
    w = country_explorer()
    w.country.value = "Frnace"
    msg = w.error_html.value
    assert "No state matches &#x27;Frnace&#x27;." in msg
    assert "Did you mean France?" in msg
    assert w.result_html.value == "" and w.iso3 is None
    w.country.value = "Germany"  # a good name clears the message
    assert w.error_html.value == "" and w.iso3 == "DEU"


def test_country_explorer_unknown_text_without_suggestions() -> None:
    w = country_explorer("qqqqqqqqqq")
    assert "No state matches" in w.error_html.value
    assert "Did you mean" not in w.error_html.value
    assert w.result_html.value == ""


def test_country_explorer_unknown_text_is_escaped() -> None:
    w = country_explorer(SCRIPT)
    assert "No state matches" in w.error_html.value
    assert no_raw_script(w)


def test_country_explorer_empty_text_clears() -> None:
    w = country_explorer()
    w.country.value = "   "
    assert w.result_html.value == "" and w.iso3 is None and w.error_html.value == ""


def test_country_explorer_observer_state_cannot_vote() -> None:
    w = country_explorer("Holy See")
    assert w.iso3 == "VAT"
    assert "cannot vote" in w.result_html.value
    assert w.error_html.value == ""


def test_country_explorer_shows_unknown_votes_as_unknown() -> None:
    votes = ut.load_votes()
    iso3 = str(votes.loc[votes["vote"] == "unknown", "iso3"].iloc[0])
    w = country_explorer(iso3)
    assert "unknown — no source found" in w.result_html.value
    assert "no source found</td>" in w.result_html.value


def test_country_explorer_vote_badges_have_text_labels() -> None:
    w = country_explorer("Russia")
    assert re.search(r'ut-vote-no"[^>]*>No</span>', w.result_html.value)


def test_country_explorer_groups_and_statements() -> None:
    w = country_explorer("United States")
    html = w.result_html.value
    assert "NATO" in html and "G7" in html
    assert "<h4>Statements</h4>" in html
    st = ut.load_statements()
    quote = st.loc[(st["speaker_iso3"] == "USA") & (st["quote"] != ""), "quote"].iloc[0]
    assert f"“{quote}”" in html.replace("&#x27;", "'")
    assert "summary in our words" in html


def test_country_explorer_without_statements_says_so() -> None:
    st = ut.load_statements()
    members = ut.load_members()
    silent = sorted(set(members["iso3"]) - set(st["speaker_iso3"].dropna()))[0]
    w = country_explorer(silent)
    assert "No statement by" in w.result_html.value


def fake_statements() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["S999"],
        "date": [pd.Timestamp("2026-02-24")],
        "resolution": ["2026"],
        "speaker_state": [SCRIPT],
        "speaker_iso3": ["FRA"],
        "speaker": [SCRIPT],
        "role": [SCRIPT],
        "vote_cast": [SCRIPT],
        "themes": [("charter",)],
        "summary": [SCRIPT],
        "quote": [SCRIPT],
        "source_url": ["javascript:alert(1)"],
        "note": [SCRIPT],
    })


def test_country_explorer_escapes_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unga_teach.statements, "load_statements", lambda *a, **k: fake_statements())
    w = country_explorer("France")
    html = w.result_html.value
    assert w.error_html.value == ""
    assert no_raw_script(w)
    assert html.count(ESCAPED) >= 4  # speaker, role, summary, quote (+ state, vote)
    assert f"“{ESCAPED}”" in html
    assert 'href="javascript' not in html


def test_country_explorer_escapes_vote_data(monkeypatch: pytest.MonkeyPatch) -> None:
    real = unga_teach.analysis.vote_history

    def history(country: object) -> pd.DataFrame:
        h = real(country)
        h["title"] = SCRIPT
        h["source_url"] = 'https://example.org/"><script>alert(1)</script>'
        return h

    monkeypatch.setattr(unga_teach.analysis, "vote_history", history)
    w = country_explorer("France")
    assert ESCAPED in w.result_html.value
    assert no_raw_script(w)


def test_country_explorer_callback_error_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(country: object) -> pd.DataFrame:
        raise RuntimeError("data broke <b>here</b>")

    w = country_explorer()
    monkeypatch.setattr(unga_teach.analysis, "vote_history", boom)
    w.country.value = "France"  # must not raise
    msg = w.error_html.value
    assert "Something went wrong" in msg and "RuntimeError" in msg
    assert "&lt;b&gt;here&lt;/b&gt;" in msg and "<b>here" not in msg
    assert isinstance(w.last_error, RuntimeError)


def test_country_explorer_package_error_shows_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def bad(country: object) -> pd.DataFrame:
        raise UngaTeachError("votes.csv, line 3: vote 'maybe' is not accepted.")

    monkeypatch.setattr(unga_teach.analysis, "vote_history", bad)
    w = country_explorer("France")
    assert "vote &#x27;maybe&#x27; is not accepted" in w.error_html.value
    assert "Something went wrong" not in w.error_html.value


# ---------------------------------------------------------------- group_explorer
def test_group_explorer_counts_every_member() -> None:
    w = group_explorer()
    assert w.group.value == "EU" and w.resolution.value == "2026"
    assert int(w.counts["count"].sum()) == 27
    assert list(w.counts["vote"]) == ["yes", "no", "abstain", "non_voting", "unknown"]
    assert "how its 27 members voted on 2026" in w.result_html.value
    assert w.members_html.value.count("<tr>") == 27 + 1
    assert w.cohesion_value is not None
    assert f"{w.cohesion_value:.2f}" in w.result_html.value


def test_group_explorer_matches_the_data() -> None:
    w = group_explorer("nato", "ES-11/7")
    votes = ut.load_votes("ES-11/7")
    members = ut.group_members("NATO")
    expected = votes[votes["iso3"].isin(members)]["vote"].astype(str).value_counts()
    got = w.counts.set_index("vote")["count"]
    for vote in ut.VOTE_ORDER:
        assert got[vote] == expected.get(vote, 0)
    assert w.cohesion_value == pytest.approx(ut.cohesion("NATO", "ES-11/7"))


def test_group_explorer_updates_on_change() -> None:
    w = group_explorer()
    w.group.value = "G7"
    assert int(w.counts["count"].sum()) == 7
    assert "how its 7 members" in w.result_html.value
    w.group.value = "African States"
    assert int(w.counts["count"].sum()) == 54
    w.resolution.value = "ES-11/1"
    assert "voted on ES-11/1" in w.result_html.value
    assert w.error_html.value == ""


def test_group_explorer_shows_unknown_votes() -> None:
    w = group_explorer("African States", "2026")
    n_unknown = int(w.counts.set_index("vote").loc["unknown", "count"])
    assert "Unknown (no source)" in w.result_html.value
    assert w.members_html.value.count(">unknown — no source found</span>") == n_unknown


def test_group_explorer_rejects_bad_arguments() -> None:
    with pytest.raises(UngaTeachError, match="Unknown group 'XYZ'"):
        group_explorer("XYZ")
    with pytest.raises(UngaTeachError, match="procedural"):
        group_explorer("EU", "2026-division")
    with pytest.raises(UngaTeachError):
        group_explorer("EU", "ES-11/99")


def test_group_explorer_escapes_names(monkeypatch: pytest.MonkeyPatch) -> None:
    real = unga_teach.votes.load_votes

    def votes(resolution: object = None) -> pd.DataFrame:
        v = real(resolution)
        v["name"] = v["name"].astype(object)
        v.loc[v["iso3"] == "FRA", "name"] = SCRIPT
        return v

    monkeypatch.setattr(unga_teach.votes, "load_votes", votes)
    w = group_explorer("EU")
    assert ESCAPED in w.members_html.value
    assert no_raw_script(w)


def test_group_explorer_callback_error_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    w = group_explorer()

    def boom(resolution: object = None) -> pd.DataFrame:
        raise KeyError("iso3")

    monkeypatch.setattr(unga_teach.votes, "load_votes", boom)
    w.group.value = "G7"
    assert "Something went wrong" in w.error_html.value
    monkeypatch.undo()
    w.group.value = "NATO"
    assert w.error_html.value == ""
    assert int(w.counts["count"].sum()) == len(ut.group_members("NATO"))


def test_group_explorer_cohesion_failure_keeps_the_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(group: str, resolution: object = "2026") -> float:
        raise RuntimeError("no cohesion")

    monkeypatch.setattr(unga_teach.analysis, "cohesion", boom)
    w = group_explorer()
    assert "Cohesion: not available (no cohesion)" in w.result_html.value
    assert int(w.counts["count"].sum()) == 27 and w.cohesion_value is None


# ------------------------------------------------------------ paragraph_explorer
def test_paragraph_explorer_walks_the_text() -> None:
    paras = ut.load_paragraphs()
    ids = paras["paragraph_id"].tolist()
    w = paragraph_explorer()
    assert w.paragraph.value == ids[0]
    assert w.prev_button.disabled and not w.next_button.disabled
    assert f"Paragraph 1 of {len(ids)}" in w.position_html.value
    seen = [w.paragraph.value]
    for _ in range(len(ids) + 2):  # clicking past the end does nothing
        w.next_button.click()
        if w.paragraph.value != seen[-1]:
            seen.append(w.paragraph.value)
    assert seen == ids
    assert w.next_button.disabled and not w.prev_button.disabled
    w.prev_button.click()
    assert w.paragraph.value == ids[-2]
    w.paragraph.value = ids[0]
    assert w.prev_button.disabled


def test_paragraph_explorer_shows_the_motion_for_targeted_paragraphs() -> None:
    paras = ut.load_paragraphs()
    targeted = paras.loc[paras["targeted_by_us_motion"], "paragraph_id"].tolist()
    other = paras.loc[~paras["targeted_by_us_motion"], "paragraph_id"].iloc[0]
    w = paragraph_explorer()
    for pid in targeted:
        w.paragraph.value = pid
        html = w.result_html.value
        assert "US motion for division: targeted." in html
        assert "11 in favour, 69 against, 62 abstaining" in html
    w.paragraph.value = other
    assert "not targeted" in w.result_html.value
    assert "was rejected" in w.result_html.value


def test_paragraph_explorer_quotes_reported_wording_with_its_source() -> None:
    paras = ut.load_paragraphs()
    row = paras[paras["reported_wording"] != ""].iloc[0]
    w = paragraph_explorer(row["paragraph_id"])
    html = w.result_html.value.replace("&#x27;", "'")
    assert f"“{row['reported_wording']}”" in html
    assert f'href="{row["wording_source_url"]}"' in html
    row = paras[paras["reported_wording"] == ""].iloc[0]
    w.paragraph.value = row["paragraph_id"]
    assert "no source found quotes this paragraph" in w.result_html.value


def test_paragraph_explorer_compares_with_es11_7() -> None:
    paras = ut.load_paragraphs()
    row = paras[paras["compare_es11_7"] != ""].iloc[0]
    w = paragraph_explorer(row["paragraph_id"])
    assert "Compared with ES-11/7" in w.result_html.value
    assert "Elements of ES-11/7" in w.es11_7_html.value


def test_paragraph_explorer_rejects_unknown_start() -> None:
    with pytest.raises(UngaTeachError, match="Unknown paragraph"):
        paragraph_explorer("OP99")


def test_paragraph_explorer_escapes_data(monkeypatch: pytest.MonkeyPatch) -> None:
    real = unga_teach.paragraphs.load_paragraphs

    def paras(resolution: str | None = "2026") -> pd.DataFrame:
        p = real(resolution).astype({"summary": object, "reported_wording": object,
                                     "wording_source_url": object, "note": object})
        p["summary"] = SCRIPT
        p["reported_wording"] = SCRIPT
        p["wording_source_url"] = "javascript:alert(1)"
        p["note"] = SCRIPT
        return p

    monkeypatch.setattr(unga_teach.paragraphs, "load_paragraphs", paras)
    w = paragraph_explorer()
    assert ESCAPED in w.result_html.value
    assert 'href="javascript' not in w.result_html.value
    assert no_raw_script(w)


# ----------------------------------------------------------- majority_calculator
def test_majority_calculator_starts_with_the_2026_vote() -> None:
    w = majority_calculator()
    assert (w.yes.value, w.no.value, w.abstain.value) == (107, 12, 51)
    assert "Non-voting: <b>23</b>" in w.non_voting_html.value
    assert w.simple_passes and w.two_thirds_passes
    assert "a simple majority needs 60" in w.verdict.value
    assert "a two-thirds majority needs 80" in w.verdict.value


def test_majority_calculator_updates_on_every_change() -> None:
    w = majority_calculator(80, 40, 0)
    assert w.two_thirds_passes  # exactly two thirds
    w.yes.value = 79
    assert w.simple_passes and not w.two_thirds_passes
    assert "✗ not adopted" in w.verdict.value
    w.no.value = 79
    assert not w.simple_passes and "A tie is a rejection" in w.verdict.value
    w.abstain.value = 10
    assert "Non-voting: <b>25</b>" in w.non_voting_html.value


def test_majority_calculator_keeps_an_impossible_total_and_says_why() -> None:
    # issue 17: 107 no against 107 yes is what the simple rule needs, but only
    # 193 - 107 = 86 states are left: keep what the learner typed, explain, no verdict
    w = majority_calculator(predict=True)
    w.abstain.value = 0
    w.no.value = 107
    assert (w.yes.value, w.no.value, w.abstain.value) == (107, 107, 0)
    assert w.impossible
    notice = w.notice_html.value
    assert "cannot happen" in notice and "107 yes + 107 no + 0 abstaining = 214" in notice
    assert "only 86 states are left" in notice
    w.check_button.click()  # pressing Show result gives no verdict for impossible numbers
    assert w.simple_passes is None and w.two_thirds_passes is None
    assert "adopted" not in w.verdict.value
    assert "none possible" in w.non_voting_html.value
    w.no.value = 86  # a possible number clears the notice; the prediction waits again
    assert not w.impossible and w.notice_html.value == "" and w.no.value == 86
    w.check_button.click()
    assert w.simple_passes and not w.two_thirds_passes
    assert "Non-voting: <b>0</b>" in w.non_voting_html.value


def test_majority_calculator_never_changes_a_typed_number() -> None:
    w = majority_calculator()
    w.no.value = 100  # 107 + 100 + 51 = 258: kept (the old widget silently set 35)
    assert w.no.value == 100 and w.impossible
    assert "258" in w.notice_html.value and "set to" not in w.notice_html.value
    assert w.simple_passes is None and "adopted" not in w.verdict.value
    w.abstain.value = 0
    w.yes.value = 93  # 93 + 100 + 0 = 193: possible again
    assert not w.impossible and w.notice_html.value == ""
    assert (w.yes.value, w.no.value, w.abstain.value) == (93, 100, 0)
    assert w.simple_passes is False and "Non-voting: <b>0</b>" in w.non_voting_html.value


def test_majority_calculator_zero_votes() -> None:
    w = majority_calculator(0, 0, 0)
    assert not w.simple_passes and not w.two_thirds_passes
    assert "Non-voting: <b>193</b>" in w.non_voting_html.value


@pytest.mark.parametrize(
    "args", [(-1, 0, 0), (100, 100, 0), (1.5, 0, 0), (True, 0, 0), ("107", 12, 51)]
)
def test_majority_calculator_rejects_bad_starting_values(args: tuple[Any, ...]) -> None:
    with pytest.raises(UngaTeachError):
        majority_calculator(*args)


def test_majority_calculator_callback_error_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    w = majority_calculator()

    def boom(*args: Any, **kwargs: Any) -> bool:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(unga_teach.analysis, "passes", boom)
    w.yes.value = 100
    assert "ZeroDivisionError" in w.error_html.value


# ------------------------------------------------------------------ vote_comparer
def test_vote_comparer_shows_the_transitions() -> None:
    w = vote_comparer()
    assert (w.res_a.value, w.res_b.value) == ("ES-11/7", "2026")
    assert int(w.table["count"].sum()) == 193
    html = w.table_html.value
    assert "How states moved from ES-11/7 to 2026" in html
    assert '<th scope="col">Vote on ES-11/7</th>' in html
    expected = ut.transitions("ES-11/7", "2026")
    changed = expected[(expected["from_vote"] != expected["to_vote"])
                       & (expected["from_vote"] != "unknown") & (expected["to_vote"] != "unknown")]
    assert f"<b>{int(changed['count'].sum())}</b> states changed position" in html


def test_vote_comparer_lists_state_names() -> None:
    w = vote_comparer("ES-11/1", "ES-11/7")
    t = w.table
    row = t[(t["from_vote"] == "no") & (t["to_vote"] == "no")]
    assert "RUS" in row["states"].iloc[0]
    assert "Russian Federation" in w.table_html.value


def test_vote_comparer_updates_on_change() -> None:
    w = vote_comparer()
    w.res_a.value = "ES-11/1"
    assert "from ES-11/1 to 2026" in w.table_html.value
    assert int(w.table["count"].sum()) == 193
    w.res_b.value = "ES-11/1"
    assert "same vote" in w.table_html.value


def test_vote_comparer_keeps_the_chart() -> None:
    pytest.importorskip("unga_teach.charts")
    import altair as alt

    w = vote_comparer()
    assert isinstance(w.chart, alt.TopLevelMixin)
    assert isinstance(w.chart_output, widgets.Output)
    assert w.chart_output.outputs == ()  # nothing drawn outside a kernel
    first = w.chart
    w.res_a.value = "ES-11/1"
    assert w.chart is not first
    assert "ES-11/1" in str(w.chart.to_dict()["title"])


def test_vote_comparer_chart_failure_keeps_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    charts = pytest.importorskip("unga_teach.charts")

    def boom(a: object, b: object) -> None:
        raise ValueError("no chart")

    monkeypatch.setattr(charts, "shift_chart_spec", boom)
    w = vote_comparer()
    assert w.chart is None
    assert "could not be drawn" in w.error_html.value
    assert "How states moved" in w.table_html.value


def test_vote_comparer_callback_error_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    w = vote_comparer()

    def boom(a: object, b: object) -> pd.DataFrame:
        raise RuntimeError("transitions <i>failed</i>")

    monkeypatch.setattr(unga_teach.analysis, "transitions", boom)
    w.res_b.value = "ES-11/6"
    assert "&lt;i&gt;failed&lt;/i&gt;" in w.error_html.value
    assert w.table is None


def test_vote_comparer_rejects_the_procedural_motion() -> None:
    with pytest.raises(UngaTeachError, match="procedural"):
        vote_comparer("2026-division", "2026")


@pytest.mark.parametrize(
    ("builder", "css"),
    [
        (lambda: ut.country_explorer(), "ut-country-explorer"),
        (lambda: ut.group_explorer(), "ut-group-explorer"),
        (lambda: ut.paragraph_explorer(), "ut-paragraph-explorer"),
        (lambda: ut.majority_calculator(), "ut-majority-calculator"),
        (lambda: ut.vote_comparer(), "ut-vote-comparer"),
        (lambda: ut.quiz("Q?", ["a", "b"], "a", "because"), "ut-quiz"),
    ],
)
def test_widgets_carry_stable_css_hooks(builder: Any, css: str) -> None:
    assert css in builder()._dom_classes


# ------------------------------------------------- predictions wait for the learner
def test_majority_calculator_in_predict_mode_hides_the_verdict_until_show() -> None:
    w = majority_calculator(predict=True)
    assert w.predict and not w.revealed
    assert w.simple_passes is None and w.two_thirds_passes is None
    text = all_html(w)
    assert "adopted" not in text and "needs 60" not in text and "needs 80" not in text
    assert "Show result" in w.verdict.value  # says what to do instead
    w.abstain.value = 0
    w.no.value = 54  # the prediction for the two-thirds rule
    assert w.simple_passes is None and "adopted" not in w.verdict.value
    w.check_button.click()
    assert w.revealed and w.simple_passes and not w.two_thirds_passes
    assert "✗ not adopted" in w.verdict.value
    w.no.value = 53  # a new prediction hides the old verdict again
    assert not w.revealed and w.two_thirds_passes is None
    assert "adopted" not in w.verdict.value
    w.check_button.click()
    assert w.two_thirds_passes


def test_majority_calculator_reset_restores_the_initial_state() -> None:
    for predict in (False, True):
        w = majority_calculator(predict=predict)
        before = (w.yes.value, w.no.value, w.abstain.value, w.verdict.value,
                  w.non_voting_html.value, w.notice_html.value, w.simple_passes,
                  w.two_thirds_passes, w.revealed)
        w.no.value = 100  # impossible (258 > 193): kept, with a notice
        w.yes.value = 3
        w.check_button.click()
        assert w.notice_html.value or w.verdict.value != before[3]
        w.reset_button.click()
        after = (w.yes.value, w.no.value, w.abstain.value, w.verdict.value,
                 w.non_voting_html.value, w.notice_html.value, w.simple_passes,
                 w.two_thirds_passes, w.revealed)
        assert after == before, predict
        assert w.error_html.value == ""
    assert w.reset_button.description == "Reset to 107-12-51"


def test_majority_calculator_show_button_only_in_predict_mode() -> None:
    assert majority_calculator().check_button.layout.display == "none"
    assert majority_calculator(predict=True).check_button.layout.display != "none"


# ------------------------------------------------------ "unknown" and confidence
def test_country_explorer_says_how_sure_each_vote_is_and_what_unknown_means() -> None:
    w = country_explorer("Ukraine")
    hist = w.history
    assert hist is not None and (hist["vote"].astype(str) == "unknown").any()
    html = w.result_html.value
    assert html.count("ut-unknown-rule") == 1  # one plain line, not one per row
    assert "no published source gives this state&#x27;s vote yet" in html
    assert "the course never guesses (see data/README.md)" in html
    assert html.count("ut-confidence-key") == 1  # the words explained once, under the table
    for level in hist["confidence"].astype(str):
        if level != "none":
            assert f"<td>{level}</td>" in html  # one short word per row
            assert f"{level} = " in html  # ... explained in the key
    assert "no source = the vote is unknown" in html
    assert ">none<" not in html and "not_located" not in html  # no raw codes
    assert "24\u00a0Feb\u00a02026" in html  # dates never break over two lines


def test_country_explorer_without_unknown_votes_has_no_unknown_line() -> None:
    votes = ut.load_votes()
    unknown = set(votes.loc[votes["vote"] == "unknown", "iso3"].astype(str))
    iso3 = next(c for c in votes["iso3"].astype(str) if c not in unknown)
    w = country_explorer(iso3)
    assert "ut-unknown-rule" not in w.result_html.value
    assert "How sure" in w.result_html.value


def test_vote_comparer_says_how_sure_the_votes_are() -> None:
    w = vote_comparer("ES-11/7", "2026")
    html = w.table_html.value
    assert "How sure" in html and "ES-11/7: " in html and "no source" in html
    assert html.count("ut-unknown-rule") == 1
    w.res_b.value = "ES-11/6"  # two complete records: nothing unknown
    assert "ut-unknown-rule" not in w.table_html.value


def test_group_explorer_says_what_unknown_means() -> None:
    w = group_explorer("AU", "2026")
    assert w.members_html.value.count("ut-unknown-rule") == 1
    w.resolution.value = "ES-11/7"
    assert "ut-unknown-rule" not in w.members_html.value


# ------------------------------------------------------------------ accessibility
@pytest.mark.parametrize("builder", [
    lambda: ut.country_explorer(), lambda: ut.group_explorer(), lambda: ut.paragraph_explorer(),
    lambda: ut.majority_calculator(), lambda: ut.majority_calculator(predict=True),
    lambda: ut.vote_comparer(), lambda: ut.self_check("03"), lambda: ut.self_check("04"),
])
def test_every_control_has_a_label_and_every_button_text(builder: Any) -> None:
    w = builder()
    controls = [d for d in descendants(w) if isinstance(d, widgets.DOMWidget)
                and not isinstance(d, widgets.HTML | widgets.Box | widgets.Output)]
    assert controls
    for c in controls:
        assert str(getattr(c, "description", "")).strip(), f"{type(c).__name__} has no label"


def test_calculator_verdict_does_not_wrap() -> None:
    """"✓ adopted" stays on one line next to its rule (issue 21)."""
    w = ut.majority_calculator()
    assert '<b style="white-space:nowrap">✓ adopted</b>' in w.verdict.value


def test_widget_text_is_single_spaced() -> None:
    """ipywidgets gives HTML widgets a 28-px line height; the text overrides it."""
    from unga_teach.widget_text import TEXT_START

    for w in (ut.majority_calculator().verdict, ut.country_explorer().result_html):
        assert w.value.startswith(TEXT_START) and "line-height:1.45" in w.value
