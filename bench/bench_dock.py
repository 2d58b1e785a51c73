"""Benchmark: refreshing the 小组团 dock (tree + live summary) for a plan of N plots (default 10,000).

Run: source scripts/env.sh && .venv/bin/python bench/bench_dock.py [N]. Goal (issue 7): under 200 ms.
"""
import os
import statistics
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer  # noqa: E402

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], True)
app.initQgis()


def plan_layers(n):
    side = int(n ** 0.5) + 1
    plots = QgsVectorLayer("Polygon?crs=EPSG:4545&field=DKBH:string&field=DYBH:string&field=ZTBH:string"
                           "&field=YDYHFLDM:string&field=YDMJ:double&field=RJLXX:double&field=RJLSX:double"
                           "&field=TZQD:double&field=SCJL:string", "dikuai", "memory")
    units = QgsVectorLayer("Polygon?crs=EPSG:4545&field=DYBH:string&field=ZTBH:string&field=YDMJ:double",
                           "danyuan", "memory")
    clusters = QgsVectorLayer("Polygon?crs=EPSG:4545&field=ZTBH:string&field=CYL:string", "zutuan", "memory")
    feats, ufeats, seen = [], [], set()
    for i in range(n):
        z, u, p = i // 1000 + 1, (i // 20) % 50 + 1, i % 20 + 1
        x, y = 500000 + (i % side) * 100, 2440000 + (i // side) * 100
        f = QgsFeature(plots.fields())
        f.setGeometry(QgsGeometry.fromRect(__import__("qgis.core").core.QgsRectangle(x, y, x + 100, y + 100)))
        f.setAttributes([f"Z{z:02d}-{u:02d}-{p:02d}", f"Z{z:02d}-{u:02d}", f"Z{z:02d}", ["100101", "1101", "1201"][i % 3],
                         10000.0, 1.0 + (i % 5) * 0.1, 2.0, 3000.0, ["合规", "不合规", "需核实"][i % 3]])
        feats.append(f)
        if (z, u) not in seen:
            seen.add((z, u))
            uf = QgsFeature(units.fields())
            uf.setAttributes([f"Z{z:02d}-{u:02d}", f"Z{z:02d}", 200000.0])
            ufeats.append(uf)
    plots.dataProvider().addFeatures(feats)
    units.dataProvider().addFeatures(ufeats)
    cf = []
    for z in sorted({k[0] for k in seen}):
        c = QgsFeature(clusters.fields())
        c.setAttributes([f"Z{z:02d}", "产业链"])
        cf.append(c)
    clusters.dataProvider().addFeatures(cf)
    return clusters, units, plots


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    layers = plan_layers(n)
    QgsProject.instance().addMapLayers(list(layers))
    from zutuan.plugin.gui.dock import PlanDock

    dock = PlanDock(None)
    times = [dock.refresh() for _ in range(5)]
    sel = [f.id() for f in layers[2].getFeatures()][: n // 10]
    t0 = time.perf_counter()
    layers[2].selectByIds(sel)
    t_sel = (time.perf_counter() - t0) * 1000
    print(f"dock refresh, {n} plots, {dock.tree.topLevelItemCount()} clusters: "
          f"median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms "
          f"(goal < 200 ms); summary update for a selection of {len(sel)}: {t_sel:.1f} ms")
    dock.teardown()


if __name__ == "__main__":
    main()
