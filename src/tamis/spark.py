"""Screening on Apache Spark: ``tamis.spark.screen(df, name_col="name", ...)``.

Needs the ``spark`` extra (``pip install tamis[spark]``). Example::

    from pyspark.sql import SparkSession
    import tamis.spark

    spark = SparkSession.builder.getOrCreate()
    customers = spark.read.parquet("customers.parquet")
    hits = tamis.spark.screen(customers, name_col="full_name", id_col="customer_id",
                              birth_date_col="dob", country_col="country")
    hits.write.parquet("hits.parquet")

The implementation lives in :mod:`tamis.batch.spark_job`; see docs/scaling.md.
"""

from __future__ import annotations

from tamis.batch.spark_job import HIT_SCHEMA, screen, serialise_entities

__all__ = ["HIT_SCHEMA", "screen", "serialise_entities"]
