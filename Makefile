# Two commands do everything on a fresh machine: `make book` and `make test`.
# Both create the virtual environment from the pinned requirements.txt if needed.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
JB := $(VENV)/bin/jupyter-book
STAMP := $(VENV)/.installed-stamp
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: book test unit nbval book-check execute data bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

## make book: build the static HTML book into _build/html
book: $(STAMP)
	$(PY) -m catbook check
	$(JB) build . --keep-going
	@echo "Book built: open file://$(CURDIR)/_build/html/index.html"

## make test: unit tests + nbval over every notebook, then a warnings-as-errors book build
test: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with .nbval-sanitize.cfg tests $(NOTEBOOKS)
	$(MAKE) book-check

unit: $(STAMP)
	$(PY) -m pytest tests

nbval: $(STAMP)
	$(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with .nbval-sanitize.cfg $(NOTEBOOKS)

# Every page rebuilt from scratch (a cached build would hide warnings of unchanged pages).
book-check: $(STAMP)
	rm -rf _build/check
	$(JB) build . --all --warningiserror --nitpick --keep-going --path-output _build/check
	@echo "Book builds without warnings."

## make execute: re-run every notebook in place (after changing code or data)
execute: $(STAMP)
	for nb in $(NOTEBOOKS); do $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False "$$nb"; done

## make data: rebuild the derived tables and generated pages from the source text
data: $(STAMP)
	$(PY) -m catbook data
	$(PY) -m catbook pages

bench: $(STAMP)
	$(PY) benchmarks/bench_book.py

clean:
	rm -rf _build
