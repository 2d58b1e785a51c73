"""Generate the plugin's .qml styles with PyQGIS (so they are valid for the QGIS that writes them, 3.22 LTR).

Run from the repository root:  QT_QPA_PLATFORM=offscreen .venv/bin/python resources/styles/generate_styles.py
The generated .qml files are committed; re-run after changing resources/standards/ydyh_2023_codes.csv.

Styles:
- plots_ydyh_level1.qml / plots_ydyh_level2.qml — 地块 by YDYHFLDM at 一级 / 二级 level (三级 codes fall in their
  二级 class), Chinese labels "1001 工业用地", colours from ydyh_2023_codes.csv (a default palette, not the
  official 制图规范 table), a value-map form widget so planners pick the class by name, DKBH labels.
- clusters.qml, units.qml — 组团 / 单元 outlines with code labels; roads.qml — road corridors;
  findings.qml / findings_point.qml — findings by severity (YZCD: 错误 / 警告 / 提示 / 未检查).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, ROOT)

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsEditorWidgetSetup, QgsField,  # noqa: E402,TID251
                       QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsPalLayerSettings, QgsRendererCategory,
                       QgsSingleSymbolRenderer, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QVariant  # noqa: E402,TID251
from qgis.PyQt.QtGui import QColor  # noqa: E402,TID251

from algorithms.schema import FIELDS, PLOT  # noqa: E402
from algorithms.standards import load_classification  # noqa: E402

SEVERITY_COLOURS = {"错误": "#d7191c", "警告": "#fdae61", "提示": "#2b83ba", "未检查": "#7b3294"}


def _layer(geom: str, fields: list[str]) -> QgsVectorLayer:
    lyr = QgsVectorLayer(f"{geom}?crs=EPSG:4547", "style", "memory")
    pr = lyr.dataProvider()
    qf = []
    for name in fields:
        f = FIELDS.get(name)
        t = QVariant.Double if f is not None and f.type == "float" else QVariant.String
        qf.append(QgsField(name, t))
    pr.addAttributes(qf)
    lyr.updateFields()
    for i, fld in enumerate(lyr.fields()):
        if fld.name() in FIELDS:
            lyr.setFieldAlias(i, FIELDS[fld.name()].alias)
    return lyr


def _labels(lyr, expression: str, size: float = 8.0, colour: str = "#202020", placement=None):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = True
    fmt = QgsTextFormat()
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.8)
    buf.setColor(QColor("white"))
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    if placement is not None:
        s.placement = placement
    lyr.setLabeling(QgsVectorLayerSimpleLabeling(s))
    lyr.setLabelsEnabled(True)


def _save(lyr, name):
    path = os.path.join(HERE, name)
    msg, ok = lyr.saveNamedStyle(path)
    if not ok:
        raise RuntimeError(f"{name}: {msg}")
    print("wrote", path)


def plots_style(level: int):
    c = load_classification("2023")
    lyr = _layer("Polygon", list(PLOT.fields))
    cats = []
    for code, cls in sorted(c.classes.items()):
        if cls.level != level:
            continue
        r, g, b = cls.rgb or (200, 200, 200)
        sym = QgsFillSymbol.createSimple({"color": f"{r},{g},{b},255", "outline_color": "60,60,60,255",
                                         "outline_width": "0.2", "outline_width_unit": "MM"})
        cats.append(QgsRendererCategory(code, sym, f"{code} {cls.name}"))
    other = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": "215,25,28,255",
                                       "outline_width": "0.5", "outline_style": "dash"})
    cats.append(QgsRendererCategory("", other, "其他/无效代码 other or invalid code"))
    expr = f'left("YDYHFLDM", {2 * level})'
    lyr.setRenderer(QgsCategorizedSymbolRenderer(expr, cats))
    _labels(lyr, "\"DKBH\"", 7.0)
    idx = lyr.fields().indexOf("YDYHFLDM")
    value_map = [{f"{code} {cls.name}": code} for code, cls in sorted(c.classes.items())]
    lyr.setEditorWidgetSetup(idx, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))
    _save(lyr, f"plots_ydyh_level{level}.qml")


def outline_style(name, fields, code_expr, colour, width, style="solid", size=10.0):
    lyr = _layer("Polygon", fields)
    sym = QgsFillSymbol.createSimple({"color": "255,255,255,0", "outline_color": colour, "outline_width": str(width),
                                     "outline_width_unit": "MM", "outline_style": style})
    lyr.setRenderer(QgsSingleSymbolRenderer(sym))
    _labels(lyr, code_expr, size, colour="#" + "".join(f"{int(v):02x}" for v in colour.split(",")[:3]))
    _save(lyr, name)


def roads_style():
    lyr = _layer("Polygon", ["ZTBH"])
    for n in ("DLDJ", "HXKD"):
        lyr.dataProvider().addAttributes([QgsField(n, QVariant.String if n == "DLDJ" else QVariant.Double)])
    lyr.updateFields()
    sym = QgsFillSymbol.createSimple({"color": "235,235,235,255", "outline_color": "150,150,150,255",
                                     "outline_width": "0.15"})
    lyr.setRenderer(QgsSingleSymbolRenderer(sym))
    _labels(lyr, "coalesce(\"DLDJ\", '') || ' ' || coalesce(to_string(round(\"HXKD\", 0)) || 'm', '')", 6.5,
            colour="#505050")
    _save(lyr, "roads.qml")


def findings_style(geom: str, name: str):
    lyr = QgsVectorLayer(f"{geom}?crs=EPSG:4547", "findings", "memory")
    lyr.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in ("GZBH", "GZMC", "YZCD", "BH", "SM")])
    lyr.updateFields()
    cats = []
    for label, colour in SEVERITY_COLOURS.items():
        q = QColor(colour)
        if geom == "Point":
            sym = QgsMarkerSymbol.createSimple({"name": "circle", "color": f"{q.red()},{q.green()},{q.blue()},255",
                                               "size": "3", "outline_color": "255,255,255,255"})
        else:
            sym = QgsFillSymbol.createSimple({"color": f"{q.red()},{q.green()},{q.blue()},70",
                                             "outline_color": f"{q.red()},{q.green()},{q.blue()},255",
                                             "outline_width": "0.6"})
        cats.append(QgsRendererCategory(label, sym, label))
    lyr.setRenderer(QgsCategorizedSymbolRenderer("YZCD", cats))
    _labels(lyr, "\"GZMC\"", 7.0, colour="#202020")
    _save(lyr, name)


def main():
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    plots_style(1)
    plots_style(2)
    outline_style("clusters.qml", ["ZTBH", "ZTMC", "CYL"], "\"ZTBH\" || coalesce(' ' || \"ZTMC\", '')",
                  "31,71,136", 0.8, "dash", 11.0)
    outline_style("units.qml", ["DYBH", "ZTBH", "CYHJ"], "\"DYBH\"", "230,85,13", 0.45, "solid", 8.5)
    roads_style()
    findings_style("Polygon", "findings.qml")
    findings_style("Point", "findings_point.qml")
    _ = QgsLineSymbol  # line styles: road centre lines use QGIS defaults
    app.exitQgis()


if __name__ == "__main__":
    main()
