"""Build and check ``data/members.csv``: the 193 UN member states and 2 observer states.

Maintainer tool, not part of the installed package. The list of states, their
UN short names, M49 regions and UN regional groups is curated by hand in
``tools/members/states.py`` (``STATES_TABLE``). Libraries are only used as a
cross-check (``tools/members/crosscheck.py``):

* ``pycountry`` (ISO 3166-1) for the alpha-2 code and the numeric code;
* ``country_converter`` (its bundled ``country_data.tsv``) for the ISO codes,
  the UN M49 code and region, and its list of UN members.

Where a library disagrees with the curated value, the curated (UN) value is
written and the disagreement is printed.

The representative point (``lon``, ``lat``) comes from the Natural Earth 4.1.0
geometry in the npm package ``world-atlas@2.0.2``. Get it with::

    cd /tmp && npm pack world-atlas@2.0.2 && mkdir -p world-atlas \
        && tar xzf world-atlas-2.0.2.tgz -C world-atlas

For each state we take the finest file that has its ISO numeric id
(``countries-10m.json``, then ``50m``, then ``110m``), decode the TopoJSON arcs,
pick the polygon with the largest area and use that polygon's centroid. A state
that is in none of the three files gets its capital's coordinates (see
``CAPITALS`` in ``tools/members/atlas.py``) and a note. ``has_shape_110m`` says
whether the 1:110m file (the one shipped in ``data/maps/``) has a geometry with
the state's id.

Run from the repository root::

    python tools/build_members.py --atlas /tmp/world-atlas/package \
        [--dossier ../shared/research/votes]
    python tools/build_members.py --check      # check the existing CSV only

Sources: https://www.un.org/en/about-us/member-states (members),
https://www.un.org/en/about-us/non-member-states (observers),
https://www.un.org/dgacm/en/content/regional-groups (regional groups),
https://unstats.un.org/unsd/methodology/m49/ (M49 regions).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from members.atlas import atlas_points
from members.crosscheck import cross_check_coco, cross_check_pycountry
from members.dossier import check_dossier_names
from members.states import parse_states
from members.table import build_rows, check_csv, write_rows

ROOT = Path(__file__).resolve().parent.parent
OUT_CSV = ROOT / "data" / "members.csv"
#: The pristine upstream copy that tools/build_map.py builds data/maps/countries-110m.json
#: from (Crimea moved).
MAP_110M_UPSTREAM = ROOT / "tools" / "maps" / "world-atlas-2.0.2" / "countries-110m.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--atlas", type=Path, help="unpacked world-atlas@2.0.2 package folder")
    parser.add_argument("--dossier", type=Path, help="the research dossier's votes/ folder")
    parser.add_argument("--out", type=Path, default=OUT_CSV, help="CSV to write or check")
    parser.add_argument("--check", action="store_true", help="only check the existing CSV")
    args = parser.parse_args(argv)

    states = parse_states()
    problems = 0
    if args.dossier:
        problems += len(check_dossier_names(states, args.dossier))

    if not args.check:
        if args.atlas is None:
            parser.error("--atlas is required to build (or use --check)")
        upstream = MAP_110M_UPSTREAM
        if upstream.is_file() and _sha256(upstream) != _sha256(args.atlas / "countries-110m.json"):
            print(f"ERROR {upstream} is not a byte-for-byte copy of the package's file")
            problems += 1
        cross_check_pycountry(states)
        cross_check_coco(states)
        points, ids_110m = atlas_points(states, args.atlas)
        rows = build_rows(states, points, ids_110m)
        write_rows(rows, args.out)
        print(f"wrote {len(rows)} rows to {args.out}")
        missing = [r for r in rows if r["has_shape_110m"] == "false" and r["status"] == "member"]
        print(f"{len(missing)} member states have no shape at 1:110m:")
        for r in missing:
            print(f"  {r['iso3']} {r['iso_num']} {r['name']}")

    errors = check_csv(args.out, states)
    for line in errors:
        print("ERROR", line)
    problems += len(errors)
    print("OK" if problems == 0 else f"{problems} problem(s)")
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
