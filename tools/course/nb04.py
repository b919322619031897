"""Notebook 04 · Positions and explanations of vote: its text and cells."""

from __future__ import annotations

import unga_teach as ut
from unga_teach.analysis import votes_needed  # noqa: F401

from .cells import code, exercise, first_cell, md
from .facts import facts, pct, quote, src  # noqa: F401
from .series import ENTRY, SERIES, footer, header, series_table, total_minutes  # noqa: F401

GLOSSARY = "../docs/glossary.md"

#: Every tag of data/statements.csv (data/README.md lists the same eleven), in our words.
THEMES: dict[str, str] = {
    "procedure": "How the text and the vote were handled: separate votes, who drafted it, "
                 "the vote itself or its result. A broad tag: it also marks statements that "
                 "only announce or celebrate a vote.",
    "charter": "The principles of the UN Charter as the test of the text or of a peace; "
               "breaches of the Charter.",
    "negotiations": "The talks under way: whether the text helps or hinders them; dialogue "
                    "as the way out.",
    "sovereignty": "Ukraine's sovereignty and territorial integrity; borders must not be "
                   "changed by force.",
    "root_causes": "The war's causes and history, which a settlement should address.",
    "humanitarian": "The war's toll on civilians: strikes, deportations, suffering.",
    "accountability": "Responsibility for violations: reparations, investigations, "
                      "sanctions on a member's rights.",
    "ceasefire": "Stop the fighting first: a ceasefire as the immediate goal.",
    "security_guarantees": "Guarantees of security for one side or both as part of a "
                           "settlement.",
    "inclusiveness": "Who has a say: in drafting the text, and in a settlement.",
    "selectivity": "Double standards: the rules are applied to this war and not to others.",
}


def _theme_counts() -> tuple[dict[str, int], dict[str, int]]:
    """How many statements carry each tag: (2026, all votes)."""
    counts = []
    for ref in ("2026", None):
        tags = ut.load_statements(ref).explode("themes")["themes"].value_counts()
        counts.append({str(k): int(c) for k, c in tags.items()})
    return counts[0], counts[1]


def _theme_table() -> str:
    c26, call = _theme_counts()
    assert set(call) == set(THEMES), sorted(set(call) ^ set(THEMES))
    rows = sorted(THEMES, key=lambda t: (-c26.get(t, 0), -call[t], t))
    lines = ["| Tag | The argument in short | 2026 | All votes |", "|---|---|---|---|"]
    lines += [f"| **{t}** | {THEMES[t]} | {c26.get(t, 0)} | {call[t]} |" for t in rows]
    return "\n".join(lines)


# ========================================== 04 · Positions and explanations of vote
def cells() -> list:
    F = facts()
    s = F.stmt
    n26 = len(ut.load_statements("2026"))
    n_all = len(ut.load_statements())
    c26, _ = _theme_counts()
    gha = ut.vote_history("GHA").set_index("resolution")["vote"].astype(str)
    assert (gha["ES-11/7"], gha["2026"]) == ("abstain", "yes")
    titles = ut.load_resolutions(include_procedural=False).set_index("id")["title"]
    aggression = [r for r, t in titles.items() if "aggression" in str(t).lower()]
    assert aggression == ["ES-11/1", "ES-11/2", "ES-11/5"], aggression
    assert "aggression" not in str(titles["2026"]).lower()
    assert all("comprehensive, just and lasting peace" in str(titles[r])
               for r in ("ES-11/6", "ES-11/7"))
    paragraphs = ut.load_paragraphs(None).set_index("paragraph_id")
    assert "full-scale invasion" in str(paragraphs.loc["PP1", "summary"])
    us_division = ut.load_statements().query("speaker_iso3 == 'USA' and resolution == '2026'")
    assert len(us_division) == 2  # S001 and S002: neither argues for the division itself
    assert c26["procedure"] > c26["charter"] > c26["negotiations"]
    # the self-checks' transfer cases (questions/nb04.toml) state these
    tags = ut.load_statements().explode("themes")
    assert set(tags.loc[tags["themes"] == "root_causes", "vote_cast"]) == {"abstain"}
    us25 = ut.load_statements("ES-11/7").query("speaker_iso3 == 'USA'")
    assert us25["statement_id"].tolist() == ["S016"] and us25["vote_cast"].tolist() == ["no"]
    return [
        *header("04", "Why states voted as they did, in their own terms.", [
            "summarise the main positions on the 2026 text, each in its own terms and with "
            "its source;",
            "sort arguments by the course's eleven theme tags, and select statements by tag "
            "and by vote with pandas;",
            "tell a vote from an explanation of vote, and a quotation from a summary;",
            "notice which positions are not explained in the public record;",
            "read the words used to name the war as a political choice.",
        ]),
        first_cell(),
        md("intro", f"""
            ## Votes and explanations of vote

            A vote is a single button. An **[explanation of
            vote]({GLOSSARY}#explanation-of-vote)** is what a delegation says before or
            after pressing it, from the floor of the Assembly or in a statement issued by
            its government. It is the best evidence of *why* a state voted as it did, but
            it is also a public argument, written to persuade. Read each one as the state's
            own account.

            The course data holds the statements found for each vote. Summaries are in our
            words; quotations are short and exactly as reported. Run the cell to list the
            {n26} statements about the 2026 vote. The **Vote** column says *Unknown* for a
            state whose vote no source states, and *not a member state* for speakers that
            cannot vote: the European Union and the President of the General Assembly.
            """),
        code("statements", """
            statements = ut.load_statements("2026")
            is_state = statements["speaker_iso3"].fillna("") != ""
            vote = statements["vote_cast"].fillna("").replace("", "Unknown")
            statements["vote"] = vote.where(is_state, "not a member state")
            ut.show_table(
                statements,
                {"speaker_state": "Speaker for", "speaker": "Speaker", "vote": "Vote",
                 "summary": "Summary (our words)", "source_url": "Source"},
                caption="Statements about the 2026 vote",
            )
            """),
        md("positions", f"""
            ## The main positions

            **United States: abstained.** Deputy Permanent Representative
            {s("S001")["speaker"]} said the United States welcomed the call for a ceasefire
            but judged some of the wording {quote("S001", who=False)}. She ended:
            {quote("S002", who=False)}. Before the vote, the United States had sought
            separate votes on two paragraphs, a **[motion for
            division]({GLOSSARY}#motion-for-division)** (notebook 02).

            *The US case for the division.* The course found no US statement giving its
            reasons for the motion itself. Its explanation of vote says that it sought the
            separate votes and, when the motion failed, abstained; the reason it gave is
            the one above, about wording it judged likely to distract from negotiations.
            AFP's report (as printed by Estado de Minas) puts that reason right after the
            request for separate votes on the paragraphs on Ukraine's territorial
            integrity and international law, which is the closest the record comes to the
            US case for the division. No US statement on the motion itself was found; on
            the division as such, only its opponents are on record (Ukraine and France,
            below).

            **Ukraine: presented the text.** Deputy Foreign Minister
            {s("S003")["speaker"]} argued against the motion for division:
            {quote("S003", who=False)}. After the vote, Foreign Minister
            {s("S005")["speaker"]} wrote: {quote("S005", who=False)}.

            **Russian Federation: voted against.** Deputy Permanent Representative
            {s("S006")["speaker"]} said that if the authorities in Kyiv really wanted a
            lasting peace, they {quote("S006", who=False)}. (Her words as printed in
            Russian, in our translation; the original is in the data's `quote_original`.)

            **China: abstained.** Counsellor {s("S007")["speaker"]} said the abstention was
            consistent with China's established position: {quote("S007", who=False)}; it
            supports the negotiations and calls for dealing with root causes and building
            a balanced security architecture in Europe. (The quotation is our translation
            of the Chinese text of the explanation of vote.)

            **European Union: supported the text.** Speaking for the EU and 26 of its
            member states, {s("S008")["speaker"]} described Russia's invasion as
            {quote("S008", who=False)}.

            **Hungary: abstained**, the only EU member not to vote yes. Hungarian officials
            called it {quote("S012", who=False)}.

            **Israel: voted yes**, while the United States abstained. Foreign Minister
            {s("S014")["speaker"]} instructed Israel's mission to vote in favour, reversing
            Israel's vote against the Ukrainian text of February 2025. No direct quotation
            was recorded ({src("S014")}).

            **Indonesia: abstained.** Three days after the vote, a foreign ministry
            spokesperson tied the abstention to how the text was drafted:
            {quote("S013", who=False)}.

            **Ghana: voted yes**, after abstaining on the Ukrainian text of February 2025.
            The day after the vote, in Kyiv, Foreign Minister {s("S038")["speaker"]} said he
            had instructed Ghana's representative at the UN to support the resolution, to
            give peace and dialogue a chance, and restated Ghana's attachment to the
            Charter and to the territorial integrity of UN members:
            {quote("S038", who=False)}.
            """),
        md("others", f"""
            ### Other voices in the data

            - **France** (yes), opposing the motion for division: {quote("S009", who=False)}.
            - **United Kingdom** (yes), Minister {s("S010")["speaker"]}:
              {quote("S010", who=False)}.
            - **The President of the General Assembly**, {s("S011")["speaker"]}, in remarks
              read on her behalf: {quote("S011", who=False)}.
            - **Slovakia** (yes) announced its vote a day early, while also endorsing the
              US-led peace initiative ({src("S015")}).
            """),
        md("gaps", """
            ### What the record does not say

            Many abstainers gave **no public explanation** that the course could find. That
            includes large states such as India, Brazil and South Africa. An abstention
            without an explanation can mean many things: caution, a balance between
            partners, a procedural objection, or a wish to stay out of it. Do not fill the
            silence with a guess.

            Ukraine's **own** 2026 vote is not stated in any source found, so the data
            records it as unknown. As the sponsor it very probably voted yes, but that is an
            inference, and the course does not record inferences as votes.
            """),
        md("themes", f"""
            ## Sorting arguments by theme

            Explanations of vote draw on a small set of recurring arguments. The course
            tags each statement with one or more of **eleven theme tags** (the same eleven as in
            `data/README.md`). The table gives each tag, what it marks, and how many
            statements carry it: about the 2026 vote ({n26} statements) and about every
            vote in the data ({n_all}).

            {_theme_table()}

            Two cautions. `procedure` is the broadest tag: it marks arguments about
            separate votes and drafting, but also statements that only announce or
            celebrate a vote, so a high count says little on its own. And a statement
            usually carries several tags. One tag, `selectivity`, appears only in the
            earlier debates: the charge of double standards, that the Charter's rules are
            invoked for this war and not for others. Cuba's representative, in the debate
            before ES-11/1 in March 2022: {quote("S036", who=False)}.

            **Your task:** before going further, re-read the positions above and write
            down one or two tags for each of the United States, Ukraine, China and Ghana.
            Then answer the question below, and only then run the cells after it.
            """),
        code("quiz-indonesia", 'ut.self_check("04-indonesia-theme")'),
        code("theme-tags", """
            ut.show_table(
                statements,
                {"speaker_state": "Speaker for", "speaker": "Speaker", "vote": "Vote",
                 "themes": "Themes"},
                caption="The themes of each statement",
            )
            """),
        code("theme-counts", """
            counts = ut.load_statements("2026").explode("themes")["themes"].value_counts()
            ut.show_table(counts, {"themes": "Theme", "count": "Statements"})
            """),
        md("theme-read", """
            <details>
            <summary><b>After you have compared:</b> what the tags show (open it once you
            have compared your four answers with the table)</summary>

            Most statements carry more than one tag, so a single word rarely sums up an
            explanation. Notice also that states on opposite sides use the same tag: look
            for one tag that appears beside a yes, an abstention and a no. A tag tells you
            what an argument is about, not which way it points. The exercises below make
            that precise.

            </details>
            """),
        md("ex-tag-intro", """
            ## Your turn: selecting statements with pandas

            The `themes` column holds a list of tags per statement. `.explode("themes")`
            gives one row per statement *and* tag, so an ordinary mask can pick a tag.

            **Worked example:** the speakers whose 2026 statement is tagged `charter`. The
            first lines also build the **Vote** column of the table above. Run it.
            """),
        code("worked-charter", """
            statements = ut.load_statements("2026")
            is_state = statements["speaker_iso3"].fillna("") != ""
            vote = statements["vote_cast"].fillna("").replace("", "Unknown")
            statements["vote"] = vote.where(is_state, "not a member state")
            tags = statements.explode("themes")

            charter = tags[tags["themes"] == "charter"]
            print(charter["speaker_state"].tolist())
            """),
        md("ex-tag-task", """
            **Your turn:** the speakers whose 2026 statement is tagged `sovereignty`. How
            did they vote?
            """),
        exercise("04-sovereignty-speakers"),
        md("ex-votes-intro", """
            **Worked example:** `value_counts` on the vote column counts the
            **statements** by the vote of their speaker. Run it.
            """),
        code("worked-statement-votes", """
            statements = ut.load_statements("2026")
            is_state = statements["speaker_iso3"].fillna("") != ""
            vote = statements["vote_cast"].fillna("").replace("", "Unknown")
            statements["vote"] = vote.where(is_state, "not a member state")
            print(statements["vote"].value_counts().to_string())
            """),
        md("ex-votes-task", """
            **Your turn:** some speakers made several statements. Count the **speakers**
            by vote instead, each speaker once. Which count changes, and why?
            """),
        exercise("04-speaker-votes"),
        md("ex-groupby-intro", """
            **Worked example:** `groupby("vote").size()` counts rows per vote. Here, the
            statements tagged `charter`, by the vote of their speaker. Run it.
            """),
        code("worked-charter-by-vote", """
            statements = ut.load_statements("2026")
            is_state = statements["speaker_iso3"].fillna("") != ""
            vote = statements["vote_cast"].fillna("").replace("", "Unknown")
            statements["vote"] = vote.where(is_state, "not a member state")
            tags = statements.explode("themes")
            charter = tags[tags["themes"] == "charter"]
            print(charter.groupby("vote").size().to_string())
            """),
        md("ex-groupby-task", """
            **Your turn:** the same count for the tag `negotiations`. Is it a yes side's
            argument, an abstainer's or a no side's?
            """),
        exercise("04-negotiations-by-vote"),
        md("naming", """
            ## Naming the war

            The words used for what happened in Ukraine differ by speaker and by year, and
            the choice is itself a position. Run the cell for the titles of the texts in
            the course.
            """),
        code("titles", """
            titles = ut.load_resolutions(include_procedural=False)
            ut.show_table(titles, {"id": "Vote", "date": "Date", "title": "Title"},
                          caption="Titles of the texts in the course")
            """),
        md("naming-read", f"""
            - **"Aggression"** is in the titles of three texts of 2022
              ({", ".join(aggression)}). The United Kingdom used the word in February 2025:
              {quote("S018")}.
            - **"Invasion"**: reports describe the 2026 preamble as noting that Russia's
              full-scale invasion had lasted four years (paragraph PP1 in notebook 02). The
              EU called the invasion {quote("S008", who=False)}.
            - **"War"**: the President of the General Assembly's remarks:
              {quote("S011")}.
            - **"Crisis"**: China, abstaining in March 2022, spoke of {quote("S035")}.
            - **"Conflict"** and **"special military operation"** appear in no quotation
              the course data holds, so the course cannot show you here who uses them and
              when. When you meet them, check who is speaking.

            Titles changed too: from "{titles["ES-11/1"]}" (2022) to "a
            comprehensive, just and lasting peace" (2023, 2025) and "{titles["2026"]}"
            (2026). Reports on the 2026 text mention **no "aggression" wording**, which
            the 2025 text had (the comparison rests on press reports, not on a reading of
            both documents; notebook 02). A title and a preamble are negotiated like any
            paragraph: the words in them are a political outcome, agreed by the drafters
            and then voted on, not a neutral label.
            """),
        md("checks", """
            ## Check your understanding

            These questions are about statements this notebook has not shown: find them
            with `ut.load_statements(...)` in a code cell (insert one with **+**).
            """),
        code("quiz2", 'ut.self_check("04-us-reason")'),
        code("quiz3", 'ut.self_check("04-root-causes")'),
        md("match-intro", """
            ### Who said it?

            Quotations from earlier votes (2022-2025). Match each to its speaker, then
            check with `ut.load_statements()`: all of them are in the course data with
            their sources.
            """),
        code("quiz-match", 'ut.self_check("04-who-said-it")'),
        *footer("04", [
            "An explanation of vote is a state's own public account of its vote: evidence of "
            "its reasons, and an argument in its own right.",
            "The United States welcomed the ceasefire call but abstained over wording it "
            "said would distract from negotiations; no US reasoning for its motion for "
            "division was found. Ukraine argued that the principles in PP2 and OP2 were not "
            "negotiable.",
            "Russia voted against, calling for diplomacy and security guarantees for both "
            "sides instead of another Assembly vote; China abstained in line with "
            "its established position; Indonesia pointed to inclusiveness; Ghana voted yes, "
            "citing a ceasefire, the Charter and territorial integrity.",
            "The course tags statements with eleven themes; the same theme (negotiations) is "
            "used on every side, so a theme says what an argument is about, not which way "
            "it points.",
            "The words that name the war (aggression, invasion, war, crisis) are chosen, and "
            "a title is a negotiated, political outcome.",
            "Many abstainers gave no public reason; silence is not evidence of a motive.",
        ]),
    ]
