# Two commands set everything up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: run test setup lint typecheck browser-tools messages models

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

# A random secret for this machine only; never committed.
.env:
	@echo "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(48))')" > $@
	@echo "Wrote .env with a new SECRET_KEY."

# The theme models are built from the corpus, never downloaded; rebuilt when it changes.
MODEL_INPUTS := $(wildcard analysis/corpus/*.jsonl) $(wildcard analysis/lexicons/*.json) \
	analysis/languages.py analysis/pipeline.py analysis/scoring.py analysis/themes.py \
	analysis/training.py

analysis/trained/VERSION: $(MODEL_INPUTS) | $(INSTALLED)
	$(BIN)/consult train-tagger

models: analysis/trained/VERSION

setup: $(INSTALLED) .env models
	$(BIN)/consult migrate
	$(BIN)/consult load-demo

run: setup
	$(BIN)/consult serve --host 127.0.0.1 --port 8000

lint: $(INSTALLED)
	$(BIN)/ruff check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

# Chromium from Debian and axe-core from npm, both on disk before any test runs.
browser-tools:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --silent --no-audit --no-fund

# Regenerate the .pot from the code and templates, then merge it into every catalog.
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k gettext --no-location --sort-output \
	  --project=consult --copyright-holder="London community consultations" \
	  --msgid-bugs-address=translations@consult.invalid -o consult/locale/messages.pot .
	$(BIN)/pybabel update -i consult/locale/messages.pot -d consult/locale --no-wrap --no-fuzzy-matching --ignore-obsolete

test: setup browser-tools lint typecheck
	@set -o pipefail; ran=""; \
	echo "== pytest on SQLite =="; \
	$(BIN)/pytest || exit 1; ran="SQLite"; \
	if $(BIN)/python -m tests.postgres_available "$(POSTGRES_URL)"; then \
	  echo "== pytest on PostgreSQL =="; \
	  TEST_DATABASE_URL="$(POSTGRES_URL)" $(BIN)/pytest || exit 1; ran="$$ran and PostgreSQL"; \
	elif [ -n "$$CI" ]; then \
	  echo "PostgreSQL did not answer at 127.0.0.1:5432, and CI must test on it."; exit 1; \
	else \
	  echo "PostgreSQL did not answer at 127.0.0.1:5432: the PostgreSQL run was skipped."; \
	fi; \
	echo "Tests ran on: $$ran."
