#!/usr/bin/env bash
# Installs the system packages Concierge needs on Debian 12 (bookworm), idempotently.
#
#   scripts/install-deps.sh          # install what is missing, then check for swift
#
# - Asks apt only when something is missing (then `apt-get update` once, then install).
# - Never starts system services: while installing it puts a policy-rc.d in place that
#   forbids service starts, so Debian's own postgresql@15-main / redis-server stay down.
#   Concierge runs private instances instead (scripts/services.sh).
# - Fails with a clear message if the Swift toolchain is not on PATH (or /opt/swift/usr/bin).
# Fast no-op (one dpkg-query call) when everything is present.
set -euo pipefail

PACKAGES=(
    postgresql          # server 15 + client 15 (psql, pg_dump, pg_basebackup) on bookworm
    redis-server        # brings redis-tools (redis-cli)
    libhiredis-dev      # the Redis client library (ConciergeQueue links hiredis)
    libpq-dev
    libssl-dev
    libcurl4-openssl-dev
    curl
    ca-certificates
    tzdata
    python3-yaml        # scripts/check-deploy.py
    python3-aiosmtpd    # the real SMTP server the email tests send to (127.0.0.1)
    openssl             # self-signed certificates for those tests' STARTTLS and TLS
    dovecot-imapd       # the real IMAP server the mailbox-polling tests read from (127.0.0.1)
    swaks               # sends the inbound-SMTP tests' mail, as an outside mail server would
    libnet-ssleay-perl  # swaks --tls (STARTTLS to the inbound SMTP endpoint)
    zbar-tools          # zbarimg decodes the asset QR codes the tests render
    chromium            # the browser tests (Tests/Browser) drive a real headless Chromium
    chromium-driver     # chromedriver, through which Selenium drives it
    fonts-wqy-microhei  # a CJK font, so Chinese pages (and docs/screenshots/) render legibly
)

log() { printf 'install-deps: %s\n' "$*"; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

installed_ok() {
    # Prints the packages of "$@" that are not fully installed.
    local status
    status="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)"
    local pkg
    for pkg in "$@"; do
        if ! grep -qx "${pkg} installed" <<<"${status}"; then
            printf '%s\n' "${pkg}"
        fi
    done
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    die "this script supports Debian/Ubuntu (dpkg/apt) only; install by hand: ${PACKAGES[*]}"
fi

mapfile -t missing < <(installed_ok "${PACKAGES[@]}")

if ((${#missing[@]} > 0)); then
    log "missing: ${missing[*]}"
    SUDO=()
    if [[ ${EUID} -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO=(sudo)
        else
            die "not root and no sudo; run as root: apt-get install ${missing[*]}"
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive

    # Keep package post-install scripts from starting system-wide services.
    policy=/usr/sbin/policy-rc.d
    placed_policy=0
    if [[ ! -e ${policy} ]]; then
        printf '#!/bin/sh\n# placed by concierge scripts/install-deps.sh\nexit 101\n' |
            "${SUDO[@]}" tee "${policy}" >/dev/null
        "${SUDO[@]}" chmod 755 "${policy}"
        placed_policy=1
    fi
    cleanup() {
        if ((placed_policy == 1)); then "${SUDO[@]}" rm -f "${policy}"; fi
    }
    trap cleanup EXIT

    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

    mapfile -t still_missing < <(installed_ok "${PACKAGES[@]}")
    if ((${#still_missing[@]} > 0)); then
        die "still missing after apt-get install: ${still_missing[*]}"
    fi
    log "installed: ${missing[*]}"
fi

# PostgreSQL server binaries (initdb, pg_ctl) are not on PATH on Debian; services.sh
# finds them under /usr/lib/postgresql/<version>/bin.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && ! command -v initdb >/dev/null 2>&1; then
    die "PostgreSQL server binaries not found (expected /usr/lib/postgresql/15/bin/initdb)"
fi

# The Swift toolchain is not an apt package: it must already be installed.
if ! command -v swift >/dev/null 2>&1; then
    if [[ -x /opt/swift/usr/bin/swift ]]; then
        log "swift is at /opt/swift/usr/bin (not on PATH; the Makefile adds it)"
    else
        die "the Swift toolchain (6.x) is not on PATH and not at /opt/swift/usr/bin/swift.
  Install it from https://www.swift.org/install/linux/ (e.g. swiftly, or a tarball
  unpacked to /opt/swift) and put its usr/bin on PATH."
    fi
fi

if ((${#missing[@]} == 0)); then
    log "all system packages present"
fi
