"""Notebook 06 · Sources and evidence: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md, under_the_hood
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# ==================================================== 06 · Sources and evidence
def cells() -> list:
    F = facts()
    v = F.v26
    return [
        *header("06", "Official records, press reports, and how to weigh them.", [
            "distinguish the official record of a vote from press reports of it, and rank "
            "sources by how much weight they can bear;",
            "explain how the course settled conflicting claims, with examples;",
            "judge whether a source is fit for a particular claim, beyond its tier;",
            "count and select sources, confidence levels and conflicts with pandas;",
            "describe what the 2026 record covers and how the official UN data would "
            "complete it;",
            "assess a press report against the data.",
        ]),
        first_cell(),
        md("record", f"""
            ## The official record and the press

            The record of a recorded vote starts on the **board in the hall**, which shows
            each delegation's button. The UN then publishes it: the meeting record, a press
            release the same day whose annex lists every state's vote, and, months later,
            the UN Digital Library's *General Assembly Voting Data*, a downloadable table
            of every recorded vote since 1946. (Strictly, the press releases are marked as
            not being official records, but they come from the UN itself; the course puts
            them, UN News and UN documents in its top tier.)

            For the 2026 vote, the totals ({v.result}, {v.non_voting} not voting) come from
            UN News, the UN press release and several wire agencies, and they agree. The
            **per-country list** was not available: the annex was not found, and the Voting
            Data had not yet been updated to include February 2026. The course therefore
            builds the list from **press reports** that name individual states, and marks
            everyone else as unknown.
            """),
        md("tiers", """
            ## Source tiers

            Not every source deserves the same trust. The course ranks them in
            [source tiers](../docs/glossary.md#source-tier):

            1. **un_record**: UN documents, press releases and UN News, on a UN site.
            2. **un_record_copy**: a UN record as copied by someone else, for example a
               public data set that reproduces the UN Digital Library's voting records.
               It carries the UN's content, but a copy can contain copying errors.
            3. **wire_agency**: Reuters, AP, AFP, EFE, Kyodo, PTI and similar, which report
               from the hall or from the board.
            4. **government**: a state's own statements about its own vote.
            5. **media**: national newspapers and broadcasters.
            6. **other**: everything else, used only with care and never alone for a
               disputed fact.

            A source lower on this list never overrides one higher up.

            **Predict before you read on:** the tier says how much weight a source can bear
            *in general*. Is the highest tier always the best source for any claim?
            """),
        code("quiz-fit", 'ut.self_check("06-fit-for-claim")'),
        md("fitness", """
            ## Fit for the claim

            A tier is a starting point, not a verdict. Before you lean on a source, ask
            three more questions:

            - **Fit for this claim.** Was the source in a position to know *this*? The UN's
              meetings coverage summarises every speaker in the hall, so it is the best
              witness of what was said; the voting board is the best witness of who
              pressed which button; a foreign ministry is the best witness of its own
              government's *announced* position, and of little else.
            - **Interest.** Does the source gain from one answer? A state's own agency
              reporting its government's speech may be accurate and still frame it.
              Ukrinform (Ukraine) and TASS (Russia) are both in the course's
              `wire_agency` tier, because they report from the hall, but they are **state
              agencies of the two parties**: not Reuters or AFP, which have no stake.
              Use them for what their governments said, and check their framing of
              everything else.
            - **Closeness.** How many hands did the fact pass through? A reporter reading
              the board is one step away; an article summarising other articles is
              several; an encyclopedia is further still.

            The weakest sources a learner meets first in this course are worth naming.
            The list of the 12 against rests on a photo of the voting board posted by
            Ukraine's foreign minister, as published by *Yevropeiska Pravda*
            (eurointegration.com.ua), with Reuters' total of 12 as a check; the 23
            `derived` EU votes rest on one report (*EVA Daily*) that Hungary was the only
            EU member not to vote yes; Slovakia's yes appears in a list by *Charter 97*,
            but the stronger evidence is the Slovak wire agency TASR's report of the
            ministry's announcement; and the February 2025 comparison leans on a
            Wikipedia list, which the UN voting record (read through a public copy)
            confirms vote by vote. Each is usable; none should be read as if it were the
            UN's own record.

            **Your turn.** Count the course's sources by tier. The cell starts with a worked
            example on another column.
            """),
        exercise("06-sources-by-tier"),
        md("confidence", """
            Each vote row also carries a **[confidence level](../docs/glossary.md#confidence-level)**, best first:

            - `official`: read from a UN record (a press release, or the official file);
            - `confirmed`: the UN's voting record as reproduced by a third party, or a
              complete list that independent sources agree on and that matches the totals;
            - `reported`: stated by one credible source (an agency, a ministry, the media);
            - `derived`: worked out from complete lists and the official totals, or from a
              source's general statement; the row's note says how;
            - `low`: a single low-tier source with known errors, kept but unsettled;
            - `disputed`: sources disagree and none outranks the others;
            - `none`: no source at all, so the vote is unknown.

            The full rule, with an example of each level, is in
            [How we decide what a vote was](../data/README.md#how-we-decide-what-a-vote-was).
            Run the cell for the 2026 vote.
            """),
        code("confidence-2026", """
            confidence_counts = ut.load_votes("2026")["confidence"].value_counts(sort=False)
            ut.show_table(confidence_counts, {"confidence": "Confidence", "count": "States"})
            """),
        md("confidence-read", f"""
            The {F.derived26} `derived` rows are EU members: a report that Hungary was the
            only EU member not to vote yes puts the others among the yes votes. The
            {F.low26} `low` rows ({", ".join(F.low26_names)}) rest on a single report whose
            list of votes contains proven errors, as the next section shows. Look at them:
            """),
        code("low-2026", """
            votes = ut.load_votes("2026")
            low = votes[votes["confidence"] == "low"]
            ut.show_table(low, {"name": "State", "vote": "Vote", "source_url": "Source",
                                "note": "Note"})
            """),
        md("weak-task", """
            **Your turn.** Which states' 2026 votes rest on the weakest grounds the course
            accepts, `derived` or `low`? The worked example in the cell selects one level
            with `==`; for two levels, use `.isin([...])`.
            """),
        exercise("06-weak-rows-2026"),
        md("conflicts", """
            ## When sources disagree

            Sources sometimes contradict each other. The course keeps every
            [conflicting claim](../docs/glossary.md#conflicting-claim) it found, with its source and how it was settled. Here are those about
            the 2026 vote:
            """),
        code("conflicts-2026", """
            labels = {"country": "State", "claim": "Claim", "outcome": "Outcome",
                      "recorded_vote": "Vote recorded", "assessment": "How it was settled",
                      "source_url": "Source of the claim"}
            ut.show_table(ut.load_conflicts("2026"), labels,
                          caption="Conflicting claims about the 2026 vote")
            """),
        md("conflicts-read", f"""
            Two cases show the method:

            - **Syria "against".** One report listed Syria among the states voting against.
              Every other list of the {v.no} against, read from the voting board, omits
              Syria, and adding it would make {v.no + 1}, not the official {v.no}. The claim is
              rejected. Syria's actual 2026 vote is still **unknown**: rejecting a claim
              does not tell us the truth, only what it is not. (Syria voted against every
              text from 2014 to 2023, abstained on both texts of February 2025 and did not
              vote in December 2025; check with `ut.vote_history("Syria")`.)
            - **Slovakia "abstained".** The same report listed Slovakia among the
              abstainers. Another report says Slovakia voted yes, a report says Hungary was
              the only EU member not to support the text, and Slovakia's own foreign
              ministry announced a yes vote the day before. Three independent signals
              outweigh one report with known errors.

            The rules behind these decisions: **a UN record outranks everything else;
            independent sources outrank a single one; official totals constrain every list**
            (a list that does not add up is wrong somewhere).

            **Your turn.** `ut.load_conflicts()` with no argument gives the claims about
            every vote of the series. How many claims were rejected for each vote? Write
            it in two or three lines of your own.
            """),
        exercise("06-rejected-by-vote"),
        md("coverage-intro", """
            ## Coverage across the series

            How complete is the per-country record for each vote?
            """),
        code("coverage", """
            labels = {"resolution": "Vote", "date": "Date", "known": "Known",
                      "unknown": "Unknown", "share_known": "Share known", "status": "Status",
                      "record": "Record"}
            ut.show_table(ut.coverage(), labels)
            """),
        md("coverage-hood", """
            **Under the hood.** `ut.coverage()` is a count you could write yourself: the
            known rows of each vote. Open the folded cell below (click the **…** or the
            bar to its left) to see the pandas, and run it: it ends by checking that its
            numbers equal the helper's.
            """),
        under_the_hood("coverage-hood-code", """
            # Under the hood of ut.coverage(): the known rows of each vote
            every_vote = ut.load_votes()                       # all votes, one row per state
            is_known = every_vote["vote"].astype(str) != "unknown"
            known_per_vote = is_known.groupby(every_vote["resolution"].astype(str)).sum()

            helper = ut.coverage().set_index("resolution")["known"]
            assert (known_per_vote[helper.index] == helper).all()
            print(known_per_vote.to_string())
            """),
        md("coverage-read", f"""
            The records of {", ".join(F.complete)} are complete; still partial:
            {", ".join(F.partial) or "none"}. Each complete record rests on several
            sources, and every row names its own in `source_url`: lists from UN press
            releases, agencies, newspapers and public data sets, and the UN Digital
            Library's voting records, read through public copies, which filled the gaps
            from ES-11/2 onwards and were checked against every row found earlier. For
            the two February 2025 votes they confirmed almost every vote found earlier in
            the press; the exception,
            Armenia on ES-11/8 (reported as abstaining, recorded as yes), is in the
            conflicts table. That is some reassurance about press-based rows elsewhere,
            and a reminder that even good agencies misread the board.
            """),
        md("official", """
            ## Loading the official UN voting data

            When the UN Digital Library publishes a version of its *General Assembly Voting
            Data* that covers February 2026, an instructor can download the CSV file and
            point the course at it. The course then prefers the official rows everywhere:
            the maps, tables and coverage switch to the complete record.

            In a notebook:

            ```python
            import unga_teach as ut
            ut.use_official_record("/path/to/2026_xx_xx_ga_voting.csv")   # from then on, official rows win
            ut.compare_with_official("/path/to/2026_xx_xx_ga_voting.csv")  # every disagreement with the shipped data
            ```

            For a whole class (for example on a JupyterHub), set the environment variable
            `UNGA_TEACH_UNDL` to the file's path before starting JupyterLab; every notebook
            then uses it automatically.

            The course never downloads anything itself. The cell below does nothing unless
            an official file has been configured through that variable.
            """),
        code("official-compare", """
            import os

            official_file = os.environ.get("UNGA_TEACH_UNDL")
            if official_file:
                differences = ut.compare_with_official(official_file)
                caption = "Differences between the shipped data and the official file"
                display(ut.show_table(differences, caption=caption))
            else:
                print("No official file configured (UNGA_TEACH_UNDL is not set):",
                      "the course uses its shipped data.")
            """),
        md("assess", f"""
            ## Assess a report

            Here is an invented news paragraph about a vote you have not examined closely
            yet, ES-11/7 of 24 February 2025. Check each claim against the data.

            > *"The General Assembly adopted the text by {F.v25.yes} votes to {F.v25.no},
            > with {F.v25.abstain} abstentions. The United States voted against, alongside
            > Russia. Colombia voted against too. With only {F.v25.yes} of the
            > {F.v25.members} members in favour, the text was adopted without a real
            > majority."*

            **Your task:** for each of the four sentences, decide: *supported*,
            *contradicted* or *not checkable* with the course data, and say which source
            you relied on. The cell below starts you off with two states; add the others
            you need, and use `ut.resolution_info("ES-11/7")` and `ut.passes` for the rest.
            """),
        code("assess-cell", """
            votes_2025 = ut.load_votes("ES-11/7").set_index("iso3")
            columns = ["name", "vote", "confidence", "source_url"]
            ut.show_table(votes_2025.loc[["USA", "RUS"], columns])
            """),
        md("draft-task", """
            **If you are online: compare with the text itself.** The draft is a UN
            document, [A/ES-11/L.17](https://undocs.org/A/ES-11/L.17). Open it in your
            browser (the course never fetches it) and compare two of its operative
            paragraphs with the course's paragraph table (`ut.load_paragraphs("2026")`,
            notebook 02). Where the course gives *reported wording* from the press, does
            the document say the same? Note any difference and which source you trust for
            the exact words.
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("06-report-colombia")'),
        code("quiz2", 'ut.self_check("06-report-majority")'),
        code("quiz3", 'ut.self_check("06-single-flawed-source")'),
        *footer("06", [
            "The official UN record outranks wire agencies, which outrank governments' and "
            "media reports; official totals constrain every list.",
            "A tier is a start: also ask whether the source is fit for this claim, what "
            "interest it has, and how close it was to the events.",
            f"The 2026 totals are certain; the per-country list is partial ({F.known26} of "
            f"{v.members} named) until the UN's voting data covers February 2026.",
            "Rejecting a claim (Syria 'against', Slovakia 'abstained') does not reveal the "
            "true vote; the state stays unknown until a source says otherwise.",
            "`ut.use_official_record(path)` or `UNGA_TEACH_UNDL` switches every notebook to "
            "the official record; nothing is ever downloaded by the course.",
        ]),
    ]
