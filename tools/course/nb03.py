"""Notebook 03 · The vote: its text and cells."""

from __future__ import annotations

import unga_teach as ut  # noqa: F401  (some builders ask the package what it exports)
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401


# ==================================================================== 03 · The vote
def cells() -> list:
    F = facts()
    v = F.v26
    k = F.known26_by
    return [
        *header("03", "107-12-51: the tally, the map, the groups, and the gaps.", [
            "compute the tally of the 2026 vote and explain its arithmetic;",
            "read the world map of the vote and its text table;",
            "compare how UN regional groups and blocs voted;",
            "tell apart what the record shows and what it does not yet show.",
        ]),
        first_cell(),
        md("headline", """
            ## The headline numbers

            The official totals, as announced in the hall and reported by the UN:
            """),
        code("totals", """
            totals = ut.load_resolutions().set_index("id").loc["2026", ["yes", "no", "abstain", "non_voting", "total_members"]]
            print(totals.to_string())
            """, golden=True),
        md("arith", f"""
            ## The arithmetic

            - **{v.voted} states voted** ({v.yes} + {v.no} + {v.abstain}), so
              **{v.non_voting} did not** ({v.members} − {v.voted}).
            - **{v.present} were present and voting** ({v.yes} + {v.no}). The {v.yes} yes
              votes are {v.yes_share} of them.
            - Measured against all {v.members} members, the yes votes are
              {pct(v.yes, v.members)}: a clear majority of those voting, and a narrower one
              of the whole membership.

            Both ways of reading the result are correct; they answer different questions.
            Be wary of any report that mixes them.
            """),
        md("tally-intro", """
            The tally table sets the official totals beside what the course data can
            attribute to named states (`known`). `missing` is the number of official votes
            whose states no source names yet; `unknown` counts the states with no sourced
            vote.
            """),
        code("tally", """
            ut.show_table(ut.tally_table("2026"), {"label": "Vote", "known": "Known", "official": "Official", "missing": "Missing", "share_of_present_and_voting": "Share of present and voting"}, caption="The 2026 vote: official totals and the states the data can name")
            """),  # an HTML table: the numbers are pinned by the golden `totals` and `coverage-2026`
        code("tally-chart", 'ut.tally_chart("2026")'),
        md("against", f"""
            ## The {v.no} against

            This is the only category the data knows completely. Every list consulted gives
            the same {v.no} names, read from the voting board in the hall:
            """),
        code("against-list", """
            votes = ut.load_votes("2026")
            print(", ".join(sorted(votes.loc[votes["vote"] == "no", "name"])))
            """, golden=True),
        md("map-intro", f"""
            ## The map

            The map colours each member state by its vote. Grey means **unknown**: no
            source found, not a position. Small states that do not show at this scale
            appear as dots. Hover over a country for its name and vote. The table under the
            map gives the same information as text, for all {v.members} member states: the
            first rows are shown, and **Show all {v.members} rows** under them unfolds the rest.
            """),
        code("map", 'ut.vote_map("2026")'),
        code("map-table", 'ut.show_table(ut.vote_map_table("2026"), {"name": "State", "vote": "Vote", "confidence": "Confidence", "un_regional_group": "UN regional group"}, caption="How each member state voted")'),
        md("map-read", f"""
            **Look closely:** which regions are mostly grey? Those are the gaps in the
            press record, not regions that stayed away. Which votes are certain
            everywhere? (Compare with the list of the {v.no} against.)
            """),
        md("groups", """
            ## Regional groups and blocs

            For elections and seats, UN member states are organised in five **regional
            groups**: African, Asia-Pacific, Eastern European, Latin American and
            Caribbean, and Western European and other States. Political **blocs** such as
            the European Union, NATO, the African Union or BRICS cut across them.

            The chart shows how each regional group voted, as far as the data knows.
            """),
        code("group-chart", 'ut.group_chart("2026")'),
        code("group-table", 'ut.show_table(ut.group_table("2026"), ["group", "members", "yes", "no", "abstain", "non_voting", "unknown"], caption="Votes by UN regional group (number of states)")'),
        md("blocs", """
            The same view for some political blocs. A state can belong to several, so the
            bars overlap: Germany is in the EU, NATO and the G7.
            """),
        code("bloc-chart", 'ut.group_chart("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"])'),
        code("bloc-table", 'ut.show_table(ut.group_table("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"]), ["group", "members", "yes", "no", "abstain", "non_voting", "unknown"], caption="Votes by bloc (number of states)")'),
        md("groups-read", f"""
            Read the unknown share of each bar before comparing groups: a group that looks
            less supportive may simply be less reported.

            **Your task:** use the group explorer to look at the European Union
            ({F.eu_members} members). How many voted yes? Which member did not, and how
            did it vote? Then try the African Union and the Association of Southeast Asian
            Nations (ASEAN): how much of each is known?
            """),
        code("group-explorer", "ut.group_explorer()"),
        md("coverage-intro", """
            ## What is known and what is not

            The coverage table compares, for the 2026 vote, the number of states the data
            can name in each category with the official totals.
            """),
        code("coverage-2026", """
            cov = ut.coverage().set_index("resolution").loc["2026"]
            print(cov.drop("date").to_string())
            """, golden=True),
        md("coverage-read", f"""
            The data names **{F.known26} of {v.members}** states: all {k["no"]} against,
            {k["yes"]} of the {v.yes} in favour, {k["abstain"]} of the {v.abstain}
            abstentions and {k["non_voting"]} of the {v.non_voting} non-voting states. The
            other **{F.unknown26}** are unknown. The totals are certain; the attribution is
            partial. Notebook 06 explains why, and how the official record would complete
            it.
            """),
        md("country", """
            ## One state at a time

            **Your task:** pick three states, one you expect voted yes, one you expect
            abstained, and one you are unsure about. Check each in the explorer, and look
            at its source link. Was each vote what you expected? Is any of them unknown?
            """),
        code("country-explorer", "ut.country_explorer()"),
        md("checks", "## Check your understanding"),
        code("quiz1", 'ut.self_check("03-share-of-present")'),
        code("quiz2", 'ut.self_check("03-grey-on-the-map")'),
        code("quiz3", 'ut.self_check("03-complete-category")'),
        *footer("03", [
            f"{v.yes}-{v.no}-{v.abstain}, with {v.non_voting} not voting: {v.voted} of "
            f"{v.members} members voted.",
            f"{v.yes} of {v.present} present and voting is {v.yes_share}; of all members it "
            f"is {pct(v.yes, v.members)}.",
            f"The {v.no} against are known by name; the data names {F.known26} of "
            f"{v.members} states in all.",
            "Unknown (grey) is a gap in the evidence, not a vote.",
            "Compare groups only after looking at how much of each is known.",
        ]),
    ]
