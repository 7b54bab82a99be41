# Safe Migration Hub: `make run` serves the demo site, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Every HTML template of ours, in whichever app's templates/ folder (djhtml keeps them indented).
TEMPLATES := find . \( -path ./.venv -o -path ./node_modules \) -prune \
	-o -path '*/templates/*' -name '*.html' -print

.PHONY: run test bench lint format messages system-run system-test system-bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

# Browser-side test tools (axe-core), installed from the npm registry, never served.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-run:
	sh scripts/install-system-packages.sh run

system-test:
	sh scripts/install-system-packages.sh test

system-bench:
	sh scripts/install-system-packages.sh bench

messages: $(VENV)/.installed-run
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

## Install, migrate, load the geography and demo content (once), serve on 127.0.0.1:8000.
run: system-run $(VENV)/.installed-run messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) runserver $(HOST):$(PORT)

## Install what the tests need, then lint and run the suite on PostgreSQL and on SQLite.
test: system-test $(VENV)/.installed-dev node_modules/.installed messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(TEMPLATES) | xargs -r $(BIN)/djhtml --check
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	sh scripts/with-postgres.sh env EXPECT_DATABASE_VENDOR=postgresql $(BIN)/pytest
	# tests/deploy start a PostgreSQL of their own, tests/backups a SQLite file of their own:
	# once (in the run above) is enough.
	env -u DATABASE_URL EXPECT_DATABASE_VENDOR=sqlite $(BIN)/pytest --ignore=tests/deploy --ignore=tests/backups

## Run every benchmark in benchmarks/ on a throwaway PostgreSQL cluster, as in production;
## each prints `name: value unit (ratio x baseline)`.
bench: system-bench $(VENV)/.installed-dev node_modules/.installed messages
	sh scripts/with-postgres.sh sh -c 'for script in benchmarks/bench_*.py; do \
		echo "== $$script"; \
		DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python $$script || exit 1; \
	done'

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(TEMPLATES) | xargs -r $(BIN)/djhtml --check
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(TEMPLATES) | xargs -r $(BIN)/djhtml

clean:
	rm -rf $(VENV) staticfiles .cache
