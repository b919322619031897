"""Build the course notebooks 00-06 from ``tools/course/``, then execute them.

The notebooks are generated, never edited by hand: change the text in
``tools/course/nbNN.py`` (one module per notebook) and run this script again,
so the prose can be reviewed as Python and every number and quotation in it is
read from the package's data when the script runs.

    python tools/build_notebooks.py              # build, execute, keep golden outputs
    python tools/build_notebooks.py --no-execute # prose only: keep stored golden outputs
    python tools/build_notebooks.py --only 03    # one notebook

What the build guarantees:

* one module per notebook, returning its cells; every cell has a fixed id;
* the first code cell of every notebook is ``import unga_teach as ut`` and
  ``ut.setup_notebook()``;
* quotations come only from ``ut.load_statements()["quote"]``, with the
  speaker and the ``source_url`` of the same row (see ``course.facts.quote``);
* numbers in the prose come from the loaders (see ``course.facts.Facts``);
* after execution (nbclient, no widget state), only the cells tagged
  ``nbval-check-output`` keep their outputs and execution counts, so nbval
  checks the headline numbers and nothing else is stored.

``notebooks/README.md`` (the map of the series) is written from the same
table as the map in notebook 00.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The notebooks are built from the shipped data: an instructor's official file
# must not leak into the committed golden outputs.
os.environ.pop("UNGA_TEACH_UNDL", None)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from course.build import main

if __name__ == "__main__":
    sys.exit(main())
