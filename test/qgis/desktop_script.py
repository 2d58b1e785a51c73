"""Run inside the real QGIS desktop (qgis --code): open the sample plan, show the dock, save a screenshot.

Driven by test/qgis/test_desktop.py; writes a JSON status next to the screenshot. Paths come from the environment.
"""
import json
import os
import traceback

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

OUT = os.environ["ZUTUAN_SHOT"]
SAMPLE = os.environ["ZUTUAN_SAMPLE"]
status = {"ok": False}
STYLE_DIR = os.path.join(os.environ.get("ZUTUAN_ROOT", ""), "resources", "styles")
STYLES = {"zutuan": "clusters.qml", "danyuan": "units.qml", "dikuai": "plots_ydyh_level1.qml"}


def load():
    try:
        for name in ("ghfq", "zongdi", "daolu", "zutuan", "danyuan", "dikuai"):
            path = os.environ.get(f"ZUTUAN_LAYER_{name}") or f"{SAMPLE}|layername={name}"
            if "layername=" in path and not os.path.exists(path.split("|")[0]):
                continue
            lyr = QgsVectorLayer(path, name, "ogr")
            if lyr.isValid():
                style = STYLES.get(name)
                if style:
                    lyr.loadNamedStyle(os.path.join(STYLE_DIR, style))
                QgsProject.instance().addMapLayer(lyr)
        status["layers"] = sorted(l.name() for l in QgsProject.instance().mapLayers().values())
        status["plugin_loaded"] = "zutuan" in plugins
        dock = plugins["zutuan"].dock if "zutuan" in plugins else None
        status["dock"] = dock is not None
        if dock is not None:
            dock.show()
            dock.raise_()
            dock.refresh()
            status["tree_top_level"] = dock.tree.topLevelItemCount()
            status["summary"] = dock.summary.text()
            status["provider"] = any(p.id() == "zutuan" for p in
                                     __import__("qgis.core").core.QgsApplication.processingRegistry().providers())
        iface.mapCanvas().zoomToFullExtent()
        iface.mapCanvas().refresh()
    except Exception:  # noqa: BLE001 - report everything to the test
        status["error"] = traceback.format_exc()
    QTimer.singleShot(4000, shoot)


def shoot():
    try:
        iface.mainWindow().grab().save(OUT)
        status["ok"] = os.path.exists(OUT)
    except Exception:  # noqa: BLE001
        status["error"] = traceback.format_exc()
    with open(OUT + ".json", "w", encoding="utf-8") as fh:
        json.dump(status, fh, ensure_ascii=False)
    QApplication.instance().exit(0)


QTimer.singleShot(6000, load)
