# SkillUp developer commands. `make run` and `make test` are the two a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-all resilience worker beat fmt lint bench check messages clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Virtual environment in .venv with exactly what the lock files pin (idempotent).
$(VENV)/.installed: $(UV) requirements-dev.lock
	@test -x $(PY) || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(PY) --require-hashes requirements-dev.lock
	@touch $@

# The Nu HTML Checker the browser suite runs on every public page (tests/e2e/htmlcheck.py): fetched
# with npm, run with Java. Without npm, a warning: the rest of the install goes on and the suite's
# HTML check then fails saying what to install.
VNU_VERSION := 26.9.27
VNU_STAMP := $(TOOLS)/vnu/.installed-$(VNU_VERSION)
$(VNU_STAMP):
	@if command -v npm >/dev/null; then \
	  npm install --no-save --no-audit --no-fund --loglevel=error --prefix $(TOOLS)/vnu vnu-jar@$(VNU_VERSION) \
	  && touch $@; \
	else \
	  echo "WARNING: npm not found: the Nu HTML Checker (vnu-jar) is not installed; the browser suite needs it" >&2; \
	fi

install: $(VENV)/.installed $(VNU_STAMP)

# Migrate, load demo data and serve on the embedded default (SQLite, eager Celery, console email).
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools -v 0 || echo "compilemessages needs GNU gettext; continuing with English only"
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

# The whole quick suite (browser journeys included). PostgreSQL/Redis when DATABASE_URL /
# CELERY_BROKER_URL are set, SQLite otherwise; the first line printed names the engine.
test: install
	$(PY) -m pytest -n $${PYTEST_WORKERS:-2} -m "not resilience" $(ARGS)

resilience: install
	$(PY) -m pytest -m resilience -p no:xdist $(ARGS)

worker: install
	$(VENV)/bin/celery -A skillup worker --loglevel=info --concurrency=2

beat: install
	$(VENV)/bin/celery -A skillup beat --loglevel=info

fmt: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

messages: install
	$(MANAGE) makemessages -l fr -l de -l es -l it -l pl -l nl --no-location --no-obsolete --ignore=.venv --ignore=.tools --ignore=tests --ignore=benchmarks
	$(MANAGE) compilemessages --ignore=.venv --ignore=.tools

# Every benchmark under benchmarks/, each ending with its one-line result.
bench: install
	@set -e; found=0; for b in benchmarks/*.py; do \
	  [ -e "$$b" ] || continue; found=1; echo "== $$b"; $(PY) $$b; done; \
	  [ $$found = 1 ] || echo "no benchmarks yet"

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles .pytest_cache
