"""Every 图则 page shows its own plot: the map item keeps its size and its extent contains the atlas feature."""
import geopandas as gpd
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProject


def test_atlas_pages_keep_the_map_frame_and_frame_the_plot(plugin):
    from zutuan.algorithms.export.sheets import SHEET_ROWS, plot_sheet_table
    from zutuan.plugin.printing import plotsheet

    x0, y0 = 36_400_000.0, 2_440_000.0
    geoms = [shapely.box(x0, y0, x0 + 40, y0 + 400),            # tall
             shapely.box(x0 + 100, y0, x0 + 700, y0 + 30),      # wide
             shapely.box(x0 + 100, y0 + 100, x0 + 180, y0 + 180)]
    gdf = gpd.GeoDataFrame({"DKBH": ["Z01-01-01", "Z01-01-02", "Z01-01-03"], "YDYHFLDM": ["100101"] * 3},
                           geometry=geoms, crs=4524)
    table = plot_sheet_table(gdf)
    frame = gpd.GeoDataFrame(table, geometry=gdf.geometry.loc[table.index].values, crs=gdf.crs)
    crs = QgsCoordinateReferenceSystem("EPSG:4524")
    cols = ["DKBH", "YDYHFLDM"] + [r[0] for r in SHEET_ROWS]
    plots = plotsheet.memory_layer_from_gdf(frame, name="plots", crs=crs, columns=cols)
    hl = plotsheet.memory_layer_from_gdf(frame, name="hl", crs=crs, columns=["DKBH"])
    project = QgsProject()
    project.addMapLayers([plots, hl])
    layout = plotsheet.build_layout(project, plots, hl, rows=[])
    m = layout.itemById("map")
    atlas = layout.atlas()
    assert atlas.beginRender()
    for i in range(atlas.count()):
        assert atlas.seekTo(i)
        feat = layout.reportContext().feature()
        box = feat.geometry().boundingBox()
        assert (round(m.sizeWithUnits().width(), 3), round(m.sizeWithUnits().height(), 3)) == (270.0, 263.0)
        assert m.extent().contains(box), (feat["DKBH"], m.extent().toString(1), box.toString(1))
        assert abs(m.extent().center().x() - box.center().x()) < 1e-3 * m.extent().width()
    atlas.endRender()
