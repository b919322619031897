"""Interactive explorers for the notebooks (ipywidgets 8).

Every builder returns a widget and never displays it: put the call last in a
cell. Child widgets are attributes (``w.country``, ``w.result_html``, ...), so a
test, or a curious learner, can drive a widget from code by setting ``.value``
or calling ``.click()``. Callbacks never fail silently: an error is shown, in
plain words, in the widget's ``error_html`` area. Text from data is always
HTML-escaped.

One module per explorer: :mod:`.country`, :mod:`.group`, :mod:`.paragraphs`,
:mod:`.calculator` and :mod:`.comparer`; they share :mod:`.panel` (the error
area and the table cells) and :mod:`.vote_menus` (which votes a menu offers).

Examples
--------
>>> import unga_teach as ut
>>> calc = ut.majority_calculator()
>>> calc.yes.value = 10
>>> calc.simple_passes
False
"""

from __future__ import annotations

from .calculator import MEMBERS as MEMBERS
from .calculator import MajorityCalculator, majority_calculator
from .comparer import VoteComparer, vote_comparer
from .country import CountryExplorer, country_explorer
from .group import GroupExplorer, group_explorer
from .panel import CONFIDENCE_WORDS as CONFIDENCE_WORDS
from .panel import UNKNOWN_RULE as UNKNOWN_RULE
from .panel import UNKNOWN_RULE_MANY as UNKNOWN_RULE_MANY
from .panel import UNKNOWN_TEXT as UNKNOWN_TEXT
from .paragraphs import ParagraphExplorer, paragraph_explorer

__all__ = [
    "CountryExplorer",
    "GroupExplorer",
    "MajorityCalculator",
    "ParagraphExplorer",
    "VoteComparer",
    "country_explorer",
    "group_explorer",
    "majority_calculator",
    "paragraph_explorer",
    "vote_comparer",
]
