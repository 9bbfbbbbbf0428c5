"""Peer for Gi*: binning with numpy and the band sums by a stencil convolution (scipy.ndimage),
binary weights within `band` of the cell centre, self included, over the cells of the box.
Usage: gistar_numpy.py points.bin cell band"""
import sys
import time

import numpy as np
from scipy import ndimage

from common import load_points, report

x, y = load_points(sys.argv[1])
cell, band = float(sys.argv[2]), float(sys.argv[3])
start = time.perf_counter()
x0, y0 = np.floor(x.min() / cell) * cell, np.floor(y.min() / cell) * cell
nx, ny = int((x.max() - x0) // cell) + 1, int((y.max() - y0) // cell) + 1
counts, _, _ = np.histogram2d(x, y, bins=[nx, ny], range=[[x0, x0 + nx * cell], [y0, y0 + ny * cell]])
r = int(band // cell)
off = np.arange(-r, r + 1) * cell
stencil = (off[:, None] ** 2 + off[None, :] ** 2 <= band * band).astype(float)
n = counts.size
mean = counts.mean()
s = np.sqrt((counts ** 2).mean() - mean ** 2)
local = ndimage.convolve(counts, stencil, mode="constant")
w = ndimage.convolve(np.ones_like(counts), stencil, mode="constant")
z = (local - mean * w) / (s * np.sqrt((n * w - w ** 2) / (n - 1)))
report(time.perf_counter() - start, cells=int(n), max_z=float(z.max()))
