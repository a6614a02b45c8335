# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
# Prefect's settings (project-local, quiet, offline) come from newswire.cli.prefect_environment.

.PHONY: setup run test validate bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(BIN)/newswire run --raw raw --out processed

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

validate: $(STAMP)
	$(BIN)/newswire validate

bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) .prefect .pytest_cache .hypothesis
