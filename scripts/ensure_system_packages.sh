#!/usr/bin/env bash
# The test suite needs PostgreSQL server binaries (initdb, pg_ctl), a Java runtime for
# PySpark and Chromium to render the docs site. Machines of this project's kind ship both; on one that lacks them, install them
# from Debian's packages (as root), so a fresh machine needs no step done by hand.
set -euo pipefail

missing=()
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if ! command -v java >/dev/null 2>&1; then
    missing+=(openjdk-17-jre-headless)
fi
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    missing+=(chromium)
fi
if ! command -v runuser >/dev/null 2>&1; then
    missing+=(util-linux)
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages: ${missing[*]}. Install them (PostgreSQL 15 server, Java 17, Chromium) and rerun." >&2
    exit 1
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
