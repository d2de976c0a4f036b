# Two commands on a fresh machine (Debian/Ubuntu with python3 and python3-venv):
#   make serve   set up, then serve the site at http://127.0.0.1:8000 (rebuilds when data/ changes)
#   make test    set up, then run every test
# Set-up is a virtual environment in .venv with the pinned versions of requirements*.txt;
# it is redone only when those files change. `make test` also installs Debian's Chromium for the
# browser tests when it is missing (apt-get, as root or through sudo).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The browser the tests drive (tests/browser/conftest.py reads it too).
export CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test check build clean

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload

test: $(VENV)/.test-installed $(CHROMIUM)
	$(BIN)/python -m pytest

check: $(VENV)/.site-installed
	$(BIN)/python -m eunato check

build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

clean:
	rm -rf site $(VENV)

$(VENV)/.site-installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Playwright cannot download its own browser here, so the tests use Debian's (about 20 s; 113 MB download).
$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@
