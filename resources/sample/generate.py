"""Deterministic generator of the sample zone: a fictional 边境经济合作区 placed at 凭祥 (Pingxiang, Guangxi).

Run from the repository root::

    .venv/bin/python resources/sample/generate.py [OUTPUT_DIR]

It writes ``sample_zone.gpkg`` (vector layers) and ``dem.tif`` (elevation) into OUTPUT_DIR, by default
``resources/sample/data``. Everything is drawn in local metres and shifted to CGCS2000 / 3-degree
Gauss-Krüger zone 36 (EPSG:4524, easting with the zone prefix 36). All randomness comes from fixed seeds,
so re-running gives identical geometry and attributes. The data is synthetic: see README.md beside this file.
"""
from __future__ import annotations

import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from algorithms import schema  # noqa: E402  (also points pyproj at the PROJ database)

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import LineString, MultiPoint, Polygon, box  # noqa: E402

__all__ = ["generate", "EPSG", "SEED", "ORIGIN", "SAMPLE_FIELDS", "LAYER_DESCRIPTIONS", "CONFLICTS"]

EPSG = 4524                       # CGCS2000 / 3-degree Gauss-Kruger zone 36 (central meridian 108°E)
SEED = 20190601
ORIGIN = (36_369_100.0, 2_444_000.0)  # local (0, 0); the zone's centre is near 106.75°E 22.10°N
DEM_CELL = 10.0
DEM_EXTENT = (-400.0, -400.0, 4200.0, 3200.0)  # local xmin, ymin, xmax, ymax
DEM_NODATA = -9999.0
XZQDM = "451481"                  # 凭祥市 administrative division code

F = schema.FIELDS
#: Fields of the sample's own layers that the plan schema does not define (name -> Chinese alias, English).
SAMPLE_FIELDS = {
    "ZDDM": ("宗地代码", "Parcel code"),
    "TDSYQR": ("土地使用权人", "Land-use right holder"),
    "YT": ("用途代码", "Land-use code (2023 classification)"),
    "YTMC": ("用途名称", "Land-use name"),
    "DLMC": ("道路名称", "Road name"),
    "DLDJ": ("道路等级", "Road class"),
    "HXKD": ("红线宽度", "Red-line width (m)"),
    "HXMC": ("红线名称", "Red-line name"),
    "TBBH": ("图斑编号", "Patch number"),
    "XZQDM": ("行政区代码", "Administrative division code"),
    "XZQMC": ("行政区名称", "Administrative division name"),
    "GHFQDM": ("规划分区代码", "Planning zone code"),
    "GHFQMC": ("规划分区名称", "Planning zone name"),
    "MC": ("名称", "Name"),
    "MJ": ("面积", "Area (m²)"),
}

LAYER_DESCRIPTIONS = {
    "ghfw": "规划范围：凭祥边境经济合作区（示例，虚构）/ zone boundary (synthetic)",
    "zutuan": "组团：规划师划定的产业组团 / clusters drawn by a planner",
    "zongdi": "宗地：地籍宗地，含已供地 / cadastral parcels incl. land already supplied",
    "daolu": "规划道路中心线 / planned road centre lines",
    "stbhhx": "生态保护红线 / ecological protection red line",
    "yjjbnt": "永久基本农田 / permanent basic farmland",
    "czkfbj": "城镇开发边界 / urban development boundary",
    "ghfq": "规划分区 / planning zones (市级国土空间总体规划编制指南（试行）)",
}

# --------------------------------------------------------------------------------------------- the drawing
ZONE = [(0, 300), (600, 0), (2600, 0), (3500, 250), (3800, 1200), (3600, 2400), (2900, 2800),
        (1200, 2750), (300, 2300), (0, 1400)]

# (名称, 等级, 红线宽度 m, centre line)
ROADS = [
    ("边贸大道", "主干路", 40, [(-50, 1420), (1800, 1370), (3850, 1260)]),
    ("友谊大道", "主干路", 40, [(1900, -50), (1870, 1370), (1960, 2850)]),
    ("东盟路", "次干路", 30, [(-50, 765), (1880, 700), (3750, 640)]),
    ("红木路", "次干路", 30, [(150, 2080), (1910, 2040), (3700, 1980)]),
    ("果香路", "次干路", 30, [(880, -50), (900, 1395), (940, 2800)]),
    ("浦寨路", "次干路", 30, [(2850, -50), (2900, 1290), (2980, 2850)]),
    ("金象路", "支路", 20, [(1380, -50), (1390, 1383)]),
    ("弄尧路", "支路", 20, [(2410, 1340), (2440, 2850)]),
    ("南山路", "支路", 20, [(-50, 350), (3450, 310)]),
    ("凤凰路", "支路", 20, [(3370, 640), (3400, 1990)]),
    ("平而路", "支路", 20, [(-50, 1720), (1880, 1710)]),
    ("木韵路", "支路", 20, [(330, 2320), (1930, 2300)]),
]

# (编号, 名称, 产业链, GB/T 4754-2017 大类, 开发分期, 备注, outline)
# 组团的主导用地用海分类（2023 指南三级类），单元和地块继承 / the cluster's main land-use class, inherited downwards
CLUSTER_LANDUSE = {"Z01": ("100101", "一类工业用地"), "Z02": ("100102", "二类工业用地"),
                   "Z03": ("110101", "一类物流仓储用地"), "Z04": ("100101", "一类工业用地")}
CLUSTERS = [
    ("Z01", "进口水果冷链组团", "进口水果冷链", "13", 1, "东盟水果分拣、包装、冷藏；含一座喀斯特孤峰",
     [(350, 1440), (1000, 1440), (1520, 1430), (1540, 1800), (1300, 1830), (1250, 2000), (700, 2010),
      (350, 1900)]),
    ("Z02", "红木加工组团", "红木加工", "21", 2, "红木家具与工艺品制造",
     [(380, 2110), (1320, 2085), (1360, 2380), (1150, 2640), (820, 2540), (400, 2330)]),
    ("Z03", "跨境电商物流组团", "跨境电商物流", "59", 1, "跨境电商分拨、仓储、快递；L 形",
     [(1960, 60), (2600, 60), (3250, 240), (3350, 640), (2600, 660), (2560, 1320), (1950, 1330)]),
    ("Z04", "东盟农产品加工组团", "边贸加工/东盟农产品", "14", 2, "边民互市商品落地加工：坚果、咖啡、木薯制品",
     [(2470, 1400), (3450, 1340), (3560, 1900), (3400, 2350), (2950, 2480), (2480, 2300)]),
]

REDLINES = [
    ("桂西南喀斯特石山水土保持生态保护红线（示例）",
     [(3250, 2150), (3550, 1950), (3900, 2000), (4100, 2600), (3800, 3100), (3300, 2900), (3150, 2500)]),
    ("凭祥西部石山水源涵养生态保护红线（示例）",
     [(-400, 600), (-120, 560), (-60, 1100), (-200, 1500), (-400, 1450)]),
]

# (图斑编号 suffix, outline); the last two are the tolerance cases beside Z01's straight west edge x = 350
FARMLAND = [
    ("0001", [(2150, -250), (2750, -250), (2780, 150), (2450, 230), (2150, 180)]),
    ("0002", [(-300, -300), (450, -300), (420, 60), (150, 260), (-300, 250)]),
    ("0003", [(3550, 300), (4150, 250), (4150, 900), (3720, 950)]),
    ("0004", [(150, 1450), (350, 1450), (350, 1550), (150, 1550)]),               # touches Z01 along its edge
    ("0005", [(150, 1700), (350.005, 1700), (350.005, 1800), (150, 1800)]),     # overlaps Z01 by 0.5 m²
]

CZKFBJ_CUT = [(-500, 2200), (700, 2350), (1000, 3300), (-500, 3300)]   # NW corner left outside the boundary

# 规划分区: codes are this sample's own (ordered as in the guide's table), names are the guide's.
GHFQ_CODES = {"生态保护区": "01", "生态控制区": "02", "农田保护区": "03", "居住生活区": "040101",
              "商业商务区": "040103", "工业发展区": "040104", "物流仓储区": "040105", "乡村发展区": "05"}
URBAN_SUBZONES = [  # drawn inside the 城镇开发边界; the rest of it is 工业发展区
    ("居住生活区", [(-100, 1650), (650, 1650), (700, 2060), (-100, 2060)]),
    ("商业商务区", [(1560, 1390), (1850, 1385), (1850, 2030), (1560, 2030)]),
    ("物流仓储区", [(1920, -100), (3900, -100), (3900, 1280), (1920, 1340)]),
]
ECO_CONTROL = [(-400, 300), (0, 300), (0, 2200), (700, 2350), (1000, 3300), (-400, 3300)]  # west/NW hill foot

# DEM: (x, y, height m, sigma m) of karst peaks; the first one is the steep tower inside Z01
STEEP_HILL = (1180, 1590, 95.0, 48.0)
PEAKS = [STEEP_HILL,
         (3600, 2400, 200, 130), (3850, 2750, 230, 150), (3400, 2720, 170, 110), (4050, 2200, 180, 140),
         (-250, 900, 150, 160), (-300, 1950, 170, 150), (-100, 2900, 160, 170), (900, -350, 90, 150)]

COMPANIES = {
    "Z01": ["凭祥鲜果通冷链物流有限公司", "广西友谊关果蔬供应链有限公司", "凭祥东盟鲜果冷链有限公司",
            "凭祥越桂水果进出口有限公司"],
    "Z02": ["凭祥红木世家家具有限公司", "广西凭祥木韵红木加工有限公司", "凭祥南友红木工艺品有限公司",
            "凭祥金象红木家具有限公司"],
    "Z03": ["凭祥跨境通供应链管理有限公司", "广西凭祥东盟快邮物流有限公司", "凭祥浦寨跨境电商产业园有限公司",
            "凭祥中越通达国际物流有限公司"],
    "Z04": ["凭祥弄尧东盟农产品加工有限公司", "广西凭祥桂越食品有限公司", "凭祥南疆坚果加工有限公司",
            "凭祥边贸农副产品有限公司"],
    "": ["凭祥边合区开发投资有限公司", "凭祥祥桂建材有限公司", "凭祥宏达机械修理有限公司",
         "凭祥边城包装材料有限公司"],
}
SUPPLIED_USE = {"Z01": ("100101", "一类工业用地"), "Z02": ("100102", "二类工业用地"),
                "Z03": ("110101", "一类物流仓储用地"), "Z04": ("100101", "一类工业用地"),
                "": ("100101", "一类工业用地")}
CURRENT_USES = [("0103", "旱地"), ("0201", "果园"), ("0301", "乔木林地"), ("0103", "旱地")]

#: The deliberate conflicts (what, where); README.md gives the measured areas.
CONFLICTS = {
    "redline": "Z04 ∩ 生态保护红线",
    "farmland": "Z03 ∩ 永久基本农田 0001",
    "outside_czkfbj": "Z02 outside 城镇开发边界 (NW corner)",
    "zoning": "Z01 ∩ 居住生活区",
    "steep": "Z01 karst tower, slope > 25°",
    "bowtie": "one 宗地 in Z03 with a self-intersecting ring",
    "commercial": "one 已供地 宗地 in Z02 with YT 0901 商业用地",
    "sliver": "Z01 ∩ 永久基本农田 0005 = 0.5 m² (below a 1 m² tolerance)",
    "touch": "Z01 touches 永久基本农田 0004 along an edge only",
}


def _poly(coords):
    return Polygon(coords)


def _roads():
    lines = [LineString(c) for *_, c in ROADS]
    corridors = shapely.buffer(lines, [w / 2.0 for _, _, w, _ in ROADS], cap_style="flat", join_style="mitre")
    return lines, shapely.union_all(corridors)


def _random_points(rng, poly, n):
    xmin, ymin, xmax, ymax = poly.bounds
    pts = np.empty((0, 2))
    while len(pts) < n:
        cand = np.column_stack([rng.uniform(xmin, xmax, 4 * n), rng.uniform(ymin, ymax, 4 * n)])
        cand = cand[shapely.contains_xy(poly, cand[:, 0], cand[:, 1])]
        pts = np.vstack([pts, cand])
    return pts[:n]


def _split_block(rng, block, target):
    """Voronoi cells of seeded points, relaxed twice (Lloyd), clipped to the block."""
    n = int(round(block.area / target))
    if n <= 1:
        return [block]
    pts = _random_points(rng, block, n)
    for _ in range(3):
        cells = shapely.get_parts(shapely.voronoi_polygons(MultiPoint(pts), extend_to=block))
        cells = shapely.intersection(cells, block)
        cells = cells[~shapely.is_empty(cells)]
        cent = shapely.get_coordinates(shapely.centroid(cells))
        order = np.lexsort((np.round(cent[:, 0], 3), np.round(cent[:, 1], 3)))
        pts = cent[order]
    parts = []
    for c in cells[order]:
        parts.extend(g for g in shapely.get_parts(c) if g.geom_type == "Polygon" and g.area > 200.0)
    return parts


def _parcels(rng, zone, corridors):
    blocks = [b for b in shapely.get_parts(shapely.difference(zone, corridors)) if b.area > 500.0]
    blocks.sort(key=lambda b: (-round(b.centroid.y, 1), round(b.centroid.x, 1)))
    parcels = []
    for b in blocks:
        parcels.extend(_split_block(rng, b, target=rng.uniform(15_000.0, 25_000.0)))
    parcels = np.array(parcels, dtype=object)
    cent = shapely.get_coordinates(shapely.centroid(parcels))
    order = np.lexsort((np.round(cent[:, 0], 3), -np.round(cent[:, 1] / 100.0)))  # north to south, west to east
    return parcels[order]


def _cut_cluster_links(clusters, geoms):
    """Cluster code of each geometry (by its representative point), '' outside every cluster."""
    rp = shapely.point_on_surface(geoms)
    out = np.full(len(geoms), "", dtype=object)
    for code, poly in clusters.items():
        out[shapely.within(rp, poly)] = code
    return out


def _zongdi(rng, parcels, clusters, czkfbj, redline, farmland):
    in_cluster = _cut_cluster_links(clusters, parcels)
    rp = shapely.point_on_surface(parcels)
    buildable = shapely.within(rp, czkfbj)
    rows = []
    seq = {}
    for i, zt in enumerate(in_cluster):
        p_supply = (0.35 if zt else 0.25) if buildable[i] else 0.0
        supplied = rng.uniform() < p_supply
        if supplied:
            yt, ytmc = SUPPLIED_USE[zt]
            if zt in ("", "Z01") and rng.uniform() < 0.3:
                yt, ytmc = "110101", "一类物流仓储用地"
            holder = COMPANIES[zt][int(rng.integers(len(COMPANIES[zt])))]
        else:
            if redline.contains(rp[i]):
                yt, ytmc = "0301", "乔木林地"
            elif farmland.contains(rp[i]):
                yt, ytmc = ("0101", "水田") if rng.uniform() < 0.5 else ("0103", "旱地")
            else:
                yt, ytmc = CURRENT_USES[int(rng.integers(len(CURRENT_USES)))]
            holder = ""
        x, y = rp[i].x, rp[i].y
        subarea = "%03d" % (1 + (x > 1900) + 2 * (y > 1400))   # 地籍子区 by quadrant
        seq[subarea] = seq.get(subarea, 0) + 1
        feature = "GB" if supplied else "JA"                   # 国有建设用地使用权宗地 / 集体土地所有权宗地
        rows.append({"ZDDM": f"{XZQDM}101{subarea}{feature}{seq[subarea]:05d}",
                     "GDZT": "已供地" if supplied else "未供地", "TDSYQR": holder, "YT": yt, "YTMC": ytmc,
                     "ZTBH": zt, "BZ": "", "YDMJ": round(float(parcels[i].area), 2)})
    return rows


def _plant_parcel_conflicts(parcels, rows, clusters):
    """The commercial parcel in Z02 and the bow-tie parcel in Z03 (the generator's plot-level hooks)."""
    z02 = [i for i, r in enumerate(rows) if r["ZTBH"] == "Z02"]
    inside = {k: parcels[k].intersection(clusters["Z02"]).area / parcels[k].area for k in z02}
    i = max(z02, key=lambda k: (round(inside[k], 2), round(parcels[k].area, 1)))   # the largest parcel inside
    rows[i].update(GDZT="已供地", TDSYQR="凭祥红木文化广场商业管理有限公司", YT="0901", YTMC="商业用地",
                   BZ="示例冲突：工业组团内已供商业用地 / sample conflict: commercial land supplied in an industrial cluster")
    rows[i]["ZDDM"] = rows[i]["ZDDM"][:12] + "GB" + rows[i]["ZDDM"][14:]
    for j, r in enumerate(rows):
        g = parcels[j]
        ring = shapely.get_coordinates(g.exterior)
        if r["ZTBH"] == "Z03" and r["GDZT"] == "未供地" and len(g.interiors) == 0 and len(ring) >= 6 \
                and abs(shapely.convex_hull(g).area - g.area) < 1e-6 * g.area:
            ring = ring[:-1]
            ring[[1, 2]] = ring[[2, 1]]
            parcels[j] = Polygon(ring)
            r["BZ"] = "示例冲突：自相交（蝴蝶结）宗地 / sample conflict: self-intersecting (bow-tie) parcel"
            break
    return parcels, rows


def _ghfq(extent, czkfbj, redline, farmland):
    painted = shapely.union_all([redline, farmland])
    out = [("生态保护区", shapely.intersection(redline, extent)),
           ("农田保护区", shapely.difference(shapely.intersection(farmland, extent), redline))]
    urban_rest = czkfbj
    for name, coords in URBAN_SUBZONES:
        g = shapely.intersection(_poly(coords), urban_rest)
        urban_rest = shapely.difference(urban_rest, g)
        out.append((name, g))
    out.append(("工业发展区", urban_rest))
    painted = shapely.union_all([painted, czkfbj])
    eco = shapely.difference(shapely.intersection(_poly(ECO_CONTROL), extent), painted)
    out.append(("生态控制区", eco))
    out.append(("乡村发展区", shapely.difference(extent, shapely.union_all([painted, eco]))))
    out.sort(key=lambda t: GHFQ_CODES[t[0]])
    return out


def _dem(rng):
    xmin, ymin, xmax, ymax = DEM_EXTENT
    nx, ny = int((xmax - xmin) / DEM_CELL), int((ymax - ymin) / DEM_CELL)
    xs = xmin + DEM_CELL * (np.arange(nx) + 0.5)
    ys = ymax - DEM_CELL * (np.arange(ny) + 0.5)
    X, Y = np.meshgrid(xs, ys)
    z = 232.0 + 0.004 * X - 0.003 * Y                      # valley floor ~225–250 m, draining to the SW
    for _ in range(80):                                     # smooth undulation, a few metres
        cx, cy = rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)
        a, s = rng.normal(0.0, 4.0), rng.uniform(150.0, 400.0)
        z += a * np.exp(-((X - cx) ** 2 + (Y - cy) ** 2) / (2 * s * s))
    for cx, cy, h, s in PEAKS:                              # karst peaks and the steep tower
        z += h * np.exp(-((X - cx) ** 2 + (Y - cy) ** 2) / (2 * s * s))
    return np.round(z, 2).astype("float32")


def generate(out_dir: str | None = None) -> dict:
    """Write sample_zone.gpkg and dem.tif into ``out_dir``; return the measured conflict figures."""
    import geopandas as gpd
    import rasterio
    from rasterio.transform import from_origin

    out_dir = out_dir or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(SEED)

    zone = _poly(ZONE)
    extent = box(*DEM_EXTENT)
    clusters = {c[0]: _poly(c[6]) for c in CLUSTERS}
    redline = shapely.union_all([_poly(c) for _, c in REDLINES])
    farmland = shapely.union_all([_poly(c) for _, c in FARMLAND])
    czkfbj = shapely.difference(shapely.difference(zone.buffer(30.0, join_style="mitre"), _poly(CZKFBJ_CUT)),
                                shapely.union_all([redline, farmland]))
    lines, corridors = _roads()
    parcels = _parcels(rng, zone, corridors)
    rows = _zongdi(rng, parcels, clusters, czkfbj, redline, farmland)
    parcels, rows = _plant_parcel_conflicts(parcels, rows, clusters)
    ghfq = _ghfq(extent, czkfbj, redline, farmland)

    def frame(records, geoms):
        return gpd.GeoDataFrame(records, geometry=list(_shift(geoms)), crs=f"EPSG:{EPSG}")

    layers = {
        "ghfw": frame([{"MC": "凭祥边境经济合作区（示例）", "MJ": round(zone.area, 2)}], [zone]),
        "zutuan": frame([{"ZTBH": c[0], "ZTMC": c[1], "CYL": c[2], "HYDM": c[3],
                          "YDYHFLDM": CLUSTER_LANDUSE[c[0]][0], "YDYHFLMC": CLUSTER_LANDUSE[c[0]][1],
                          "YDMJ": round(clusters[c[0]].area, 2), "KFFQ": c[4], "BZ": c[5]} for c in CLUSTERS],
                        list(clusters.values())),
        "zongdi": frame([{k: r[k] for k in ("ZDDM", "GDZT", "TDSYQR", "YT", "YTMC", "YDMJ", "BZ")} for r in rows],
                        list(parcels)),
        "daolu": frame([{"DLMC": n, "DLDJ": c, "HXKD": float(w)} for n, c, w, _ in ROADS],
                       [shapely.intersection(ln, zone) for ln in lines]),
        "stbhhx": frame([{"HXMC": n, "MJ": round(_poly(c).area, 2)} for n, c in REDLINES],
                        [_poly(c) for _, c in REDLINES]),
        "yjjbnt": frame([{"TBBH": f"{XZQDM}-{t}", "MJ": round(_poly(c).area, 2)} for t, c in FARMLAND],
                        [_poly(c) for _, c in FARMLAND]),
        "czkfbj": frame([{"XZQDM": XZQDM, "XZQMC": "凭祥市", "MJ": round(czkfbj.area, 2)}], [czkfbj]),
        "ghfq": frame([{"GHFQDM": GHFQ_CODES[n], "GHFQMC": n, "MJ": round(g.area, 2)} for n, g in ghfq],
                      [g for _, g in ghfq]),
    }
    layers["zutuan"]["KFFQ"] = layers["zutuan"]["KFFQ"].astype("int32")
    gpkg = os.path.join(out_dir, "sample_zone.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    for name, gdf in layers.items():
        polygonal = name != "daolu"
        gdf.to_file(gpkg, layer=name, driver="GPKG", engine="pyogrio", promote_to_multi=polygonal,
                    layer_options={"DESCRIPTION": LAYER_DESCRIPTIONS[name]})

    z = _dem(np.random.default_rng(SEED + 1))   # own stream: the DEM does not depend on the parcels
    transform = from_origin(ORIGIN[0] + DEM_EXTENT[0], ORIGIN[1] + DEM_EXTENT[3], DEM_CELL, DEM_CELL)
    with rasterio.open(os.path.join(out_dir, "dem.tif"), "w", driver="GTiff", width=z.shape[1], height=z.shape[0],
                       count=1, dtype="float32", crs=f"EPSG:{EPSG}", transform=transform, nodata=DEM_NODATA,
                       compress="deflate", predictor=3, tiled=True, blockxsize=256, blockysize=256) as dst:
        dst.write(z, 1)
        dst.update_tags(1, UNITS="m", SOURCE="synthetic (resources/sample/generate.py)")

    return _figures(clusters, redline, farmland, czkfbj, ghfq, zone, parcels, rows)


def _shift(geoms):
    return shapely.transform(np.asarray(geoms, dtype=object), lambda c: c + np.asarray(ORIGIN))


def _figures(clusters, redline, farmland, czkfbj, ghfq, zone, parcels, rows):
    ghfq_d = dict(ghfq)
    fl = {t: _poly(c) for t, c in FARMLAND}
    return {
        "zone_km2": zone.area / 1e6,
        "parcels": len(parcels),
        "supplied": sum(r["GDZT"] == "已供地" for r in rows),
        "clusters_ha": {k: v.area / 1e4 for k, v in clusters.items()},
        "redline_Z04_m2": clusters["Z04"].intersection(redline).area,
        "farmland_Z03_m2": clusters["Z03"].intersection(fl["0001"]).area,
        "outside_czkfbj_Z02_m2": clusters["Z02"].difference(czkfbj).area,
        "residential_Z01_m2": clusters["Z01"].intersection(ghfq_d["居住生活区"]).area,
        "sliver_Z01_m2": clusters["Z01"].intersection(fl["0005"]).area,
        "touch_Z01": clusters["Z01"].intersection(fl["0004"]).geom_type,
        "bowtie": [r["ZDDM"] for r in rows if "蝴蝶结" in r["BZ"]],
        "commercial": [r["ZDDM"] for r in rows if r["YT"] == "0901"],
    }


if __name__ == "__main__":
    figures = generate(sys.argv[1] if len(sys.argv) > 1 else None)
    for k, v in figures.items():
        print(f"{k}: {v}")
