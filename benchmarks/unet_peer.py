#!/usr/bin/env python3
"""PyTorch peer of PhysGen's 3D U-Net (org.physgen.nn.UNet3d), for timing the same network on the CPU.

The layers, their order, widths and parameter shapes follow UNet3d, ResidualBlock3d (adaptive
GroupNorm form), GroupNorm3d, NoiseEmbedding, SelfAttention3d and PaddedConv3d, so the parameter
count printed here equals PhysGen's for the same configuration. Tensors are NCDHW float32.

It prints `key value` lines: `torch` (its version), `parameters`, then the median seconds of
  * `training_s`: forward, mean-squared loss against a fixed random target, backward, global-norm
    gradient clipping at 1.0 and an Adam step (as PhysGen's training does), and
  * `forward_s`: one forward under torch.no_grad (inference, as generation does).
Used by `scripts/benchmark network`; runs on its own with `python3 benchmarks/unet_peer.py --help`.
"""

import argparse
import math
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn

INPUT_SCALE = 1000.0  # NoiseEmbedding.INPUT_SCALE
MAX_PERIOD = 10000.0
EPSILON = 1e-5  # GroupNorm3d.EPSILON


class Conv(nn.Conv3d):
    """Stride-1 cubic convolution keeping the size: zero or circular padding for k = 3 (PaddedConv3d)."""

    def __init__(self, cin, cout, kernel, periodic):
        super().__init__(cin, cout, kernel, padding=kernel // 2,
                         padding_mode="circular" if periodic and kernel > 1 else "zeros")


def norm(channels, groups):
    return nn.GroupNorm(groups, channels, eps=EPSILON)


class Embedding(nn.Module):
    """Sinusoidal features of the noise input, Linear-SiLU-Linear, plus a linear map of the condition."""

    def __init__(self, base, emb, cond):
        super().__init__()
        half = max(1, base // 2)
        freq = [INPUT_SCALE * math.exp(-math.log(MAX_PERIOD) * i / half) for i in range(half)]
        self.register_buffer("freq", torch.tensor(freq, dtype=torch.float32), persistent=False)
        self.hidden = nn.Linear(2 * half, emb)
        self.output = nn.Linear(emb, emb)
        self.condition = nn.Linear(cond, emb) if cond > 0 else None

    def forward(self, noise, cond):
        angles = noise.reshape(-1, 1) * self.freq.reshape(1, -1)
        e = self.output(F.silu(self.hidden(torch.cat([angles.cos(), angles.sin()], 1))))
        return e + self.condition(cond) if self.condition is not None else e


class ResBlock(nn.Module):
    """GroupNorm, SiLU, conv; norm(h)·(1 + scale) + shift from the embedding; SiLU, conv; plus the skip."""

    def __init__(self, cin, cout, emb, groups, periodic):
        super().__init__()
        self.cout = cout
        self.norm1 = norm(cin, groups)
        self.conv1 = Conv(cin, cout, 3, periodic)
        self.embedding = nn.Linear(emb, 2 * cout)
        self.norm2 = norm(cout, groups)
        self.conv2 = Conv(cout, cout, 3, periodic)
        self.skip = Conv(cin, cout, 1, periodic) if cin != cout else None

    def forward(self, x, emb):
        h = self.conv1(F.silu(self.norm1(x)))
        e = self.embedding(F.silu(emb)).reshape(-1, 2, self.cout, 1, 1, 1)
        h = F.silu(self.norm2(h) * (1 + e[:, 0]) + e[:, 1])
        h = self.conv2(h)
        return (x if self.skip is None else self.skip(x)) + h


class Attention(nn.Module):
    """Single-head self-attention over all voxels with a residual connection (SelfAttention3d)."""

    def __init__(self, channels, groups):
        super().__init__()
        self.channels = channels
        self.norm = norm(channels, groups)
        self.qkv = Conv(channels, 3 * channels, 1, False)
        self.projection = Conv(channels, channels, 1, False)

    def forward(self, x):
        n = x.shape[0]
        qkv = self.qkv(self.norm(x)).reshape(n, 3, self.channels, -1)
        q, k, v = qkv[:, 0], qkv[:, 1], qkv[:, 2]
        weights = torch.softmax(q.transpose(1, 2) @ k / math.sqrt(self.channels), 2)
        return x + self.projection((v @ weights.transpose(1, 2)).reshape(x.shape))


class UNet(nn.Module):
    """The U-Net of UNet3d: encoder with average pooling, middle, decoder on concatenated skips with
    nearest-neighbour upsampling plus a conv, output GroupNorm, SiLU and a zero-initialised conv."""

    def __init__(self, a):
        super().__init__()
        widths = [a.base * m for m in a.multipliers]
        emb = 4 * a.base
        levels = len(widths)
        self.levels = levels
        self.embedding = Embedding(a.base, emb, a.condition)
        width = widths[0]
        self.input = Conv(a.input, width, 3, a.periodic)
        skips = [width]
        self.encoder = nn.ModuleList()
        for level in range(levels):
            blocks = nn.ModuleList()
            for _ in range(a.res_blocks):
                blocks.append(ResBlock(width, widths[level], emb, a.groups, a.periodic))
                width = widths[level]
                skips.append(width)
            self.encoder.append(blocks)
            if level < levels - 1:
                skips.append(width)
        self.middle1 = ResBlock(width, width, emb, a.groups, a.periodic)
        self.attention = Attention(width, a.groups) if a.attention else None
        self.middle2 = ResBlock(width, width, emb, a.groups, a.periodic)
        self.decoder = nn.ModuleList()
        self.upsample = nn.ModuleList()
        for level in reversed(range(levels)):
            blocks = nn.ModuleList()
            for _ in range(a.res_blocks + 1):
                blocks.append(ResBlock(width + skips.pop(), widths[level], emb, a.groups, a.periodic))
                width = widths[level]
            self.decoder.append(blocks)
            if level > 0:
                self.upsample.append(Conv(width, width, 3, a.periodic))
        self.output_norm = norm(width, a.groups)
        self.output = Conv(width, a.output, 3, a.periodic)
        nn.init.zeros_(self.output.weight)
        nn.init.zeros_(self.output.bias)

    def forward(self, x, noise, cond=None):
        emb = self.embedding(noise, cond)
        h = self.input(x)
        skips = [h]
        for level, blocks in enumerate(self.encoder):
            for block in blocks:
                h = block(h, emb)
                skips.append(h)
            if level < self.levels - 1:
                h = F.avg_pool3d(h, 2)
                skips.append(h)
        h = self.middle1(h, emb)
        if self.attention is not None:
            h = self.attention(h)
        h = self.middle2(h, emb)
        for i, blocks in enumerate(self.decoder):
            for block in blocks:
                h = block(torch.cat([h, skips.pop()], 1), emb)
            if i < self.levels - 1:
                h = self.upsample[i](F.interpolate(h, scale_factor=2.0, mode="nearest"))
        return self.output(F.silu(self.output_norm(h)))


def inputs(a, batch, size, generator):
    x = torch.rand(batch, a.input, size, size, size, generator=generator)
    noise = torch.rand(batch, generator=generator)
    cond = torch.rand(batch, a.condition, generator=generator) if a.condition > 0 else None
    return x, noise, cond


def timed(fn, warmup, repetitions):
    for _ in range(warmup):
        fn()
    seconds = []
    for _ in range(repetitions):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=int, default=32, help="base channels (32)")
    p.add_argument("--multipliers", type=lambda s: [int(m) for m in s.split(",")], default=[1, 2, 2],
                   help="channel multipliers per level, comma-separated (1,2,2)")
    p.add_argument("--res-blocks", type=int, default=2, help="residual blocks per level (2)")
    p.add_argument("--groups", type=int, default=8, help="GroupNorm groups (8)")
    p.add_argument("--attention", action="store_true", help="self-attention at the lowest level (off)")
    p.add_argument("--input", type=int, default=1, help="input channels (1: DSD on two phases)")
    p.add_argument("--output", type=int, default=6, help="output channels (6: DSD on two phases)")
    p.add_argument("--condition", type=int, default=0, help="condition vector length (0)")
    p.add_argument("--periodic", action=argparse.BooleanOptionalAction, default=True,
                   help="circular padding, as DSD's periodic networks (on)")
    p.add_argument("--train-size", type=int, default=32, help="training crop edge (32)")
    p.add_argument("--train-batch", type=int, default=4, help="training batch (4)")
    p.add_argument("--forward-size", type=int, default=64, help="inference volume edge (64)")
    p.add_argument("--forward-batch", type=int, default=1, help="inference batch (1)")
    p.add_argument("--threads", type=int, default=1, help="intra-op threads (1)")
    p.add_argument("--repetitions", type=int, default=3, help="timed repetitions after one warm-up (3)")
    p.add_argument("--learning-rate", type=float, default=2e-4)
    p.add_argument("--profile", action="store_true",
                   help="also print torch.profiler's operator table of one step and one forward")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    net = UNet(a)
    print("torch", torch.__version__)
    print("parameters", sum(t.numel() for t in net.parameters()), flush=True)
    generator = torch.Generator().manual_seed(2)
    x, noise, cond = inputs(a, a.train_batch, a.train_size, generator)
    target = torch.randn(a.train_batch, a.output, a.train_size, a.train_size, a.train_size, generator=generator)
    adam = torch.optim.Adam(net.parameters(), lr=a.learning_rate)

    def step():
        adam.zero_grad(set_to_none=False)
        loss = F.mse_loss(net(x, noise, cond), target)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        adam.step()

    net.train()
    print("training_s", timed(step, 1, a.repetitions), flush=True)
    fx, fnoise, fcond = inputs(a, a.forward_batch, a.forward_size, generator)
    net.eval()

    def forward():
        with torch.no_grad():
            net(fx, fnoise, fcond)

    print("forward_s", timed(forward, 1, a.repetitions), flush=True)
    if a.profile:
        net.train()
        profile("training step", step)
        net.eval()
        profile("forward", forward)


def profile(title, fn):
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        fn()
    print(title)
    print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=25))


if __name__ == "__main__":
    main()
