"""The 小组团 dock in real QGIS (offscreen): tree, live summary, following edits, control editor."""
import time

import pytest
from helpers import memory_layer
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QApplication, QTreeWidgetItem


def _box(x, y, w=100, h=100):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


@pytest.fixture
def plan(plugin):
    x0, y0 = 500000, 2440000
    clusters = memory_layer([_box(x0, y0, 400, 200)], fields=(("ZTBH", "string"), ("CYL", "string")),
                            attrs=[("Z01", "红木加工")], name="zutuan")
    units = memory_layer([_box(x0, y0, 200, 200), _box(x0 + 200, y0, 200, 200)],
                         fields=(("DYBH", "string"), ("ZTBH", "string")), attrs=[("Z01-01", "Z01"), ("Z01-02", "Z01")],
                         name="danyuan")
    plots = memory_layer([_box(x0, y0), _box(x0 + 100, y0), _box(x0 + 200, y0, 200, 200)],
                         fields=(("DKBH", "string"), ("YDYHFLDM", "string"), ("YDMJ", "double"), ("RJLXX", "double"),
                                 ("TZQD", "double"), ("SCJL", "string")),
                         attrs=[("Z01-01-01", "100101", 10000.0, 1.0, 3000.0, "合规"),
                                ("Z01-01-02", "1101", None, None, None, "不合规"),
                                ("Z01-02-01", "1001", 40000.0, 1.2, 2500.0, None)], name="dikuai")
    QgsProject.instance().addMapLayers([clusters, units, plots])
    from zutuan.plugin.gui.dock import PlanDock

    dock = PlanDock(None)
    dock.refresh()
    yield dock, clusters, units, plots
    dock.teardown()
    QgsProject.instance().removeAllMapLayers()


def _wait(dock, ms=600):
    end = time.time() + ms / 1000
    while time.time() < end:
        QApplication.processEvents()


def test_dock_detects_layers_and_builds_tree(plan):
    dock, clusters, units, plots = plan
    assert dock.layer("cluster") is clusters and dock.layer("unit") is units and dock.layer("plot") is plots
    top = dock.tree.topLevelItem(0)
    assert dock.tree.topLevelItemCount() == 1 and top.text(0) == "Z01" and top.text(1) == "红木加工"
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["Z01-01", "Z01-02"]
    u1 = top.child(0)
    # plot rows are made when a unit is opened (a 10,000-plot plan refreshes faster)
    assert u1.childCount() == 0 and u1.childIndicatorPolicy() == QTreeWidgetItem.ShowIndicator
    dock.tree.expandItem(u1)
    assert [u1.child(i).text(0) for i in range(u1.childCount())] == ["Z01-01-01", "Z01-01-02"]
    assert u1.child(1).text(2) == "1.00"  # YDMJ empty → measured from the geometry (100 m × 100 m)
    s = dock.summary_data
    assert s["plots"] == 3 and s["area_m2"] == pytest.approx(60000.0)
    assert s["floor_area_m2"] == pytest.approx(10000 * 1.0 + 40000 * 1.2)
    assert s["min_investment_wan"] == pytest.approx(3000 * 1 + 2500 * 4)
    assert s["open_findings"] == 1 and s["missing_far"] == 1
    assert "待处理问题" in dock.summary.text()


def test_dock_follows_edits_and_selection(plan):
    dock, _, _, plots = plan
    dock.tree.expandItem(dock.tree.topLevelItem(0))
    dock.tree.expandItem(dock.tree.topLevelItem(0).child(1))
    plots.startEditing()
    fid = next(f.id() for f in plots.getFeatures() if f["DKBH"] == "Z01-02-01")
    plots.changeAttributeValue(fid, plots.fields().lookupField("DKBH"), "Z01-02-09")
    _wait(dock)
    u2 = dock.tree.topLevelItem(0).child(1)
    assert u2.isExpanded() and u2.child(0).text(0) == "Z01-02-09"  # still open after the refresh, rows rebuilt
    plots.rollBack()
    plots.selectByExpression("\"DKBH\" = 'Z01-01-01'")
    assert dock.summary_data["plots"] == 1 and "所选地块" in dock.summary.text()
    # tree → map: selecting a tree node selects its feature
    plots.removeSelection()
    dock.tree.expandItem(dock.tree.topLevelItem(0).child(0))
    item = dock.tree.topLevelItem(0).child(0).child(1)
    item.setSelected(True)
    assert [f["DKBH"] for f in plots.selectedFeatures()] == ["Z01-01-02"]


def test_control_editor_applies_to_selection(plan):
    dock, _, _, plots = plan
    plots.selectByExpression("\"DKBH\" LIKE 'Z01-01-%'")
    dock.spins["RJLXX"].setValue(1.5)
    assert dock.editor_values() == {"RJLXX": 1.5}
    assert dock.apply_controls() == 2
    vals = {f["DKBH"]: f["RJLXX"] for f in plots.getFeatures()}
    assert vals == {"Z01-01-01": 1.5, "Z01-01-02": 1.5, "Z01-02-01": 1.2}
    plots.rollBack()


def test_actions_fill_parameters_from_the_dock(plan):
    dock, clusters, _, plots = plan
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById("zutuan:calcarea")
    plots.selectByExpression("\"DKBH\" = 'Z01-01-01'")
    params, missing = dock.algorithm_parameters(alg, "plot")
    assert missing == [] and params["INPUT"].source.staticValue() == plots.id() and params["INPUT"].selectedFeaturesOnly
    task = dock.run_in_background(alg, params)
    done = time.time() + 60
    while time.time() < done and not any(l.name().startswith("计算用地面积") for l in QgsProject.instance().mapLayers().values()):
        QApplication.processEvents()
        time.sleep(0.02)
    out = [l for l in QgsProject.instance().mapLayers().values() if l.name().startswith("计算用地面积")]
    assert task is not None and out and out[0].featureCount() == 1
    assert next(out[0].getFeatures())["YDMJ"] == pytest.approx(10000.0)


def test_control_editor_marks_values_outside_the_standard(plan):
    dock, _, _, _ = plan
    idx = dock.landuse.findData("100101")
    assert idx > 0 and "一类工业用地" in dock.landuse.itemText(idx)
    dock.landuse.setCurrentIndex(idx)
    dock.hydm.setText("C20")
    dock.spins["LDLSX"].setValue(25)
    problems = dock._validate_editor()
    assert [p["field"] for p in problems] == ["LDLSX"]
    assert "background" in dock.spins["LDLSX"].styleSheet() and "2008" in dock.spins["LDLSX"].toolTip()
    assert "高于标准上限" in dock.editor_msg.text()
    dock.spins["LDLSX"].setValue(15)
    assert dock._validate_editor() == [] and dock.spins["LDLSX"].styleSheet() == ""
