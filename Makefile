# Build and test entry points for the lte.modem collection.
# Quick start: `make demo` and `make test`. Everything runs from .venv,
# which is created (or completed) on first use from tests/requirements.txt.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The main environment: the newest ansible-core, which needs Python 3.12 or later on the controller.
# tools/find_python.sh finds python3.12 on PATH or in pyenv's versions.
PYTHON_VERSION := 3.12
PYTHON ?= $(shell tools/find_python.sh $(PYTHON_VERSION))
VENV := .venv
STAMP := $(VENV)/.requirements.stamp
COLLECTIONS := .build/collections
COLLECTION_LINK := $(COLLECTIONS)/ansible_collections/lte/modem
PYTEST_ARGS ?=

# Paths are computed from the checkout at run time.
export PATH := $(abspath $(VENV)/bin):$(PATH)
export PYTHONPATH := $(CURDIR):$(abspath $(COLLECTIONS))
export ANSIBLE_COLLECTIONS_PATH := $(abspath $(COLLECTIONS))
export PYTHONDONTWRITEBYTECODE := 1
unexport VIRTUAL_ENV

PYTEST := python -m pytest -p no:cacheprovider

.PHONY: help venv collection browser demo test units integration host sanity lint bench lock clean distclean
.PHONY: matrix matrix-venvs lock-matrix

help:
	@echo 'make demo         run the demo against the simulated modem'
	@echo 'make test         units, integration, host, matrix, sanity, lint (stops at the first failure)'
	@echo 'make units        pytest tests/unit'
	@echo 'make integration  pytest tests/integration'
	@echo 'make host         the huawei_host role in a throw-away Debian root (builds it once; needs root)'
	@echo 'make sanity       ansible-test sanity on a temporary copy of the collection'
	@echo 'make lint         ansible-lint (production profile), antsibull-changelog lint, antsibull-docs lint'
	@echo 'make matrix       the smoke set on every older ansible-core release (tests/matrix/), a table of results'
	@echo 'make bench        run benchmarks/*.py'
	@echo 'make venv         create or update .venv from tests/requirements.txt'
	@echo 'make browser      install Debian'"'"'s chromium for the browser test, if missing'
	@echo 'make clean        remove build and test output (keeps .venv)'
	@echo 'make distclean    clean, and remove .venv and .venv-matrix'

venv: $(STAMP)

$(STAMP): tests/requirements.txt tests/constraints.txt
	@tools/make_venv.sh $(VENV) $(PYTHON_VERSION) "$(PYTHON)"
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q -r tests/requirements.txt -c tests/constraints.txt
	@touch $@

collection: $(COLLECTION_LINK)

$(COLLECTION_LINK):
	@mkdir -p $(dir $@)
	ln -sfn ../../../.. $@

# Debian's chromium for the fleet report's browser test, installed only when missing (as root, or with sudo).
browser:
	@command -v chromium >/dev/null || { \
	    sudo=; [[ $$(id -u) -eq 0 ]] || sudo=sudo; \
	    echo 'Installing chromium (Debian package) for the browser test'; \
	    $$sudo apt-get update -q && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }

demo: venv collection
	tools/demo.sh

test: venv collection
	@tools/stages.sh units integration host matrix sanity lint

units: venv collection
	$(PYTEST) tests/unit -q $(PYTEST_ARGS)

integration: venv collection browser matrix-venvs
	$(PYTEST) tests/integration -q -n 2 $(PYTEST_ARGS)

# The huawei_host role run for real in a Debian root made by debootstrap (kept in .build/debian-root).
host: venv collection
	tools/debian_root.sh .build/debian-root
	LTE_MODEM_DEBIAN_ROOT=$(abspath .build/debian-root) $(PYTEST) tests/host -q $(PYTEST_ARGS)

sanity: venv matrix-venvs
	tools/sanity.sh

lint: venv collection
	ansible-lint
	antsibull-changelog lint
	antsibull-docs lint-collection-docs .

# The ansible-core matrix (tests/matrix/): every older release in .venv-matrix/core-RELEASE runs
# the smoke set; .venv-matrix/target-X.Y are the target Pythons the modules are run with.
matrix-venvs:
	@tools/matrix.sh venvs

matrix: venv collection matrix-venvs
	@tools/matrix.sh smoke

# Refresh tests/matrix/core-*.lock (after changing tests/matrix/core-*.txt).
lock-matrix:
	@tools/matrix.sh venvs && tools/matrix.sh lock

bench: venv collection
	@shopt -s nullglob; files=(benchmarks/*.py); \
	if [[ $${#files[@]} -eq 0 ]]; then echo 'no benchmarks/*.py'; exit 0; fi; \
	for f in "$${files[@]}"; do echo "==> $$f"; python "$$f"; done

# Refresh tests/constraints.txt from the current .venv (after changing tests/requirements.txt).
lock: venv
	@{ echo '# Full lock of the tests/requirements.txt environment (pip freeze, Python $(PYTHON_VERSION)).'; \
	   echo '# Regenerate: make lock'; \
	   python -m pip freeze --all --disable-pip-version-check | grep -v -i -E '^(pip|setuptools|wheel)=='; } > tests/constraints.txt
	@touch $(STAMP)

clean:
	rm -rf .build tests/output .pytest_cache changelogs/.plugin-cache.yaml
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .venv-matrix
