"""tamis: sanctions and restricted-party screening.

Official lists are parsed by :mod:`tamis.sources`, kept with their history by
:mod:`tamis.store`, normalised by :mod:`tamis.text` and matched by
:mod:`tamis.matching`. The CLI, HTTP API and batch/Spark front doors are thin
layers over those library calls.
"""

__version__ = "0.1.0"
