"""Run inside the real QGIS desktop (qgis --code): the planner's chain through the dock's own buttons, found by their
visible text, on the sample zone; a screenshot of each state and a JSON status for test/qgis/test_desktop.py.

1. roads and cadastre loaded, no 一张图 layers: 新建规划 → 划分单元 → 划分地块 → 审查 (refused, says what is missing);
   the dock's units and plots compared with the Toolbox's (processing.run with the same layers);
2. the 一张图 layers and the DEM loaded (the dock matches them): 审查 → findings; a finding clicked (zoom);
3. a plot edited → the review says it is stale;
4. 导出 → the folder dialog answered → the workbook, CSV, 图则 and report in the folder.
"""
import json
import os
import traceback

from qgis.core import QgsFeatureRequest, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit
from qgis.utils import iface, plugins

OUT = os.environ["ZUTUAN_SHOT_DIR"]
SAMPLE = os.environ["ZUTUAN_SAMPLE"]
DEM = os.path.join(os.path.dirname(SAMPLE), "dem.tif")
PLAN = os.path.join(OUT, "plan.gpkg")
EXPORT = os.path.join(OUT, "export")
status = {"ok": False, "shots": []}


def add(*names):
    for name in names:
        lyr = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
        if name in ("ghfq", "czkfbj", "zongdi"):
            lyr.setOpacity(0.3)  # context under the plan, as a planner sets it
        QgsProject.instance().addMapLayer(lyr)


def dock():
    return plugins["zutuan"].dock


def click(label):
    button = next(b for b in dock().action_buttons.values() if b.text() == label)
    status.setdefault("clicked", []).append([label, button.isEnabled()])
    button.click()


def shot(name):
    QApplication.processEvents()
    path = os.path.join(OUT, name)
    iface.mainWindow().grab().save(path)
    status["shots"].append(name)


def idle():
    return not dock().runner.busy()


def message():
    return getattr(dock(), "last_message", "")


def feature_map(layer, code):
    return {f[code]: f.geometry() for f in layer.getFeatures()}


def same_layers(dock_layer, toolbox_layer, code):
    """(same codes, largest symmetric difference in m²) of two subdivisions."""
    a, b = feature_map(dock_layer, code), feature_map(toolbox_layer, code)
    diff = max((a[k].symDifference(b[k]).area() for k in a if k in b), default=0.0)
    return sorted(a) == sorted(b), diff


def compare_with_toolbox():
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    # the Toolbox with Processing ▸ Options ▸ Invalid features filtering = "Do not filter": the algorithms repair
    # the sample's bow-tie parcel themselves (the default setting would stop the run or drop the parcel)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    feedback = QgsProcessingFeedback()
    d = dock()
    roads = QgsProject.instance().mapLayersByName("daolu")[0]
    units = processing.run("zutuan:subdivideunits", {
        "INPUT": d.role("cluster"), "ROADS": roads, "CLASS_FIELD": "DLDJ", "WIDTH_FIELD": "HXKD",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ROADS": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)
    plots = processing.run("zutuan:subdivideplots", {
        "INPUT": d.role("unit"), "CADASTRE": QgsProject.instance().mapLayersByName("zongdi")[0],
        "ROADS": units["OUTPUT_ROADS"], "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)["OUTPUT"]

    def as_layer(value):  # processing.run returns the layer objects
        return value if isinstance(value, QgsVectorLayer) else context.getMapLayer(value)
    status["units_same"], status["units_diff_m2"] = same_layers(d.role("unit"), as_layer(units["OUTPUT"]), "DYBH")
    status["plots_same"], status["plots_diff_m2"] = same_layers(d.role("plot"), as_layer(plots), "DKBH")
    status["n_plots"] = d.role("plot").featureCount()
    lines = [f.geometry() for f in roads.getFeatures()]
    crossing = 0
    for f in d.role("plot").getFeatures():
        if any(f.geometry().intersection(line).length() > 1.0 for line in lines):
            crossing += 1
    status["plots_crossing_roads"] = crossing


def answer_file_dialog(path, key):
    """Answer the dock's file dialog as the planner would: type the path, press OK."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QFileDialog):
        status[key] = box.windowTitle()
        box.setDirectory(os.path.dirname(path) if key == "plan_dialog" else path)
        edit = box.findChild(QLineEdit)
        if edit is not None:
            edit.setText(path)
        buttons = box.findChild(QDialogButtonBox)
        ok = next(b for b in buttons.buttons() if buttons.buttonRole(b) == QDialogButtonBox.AcceptRole)
        ok.click()
    else:
        QTimer.singleShot(300, lambda: answer_file_dialog(path, key))


def step_start():
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)  # no window manager under Xvfb: no maximise
    add("daolu", "zongdi", "zutuan")
    d = dock()
    d.show()
    iface.mainWindow().resizeDocks([d], [560], Qt.Horizontal)
    status["roles_start"] = {k: v.name() for k, v in d.roles.layers().items() if v is not None}
    QTimer.singleShot(500, lambda: answer_file_dialog(PLAN, "plan_dialog"))
    click("新建规划")
    return idle


def step_units():
    status["after_plan"] = message()
    click("划分单元")
    return idle


def step_plots():
    status["after_units"] = message()
    click("划分地块")
    return idle


def step_refused():
    status["after_plots"] = message()
    compare_with_toolbox()
    click("审查")
    status["refused"] = message()
    status["refused_ran"] = dock().runner.busy()
    iface.mapCanvas().setExtent(dock().role("cluster").extent())
    shot("dock_review_refused.png")
    return idle


def step_review():
    add("stbhhx", "yjjbnt", "czkfbj", "ghfq")
    dem = QgsRasterLayer(DEM, "dem")
    QgsProject.instance().addMapLayer(dem, False)
    QgsProject.instance().layerTreeRoot().addLayer(dem)  # at the bottom, under the plan
    status["roles_review"] = {k: v.name() for k, v in dock().roles.layers().items() if v is not None}
    click("审查")
    return idle


def step_findings():
    d = dock()
    status["review"] = message()
    status["findings"] = d.review.list.topLevelItemCount()
    plots = d.role("plot")
    status["scjl"] = {}
    for f in plots.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
        status["scjl"][f["DKBH"]] = f["SCJL"]
    status["conflict_rules"] = sorted({f["GZMC"] for f in d.review.layer.getFeatures()})
    item = d.review.list.topLevelItem(0)
    before = iface.mapCanvas().extent()
    d.review.list.itemClicked.emit(item, 0)
    after = iface.mapCanvas().extent()
    status["zoomed"] = after.width() < before.width()
    status["zoomed_to"] = item.text(0)
    iface.mapCanvas().setExtent(d.role("cluster").extent())
    d.roles.setCollapsed(True)  # the planner folds the layer list away once it is right
    QApplication.processEvents()
    d.tabs.currentWidget().ensureWidgetVisible(d.review.list)
    shot("dock_review.png")
    return None


def step_stale():
    d = dock()
    plots = d.role("plot")
    feat = next(f for f in plots.getFeatures() if f["SCJL"] == "合规")
    plots.startEditing()
    plots.changeGeometry(feat.id(), feat.geometry().buffer(-5.0, 4))
    status["stale_scjl"] = plots.getFeature(feat.id())["SCJL"]
    status["stale_label"] = d.review.status.text()
    shot("dock_stale.png")
    plots.rollBack()
    status["after_rollback"] = d.review.status.text()
    return None


def step_export():
    os.makedirs(EXPORT, exist_ok=True)
    QTimer.singleShot(500, lambda: answer_file_dialog(EXPORT, "folder_dialog"))
    click("导出")
    return idle


def step_exported():
    status["export_message"] = message()
    from qgis.core import QgsSettings

    status["remembered_folder"] = QgsSettings().value("zutuan/export_folder", "")
    status["exported"] = sorted(os.listdir(EXPORT))
    shot("dock_export.png")
    return None


STEPS = [step_start, step_units, step_plots, step_refused, step_review, step_findings, step_stale, step_export,
         step_exported]


def run(i=0):
    try:
        if i >= len(STEPS):
            return finish()
        status["step"] = STEPS[i].__name__
        save()
        wait = STEPS[i]()
        poll(wait, i + 1)
    except Exception:  # noqa: BLE001 - report everything to the test
        status["error"] = traceback.format_exc()
        finish()


def poll(wait, i):
    if wait is None or wait():
        QTimer.singleShot(800, lambda: run(i))
    else:
        QTimer.singleShot(200, lambda: poll(wait, i))


def save():
    with open(os.path.join(OUT, "status.json"), "w", encoding="utf-8") as fh:
        json.dump(status, fh, ensure_ascii=False, default=str)


def finish():
    status["ok"] = "error" not in status
    save()
    QApplication.instance().exit(0)


def watchdog():
    """Stuck (a dialog nobody answers, a task that never ends): say where, with a picture, and quit."""
    modal = QApplication.activeModalWidget()
    status["error"] = f"timeout in {status.get('step')}; modal: {type(modal).__name__ if modal else None} " \
                      f"{modal.windowTitle() if modal else ''}; message: {message()}"
    if modal is not None:
        from qgis.PyQt.QtWidgets import QLabel, QTextEdit

        texts = [w.toPlainText() for w in modal.findChildren(QTextEdit)] + [w.text() for w in modal.findChildren(QLabel)]
        status["error"] += "\n" + "\n".join(t for t in texts if t)[-3000:]
    shot("timeout.png")
    save()
    os._exit(1)


QTimer.singleShot(int(os.environ.get("ZUTUAN_DESKTOP_TIMEOUT", "300")) * 1000, watchdog)
QTimer.singleShot(6000, run)
