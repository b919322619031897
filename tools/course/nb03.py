"""Notebook 03 · The vote: its text and cells."""

from __future__ import annotations

import unga_teach as ut
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md, under_the_hood
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401

GLOSSARY = "../docs/glossary.md"
AFRICAN = "African States"


def _group_votes(group: str) -> dict[str, int]:
    """The 2026 votes of a UN regional group's members, counted by kind (unknown too)."""
    votes = ut.load_votes("2026")
    rows = votes[votes["iso3"].isin(ut.group_members(group))]
    counts = rows["vote"].astype(str).value_counts()
    out = {v: int(counts.get(v, 0)) for v in ("yes", "no", "abstain", "non_voting", "unknown")}
    out["members"] = len(rows)
    out["known"] = out["members"] - out["unknown"]
    return out


def _bounds(group: str, vote: str) -> tuple[int, int]:
    """(low, high) for one vote in one group, from ut.vote_bounds."""
    b = ut.vote_bounds("2026")
    row = b[(b["group"] == group) & (b["vote"] == vote)].iloc[0]
    return int(row["low"]), int(row["high"])


# ==================================================================== 03 · The vote
def cells() -> list:
    F = facts()
    v = F.v26
    k = F.known26_by
    af = _group_votes(AFRICAN)
    af_low, af_high = _bounds(AFRICAN, "yes")
    af_no_low, af_no_high = _bounds(AFRICAN, "no")
    unplaced_yes = v.yes - k["yes"]
    # the prose below states these; stop the build if the data no longer says them
    assert k["no"] == v.no and k["yes"] < v.yes and k["abstain"] < v.abstain
    assert af["no"] > af["known"] / 2 and af_no_low == af_no_high == af["no"]
    assert af_low == af["yes"] and af_high > af["no"] + af["abstain"]
    # the self-checks' transfer cases (questions/nb03.toml) state these
    lat = _group_votes("Latin American and Caribbean States")
    assert lat["no"] == lat["yes"] + lat["abstain"] and lat["unknown"] > lat["members"] / 2
    blocs = ut.group_table("2026", by=["CSTO", "GCC", "LAS", "OIC"]).set_index("group")
    assert blocs.index[blocs["unknown"] == 0].tolist() == ["CSTO"]
    return [
        *header("03", "107-12-51: the tally, the map, the groups, and the gaps.", [
            "compute the tally of the 2026 vote and explain its arithmetic;",
            "read the world map of the vote and its text table;",
            "compare how UN regional groups and blocs voted, with how much of each is known;",
            "explain why the known votes are not a random sample, and compute the bounds "
            "the official totals put on a group's votes;",
            "tell apart what the record shows and what it does not yet show.",
        ]),
        first_cell(),
        md("headline", """
            ## The headline numbers

            The official totals, as announced in the hall and reported by the UN:
            """),
        code("totals", """
            columns = ["yes", "no", "abstain", "non_voting", "total_members"]
            totals = ut.load_resolutions().set_index("id").loc["2026", columns]
            print(totals.to_string())
            """, golden=True),
        md("arith", f"""
            ## The arithmetic

            - **{v.voted} states voted** ({v.yes} + {v.no} + {v.abstain}), so
              **{v.non_voting} did not** ({v.members} − {v.voted}).
            - **{v.present} were [present and voting]({GLOSSARY}#present-and-voting)**
              ({v.yes} + {v.no}). The {v.yes} yes votes are {v.yes_share} of them.
            - Measured against all {v.members} members, the yes votes are
              {pct(v.yes, v.members)}: a clear majority of those voting, and a narrower one
              of the whole membership.

            Both ways of reading the result are correct; they answer different questions.
            Be wary of any report that mixes them.
            """),
        md("tally-intro", f"""
            The tally table sets the official totals beside what the course data can
            attribute to named states ([known]({GLOSSARY}#known)). `missing` is the number
            of official votes whose states no source names yet; `unknown` counts the states
            with no sourced vote ([unknown]({GLOSSARY}#unknown)).
            """),
        code("tally", """
            ut.show_table(
                ut.tally_table("2026"),
                {"label": "Vote", "known": "Known", "official": "Official",
                 "missing": "Missing",
                 "share_of_present_and_voting": "Share of present and voting"},
                caption="The 2026 vote: official totals and the states the data can name",
            )
            """),  # an HTML table: the numbers are pinned by the golden `totals` and `coverage-2026`
        code("tally-chart", 'ut.tally_chart("2026")'),
        md("against", f"""
            ## The {v.no} against

            All {v.no} states that voted against are named in the data. Every list found
            that matches the official total of {v.no} names the same {v.no} states, read
            from the voting board in the hall. Lists that do not match it exist: one adds
            Syria, one names DR Congo, one has 14 names including Oman and Pakistan.
            Notebook 06 shows these conflicting claims and how the course settled them.
            """),
        code("against-list", """
            votes = ut.load_votes("2026")
            print(", ".join(sorted(votes.loc[votes["vote"] == "no", "name"])))
            """, golden=True),
        md("ex-known-intro", """
            ### Your turn: what the data knows, by kind of vote

            **Worked example.** The cell below counts the rows of one kind with a mask:
            `votes["vote"] == "no"` is True on each row whose vote is no, and `.sum()`
            counts the Trues. Run it.
            """),
        code("worked-count-no", """
            votes = ut.load_votes("2026")
            is_no = votes["vote"] == "no"
            print(is_no.sum(), "states are known to have voted no")
            """),
        md("ex-known-task", """
            **Your turn.** Counting each kind one by one is slow: `.value_counts()` counts
            every value of a column at once. Count the known votes by kind, then run the
            cell to check. Then compare your counts with the **Official** column of the
            tally table: which kind matches, and what does that say about the others?
            """),
        exercise("03-known-by-vote"),
        md("uth-tally-intro", """
            **Under the hood:** the tally table you compared with is a few lines of pandas,
            much like yours. Open the folded cell below (click the three dots) to see them;
            its last lines check that they give exactly what `ut.tally("2026")` gives.
            """),
        under_the_hood("uth-tally", """
            votes = ut.load_votes("2026")
            official = ut.load_resolutions().set_index("id").loc["2026"]
            order = ["yes", "no", "abstain", "non_voting", "unknown"]
            counted = votes["vote"].astype(str).value_counts().reindex(order, fill_value=0)
            missing = official[order[:4]].astype(int) - counted[order[:4]]
            helper = ut.tally("2026")
            assert counted.tolist() == helper["known"].tolist()
            assert missing.tolist() == helper["missing"].iloc[:4].tolist()
            """),
        md("map-intro", f"""
            ## The map

            The map colours each member state by its vote. Grey means **unknown**: no
            source found, not a position. Small states that do not show at this scale
            appear as dots. Hover over a country for its name and vote. The table under the
            map gives the same information as text, for all {v.members} member states: the
            first rows are shown, and **Show all {v.members} rows** under them unfolds the rest.
            """),
        code("map", 'ut.vote_map("2026")'),
        code("map-table", """
            ut.show_table(
                ut.vote_map_table("2026"),
                {"name": "State", "vote": "Vote", "confidence": "Confidence",
                 "un_regional_group": "UN regional group"},
                caption="How each member state voted",
            )
            """),
        md("map-read", f"""
            **Look closely:** which regions are mostly grey? Those are the gaps in the
            press record, not regions that stayed away. Which votes are certain
            everywhere? (Compare with the list of the {v.no} against.)
            """),
        md("groups", f"""
            ## Regional groups and blocs

            For elections and seats, UN member states are organised in five **[regional
            groups]({GLOSSARY}#regional-group)**: African, Asia-Pacific, Eastern European,
            Latin American and Caribbean, and Western European and other States. Political
            **[blocs]({GLOSSARY}#bloc)** such as the European Union, NATO, the African Union
            or BRICS cut across them.

            The chart shows how each regional group voted, as far as the data knows. In
            the table, **Known** is the number of members whose vote has a source: read it
            before any other column.
            """),
        code("group-chart", 'ut.group_chart("2026")'),
        code("group-table", """
            groups = ut.group_table("2026")
            groups["known"] = groups["members"] - groups["unknown"]
            ut.show_table(
                groups,
                ["group", "members", "known", "yes", "no", "abstain", "non_voting", "unknown"],
                caption="Votes by UN regional group (number of states; known of members)",
            )
            """),
        md("blocs", """
            The same view for some political blocs. A state can belong to several, so the
            bars overlap: Germany is in the EU, NATO and the G7.
            """),
        code("bloc-chart", 'ut.group_chart("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"])'),
        code("bloc-table", """
            blocs = ut.group_table("2026", by=["EU", "NATO", "G7", "AU", "ASEAN", "BRICS"])
            blocs["known"] = blocs["members"] - blocs["unknown"]
            ut.show_table(
                blocs,
                ["group", "members", "known", "yes", "no", "abstain", "non_voting", "unknown"],
                caption="Votes by bloc (number of states; known of members)",
            )
            """),
        md("groups-read", f"""
            Read the known share of each bar before comparing groups: a group that looks
            less supportive may simply be less reported.

            **Your task:** use the group explorer to look at the European Union
            ({F.eu_members} members). How many voted yes? Which member did not, and how
            did it vote? Then try the African Union and the Association of Southeast Asian
            Nations (ASEAN): how much of each is known?
            """),
        code("group-explorer", "ut.group_explorer()"),
        md("ex-bloc-intro", """
            ### Your turn: the members of a bloc that voted yes

            **Worked example.** `ut.group_members("G7")` gives the ISO codes of the G7's
            members. `.isin(...)` is True on each row whose code is in that list; `&`
            keeps the rows where both masks are True. Run it.
            """),
        code("worked-g7-yes", """
            votes = ut.load_votes("2026")
            g7 = ut.group_members("G7")
            in_g7 = votes["iso3"].isin(g7)
            voted_yes = votes["vote"] == "yes"
            print(sorted(votes.loc[in_g7 & voted_yes, "name"]))
            """),
        md("ex-bloc-task", """
            **Your turn.** Do the same for the G20: the names of its members known to have
            voted yes. Then ask: how many G20 members have no known vote, and could they
            have voted yes too?
            """),
        exercise("03-g20-yes"),
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

            **Under the hood:** open the folded cell below to see how the coverage row is
            computed, checked against `ut.coverage()`.
            """),
        under_the_hood("uth-coverage", """
            votes = ut.load_votes("2026")
            known_rows = votes[votes["vote"] != "unknown"]
            counts = known_rows["vote"].astype(str).value_counts()
            mine = {f"known_{x}": int(counts.get(x, 0)) for x in ["yes", "no", "abstain", "non_voting"]}
            mine["known"], mine["unknown"] = len(known_rows), len(votes) - len(known_rows)
            helper = ut.coverage().set_index("resolution").loc["2026", list(mine)].astype(int)
            print(mine)
            assert mine == helper.to_dict()
            """),
        md("not-random", f"""
            ## Worked example: the known votes are not a random sample

            If the {F.known26} known votes were a random draw from the {v.members}, each
            kind of vote would be known in about the same proportion. They are not:

            | Vote | Known | Official | Share known |
            |---|---|---|---|
            | No | {k["no"]} | {v.no} | {pct(k["no"], v.no)} |
            | Yes | {k["yes"]} | {v.yes} | {pct(k["yes"], v.yes)} |
            | Abstain | {k["abstain"]} | {v.abstain} | {pct(k["abstain"], v.abstain)} |
            | Non-voting | {k["non_voting"]} | {v.non_voting} | {pct(k["non_voting"], v.non_voting)} |

            The short list of the states against was published in full; no source found
            lists all {v.yes} in favour, all {v.abstain} abstentions or all {v.non_voting}
            states that did not vote. Statisticians call this data **[missing not at
            random]({GLOSSARY}#missing-not-at-random)**: whether a vote is known depends on
            the vote itself. Any share computed from the known rows alone leans towards
            "no". Run the cell to see what that does to one group.
            """),
        code("african-known", f"""
            votes = ut.load_votes("2026")
            african = votes[votes["iso3"].isin(ut.group_members("{AFRICAN}"))]
            print(len(african), "members;", (african["vote"] != "unknown").sum(), "known")
            print(african["vote"].value_counts().to_string())
            """),
        md("african-read", f"""
            Among the **{af["known"]} known votes of the African Group ({af["known"]} of
            {af["members"]} members)**, {af["no"]} are "no". Read naively, that makes the
            group look strongly opposed. But it is exactly the bias above: all {v.no} "no"
            votes in the Assembly are known, so the group's {af["no"]} are certain, while
            {af["unknown"]} of its {af["members"]} members have no known vote at all, and
            {unplaced_yes} of the {v.yes} yes votes are not yet placed anywhere.

            How far can the official totals take us? They set **[bounds]({GLOSSARY}#bounds)**:
            the smallest and largest number of votes of one kind a group can have, given
            what is known.

            - **Largest:** the known ones, plus as many of the group's unknown states as
              there are votes of that kind still unplaced:
              `high = known + min(unknown in the group, unplaced)`.
            - **Smallest:** the known ones, plus whatever unplaced votes cannot fit among
              the unknown states *outside* the group:
              `low = known + max(0, unplaced − unknown outside the group)`.

            **Worked example:** the abstentions of the Asia-Pacific Group. Run it.
            """),
        code("worked-bounds", """
            votes = ut.load_votes("2026")
            official = ut.load_resolutions().set_index("id").loc["2026"]
            in_asia = votes["iso3"].isin(ut.group_members("Asia-Pacific States"))
            vote = votes["vote"]

            known_here = ((vote == "abstain") & in_asia).sum()     # known abstentions in the group
            unknown_in = ((vote == "unknown") & in_asia).sum()     # members with no known vote
            unknown_out = ((vote == "unknown") & ~in_asia).sum()   # unknown states elsewhere
            unplaced = official["abstain"] - (vote == "abstain").sum()  # not yet placed

            most = known_here + min(unknown_in, unplaced)
            least = known_here + max(0, unplaced - unknown_out)
            print(f"Asia-Pacific abstentions: {known_here} known; between {least} and {most}")
            """),
        md("ex-bounds-task", """
            **Your turn.** Now the yes votes of the African Group: first the largest
            number it could have cast, then the smallest. Write the lines yourself,
            following the worked example.
            """),
        exercise("03-african-yes-high"),
        exercise("03-african-yes-low"),
        md("bounds-read", f"""
            <details><summary>What the bounds say (open it after both checks)</summary>

            The African Group cast between **{af_low} and {af_high}** yes votes of its
            {af["members"]} ({af["known"]} known). Its "no" votes have no range at all:
            {af["no"]}, because every "no" is known. So the data can carry "at least
            {af["no"]} African states voted against", but not a ranking of regions by
            support: on the known rows alone the group looks opposed, and yet it may have
            given the resolution more yes votes than it gave no votes and abstentions
            together. Compare groups only with their known counts beside them, and with
            bounds where you can.

            </details>

            `ut.vote_bounds("2026")` does the same arithmetic for every regional group and
            every kind of vote. In the chart the bar is what is known and the line the
            possible range; the table under it says the same in words.
            """),
        code("bounds-chart", 'ut.vote_bounds_chart("2026")'),
        code("bounds-table", """
            labels = {"group": "Group", "label": "Vote", "known": "Known",
                      "possible": "Possible", "n_known": "States known", "members": "Members"}
            ut.show_table(ut.vote_bounds_table("2026"), labels,
                          caption="What the official totals allow, group by group")
            """),
        md("country", f"""
            ## One state at a time

            The explorer opens on Ghana, whose 2026 yes is reported by its own foreign
            minister (notebook 04 quotes him). Try **Ukraine** next: its 2026 vote reads
            *unknown*. As the text's sponsor it very probably voted yes, but no source
            found says so, and the course records sourced votes only, never inferences
            ([unknown]({GLOSSARY}#unknown)).

            **Your task:** pick three states, one you expect voted yes, one you expect
            abstained, and one you are unsure about. Check each in the explorer, and look
            at its source link. Was each vote what you expected? Is any of them unknown?
            """),
        code("country-explorer", "ut.country_explorer()"),
        md("checks", """
            ## Check your understanding

            Some of these questions are about cases the notebook has not shown: use a code
            cell (insert one with **+**) to find the answer.
            """),
        code("quiz1", 'ut.self_check("03-share-of-present")'),
        code("quiz2", 'ut.self_check("03-grey-on-the-map")'),
        code("quiz3", 'ut.self_check("03-complete-category")'),
        code("quiz4", 'ut.self_check("03-known-not-random")'),
        *footer("03", [
            f"{v.yes}-{v.no}-{v.abstain}, with {v.non_voting} not voting: {v.voted} of "
            f"{v.members} members voted.",
            f"{v.yes} of {v.present} present and voting is {v.yes_share}; of all members it "
            f"is {pct(v.yes, v.members)}.",
            f"The {v.no} against are known by name; the data names {F.known26} of "
            f"{v.members} states in all.",
            "Unknown (grey) is a gap in the evidence, not a vote.",
            "The known votes are not a random sample: every 'no' is known, most yes votes "
            "and abstentions are not, so shares of the known rows lean towards 'no'.",
            "Compare groups only with how much of each is known (n known / members), and "
            "with the bounds the official totals allow.",
        ]),
    ]
