#!/usr/bin/env bash
# Runs the browser tests (Tests/Browser) in Debian's headless Chromium with Selenium.
#
#   Tests/Browser/run.sh [pytest arguments]
#
# Needs: chromium and chromium-driver (scripts/install-deps.sh), the test Postgres/Redis
# (scripts/services.sh start test) and their CONCIERGE_TEST_* variables (the Makefile exports
# them), and a build whose binaries are in CONCIERGE_BIN_DIR (default .build/debug).
# Selenium and pytest come from PyPI into .data/venv-browser, once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
VENV="${BROWSER_VENV:-${ROOT}/.data/venv-browser}"
PYTHON="${PYTHON:-python3}"

if [[ ! -x ${VENV}/bin/python ]] || ! "${VENV}/bin/python" -c 'import selenium, pytest' 2>/dev/null; then
    echo "[browser] creating ${VENV} (selenium, pytest from PyPI)"
    "${PYTHON}" -m venv "${VENV}"
    "${VENV}/bin/pip" install -q --disable-pip-version-check "selenium>=4.20,<5" "pytest>=8,<10"
fi
for tool in chromium chromedriver psql; do
    command -v "${tool}" >/dev/null || { echo "[browser] ${tool} not found; run scripts/install-deps.sh" >&2; exit 1; }
done

cd "${ROOT}"
exec "${VENV}/bin/python" -m pytest -p no:cacheprovider -q Tests/Browser "$@"
