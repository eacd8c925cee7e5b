# Two entry points for a fresh machine (see README):
#   make demo   set up .venv from the lock file and extract the bundled demo corpus
#   make test   set up .venv and run the whole test suite
# uv installs exactly what uv.lock pins (versions and hashes); uv itself is
# pinned too and lives in its own small venv so it never touches the system.
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv

.PHONY: setup demo test bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

setup: $(VENV)/.synced

demo: setup
	$(VENV)/bin/wirecoder extract examples --format table

# pytest exits 5 when it collected no test: a suite that runs nothing is broken.
test: setup
	@$(VENV)/bin/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: setup
	$(VENV)/bin/python bench/bench_extract.py
	$(VENV)/bin/python bench/bench_gazetteer.py
	$(VENV)/bin/python bench/bench_ingest.py

clean:
	rm -rf .venv .tools .pytest_cache wirecoder.db
