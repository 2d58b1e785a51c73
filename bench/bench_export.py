"""Benchmarks of issue 6. Prints the figures.

- 10,000 plots to the control-indicator workbook + CSV (goal < 10 s);
- 100 pages of 地块图则 to one PDF through zutuan:exportplotsheets in real QGIS (goal < 60 s).

    source scripts/env.sh; .venv/bin/python bench/bench_export.py [n_plots] [n_pages]
    source scripts/env.sh; .venv/bin/python bench/bench_export.py --processing [n_plots, default 100000]
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402

from algorithms.export import export_indicator_table  # noqa: E402


def make_plots(n: int, seed: int = 6):
    """n plots on a grid: 20 plots per unit, 20 units per cluster, mixed land uses, some controls missing."""
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    z, u, p = i // 400 + 1, (i // 20) % 20 + 1, i % 20 + 1
    codes = np.array(["100101", "100102", "1101", "1207", "1401", "1701", "1303"])
    names = {"100101": "一类工业用地", "100102": "二类工业用地", "1101": "物流仓储用地", "1207": "城镇道路用地",
             "1401": "公园绿地", "1701": "河流水面", "1303": "供电用地"}
    ydm = codes[rng.integers(0, len(codes), n)]
    far = rng.choice([0.8, 1.0, 1.2, np.nan], n)
    x0, y0 = 400000 + (i % 100) * 120.0, 3000000 + (i // 100) * 110.0
    w, h = rng.uniform(60, 110, n), rng.uniform(50, 100, n)
    return gpd.GeoDataFrame({
        "DKBH": [f"Z{a:02d}-{b:02d}-{c:02d}" for a, b, c in zip(z, u, p)],
        "YDYHFLDM": ydm, "YDYHFLMC": [names[c] for c in ydm],
        "RJLXX": far, "RJLSX": np.where(np.isnan(far), np.nan, 2.0), "JZXS": 30.0, "JZMDSX": 60.0, "LDLSX": 20.0,
        "JZXG": 24.0, "TZQD": rng.choice([2500.0, 3000.0, np.nan], n), "CCQD": 4500.0,
        "CYL": "新材料", "CYHJ": "改性塑料", "YXQY": None, "KFFQ": rng.integers(1, 4, n), "SCJL": "合规",
    }, geometry=shapely.box(x0, y0, x0 + w, y0 + h), crs="EPSG:4547")


def bench_sheets(n: int) -> None:
    """n 图则 pages in one PDF, timed around processing.run (QGIS start-up excluded)."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "qgis"))
        import conftest  # noqa: F401  (QgsApplication, Processing and the plugin, as in the QGIS tests)
        import processing
        from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    except ImportError as err:
        print(f"exportplotsheets: skipped, QGIS not available ({err})")
        return
    plots = make_plots(n)
    vl = QgsVectorLayer("Polygon?crs=EPSG:4547&field=DKBH:string&field=YDYHFLDM:string&field=YDYHFLMC:string"
                        "&field=RJLXX:double&field=RJLSX:double&field=TZQD:double", "plots", "memory")
    feats = []
    for rec, geom in zip(plots.itertuples(), plots.geometry):
        f = QgsFeature(vl.fields())
        f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        f.setAttributes([rec.DKBH, rec.YDYHFLDM, rec.YDYHFLMC, None if np.isnan(rec.RJLXX) else rec.RJLXX,
                         None if np.isnan(rec.RJLSX) else rec.RJLSX, None if np.isnan(rec.TZQD) else rec.TZQD])
        feats.append(f)
    vl.dataProvider().addFeatures(feats)
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "图则.pdf")
        t0 = time.perf_counter()
        res = processing.run("zutuan:exportplotsheets", {"INPUT": vl, "PROJECT_NAME": "基准测试", "OUTPUT": out})
        dt = time.perf_counter() - t0
        size = os.path.getsize(out) / 1e6
    print(f"exportplotsheets: {res['PAGE_COUNT']} 图则 pages → one PDF in {dt:.2f} s ({size:.1f} MB); "
          f"goal < 60 s for 100: {'OK' if dt < 60 else 'MISSED'}")


def bench_processing(n: int) -> None:
    """n plots from a GeoPackage to the indicator workbook through processing.run("zutuan:exportindicatortable"):
    on the bridge's bulk GeoPackage path and feature by feature (ZUTUAN_BULK_IO=0, the general path of selections, filters, memory and PostGIS layers)."""
    import qgis_runs

    qgis_runs.start_qgis()
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "bench_export")
    os.makedirs(folder, exist_ok=True)
    src = os.path.join(folder, f"plots_{n}.gpkg")
    if not os.path.exists(src):
        make_plots(n).to_file(src, layer="plots", driver="GPKG")
    out = os.path.join(folder, "indicators.xlsx")
    best = qgis_runs.bulk_vs_general("zutuan:exportindicatortable",
                                     lambda: {"INPUT": f"{src}|layername=plots", "OUTPUT": out}, repeat=2)
    assert best[True][1]["PLOT_COUNT"] == best[False][1]["PLOT_COUNT"] == n
    print(f"zutuan:exportindicatortable via processing.run: {n} plots (GeoPackage) → xlsx in {best[False][0]:.2f} s "
          f"feature by feature (general path), {best[True][0]:.2f} s with bulk GeoPackage reading")


def main():
    if sys.argv[1:2] == ["--processing"]:
        return bench_processing(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    plots = make_plots(n)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        res = export_indicator_table(plots, os.path.join(folder, "bench.xlsx"),
                                     csv_path=os.path.join(folder, "bench.csv"))
        dt = time.perf_counter() - t0
        size = os.path.getsize(res.path) / 1e6
    print(f"export_indicator_table: {n} plots → xlsx (3 sheets) + CSV in {dt:.2f} s "
          f"({size:.1f} MB, {res.total_area_ha:.1f} 公顷); goal < 10 s: {'OK' if dt < 10 else 'MISSED'}")
    if pages > 0:
        bench_sheets(pages)


if __name__ == "__main__":
    main()
