"""Benchmark: assign controls to 10,000 plots (target < 2 s). Prints the figure.

Run: .venv/bin/python bench/bench_controls.py [n_plots]
"""
import os
import sys
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402

from algorithms.controls import assign_controls, control_totals  # noqa: E402
from algorithms.standards import load_profile  # noqa: E402


def make_plots(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    x = (np.arange(n) % side) * 120.0 + 500_000
    y = (np.arange(n) // side) * 120.0 + 3_400_000
    geoms = shapely.box(x, y, x + 100, y + 100)
    units = np.arange(n) // 8
    clusters = units // 10
    dybh = [f"Z{c + 1:02d}-{u % 10 + 1:02d}" for c, u in zip(clusters, units)]
    dkbh = [f"{d}-{i % 8 + 1:02d}" for d, i in zip(dybh, range(n))]
    ydyh = rng.choice(["100101", "100102", "1001", "1101", "0701", "1207", "1401", "9999", "1313"], n,
                      p=[.3, .2, .15, .1, .1, .05, .05, .025, .025])
    hydm = rng.choice(["C13", "2611", "C3612", "39", "C29", "2921", None, "4011"], n)
    df = pd.DataFrame({"DKBH": dkbh, "DYBH": dybh, "YDYHFLDM": ydyh, "HYDM": hydm})
    own = rng.random(n) < 0.05
    df["RJLXX"] = np.where(own, 2.0, np.nan)
    unit_df = pd.DataFrame({"DYBH": sorted(set(dybh))})
    unit_df["ZTBH"] = unit_df["DYBH"].str.slice(0, 3)
    unit_df["JZXG"] = 24.0
    cl = pd.DataFrame({"ZTBH": sorted(set(unit_df["ZTBH"])), "JZMDSX": 60.0})
    ov = pd.DataFrame({"DKBH": dkbh[:50], "RJLSX": 3.0})
    return gpd.GeoDataFrame(df, geometry=geoms, crs=4547), unit_df, cl, ov


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    plots, units, clusters, ov = make_plots(n)
    profile = load_profile("gongye_2008")
    assign_controls(plots.head(50), units=units, clusters=clusters, profile=profile, region_class=3)  # warm caches
    t0 = time.perf_counter()
    out, findings = assign_controls(plots, units=units, clusters=clusters, profile=profile, region_class=3,
                                    overrides=ov)
    t1 = time.perf_counter()
    tot = control_totals(out, by="DYBH")
    t2 = time.perf_counter()
    print(f"assign_controls: {n} plots in {t1 - t0:.3f} s ({len(findings)} findings); "
          f"control_totals over {len(tot)} units in {t2 - t1:.3f} s")


if __name__ == "__main__":
    main()
