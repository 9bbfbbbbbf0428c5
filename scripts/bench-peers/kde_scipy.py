"""Peer for kernel density: binning onto the grid plus an FFT convolution with the quartic kernel
(scipy.signal.fftconvolve), values in incidents per km^2. Usage: kde_scipy.py points.bin cell bandwidth nx ny x0 y0"""
import sys
import time

import numpy as np
from scipy.signal import fftconvolve

from common import load_points, report

x, y = load_points(sys.argv[1])
cell, h = float(sys.argv[2]), float(sys.argv[3])
nx, ny, x0, y0 = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
start = time.perf_counter()
counts, _, _ = np.histogram2d(x, y, bins=[nx, ny], range=[[x0, x0 + nx * cell], [y0, y0 + ny * cell]])
r = int(np.ceil(h / cell))
off = np.arange(-r, r + 1) * cell
d2 = off[:, None] ** 2 + off[None, :] ** 2
kernel = np.where(d2 < h * h, 3.0 / (np.pi * h * h) * (1 - d2 / (h * h)) ** 2, 0.0) * 1e6
density = fftconvolve(counts, kernel, mode="same")
report(time.perf_counter() - start, total=float(density.sum() * cell * cell / 1e6))
