# Two commands on a fresh machine with Python 3.11+ and make:
#   make run    create .venv if missing, install, open the app
#   make test   install the test extras, run the whole suite offscreen
PYTHON ?= python3
VENV   := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
PY := $(BIN)/python

.PHONY: run test bench lint format translations demo clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/coordinator $(ARGS)

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests --ignore=tests/bench -q

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/bench --benchmark-only -q -s --timeout=0

lint: $(VENV)/.installed-test
	$(BIN)/ruff check coordinator tests
	$(BIN)/ruff format --check coordinator tests

format: $(VENV)/.installed-test
	$(BIN)/ruff format coordinator tests
	$(BIN)/ruff check --fix coordinator tests

# The English plural forms ("1 record", "2 records"): collect the counted strings, then fill
# in any new ones in the .ts file and run this again to build the .qm the app loads.
TS := resources/translations/coordinator_en.ts
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete -locations none \
		-tr-function-alias QT_TR_NOOP+=N_ $$(find coordinator -name '*.py' | sort) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(TS:.ts=.qm)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .benchmarks
