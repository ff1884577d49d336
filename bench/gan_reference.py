"""The fully connected GAN of the grid search (G 100-800-784, D 784-256-1 with dropout 0.5; the EBGAN paper's
initialisation, Adam with beta1 0.5, batch 64), in PyTorch, to tell the GAN's own behaviour from ebgan4j's.
With bn_first = 1, D has batch norm on its first layer, as ebgan4j's critic had before.
Run: /usr/bin/python3 bench/gan_reference.py LR BN_FIRST EPOCHS OUT.npy DIGITS_DIR [SEED]
then score OUT.npy with: ./ebgan eval --samples OUT.npy --classifier DIR --metrics is"""
import json, sys, numpy as np, torch
from torch import nn
lr, bn_first, epochs, out = float(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3]), sys.argv[4]
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1
torch.set_num_threads(1); torch.manual_seed(seed); rng = np.random.default_rng(1)
x = np.concatenate([np.array(json.load(open(f"{sys.argv[5]}/{d}.json"))["data"], np.float32).reshape(-1, 784) for d in range(10)])
x = x[rng.permutation(len(x))[1000:]] * 2 - 1
data = torch.tensor(x)
def lin(i, o, std):
    l = nn.Linear(i, o); nn.init.normal_(l.weight, 0, std); nn.init.zeros_(l.bias); return l
g = nn.Sequential(lin(100, 800, 0.02), nn.BatchNorm1d(800), nn.ReLU(), lin(800, 784, 0.02), nn.Tanh())
d = nn.Sequential(lin(784, 256, 0.002), *( [nn.BatchNorm1d(256)] if bn_first else []), nn.ReLU(), nn.Dropout(0.5), lin(256, 1, 0.002))
og = torch.optim.Adam(g.parameters(), lr=lr, betas=(0.5, 0.999)); od = torch.optim.Adam(d.parameters(), lr=lr, betas=(0.5, 0.999))
sp = nn.functional.softplus
for e in range(epochs):
    perm = torch.randperm(len(data))
    for b in range(len(data) // 64):
        real = data[perm[b * 64:(b + 1) * 64]]
        z = torch.rand(64, 100) * 2 - 1
        fake = g(z)
        ld = sp(-d(real)).mean() + sp(d(fake.detach())).mean()
        od.zero_grad(); ld.backward(); od.step()
        lg = sp(-d(fake)).mean()
        og.zero_grad(); lg.backward(); og.step()
    print(f"epoch {e + 1}: loss_d {ld.item():.3f} loss_g {lg.item():.3f}", flush=True)
g.eval()
with torch.no_grad():
    s = (g(torch.rand(2000, 100) * 2 - 1).numpy() + 1) / 2
np.save(out, s.astype(np.float32))
