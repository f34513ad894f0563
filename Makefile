# Two commands a new user needs: `make serve` and `make test`. Everything else they call.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_READY := $(VENV)/.installed
NODE_READY := node_modules/.installed

# Material 9.8 prints a large end-of-life banner about MkDocs 2.0 on every build. It concerns the
# theme's future, not this build, and it buries real warnings in the output; the versions here are
# pinned on purpose. Silenced for every target (and the builds the tests run, which inherit it).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test install chromium java bench clean

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Built beside, then swapped in: a failed build leaves the last good site/ exactly as it was.
build: install
	@rm -rf site.partial
	@$(BIN)/mkdocs build --strict --site-dir site.partial || { \
	  rm -rf site.partial; echo "The build failed (see above): site/ is unchanged." >&2; exit 1; }
	@rm -rf site.previous && { [ ! -d site ] || mv site site.previous; } && mv site.partial site && rm -rf site.previous

# The tests in three tiers, by folder: unit (tests/engine, tests/site_build, and tests/scripts, the
# page's and the worker's pure logic under Node's own runner), build (tests/site: a real `mkdocs
# build`) and browser (tests/browser: Chromium). `make check` runs the unit tier, in about a minute;
# `make test` runs all three. Two workers, each test file on one of them (its module's booted pages
# are made once); every test stands alone.
UNIT_TESTS := tests/engine tests/site_build tests/support
PYTEST := $(BIN)/python -m pytest -n 2 --dist loadfile
NODE_TESTS := node --test --test-reporter=dot tests/scripts/

check: install
	$(NODE_TESTS)
	$(PYTEST) $(UNIT_TESTS)

test: install chromium java
	$(NODE_TESTS)
	$(PYTEST)

bench: install chromium
	$(BIN)/python -m bench

install: $(PY_READY) $(NODE_READY)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The pinned packages of pyproject.toml's `site` and `test` extras, then the project itself, editable:
# its metadata names the build's MkDocs plugins (entry points), and a .pth file puts the checkout
# (site_build/, support/, the engine) on the path. (setuptools warns of every editable install as such.)
$(PY_READY): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $$($(BIN)/python -c 'import tomllib; extras = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]; print(*extras["site"], *extras["test"])')
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "coaching-timing.pth").write_text(str(pathlib.Path.cwd()) + "\n")'
	touch $@

# The Pyodide runtime is served from the site itself, pinned by package-lock.json. No install
# scripts: the only one (vnu-jar's) would download a Java runtime; `make test` checks for Java instead.
$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# What the tests need beyond Python and Node, from Debian's packages when missing (on a machine
# without apt-get, one line says what to install): Chromium for the browser tests (Playwright
# cannot download its own browser here) and Java for the HTML checker (vnu.jar).
define debian_package
	@command -v $(1) >/dev/null || { \
	  command -v apt-get >/dev/null || { echo "make test needs $(1): install it (see README, 'What a machine needs')" >&2; exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2); }
endef

chromium:
	$(call debian_package,chromium,chromium)

java:
	$(call debian_package,java,default-jre-headless)

clean:
	rm -rf site site.partial site.previous $(VENV) node_modules
