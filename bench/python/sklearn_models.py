#!/usr/bin/python3
"""Time scikit-learn's random forest and PCA on a feature matrix stored by XASDAML (.npz table).

usage: sklearn_models.py FEATURES_NPZ LABELS_CSV LABEL_COLUMN REPEATS
Same runs as `xasdaml bench compare` (ml section): RandomForestRegressor(150 trees, max_depth 15,
max_features 'sqrt', n_jobs 1; the reference's best grid point, other settings sklearn's
defaults) fitted REPEATS times after one warm-up fit, with min_samples_leaf 1 (the reference's)
and 5 (the project's default), PCA(n_components=2) fitted 4*REPEATS
times; rows of the table that have a label. The forest lines' detail gives the R^2 on the last fifth of
the rows of a forest fitted on the first four fifths. Run with Debian's python3 (python3-sklearn 1.2.1).
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import measure, report  # noqa: E402  (sets the thread variables before NumPy loads)

import numpy as np  # noqa: E402
from sklearn.ensemble import RandomForestRegressor  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402

npz, labels, column, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
z = np.load(npz)
X = z["values"].astype(float)
ids = z["ids"]
lab = {}
with open(labels) as f:
    for row in csv.DictReader(f):
        lab[(int(row["index"]), int(row.get("site", 0) or 0))] = float(row[column])
keep = [i for i, (fr, st) in enumerate(ids) if (int(fr), int(st)) in lab]
X = X[keep]
y = np.array([lab[(int(ids[i][0]), int(ids[i][1]))] for i in keep])
shape = "%dx%d" % X.shape
for leaf in (1, 5):  # 1: the reference's setting (sklearn's default); 5: the project's default (Smile node size)
    rf = lambda: RandomForestRegressor(n_estimators=150, max_depth=15, max_features="sqrt", min_samples_leaf=leaf,  # noqa: E731
                                       random_state=42, n_jobs=1).fit(X, y)
    # accuracy: fitted on the first four fifths of the rows, R^2 on the last fifth (as the Java side)
    cut = len(y) * 4 // 5
    held = RandomForestRegressor(n_estimators=150, max_depth=15, max_features="sqrt", min_samples_leaf=leaf,
                                 random_state=42, n_jobs=1).fit(X[:cut], y[:cut])
    r2 = held.score(X[cut:], y[cut:])
    report("random_forest_fit_leaf%d" % leaf, 1, "fit", measure(rf, 1, repeats), repeats,
           shape + ",150trees,depth15,sqrt,bootstrap,min_leaf%d,holdout_r2=%.4f" % (leaf, r2))
npca = 4 * repeats
report("pca2_fit", 1, "fit", measure(lambda: PCA(n_components=2).fit(X), 2, npca), npca, shape)
