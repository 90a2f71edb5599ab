# Openly — `make help` lists every target.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
WORKERS ?= 2
PORT ?= 8000
# The address the dev server's links (sitemap, feeds, emails) carry: the Site record is set
# to it by migrate and load_demo (home/site_address.py). Production sets its own.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: help install run serve worker migrate demo test lint format check pytest messages bench langcheck-report clean

help: ## List every target with what it does
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | sort | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/python: requirements.lock requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --no-compile -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/node: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p $(STAMPS) && touch $@

install: $(STAMPS)/python ## Create .venv and install the locked Python packages
	@true

migrate: install ## Apply database migrations
	OPENLY_SITE_URL=$${OPENLY_SITE_URL:-$(SITE_URL)} $(MANAGE) migrate --no-input

demo: migrate ## Load the demo content (idempotent)
	OPENLY_SITE_URL=$${OPENLY_SITE_URL:-$(SITE_URL)} $(MANAGE) load_demo

# The dev server with the email worker beside it (it retries emails that could not be sent
# at once); Ctrl-C stops both, and the worker stops too if the server does.
define serve_with_worker
	@echo "Serving Openly at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "The worker runs beside it (manage.py run_worker: emails, scheduled publishing, jobs)."
	@export OPENLY_SITE_URL=$${OPENLY_SITE_URL:-$(SITE_URL)}; \
		$(MANAGE) run_worker --interval 5 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
		$(MANAGE) runserver $(HOST):$(PORT)
endef

run: demo ## Install, migrate, load demo content and serve http://127.0.0.1:8000 (+ email worker)
	$(serve_with_worker)

serve: install ## Serve (with the email worker) without reloading the demo content
	$(serve_with_worker)

worker: install ## Run only the worker (queued emails and retries, scheduled publishing, jobs)
	$(MANAGE) run_worker

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## Django system checks and missing-migration check
	DJANGO_SETTINGS_MODULE=openly.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=openly.settings.test $(MANAGE) makemigrations --check --dry-run

pytest: install $(STAMPS)/node ## Run the pytest suite only (ARGS="-k name" to filter, WORKERS=1 for one process)
	$(BIN)/pytest -n $(WORKERS) $(ARGS)

test: lint check pytest ## The whole suite: lint, checks, migrations, all tests

messages: install ## Update the .po files from the code and compile them
	$(MANAGE) makemessages -l fr -l uk -l ar -l de -l es -l it -l pl -l el -l ro --ignore=.venv --ignore=node_modules --ignore="tests/*" --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv

bench: install ## Benchmarks (query counts and render times with large data sets)
	DJANGO_SETTINGS_MODULE=openly.settings.test $(BIN)/python -m tests.bench

# LOCALE=de for one locale, VERBOSE=1 to list every miss and false alarm.
langcheck-report: migrate ## Score the language check on the evaluation set (SET=fresh for the fresh set)
	$(MANAGE) language_check_report $(if $(SET),--set $(SET)) $(if $(LOCALE),--locale $(LOCALE)) $(if $(VERBOSE),--verbose)

clean: ## Remove the virtual environment, database, media and caches
	rm -rf $(VENV) $(STAMPS) node_modules db.sqlite3 media .test-media static_collected
