# Clinic CMS. `make help` lists the targets.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "Python 3.11 or newer is needed (set PYTHON=...)" && exit 1)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.dev-installed ## Install the test and lint tools too

setup: install ## Migrate and load the demo content (safe to repeat; keeps data)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: setup ## Set everything up; serve on http://127.0.0.1:$(PORT) with the worker beside it
	$(PY) manage.py ensure_local_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@$(PY) manage.py run_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: install ## Run the background worker alone (e-mails, scheduled publishing, purge)
	$(PY) manage.py run_worker

lint: install-dev ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: install-dev ## Lint, check migrations, run the whole test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run --noinput
	$(PY) -m pytest $(PYTEST_ARGS)

test-browser: install-dev ## Only the browser tests (real Chromium)
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

bench: install-dev ## Benchmark gunicorn + production settings with wrk (1,000 articles)
	$(PY) bench/run.py

bench-instructions: install-dev ## CPU instructions per request (valgrind), on the database `make bench` builds
	$(PY) bench/instructions.py

lighthouse: install-dev ## Lighthouse (phone) on the main pages, production settings, Chromium
	$(PY) bench/lighthouse.py

backup: install ## Back up database and media into backups/<timestamp>/
	$(PY) manage.py backup

restore: install ## Restore a backup: make restore FROM=backups/<timestamp>
	@test -n "$(FROM)" || (echo "usage: make restore FROM=backups/<timestamp>" && exit 1)
	$(PY) manage.py restore "$(FROM)"

serve-prod: install ## gunicorn with production settings (needs the production environment)
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.production $(PY) manage.py clear_page_cache
	DJANGO_SETTINGS_MODULE=cms.settings.production $(VENV)/bin/gunicorn -c cms/gunicorn.conf.py

audit: install-dev ## Check the pinned requirements against the Python vulnerability database
	$(PIP) install --quiet pip-audit==2.10.1
	$(VENV)/bin/pip-audit --strict -r requirements.txt

format: install-dev ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: help install install-dev setup run worker bench bench-instructions lighthouse backup restore serve-prod audit lint test test-browser format
