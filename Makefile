# Two commands do all the set-up on a fresh machine:
#   make run    install into .venv (first time), extract the sample corpus, score it
#   make test   install into .venv (first time), run the test suite
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test setup bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: setup
	$(BIN)/departures extract corpus/ -o output/events.jsonl
	@if [ -f $(SHARED)/gold/seeds.jsonl ]; then \
		$(BIN)/departures evaluate --gold $(SHARED)/gold/seeds.jsonl --pred output/events.jsonl --source corpus/; \
	fi

test: setup
	$(BIN)/python -m pytest

# Builds the benchmark dumps into bench/out/ (git-ignored; needs $(SHARED)) and prints a table.
bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf output/ .pytest_cache
