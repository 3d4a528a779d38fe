# tamis — the two commands that matter: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint venv clean

# the matching modules setup.py compiles: editing one rebuilds (an old build would run)
NATIVE_SOURCES := setup.py $(wildcard src/tamis/text/*.py src/tamis/matching/*.py \
	src/tamis/matching/features/*.py src/tamis/matching/algorithms/*.py)

$(STAMP): pyproject.toml $(NATIVE_SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	find src -name '*.so' -delete  # a module no longer compiled must not keep its old build
	$(BIN)/python -m pip install -q -e ".[dev,spark]"
	touch $(STAMP)

venv: $(STAMP)

## run: set everything up, load the bundled lists into the SQLite store, start the main job
run: $(STAMP)
	$(BIN)/tamis demo --serve

## test: set everything up and run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## bench: speed and accuracy benchmarks (figures go to docs/benchmarks.md)
bench: $(STAMP)
	$(BIN)/python -m bench.run_all

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) build *.egg-info
	find src -name '*.so' -delete
