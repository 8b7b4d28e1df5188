# Samarbejdsportalen: `make run` to try it, `make test` to test it.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(basename $(PYTHON_VERSION)) 2>/dev/null || \
	( [ -x "$$HOME/.pyenv/versions/$(PYTHON_VERSION)/bin/python" ] && echo "$$HOME/.pyenv/versions/$(PYTHON_VERSION)/bin/python" ) || \
	command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make run PORT=8080` serves on another port; the printed logins and e-mail links follow it.
PORT ?= 8000
DEV_URL := http://127.0.0.1:$(PORT)
DEV_ENV := DEBUG=1 SITE_URL=$(DEV_URL)

.PHONY: run test setup migrate demo lint format audit bench bench-pdf bench-editor clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else "Python 3.13 kræves (se .python-version)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

migrate: setup
	@mkdir -p var
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py load_demo --base-url $(DEV_URL)

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Two test processes (pytest-xdist), one per core; each test file runs whole in one process, so
# a module's fixtures (the demo site, a rendered PDF, a live server) are built once.
# `make test TEST_PROCESSES=0` runs in this process, e.g. to debug with pdb.
# The counted editor journeys (marker `bench`) are measurements: `make bench-editor` runs them.
TEST_PROCESSES ?= 2
test: setup
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadfile --durations=15 -m "not bench" $(PYTEST_ARGS)

# Load benchmark on a throwaway PostgreSQL database with the national data (docs/performance.md),
# then the PDF benchmark. BENCH_ARGS passes options to bench/load.py (see --help).
bench: setup
	$(BIN)/python bench/load.py $(BENCH_ARGS)
	$(MAKE) bench-pdf

# Render time and peak memory of the plan PDF: the demo plan and a synthetic ~60-page plan.
bench-pdf: setup
	$(BIN)/python bench/pdf_bench.py

# Browser actions a secretariat needs to enter the second demo district's plan in the workspace
# (issue 15), against the targets; needs Chromium (docs/performance.md).
bench-editor: setup
	$(BIN)/python tools/bench_editor.py

# The installed (pinned) dependencies against known vulnerabilities (pip-audit). Exit 2, with a
# message saying so, when the vulnerability database could not be reached: never a silent pass.
# AUDIT_ARGS passes options to pip-audit, e.g. AUDIT_ARGS="-s osv".
audit: setup
	$(BIN)/python tools/audit.py $(AUDIT_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var/portal.sqlite3 var/staticfiles
