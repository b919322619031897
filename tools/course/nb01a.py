"""Notebook 01a · A pandas primer on the course's own data: its text and cells."""

from __future__ import annotations

import unga_teach as ut

from .cells import code, exercise, first_cell, md
from .facts import facts
from .series import footer, header

GLOSSARY = "../docs/glossary.md"


# ================================================= 01a · A pandas primer
def cells() -> list:
    F = facts()
    v = F.v26
    known = F.known26_by
    missing = {k: getattr(v, k) - known[k] for k in known}
    assert sum(missing.values()) == F.unknown26, (missing, F.unknown26)
    # the ASEAN self-check (01a-asean-new-case): few known votes, all of them abstentions
    votes = ut.load_votes("2026")
    asean = votes.loc[votes["iso3"].isin(ut.group_members("ASEAN")), "vote"].astype(str)
    asean_known = asean[asean != "unknown"]
    assert set(asean_known) == {"abstain"} and len(asean_known) < len(asean) / 2, asean
    return [
        *header("01a", "The pandas the rest of the course uses, tried on the 2026 vote.", [
            "pick columns and rows of a pandas DataFrame, with masks made by `==` and "
            "`.isin`;",
            "count rows with `.value_counts()` and `.groupby()`, and cross two columns "
            "with `pd.crosstab`;",
            "draw a bar chart with Altair in the course's vote colours;",
            "keep the `unknown` rows in every count, and tell the rows of the data from "
            "the official tally.",
        ]),
        first_cell(),
        md("frames", """
            ## A table is a DataFrame

            Every table in this course is a pandas **DataFrame**: rows and columns, like a
            spreadsheet. `ut.load_votes("2026")` has one row per member state. Run the cell
            (Shift+Enter): it prints the table's size (rows, columns), its column names
            and its first rows. `votes = ...` stores a value under a name, for later
            cells; text after `#` is a comment, not code.
            """),
        code("look", """
            import pandas as pd

            votes = ut.load_votes("2026")
            print("rows, columns:", votes.shape)
            print("columns:", list(votes.columns))
            ut.show_table(votes.head(), ["name", "vote", "confidence", "known"])
            """),
        md("columns", f"""
            `votes["vote"]` is one column, a **Series**; `votes[["name", "vote"]]` is a
            smaller table. A vote is `yes`, `no`, `abstain`, `non_voting` or
            [`unknown`]({GLOSSARY}#unknown): no source for that state's vote has been found
            yet, which is not the same as not voting. The `known` column is `True` on
            every other row.

            ## Choosing rows with a mask

            Predict first, then read on.
            """),
        code("quiz-mask", 'ut.self_check("01a-what-a-mask-is")'),
        md("mask", """
            `votes["vote"] == "no"` compares every row's vote with `"no"` (`==` compares,
            a single `=` assigns). The result is a **mask**; `votes[mask]` keeps the rows
            where it is `True`, and `mask.sum()` counts them, because `True` counts as 1.
            """),
        code("mask-no", """
            is_no = votes["vote"] == "no"
            print("states recorded as voting no:", is_no.sum())
            ut.show_table(votes[is_no], ["name", "vote", "confidence"], sort_by="name")
            """),
        md("isin", """
            To keep the rows that match *any* value of a list, use `.isin(list)`. Worked
            example: the votes of the five permanent members of the Security Council, by
            their ISO codes, counted with `.value_counts()` (`sort=False` keeps the order
            yes, no, abstain, non-voting, unknown).
            """),
        code("isin-p5", """
            p5 = ["CHN", "FRA", "GBR", "RUS", "USA"]
            in_p5 = votes["iso3"].isin(p5)
            p5_votes = votes[in_p5]["vote"].value_counts(sort=False)
            ut.show_table(p5_votes)
            """),
        md("ex-brics-task", f"""
            **Your turn.** `ut.group_members("BRICS")` gives the ISO codes of the members of
            the BRICS [bloc]({GLOSSARY}#bloc). Replace the `...`, run the cell and read the
            card.
            """),
        exercise("01a-brics-votes"),
        md("honest", """
            ## Counting honestly

            `value_counts()` counts the **rows of the data**, not the votes cast: the
            official tally is in `ut.load_resolutions()`. The next cell sets the two side
            by side; pandas pairs the numbers up by their labels (yes with yes, ...).
            """),
        code("rows-vs-official", """
            counts = votes["vote"].value_counts(sort=False)   # every row, unknown included
            t = ut.load_resolutions().set_index("id").loc["2026"]
            official = t[["yes", "no", "abstain", "non_voting"]].astype(int)
            table = pd.DataFrame({"rows in the data": counts, "official tally": official})
            table = table.reindex(list(ut.VOTE_ORDER)).astype("Int64")
            table["not in the data yet"] = table["official tally"] - table["rows in the data"]
            print("unknown rows:", counts["unknown"])
            print("official votes not in the data yet:", table["not in the data yet"].sum())
            ut.show_table(table.rename_axis("vote"))
            """),
        md("honest-read", f"""
            The data names {known['yes']} states as voting yes; the Assembly counted
            {v.yes}. Every no vote is known ({known['no']} of {v.no}), but {missing['yes']}
            yes votes, {missing['abstain']} abstentions and {missing['non_voting']}
            non-votes are not yet tied to a state: {F.unknown26} votes, exactly the
            {F.unknown26} `unknown` rows. The course's rule, in pandas:

            - keep the `unknown` rows in every count, and show them;
            - never drop rows silently: `votes[votes["known"]]` is a choice you state ("of
              the {F.known26} [known]({GLOSSARY}#known) votes, ...");
            - the result is the official tally; the rows tell who is known to have voted
              how.
            """),
        md("groupby", f"""
            ## Counting by group

            Each state's [regional group]({GLOSSARY}#regional-group) is in
            `ut.load_members()`. `merge` adds it to `votes`, matching rows on `iso3`: print
            the rows after it ({F.members} in, {F.members} out), as a key that does not
            match loses rows without an error. `.groupby("un_regional_group")` then splits
            the rows by group, and `.size()` counts each group's rows.
            """),
        code("groupby-size", """
            members = ut.load_members()[["iso3", "un_regional_group"]]
            votes = votes.merge(members, on="iso3")
            print("rows after the merge:", len(votes))
            ut.show_table(votes.groupby("un_regional_group").size().rename("member states"))
            """),
        md("ex-known-task", """
            **Your turn.** Count the *known* votes of each group: group the rows, pick the
            `known` column, add its `True` values up.
            """),
        exercise("01a-known-by-group"),
        md("crosstab", f"""
            ## Two columns at once: a crosstab

            `pd.crosstab(rows, columns)` counts the rows for each pair of values. Worked
            example: each vote's [confidence level]({GLOSSARY}#confidence-level) against
            the vote. Every unknown vote has confidence `none`.
            """),
        code("crosstab-confidence", """
            by_confidence = pd.crosstab(votes["confidence"], votes["vote"])
            ut.show_table(by_confidence)
            """),
        md("ex-crosstab-task", """
            **Your turn.** One row per regional group, one column per vote. Keep the
            unknown column: it shows where the record is thin.
            """),
        exercise("01a-group-crosstab"),
        md("chart", """
            ## A first chart

            An Altair chart names its data (`alt.Chart(frame)`), a mark (`mark_bar()`) and
            which column goes where (`encode`; `:N` marks a category, `:Q` a number). The
            course's colours are `ut.VOTE_COLORS`, in the order `ut.VOTE_ORDER`. Worked
            example: the rows of the data, `counts`. The grey unknown bar is the warning
            that this is not the result.
            """),
        code("chart-rows", """
            import altair as alt

            rows = counts.reset_index()   # two columns: vote and count
            colours = alt.Scale(domain=list(ut.VOTE_ORDER),
                                range=[ut.VOTE_COLORS[v] for v in ut.VOTE_ORDER])
            chart = alt.Chart(rows).mark_bar().encode(
                x=alt.X("vote:N", sort=list(ut.VOTE_ORDER)),
                y="count:Q",
                color=alt.Color("vote:N", scale=colours),
            ).properties(title="Rows of the data (not the result)")
            display(chart)
            """),
        md("ex-chart-task", """
            **Your turn.** Chart the official tally, the frame `official`, in the same
            colours.
            """),
        exercise("01a-official-chart"),
        md("checks", """
            ## Check your understanding

            A case this notebook does not show: write the code in the cell below (copy from
            the BRICS exercise), then answer.
            """),
        code("asean-cell", """
            # Your cell: keep the ASEAN members' rows, count their votes, print the counts
            asean = ut.group_members("ASEAN")
            """),
        code("quiz-asean", 'ut.self_check("01a-asean-new-case")'),
        *footer("01a", [
            '`frame["col"]` picks a column; `frame[mask]` keeps the rows where the mask is '
            "`True`; `==` and `.isin([...])` make masks, and `.sum()` counts their `True`.",
            "`.value_counts()`, `.groupby(...)` and `pd.crosstab(rows, columns)` count "
            "rows: keep the `unknown` rows in, and never drop rows without saying so.",
            f"The rows of the data are not the official tally: {F.known26} of {F.members} "
            f"votes are known, and the result is {v.result}.",
            "`alt.Chart(frame).mark_bar().encode(x=..., y=..., color=...)` draws bars; "
            "`ut.VOTE_COLORS` and `ut.VOTE_ORDER` give the course's colours.",
        ]),
    ]
