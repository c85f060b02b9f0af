# Two commands for a newcomer: `make run` and `make test`. Each installs what it
# is missing and reuses what is already there, so a second run is quick.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers: the machine has two cores and the browser tests dominate.
PYTEST_ARGS ?= -n 2 --durations=5
export COPRODUCE_VAR_DIR ?= $(CURDIR)/var
# The task worker and the scheduler of periodic jobs, as `make run` starts them beside
# gunicorn; coproduce/lib/tests/test_worker_process.py starts these same command lines.
WORKER := manage.py db_worker --interval 2
SCHEDULER := manage.py run_schedule

.PHONY: run test bench bench-load lint format install assets static demo clean pdf-libs prerequisites lock translations messages

# Python and Node.js new enough, said plainly before anything is installed.
prerequisites:
	@$(PYTHON) scripts/prerequisites.py tools

$(BIN)/python: | prerequisites
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs the app and test dependencies at the versions in requirements.lock (the tested
# ones); stamped so it reruns only when pyproject or the lock changes.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test,scale]'
	touch $@

node_modules/.installed: package.json package-lock.json | prerequisites
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

ASSET_SOURCES := $(wildcard assets/*.mjs assets/scss/*.scss assets/js/*.js)
coproduce/static/dist/.built: $(ASSET_SOURCES) node_modules/.installed
	npm run --silent build
	touch $@

var/static/.collected: coproduce/static/dist/.built $(shell find coproduce -path '*/static/*' -type f -not -path '*/dist/*' 2>/dev/null) | $(VENV)/.installed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	touch $@

# The Welsh catalogues, compiled for Django; only the ones that changed.
translations: $(VENV)/.installed
	@$(BIN)/python manage.py compile_translations

# `make messages`: after changing any text, collects every marked string into each app's
# Welsh catalogue (coproduce/<app>/locale/cy/LC_MESSAGES/django.po); the new ones are empty
# until translated, and coproduce/tests/test_translations.py fails until they are. Needs
# GNU gettext (Debian's gettext package).
messages: $(VENV)/.installed
	$(BIN)/python scripts/messages.py

install: prerequisites $(VENV)/.installed node_modules/.installed
assets: coproduce/static/dist/.built
static: var/static/.collected translations

# `make run`: a demo site on SQLite, served by gunicorn with WhiteNoise.
run: export COPRODUCE_DEMO ?= 1
run: install static pdf-libs
	$(BIN)/python manage.py demo --migrate
	@echo ""
	@echo "Coproduce is running at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	@# The task worker (emails, imports) and the scheduler (reminders, retention, clean-up)
	@# run beside the web server and stop with it.
	$(BIN)/python $(WORKER) & worker=$$!; \
	$(BIN)/python $(SCHEDULER) & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn coproduce.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 --access-logfile - --log-level warning

# `make test`: the whole suite, browser and accessibility tests included.
# Set DATABASE_URL=postgres://... to run the same suite on PostgreSQL.
test: install static pdf-libs
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| { echo "Could not install chromium: the browser tests need /usr/bin/chromium"; exit 1; }; }
	@command -v xgettext >/dev/null || { echo "Installing Debian's gettext to check the Welsh catalogues"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) \
		|| { echo "Could not install gettext: coproduce/tests/test_translations.py needs xgettext"; exit 1; }; }
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# `make bench`: a large organisation's data on SQLite then PostgreSQL (127.0.0.1:5432),
# gunicorn with 2 workers, locust for a bounded time; prints a table per database (each
# page against every bar; at BENCH_SCALE=10 beside the latest scale-1 run) and writes
# var/bench/latest.json. BENCH_SCALE=0.05 for a quick run while developing;
# BENCH_DATABASES=postgresql for one database; BENCH_RESTART_POSTGRES=1 also restarts
# PostgreSQL mid-load and reports recovery.
# `make bench-load`: the crowd: two app servers sharing PostgreSQL and Redis (127.0.0.1:6379),
# BENCH_LOAD_USERS people (100) for BENCH_LOAD_SECONDS (300); throughput, failures, p95s.
BENCH_SCALE ?= 1
BENCH_DATABASES ?= sqlite,postgresql
BENCH_LOAD_USERS ?= 100
BENCH_LOAD_SECONDS ?= 300
$(VENV)/.bench-installed: pyproject.toml requirements.lock | $(VENV)/.installed
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test,scale,bench]'
	touch $@

bench: install static $(VENV)/.bench-installed
	BENCH_SCALE=$(BENCH_SCALE) BENCH_DATABASES=$(BENCH_DATABASES) $(BIN)/python -m coproduce.bench.run

bench-load: install static $(VENV)/.bench-installed
	BENCH_SCALE=$(BENCH_SCALE) BENCH_LOAD_USERS=$(BENCH_LOAD_USERS) \
		BENCH_LOAD_SECONDS=$(BENCH_LOAD_SECONDS) $(BIN)/python -m coproduce.bench.load

# WeasyPrint (certificates, board report) draws text with Pango, from Debian.
# Found without `ldconfig` on PATH; installed when root, else the script says what to install.
pdf-libs:
	@$(PYTHON) scripts/prerequisites.py pdf-libs

# `make lock`: resolves pyproject's dependencies (every extra) afresh into requirements.lock,
# keeping the versions already locked where they still fit (decision 0022). Index and
# find-links options stay out of the file: they belong to each machine's pip settings.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock 'pip-tools>=7.6,<8'
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --all-extras --strip-extras \
		--no-emit-options --allow-unsafe --output-file=requirements.lock pyproject.toml

# `make lint`: one checker per line, each must pass. lint-imports checks the layers of
# docs/architecture.md (the contracts are in pyproject.toml); mypy checks the typed public
# surface (pyproject.toml's [tool.mypy], decision 0025).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules coproduce/static/dist var/static
