# Makes bins.json: NumPy histogram counts and linear percentiles for BinsTest.
# Run with Debian's python: /usr/bin/python3 make_fixtures.py
import json
import numpy as np
rng = np.random.default_rng(7)
values = np.round(rng.normal(8.0, 2.0, 57), 3)
values[5] = values.max() + 1.0  # make sure the right edge is hit exactly by the maximum
out = {
    "values": values.tolist(),
    "counts_10": np.histogram(values, bins=10)[0].tolist(),
    "edges_10": np.histogram(values, bins=10)[1].tolist(),
    "percentiles": {str(p): float(np.percentile(values, p)) for p in (0, 25, 50, 75, 90, 100)},
}
w = 0.5
edges = np.arange(np.floor(values.min() / w) * w, (np.floor(values.max() / w) + 1) * w + w / 2, w)
out["edges_w05"] = edges.tolist()
out["counts_w05"] = np.histogram(values, bins=edges)[0].tolist()
json.dump(out, open("bins.json", "w"), indent=1)
