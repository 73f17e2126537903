# The two commands in the README: `make serve` and `make test`.
# Both install the locked Python and Node packages on first use. The machine
# needs Python 3.11 with venv, Node 20.19 or later (the CSS tools) and make;
# the browser tests also need Chromium, Java and fonts-liberation (README,
# "Prerequisites"; .ci/run installs them on Debian).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.7+ and mkdocs-redirects print a long banner about MkDocs 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
STAMP  := $(VENV)/.installed-from-lock
# `python -m` puts this folder on the import path, so the hooks import the
# build package `hinge` by its dotted name.
MKDOCS := $(BIN)/python -m mkdocs
# The build post-processes site/ with Node tools (scripts/optimize_site.py), and the
# tests validate HTML with the Nu checker: both come from package-lock.json.
NODE_STAMP := node_modules/.installed-from-lock
# Lighthouse is large and only the benchmark needs it, so it has its own lock.
BENCH_STAMP := benchmark/node_modules/.installed-from-lock

.PHONY: serve build test benchmark lock clean

# Reinstall whenever the lock file changes, so two machines run the same versions.
$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(NODE_STAMP): package-lock.json
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a == 20 && b < 19)) { console.error("Node " + process.versions.node + " is too old: the CSS tools need Node 20.19 or later (README, Prerequisites)."); process.exit(1) }'
	npm ci --no-audit --no-fund
	touch $@

$(BENCH_STAMP): benchmark/package-lock.json
	npm ci --prefix benchmark --no-audit --no-fund
	touch $@

serve: $(STAMP) $(NODE_STAMP)
	$(MKDOCS) serve --strict

build: $(STAMP) $(NODE_STAMP)
	$(MKDOCS) build --strict

# The test session builds the site once (tests/conftest.py) and checks site/.
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest

# Lighthouse (mobile) on every page of a fresh build; prints a table. Not a test.
benchmark: build $(BENCH_STAMP)
	$(BIN)/python -m tools.benchmark

# Refresh pins after editing requirements.in (needs the network).
lock: $(STAMP)
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		-o requirements.lock requirements.in

clean:
	rm -rf $(VENV) node_modules benchmark/node_modules site .cache
