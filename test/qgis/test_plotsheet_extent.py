"""Every 图则 page shows its own plot: the map item keeps its size, takes the page's scale and its extent contains the
atlas feature."""
import geopandas as gpd
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle


def test_atlas_pages_keep_the_map_frame_and_frame_the_plot(plugin):
    from zutuan.algorithms.export.sheet_content import MAP_FRAME_MM, SheetInputs, sheet_content
    from zutuan.algorithms.export.sheets import plot_sheet_table
    from zutuan.plugin.printing import sheetlayers

    x0, y0 = 36_400_000.0, 2_440_000.0
    geoms = [shapely.box(x0, y0, x0 + 40, y0 + 400),            # tall
             shapely.box(x0 + 100, y0, x0 + 700, y0 + 30),      # wide
             shapely.box(x0 + 100, y0 + 100, x0 + 180, y0 + 180)]
    gdf = gpd.GeoDataFrame({"DKBH": ["Z01-01-01", "Z01-01-02", "Z01-01-03"], "YDYHFLDM": ["100101"] * 3},
                           geometry=geoms, crs=4524)
    table = plot_sheet_table(gdf)
    inputs = SheetInputs()
    content = sheet_content(gdf, table, inputs, info={"project": "t"})
    crs = QgsCoordinateReferenceSystem("EPSG:4524")
    layers = sheetlayers.build_layers(content, table, gdf, crs, inputs, {})
    project = QgsProject()
    project.setCrs(crs)                          # as zutuan:exportplotsheets does: the drawing CRS
    project.addMapLayers(list(sheetlayers.all_layers(layers)))
    b = content.zone.bounds
    layout = sheetlayers.layout_for(project, layers, {}, QgsRectangle(*b), 0.0)
    m = layout.itemById("map")
    atlas = layout.atlas()
    assert atlas.beginRender()
    seen = 0
    for i in range(atlas.count()):
        assert atlas.seekTo(i)
        layout.refresh()                     # as the exporter does: data-defined properties (the page's scale)
        feat = layout.reportContext().feature()
        if feat["YMLX"] != "sheet":
            continue
        seen += 1
        box = feat.geometry().boundingBox()
        assert (round(m.sizeWithUnits().width(), 3), round(m.sizeWithUnits().height(), 3)) == MAP_FRAME_MM
        r = m.visibleExtentPolygon().boundingRect()          # the extent at the page's data-defined scale
        shown = QgsRectangle(r.left(), r.top(), r.right(), r.bottom())
        assert shown.contains(box), (feat["DKBH"], shown.toString(1), box.toString(1))
        assert abs(shown.center().x() - box.center().x()) < 1e-3 * shown.width()
        assert round(m.scale()) == feat["BLC"]
    atlas.endRender()
    assert seen == 3
