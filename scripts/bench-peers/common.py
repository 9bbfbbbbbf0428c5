"""Shared by the benchmark peers: read the points the Java harness wrote, report JSON."""
import json
import resource
import sys

import numpy as np


def load_points(path):
    """x, y in metres: little-endian float64 pairs, as written by uk.safermap.bench.HotspotBenchmark."""
    xy = np.fromfile(path, dtype="<f8").reshape(-1, 2)
    return np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])


def report(seconds, **extra):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(dict(seconds=seconds, peak_rss_mb=peak_mb, **extra)))
    sys.stdout.flush()
