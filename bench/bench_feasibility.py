"""Benchmark: phasing and the 40-quarter cash flow with the sensitivity table for 1,000 units.

Run: .venv/bin/python bench/bench_feasibility.py   (target: cash flow + sensitivity < 2 s)
"""
import os
import sys
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402

from algorithms.feasibility import cashflow, load_params, phasing, targets_table  # noqa: E402


def main(n_x=40, n_y=25):
    rng = np.random.default_rng(1)
    size = rng.uniform(120, 220, n_x * n_y)
    geoms = [shapely.box(x * 260, y * 260, x * 260 + s, y * 260 + s)
             for (y, x), s in zip(np.ndindex(n_y, n_x), size)]
    n = len(geoms)
    units = gpd.GeoDataFrame({"DYBH": [f"Z{1 + i // 100:02d}-{i % 100 + 1:02d}" for i in range(n)],
                              "GDZT": np.where(rng.random(n) < 0.05, "已供地", "未供地")}, geometry=geoms, crs=4547)
    roads = gpd.GeoDataFrame({"DJ": ["主干路"] * n_y + ["次干路"] * n_x, "ZT": ["已建"] + ["规划"] * (n_x + n_y - 1)},
                             geometry=[shapely.LineString([(-30, y * 260 - 30), (n_x * 260, y * 260 - 30)])
                                       for y in range(n_y)] +
                                      [shapely.LineString([(x * 260 - 30, -30), (x * 260 - 30, n_y * 260)])
                                       for x in range(n_x)], crs=4547)
    params = load_params(overrides={"phasing": {"capacity_ha": 150.0},
                                    "development": {"absorption_ha_per_quarter": 40.0}})
    t0 = time.perf_counter()
    ph = phasing(units, params=params, roads=roads, road_class_field="DJ", road_status_field="ZT")
    t1 = time.perf_counter()
    cf = cashflow(ph, sensitivity=True, chart_path=None)
    t2 = time.perf_counter()
    targets_table(ph, cf)
    t3 = time.perf_counter()
    print(f"units: {n}, phases: {len(ph.phases)}, quarters: {cf.unit_net.shape[1]}, "
          f"sensitivity rows: {len(cf.sensitivity)}")
    print(f"phasing (roads, adjacency, growth):      {t1 - t0:.3f} s")
    print(f"cash flow + financing + sensitivity:     {t2 - t1:.3f} s   (target < 2 s)")
    print(f"targets:                                 {t3 - t2:.3f} s")
    print(f"NPV {cf.summary['npv']:.0f} 万元, peak need {cf.summary['peak_need']:.0f} 万元 in {cf.summary['peak_label']}")
    return t2 - t1


if __name__ == "__main__":
    main()
