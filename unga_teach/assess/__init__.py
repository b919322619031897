"""Assessment: checked coding exercises, self-check questions and quiz widgets.

One concept, three forms, all reachable from the top level:

* :func:`unga_teach.check` checks a learner's value for one exercise of the bank
  (``unga_teach/assess/bank/``): :mod:`.check`, :mod:`.exercises`, :mod:`.compare`;
* :func:`unga_teach.self_check` builds a question of the question bank
  (``questions/nbNN.toml``): :mod:`.self_checks`;
* :func:`unga_teach.quiz` and :func:`unga_teach.matching_quiz` build your own:
  :mod:`.quizzes`.

Nothing is imported until it is used.
"""
