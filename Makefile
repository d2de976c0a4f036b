# Two commands on a fresh machine (Debian/Ubuntu with python3 and python3-venv):
#   make serve   set up, then serve the site at http://127.0.0.1:8000 (rebuilds when data/ changes)
#   make test    set up, then run every test
#   make build   set up, then build the site into site/ with the PDF of the whole record and the
#                offline edition beside its pages (what the Pages workflow publishes; needs Chromium)
# Set-up is a virtual environment in .venv with the pinned versions of requirements*.txt;
# it is redone only when those files change. `make test` also installs what the checks run with,
# each only when it is missing: the Nu HTML checker (npm ci in tests/nu), a Java runtime for it
# and Chromium for the browser tests (apt-get, as root or through sudo).
#   make test-fast  every test but the browser ones, which need no Chromium
#   make lint       ruff (lint and format) and mypy alone
#   make bench    set up (Lighthouse from bench/package-lock.json, Chromium if missing), then benchmark
#   make profile  profile one build of the site into bench/profile.html

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The browser the tests drive (tests/browser/conftest.py reads it too).
export CHROMIUM ?= /usr/bin/chromium
# The Java runtime that runs the Nu HTML checker (tests/test_html_valid.py reads it too).
JAVA ?= $(shell command -v java || echo /usr/bin/java)
export JAVA := $(JAVA)
VNU_JAR := tests/nu/node_modules/vnu-jar/build/dist/vnu.jar
# cffconvert, which checks CITATION.cff, in a virtual environment of its own (it needs an older jsonschema).
CFF_VENV := tests/cff/.venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test test-fast lint check build clean bench profile

# --dirty: each rebuild renders only the pages whose inputs changed (hooks.py decides which).
serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload --dirty

# What every test needs but a browser.
TEST_SETUP := $(VENV)/.test-installed $(VNU_JAR) $(JAVA) $(CFF_VENV)/.installed

# Every test: the static checks first (seconds), then pytest.
test: $(TEST_SETUP) $(CHROMIUM)
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest

# Every test but the browser ones (marked `browser`: tests/browser/), so no Chromium.
test-fast: $(TEST_SETUP)
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -m "not browser"

# Lint, formatting and types of eunato/, hooks.py, macros.py, tests/ and bench/ (settings: pyproject.toml).
lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(VENV)/.site-installed
	$(BIN)/python -m eunato check

# The site with --strict, the PDF of the whole record and the offline edition (eunato/publish.py):
# an offline build first (zipped, and printed to PDF by Chromium), then the site with both files.
build: $(VENV)/.build-installed $(CHROMIUM)
	$(BIN)/python -m eunato build --site-dir site

# The code before the speed work of issue 14 (the commit before "Draw a chart again only when its own
# figures change"): make bench measures its pages and editor's loop beside this checkout's.
BENCH_BASELINE ?= 026c42f
bench: $(VENV)/.bench-installed bench/node_modules/.package-lock.json $(CHROMIUM)
	CHROME_PATH=$(CHROMIUM) $(BIN)/python bench/run.py --baseline $(BENCH_BASELINE)

profile: $(VENV)/.bench-installed
	$(BIN)/pyinstrument -r html -o bench/profile.html -m mkdocs build --strict --quiet -d "$$(mktemp -d)"

clean:
	rm -rf site build $(VENV) bench/node_modules tests/nu/node_modules $(CFF_VENV)

$(VENV)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Chromium for the browser tests, when $(CHROMIUM) is missing. Debian: its `chromium` package (about
# 20 s; 113 MB download). Ubuntu has no such package (only a wrapper for the snap), so there Playwright
# downloads the Chromium build the pinned Playwright is made for, with the libraries it needs, and
# it is linked at $(CHROMIUM). GitHub's ubuntu-24.04 runner has /usr/bin/chromium already.
$(CHROMIUM):
	$(SUDO) apt-get update
	if apt-cache show --no-all-versions chromium 2>/dev/null | grep -q '^Filename:'; then \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	else \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-build.txt && \
	  $(BIN)/python -m playwright install --with-deps chromium && \
	  $(SUDO) ln -sf "$$($(BIN)/python -c 'from playwright.sync_api import sync_playwright; p = sync_playwright().start(); print(p.chromium.executable_path); p.stop()')" $@; \
	fi

# The Nu HTML checker needs Java 17 or newer: the default runtime of Debian 12 and Ubuntu 24.04 or later.
$(JAVA):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless

# vnu.jar alone: --ignore-scripts skips the package's own step that would download a Java runtime.
$(VNU_JAR): tests/nu/package.json tests/nu/package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm; }
	cd tests/nu && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(VENV)/.build-installed: requirements-build.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-build.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.build-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(CFF_VENV)/.installed: tests/cff/requirements.txt
	test -x $(CFF_VENV)/bin/python || $(PYTHON) -m venv $(CFF_VENV)
	$(CFF_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tests/cff/requirements.txt
	touch $@

# The test packages too: the zensical step builds with the Zensical they pin.
$(VENV)/.bench-installed: bench/requirements.txt $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	command -v npm >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	cd bench && npm ci --no-audit --no-fund
