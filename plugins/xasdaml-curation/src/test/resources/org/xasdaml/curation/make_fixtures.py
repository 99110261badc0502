# Reference values for the curation tests, made with Debian's python3-sklearn 1.2.1 and numpy:
#   /usr/bin/python3 make_fixtures.py
# Writes sklearn_fixtures.json. Inputs are generated here and stored in the file, so the Java
# tests read exactly the same numbers.
import json
import numpy as np
import sklearn
from sklearn.preprocessing import StandardScaler, MinMaxScaler
from sklearn.decomposition import PCA
from sklearn.cluster import KMeans

rng = np.random.default_rng(2024)
out = {"sklearn": sklearn.__version__, "numpy": np.__version__}

# tall data (samples > features): smooth "spectra" with 3 latent factors, plus a constant column
n, m = 80, 12
t = np.linspace(0, 1, m)
lat = rng.normal(size=(n, 3)) * [3.0, 1.0, 0.3]
X = lat[:, :1] * np.sin(3 * t) + lat[:, 1:2] * np.cos(5 * t) + lat[:, 2:3] * t ** 2 + rng.normal(scale=0.01, size=(n, m)) + 2.0
X[:, 4] = 1.5  # constant feature: scale 1, maps to 0
X = np.round(X, 6)
out["tall"] = {"X": X.tolist()}
ss = StandardScaler().fit(X)
out["tall"]["zscore_mean"] = ss.mean_.tolist()
out["tall"]["zscore_scale"] = ss.scale_.tolist()
out["tall"]["zscore_row0"] = ss.transform(X[:1])[0].tolist()
mm = MinMaxScaler().fit(X)
out["tall"]["minmax_row3"] = mm.transform(X[3:4])[0].tolist()
Z = ss.transform(X)
p = PCA(n_components=5, svd_solver="full").fit(Z)
out["tall"]["pca5_ratio"] = p.explained_variance_ratio_.tolist()
out["tall"]["pca5_variance"] = p.explained_variance_.tolist()
out["tall"]["pca5_components"] = p.components_.tolist()
out["tall"]["pca5_scores_row0"] = p.transform(Z[:1])[0].tolist()
pv = PCA(n_components=0.99, svd_solver="full").fit(Z)
out["tall"]["pca099_n"] = int(pv.n_components_)

# wide data (features > samples)
n2, m2 = 15, 40
W = np.round(rng.normal(size=(n2, 3)) @ rng.normal(size=(3, m2)) + rng.normal(scale=0.05, size=(n2, m2)), 6)
out["wide"] = {"X": W.tolist()}
pw = PCA(n_components=4, svd_solver="full").fit(W)
out["wide"]["pca4_ratio"] = pw.explained_variance_ratio_.tolist()
out["wide"]["pca4_components"] = pw.components_.tolist()

# K-means: three blobs in 4-D
centres = np.array([[0, 0, 0, 0], [5, 5, 0, 0], [0, 5, 5, 1]], float)
B = np.vstack([c + rng.normal(scale=0.8, size=(30, 4)) for c in centres])
B = np.round(B, 6)
out["blobs"] = {"X": B.tolist()}
init = B[[0, 1, 2]]  # three points of the same blob: Lloyd must move them apart
out["blobs"]["init"] = init.tolist()
km = KMeans(n_clusters=3, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(B)
out["blobs"]["fixed_inertia"] = float(km.inertia_)
out["blobs"]["fixed_labels"] = km.labels_.tolist()
out["blobs"]["fixed_centers"] = km.cluster_centers_.tolist()
out["blobs"]["fixed_n_iter"] = int(km.n_iter_)
inert = []
for k in range(1, 7):
    inert.append(float(KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=0, algorithm="lloyd").fit(B).inertia_))
out["blobs"]["elbow_inertia_k1_6"] = inert

# describe (pandas semantics: std ddof=1, linear percentiles)
v = np.round(rng.gamma(4.0, 2.0, 41), 4)
out["describe"] = {"values": v.tolist(), "count": int(v.size), "mean": float(v.mean()), "std": float(v.std(ddof=1)),
                   "var": float(v.var(ddof=1)), "min": float(v.min()), "q25": float(np.percentile(v, 25)),
                   "median": float(np.percentile(v, 50)), "q75": float(np.percentile(v, 75)), "max": float(v.max())}
# NumPy legacy shuffle (the reference's split: np.random.seed(42); np.random.shuffle(idx))
np.random.seed(42)
idx = np.arange(4950)
np.random.shuffle(idx)
out["shuffle"] = {"n": 4950, "seed": 42, "perm": idx.tolist()}
np.random.seed(7)
idx = np.arange(100)
np.random.shuffle(idx)
out["shuffle"]["perm_n100_seed7"] = idx.tolist()

# features constant in training (210 x 3.3: a naive spread of 5.8e-15), nearly constant around a
# large offset, and ordinary; new samples just off the constant value
rng_c = np.random.default_rng(11)
C = np.empty((210, 4))
C[:, 0] = 3.3
C[:, 1] = 1e6 + rng_c.normal(scale=1e-3, size=210)
C[:, 2] = rng_c.normal(loc=5.0, scale=2.0, size=210)
C[:, 3] = -7.25
new = np.array([[3.31, 1e6 + 2e-3, 6.0, -7.25], [3.3, 1e6, 5.0, -7.0]])
sc = StandardScaler().fit(C)
out["constant"] = {"X": C.tolist(), "new": new.tolist(), "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                   "new_z": sc.transform(new).tolist()}

json.dump(out, open("sklearn_fixtures.json", "w"))
print("ok", out["blobs"]["fixed_inertia"], out["blobs"]["fixed_n_iter"], inert, out["tall"]["pca099_n"])
