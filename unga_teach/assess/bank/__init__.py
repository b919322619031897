"""The exercise bank: one module per notebook, each with a tuple ``EXERCISES``.

See :mod:`unga_teach.assess.exercises` for the rules an exercise follows, and
:mod:`.common` for the data the checkers read.
"""
