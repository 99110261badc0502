#!/usr/bin/env bash
# Makes the curation gallery of the public Cu set (data/cu-md-public.dump) with the xasdaml command
# line: descriptors of all 1000 frames, FEFF spectra of the first FRAMES frames (shared-potential
# mode: one SCF for the batch, so all spectra share FEFF's energy grid), then reconcile, filter,
# split, statistics, analysis and plots. Usage: make-gallery.sh OUTDIR [FRAMES]
set -euo pipefail
out="${1:?usage: make-gallery.sh OUTDIR [FRAMES]}"
frames="${2:-40}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
x="$here/xasdaml"
data="$here/data/cu-md-public.dump"
mkdir -p "$out"
cd "$out"
# each input gets a folder holding only that table, so the command line finds it unambiguously
one() { mkdir -p "$2"; cp "$1".* "$2"/; }
"$x" structures read --file "$data" --out all-structures --quiet
"$x" structures read --file "$data" --max-frames "$frames" --out structures --quiet
"$x" descriptors compute --structures all-structures --methods JmolNN,VoronoiNN,CrystalNN --out descriptors --quiet
one descriptors/descriptors in-labels
one descriptors/rdf in-rdf
"$x" feff run --structures structures --mode shared-potential --out feff --quiet
one feff/mu in-mu
one feff/chi in-chi
"$x" dataset reconcile --mu in-mu --chi in-chi --wavelet --out reconcile --quiet
one reconcile/mu-grid in-mu-grid
one reconcile/norm-grid in-norm-grid
one reconcile/chi-grid in-chi-grid
one reconcile/wavelet in-wavelet
"$x" dataset filter --labels in-labels --methods JmolNN --out filter --quiet
one filter/labels-kept in-kept
"$x" dataset split --samples in-kept --out split --quiet
one split/split in-split
"$x" toolkit statistics --labels in-labels --filtered in-kept --split in-split --out statistics --quiet
"$x" toolkit analysis --spectra in-rdf --labels in-labels --out analysis-rdf --quiet
"$x" toolkit analysis --spectra in-mu-grid --labels in-labels --max-clusters 8 --out analysis-mu --quiet
"$x" toolkit plots --mu in-mu-grid --norm in-norm-grid --chi in-chi-grid --wavelet in-wavelet --interval 10 \
    --out plots --quiet
"$x" toolkit plots --rdf in-rdf --labels in-labels --interval 250 --out plots-rdf --quiet
echo "gallery in $out: statistics/figures, analysis-*/figures, plots*/figures"
