"""The 地块图则 print layout: one atlas over the pages of :class:`algorithms.export.atlas.AtlasPlan` on A3 landscape.

Pages: a cover (the zone), the index (plot → page and 图号), one sheet per plot, the list of plots too small for a
sheet. The coverage layer has one feature per page (``YMLX`` cover / index / sheet / list); items that belong to
one kind of page are excluded from the others (data-defined "exclude from exports").

A sheet (mm, 420 × 297): the plot with its neighbours, roads (names, class, red-line width), red lines, 退线,
禁止开口, the 一张图 control lines and the conflicts, 界址点 and edge lengths, north arrow, numeric and graphic scale
(left); the 区位索引图, the control table, the review conclusion (middle); the 界址点 coordinate table, setback notes,
legend and title block (right). Only QGIS layout API that exists in 3.22 is used, and nothing needs a screen.
"""
import os

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProperty,
    QgsRectangle,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...algorithms.export.sheet_content import MAP_FRAME_MM, POINT_ROWS, SCALES
from .styles import cjk_font, memory_layer_from_gdf, text_format  # noqa: F401  (re-exported for callers)

PAGE_W, PAGE_H = 420.0, 297.0
NORTH_ARROW = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "icons",
                           "north_arrow.svg")
#: control-table rows whose text may run to three or four lines (the 开发状态 of a plot set apart names its rules)
TALL_ROWS = ("T_KFZT",)
MAP = (10.0, 22.0) + MAP_FRAME_MM        # x, y, w, h of the sheet's map
COL_B, W_B = 246.0, 84.0                  # middle column
COL_C, W_C = 334.0, 76.0                  # right column


def _with_ratio(rect, ratio):
    """``rect`` grown in one direction to the width/height ``ratio``, same centre."""
    w, h = max(rect.width(), 1e-6), max(rect.height(), 1e-6)
    if w / h < ratio:
        w = h * ratio
    else:
        h = w / ratio
    c = rect.center()
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def _show_on(item, *kinds):
    """Export ``item`` only on pages of these kinds."""
    expr = "attribute(@atlas_feature, 'YMLX') NOT IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"
    item.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(expr))
    return item


def _label(layout, text, x, y, w, h, *, size=9, bold=False, frame=True, halign=None, margin=1.2, valign=None):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    if hasattr(item, "setTextFormat"):          # QGIS ≥ 3.24
        item.setTextFormat(text_format(size, bold))
    else:
        item.setFont(cjk_font(size, bold))
    item.setHAlign(halign if halign is not None else Qt.AlignLeft)
    item.setVAlign(valign if valign is not None else Qt.AlignVCenter)
    item.setMarginX(margin)
    item.setFrameEnabled(frame)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    layout.addLayoutItem(item)
    return item


def _table(layout, layer, columns, filter_expr, x, y, w, h, *, size=7.0):
    """An attribute table of ``layer`` (columns: (field, heading, width mm)) filtered per atlas page."""
    table = QgsLayoutItemAttributeTable(layout)
    table.setVectorLayer(layer)
    cols = []
    for fld, heading, width in columns:
        col = QgsLayoutTableColumn(heading)
        col.setAttribute(fld)
        col.setWidth(width)
        cols.append(col)
    table.setColumns(cols)
    table.setFilterFeatures(True)
    table.setFeatureFilter(filter_expr)
    table.setMaximumNumberOfFeatures(10000)
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(text_format(size))
        table.setHeaderTextFormat(text_format(size, True))
    else:
        table.setContentFont(cjk_font(size))
        table.setHeaderFont(cjk_font(size, True))
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.HideTable)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(x, y))
    frame.attemptResize(QgsLayoutSize(w, h))
    table.addFrame(frame)
    return table, frame


def _main_map(layout, layers, extent):
    x, y, w, h = MAP
    m = QgsLayoutItemMap(layout)
    m.setId("map")
    m.attemptMove(QgsLayoutPoint(x, y))
    m.attemptResize(QgsLayoutSize(w, h))
    m.setFrameEnabled(True)
    m.setLayers(layers)
    m.setKeepLayerSet(True)
    # The atlas keeps the width/height ratio of the map's *current extent*: start from an extent with the item's
    # own ratio, or every page's item is resized to the first extent's shape (and runs off the page).
    m.setExtent(_with_ratio(extent, w / h))
    m.attemptResize(QgsLayoutSize(w, h))
    m.setAtlasDriven(True)
    # the page's scale (BLC, one of the engine's SCALES) is decided by the engine; the atlas centres the plot
    m.setAtlasScalingMode(QgsLayoutItemMap.Fixed)
    m.dataDefinedProperties().setProperty(QgsLayoutObject.MapScale,
                                          QgsProperty.fromExpression("coalesce(attribute(@atlas_feature, 'BLC'), 1000)"))
    layout.addLayoutItem(m)
    _show_on(m, "sheet", "cover")
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(NORTH_ARROW)
    arrow.setLinkedMap(m)
    arrow.setFrameEnabled(True)
    arrow.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
    arrow.attemptMove(QgsLayoutPoint(x + w - 17, y + 3))
    arrow.attemptResize(QgsLayoutSize(14, 21))
    layout.addLayoutItem(arrow)
    _show_on(arrow, "sheet", "cover")
    for n in SCALES:
        _scale_bar(layout, m, n, x + 3, y + h - 16)
    scale = _label(layout, "比例尺 [% '1:' || to_string(round(map_get(item_variables('map'), 'map_scale'))) %]",
                   x + 3, y + h - 23, 40, 6, size=9, bold=True)
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255))
    scale.setId("numeric_scale")
    _show_on(scale, "sheet", "cover")
    return m


def _scale_bar(layout, m, n, x, y):
    """A graphic scale for the map at 1:n: four 10 mm segments of round length, shown on the pages at that scale."""
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    bar.setUnitsPerSegment(n / 100.0)              # 10 mm on paper
    bar.setTextFormat(text_format(8))
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255))
    bar.setHeight(2.5)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y))
    bar.attemptResize(QgsLayoutSize(52, 11))
    expr = f"attribute(@atlas_feature, 'YMLX') NOT IN ('sheet', 'cover') OR attribute(@atlas_feature, 'BLC') <> {n}"
    bar.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(expr))
    bar.setId(f"scalebar_{n}")


def _locator(layout, layers, extent):
    """区位索引图: the zone with every plot, the atlas plot red, its unit and cluster outlined."""
    _show_on(_label(layout, "区位索引图 / Location", COL_B, 22, W_B, 5.5, size=8.5, bold=True, halign=Qt.AlignHCenter),
             "sheet")
    m = QgsLayoutItemMap(layout)
    m.setId("locator")
    m.attemptMove(QgsLayoutPoint(COL_B, 27.5))
    m.attemptResize(QgsLayoutSize(W_B, 58))
    m.setFrameEnabled(True)
    m.setLayers(layers)
    m.setKeepLayerSet(True)
    m.setExtent(_with_ratio(extent.buffered(0.03 * max(extent.width(), extent.height())), W_B / 58))
    m.attemptResize(QgsLayoutSize(W_B, 58))
    layout.addLayoutItem(m)
    _show_on(m, "sheet")
    return m


def _controls(layout, rows):
    _show_on(_label(layout, "控制指标 / Controls", COL_B, 87.5, W_B, 6, size=9, bold=True, halign=Qt.AlignHCenter),
             "sheet")
    y, h, w1 = 93.5, 5.5, 33.0
    for field, text in rows:
        tall = field in TALL_ROWS
        hh = 3 * h if tall else h
        _show_on(_label(layout, text, COL_B, y, w1, hh, size=7), "sheet")
        _show_on(_label(layout, f'[% "{field}" %]', COL_B + w1, y, W_B - w1, hh, size=6.5 if tall else 7), "sheet")
        y += hh
    return y


def _review(layout, y):
    _show_on(_label(layout, "审查结论 / Review", COL_B, y + 1.5, W_B, 6, size=9, bold=True, halign=Qt.AlignHCenter),
             "sheet")
    item = _label(layout, '[% "T_SCYJ" %]', COL_B, y + 7.5, W_B, MAP[1] + MAP[3] - (y + 7.5), size=6.8,
                  valign=Qt.AlignTop)
    item.setMarginY(1.0)
    _show_on(item, "sheet")


def _points_table(layout, points):
    head = _label(layout, '界址点坐标 [% "T_ZBXT" %]', COL_C, 22, W_C, 9, size=7, bold=True)
    _show_on(head, "sheet")
    cols = [("JZDH", "点号", 9.0), ("T_X", "X（北）/ m", 28.0), ("T_Y", "Y（东）/ m", 30.0)]
    table, frame = _table(layout, points, cols, f"\"DKBH\" = attribute(@atlas_feature, 'DKBH') AND \"XH\" <= "
                          f"{POINT_ROWS}", COL_C, 31, W_C, 4.1 * (POINT_ROWS + 1), size=6.5)
    _show_on(frame, "sheet")
    note = _label(layout, '[% "T_TXSM" %]', COL_C, 31 + 4.1 * (POINT_ROWS + 1) + 1, W_C, 30, size=6.3,
                  valign=Qt.AlignTop)
    _show_on(note, "sheet")
    return 31 + 4.1 * (POINT_ROWS + 1) + 32


def _legend(layout, m, layers, y, bottom):
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("图例 / Legend")
    legend.setLinkedMap(m)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for lyr in layers:
        node = root.addLayer(lyr)
        if lyr.renderer() is not None and lyr.renderer().type() == "RuleRenderer":
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)   # its rule names the symbol
    legend.setLegendFilterByMapEnabled(True)
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setFont(cjk_font(8.5 if style == QgsLegendStyle.Title else 6.5,
                                              style == QgsLegendStyle.Title))
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setFrameEnabled(True)
    legend.setResizeToContents(False)
    legend.attemptMove(QgsLayoutPoint(COL_C, y))
    legend.attemptResize(QgsLayoutSize(W_C, bottom - y))
    layout.addLayoutItem(legend)
    _show_on(legend, "sheet", "cover")


def _title_block(layout, info, y):
    """项目名称, 编制单位, 编制 / 审核 / 审定, 日期 and 比例尺, 图号 and page."""
    x, w, hb = COL_C, W_C, 7.0
    for name, value in (("项目名称", info.get("project", "")), ("编制单位", info.get("organisation", ""))):
        _label(layout, name, x, y, 14, hb, size=7, bold=True, halign=Qt.AlignHCenter)
        _label(layout, value or "", x + 14, y, w - 14, hb, size=7)
        y += hb
    third = w / 3.0
    for k, (name, key) in enumerate((("编制", "drafted"), ("审核", "checked"), ("审定", "approved"))):
        _label(layout, name, x + k * third, y, 9, hb, size=7, bold=True, halign=Qt.AlignHCenter)
        _label(layout, info.get(key, "") or "", x + k * third + 9, y, third - 9, hb, size=7)
    y += hb
    _label(layout, "日期", x, y, 14, hb, size=7, bold=True, halign=Qt.AlignHCenter)
    _label(layout, info.get("date", ""), x + 14, y, w / 2 - 14, hb, size=7)
    _label(layout, "图号", x + w / 2, y, 10, hb, size=7, bold=True, halign=Qt.AlignHCenter)
    _label(layout, '[% "TH" %]', x + w / 2 + 10, y, w / 2 - 10, hb, size=7).setId("drawing_number")
    y += hb
    _label(layout, "[% '第 ' || \"YM\" || ' 页 / 共 ' || \"ZS\" || ' 页' %]", x, y, w, hb, size=7,
           halign=Qt.AlignHCenter)
    return y + hb


def _index_pages(layout, index, small, min_area):
    from ...algorithms.export.atlas import INDEX_COLUMNS, INDEX_ROWS, LIST_COLUMNS, LIST_ROWS

    width = (PAGE_W - 20 - 4 * (INDEX_COLUMNS - 1)) / INDEX_COLUMNS
    cols = [("XH", "序号", 10.0), ("DKBH", "地块编号", 28.0), ("T_MJ", "面积（公顷）", 22.0), ("SCJL", "审查结论", 18.0),
            ("TH", "图号", 26.0), ("YM", "页码", 10.0)]
    for k in range(INDEX_COLUMNS):
        flt = f"\"IDXPAGE\" = attribute(@atlas_feature, 'YM') AND \"IDXCOL\" = {k + 1}"
        _show_on(_table(layout, index, cols, flt, 10 + k * (width + 4), 24, width, 4.8 * (INDEX_ROWS + 1))[1],
                 "index")
    width = (PAGE_W - 20 - 6) / LIST_COLUMNS
    cols = [("DKBH", "地块编号", 28.0), ("DYBH", "所属单元", 22.0), ("YDYHFLDM", "用地代码", 18.0),
            ("T_MJ", "面积（㎡）", 22.0), ("SCJL", "审查结论", 18.0), ("KFZT", "开发状态", 22.0),
            ("T_JZD", "界址点坐标", width - 130.0)]
    for k in range(LIST_COLUMNS):
        flt = f"\"YM\" = attribute(@atlas_feature, 'YM') AND \"LISTCOL\" = {k + 1}"
        _show_on(_table(layout, small, cols[:6], flt, 10 + k * (width + 6), 30, width, 4.8 * (LIST_ROWS + 1))[1],
                 "list")
    _show_on(_label(layout, f"以下地块面积小于 {min_area:,.0f} ㎡，不单独出图则，列于此表；其界址点坐标见界址点坐标表（CSV）。"
                    f" / Plots under {min_area:,.0f} m² have no sheet of their own.", 10, 22, PAGE_W - 20, 7, size=8,
                    frame=False), "list")


def build_layout(project, layers, *, rows=(), info=None, zone_extent=None, min_area=0.0):
    """A QgsPrintLayout in ``project`` with an atlas over ``layers['coverage']`` (one feature per page).

    ``layers``: memory layers by role (:func:`plugin.algs.exportplotsheets` builds them); ``rows``: (field, label)
    of the control table; ``info``: 项目名称 / 编制单位 / 编制 / 审核 / 审定 / 日期."""
    info = info or {}
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("地块图则")
    layout.pageCollection().page(0).setPageSize("A3", QgsLayoutItemPage.Landscape)
    layout.renderContext().setPredefinedScales([float(s) for s in SCALES])
    frame = QgsLayoutItemShape(layout)
    frame.setShapeType(QgsLayoutItemShape.Rectangle)
    frame.setSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": "0,0,0",
                                                "outline_width": "0.6"}))
    frame.attemptMove(QgsLayoutPoint(6, 6))
    frame.attemptResize(QgsLayoutSize(PAGE_W - 12, PAGE_H - 12))
    layout.addLayoutItem(frame)
    _label(layout, '[% "T_TITLE" %]', 10, 8, 300, 13, size=17, bold=True, frame=False).setId("title")
    top = [layers[k] for k in ("points", "edges", "openings", "setbacks", "entrances", "conflicts", "highlight")
           if layers.get(k) is not None]
    below = [layers[k] for k in ("units", "roads", "plots", "redlines") if layers.get(k) is not None]
    main = top + list(layers.get("constraints", [])) + below
    m = _main_map(layout, main, zone_extent or layers["plots"].extent())
    locator = [layers[k] for k in ("locator_clusters", "locator_units", "locator_plots") if layers.get(k) is not None]
    if locator and zone_extent is not None:
        _locator(layout, locator, zone_extent)
    _review(layout, _controls(layout, rows))
    y = _points_table(layout, layers["points"])
    _legend(layout, m, [lyr for lyr in main if lyr is not layers.get("edges")], y, 240.0)
    _title_block(layout, info, 242.0)
    cover = _label(layout, '[% "T_COVER" %]', COL_B, 22, PAGE_W - 10 - COL_B, 150, size=11, valign=Qt.AlignTop,
                   margin=4)
    _show_on(cover, "cover")
    if layers.get("index") is not None:
        _index_pages(layout, layers["index"], layers["small"], min_area)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["coverage"])
    atlas.setEnabled(True)
    atlas.setPageNameExpression('"T_PAGE"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"YM"')
    atlas.setFilenameExpression('"T_FILE"')
    return layout


def pdf_settings(dpi=150):
    s = QgsLayoutExporter.PdfExportSettings()
    s.dpi = dpi
    s.rasterizeWholeImage = False
    s.forceVectorOutput = True
    s.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    s.simplifyGeometries = False           # 界址点 and edges are drawn as they are
    return s


def _check_cancel(res):
    if res == QgsLayoutExporter.Canceled:
        from ...algorithms.errors import CancelledError

        raise CancelledError()


def export_single_pdf(layout, path, feedback=None):
    """All atlas pages into one PDF at ``path``; raises RuntimeError with QGIS's message on failure."""
    res, err = QgsLayoutExporter.exportToPdf(layout.atlas(), path, pdf_settings(), feedback)
    _check_cancel(res)
    if res != QgsLayoutExporter.Success:
        raise RuntimeError(err or f"QgsLayoutExporter error {res}")


def export_pdf_per_plot(layout, folder, feedback=None):
    """One PDF per atlas page into ``folder`` (named by ``T_FILE``); returns the file paths."""
    res, err = QgsLayoutExporter.exportToPdfs(layout.atlas(), os.path.join(folder, "atlas.pdf"), pdf_settings(),
                                              feedback)
    _check_cancel(res)
    if res != QgsLayoutExporter.Success:
        raise RuntimeError(err or f"QgsLayoutExporter error {res}")
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith(".pdf"))
