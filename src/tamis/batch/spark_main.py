"""spark-submit entry point: ``spark-submit path/to/spark_main.py INPUT -o OUTPUT [options]``.

spark-submit runs a Python *file*, not a module; this file runs the
``tamis spark-screen`` command with the arguments it is given. Find its path
with ``python -c "import tamis.batch.spark_main as m; print(m.__file__)"``, or
run ``python -m tamis.batch.spark_main ...`` for a local session.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from tamis.cli import main as cli_main

    sys.argv = ["tamis", "spark-screen", *(sys.argv[1:] if argv is None else argv)]
    cli_main()


if __name__ == "__main__":
    main()
