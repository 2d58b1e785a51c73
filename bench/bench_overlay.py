"""Benchmark: our 一张图 overlay vs QGIS native:calculatevectoroverlaps, both checked against exact areas.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_overlay.py [--plots 200000] [--constraints 2000]
        [--vertices 1200] [--sample 300] [--no-qgis]
    source scripts/env.sh; $PY bench/bench_overlay.py --processing [--repeat 2]

The default mode times the engine; ``--processing`` times what a user runs (bench/overlay_processing.py):
``processing.run("zutuan:checkmasterplan")`` on GeoPackage layers, outputs and report written, against
``native:calculatevectoroverlaps`` on the same layers, at 20,000 plots × 200 and 100,000 × 1,000 constraints of
1,000 vertices, with a breakdown (read / check / write / report).

Data (cached under build/bench_overlay/): convex quadrilateral plots on a jittered grid and non-overlapping
star-shaped constraint polygons of ``--vertices`` vertices, all in EPSG:4524 (CGCS2000 GK zone 36, x with the
zone prefix ≈ 36 490 000, 10 km west of the central meridian). Reference areas: (1) for every plot, a plain pairwise GEOS intersection of the plot
with each bbox candidate constraint after moving both to a local origin (no splitting, no prepared shortcuts);
(2) for a random sample of boundary-crossing plots, the exact rational area (Python Fractions,
Sutherland–Hodgman clipping of the constraint ring by the convex plot) — which validates (1).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from fractions import Fraction

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import algorithms  # noqa: E402,F401  (PROJ data directory first)
import geopandas as gpd  # noqa: E402
import shapely  # noqa: E402

X0, Y0 = 36_490_000.0, 3_300_000.0
CRS = "EPSG:4524"


def generate(n_plots: int, n_cons: int, n_vert: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_plots)))
    cell = 80.0
    ix, iy = np.meshgrid(np.arange(side), np.arange(side))
    ix, iy = ix.ravel()[:n_plots], iy.ravel()[:n_plots]
    x0, y0 = X0 + ix * cell, Y0 + iy * cell
    # convex quadrilaterals: corners of a 70 m square jittered by up to 4 m (stays convex)
    j = rng.uniform(-4, 4, size=(n_plots, 8))
    corners = np.stack([
        np.column_stack([x0 + 5 + j[:, 0], y0 + 5 + j[:, 1]]), np.column_stack([x0 + 75 + j[:, 2], y0 + 5 + j[:, 3]]),
        np.column_stack([x0 + 75 + j[:, 4], y0 + 75 + j[:, 5]]), np.column_stack([x0 + 5 + j[:, 6], y0 + 75 + j[:, 7]]),
    ], axis=1)
    plots = shapely.polygons(corners)
    extent = side * cell
    g = int(np.ceil(np.sqrt(n_cons)))
    spacing = extent / g
    cx, cy = np.meshgrid(np.arange(g), np.arange(g))
    cx, cy = cx.ravel()[:n_cons], cy.ravel()[:n_cons]
    centre_x = X0 + (cx + 0.5) * spacing + rng.uniform(-0.05, 0.05, n_cons) * spacing
    centre_y = Y0 + (cy + 0.5) * spacing + rng.uniform(-0.05, 0.05, n_cons) * spacing
    theta = np.linspace(0, 2 * np.pi, n_vert, endpoint=False)
    R = rng.uniform(0.22, 0.30, n_cons)[:, None] * spacing
    k1, k2 = rng.integers(3, 9, n_cons)[:, None], rng.integers(15, 40, n_cons)[:, None]
    p1, p2 = rng.uniform(0, 6.28, n_cons)[:, None], rng.uniform(0, 6.28, n_cons)[:, None]
    r = R * (1 + 0.15 * np.sin(k1 * theta + p1) + 0.04 * np.sin(k2 * theta + p2))
    ring = np.stack([centre_x[:, None] + r * np.cos(theta), centre_y[:, None] + r * np.sin(theta)], axis=2)
    cons = shapely.polygons(ring)
    assert shapely.is_valid(cons).all()
    pg = gpd.GeoDataFrame({"DKBH": [f"D{i:06d}" for i in range(n_plots)], "YDYHFLDM": "1001"},
                          geometry=plots, crs=CRS)
    cg = gpd.GeoDataFrame({"BSM": [f"H{i:05d}" for i in range(n_cons)]}, geometry=cons, crs=CRS)
    return pg, cg


def reference_areas(plots, cons):
    """Plain pairwise intersection in local coordinates, per plot summed (constraints do not overlap)."""
    from algorithms.checks.overlay import to_local

    _, p, c = to_local(plots, cons)
    qi, cj = shapely.STRtree(c).query(p)
    a = shapely.area(shapely.intersection(p[qi], c[cj]))
    return np.bincount(qi, weights=a, minlength=len(p))


def _clip(subject, a, b):
    """Keep the part of polygon ``subject`` left of the directed line a→b (exact Fractions)."""
    out = []
    n = len(subject)
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay

    def side(p):
        return dx * (p[1] - ay) - dy * (p[0] - ax)
    for k in range(n):
        cur, prev = subject[k], subject[k - 1]
        sc, sp = side(cur), side(prev)
        if sc >= 0:
            if sp < 0:
                t = sp / (sp - sc)
                out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
            out.append(cur)
        elif sp >= 0:
            t = sp / (sp - sc)
            out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
    return out


def exact_area(plot, cons_list):
    """Exact area of a convex plot ∩ each constraint (Fractions), summed."""
    pc = [(Fraction(x) - Fraction(X0), Fraction(y) - Fraction(Y0)) for x, y in shapely.get_coordinates(plot)[:-1]]
    if _signed(pc) < 0:
        pc = pc[::-1]
    total = Fraction(0)
    for c in cons_list:
        ring = [(Fraction(x) - Fraction(X0), Fraction(y) - Fraction(Y0))
                for x, y in shapely.get_coordinates(c.exterior)[:-1]]
        for k in range(len(pc)):
            if not ring:
                break
            ring = _clip(ring, pc[k], pc[(k + 1) % len(pc)])
        if len(ring) >= 3:
            total += abs(_signed(ring))
    return total


def _signed(pts):
    s = Fraction(0)
    for k in range(len(pts)):
        x1, y1 = pts[k - 1]
        x2, y2 = pts[k]
        s += x1 * y2 - x2 * y1
    return s / 2


def run_ours(plots_path, cons_path, max_vertices):
    """The engine's check as shipped: its array work on up to 4 threads (the machine's cores)."""
    from algorithms.checks import check_masterplan
    t0 = time.perf_counter()
    plots = gpd.read_file(plots_path)
    cons = gpd.read_file(cons_path)
    t1 = time.perf_counter()
    res = check_masterplan(plots, ecological_redline=cons, tolerance=0.0, max_vertices=max_vertices,
                           construction_codes=("10",))
    t2 = time.perf_counter()
    areas = dict(zip(res.plots["DKBH"], res.plots["CT_STHX"]))
    # like-for-like with QGIS (which outputs areas, no overlap polygons): read + overlay areas only
    from algorithms.checks.overlay import overlay, per_plot_union
    t3 = time.perf_counter()
    p2 = gpd.read_file(plots_path)
    c2 = gpd.read_file(cons_path)
    pl, cl = np.asarray(p2.geometry.values, dtype=object), np.asarray(c2.geometry.values, dtype=object)
    ov = overlay(pl, cl, max_vertices=max_vertices, geometry=False)
    tot, _ = per_plot_union(len(pl), ov.plot, ov.area, None)
    t4 = time.perf_counter()
    res.areas_only = (t4 - t3, dict(zip(p2["DKBH"], tot)))
    return t2 - t0, t1 - t0, areas, res


def run_ours_threads(plots_path, cons_path, max_vertices, workers):
    """The check as zutuan:checkmasterplan runs it on large layers by default: Hilbert partitions of 100,000 plots
    checked side by side on WORKERS threads (0 = the machine's cores)."""
    from algorithms.scale.runner import ConstraintInput, check_masterplan_scaled
    from algorithms.scale.sources import FrameSource

    t0 = time.perf_counter()
    plots = gpd.read_file(plots_path)
    cons = gpd.read_file(cons_path)
    res = check_masterplan_scaled(FrameSource(plots), [ConstraintInput(FrameSource(cons), key="ecological_redline")],
                                  out_plots=None, scheduler="threads", workers=workers, partition_size=100_000,
                                  tolerance=0.0, engine_options={"max_vertices": max_vertices,
                                                                 "construction_codes": ("10",)}).result
    dt = time.perf_counter() - t0
    return dt, dict(zip(res.plots["DKBH"], res.plots["CT_STHX"])), res


def run_qgis(plots_path, cons_path, repeat=1):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    times = []
    for _ in range(repeat):
        ctx = QgsProcessingContext()
        ctx.setEllipsoid("NONE")  # planimetric
        t0 = time.perf_counter()
        pl = QgsVectorLayer(plots_path, "plots", "ogr")
        cl = QgsVectorLayer(cons_path, "hx", "ogr")
        out = processing.run("native:calculatevectoroverlaps",
                             {"INPUT": pl, "LAYERS": [cl], "OUTPUT": "memory:"}, context=ctx,
                             feedback=QgsProcessingFeedback())["OUTPUT"]
        times.append(time.perf_counter() - t0)
    if isinstance(out, str):
        out = ctx.getMapLayer(out)
    names = [f.name() for f in out.fields()]
    area_field = [n for n in names if n.endswith("_area")][0]
    areas = {f["DKBH"]: float(f[area_field] or 0.0) for f in out.getFeatures()}
    return min(times), areas, app, times


def prepare(n_plots, n_cons, n_vert, n_sample, cache, blobs=False):
    """The cached GeoPackages and reference areas of one size, the reference checked on a sample against exact
    rational areas: (plots path, constraints path, plots, reference areas, {sample plot: exact area}, sample).
    ``blobs``: overlapping noisy blobs (overlay_processing.generate_blobs) instead of separate stars."""
    import overlay_processing

    d = os.path.join(cache, f"{'blobs_' if blobs else ''}{n_plots}_{n_cons}_{n_vert}")
    os.makedirs(d, exist_ok=True)
    pp, cp, rp = (os.path.join(d, n) for n in ("plots.gpkg", "constraints.gpkg", "reference.npy"))
    if not (os.path.exists(pp) and os.path.exists(cp) and os.path.exists(rp)):
        t = time.perf_counter()
        plots, cons = (overlay_processing.generate_blobs if blobs else generate)(n_plots, n_cons, n_vert)
        plots.to_file(pp, layer="plots", driver="GPKG")
        cons.to_file(cp, layer="hx", driver="GPKG")
        reference = overlay_processing.reference_union if blobs else reference_areas
        np.save(rp, reference(plots.geometry.values, cons.geometry.values))
        print(f"generated and cached data in {time.perf_counter() - t:.1f} s: {d}")
    plots = gpd.read_file(pp)
    cons = gpd.read_file(cp)
    ref = np.load(rp)
    nv = shapely.get_num_coordinates(cons.geometry.values)
    print(f"data: {len(plots)} plots, {len(cons)} constraint polygons ({nv.min()}–{nv.max()} vertices), {CRS}; "
          f"plots overlapping: {(ref > 0).sum()}")
    # exact rational check of the reference on a sample of boundary-crossing plots
    rng = np.random.default_rng(1)
    pg, cg = plots.geometry.values, cons.geometry.values
    qi, cj = shapely.STRtree(cg).query(pg, predicate="intersects")
    crossing = np.unique(qi[~shapely.contains_properly(cg[cj], pg[qi])])
    if blobs:           # exact rational areas need one constraint per plot: overlapping blobs are unioned
        crossing = crossing[np.bincount(qi, minlength=len(pg))[crossing] == 1]
    sample = rng.choice(crossing, size=min(n_sample, len(crossing)), replace=False)
    t = time.perf_counter()
    exact = {i: exact_area(pg[i], cg[cj[qi == i]]) for i in sample}
    ref_err = max(abs(float(exact[i] - Fraction(ref[i]))) for i in sample)
    print(f"reference vs exact rational areas on {len(sample)} boundary-crossing plots: max |error| = {ref_err:.2e} m² "
          f"({time.perf_counter() - t:.1f} s)")
    return pp, cp, plots, ref, exact, sample


def processing_mode(a):
    """--processing: zutuan:checkmasterplan vs native:calculatevectoroverlaps through processing.run, per size."""
    import overlay_processing

    sizes = [(a.plots, a.constraints)] if a.plots else [(20_000, 200), (100_000, 1_000)]
    overlay_processing.start_qgis()
    goals = {(20_000, 200): 5.0, (100_000, 1_000): 8.0}
    for n_plots, n_cons in sizes:
        pp, cp, plots, ref, exact, sample = prepare(n_plots, n_cons, a.vertices, a.sample, a.cache, blobs=True)
        d = os.path.dirname(pp)
        ratio, ok = overlay_processing.compare(f"{n_plots:,} plots × {n_cons:,} constraints ({a.vertices} vertices)",
                                               pp, cp, plots["DKBH"].to_numpy(), ref, exact, sample, a.repeat, d)
        goal = goals.get((n_plots, n_cons))
        if goal:
            print(f"   goal ≥ {goal:g}×: {'met' if ratio >= goal and ok else 'NOT met'}")


def _args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plots", type=int, default=None, help="default 200,000 (--processing: 20,000 and 100,000)")
    ap.add_argument("--constraints", type=int, default=2_000)
    ap.add_argument("--vertices", type=int, default=None, help="default 1,200 (--processing: 1,000)")
    ap.add_argument("--sample", type=int, default=300, help="plots checked with exact rational areas")
    ap.add_argument("--max-vertices", type=int, default=200, help="split constraints above this many vertices")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each side; the fastest is reported (shared machine)")
    ap.add_argument("--no-qgis", action="store_true")
    ap.add_argument("--processing", action="store_true",
                    help="time zutuan:checkmasterplan as a user runs it (processing.run, GeoPackage in and out, "
                         "report) against native:calculatevectoroverlaps, at 20,000 × 200 and 100,000 × 1,000")
    ap.add_argument("--cache", default=os.path.join(ROOT, "build", "bench_overlay"))
    return ap.parse_args(argv)


def main(argv=None):
    a = _args(argv)
    if a.processing:
        a.vertices = a.vertices or 1_000
        return processing_mode(a)
    a.plots, a.vertices = a.plots or 200_000, a.vertices or 1_200
    pp, cp, plots, ref, exact, sample = prepare(a.plots, a.constraints, a.vertices, a.sample, a.cache)
    runs = [run_ours(pp, cp, a.max_vertices) for _ in range(max(1, a.repeat))]
    t_ours, t_read, ours, res = min(runs, key=lambda r: r[0])
    res.areas_only = min((r[3].areas_only for r in runs), key=lambda x: x[0])
    print(f"ours, all runs (s): full {[round(r[0], 2) for r in runs]}, areas only "
          f"{[round(r[3].areas_only[0], 2) for r in runs]}")
    codes = plots["DKBH"].to_numpy()
    ov = np.array([ours[c] for c in codes])
    ours_err = np.abs(ov - ref)
    ours_exact = max(abs(float(Fraction(ov[i]) - exact[i])) for i in sample)
    print(f"ours, full check_masterplan (findings, status, conflict polygons; engine threads): {t_ours:7.2f} s (of which reading "
          f"GeoPackages {t_read:.2f} s); conflicts {len(res.conflicts)}; max |error| vs reference "
          f"{ours_err.max():.2e} m², vs exact sample {ours_exact:.2e} m²")
    t_ao, ao = res.areas_only
    av = np.array([ao[c] for c in codes])
    print(f"ours, areas only (read + overlay, like QGIS): {t_ao:7.2f} s; max |error| vs reference "
          f"{np.abs(av - ref).max():.2e} m², vs exact sample "
          f"{max(abs(float(Fraction(av[i]) - exact[i])) for i in sample):.2e} m²")
    from algorithms import threads
    token = threads.THREADS.set(1)
    one = min(run_ours(pp, cp, a.max_vertices)[0] for _ in range(max(1, a.repeat)))
    threads.THREADS.reset(token)
    print(f"ours, full check on one thread (THREADS=1): {one:7.2f} s")
    workers = os.cpu_count() or 1
    th = [run_ours_threads(pp, cp, a.max_vertices, workers) for _ in range(max(1, a.repeat))]
    t_th, th_areas, th_res = min(th, key=lambda r: r[0])
    tv = np.array([th_areas[c] for c in codes])
    print(f"ours, full check as zutuan:checkmasterplan runs it (partitions of 100,000 on {workers} threads), all runs "
          f"(s): {[round(r[0], 2) for r in th]}; best {t_th:7.2f} s; conflicts {len(th_res.conflicts)}; max |error| "
          f"vs reference {np.abs(tv - ref).max():.2e} m², vs exact sample "
          f"{max(abs(float(Fraction(tv[i]) - exact[i])) for i in sample):.2e} m²")
    if a.no_qgis:
        return
    t_q, qareas, app, q_runs = run_qgis(pp, cp, max(1, a.repeat))
    print(f"QGIS, all runs (s): {[round(t, 2) for t in q_runs]}")
    qv = np.array([qareas[c] for c in codes])
    q_err = np.abs(qv - ref)
    q_exact = max(abs(float(Fraction(qv[i]) - exact[i])) for i in sample)
    print(f"QGIS native:calculatevectoroverlaps (planimetric): {t_q:7.2f} s; max |error| vs reference "
          f"{q_err.max():.2e} m² (mean {q_err.mean():.2e}, plots off by > 0.01 m²: {(q_err > 0.01).sum()}), "
          f"vs exact sample {q_exact:.2e} m²")
    print(f"speed-up: QGIS / ours = {t_q / t_ours:.1f}× (full check, engine threads on {workers} cores), "
          f"{t_q / one:.1f}× (full check, one thread), {t_q / t_th:.1f}× (full check as the Processing algorithm "
          f"runs it, partitions on {workers} threads), {t_q / t_ao:.1f}× (areas only, engine threads)")
    app.exitQgis()


if __name__ == "__main__":
    main()
