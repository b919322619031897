"""Check the state names in the research dossier's CSVs against the curated list."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .states import State

#: Names in the dossier's free-text ``country`` columns that are not UN short
#: names but clearly mean one state.
DOSSIER_ALIASES: dict[str, str] = {"Venezuela": "VEN"}

#: Labels in the dossier's ``country`` columns that are not a state.
DOSSIER_NON_STATES = {
    "(President of the General Assembly)",
    "(motion for division)",
    "European Union (EU + 26 member states; Hungary did not align)",
}



def check_dossier_names(states: Sequence[State], dossier: Path) -> list[str]:
    """Every name in the dossier CSVs' ``country`` column must map to one state."""
    by_name = {s.name: s.iso3 for s in states}
    errors: list[str] = []
    seen: Counter[str] = Counter()
    for path in sorted(dossier.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "country" not in reader.fieldnames:
                continue
            for line, row in enumerate(reader, start=2):
                label = (row.get("country") or "").strip()
                if label in DOSSIER_NON_STATES:
                    continue
                iso3 = (row.get("iso3") or "").strip()
                parts = [label] if iso3 else [p.strip() for p in label.split(";")]
                for part in parts:
                    mapped = by_name.get(part) or DOSSIER_ALIASES.get(part)
                    where = f"{path.name}:{line}"
                    if mapped is None:
                        errors.append(f"{where}: {part!r} maps to no state")
                    elif iso3 and mapped != iso3:
                        errors.append(f"{where}: {part!r} is {mapped} here but {iso3} there")
                    else:
                        seen[part] += 1
    print(f"dossier: {len(seen)} distinct state names checked, {len(errors)} problem(s)")
    for message in errors:
        print("  ERROR", message)
    return errors
