"""The state of one open network, without Textual.

``Document`` owns the network, its undo history, its file, the learner's
selection and edit step, and the training session; ``session`` holds the
training settings and builds data and trainers for both the playground and
``nntui train``; ``recovery`` keeps copies of unsaved work.
"""
