#!/usr/bin/env bash
# Side-by-side timing of this program against the Python tools the XASDAML reference runs:
# pymatgen (six neighbour finders), Larch (pre_edge, autobk, xftf, cauchy_wavelet), scikit-learn
# (random forest, PCA), PyTorch (MLP and CNN training epochs), and Larch's FeffRunner around FEFF in
# shared-potential mode (the programs' CPU and the driver's own per sample), on the same inputs, one
# thread each side, medians after warm-up.
#
# usage: bench/compare-python.sh [--frames 20] [--repeats 5] [--samples 1000] [--feff-samples 40]
#                                [--only descriptors,xafs,ml,nn,feff]
#
# Runs (a) `./xasdaml bench compare`, which prints "compare java ..." lines and writes the seeded
# synthetic spectra table both sides fit, then (b) bench/python/*.py with Debian's /usr/bin/python3,
# which print "compare python ..." lines in the same format, and joins them into one table.
# The product never calls Python; this script is outside it. Installs what it needs through
# scripts/install-deps.sh bench. Ratios are Python/Java (above 1: Java faster), on CPU time,
# which a machine loaded by other work inflates much less than wall time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
frames=20 repeats=5 samples=1000 feff_samples=40 feff_warm=30 only=descriptors,xafs,ml,nn,feff
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --feff-samples) feff_samples="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in "$frames" "$repeats" "$samples" "$feff_samples"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "--frames, --repeats, --samples, --feff-samples take whole numbers >= 1, got '$v'" >&2; exit 2; }
done
"$here/scripts/install-deps.sh" bench
py=/usr/bin/python3
xdi=/usr/share/doc/python-xraylarch-doc/examples/xafsdata/cu_metal_rt.xdi
dump="$here/data/cu-md-public.dump"
work="$(mktemp -d "${TMPDIR:-/tmp}/xasdaml-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1

echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(getconf _NPROCESSORS_ONLN) cores;" \
  "$(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python: $($py --version 2>&1); $(dpkg-query -W -f='${Package} ${Version}  ' python3-pymatgen python3-xraylarch python3-sklearn python3-numpy python3-torch 2>/dev/null)"
echo "java:   $(java -version 2>&1 | head -1)"
echo "inputs: $frames frames of $(basename "$dump"); $(basename "$xdi"); seeded synthetic k2chi table, $samples samples; repeats $repeats"
echo

"$here/xasdaml" bench compare --frames "$frames" --repeats "$repeats" --samples "$samples" --only "$only" \
  --feff-samples "$feff_samples" --feff-warm "$feff_warm" \
  --dump "$dump" --xdi "$xdi" --write-table "$work" 2> >(grep -v '^SLF4J' >&2) | tee "$work/java.txt"
: > "$work/python.txt"
case ",$only," in *,descriptors,*)
  $py "$here/bench/python/pymatgen_descriptors.py" "$dump" "$frames" "$repeats" | tee -a "$work/python.txt" ;; esac
case ",$only," in *,xafs,*)
  $py "$here/bench/python/larch_xafs.py" "$xdi" "$repeats" | tee -a "$work/python.txt" ;; esac
case ",$only," in *,ml,*)
  $py "$here/bench/python/sklearn_models.py" "$work/spectra.npz" "$work/labels.csv" CN_JmolNN "$repeats" \
    | tee -a "$work/python.txt" ;; esac
case ",$only," in *,nn,*)
  $py "$here/bench/python/torch_networks.py" "$work/spectra.npz" "$work/labels.csv" CN_JmolNN "$repeats" \
    | tee -a "$work/python.txt" ;; esac
case ",$only," in *,feff,*)
  $py "$here/bench/python/larch_feff.py" "$work/feff/timed" | tee -a "$work/python.txt" ;; esac
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/java.txt" "$work/python.txt" | awk '
  function num(x) { return x == "" ? "-" : sprintf("%.3f", x) }
  function val(k,   i) { for (i = 4; i <= NF; i++) if (index($i, k "=") == 1) return substr($i, length(k) + 2); return "" }
  $1 == "compare" {
    op = $3
    if (!(op in seen)) { seen[op] = 1; order[++n] = op }
    wall[$2, op] = val("wall_ms"); cpu[$2, op] = val("cpu_ms"); proc[$2, op] = val("proc_cpu_ms")
    items[op] = val("items"); unit[op] = val("unit")
    thr[$2, op] = val("threads")
  }
  END {
    printf "%-24s %-13s %10s %10s %10s %10s %10s %8s %8s\n", "operation", "per", "Java CPU", "JVM CPU", "Java wall",
      "Py CPU", "Py wall", "CPU P/J", "wall P/J"
    for (i = 1; i <= n; i++) {
      op = order[i]
      jc = cpu["java", op]; jp = proc["java", op]; jw = wall["java", op]; pc = cpu["python", op]; pw = wall["python", op]
      rc = (jc > 0 && pc != "") ? sprintf("%.1f", pc / jc) : "-"
      rw = (jw > 0 && pw != "") ? sprintf("%.1f", pw / jw) : "-"
      printf "%-24s %-13s %10s %10s %10s %10s %10s %8s %8s\n", op, items[op] " " unit[op], num(jc), num(jp), num(jw),
        num(pc), num(pw), rc, rw
    }
    print "(ms per item, medians; one worker thread each side. Java CPU: the worker thread; JVM CPU: the whole"
    print " JVM incl. GC/JIT threads (mean: coarse ticks); Py CPU: the Python process (BLAS/OpenMP held to 1 thread)."
    print " P/J = Python time / Java time: above 1, Java is faster. per = items timed together in one repeat)"
  }'
