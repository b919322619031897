"""unga-teach: a course kit on the UN General Assembly vote of 24 February 2026.

Everything public is reachable from the top level, e.g. ``ut.load_votes("2026")``,
``ut.tally_chart("2026")`` or ``ut.country_explorer()``. Sub-modules are imported
on first use, so ``import unga_teach`` is fast and has no side effects.

Examples
--------
>>> import unga_teach as ut
>>> ut.load_resolutions().set_index("id").loc["2026", "yes"]
np.int64(107)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

__version__ = "0.1.0"

#: public name -> sub-module that defines it
_EXPORTS: dict[str, str] = {
    # data
    "load_members": "members",
    "find_country": "members",
    "country_name": "members",
    "Country": "members",
    "load_groups": "groups",
    "group_members": "groups",
    "group_names": "groups",
    "REGIONAL_GROUPS": "groups",
    "load_resolutions": "resolutions",
    "resolve_resolution": "resolutions",
    "resolve_vote": "resolutions",
    "resolve_votes": "resolutions",
    "VoteRef": "resolutions",
    "search_votes": "search",
    "resolution_info": "resolutions",
    "ResolutionInfo": "resolutions",
    "series": "resolutions",
    "MAIN_RESOLUTION": "resolutions",
    "load_votes": "votes",
    "known_votes": "votes",
    "read_votes_csv": "votes",
    "load_statements": "statements",
    "statement_themes": "statements",
    "load_paragraphs": "paragraphs",
    "load_sources": "sources",
    "load_conflicts": "sources",
    "coverage": "record_coverage",
    "validate": "validation",
    "VOTE_ORDER": "categories",
    "VOTE_COLORS": "categories",
    "VOTE_LABELS": "categories",
    # errors
    "UngaTeachError": "errors",
    "DataFileError": "errors",
    "UnknownCountryError": "errors",
    "UnknownResolutionError": "errors",
    # the graded assignment (otter-grader is optional)
    "assignment_grader": "assignment",
    # notebook set-up
    "setup_notebook": "notebook",
    "SetupReport": "notebook",
    "NotebookSetupError": "notebook",
    # tables a learner reads
    "show_table": "tables",
    "Table": "tables",
    "TableError": "tables",
    "name_sort_key": "tables",
    # analysis
    "tally": "analysis",
    "passes": "analysis",
    "transitions": "analysis",
    "agreement": "analysis",
    "cohesion": "analysis",
    "vote_history": "analysis",
    "majority_explanation": "analysis",
    "votes_needed": "analysis",
    "agreement_detail": "analysis",
    "agreement_pairs": "analysis",
    "transition_crosstab": "analysis",
    "cohesion_detail": "analysis",
    # what the unknown votes could be; when a group statistic is withheld
    "vote_bounds": "bounds",
    "Withheld": "withheld",
    "MIN_KNOWN_SHARE": "withheld",
    # charts and their text tables
    "tally_chart": "charts",
    "tally_table": "charts",
    "vote_map": "maps",
    "vote_map_table": "maps",
    "group_chart": "charts",
    "group_table": "charts",
    "trend_chart": "charts",
    "trend_table": "charts",
    "shift_chart": "charts",
    "shift_table": "charts",
    "agreement_chart": "charts",
    "agreement_table": "charts",
    "vote_bounds_chart": "charts",
    "vote_bounds_table": "charts",
    # who votes with whom, year by year
    "affinity": "voting_affinity",
    "affinity_table": "voting_affinity",
    "affinity_chart": "charts",
    # widgets
    "country_explorer": "widgets",
    "group_explorer": "widgets",
    "paragraph_explorer": "widgets",
    "majority_calculator": "widgets",
    "vote_comparer": "widgets",
    "quiz": "assess.quizzes",
    "matching_quiz": "assess.quizzes",
    "self_check": "assess.self_checks",
    "self_check_ids": "assess.self_checks",
    "self_check_questions": "assess.self_checks",
    "check": "assess.check",
    "CheckResult": "assess.check",
    "exercise_bank": "assess.exercises",
    "exercise_ids": "assess.exercises",
    "write_solutions": "assess.solutions",
    # the official UN record
    "read_undl": "official.read",
    "use_official_record": "official.install",
    "compare_with_official": "official.compare",
    "agreement_matrix": "official.agreement",
    "historical_codes": "official.codes",
    "cache_dir": "official.cache",
    "clear_cache": "official.cache",
    "current_record": "record",
    "CacheError": "errors",
    # a lesson notebook for any vote
    "make_lesson": "lesson",
    "lesson_check": "lesson",
    "related_votes": "lesson",
    # writing files whole or not at all
    "atomic_write_text": "fileio",
    "atomic_write_bytes": "fileio",
    "OutputPathError": "fileio",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .analysis import (
        agreement,
        agreement_detail,
        agreement_pairs,
        cohesion,
        cohesion_detail,
        majority_explanation,
        passes,
        tally,
        transition_crosstab,
        transitions,
        vote_history,
        votes_needed,
    )
    from .assess.check import CheckResult, check
    from .assess.exercises import exercise_bank, exercise_ids
    from .assess.quizzes import matching_quiz, quiz
    from .assess.self_checks import self_check, self_check_ids, self_check_questions
    from .assess.solutions import write_solutions
    from .assignment import assignment_grader
    from .bounds import vote_bounds
    from .categories import VOTE_COLORS, VOTE_LABELS, VOTE_ORDER
    from .charts import (
        affinity_chart,
        agreement_chart,
        agreement_table,
        group_chart,
        group_table,
        shift_chart,
        shift_table,
        tally_chart,
        tally_table,
        trend_chart,
        trend_table,
        vote_bounds_chart,
        vote_bounds_table,
    )
    from .errors import (
        CacheError,
        DataFileError,
        UngaTeachError,
        UnknownCountryError,
        UnknownResolutionError,
    )
    from .fileio import OutputPathError, atomic_write_bytes, atomic_write_text
    from .groups import REGIONAL_GROUPS, group_members, group_names, load_groups
    from .lesson import lesson_check, make_lesson, related_votes
    from .maps import vote_map, vote_map_table
    from .members import Country, country_name, find_country, load_members
    from .notebook import NotebookSetupError, SetupReport, setup_notebook
    from .official.agreement import agreement_matrix
    from .official.cache import cache_dir, clear_cache
    from .official.codes import historical_codes
    from .official.compare import compare_with_official
    from .official.install import use_official_record
    from .official.read import read_undl
    from .paragraphs import load_paragraphs
    from .record import current_record
    from .record_coverage import coverage
    from .resolutions import (
        MAIN_RESOLUTION,
        ResolutionInfo,
        VoteRef,
        load_resolutions,
        resolution_info,
        resolve_resolution,
        resolve_vote,
        resolve_votes,
        series,
    )
    from .search import search_votes
    from .sources import load_conflicts, load_sources
    from .statements import load_statements, statement_themes
    from .tables import Table, TableError, name_sort_key, show_table
    from .validation import validate
    from .votes import known_votes, load_votes, read_votes_csv
    from .voting_affinity import affinity, affinity_table
    from .widgets import (
        country_explorer,
        group_explorer,
        majority_calculator,
        paragraph_explorer,
        vote_comparer,
    )
    from .withheld import MIN_KNOWN_SHARE, Withheld
