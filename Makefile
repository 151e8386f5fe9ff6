# Two commands for a new machine: `make serve` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp is newer than the lock only once the venv matches it, so a lock change reinstalls.
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Lighthouse's npm package lives in tools/lighthouse/ so that `make test` does not install it.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.installed
# Zensical, Material for MkDocs' successor, in a virtual environment of its own (see README "Moving to Zensical").
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup lock serve build build-zensical publish check lint format test test-fast golden urls offline lighthouse screenshots bench bench-engines browser-deps citing-deps pdf pdf-deps nginx-deps publish-extras text-layer clean

# The venv and the npm tools: the build formats citations with citeproc-js (npm `citeproc`), run by node.
setup: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	# The package itself, editable. Its build backend (setuptools) comes from the lock, hence no isolation.
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Rewrites requirements.lock from pyproject.toml, and requirements-zensical.lock (make build-zensical's own
# environment) from requirements-zensical.in, keeping the pins they can. No index or find-links lines:
# they would record this machine's pip configuration in the lock.
PIP_TOOLS := pip-tools==7.6.2
lock:
	$(PYTHON) -m venv .build/pip-tools
	.build/pip-tools/bin/pip install --quiet $(PIP_TOOLS)
	.build/pip-tools/bin/pip-compile --quiet --allow-unsafe --build-deps-for=editable --extra=dev --extra=test \
		--generate-hashes --no-emit-find-links --no-emit-index-url --output-file=requirements.lock --strip-extras \
		pyproject.toml
	.build/pip-tools/bin/pip-compile --quiet --generate-hashes --no-emit-find-links --no-emit-index-url \
		--output-file=requirements-zensical.lock --strip-extras requirements-zensical.in

# A preview: its citations carry the local address and every cite box says so.
serve: $(STAMP) $(NODE_STAMP) pdf-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Builds into a fresh folder and swaps it in only on success, so a failed build keeps the last good site.
# A preview too (mkdocs.yml's local site_url); `make publish` makes the site for readers.
build: $(STAMP) $(NODE_STAMP) pdf-deps
	$(BIN)/python -m edition build

# The same site built by Zensical from the generated docs folder, then finished, into site-zensical/.
# Not part of `make build`.
build-zensical: $(STAMP) $(NODE_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m edition build --engine zensical

$(ZENSICAL_STAMP): requirements-zensical.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --require-hashes -r requirements-zensical.lock
	touch $(ZENSICAL_STAMP)

# The site for readers, in public/: needs the site's address, e.g. make publish SITE_URL=https://example.org/lee2025/
# Builds with it (the PDF included), then adds the pre-compressed files and the host files (README "Publishing").
# Refuses none, a loopback or a file: address, and refuses the result if any page or download names one.
publish: $(STAMP) $(NODE_STAMP) pdf-deps
	SITE_URL="$(SITE_URL)" $(BIN)/python -m edition publish

# Checks the data and the pages it makes (rendering them formats citations, hence node).
check: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m edition check

# Lint, format and types first (CI runs `make test`, so it runs these too); then every test.
# The engine comparison (tests/test_zensical.py, slow) builds with Zensical, so the tests set it up too.
test: lint browser-deps citing-deps pdf-deps nginx-deps $(ZENSICAL_STAMP)
	$(BIN)/python -m pytest -n 2

# Unit tests per stage and the checks of data: no site build, no browser, no apt (under 15 s). The npm tools
# are part of the set-up: rendering formats citations with citeproc-js. One process: the suite needs a few
# seconds of CPU, less than starting xdist's workers costs.
test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

LINTED := scripts tests benchmarks
# ruff checks the style and formatting (config in pyproject.toml), mypy the types of scripts/.
lint: $(STAMP)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy

# Rewrites the code as `make lint` wants it: run it after a merge.
format: $(STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

# pandoc (Debian's) is the second CSL processor the downloads are checked with (tests/test_pandoc.py).
citing-deps:
	@command -v pandoc >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q pandoc; }

# Rewrites tests/golden/ from the current data; review the diff before committing.
golden: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

# What the browser gates need beyond Python: Debian's chromium, Java for vnu.jar, and the npm tools
# (axe-core, vnu-jar, iframe-worker) from the lock. --ignore-scripts: vnu-jar's install script would
# download a Java runtime from outside the registry; the jar itself is in the package.
browser-deps: $(NODE_STAMP)
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || \
		{ apt-get update -q && apt-get install -y -q chromium default-jre-headless; }

# The PDF edition: WeasyPrint (from the lock) needs Debian's Pango and HarfBuzz; the fonts it sets the text in;
# poppler-utils (pdftotext, pdfinfo) reads the PDF back in the tests.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-sil-charis fonts-dejavu-core poppler-utils
pdf-deps:
	@dpkg -s $(PDF_DEBS) >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q $(PDF_DEBS); }

# Debian's nginx and its brotli_static module: tests/test_nginx.py and `make lighthouse` serve the published
# folder with deploy/nginx/lee2025.conf. Installing does not leave a server running that we rely on.
NGINX_DEBS := nginx libnginx-mod-http-brotli-static
nginx-deps:
	@dpkg -s $(NGINX_DEBS) >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q $(NGINX_DEBS); }

# The PDF edition alone, into pdf/ (the build also puts it at downloads/lee2025.pdf); SITE_URL sets its ¶ links.
pdf: $(STAMP) $(NODE_STAMP) pdf-deps
	$(BIN)/python -m edition.pdf pdf/lee2025.pdf $(if $(SITE_URL),--site-url "$(SITE_URL)")

PUBLISH_DIR ?= public
# Pre-compressed copies and host files (_headers, _redirects, _nginx/) for a built folder: part of `make publish`.
publish-extras: $(STAMP)
	$(BIN)/python -m edition publish-extras $(PUBLISH_DIR) --site-url "$(SITE_URL)"

# Records the text layer of the newest edition in data/text-layer.json (after adding it to data/edition.yml).
# AMEND=1 replaces the newest edition's record: only while nobody can have cited that edition.
text-layer: $(STAMP)
	$(BIN)/python -m edition text-layer --record $(if $(AMEND),--amend)

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q npm; }
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# Adds the built site's pages and anchors to the URL contract (tests/published_urls.txt); never removes.
urls: build
	$(BIN)/python -m tests.url_contract site

# Build time, page weight and memory at 1x, 10x and 50x the real content (see README, Performance).
# Not part of `make test`; BENCH_ARGS passes options, e.g. BENCH_ARGS="--scales 1,10 --runs 3".
# Then the phone figures beside the bare theme (benchmarks/phone.py: Lighthouse on both sites in one run;
# PHONE_ARGS passes options, e.g. PHONE_ARGS="--pages home,print --runs 1").
bench: $(STAMP) $(NODE_STAMP) browser-deps $(LIGHTHOUSE_STAMP)
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.phone $(PHONE_ARGS)

# MkDocs and Zensical timed on the same generated docs folder (see README, Performance). Not part of `make test`.
bench-engines: $(STAMP) $(NODE_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m benchmarks.engines $(BENCH_ARGS)

# A copy that works from file:// (search included), zipped. It is built apart, into offline/, because the
# offline plugin turns off directory URLs and the online URLs are under the URL contract.
offline: $(STAMP) $(NODE_STAMP)
	rm -rf offline
	EDITION_OFFLINE=true $(BIN)/python -m mkdocs build --strict --quiet --site-dir offline/lee-2025-edition
	cd offline && ../$(BIN)/python -m zipfile -c lee-2025-edition-offline.zip lee-2025-edition/
	@echo "offline/lee-2025-edition-offline.zip: unzip it and open lee-2025-edition/index.html"

# Lighthouse 12.2.3 (mobile default) on three page types, medians of 3 runs; see README "Quality gates".
# Its npm package lives in tools/lighthouse/ so that `make test` does not install it.

$(LIGHTHOUSE_STAMP): tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(LIGHTHOUSE_STAMP)

lighthouse: $(STAMP) $(NODE_STAMP) browser-deps pdf-deps nginx-deps $(LIGHTHOUSE_STAMP)
	$(BIN)/python scripts/lighthouse_run.py 3

# Every page type at 390x844 and 1366x900, light and dark, in slices, into screenshots/ (git-ignored), to look at.
# Not part of `make test`. SCREENSHOTS=home,matrix pictures those page types only.
screenshots: build browser-deps
	$(BIN)/python scripts/screenshots.py site screenshots $(SCREENSHOTS)

clean:
	rm -rf site site.* site-zensical site-zensical.* .build .pytest_cache offline pdf public public.*
