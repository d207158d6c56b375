# One entry point for people and CI. `make run` shows the KPI on the demo data;
# `make test` runs every check. Both install what they need into .venv first.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)/.dbt
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: run setup system-packages test lint unit-and-data-tests pytest site readme-picture benchmark clean

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

$(DBT_PROFILES_DIR)/profiles.yml: profiles.yml.example
	mkdir -p $(DBT_PROFILES_DIR)
	cp profiles.yml.example $@

setup: $(BIN)/.installed $(DBT_PROFILES_DIR)/profiles.yml

## The main job: build everything on DuckDB with the demo data and print the KPI.
run: setup
	$(BIN)/dbt build --target duckdb
	$(BIN)/python scripts/show_kpi.py

## What users look at: the dbt docs site (one self-contained HTML file) and the KPI report
## (self-contained HTML plus PNG charts), both from a DuckDB build of the demo data.
site: setup
	$(BIN)/dbt build --target duckdb
	$(BIN)/dbt docs generate --target duckdb --static
	mkdir -p site/docs
	cp target/static_index.html site/docs/index.html
	$(BIN)/python scripts/make_report.py --output-dir site/report
	@echo "Docs site: site/docs/index.html    Report: site/report/multi_role_engagement_report.html"

## The README's picture of the report: the top of the report as Chromium renders it.
readme-picture: site system-packages
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 \
		--screenshot=$(CURDIR)/docs/report.png file://$(CURDIR)/site/report/multi_role_engagement_report.html

## Not a test: full and incremental builds against the floor at 1M, 10M and 100M events
## (about half an hour and 10 GB of temporary disk), see BENCHMARKS.md.
benchmark: setup system-packages
	$(BIN)/python scripts/benchmark.py

## Every check: sqlfluff, dbt build with its unit and data tests, the pytest suite.
test: setup lint unit-and-data-tests pytest

lint: setup
	$(BIN)/sqlfluff lint models tests analyses

unit-and-data-tests: setup
	$(BIN)/dbt build --target duckdb

system-packages:
	bash scripts/ensure_system_packages.sh

pytest: setup system-packages
	$(BIN)/pytest tests/python $(PYTEST_ARGS)

clean:
	rm -rf target logs dbt_packages site *.duckdb
