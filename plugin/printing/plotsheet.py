"""The 地块图则 print layout: an atlas over the plots on an A3 landscape page.

Page (mm, 420 × 297): a map of the plot and its neighbours with roads and labels (left), the plot's control table,
the legend and the title block 项目名称 / 编制单位 / 日期 / 图号 (right), north arrow and scale bar on the map.
Only QGIS layout API that exists in 3.22 is used (with newer alternatives where 3.22's is deprecated), and
nothing needs a screen: it runs under qgis_process.bin and QT_QPA_PLATFORM=offscreen.
The table's text comes from the engine (algorithms/export/sheets.py) as ready strings ``T_…``.
"""
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsRendererCategory,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont

FONT = "Noto Sans CJK SC"
PAGE_W, PAGE_H = 420.0, 297.0
NORTH_ARROW = "/usr/share/qgis/svg/arrows/NorthArrow_02.svg"
#: control-table rows whose text may run to three or four lines (the 开发状态 of a plot set apart names its rules)
TALL_ROWS = ("T_KFZT",)


# ------------------------------------------------------------------------------------------ layers
def memory_layer_from_gdf(gdf, *, name, crs, columns, geom_type="MultiPolygon"):
    """A memory layer holding ``gdf``'s geometry (in ``crs``, a QgsCoordinateReferenceSystem) and ``columns``."""
    vl = QgsVectorLayer(f"{geom_type}?crs={crs.authid() or 'EPSG:4326'}", name, "memory")
    if not crs.authid():
        vl.setCrs(crs)
    fields = []
    for col in columns:
        kind = gdf[col].dtype.kind if col in gdf.columns else "O"
        fields.append(QgsField(col, QVariant.Double if kind == "f" else QVariant.String))
    vl.dataProvider().addAttributes(fields)
    vl.updateFields()
    feats = []
    for geom, rec in zip(gdf.geometry, gdf[columns].itertuples(index=False)):
        f = QgsFeature(vl.fields())
        if geom is not None and not geom.is_empty:
            g = QgsGeometry()
            g.fromWkb(geom.wkb)
            if geom_type.startswith("Multi"):
                g.convertToMultiType()
            f.setGeometry(g)
        f.setAttributes([_attr(v) for v in rec])
        feats.append(f)
    vl.dataProvider().addFeatures(feats)
    vl.updateExtents()
    return vl


def _attr(v):
    if v is None:
        return None
    if isinstance(v, float):
        return None if v != v else v
    return str(v) if not isinstance(v, (int, float)) else v


def cjk_font(size=None, bold=False):
    """The CJK font. PreferNoShaping: with HarfBuzz shaping, Qt's PDF writer drops the ToUnicode mapping of digits
    that follow Latin letters (e.g. "Z01-01-02" extracts as "Z - -"), so the PDF's text could not be searched."""
    font = QFont(FONT)
    font.setStyleStrategy(QFont.PreferNoShaping)
    if size is not None:
        font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size, bold=False, color="black"):
    fmt = QgsTextFormat()
    font = cjk_font(None, bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(color))
    return fmt


def style_plots(vl, palette):
    """Categorized by 一级 land-use class (colours of the classification file), labels: plot code and land use."""
    cats = []
    for code, (name, rgb) in palette.items():
        sym = QgsFillSymbol.createSimple({"color": ",".join(map(str, rgb)) + ",255", "outline_color": "90,90,90",
                                         "outline_width": "0.2"})
        cats.append(QgsRendererCategory(code, sym, f"{code} {name}"))
    sym = QgsFillSymbol.createSimple({"color": "235,235,235,255", "outline_color": "90,90,90", "outline_width": "0.2"})
    cats.append(QgsRendererCategory("", sym, "未定用地 / no land use"))
    vl.setRenderer(QgsCategorizedSymbolRenderer('coalesce(left("YDYHFLDM", 2), \'\')', cats))
    pal = QgsPalLayerSettings()
    pal.fieldName = "\"DKBH\" || '\\n' || coalesce(\"YDYHFLDM\", '')"
    pal.isExpression = True
    fmt = _text_format(8)
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.6)
    fmt.setBuffer(buf)
    pal.setFormat(fmt)
    pal.placement = QgsPalLayerSettings.OverPoint
    vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    vl.setLabelsEnabled(True)


def style_highlight(vl):
    """Only the atlas plot: a thick red outline."""
    sym = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "220,0,0,255", "outline_width": "0.9",
                                      "style": "no"})
    root = QgsRuleBasedRenderer.Rule(None)
    rule = QgsRuleBasedRenderer.Rule(sym, 0, 0, "\"DKBH\" = attribute(@atlas_feature, 'DKBH')", "本地块 / this plot")
    root.appendChild(rule)
    vl.setRenderer(QgsRuleBasedRenderer(root))


def style_roads(vl, label_field=None):
    geom = QgsWkbTypes.geometryType(vl.wkbType())
    if geom == QgsWkbTypes.LineGeometry:
        sym = QgsLineSymbol.createSimple({"color": "150,150,150,255", "width": "1.2"})
    else:
        sym = QgsFillSymbol.createSimple({"color": "220,220,220,255", "outline_color": "150,150,150"})
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    if label_field and vl.fields().lookupField(label_field) >= 0:
        pal = QgsPalLayerSettings()
        pal.fieldName = label_field
        pal.setFormat(_text_format(8, color="#404040"))
        if geom == QgsWkbTypes.LineGeometry:
            pal.placement = QgsPalLayerSettings.Line
        vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
        vl.setLabelsEnabled(True)


def style_units(vl):
    """Unit boundaries: dashed dark-blue outline, labelled with the unit code when the layer has DYBH."""
    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": "30,60,150,255", "outline_width": "0.6",
                                      "outline_style": "dash"})
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    if vl.fields().lookupField("DYBH") >= 0:
        pal = QgsPalLayerSettings()
        pal.fieldName = "DYBH"
        pal.setFormat(_text_format(9, True, "#1e3c96"))
        pal.placement = QgsPalLayerSettings.Horizontal
        vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
        vl.setLabelsEnabled(True)


# ------------------------------------------------------------------------------------------ layout
def _with_ratio(rect, ratio):
    """``rect`` grown in one direction to the width/height ``ratio``, same centre."""
    from qgis.core import QgsRectangle

    w, h = max(rect.width(), 1e-6), max(rect.height(), 1e-6)
    if w / h < ratio:
        w = h * ratio
    else:
        h = w / ratio
    c = rect.center()
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def _label(layout, text, x, y, w, h, *, size=9, bold=False, frame=True, halign=None, margin=1.2):
    from qgis.PyQt.QtCore import Qt

    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    if hasattr(item, "setTextFormat"):          # QGIS ≥ 3.24
        item.setTextFormat(_text_format(size, bold))
    else:
        item.setFont(cjk_font(size, bold))
    item.setHAlign(halign if halign is not None else Qt.AlignLeft)
    item.setVAlign(Qt.AlignVCenter)
    item.setMarginX(margin)
    item.setFrameEnabled(frame)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    layout.addLayoutItem(item)
    return item


def build_layout(project, plots, highlight, *, roads=None, units=None, rows=(), info=None, title_suffix="地块图则",
                 drawing_prefix="TZ-", margin=1.2):
    """A QgsPrintLayout in ``project`` with an atlas over ``plots`` (memory layer with ``T_…`` fields).

    ``rows``: (field, label) of the control table; ``info``: 项目名称/编制单位/日期 values.
    """
    from qgis.PyQt.QtCore import Qt

    info = info or {}
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("地块图则")
    page = layout.pageCollection().page(0)
    page.setPageSize("A3", QgsLayoutItemPage.Landscape)

    frame = QgsLayoutItemShape(layout)
    frame.setShapeType(QgsLayoutItemShape.Rectangle)
    frame.setSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": "0,0,0",
                                                "outline_width": "0.6"}))
    frame.attemptMove(QgsLayoutPoint(6, 6))
    frame.attemptResize(QgsLayoutSize(PAGE_W - 12, PAGE_H - 12))
    layout.addLayoutItem(frame)

    title = _label(layout, f'[% "DKBH" %] {title_suffix}', 10, 9, 268, 13, size=18, bold=True, frame=False)
    title.setId("title")

    layers = [lyr for lyr in (highlight, units, plots, roads) if lyr is not None]
    m = QgsLayoutItemMap(layout)
    m.setId("map")
    m.attemptMove(QgsLayoutPoint(10, 24))
    m.attemptResize(QgsLayoutSize(270, 263))
    m.setFrameEnabled(True)
    m.setLayers(layers)
    m.setKeepLayerSet(True)
    # The atlas keeps the width/height ratio of the map's *current extent*: start from an extent with the item's
    # own ratio, or every page's item is resized to the first extent's shape (and runs off the page).
    m.setExtent(_with_ratio(plots.extent(), 270.0 / 263.0))
    m.attemptResize(QgsLayoutSize(270, 263))
    m.setAtlasDriven(True)
    m.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    m.setAtlasMargin(margin)
    layout.addLayoutItem(m)

    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(NORTH_ARROW)
    arrow.setLinkedMap(m)
    arrow.attemptMove(QgsLayoutPoint(262, 27))
    arrow.attemptResize(QgsLayoutSize(14, 20))
    layout.addLayoutItem(arrow)

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(m)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setTextFormat(_text_format(8))
    bar.setBackgroundEnabled(True)
    bar.applyDefaultSize()
    # the atlas changes the scale on every page: let the segment size follow it
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(40)
    bar.setMaximumBarWidth(70)
    bar.attemptMove(QgsLayoutPoint(13, 272))
    layout.addLayoutItem(bar)

    # control table, right column
    x0, w1, w2 = 286.0, 50.0, 74.0
    _label(layout, "控制指标 / Controls", x0, 24, w1 + w2, 8, size=11, bold=True, halign=Qt.AlignHCenter)
    y, h = 32.0, 7.4
    for field, text in rows:
        tall = field in TALL_ROWS            # long text (开发状态 with its reason): two lines' height, smaller type
        _label(layout, text, x0, y, w1, 2 * h if tall else h, size=8.5)
        _label(layout, f'[% "{field}" %]', x0 + w1, y, w2, 2 * h if tall else h, size=7.5 if tall else 8.5)
        y += 2 * h if tall else h

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("图例 / Legend")
    legend.setLinkedMap(m)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for lyr in layers:
        root.addLayer(lyr)
    legend.setLegendFilterByMapEnabled(True)
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setFont(cjk_font(10 if style == QgsLegendStyle.Title else 8,
                                              style == QgsLegendStyle.Title))
    legend.setFrameEnabled(True)
    legend.setResizeToContents(False)
    legend.attemptMove(QgsLayoutPoint(x0, y + 3))
    legend.attemptResize(QgsLayoutSize(w1 + w2, 232 - (y + 3)))
    layout.addLayoutItem(legend)

    # title block
    tb = [("项目名称", info.get("project", "")), ("编制单位", info.get("organisation", "")),
          ("日期", info.get("date", "")),
          ("图号", f"[% '{drawing_prefix}' || lpad(to_string(@atlas_featurenumber), 3, '0') %]")]
    yb, hb = 236.0, 12.75
    for name, value in tb:
        _label(layout, name, x0, yb, 22, hb, size=9, bold=True, halign=Qt.AlignHCenter)
        _label(layout, value or "", x0 + 22, yb, w1 + w2 - 22, hb, size=9)
        yb += hb

    atlas = layout.atlas()
    atlas.setCoverageLayer(plots)
    atlas.setEnabled(True)
    atlas.setPageNameExpression('"DKBH"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"DKBH"')
    atlas.setFilenameExpression("'图则_' || \"DKBH\"")
    return layout


def pdf_settings(dpi=150):
    s = QgsLayoutExporter.PdfExportSettings()
    s.dpi = dpi
    s.rasterizeWholeImage = False
    s.forceVectorOutput = True
    s.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    s.simplifyGeometries = True
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
    """One PDF per atlas page into ``folder`` (named 图则_<DKBH>.pdf); returns the file paths."""
    res, err = QgsLayoutExporter.exportToPdfs(layout.atlas(), os.path.join(folder, "atlas.pdf"), pdf_settings(),
                                              feedback)
    _check_cancel(res)
    if res != QgsLayoutExporter.Success:
        raise RuntimeError(err or f"QgsLayoutExporter error {res}")
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.lower().endswith(".pdf"))
