"""The pieces of ``tools/build_members.py``, one module per concept.

* :mod:`members.states` is the curated list: the 195 states, their codes, M49
  regions and UN regional groups, and our notes about them.
* :mod:`members.atlas` decodes the world-atlas TopoJSON and picks each state's
  representative point (``lon``, ``lat``).
* :mod:`members.crosscheck` compares the curated codes with ``pycountry`` and
  ``country_converter``.
* :mod:`members.dossier` checks that every state name in the research dossier
  maps to one state.
* :mod:`members.table` makes, writes and checks the rows of ``data/members.csv``.

Maintainer tool, not part of the installed package; run
``python tools/build_members.py`` (see its docstring).
"""
