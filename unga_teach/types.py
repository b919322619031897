"""Type aliases shared by the public functions (for type checkers and readers).

Examples
--------
>>> from unga_teach.types import MajorityRule, ResolutionRef
>>> rule: MajorityRule = "two_thirds"
>>> ref: ResolutionRef = "A/RES/ES-11/7"
"""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["CountryRef", "MajorityRule", "ResolutionRef"]

#: A vote of the course named by its id (``"2026"``, ``"ES-11/7"``), its symbol
#: (``"A/RES/ES-11/7"``) or its draft symbol (``"A/ES-11/L.17"``).
ResolutionRef: TypeAlias = str

#: A state named by its UN name, a common name, or its ISO3 / ISO2 / numeric code.
CountryRef: TypeAlias = str

#: The majority a vote needs: more yes than no (``"simple"``), or at least two
#: thirds of those present and voting (``"two_thirds"``).
MajorityRule: TypeAlias = Literal["simple", "two_thirds"]
