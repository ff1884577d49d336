"""The EBGAN-PT training step of `ebgan bench`, written in PyTorch, for a side-by-side timing.

Same networks (G 100-800-800-784 with batch norm, D 784-256 + 256-784), same losses (summed squared
reconstruction error, per-sample margin hinge, pull-away term weight 0.1), same Adam settings and the
same step structure (one fake batch per step, detached for D, D frozen for G).
Run: /usr/bin/python3 bench/pytorch_reference.py [steps] [threads]
"""
import sys
import time

import torch
from torch import nn

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
torch.set_num_threads(threads)
torch.manual_seed(0)
batch, noise, dim, margin = 64, 100, 784, 10.0

g = nn.Sequential(nn.Linear(noise, 800), nn.BatchNorm1d(800), nn.ReLU(),
                  nn.Linear(800, 800), nn.BatchNorm1d(800), nn.ReLU(),
                  nn.Linear(800, dim), nn.Tanh())
enc = nn.Sequential(nn.Linear(dim, 256), nn.BatchNorm1d(256), nn.ReLU())
dec = nn.Sequential(nn.Linear(256, dim), nn.Tanh())
d_params = list(enc.parameters()) + list(dec.parameters())
opt_g = torch.optim.Adam(g.parameters(), lr=1e-3, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(d_params, lr=1e-3, betas=(0.5, 0.999))
data = torch.rand(batch * 16, dim) * 2 - 1


def energy(x):
    code = enc(x)
    return ((dec(code) - x) ** 2).sum(1), code


def pull_away(code):
    n = code.shape[0]
    unit = code / (code.pow(2).sum(1, keepdim=True) + 1e-12).sqrt()
    cos = unit @ unit.t()
    diag = unit.pow(2).sum(1)
    return (cos.pow(2).sum() - diag.pow(2).sum()) / (n * (n - 1))


def step(s):
    real = data[(s % 16) * batch:(s % 16 + 1) * batch]
    z = torch.rand(batch, noise) * 2 - 1
    fake = g(z)
    e_real, _ = energy(real)
    e_fake, _ = energy(fake.detach())
    loss_d = e_real.mean() + torch.relu(margin - e_fake).mean()
    opt_d.zero_grad(set_to_none=True)
    loss_d.backward()
    opt_d.step()
    for p in d_params:
        p.requires_grad_(False)
    e_fake, code = energy(fake)
    loss_g = e_fake.mean() + 0.1 * pull_away(code)
    opt_g.zero_grad(set_to_none=True)
    loss_g.backward()
    opt_g.step()
    for p in d_params:
        p.requires_grad_(True)
    return loss_d.item(), loss_g.item()


for s in range(20):
    step(s)
times = []
for s in range(steps):
    t0 = time.perf_counter()
    step(s)
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(f"pytorch {torch.__version__}, threads {threads}: ms/step mean {sum(times) / len(times):.2f}, "
      f"median {times[len(times) // 2]:.2f}, p90 {times[int(len(times) * 0.9)]:.2f}")
