#!/usr/bin/env bash
# The main job: installs what it needs (Debian packages), then runs the XASDAML workflow on the
# bundled Cu data. Output folder: runs/cu (or the first argument).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-deps.sh main
out="${1:-runs/cu}"
./xasdaml structures inspect data/cu-md-public.dump
./xasdaml structures read data/cu-md-public.dump --out "$out/structures"
