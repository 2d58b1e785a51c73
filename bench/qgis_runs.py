"""Shared by the benches that time an algorithm as a user runs it: QGIS started as the tests start it, and one
algorithm run by ``processing.run`` on the bridge's bulk GeoPackage path and on the feature-by-feature path
(ZUTUAN_BULK_IO=0: the general path of selections, filters, memory and PostGIS layers), alternately, the best of each kept."""
from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def start_qgis():
    """QgsApplication, Processing and the plugin, exactly as the QGIS tests load them (test/qgis/conftest.py)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.path.join(ROOT, "test", "qgis"))
    import conftest  # noqa: F401

    return conftest


def run_once(alg, params, bulk):
    """(seconds, results) of one ``processing.run(alg, params())`` with the bulk path on or off."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    os.environ["ZUTUAN_BULK_IO"] = "1" if bulk else "0"
    try:
        p = params()
        t0 = time.perf_counter()
        res = processing.run(alg, p, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        return time.perf_counter() - t0, res
    finally:
        os.environ.pop("ZUTUAN_BULK_IO", None)


def bulk_vs_general(alg, params, repeat=2):
    """{True: (best seconds, results), False: (…)}: ``params`` is called before each run (fresh output paths)."""
    runs = {True: [], False: []}
    for _ in range(max(1, repeat)):
        for bulk in (False, True):
            runs[bulk].append(run_once(alg, params, bulk))
    return {bulk: min(r, key=lambda x: x[0]) for bulk, r in runs.items()}
