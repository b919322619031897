"""Notebook 06 · Sources and evidence: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, first_cell, md
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

            Not every source deserves the same trust. The course ranks them:

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
            """),
        code("sources", """
            ut.show_table(ut.load_sources()["tier"].value_counts(sort=False), {"tier": "Source tier", "count": "Sources"})
            """),
        md("confidence", """
            Each vote row also carries a **confidence** level, best first:

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
            ut.show_table(ut.load_votes("2026")["confidence"].value_counts(sort=False), {"confidence": "Confidence", "count": "States"})
            """),
        md("confidence-read", f"""
            The {F.derived26} `derived` rows are EU members: a report that Hungary was the
            only EU member not to vote yes puts the others among the yes votes. The
            {F.low26} `low` rows ({", ".join(F.low26_names)}) rest on a single report whose
            list of votes contains proven errors, as the next section shows. Look at them:
            """),
        code("low-2026", """
            votes = ut.load_votes("2026")
            ut.show_table(votes[votes["confidence"] == "low"], {"name": "State", "vote": "Vote", "source_url": "Source", "note": "Note"})
            """),
        md("conflicts", """
            ## When sources disagree

            Sources sometimes contradict each other. The course keeps every conflicting
            claim it found, with its source and how it was settled. Here are those about
            the 2026 vote:
            """),
        code("conflicts-2026", """
            ut.show_table(ut.load_conflicts("2026"), {"country": "State", "claim": "Claim", "outcome": "Outcome", "recorded_vote": "Vote recorded", "assessment": "How it was settled", "source_url": "Source of the claim"}, caption="Conflicting claims about the 2026 vote")
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
            """),
        md("coverage-intro", """
            ## Coverage across the series

            How complete is the per-country record for each vote?
            """),
        code("coverage", """
            ut.show_table(ut.coverage(), {"resolution": "Vote", "date": "Date", "known": "Known", "unknown": "Unknown", "share_known": "Share known", "status": "Status", "record": "Record"})
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
                display(ut.show_table(ut.compare_with_official(official_file), caption="Differences between the shipped data and the official file"))
            else:
                print("No official file configured (UNGA_TEACH_UNDL is not set): the course uses its shipped data.")
            """),
        md("assess", f"""
            ## Assess a report

            Here is an invented news paragraph of the kind you will meet. Check each claim
            against the data, using the functions of this course.

            > *"The General Assembly passed the resolution with {v.yes} votes, a majority of
            > the {v.members} member states. Thirteen countries voted against, including
            > Russia, Belarus and Syria. Slovakia joined Hungary in abstaining, and the {v.abstain}
            > abstentions counted against the text."*

            **Your task:** for each sentence, decide: *supported*, *contradicted* or *not
            checkable* with the course data. Use the cell below as a starting point.
            """),
        code("assess-cell", """
            votes = ut.load_votes("2026").set_index("iso3")
            ut.show_table(votes.loc[["RUS", "BLR", "SYR", "SVK", "HUN"], ["name", "vote", "confidence", "source_url"]])
            """),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("06-thirteen-against")'),
        code("quiz2", 'ut.self_check("06-abstentions-counted")'),
        code("quiz3", 'ut.self_check("06-single-flawed-source")'),
        *footer("06", [
            "The official UN record outranks wire agencies, which outrank governments' and "
            "media reports; official totals constrain every list.",
            f"The 2026 totals are certain; the per-country list is partial ({F.known26} of "
            f"{v.members} named) until the UN's voting data covers February 2026.",
            "Rejecting a claim (Syria 'against', Slovakia 'abstained') does not reveal the "
            "true vote; the state stays unknown until a source says otherwise.",
            "`ut.use_official_record(path)` or `UNGA_TEACH_UNDL` switches every notebook to "
            "the official record; nothing is ever downloaded by the course.",
        ]),
    ]
