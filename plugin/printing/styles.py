"""Layers of the 地块图则 and how they are drawn: memory layers from the engine's frames, symbols and labels.

Layers that belong to one plot (its 界址点, edge lengths, setback lines, no-opening stretches, conflicts) draw and
label only the atlas page's plot (rule ``"DKBH" = attribute(@atlas_feature, 'DKBH')``).
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
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

from .fonts import page_font

ATLAS_PLOT = "\"DKBH\" = attribute(@atlas_feature, 'DKBH')"


# ------------------------------------------------------------------------------------------ layers
def memory_layer_from_gdf(gdf, *, name, crs, columns, geom_type="MultiPolygon"):
    """A memory layer holding ``gdf``'s geometry (in ``crs``, a QgsCoordinateReferenceSystem; ``geom_type`` None:
    a table without geometry) and ``columns``."""
    uri = "None" if geom_type is None else f"{geom_type}?crs={crs.authid() or 'EPSG:4326'}"
    vl = QgsVectorLayer(uri, name, "memory")
    if geom_type is not None and not crs.authid():
        vl.setCrs(crs)
    fields = []
    for col in columns:
        kind = gdf[col].dtype.kind if col in gdf.columns else "O"
        fields.append(QgsField(col, QVariant.Double if kind == "f" else QVariant.Int if kind in "iu"
                               else QVariant.String))
    vl.dataProvider().addAttributes(fields)
    vl.updateFields()
    feats = []
    geoms = gdf.geometry if geom_type is not None else [None] * len(gdf)
    for geom, rec in zip(geoms, gdf[columns].itertuples(index=False)):
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
    if hasattr(v, "item"):                   # numpy scalars
        return _attr(v.item())
    return v if isinstance(v, (int, float)) else str(v)


# ------------------------------------------------------------------------------------------ text
def cjk_font(size=None, bold=False):
    """The CJK font (:func:`.fonts.page_font`). PreferNoShaping: with HarfBuzz shaping, Qt's PDF writer drops the
    ToUnicode mapping of digits that follow Latin letters (e.g. "Z01-01-02" extracts as "Z - -")."""
    font = QFont(page_font()[0])
    font.setStyleStrategy(QFont.PreferNoShaping)
    if size is not None:
        font.setPointSizeF(size)
    font.setBold(bold)
    return font


def text_format(size, bold=False, color="black", buffer=0.0):
    fmt = QgsTextFormat()
    fmt.setFont(cjk_font(None, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(color))
    if buffer:
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(buffer)
        fmt.setBuffer(buf)
    return fmt


def _labels(vl, expression, fmt, placement=None, *, rule=None, dist=0.0):
    pal = QgsPalLayerSettings()
    pal.fieldName = expression
    pal.isExpression = True
    pal.setFormat(fmt)
    if placement is not None:
        pal.placement = placement
    pal.dist = dist
    if rule is None:
        vl.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    else:
        root = QgsRuleBasedLabeling.Rule(None)
        root.appendChild(QgsRuleBasedLabeling.Rule(pal, 0, 0, rule))
        vl.setLabeling(QgsRuleBasedLabeling(root))
    vl.setLabelsEnabled(True)


def _only(vl, symbol, label, expr=ATLAS_PLOT):
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expr, label))
    vl.setRenderer(QgsRuleBasedRenderer(root))


# ------------------------------------------------------------------------------------------ styles
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
    _labels(vl, "\"DKBH\" || '\\n' || coalesce(\"YDYHFLDM\", '')", text_format(7.5, buffer=0.6),
            QgsPalLayerSettings.OverPoint)


def style_highlight(vl):
    """Only the atlas plot: a thick red outline."""
    _only(vl, QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "220,0,0,255", "outline_width": "0.9",
                                          "style": "no"}), "本地块 / this plot")


def style_units(vl):
    """Unit boundaries: dashed dark-blue outline, labelled with the unit code when the layer has DYBH."""
    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": "30,60,150,255", "outline_width": "0.6",
                                      "outline_style": "dash"})
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    if vl.fields().lookupField("DYBH") >= 0:
        _labels(vl, '"DYBH"', text_format(8.5, True, "#1e3c96", buffer=0.5), QgsPalLayerSettings.Horizontal)


def style_clusters(vl):
    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": "110,40,140,255", "outline_width": "0.9",
                                      "outline_style": "dash dot"})
    vl.setRenderer(QgsSingleSymbolRenderer(sym))


def style_roads(vl, label_expression=None):
    """Road centre lines (dash-dot) or road areas, labelled with ``label_expression`` (name, class, width)."""
    if QgsWkbTypes.geometryType(vl.wkbType()) == QgsWkbTypes.LineGeometry:
        sym = QgsLineSymbol.createSimple({"color": "110,110,110,255", "width": "0.3", "line_style": "dash dot"})
        placement = QgsPalLayerSettings.Line
    else:
        sym = QgsFillSymbol.createSimple({"color": "225,225,225,255", "outline_color": "150,150,150"})
        placement = None
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    if label_expression:
        _labels(vl, label_expression, text_format(7.5, color="#303030", buffer=0.6), placement)


def style_redlines(vl):
    """Road red lines: the road area light grey, its edges red."""
    vl.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "238,238,238,255", "outline_color": "230,0,0,255", "outline_width": "0.35"})))


#: 一张图 constraint layers: key → (legend name, outline colour, hatch angle)
CONSTRAINT_STYLES = {"ecological_redline": ("生态保护红线", "0,140,60", 45),
                     "farmland": ("永久基本农田", "200,150,0", 135),
                     "urban_boundary": ("城镇开发边界", "160,0,160", None)}


def style_constraint(vl, key, label_field=None):
    """A control line: its outline in its colour; a hatch inside (not for the urban boundary, a 'within' line)."""
    name, colour, angle = CONSTRAINT_STYLES[key]
    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": colour + ",255", "outline_width": "0.7"})
    if angle is not None:
        from qgis.core import QgsLinePatternFillSymbolLayer

        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(angle)
        hatch.setDistance(2.5)
        hatch.setColor(QColor(f"rgba({colour},150)"))
        hatch.setLineWidth(0.2)
        sym.appendSymbolLayer(hatch)
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    text = f"'{name}'" + (f" || coalesce('：' || \"{label_field}\", '')" if label_field else "")
    _labels(vl, text, text_format(8, True, f"rgb({colour})", buffer=0.7), QgsPalLayerSettings.Horizontal)


def style_conflicts(vl):
    """The atlas plot's conflict parts: red cross-hatch, labelled with the rule and its area."""
    sym = QgsFillSymbol.createSimple({"color": "217,45,32,90", "outline_color": "180,35,24,255",
                                      "outline_width": "0.4"})
    _only(vl, sym, "冲突部分 / conflict")
    _labels(vl, "\"GZMC\" || ' ' || format_number(\"CTMJ\", 2) || ' ㎡'", text_format(7.5, True, "#b42318", 0.7),
            QgsPalLayerSettings.OverPoint, rule=ATLAS_PLOT)


def style_points(vl):
    """界址点 of the atlas plot: small black-ringed circles labelled J1, J2 …"""
    sym = QgsMarkerSymbol.createSimple({"name": "circle", "color": "255,255,255", "outline_color": "0,0,0",
                                        "size": "1.4", "outline_width": "0.3"})
    _only(vl, sym, "界址点 / boundary point")
    _labels(vl, '"JZDH"', text_format(6.5, True, "#000000", 0.6), QgsPalLayerSettings.AroundPoint, rule=ATLAS_PLOT,
            dist=0.6)


def style_edges(vl):
    """Edge lengths of the atlas plot along its boundary (no symbol of their own: the plot outline is drawn)."""
    sym = QgsLineSymbol.createSimple({"color": "0,0,0,0", "width": "0"})
    _only(vl, sym, "边长（m）/ edge length")
    _labels(vl, '"T_BC"', text_format(6.5, False, "#1e3c96", 0.6), QgsPalLayerSettings.Line, rule=ATLAS_PLOT,
            dist=0.8)


def style_setbacks(vl):
    sym = QgsLineSymbol.createSimple({"color": "0,90,200,255", "width": "0.45", "line_style": "dash"})
    _only(vl, sym, "建筑退线 / setback line")
    _labels(vl, "'退线 ' || format_number(\"TX\", 0) || ' m' || CASE WHEN \"ZT\" = '示意' THEN '（示意）' ELSE '' END",
            text_format(7, False, "#005ac8", 0.6), QgsPalLayerSettings.Line, rule=ATLAS_PLOT, dist=0.8)


def style_openings(vl):
    sym = QgsLineSymbol.createSimple({"color": "240,120,0,255", "width": "1.4"})
    _only(vl, sym, "禁止开口路段 / no opening")
    _labels(vl, "'禁止开口'", text_format(7, True, "#c05000", 0.6), QgsPalLayerSettings.Line, rule=ATLAS_PLOT, dist=1.2)


def style_entrances(vl, label_expression):
    sym = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "0,150,0", "outline_color": "0,0,0",
                                        "size": "3"})
    vl.setRenderer(QgsSingleSymbolRenderer(sym))
    _labels(vl, label_expression, text_format(7, True, "#006400", 0.6), QgsPalLayerSettings.AroundPoint)


def style_locator_plots(vl):
    """The 区位索引图: every plot light grey, the atlas plot red, its unit and cluster drawn by their own layers."""
    from qgis.core import QgsCentroidFillSymbolLayer

    root = QgsRuleBasedRenderer.Rule(None)
    this = QgsFillSymbol.createSimple({"color": "220,0,0,255", "outline_color": "220,0,0,255", "outline_width": "0.3"})
    dot = QgsCentroidFillSymbolLayer()          # a dot that stays visible however small the plot is at this scale
    dot.setSubSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "220,0,0,160", "outline_color": "220,0,0",
                                                   "size": "2.6", "outline_width": "0.4"}))
    this.appendSymbolLayer(dot)
    root.appendChild(QgsRuleBasedRenderer.Rule(this, 0, 0, ATLAS_PLOT, "本地块 / this plot"))
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "235,235,235,255", "outline_color": "180,180,180,255", "outline_width": "0.05"}), 0, 0, "ELSE",
        "其他地块 / other plots"))
    vl.setRenderer(QgsRuleBasedRenderer(root))


def style_locator_outline(vl, field, colour, width):
    """The atlas plot's unit (or cluster) in the 区位索引图: a thick outline; the others thin."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": colour, "outline_width": str(width)}), 0, 0,
        f"\"{field}\" = attribute(@atlas_feature, '{field}')", f"所在{'单元' if field == 'DYBH' else '组团'}"))
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "120,120,120,255", "outline_width": "0.15"}), 0, 0, "ELSE", ""))
    vl.setRenderer(QgsRuleBasedRenderer(root))
