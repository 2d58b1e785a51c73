"""The memory layers of the 地块图则 atlas, made from :class:`algorithms.export.sheet_content.SheetContent`, styled, and
the layout built over them."""
import geopandas as gpd

from . import styles
from .plotsheet import build_layout

_TEXT_COLS = ("YMLX", "YM", "ZS", "BLC", "TH", "DKBH", "DYBH", "ZTBH", "T_TITLE", "T_PAGE", "T_FILE", "T_SCYJ", "T_TXSM",
              "T_COVER", "T_ZBXT")


def _layer(gdf, name, crs, columns, geom_type):
    cols = [c for c in columns if c in gdf.columns]
    return styles.memory_layer_from_gdf(gdf, name=name, crs=crs, columns=cols, geom_type=geom_type)


def _road_label(inputs):
    """Road label expression: name, class and red-line width from the chosen fields."""
    parts = []
    if inputs.road_name:
        parts.append(f"coalesce(\"{inputs.road_name}\", '')")
    extra = []
    if inputs.road_class:
        extra.append(f"coalesce(\"{inputs.road_class}\", '')")
    if inputs.road_width:
        extra.append(f"CASE WHEN \"{inputs.road_width}\" IS NOT NULL THEN '红线宽 ' || "
                     f"format_number(\"{inputs.road_width}\", 0) || ' m' END")
    if extra:
        inner = " || '，' || ".join(f"coalesce({e}, '')" for e in extra)
        parts.append(f"'（' || {inner} || '）'")
    return " || ".join(parts) if parts else None


def build_layers(content, table, plots, qcrs, inputs, extras):
    """{role: QgsVectorLayer} (``constraints``: a list) of everything the atlas draws, styled."""
    from ...algorithms.export.sheets import SHEET_ROWS, landuse_palette

    frame = gpd.GeoDataFrame(table, geometry=plots.geometry.loc[table.index].values, crs=plots.crs)
    cols = ["DKBH", "YDYHFLDM"]
    L = {"coverage": _layer(content.coverage, "图则页 / pages", qcrs,
                            list(_TEXT_COLS) + [r[0] for r in SHEET_ROWS], "MultiPolygon")}
    L["plots"] = _layer(frame, "地块 / plots", qcrs, cols, "MultiPolygon")
    styles.style_plots(L["plots"], landuse_palette(table["YDYHFLDM"].dropna().tolist()))
    L["highlight"] = _layer(frame, "本地块 / this plot", qcrs, ["DKBH"], "MultiPolygon")
    styles.style_highlight(L["highlight"])
    L["units"] = _layer(content.units, "单元 / units", qcrs, ["DYBH"], "MultiPolygon")
    styles.style_units(L["units"])
    L["points"] = _layer(content.points.assign(geometry=gpd.points_from_xy(content.points["dx"],
                                                                            content.points["dy"])),
                         "界址点 / boundary points", qcrs, ["DKBH", "JZDH", "XH", "T_X", "T_Y"], "Point")
    styles.style_points(L["points"])
    L["edges"] = _layer(content.edges, "边长 / edge lengths", qcrs, ["DKBH", "T_BC"], "MultiLineString")
    styles.style_edges(L["edges"])
    if inputs.roads is not None and len(inputs.roads):
        geom = "MultiLineString" if inputs.roads.geom_type.str.contains("Line").all() else "MultiPolygon"
        L["roads"] = _layer(inputs.roads, "道路 / roads", qcrs, [c for c in inputs.roads.columns if c != "geometry"],
                            geom)
        styles.style_roads(L["roads"], _road_label(inputs))
    if content.redlines is not None and len(content.redlines):
        L["redlines"] = _layer(content.redlines, "道路红线 / road red lines", qcrs, ["DLMC", "DLDJ"], "MultiPolygon")
        styles.style_redlines(L["redlines"])
    for key, style, name, geom in (("setbacks", styles.style_setbacks, "建筑退线 / setbacks", "MultiLineString"),
                                   ("openings", styles.style_openings, "禁止开口 / no opening", "MultiLineString")):
        df = getattr(content, key)
        if df is not None and len(df):
            df = df[df.geometry.notna()]
            if len(df):
                L[key] = _layer(df, name, qcrs, [c for c in df.columns if c != "geometry"], geom)
                style(L[key])
    if inputs.conflicts is not None and len(inputs.conflicts):
        L["conflicts"] = _layer(inputs.conflicts, "冲突部分 / conflicts", qcrs, ["DKBH", "GZMC", "CTMJ"], "MultiPolygon")
        styles.style_conflicts(L["conflicts"])
    L["constraints"] = []
    for key, (gdf, label) in extras.items():
        if key == "entrances":
            geom = "MultiPoint" if gdf.geom_type.str.contains("Point").all() else "MultiLineString"
            L["entrances"] = _layer(gdf, "出入口 / entrances", qcrs, [label] if label else [], geom)
            styles.style_entrances(L["entrances"], f'"{label}"' if label else "'出入口'")
            continue
        name = styles.CONSTRAINT_STYLES[key][0]
        lyr = _layer(gdf, name, qcrs, [label] if label else [], "MultiPolygon")
        styles.style_constraint(lyr, key, label)
        L["constraints"].append(lyr)
    _locator_layers(L, content, frame, qcrs)
    L["index"] = _layer(content.index, "目录 / index", qcrs, ["XH", "DKBH", "T_MJ", "SCJL", "TH", "YM", "IDXPAGE",
                                                            "IDXCOL"], None)
    small = content.small.copy()
    L["small"] = _layer(small, "小地块 / small plots", qcrs, ["DKBH", "DYBH", "YDYHFLDM", "T_MJ", "SCJL", "KFZT", "YM",
                                                             "LISTCOL"], None)
    return L


def _locator_layers(L, content, frame, qcrs):
    L["locator_plots"] = _layer(frame, "区位：地块", qcrs, ["DKBH"], "MultiPolygon")
    styles.style_locator_plots(L["locator_plots"])
    L["locator_units"] = _layer(content.units, "区位：单元", qcrs, ["DYBH"], "MultiPolygon")
    styles.style_locator_outline(L["locator_units"], "DYBH", "30,60,150,255", 0.5)
    L["locator_clusters"] = _layer(content.clusters, "区位：组团", qcrs, ["ZTBH"], "MultiPolygon")
    styles.style_locator_outline(L["locator_clusters"], "ZTBH", "110,40,140,255", 0.8)


def all_layers(L):
    for key, lyr in L.items():
        if key == "constraints":
            yield from lyr
        elif lyr is not None:
            yield lyr


def layout_for(project, L, info, zone_extent, min_area):
    from ...algorithms.export.sheets import SHEET_ROWS

    rows = [(r[0], r[1]) for r in SHEET_ROWS]
    return build_layout(project, L, rows=rows, info=info, zone_extent=zone_extent, min_area=min_area)
