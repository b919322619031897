"""Headless notebook execution shared by the notebook builder, tests and benchmarks.

Not part of the installed package: a maintainer and test helper.
"""

from __future__ import annotations

import collections

from nbclient import NotebookClient


class WidgetSafeClient(NotebookClient):
    """NotebookClient that tolerates Output widgets when widget state is not stored.

    nbclient 0.10/0.11 keeps ``widget_state`` empty when ``store_widget_state``
    is False, but its Output-widget hook still writes
    ``widget_state[comm_id]["outputs"]`` and raises ``KeyError`` as soon as a
    widget (our explorers, the vote comparer) prints into an Output widget.
    A defaultdict makes that write harmless; model states are still not
    recorded, so nothing is stored in the notebook.
    """

    def reset_execution_trackers(self) -> None:
        super().reset_execution_trackers()
        self.widget_state = collections.defaultdict(dict)
