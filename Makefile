# Two entry points for a fresh machine (see README):
#   make demo   set up .venv, extract the bundled demo corpus, ingest it into ./demo.db for the dashboard
#   make test   set up .venv and run the whole test suite
# uv installs exactly what uv.lock pins (versions and hashes); uv itself is
# pinned too and lives in its own small venv so it never touches the system.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv

DEMO_DB := sqlite:///./demo.db

.PHONY: setup demo test bench clean worldmap

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

setup: $(VENV)/.synced

demo: setup
	$(VENV)/bin/wirecoder extract examples --format table
	$(VENV)/bin/wirecoder ingest examples --db $(DEMO_DB) --published 2024-03-18
	@echo
	@echo "The dashboard on the demo database:"
	@echo "    $(VENV)/bin/wirecoder serve --db $(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/"

# The map's country outlines (wirecoder/serve/web/static/world.json, committed) from the npm
# packages pinned in tools/worldmap/package-lock.json; only needed when those pins change.
worldmap:
	cd tools/worldmap && npm ci --no-audit --no-fund && node build.mjs

# pytest exits 5 when it collected no test: a suite that runs nothing is broken.
test: setup
	@$(VENV)/bin/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: setup
	$(VENV)/bin/python bench/bench_extract.py
	$(VENV)/bin/python bench/bench_gazetteer.py
	$(VENV)/bin/python bench/bench_ingest.py
	$(VENV)/bin/python bench/bench_dashboard.py

clean:
	rm -rf .venv .tools .pytest_cache wirecoder.db demo.db demo.db-wal demo.db-shm
