#!/usr/bin/env bash
# Installs, from Debian's packages, what the project needs and is missing. Usage:
#   scripts/install-deps.sh test    # JDK 17, Maven, FEFF 8.5L (tests run the real FEFF), Slurm and munge
#                                   # (the Slurm executor's tests start a single-node cluster of their own)
#   scripts/install-deps.sh main    # the same plus Larch's example data (the measured Cu foil spectrum)
#   scripts/install-deps.sh bench   # the same plus pymatgen, xraylarch, scikit-learn, PyTorch (the Python tools compared)
set -euo pipefail
want=(openjdk-17-jdk-headless maven feff85exafs slurmctld slurmd slurm-client munge)
case "${1:-test}" in
  test) ;;
  main) want+=(python-xraylarch-doc) ;;
  bench) want+=(python-xraylarch-doc python3-pymatgen python3-xraylarch python3-sklearn python3-ase python3-torch) ;;
  *) echo "usage: $0 test|main|bench" >&2; exit 2 ;;
esac
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
