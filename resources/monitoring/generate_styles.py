"""Generate the monitoring layers' .qml styles with PyQGIS (valid for QGIS 3.22, which writes them).

Run from the repository root:  QT_QPA_PLATFORM=offscreen .venv/bin/python resources/monitoring/generate_styles.py
- mujun_grades.qml — 亩均效益地块 by grade MJDJ (A/B/C/D/T), labels DKBH and grade;
- idle_land.qml    — 闲置与低效用地 by XZZT (idle, may be idle, government cause) and DXZT (low efficiency).
Colours are a default palette, not an official one.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsPalLayerSettings,  # noqa: E402,TID251
                       QgsRendererCategory, QgsRuleBasedRenderer, QgsVectorLayer, QgsVectorLayerSimpleLabeling)

GRADES = {"A": ("#1a9641", "A 优先发展"), "B": ("#a6d96a", "B 鼓励提升"), "C": ("#fdae61", "C 监管调控"),
          "D": ("#d7191c", "D 落后整治"), "T": ("#bdbdbd", "T 不参评")}
IDLE_RULES = [("闲置土地（满两年）", "\"XZZT\" LIKE '闲置土地（满两年）%'", "#7f0000"),
              ("闲置土地（满一年）", "\"XZZT\" LIKE '闲置土地（满一年）%'", "#d7301f"),
              ("可认定闲置", "\"XZZT\" LIKE '可认定闲置%'", "#fc8d59"),
              ("政府原因延迟", "\"XZZT\" LIKE '政府原因%'", "#9e9ac8"),
              ("未检查", "\"XZZT\" LIKE '未检查%' OR \"DXZT\" LIKE '未检查%'", "#969696"),
              ("低效用地", "\"DXZT\" LIKE '低效%'", "#fee08b"),
              ("其他", "ELSE", "#f7f7f7")]


def _fill(colour):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#404040", "outline_width": "0.2"})


def _labels(layer, expression):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def main():
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    grades = QgsVectorLayer("Polygon?crs=EPSG:4524&field=DKBH:string&field=MJDJ:string", "mujun", "memory")
    cats = [QgsRendererCategory(k, _fill(c), label) for k, (c, label) in GRADES.items()]
    grades.setRenderer(QgsCategorizedSymbolRenderer("MJDJ", cats))
    _labels(grades, "\"DKBH\" || '\\n' || coalesce(\"MJDJ\", '')")
    grades.saveNamedStyle(os.path.join(HERE, "mujun_grades.qml"))
    idle = QgsVectorLayer("Polygon?crs=EPSG:4524&field=DKBH:string&field=XZZT:string&field=DXZT:string", "idle",
                          "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expr, colour in IDLE_RULES:
        rule = QgsRuleBasedRenderer.Rule(_fill(colour), label=label)
        if expr == "ELSE":
            rule.setIsElse(True)
        else:
            rule.setFilterExpression(expr)
        root.appendChild(rule)
    idle.setRenderer(QgsRuleBasedRenderer(root))
    _labels(idle, "\"DKBH\"")
    idle.saveNamedStyle(os.path.join(HERE, "idle_land.qml"))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
