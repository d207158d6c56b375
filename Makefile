# One entry point for people and CI. `make run` shows the KPI on the demo data;
# `make test` runs every check. Both install what they need into .venv first.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)/.dbt
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: run setup system-packages test lint unit-and-data-tests pytest clean

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
	rm -rf target logs dbt_packages *.duckdb
