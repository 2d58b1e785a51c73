"""Benchmark of the province-scale check (issue 9): N plots against M constraint polygons of ≥ V vertices, on a
Dask LocalCluster with 1 and 2 workers (and threads), peak memory sampled over the driver and its workers.

    .venv/bin/python bench/bench_scale.py [--plots 1000000] [--constraints 5000] [--vertices 1000]

Data is generated once into build/bench/ (deterministic) and reused.
"""
import argparse
import os
import sys
import threading
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, ROOT)

import algorithms  # noqa: E402,F401


def generate(n_plots, n_cons, n_vert, folder):
    import geopandas as gpd
    import shapely

    os.makedirs(folder, exist_ok=True)
    plots_path = os.path.join(folder, f"plots_{n_plots}.gpkg")
    cons_path = os.path.join(folder, f"cons_{n_cons}_{n_vert}.gpkg")
    side = int(np.ceil(np.sqrt(n_plots)))
    size = 40.0
    x0, y0 = 36_400_000.0, 2_440_000.0  # Gauss-Krüger with the zone prefix, as real data
    rng = np.random.default_rng(7)
    if not os.path.exists(plots_path):
        t = time.perf_counter()
        i = np.arange(n_plots)
        xs = x0 + (i % side) * size
        ys = y0 + (i // side) * size
        jit = rng.uniform(-3, 3, size=(n_plots, 2))
        geoms = shapely.box(xs + jit[:, 0], ys + jit[:, 1], xs + size - 0.5, ys + size - 0.5)
        codes = np.array(["100101", "1101", "1201", "0701", "1401"])[i % 5]
        gdf = gpd.GeoDataFrame({"DKBH": [f"P{k:07d}" for k in i], "YDYHFLDM": codes}, geometry=geoms, crs=4524)
        gdf.to_file(plots_path, layer="plots", driver="GPKG", engine="pyogrio")
        print(f"generated {n_plots} plots in {time.perf_counter() - t:.1f} s")
    if not os.path.exists(cons_path):
        t = time.perf_counter()
        extent = side * size
        cx = x0 + rng.uniform(0, extent, n_cons)
        cy = y0 + rng.uniform(0, extent, n_cons)
        r = rng.uniform(60, 250, n_cons)
        ang = np.linspace(0, 2 * np.pi, n_vert, endpoint=False)
        polys = []
        for k in range(n_cons):
            rr = r[k] * (1 + 0.25 * np.sin(5 * ang + k) + 0.05 * rng.standard_normal(n_vert))
            polys.append(shapely.Polygon(np.column_stack([cx[k] + rr * np.cos(ang), cy[k] + rr * np.sin(ang)])))
        gdf = gpd.GeoDataFrame({"BH": [f"C{k:05d}" for k in range(n_cons)]}, geometry=polys, crs=4524)
        gdf.to_file(cons_path, layer="cons", driver="GPKG", engine="pyogrio")
        print(f"generated {n_cons} constraint polygons × {n_vert} vertices in {time.perf_counter() - t:.1f} s")
    return plots_path, cons_path


class PeakMemory:
    """Samples the RSS of this process and all its children (the Dask workers) every 0.2 s."""

    def __init__(self):
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                rss = self.proc.memory_info().rss + sum(c.memory_info().rss for c in self.proc.children(recursive=True))
            except Exception:  # noqa: BLE001 - a worker may end between listing and reading
                rss = 0
            self.peak = max(self.peak, rss)
            time.sleep(0.2)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def run(plots_path, cons_path, scheduler, workers, partition_size, out_dir):
    from algorithms.scale.runner import ConstraintInput, check_masterplan_scaled
    from algorithms.scale.sources import parse_source

    cons = [ConstraintInput(parse_source(f"{cons_path}|layername=cons"), key="ecological_redline", id_field="BH")]
    out = os.path.join(out_dir, f"checked_{scheduler}_{workers}.gpkg")
    with PeakMemory() as mem:
        t = time.perf_counter()
        res = check_masterplan_scaled(f"{plots_path}|layername=plots", cons, out_plots=out, partition_size=partition_size,
                                      scheduler=scheduler, workers=workers)
        dt = time.perf_counter() - t
    eco = next(r for r in res.result.rules if r.rule_id == "MP-ECO")
    return dt, mem.peak, res, eco


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plots", type=int, default=1_000_000)
    ap.add_argument("--constraints", type=int, default=5000)
    ap.add_argument("--vertices", type=int, default=1000)
    ap.add_argument("--partition-size", type=int, default=25_000)
    ap.add_argument("--schedulers", default="local:1,local:2,threads:1,threads:2")
    args = ap.parse_args()
    folder = os.path.join(ROOT, "build", "bench")
    plots_path, cons_path = generate(args.plots, args.constraints, args.vertices, folder)
    print(f"data: {args.plots} plots, {args.constraints} constraint polygons × {args.vertices} vertices "
          f"(machine: {os.cpu_count()} cores)")
    times = {}
    for item in args.schedulers.split(","):
        sched, workers = item.split(":")
        dt, peak, res, eco = run(plots_path, cons_path, sched, int(workers), args.partition_size, folder)
        times[item] = dt
        rate = args.plots / dt
        print(f"{sched:>7} × {workers} worker(s): {dt:7.1f} s  {rate:9.0f} plots/s  {rate / int(workers):9.0f} "
              f"plots/s/worker  peak memory {peak / 2**30:.2f} GiB  partitions {res.n_partitions}  "
              f"conflicts {eco.n_plots} plots, {eco.area / 1e4:,.1f} ha  timings "
              + ", ".join(f"{k} {v:.1f}s" for k, v in res.timings.items()))
    if "threads:1" in times and "threads:2" in times:
        print(f"speed-up 2 threads vs 1 (the path used inside QGIS): {times['threads:1'] / times['threads:2']:.2f}×")
    if "local:1" in times and "local:2" in times:
        sp = times["local:1"] / times["local:2"]
        per_worker = args.plots / times["local:1"]
        print(f"speed-up 2 workers vs 1: {sp:.2f}× (goal ≥ 1.8×)")
        print(f"projection for a province of 10,000,000 plots at {per_worker:,.0f} plots/s/worker: "
              f"{1e7 / per_worker / 60:.1f} min on 1 worker, {1e7 / per_worker / 16 / 60:.1f} min on 16 workers "
              f"(e.g. 4 machines × 4 cores), assuming the measured per-worker rate and near-linear scaling")


if __name__ == "__main__":
    main()
