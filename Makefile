# Two commands do everything on a fresh machine: `make book` and `make test`.
# Both create the virtual environment from the pinned requirements.txt if needed.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
JB := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed-stamp
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
# The front-end packages (web/package-lock.json), installed by `make web`.
WEB_STAMP := web/node_modules/.installed-stamp
LAB_PORT ?= 8888
# Extra pytest options for the test targets (`make bench-test --slowest` passes --durations).
PYTEST_ARGS ?=

.PHONY: book test unit-nbval unit nbval book-check execute data bench clean web chromium node browser lab site

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

## make node: Debian's Node.js and npm: npm installs the pinned front-end packages, and the unit
## tests run the page's custody engine with node against the Python engine (tests/test_custody_parity.py)
node:
	command -v node >/dev/null || (apt-get update && apt-get install -y nodejs)
	command -v npm >/dev/null || (apt-get update && apt-get install -y npm)

## make web: the npm packages the book serves itself, exactly as web/package-lock.json pins them
$(WEB_STAMP): web/package.json web/package-lock.json | node
	cd web && npm ci --no-audit --no-fund --ignore-scripts
	touch $(WEB_STAMP)

web: $(WEB_STAMP)

## make chromium: Debian's chromium-headless-shell (Playwright never downloads a browser): it prints the
## book and the handouts and runs every browser test (CHROMIUM=/usr/bin/chromium picks the full browser)
chromium:
	test -x /usr/bin/chromium-headless-shell || (apt-get update && apt-get install -y chromium-headless-shell)

## make axe: axe-core for the accessibility gate of the browser tests, as tests/browser/axe/package-lock.json pins it
AXE_STAMP := tests/browser/axe/node_modules/.installed-stamp
$(AXE_STAMP): tests/browser/axe/package.json tests/browser/axe/package-lock.json | node
	cd tests/browser/axe && npm ci --no-audit --no-fund --ignore-scripts
	touch $(AXE_STAMP)

axe: $(AXE_STAMP)

.PHONY: axe pdf

## make book: build the static HTML book into _build/html
book: $(STAMP) $(WEB_STAMP) chromium
	$(PY) -m catbook check
	$(JB) build . --keep-going
	@echo "Book built: open file://$(CURDIR)/_build/html/index.html"

## make test: unit tests + nbval over every notebook, then a warnings-as-errors book build, then the
## browser tests against it (`make bench-test` times each part)
test: $(STAMP) $(WEB_STAMP) chromium node axe
	$(MAKE) unit-nbval
	$(MAKE) book-check
	$(MAKE) browser

## make unit-nbval: the first part of `make test`: unit tests and nbval over every notebook, one run
unit-nbval: $(STAMP) $(WEB_STAMP) chromium node
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with .nbval-sanitize.cfg tests --ignore=tests/browser $(NOTEBOOKS) $(PYTEST_ARGS)

# The unit tests print a handout card with Chromium (tests/test_training.py).
unit: $(STAMP) $(WEB_STAMP) chromium node
	$(PY) -m pytest tests --ignore=tests/browser

## make browser: the browser tests (Chromium) against the book `make book-check` built
browser: $(STAMP) chromium
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

nbval: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with .nbval-sanitize.cfg $(NOTEBOOKS)

# Every page rebuilt from scratch (a cached build would hide warnings of unchanged pages).
book-check: $(STAMP) $(WEB_STAMP) chromium
	rm -rf _build/check
	$(JB) build . --all --warningiserror --nitpick --keep-going --path-output _build/check
	@echo "Book builds without warnings."

## make execute: re-run every notebook in place (after changing code or data)
execute: $(STAMP)
	for nb in $(NOTEBOOKS); do $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=True "$$nb"; done

## make data: rebuild the derived tables (paragraphs, audit, tidy tables, datapackage.json) and generated pages
data: $(STAMP)
	$(PY) -m catbook data
	$(PY) -m catbook pages
	$(PY) -m catbook audit > /dev/null
	$(PY) -m catbook.judge.tidy
	$(PY) -m catbook.book.datapackage

## make lab: JupyterLab with the project's environment, on http://127.0.0.1:$(LAB_PORT) (as root too)
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --no-browser --ip=127.0.0.1 --port=$(LAB_PORT) --allow-root --ServerApp.root_dir="$(CURDIR)"

## make pdf: A4 PDF handouts of the built book, one per page of _toc.yml and the whole book, in _build/pdf/
pdf: book chromium
	rm -rf _build/pdf
	$(PY) -m catbook.book.pdf --html _build/html --out _build/pdf

## make site: the built book as a self-contained folder for any static host, in _build/site/
## (nothing loads from another host, every address relative; catbook.book.site checks it)
site: book
	$(PY) -m catbook.book.site --html _build/html --out _build/site

## make bench: clean build, rebuild after one notebook changes (and their ratio), nbval, bare execution
bench: $(STAMP)
	$(PY) benchmarks/bench_book.py

## make bench-test: the time of each part of `make test` (unit tests and nbval, the warnings-as-errors
## book build, the browser tests), wall and CPU seconds, and the total (benchmarks/bench_test.py)
bench-test: $(STAMP) $(WEB_STAMP) chromium node axe
	$(PY) benchmarks/bench_test.py

clean:
	rm -rf _build

# The browser tests also need axe-core (accessibility gate); PDFs are read with pypdf (requirements.txt).
browser: $(AXE_STAMP)

## make handouts: the instructors' handouts as A4 PDFs in _build/handouts/ (a custody-clock card
## per rule, an exercise sheet and an answer key per session, the glossary), printed by Chromium
handouts: $(STAMP) chromium
	$(PY) -m catbook.training handouts --out _build/handouts

## make training: rewrite the generated pages of book/instructors/ from data/cat-c-kaz-3/training/
training: $(STAMP)
	$(PY) -m catbook.training pages

.PHONY: handouts training bench-test
