#!/usr/bin/python3
"""Time PyTorch training epochs of the reference's MLP and CNN on a table stored by XASDAML (.npz).

usage: torch_networks.py FEATURES_NPZ LABELS_CSV LABEL_COLUMN REPEATS
Same runs as `xasdaml bench compare` (nn section): the networks of NetworkTrainer.build with the
project's defaults -- MLP 201-512-256-128-64-32-1 (ReLU), CNN conv(32,3)-maxpool2-conv(64,3)-
maxpool2-conv(128,3)-dense 128-64-1 (ReLU) -- float32, Adam(lr 1e-3, betas 0.9/0.999, eps 1e-7),
L2 2e-4 on the gradient (weight_decay; Deeplearning4j's l2(2*1e-4)), MSE loss, minibatches of 32
in a seeded shuffled order; one epoch = one pass over all rows with a label. One warm-up epoch,
then REPEATS timed epochs; median ms per epoch, one thread (torch.set_num_threads(1)).
Run with Debian's python3 (python3-torch).
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import measure, report  # noqa: E402  (sets the thread variables before NumPy loads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(42)
npz, labels, column, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
z = np.load(npz)
X = z["values"].astype(np.float32)
ids = z["ids"]
lab = {}
with open(labels) as f:
    for row in csv.DictReader(f):
        lab[(int(row["index"]), int(row.get("site", 0) or 0))] = float(row[column])
keep = [i for i, (fr, st) in enumerate(ids) if (int(fr), int(st)) in lab]
X = torch.from_numpy(X[keep])
y = torch.tensor([[lab[(int(ids[i][0]), int(ids[i][1]))]] for i in keep], dtype=torch.float32)
n, p = X.shape


def mlp():
    layers, width = [], p
    for h in (512, 256, 128, 64, 32):
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    return nn.Sequential(*layers, nn.Linear(width, 1))


def cnn():
    layers, ch, width = [], 1, p
    for i, c in enumerate((32, 64, 128)):
        layers += [nn.Conv1d(ch, c, 3), nn.ReLU()]
        ch, width = c, width - 2
        if i < 2:
            layers.append(nn.MaxPool1d(2))
            width //= 2
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(ch * width, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 1))


for name, make, inputs in (("mlp", mlp, X), ("cnn", cnn, X.unsqueeze(1))):
    net = make()
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv1d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7, weight_decay=2e-4)
    loss_fn = nn.MSELoss()
    gen = torch.Generator().manual_seed(42)

    def epoch():
        perm = torch.randperm(n, generator=gen)
        for s in range(0, n, 32):
            b = perm[s:s + 32]
            opt.zero_grad()
            loss = loss_fn(net(inputs[b]), y[b])
            loss.backward()
            opt.step()

    report("%s_train_epoch" % name, 1, "epoch", measure(epoch, 1, repeats), repeats,
           "%dx%d,batch32,adam,float32,torch%s" % (n, p, torch.__version__))
