"""The course notebooks 00-06 as Python: one module per notebook.

* :mod:`course.facts` reads every number and quotation the prose states from the
  package's loaders, and stops the build if the data no longer says it.
* :mod:`course.cells` makes markdown and code cells with fixed ids.
* :mod:`course.series` is the map of the series (titles, times, navigation).
* :mod:`course.nb00` ... :mod:`course.nb06` hold the text of one notebook each.
* :mod:`course.build` assembles, executes and writes them
  (``python tools/build_notebooks.py``).
"""
