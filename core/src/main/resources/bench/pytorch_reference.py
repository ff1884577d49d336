"""The EBGAN-PT training step of `ebgan bench`, written in PyTorch, for a side-by-side timing.

It builds what ebgan4j builds for `ebgan bench` (the Java sources are the truth; this mirrors them):

* fully connected (`FullyConnectedNetworks`, `TrainConfigBuilder` defaults): z of 100, uniform in
  [-1, 1]; G = [Linear-BN-ReLU] x (layersG - 1), Linear to the data, Tanh; D an auto-encoder, encoder
  [Linear-BN-ReLU] x (layersD - 1), decoder one Linear to the data, Tanh. Weights N(0, 0.02) in G,
  N(0, 0.002) in D, biases 0, batch-norm gamma 1 and beta 0.
* convolutional presets (`ConvArchitecture`, `ConvLayer`, `ConvNetworks`, `ConvGenerator`): the same
  layer notation; `(64)4c2s` a convolution with padding (k - s + 1) / 2, `(64)4t2s` a transposed one
  (weight (in, out, k, k), padding (k - s) / 2), `(64)3u2s` nearest upsampling by repeating then a
  stride-1 convolution with padding (k - 1) / 2, `Np` an explicit padding. G: BN + ReLU after every
  layer but the last, Tanh last; encoder: BN after every layer but the first, LeakyReLU 0.2 after
  each; decoder: BN + ReLU between layers, Tanh last. All weights N(0, 0.02), biases 0. Networks read
  and write flat vectors, z is a (n, noise, 1, 1) map.
* the game (`EbganGame`, `MarginObjective`, `PullAwayTerm`, `AutoencoderEnergy`): energy = per-sample
  sum of squared reconstruction errors; L_D = mean E(real) + mean relu(m - E(fake)), m = 10 (images);
  L_G = mean E(fake) + 0.1 PT(codes of the fake batch), the codes flattened.
* the step (`AdversarialTrainer`): one fake batch per step; D learns on it detached (real and fake
  through D separately, so each has its own batch statistics); then D is frozen and G learns through
  the updated D, reusing the same fake (G is not re-run). The scalars the Java step reads back (loss D,
  mean energies, PT, loss G) are read back here too.
* Adam (`AdamOptimizer`) lr 0.001, betas 0.5 / 0.999, eps 1e-8, one optimiser per network.
* the harness (`StepBenchmark`, `BenchCommand`): batch 64; random data in [-1, 1], 16 distinct
  batches (2 when a sample has more than 20,000 values), gathered through a fixed shuffle into a fresh
  tensor each step; warm-up steps, then timed steps (batch gather, noise and step, like the Java
  timer); RSS after 100 timed steps and at the end.

Run: /usr/bin/python3 core/src/main/resources/bench/pytorch_reference.py [--arch NAME] [--layers-g N --size-g N --layers-d N
--size-d N] [--dim N] [--batch N] [--steps N] [--warmup N] [--threads N] [--seed N] [--shapes]
[--transposed native|subpixel]. One line of JSON goes to stdout, everything else to stderr.
"""
import argparse
import json
import re
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

NOISE_FC = 100
MARGIN_IMAGES = 10.0
PT_WEIGHT = 0.1
LR, BETA1, BETA2, EPS = 1e-3, 0.5, 0.999, 1e-8
STD_G_FC, STD_D_FC, STD_CONV = 0.02, 0.002, 0.02
LEAKY_SLOPE = 0.2

# ConvArchitecture's presets: channels, side, noise per generator layer, generator, encoder, decoder.
PRESETS = {
    "digits28": (1, 28, [100], "(1024)1t1s0p-(128)7t1s0p-(64)4t2s-(1)4t2s",
                 "(64)4c2s-(128)4c2s-(256)7c1s0p", "(128)7t1s0p-(64)4t2s-(1)4t2s"),
    "cifar32": (3, 32, [100], "(512)4t1s0p-(256)4t2s-(128)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s", "(128)4t2s-(64)4t2s-(3)4t2s"),
    "dcgan64": (3, 64, [100], "(512)4t1s0p-(256)4t2s-(128)4t2s-(64)4t2s-(3)4t2s",
                "(64)4c2s-(128)4c2s-(256)4c2s", "(128)4t2s-(64)4t2s-(3)4t2s"),
    "began64": (3, 64, [64], "(128)8t1s0p-(64)3u2s-(64)3u2s-(64)3u2s-(3)3c1s",
                "(64)3c1s-(128)3c2s-(192)3c2s-(256)3c2s", "(64)3u2s-(64)3u2s-(64)3u2s-(3)3c1s"),
}

TOKEN = re.compile(r"\((\d+)\)(\d+)([ctu])(\d+)s(?:(\d+)p)?")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- layer notation (ConvLayer)

def parse_layers(notation):
    layers = []
    for token in notation.split("-"):
        m = TOKEN.fullmatch(token.strip().lower())
        if not m:
            raise ValueError("cannot read layer " + token)
        filters, k, kind, s = int(m.group(1)), int(m.group(2)), m.group(3), int(m.group(4))
        if m.group(5) is not None:
            p = int(m.group(5))
        else:
            p = {"c": max(0, (k - s + 1) // 2), "t": max(0, (k - s) // 2), "u": (k - 1) // 2}[kind]
        layers.append((kind, filters, k, s, p))
    return layers


def notation(layer):
    kind, f, k, s, p = layer
    return f"({f}){k}{kind}{s}s{p}p"


def output_side(layer, side):
    kind, _, k, s, p = layer
    return {"c": (side + 2 * p - k) // s + 1, "t": (side - 1) * s - 2 * p + k, "u": side * s + 2 * p - k + 1}[kind]


class Upsample(nn.Module):
    """Nearest upsampling as ConvNetworks.nearest does it: repeat_interleave on the two spatial axes."""

    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def forward(self, x):
        if self.factor == 1:
            return x
        return x.repeat_interleave(self.factor, 2).repeat_interleave(self.factor, 3)


class SubPixelConvTranspose2d(nn.ConvTranspose2d):
    """ConvTranspose2d's parameters and map, computed as ebgan4j's TransposedConv2d.apply computes it: one
    matrix product for a 1x1 input; else the sub-pixel decomposition, all s x s phases in one stride-1
    convolution when k is a multiple of s (allPhases), one convolution per phase otherwise (byPhases)."""

    def forward(self, x):
        w, b = self.weight, self.bias
        s, p, k = self.stride[0], self.padding[0], self.kernel_size[0]
        n, _, h, wd = x.shape
        cin, cout = w.shape[0], w.shape[1]
        out_h, out_w = (h - 1) * s - 2 * p + k, (wd - 1) * s - 2 * p + k
        if h == 1 and wd == 1:
            y = x.reshape(n, cin).matmul(w.reshape(cin, cout * k * k)).reshape(n, cout, k, k)
            if p > 0:
                y = F.pad(y, (-p, -p, -p, -p))
            return y + b.reshape(1, cout, 1, 1)
        rows, cols = -(-out_h // s), -(-out_w // s)
        if s > 1 and k % s == 0:
            phases = self._all_phases(x, w, b, s, p, k, h, wd, rows, cols)
        else:
            phases = [[self._phase(x, w, b, s, p, k, ry, rx, h, wd, rows, cols) for rx in range(s)] for ry in range(s)]
        if s == 1:
            return phases[0][0]
        y = torch.stack([torch.stack(row, 4) for row in phases], 3).reshape(n, cout, rows * s, cols * s)
        return y if (rows * s, cols * s) == (out_h, out_w) else y[:, :, :out_h, :out_w]

    @staticmethod
    def _phase(x, w, b, s, p, k, ry, rx, h, wd, rows, cols):
        cy, cx = (ry + p) % s, (rx + p) % s
        carry_y, carry_x = (ry + p) // s, (rx + p) // s
        ty, tx = (k - cy + s - 1) // s, (k - cx + s - 1) // s
        if ty <= 0 or tx <= 0:
            return torch.zeros(x.shape[0], w.shape[1], rows, cols) + b.reshape(1, -1, 1, 1)
        taps = w[:, :, cy::s, cx::s].flip(2, 3).transpose(0, 1)
        top, left = ty - 1 - carry_y, tx - 1 - carry_x
        bottom, right = rows + ty - 1 - h - top, cols + tx - 1 - wd - left
        return F.conv2d(F.pad(x, (left, right, top, bottom)), taps, b)

    @staticmethod
    def _all_phases(x, w, b, s, p, k, h, wd, rows, cols):
        taps, cout = k // s, w.shape[1]
        offset = [taps - 1 - (r + p) // s for r in range(s)]
        earliest, spread = max(offset), max(offset) - min(offset)
        kernels = [w[:, :, (ry + p) % s::s, (rx + p) % s::s] for ry in range(s) for rx in range(s)]
        kernel = torch.cat(kernels, 1).flip(2, 3).transpose(0, 1)
        bottom = rows + spread + taps - 1 - h - earliest
        right = cols + spread + taps - 1 - wd - earliest
        y = F.conv2d(F.pad(x, (earliest, right, earliest, bottom)), kernel, b.repeat(s * s))
        phases = []
        for ry in range(s):
            row = []
            for rx in range(s):
                c, top, left = (ry * s + rx) * cout, earliest - offset[ry], earliest - offset[rx]
                row.append(y[:, c:c + cout, top:top + rows, left:left + cols])
            phases.append(row)
        return phases


def conv_layer(layer, cin, transposed):
    kind, f, k, s, p = layer
    if kind == "c":
        return nn.Conv2d(cin, f, k, s, p)
    if kind == "t":
        return (SubPixelConvTranspose2d if transposed == "subpixel" else nn.ConvTranspose2d)(cin, f, k, s, p)
    return nn.Sequential(Upsample(s), nn.Conv2d(cin, f, k, 1, p))


class ConvGenerator(nn.Module):
    """ConvGenerator: z's first noise[0] values as a 1x1 map, later layers' noise planes concatenated."""

    def __init__(self, layers, noise, stages):
        super().__init__()
        self.layers, self.noise, self.stages = layers, noise, nn.ModuleList(stages)

    def forward(self, z):
        n, offset = z.shape[0], self.noise[0]
        h = z[:, :offset].reshape(n, offset, 1, 1)
        side = 1
        for i, stage in enumerate(self.stages):
            planes = self.noise[i] if i < len(self.noise) else 0
            if i > 0 and planes > 0:
                size = planes * side * side
                h = torch.cat([h, z[:, offset:offset + size].reshape(n, planes, side, side)], 1)
                offset += size
            h = stage(h)
            side = output_side(self.layers[i], side)
        return h.reshape(n, -1)


class ToImage(nn.Module):
    def __init__(self, c, side):
        super().__init__()
        self.shape = (c, side, side)

    def forward(self, x):
        return x.reshape(-1, *self.shape)


def conv_networks(arch, transposed):
    c, side, noise, gen, enc, dec = PRESETS[arch]
    g_layers = parse_layers(gen)
    stages, cin = [], noise[0]
    for i, l in enumerate(g_layers):
        if 0 < i < len(noise):
            cin += noise[i]
        mods = [conv_layer(l, cin, transposed)]
        mods += [nn.Tanh()] if i == len(g_layers) - 1 else [nn.BatchNorm2d(l[1]), nn.ReLU()]
        stages.append(nn.Sequential(*mods))
        cin = l[1]
    g = ConvGenerator(g_layers, noise, stages)
    e_mods, cin = [ToImage(c, side)], c
    for i, l in enumerate(parse_layers(enc)):
        e_mods.append(conv_layer(l, cin, transposed))
        if i > 0:
            e_mods.append(nn.BatchNorm2d(l[1]))
        e_mods.append(nn.LeakyReLU(LEAKY_SLOPE))
        cin = l[1]
    d_layers, d_mods = parse_layers(dec), []
    for i, l in enumerate(d_layers):
        d_mods.append(conv_layer(l, cin, transposed))
        if i < len(d_layers) - 1:
            d_mods += [nn.BatchNorm2d(l[1]), nn.ReLU()]
        cin = l[1]
    d_mods += [nn.Tanh(), nn.Flatten()]
    noise_size, s = noise[0], 1
    for i, l in enumerate(g_layers):
        if 0 < i < len(noise):
            noise_size += noise[i] * s * s
        s = output_side(l, s)
    return g, nn.Sequential(*e_mods), nn.Sequential(*d_mods), noise_size, c * side * side, STD_CONV, STD_CONV


def fc_networks(layers_g, size_g, layers_d, size_d, dim):
    g, cin = [], NOISE_FC
    for _ in range(layers_g - 1):
        g += [nn.Linear(cin, size_g), nn.BatchNorm1d(size_g), nn.ReLU()]
        cin = size_g
    g += [nn.Linear(cin, dim), nn.Tanh()]
    e, cin = [], dim
    for _ in range(layers_d - 1):
        e += [nn.Linear(cin, size_d), nn.BatchNorm1d(size_d), nn.ReLU()]
        cin = size_d
    return (nn.Sequential(*g), nn.Sequential(*e), nn.Sequential(nn.Linear(cin, dim), nn.Tanh()), NOISE_FC, dim,
            STD_G_FC, STD_D_FC)


def initialise(module, std):
    """DJL's NormalInitializer on Parameter.Type.WEIGHT (linear and convolution kernels); biases 0; BN 1 and 0."""
    for m in module.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, std)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.modules.batchnorm._BatchNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)


def count(params):
    return sum(p.numel() for p in params if p.requires_grad)


def print_shapes(name, net, x):
    """Each layer's output shape (conv layers, linear maps, batch norms, activations) on a batch of 2."""
    log(f"{name} ({count(net.parameters()):,} parameters)  input {tuple(x.shape[1:])}")
    hooks = []
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d, nn.BatchNorm1d, nn.BatchNorm2d, nn.ReLU, nn.LeakyReLU,
                          nn.Tanh, Upsample, nn.Flatten)):
            def hook(mod, inp, out):
                log(f"  {mod.__class__.__name__:24s} {str(tuple(inp[0].shape[1:])):>16s} -> {str(tuple(out.shape[1:])):<16s}"
                    f" {count(mod.parameters()):>12,}")
            hooks.append(m.register_forward_hook(hook))
    with torch.no_grad():
        y = net(x)
    for h in hooks:
        h.remove()
    return y


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def pull_away(codes):
    """PullAwayTerm.of: mean squared cosine of the codes over ordered pairs i != j."""
    n = codes.shape[0]
    s = codes.reshape(n, -1)
    unit = s / (s.square().sum(1, keepdim=True) + 1e-12).sqrt()
    cos = unit.matmul(unit.t())
    diagonal = unit.square().sum(1)
    return (cos.square().sum() - diagonal.square().sum()) / float(n * (n - 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--arch", choices=sorted(PRESETS), help="a convolutional preset instead of the fully connected networks")
    ap.add_argument("--layers-g", type=int, default=3)
    ap.add_argument("--size-g", type=int, default=800)
    ap.add_argument("--layers-d", type=int, default=2)
    ap.add_argument("--size-d", type=int, default=256)
    ap.add_argument("--dim", type=int, default=784, help="data dimension of the fully connected networks")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shapes", action="store_true", help="print every layer's output shape to stderr")
    ap.add_argument("--transposed", choices=["native", "subpixel"], default="native",
                    help="transposed convolutions as nn.ConvTranspose2d (default) or by ebgan4j's sub-pixel decomposition")
    a = ap.parse_args()
    if a.layers_g < 2 or a.layers_d < 2:
        ap.error("--layers-g and --layers-d must be at least 2 (a layer count includes the output layer)")
    if a.batch < 2 or a.steps < 1 or a.warmup < 0:
        ap.error("--batch must be at least 2, --steps at least 1, --warmup at least 0")

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)

    if a.arch:
        g, enc, dec, noise, dim, std_g, std_d = conv_networks(a.arch, a.transposed)
        config = a.arch + ("" if a.transposed == "native" else " subpixel")
    else:
        g, enc, dec, noise, dim, std_g, std_d = fc_networks(a.layers_g, a.size_g, a.layers_d, a.size_d, a.dim)
        config = f"fc G{a.layers_g}x{a.size_g} D{a.layers_d}x{a.size_d}" + ("" if a.dim == 784 else f" dim{a.dim}")
    initialise(g, std_g)
    initialise(enc, std_d)
    initialise(dec, std_d)
    g_params = list(g.parameters())
    d_params = list(enc.parameters()) + list(dec.parameters())
    params_g, params_d = count(g_params), count(d_params)
    log(f"pytorch {torch.__version__}: {config}, batch {a.batch}, noise {noise}, data {dim}; "
        f"G {params_g:,} parameters ({len(g_params)} tensors), D {params_d:,} ({len(d_params)} tensors)")
    if a.shapes:
        g.train(False), enc.train(False), dec.train(False)
        x = print_shapes("generator", g, torch.rand(2, noise) * 2 - 1)
        code = print_shapes("encoder", enc, x)
        print_shapes("decoder", dec, code)
        g.train(True), enc.train(True), dec.train(True)

    opt_g = torch.optim.Adam(g_params, lr=LR, betas=(BETA1, BETA2), eps=EPS)
    opt_d = torch.optim.Adam(d_params, lr=LR, betas=(BETA1, BETA2), eps=EPS)

    batches = 2 if dim > 20_000 else 16
    gen = torch.Generator().manual_seed(1)
    data = torch.rand(a.batch * batches, dim, generator=gen) * 2 - 1
    order = torch.randperm(a.batch * batches, generator=gen)  # Batches' shuffle of epoch 0, the only epoch the bench reads

    def energy(x):
        code = enc(x)
        return (dec(code) - x.reshape(x.shape[0], -1)).square().sum(1), code

    def step(s):
        i = s % batches
        real = data.index_select(0, order[i * a.batch:(i + 1) * a.batch])
        z = torch.rand(a.batch, noise) * 2 - 1
        fake = g(z)
        e_real, _ = energy(real)
        e_fake, _ = energy(fake.detach())
        loss_d = e_real.mean() + torch.relu(MARGIN_IMAGES - e_fake).mean()
        metrics = [loss_d.item(), e_real.mean().item(), e_fake.mean().item()]
        opt_d.zero_grad(set_to_none=True)
        loss_d.backward()
        opt_d.step()
        for p in d_params:
            p.requires_grad_(False)
        try:
            e_fake, code = energy(fake)
            pt = pull_away(code)
            loss_g = e_fake.mean() + PT_WEIGHT * pt
            metrics += [pt.item(), loss_g.item()]
            opt_g.zero_grad(set_to_none=True)
            loss_g.backward()
        finally:
            for p in d_params:
                p.requires_grad_(True)
        opt_g.step()
        if any(v != v or v in (float("inf"), float("-inf")) for v in metrics):
            raise RuntimeError(f"training diverged at step {s + 1}: {metrics}")
        return metrics

    ms, at100 = [], None
    for s in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        last = step(s)
        if s >= a.warmup:
            ms.append((time.perf_counter() - t0) * 1000)
        done = s + 1 - a.warmup
        if done == 100:
            at100 = rss_kb()
        if done > 0 and done % 500 == 0:
            log(f"  {done} steps, {sum(ms) / len(ms):.2f} ms/step so far, RSS {rss_kb() // 1024} MiB")
    end = rss_kb()
    srt = sorted(ms)
    log(f"last step: loss D {last[0]:.4f}, E real {last[1]:.3f}, E fake {last[2]:.3f}, PT {last[3]:.4f}, loss G {last[4]:.4f}")
    result = {"side": "pytorch", "torch": torch.__version__, "threads": a.threads, "config": config, "batch": a.batch,
              "steps": a.steps, "mean_ms": round(sum(ms) / len(ms), 3), "median_ms": round(srt[a.steps // 2], 3),
              "p90_ms": round(srt[int(a.steps * 0.9)], 3), "rss_kb_at_100": at100, "rss_kb_end": end,
              "params_g": params_g, "params_d": params_d}
    log(f"ms/step: mean {result['mean_ms']:.2f}, median {result['median_ms']:.2f}, p90 {result['p90_ms']:.2f}; "
        f"RSS after 100 steps {at100} KiB, at the end {end} KiB")
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
