"""bench_overlay.py --processing: the check as a user runs it, end to end, against QGIS's Overlap analysis.

Both run in one QGIS process through ``processing.run`` on the same file-backed GeoPackage layers, both write their
output to GeoPackage files (ours also the conflict polygons and the HTML report); both are checked against the exact
reference areas. Ours is timed with a breakdown: reading the layers (plugin/bridge/), writing the outputs, the
report, and the check (the rest: parameters, the engine).
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import contextmanager

import numpy as np

def generate_blobs(n_plots, n_cons, n_vert, seed=7):
    """Plots: convex quadrilaterals (70 m squares with corners jittered by up to 4 m) on an 80 m grid, as in
    bench_overlay.generate. Constraints:
    ``n_cons`` blobs of ``n_vert`` vertices (radius 60–250 m, five lobes, 5 % radial noise: star-shaped, so valid)
    centred at random over the plots' extent: they overlap each other, as the blobs of bench/bench_scale.py do."""
    import geopandas as gpd
    import shapely
    from bench_overlay import CRS, X0, Y0

    rng = np.random.default_rng(seed)
    side, cell = int(np.ceil(np.sqrt(n_plots))), 80.0
    i = np.arange(n_plots)
    x0, y0 = X0 + (i % side) * cell, Y0 + (i // side) * cell
    j = rng.uniform(-4, 4, size=(n_plots, 8))
    corners = np.stack([np.column_stack([x0 + 5 + j[:, 0], y0 + 5 + j[:, 1]]),
                        np.column_stack([x0 + 75 + j[:, 2], y0 + 5 + j[:, 3]]),
                        np.column_stack([x0 + 75 + j[:, 4], y0 + 75 + j[:, 5]]),
                        np.column_stack([x0 + 5 + j[:, 6], y0 + 75 + j[:, 7]])], axis=1)
    extent = side * cell
    cx, cy = X0 + rng.uniform(0, extent, n_cons), Y0 + rng.uniform(0, extent, n_cons)
    r = rng.uniform(60, 250, n_cons)[:, None]
    ang = np.linspace(0, 2 * np.pi, n_vert, endpoint=False)
    rr = r * (1 + 0.25 * np.sin(5 * ang + np.arange(n_cons)[:, None]) + 0.05 * rng.standard_normal((n_cons, n_vert)))
    cons = shapely.polygons(np.stack([cx[:, None] + rr * np.cos(ang), cy[:, None] + rr * np.sin(ang)], axis=2))
    assert shapely.is_valid(cons).all()
    pg = gpd.GeoDataFrame({"DKBH": [f"D{k:06d}" for k in i], "YDYHFLDM": "1001"}, geometry=shapely.polygons(corners),
                          crs=CRS)
    return pg, gpd.GeoDataFrame({"BSM": [f"H{k:05d}" for k in range(n_cons)]}, geometry=cons, crs=CRS)


def reference_union(plots, cons):
    """Per plot, the area of plot ∩ (union of the constraints it meets), plain GEOS in local coordinates."""
    import shapely
    from algorithms.checks.overlay import to_local

    _, p, c = to_local(plots, cons)
    qi, cj = shapely.STRtree(c).query(p, predicate="intersects")
    out = np.zeros(len(p))
    n = np.bincount(qi, minlength=len(p))
    one = n[qi] == 1
    np.add.at(out, qi[one], shapely.area(shapely.intersection(p[qi[one]], c[cj[one]])))
    order = np.argsort(qi, kind="stable")
    starts = np.concatenate([[0], np.cumsum(n)])
    for k in np.flatnonzero(n > 1):
        out[k] = shapely.intersection(p[k], shapely.union_all(c[cj[order[starts[k]:starts[k + 1]]]])).area
    return out


def start_qgis():
    from qgis_runs import start_qgis as start

    return start()


class Timers:
    """Seconds spent in the wrapped functions, by phase (the outermost call on each thread; the wrappers add nothing
    measurable). The report is rendered on a second thread, and the conflicts file built there after it, while the
    plots are written: "outputs" is the wall time of all, "write" the layers' times on both threads added up, "report"
    its own time (overlapping)."""

    def __init__(self):
        self.spent, self.depth = {}, threading.local()

    def wrap(self, owner, name, phase):
        fn = getattr(owner, name)

        def timed(*args, **kw):
            depth = getattr(self.depth, phase, 0)     # nested calls (read_with_fields → source_to_gdf) count once
            setattr(self.depth, phase, depth + 1)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                setattr(self.depth, phase, depth)
                if not depth:
                    self.spent[phase] = self.spent.get(phase, 0.0) + time.perf_counter() - t0
        setattr(owner, name, timed)
        return fn


@contextmanager
def timed_phases():
    """Wrap the bridge's readers and writers, the report and the writing of the outputs for the duration; yields
    the Timers."""
    import zutuan.algorithms.report as report
    from zutuan.plugin import bridge
    from zutuan.plugin.algs.base import ReviewOutputs

    t = Timers()
    originals = [(bridge, "read_with_fields", t.wrap(bridge, "read_with_fields", "read")),
                 (bridge, "source_to_gdf", t.wrap(bridge, "source_to_gdf", "read")),
                 (bridge, "gdf_to_sink", t.wrap(bridge, "gdf_to_sink", "write")),
                 (bridge.BulkWrite, "build", t.wrap(bridge.BulkWrite, "build", "write")),
                 (bridge.BulkWrite, "finish", t.wrap(bridge.BulkWrite, "finish", "write")),
                 (report, "render_report", t.wrap(report, "render_report", "report")),
                 (ReviewOutputs, "write_review_outputs", t.wrap(ReviewOutputs, "write_review_outputs", "outputs"))]
    try:
        yield t
    finally:
        for owner, name, fn in originals:
            setattr(owner, name, fn)


def _read_areas(path, key, column=None):
    import pyogrio

    df = pyogrio.read_dataframe(path, read_geometry=False)
    column = column or next(c for c in df.columns if c.endswith("_area"))
    return dict(zip(df[key], df[column].fillna(0.0).astype(float)))


def run_ours(pp, cp, out):
    """zutuan:checkmasterplan on the two GeoPackage layers, outputs to GeoPackage files and the report."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    params = {"INPUT": f"{pp}|layername=plots", "ECOLOGICAL_REDLINE": f"{cp}|layername=hx", "TOLERANCE": 0.0,
              "OUTPUT": os.path.join(out, "plots.gpkg"), "CONFLICTS": os.path.join(out, "conflicts.gpkg"),
              "REPORT": os.path.join(out, "report.html")}
    with timed_phases() as t:
        t0 = time.perf_counter()
        res = processing.run("zutuan:checkmasterplan", params, context=QgsProcessingContext(),
                             feedback=QgsProcessingFeedback())
        total = time.perf_counter() - t0
    phases = dict(t.spent)
    phases["check"] = total - phases.get("read", 0.0) - phases.get("outputs", 0.0)
    return total, phases, _read_areas(res["OUTPUT"], "DKBH", "CT_STHX"), res


def run_native(pp, cp, out):
    """native:calculatevectoroverlaps (planimetric: ellipsoid NONE) on the same layers, output to a GeoPackage."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    os.makedirs(out, exist_ok=True)
    dest = os.path.join(out, "native.gpkg")
    if os.path.exists(dest):
        os.remove(dest)
    ctx = QgsProcessingContext()
    ctx.setEllipsoid("NONE")
    t0 = time.perf_counter()
    res = processing.run("native:calculatevectoroverlaps", {"INPUT": f"{pp}|layername=plots",
                                                            "LAYERS": [f"{cp}|layername=hx"], "OUTPUT": dest},
                         context=ctx, feedback=QgsProcessingFeedback())
    dt = time.perf_counter() - t0
    return dt, _read_areas(res["OUTPUT"], "DKBH")


def errors(areas, codes, ref, exact, sample):
    """(max |error| vs the reference over all plots, vs the exact rational areas on the sample) in m²."""
    from fractions import Fraction

    v = np.array([areas[c] for c in codes])
    return float(np.abs(v - ref).max()), max(abs(float(Fraction(v[i]) - exact[i])) for i in sample)


def compare(label, pp, cp, codes, ref, exact, sample, repeat, out_root):
    """Both sides ``repeat`` times alternately (a shared machine: the best of each is compared), ours also with the
    bridge feature by feature (ZUTUAN_BULK_IO=0: the general path, which selections, filters, memory and PostGIS
    layers take); prints the figures."""
    out = os.path.join(out_root, "out")
    ours, before, native = [], [], []
    for _ in range(max(1, repeat)):
        os.environ["ZUTUAN_BULK_IO"] = "0"
        try:
            before.append(run_ours(pp, cp, out))
        finally:
            os.environ.pop("ZUTUAN_BULK_IO")
        ours.append(run_ours(pp, cp, out))
        native.append(run_native(pp, cp, out))
    best, old = min(ours, key=lambda r: r[0]), min(before, key=lambda r: r[0])
    t_q = min(r[0] for r in native)
    e_ours, e_native = errors(best[2], codes, ref, exact, sample), errors(native[0][1], codes, ref, exact, sample)
    print(f"== {label}: zutuan:checkmasterplan through processing.run, all runs (s) {[round(r[0], 2) for r in ours]}; "
          f"feature by feature (general path) {[round(r[0], 2) for r in before]}; native:calculatevectoroverlaps "
          f"{[round(r[0], 2) for r in native]}")
    for name, r in (("feature by feature", old), ("ours", best)):
        ph = r[1]
        print(f"   {name} best {r[0]:.2f} s = read {ph.get('read', 0):.2f} + check {ph['check']:.2f} + outputs "
              f"{ph.get('outputs', 0):.2f} (layers {ph.get('write', 0):.2f} and report {ph.get('report', 0):.2f}, on two "
              f"threads); N_FAIL {r[3]['N_FAIL']}")
    print(f"   ours: max |error| vs reference {e_ours[0]:.2e} m², vs exact sample {e_ours[1]:.2e} m²; "
          f"same areas as feature by feature: {best[2] == old[2]}")
    print(f"   QGIS best {t_q:.2f} s; max |error| vs reference {e_native[0]:.2e} m², vs exact sample {e_native[1]:.2e} m²")
    ok = e_ours[0] < 0.01 and e_ours[1] < 0.01
    print(f"   ratio QGIS / ours = {t_q / best[0]:.1f}× (feature by feature: {t_q / old[0]:.1f}×); ours exact (< 0.01 m²): "
          f"{'yes' if ok else 'NO'}")
    return t_q / best[0], ok
