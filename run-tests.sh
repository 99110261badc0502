#!/usr/bin/env bash
# The test command: installs what the tests need (Debian packages), then builds and runs every
# module's tests with Maven (plain Java; the KNIME profile is not part of it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-deps.sh test
mvn -B -ntp verify "$@"
