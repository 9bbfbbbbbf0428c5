"""Peer for DBSCAN: scikit-learn's DBSCAN on the same points. Usage: dbscan_sklearn.py points.bin eps min_pts"""
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN

from common import load_points, report

x, y = load_points(sys.argv[1])
eps, min_pts = float(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
labels = DBSCAN(eps=eps, min_samples=min_pts).fit(np.column_stack([x, y])).labels_
report(time.perf_counter() - start, clusters=int(labels.max() + 1), noise=int((labels < 0).sum()))
