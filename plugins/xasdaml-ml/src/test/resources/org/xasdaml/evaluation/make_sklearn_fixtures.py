#!/usr/bin/python3
"""Reference values for org.xasdaml.evaluation metrics, made with Debian's scikit-learn 1.2.1.

Run with /usr/bin/python3 (python3-sklearn); writes sklearn_metrics.json next to this script.
The Java tests read the vectors and the expected values from that file and compare to 1e-9.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import metrics

rng = np.random.RandomState(20241124)
cases = []

# regression ---------------------------------------------------------------------------------
reg = []
t1 = rng.normal(5.0, 2.0, 40)
p1 = t1 + rng.normal(0.0, 0.7, 40)
reg.append(("gaussian", t1, p1))
t2 = rng.randint(3, 13, 60).astype(float)          # CN-like integers
p2 = np.round(t2 + rng.normal(0.0, 0.8, 60))          # rounded predictions
reg.append(("cn_rounded", t2, p2))
t3 = np.array([0.0, 1.0, 2.0, 3.0, -1.5, 2.5])         # a zero truth exercises MAPE's epsilon
p3 = np.array([0.1, 0.9, 2.2, 2.7, -1.0, 2.5])
reg.append(("with_zero", t3, p3))
t4 = rng.normal(2.65, 0.1, 30)                        # CR-like
p4 = 2.65 + 0.5 * (t4 - 2.65) + rng.normal(0.0, 0.05, 30)
reg.append(("cr_like", t4, p4))

regression = []
for name, t, p in reg:
    regression.append({
        "name": name, "truth": t.tolist(), "prediction": p.tolist(),
        "mse": metrics.mean_squared_error(t, p),
        "rmse": float(np.sqrt(metrics.mean_squared_error(t, p))),
        "mae": metrics.mean_absolute_error(t, p),
        "mape": metrics.mean_absolute_percentage_error(t, p),
        "explained_variance": metrics.explained_variance_score(t, p),
        "max_error": metrics.max_error(t, p),
        "r2": metrics.r2_score(t, p),
    })

# classification -----------------------------------------------------------------------------
classification = []
def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

for name, k, n, sharp in [("four_classes", 4, 80, 1.5), ("binary", 2, 50, 1.0), ("ten_classes", 10, 200, 2.0)]:
    y = np.concatenate([np.arange(k), rng.randint(0, k, n - k)])  # every class present
    logits = rng.normal(0.0, 1.0, (n, k))
    logits[np.arange(n), y] += sharp
    prob = softmax(logits)
    pred = prob.argmax(axis=1)
    labels = list(range(k))
    if k == 2:
        auc = metrics.roc_auc_score(y, prob[:, 1])
    else:
        auc = metrics.roc_auc_score(y, prob, multi_class="ovr", average="macro", labels=labels)
    p, r, f, s = metrics.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    classification.append({
        "name": name, "classes": k, "truth": y.tolist(), "prediction": pred.tolist(),
        "probability": prob.tolist(),
        "accuracy": metrics.accuracy_score(y, pred),
        "precision_macro": metrics.precision_score(y, pred, average="macro", zero_division=0),
        "recall_macro": metrics.recall_score(y, pred, average="macro", zero_division=0),
        "f1_macro": metrics.f1_score(y, pred, average="macro", zero_division=0),
        "f1_weighted": metrics.f1_score(y, pred, average="weighted", zero_division=0),
        "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
        "roc_auc_ovr_macro": auc,
        "confusion_matrix": metrics.confusion_matrix(y, pred, labels=labels).tolist(),
    })

out = {"sklearn": sklearn.__version__, "regression": regression, "classification": classification}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sklearn_metrics.json"), "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", len(regression), "regression and", len(classification), "classification cases, sklearn", sklearn.__version__)
