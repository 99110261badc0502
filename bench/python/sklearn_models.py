#!/usr/bin/python3
"""Time scikit-learn's random forest and PCA on a feature matrix stored by XASDAML (.npz table).

usage: sklearn_models.py FEATURES_NPZ LABELS_CSV LABEL_COLUMN
Prints "sklearn random_forest_fit <s> s" and "sklearn pca_fit <ms> ms". Run with Debian's
python3 (python3-sklearn). Same hyperparameters as the project's defaults: 150 trees, depth 15.
"""
import csv
import sys
import time
import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.decomposition import PCA

npz, labels, column = sys.argv[1], sys.argv[2], sys.argv[3]
z = np.load(npz)
X = z["values"].astype(float)
ids = z["ids"]
lab = {}
with open(labels) as f:
    r = csv.DictReader(f)
    for row in r:
        lab[(int(row["index"]), int(row.get("site", 0) or 0))] = float(row[column])
keep = [i for i, (fr, st) in enumerate(ids) if (int(fr), int(st)) in lab]
X = X[keep]
y = np.array([lab[(int(ids[i][0]), int(ids[i][1]))] for i in keep])
t = time.perf_counter()
RandomForestRegressor(n_estimators=150, max_depth=15, max_features="sqrt", random_state=42, n_jobs=1).fit(X, y)
print("sklearn random_forest_fit %.3f s (%d samples x %d features, 1 core)" % (time.perf_counter() - t, X.shape[0], X.shape[1]))
PCA(n_components=2).fit(X)
t = time.perf_counter()
for _ in range(5):
    PCA(n_components=2).fit(X)
print("sklearn pca_fit %.3f ms" % (1000 * (time.perf_counter() - t) / 5))
