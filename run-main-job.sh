#!/usr/bin/env bash
# The main job: installs what it needs (Debian packages: JDK 17, Maven, FEFF 8.5L, Larch's example
# data with the measured Cu foil spectrum), then runs the whole XASDAML workflow on the bundled Cu
# data and writes one HTML report. Output folder: runs/cu (or the first argument); further
# arguments go to `xasdaml demo` (e.g. --frames 200, --full-scf, --checks for the fresh-run check on
# 200 frames of another MD run; checks/README.md lists every check and where its numbers are).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-deps.sh main
out="${1:-runs/cu}"
shift || true
./xasdaml demo --out "$out" "$@"
