"""Batch screening of customer files: ``tamis screen-file`` and the Spark job.

- :mod:`tamis.batch.readers` / :mod:`tamis.batch.writers`: CSV, TSV, JSON lines,
  Parquet and .xlsx in and out, streamed in chunks.
- :mod:`tamis.batch.mapping`: input columns to query fields (flags or detected headers).
- :mod:`tamis.batch.runner`: the resumable multi-process run (:func:`screen_file`).
- :mod:`tamis.batch.spark_job`: the same screening on Apache Spark (see :mod:`tamis.spark`).
"""
