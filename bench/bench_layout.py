"""Benchmark: 组团 → 单元 → 地块 subdivision on a generated 100 km² zone and on the sample zone.

    .venv/bin/python bench/bench_layout.py [--size-km 10] [--target 5000] [--no-sample]
    source scripts/env.sh; $PY bench/bench_layout.py --processing   # zutuan:subdivideplots via processing.run

Generated zone (EPSG:4547, CGCS2000 GK CM 114°E, metres): ``size × size`` km cut into 2 km clusters with
slightly tilted, jittered outlines; a road grid (including the zone's edge) of 主干路
every 2 km (near the jittered cluster outlines), 次干路 between them, 支路 every 250 m north-south and every
500 m east-west, plus a diagonal 主干路 — all as centre lines with class and width. Units are split at 20 ha and merged below 2 ha;
plots target ``--target`` m² in [target/2, 2·target]. Prints plots per second and the quality figures, and
checks the invariants of issue 3 (plots tile their unit, plots + corridors = cluster area within
0.01 m² per ha, valid single-part plots, clean hierarchy).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import algorithms  # noqa: E402,F401  (PROJ data directory first)
import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402

from algorithms.layout import check_hierarchy, subdivide_plots, subdivide_units  # noqa: E402

CRS = "EPSG:4547"
X0, Y0 = 500000.0, 2500000.0


def generated_zone(size_km: float = 10.0, seed: int = 7):
    """Clusters (jittered 2 km tiles) and road centre lines of a ``size_km``² zone."""
    rng = np.random.default_rng(seed)
    size = size_km * 1000.0
    n = max(1, int(round(size / 2000.0)))
    step = size / n
    # jittered lattice shared by neighbouring clusters, so clusters tile the zone
    sub = 4
    m = n * sub
    xs = np.linspace(0, size, m + 1)
    grid = np.stack(np.meshgrid(xs, xs, indexing="ij"), axis=-1)
    jit = rng.uniform(-40, 40, grid.shape)
    jit[0, :, 0] = jit[-1, :, 0] = jit[:, 0, 1] = jit[:, -1, 1] = 0
    grid = grid + jit
    clusters = []
    for i in range(n):
        for j in range(n):
            ring = ([grid[i * sub + k, j * sub] for k in range(sub + 1)] +
                    [grid[(i + 1) * sub, j * sub + k] for k in range(1, sub + 1)] +
                    [grid[(i + 1) * sub - k, (j + 1) * sub] for k in range(1, sub + 1)] +
                    [grid[i * sub, (j + 1) * sub - k] for k in range(1, sub)])
            clusters.append(shapely.Polygon(np.asarray(ring) + [X0, Y0]))
    codes = [f"Z{k + 1:02d}" for k in range(len(clusters))]
    chains = ["冷链物流", "红木加工", "跨境电商", "农产品加工", "机电装配"]
    cl = gpd.GeoDataFrame({"ZTBH": codes, "CYL": [chains[k % len(chains)] for k in range(len(codes))]},
                          geometry=clusters, crs=CRS)
    lines, cls = [], []
    for k in range(0, int(size // 250) + 1):
        v = k * 250.0
        c = "主干路" if v % step == 0 else ("次干路" if v % (step / 2) == 0 else "支路")
        ends = [((v, -50), (v, size + 50))]                     # north-south every 250 m
        if v % 500 == 0:
            ends.append(((-50, v), (size + 50, v)))             # east-west every 500 m
        for a, b in ends:
            lines.append(shapely.LineString([(a[0] + X0, a[1] + Y0), (b[0] + X0, b[1] + Y0)]))
            cls.append(c)
    lines.append(shapely.LineString([(X0 + 300, Y0 + 700), (X0 + size - 700, Y0 + size - 300)]))
    cls.append("主干路")
    roads = gpd.GeoDataFrame({"DLDJ": cls, "HXKD": [None] * len(cls)}, geometry=lines, crs=CRS)
    return cl, roads


def check_invariants(clusters, units, corridors, plots, tol_per_ha=0.01):
    out = {}
    g = np.asarray(plots.geometry.values, dtype=object)
    out["plots_valid_single"] = bool(shapely.is_valid(g).all() and (shapely.get_type_id(g) == 3).all())
    worst = 0.0
    for code, grp in plots.groupby("DYBH"):
        u = units.loc[units["DYBH"] == code].geometry.iloc[0]
        worst = max(worst, abs(shapely.area(np.asarray(grp.geometry.values)).sum() - u.area))
    out["plots_vs_unit_max_abs_m2"] = worst
    bal = []
    for code, c in zip(clusters["ZTBH"], clusters.geometry):
        s = plots.loc[plots["ZTBH"] == code, "YDMJ"].sum() + corridors.loc[corridors["ZTBH"] == code, "YDMJ"].sum()
        bal.append(abs(s - c.area) / max(c.area / 10000.0, 1.0))
    out["balance_max_m2_per_ha"] = float(max(bal))
    out["balance_ok"] = out["balance_max_m2_per_ha"] <= tol_per_ha
    return out


def run(name, clusters, roads, cadastre, *, target, min_unit, max_unit, check=True, **kw):
    print(f"== {name}: {len(clusters)} clusters, {shapely.area(clusters.geometry.values).sum() / 1e6:.2f} km², "
          f"{len(roads)} roads" + (f", {len(cadastre)} parcels" if cadastre is not None else ""))
    t0 = time.perf_counter()
    units, corridors, f1, q1 = subdivide_units(clusters, roads, min_unit_area=min_unit, max_unit_area=max_unit)
    t1 = time.perf_counter()
    plots, f2, q2 = subdivide_plots(units, cadastre, roads=roads, target_area=target, min_area=target / 2,
                                    max_area=target * 2, **kw)
    t2 = time.perf_counter()
    print(f"units: {len(units)} in {t1 - t0:.2f} s; corridors: {len(corridors)}")
    print(f"plots: {len(plots)} in {t2 - t1:.2f} s = {len(plots) / (t2 - t1):,.0f} plots/s "
          f"(units + plots: {len(plots) / (t2 - t0):,.0f} plots/s)")
    for k, v in q2.items():
        print(f"  {k}: {v:.4g}" if isinstance(v, float) else f"  {k}: {v}")
    counts = {}
    for f in f1 + f2:
        counts[f.rule_id] = counts.get(f.rule_id, 0) + 1
    print("findings:", dict(sorted(counts.items())))
    if check:
        t3 = time.perf_counter()
        inv = check_invariants(clusters, units, corridors, plots)
        h = check_hierarchy(clusters, units, plots)
        hc = {}
        for f in h:
            hc[f.rule_id] = hc.get(f.rule_id, 0) + 1
        print("invariants:", inv)
        print(f"check_hierarchy: {len(h)} findings {dict(sorted(hc.items()))} in {time.perf_counter() - t3:.2f} s")
    return len(plots) / (t2 - t1)


def processing_mode(size_km, target, repeat):
    """zutuan:subdivideplots through processing.run on GeoPackage units and roads, plots written to a GeoPackage:
    plots/s on the bridge's bulk GeoPackage path and feature by feature (ZUTUAN_BULK_IO=0, the general path of selections, filters, memory and PostGIS layers)."""
    import qgis_runs

    qgis_runs.start_qgis()
    folder = os.path.join(ROOT, "build", "bench_layout")
    os.makedirs(folder, exist_ok=True)
    src = os.path.join(folder, f"zone_{size_km:g}km.gpkg")
    if not os.path.exists(src):
        cl, roads = generated_zone(size_km)
        units = subdivide_units(cl, roads, min_unit_area=20000, max_unit_area=200000)[0]
        units.to_file(src, layer="units", driver="GPKG")
        roads.to_file(src, layer="roads", driver="GPKG")
    out = os.path.join(folder, "plots.gpkg")

    def params():
        if os.path.exists(out):
            os.remove(out)
        return {"INPUT": f"{src}|layername=units", "ROADS": f"{src}|layername=roads", "TARGET_AREA": target,
                "MIN_AREA": target / 2, "MAX_AREA": target * 2, "MIN_WIDTH": 30, "MAX_ASPECT": 4, "OUTPUT": out}
    best = qgis_runs.bulk_vs_general("zutuan:subdivideplots", params, repeat)
    n = best[True][1]["N_PLOTS"]
    assert n == best[False][1]["N_PLOTS"]
    for bulk, label in ((False, "feature by feature (general path)"), (True, "bulk GeoPackage I/O")):
        print(f"zutuan:subdivideplots, {size_km:g} × {size_km:g} km zone, {n} plots, {label}: {best[bulk][0]:.2f} s = "
              f"{n / best[bulk][0]:,.0f} plots/s")
    return n / best[True][0]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-km", type=float, default=10.0)
    ap.add_argument("--target", type=float, default=5000.0)
    ap.add_argument("--no-sample", action="store_true")
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--processing", action="store_true",
                    help="time zutuan:subdivideplots through processing.run (GeoPackage in and out), bulk vs feature by feature")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore", RuntimeWarning)
    if a.processing:
        return 0 if processing_mode(a.size_km, a.target, a.repeat) > 0 else 1
    sample = os.path.join(ROOT, "resources", "sample", "data", "sample_zone.gpkg")
    if not a.no_sample and os.path.exists(sample):
        z = gpd.read_file(sample, layer="zutuan")
        d = gpd.read_file(sample, layer="daolu")
        c = gpd.read_file(sample, layer="zongdi")
        for respect in (True, False):
            run(f"sample zone (凭祥, respect_cadastre={respect})", z, d, c, target=10000, min_unit=10000,
                max_unit=150000, min_width=40, max_aspect=4, respect_cadastre=respect, check=not a.no_check)
    cl, roads = generated_zone(a.size_km)
    rate = run(f"generated {a.size_km:g} × {a.size_km:g} km zone", cl, roads, None, target=a.target,
               min_unit=20000, max_unit=200000, min_width=30, max_aspect=4, check=not a.no_check)
    print(f"goal ≥ 1,000 plots/s: {'met' if rate >= 1000 else 'NOT met'} ({rate:,.0f} plots/s)")
    return 0 if math.isfinite(rate) else 1


if __name__ == "__main__":
    sys.exit(main())
