#!/usr/bin/python3
"""The domain score of a finished main job, recomputed with NumPy and scikit-learn from the run's own
files, to see what it is calibrated on and where a spectrum lies outside (docs/architecture.md,
"Intervals and domain score").

usage: domain_replica.py RUN_FOLDER      (a run of `xasdaml demo --checks`, e.g. runs/cu)

For the features of forest and MLP (standardise-kr) and of the CNN (standardise-chi): the score
sqrt(T2/k + Q/Qmean) on the principal components (99 % of the variance, at most 20) of the scaled
training rows, divided by its 95 % conformal quantile on the validation rows, as
org.xasdaml.model.Calibration computes it; the fraction flagged (score > 1) on training rows,
validation originals and variants, the test set and the fresh-run check; the Cu foil's T2/k and Q/Qmean
and where along the features its residual lies; a 5-nearest-neighbour distance calibrated the same
way; and for both scores the AUROC with which they tell the 10 % largest |errors| and the interval
misses of every model on the test set and the fresh-run check. Run with Debian's python3
(python3-sklearn 1.2.1, NumPy 1.24).
"""
import csv
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.neighbors import NearestNeighbors


def load_npz(path):
    z = np.load(path)
    return [tuple(int(v) for v in r) for r in z['ids']], z['values'].astype(float)


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def key(r):
    return int(r['index']), int(r.get('site', 0) or 0)


def quantile95(v):
    v = np.sort(v)
    return v[min(int(np.ceil((len(v) + 1) * 0.95)), len(v)) - 1]


class Domain:
    def __init__(self, xtr, xva, max_k=20):
        self.mu = xtr.mean(0)
        _, s, vt = np.linalg.svd(xtr - self.mu, full_matrices=False)
        var = s ** 2 / (len(xtr) - 1)
        self.k = min(max_k, int(np.searchsorted(np.cumsum(var) / var.sum(), 0.99) + 1))
        self.comp, self.var = vt[:self.k], var[:self.k]
        self.q_mean = self.parts(xtr)[1].mean()
        self.scale = quantile95(self.raw(xva))

    def residual(self, x):
        t = (x - self.mu) @ self.comp.T
        return t, (x - self.mu) - t @ self.comp

    def parts(self, x):
        t, r = self.residual(x)
        return (t ** 2 / self.var).sum(1) / self.k, (r ** 2).sum(1)

    def raw(self, x):
        t2, q = self.parts(x)
        return np.sqrt(t2 + q / self.q_mean)

    def score(self, x):
        return self.raw(x) / self.scale


def auc(score, y):
    return roc_auc_score(y, score) if 0 < y.sum() < len(y) else float('nan')


def main(run):
    for q, models in (('kr', ['rf', 'mlp']), ('chi', ['cnn'])):
        tr = json.load(open(f'{run}/standardise-{q}/transform.json'))
        center, scale = np.array(tr['center']), np.array(tr['scale'])
        ids, x = load_npz(f'{run}/standardise-{q}/standardised.npz')
        split = {key(r): r for r in rows(f'{run}/features-{q}/split-out.csv')}
        sets = np.array([split[i]['set'] for i in ids])
        original = np.array([f'{i[0]}:{i[1]}' == split[i]['source_sample'] for i in ids])
        xtr, xva = x[sets == 'train'], x[sets == 'valid']
        d = Domain(xtr, xva)
        knn = NearestNeighbors(n_neighbors=5).fit(xtr)
        knn_scale = quantile95(knn.kneighbors(xva)[0].mean(1))
        print(f'== features {q}: {d.k} components, {len(xtr)} training rows, {len(xva)} validation rows')
        groups = [('train', xtr), ('valid originals', x[(sets == 'valid') & original]),
                  ('valid variants', x[(sets == 'valid') & ~original])]
        external = {}
        for name, prefix in (('test', 'test'), ('fresh', 'fresh')):
            try:
                fi, f = load_npz(f'{run}/{prefix}-{q}/features.npz')
            except FileNotFoundError:
                continue
            external[name] = (fi, (f - center) / scale)
            groups.append((name, external[name][1]))
        for name, g in groups:
            sc = d.score(g)
            kn = knn.kneighbors(g)[0].mean(1) / knn_scale
            print(f'{name:16s} n={len(g):5d} flagged {np.mean(sc > 1):.3f} (kNN {np.mean(kn > 1):.3f}), T2/k median '
                  f'{np.median(d.parts(g)[0]):.2f}')
        fi, f = load_npz(f'{run}/foil-{models[0]}-cn/spectra.npz')
        foil = (f - center) / scale
        t2, qq = d.parts(foil)
        t2v, qv = d.parts(xva)
        print(f'Cu foil: score {d.score(foil)[0]:.4f}, kNN {knn.kneighbors(foil)[0].mean(1)[0] / knn_scale:.3f}; '
              f'T2/k {t2[0]:.2f} (validation 95 %: {np.quantile(t2v, .95):.2f}), Q/Qmean {qq[0] / d.q_mean:.2f} '
              f'(validation 95 %: {np.quantile(qv / d.q_mean, .95):.2f})')
        r_foil = d.residual(foil)[1][0] ** 2 / d.q_mean
        r_valid = (d.residual(xva)[1] ** 2).mean(0) / d.q_mean
        columns = tr.get('columns', [str(i) for i in range(len(center))])
        axis = np.load(f'{run}/foil-{models[0]}-cn/spectra.npz')['axis']
        print('  residual by block of 16 features (foil | validation mean): ' + '; '.join(
            f'{b}-{min(b + 15, len(columns) - 1)} ({axis[b]:.4g}..{axis[min(b + 15, len(axis) - 1)]:.4g}) '
            f'{r_foil[b:b + 16].sum():.2f} | {r_valid[b:b + 16].sum():.2f}' for b in range(0, len(columns), 16)))
        for name, (fi, f) in external.items():
            kn = dict(zip(fi, knn.kneighbors(f)[0].mean(1) / knn_scale))
            truth = {key(r): r for r in rows(f'{run}/filter/labels-kept.csv' if name == 'test'
                                              else f'{run}/fresh-filter/labels-kept.csv')}
            prefix = 'predict' if name == 'test' else 'fresh-predict'
            for m in models:
                for t in ('CN', 'CR'):
                    pr = rows(f'{run}/{prefix}-{m}-{t.lower()}/predictions.csv')
                    y = np.array([float(truth[key(r)][f'{t}_JmolNN']) for r in pr])
                    p = np.array([float(r[f'{t}_JmolNN']) for r in pr])
                    miss = np.array([not (float(r[f'{t}_JmolNN_lo']) <= yy <= float(r[f'{t}_JmolNN_hi']))
                                     for r, yy in zip(pr, y)])
                    err = np.abs(p - y)
                    big = err > np.quantile(err, 0.9)
                    pca = np.array([float(r['domain_score']) for r in pr])
                    knn_s = np.array([kn[key(r)] for r in pr])
                    print(f'{name:5s} {m:3s} {t}: AUROC 10 % largest |error| score {auc(pca, big):.2f} kNN {auc(knn_s, big):.2f}; '
                          f'interval misses score {auc(pca, miss):.2f} kNN {auc(knn_s, miss):.2f}')


if __name__ == '__main__':
    main(sys.argv[1])
