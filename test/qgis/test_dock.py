"""The 小组团 dock in real QGIS (offscreen): layer roles, tree and live summary, the plan's steps through the dock's
own buttons (written into the plan GeoPackage, undoable), review refusal and staleness, failures with the
algorithm's own message, and the control editor."""
import os
import shutil
import time

import pytest
from conftest import SAMPLE
from helpers import memory_layer
from qgis.core import QgsGeometry, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QTreeWidgetItem

CONTEXT = ("stbhhx", "yjjbnt", "czkfbj", "ghfq", "daolu", "zongdi")


def _box(x, y, w=100, h=100):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def _wait(cond=None, seconds=0.6):
    end = time.time() + (120 if cond else seconds)
    while time.time() < end and not (cond and cond()):
        QApplication.processEvents()
        time.sleep(0.01)


def _dock():
    from zutuan.plugin.gui.dock import PlanDock

    return PlanDock(None)


def _click(dock, label):
    """Click the dock's button with this visible text and wait for its step to finish."""
    button = next(b for b in dock.action_buttons.values() if b.text() == label)
    assert button.isEnabled(), label
    button.click()
    _wait(lambda: not dock.runner.busy())
    _wait()
    return dock.last_message


@pytest.fixture
def plan(plugin):
    x0, y0 = 500000, 2440000
    clusters = memory_layer([_box(x0, y0, 400, 200)], fields=(("ZTBH", "string"), ("CYL", "string")),
                            attrs=[("Z01", "红木加工")], name="zutuan")
    units = memory_layer([_box(x0, y0, 200, 200), _box(x0 + 200, y0, 200, 200)],
                         fields=(("DYBH", "string"), ("ZTBH", "string")), attrs=[("Z01-01", "Z01"), ("Z01-02", "Z01")],
                         name="danyuan")
    plots = memory_layer([_box(x0, y0), _box(x0 + 100, y0), _box(x0 + 200, y0, 200, 200)],
                         fields=(("DKBH", "string"), ("DYBH", "string"), ("ZTBH", "string"), ("YDYHFLDM", "string"),
                                 ("HYDM", "string"), ("YDMJ", "double"), ("RJLXX", "double"), ("TZQD", "double"),
                                 ("SCJL", "string")),
                         attrs=[("Z01-01-01", "Z01-01", "Z01", "100101", "13", 10000.0, 1.0, 3000.0, "合规"),
                                ("Z01-01-02", "Z01-01", "Z01", "1101", "21", None, None, None, "不合规"),
                                ("Z01-02-01", "Z01-02", "Z01", "1001", "13", 40000.0, 1.2, 2500.0, None)],
                         name="dikuai")
    QgsProject.instance().addMapLayers([clusters, units, plots])
    dock = _dock()
    dock.refresh()
    yield dock, clusters, units, plots
    dock.teardown()
    QgsProject.instance().removeAllMapLayers()


def _sample_layers(names=CONTEXT + ("zutuan",)):
    layers = [QgsVectorLayer(f"{SAMPLE}|layername={n}", n, "ogr") for n in names]
    QgsProject.instance().addMapLayers(layers)
    return {lyr.name(): lyr for lyr in layers}


@pytest.fixture(scope="module")
def chain(plugin, tmp_path_factory):
    """The sample zone through the dock's buttons once: 新建规划 → 划分单元 → 划分地块 → 赋值指标 → 审查 (the plan is
    copied for each test that changes it)."""
    folder = tmp_path_factory.mktemp("chain")
    _sample_layers()
    dock = _dock()
    dock.ask_path = lambda *a, **k: str(folder / "plan.gpkg")
    messages = [_click(dock, label) for label in ("新建规划", "划分单元", "划分地块", "赋值指标", "审查")]
    state = {"messages": messages, "findings": dock.review.list.topLevelItemCount(),
             "status": dock.review.status.text(), "plots": dock.role("plot").featureCount(),
             "layers": sorted(lyr.name() for lyr in QgsProject.instance().mapLayers().values()),
             "undo_enabled": dock.action_buttons["undo"].isEnabled(),
             "far": {f["DKBH"]: f["RJLXX"] for f in dock.role("plot").getFeatures()}}
    dock.teardown()
    QgsProject.instance().removeAllMapLayers()
    return folder / "plan.gpkg", state


def _copy_plan(chain, tmp_path):
    target = tmp_path / "plan.gpkg"
    shutil.copy(chain[0], target)
    return str(target)


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
    _wait()
    u2 = dock.tree.topLevelItem(0).child(1)
    assert u2.isExpanded() and u2.child(0).text(0) == "Z01-02-09"  # still open after the refresh, rows rebuilt
    # areas follow geometry edits: the 4 ha plot reshaped to 1 ha, its stale YDMJ (40000) is not used
    plots.changeGeometry(fid, QgsGeometry.fromWkt(_box(500200, 2440000)))
    _wait()
    assert dock.summary_data["area_m2"] == pytest.approx(30000.0)
    plots.rollBack()
    plots.selectByExpression("\"DKBH\" = 'Z01-01-01'")
    assert dock.summary_data["plots"] == 1 and "所选地块" in dock.summary.text()
    # tree → map: selecting a tree node selects its feature
    plots.removeSelection()
    dock.tree.expandItem(dock.tree.topLevelItem(0).child(0))
    item = dock.tree.topLevelItem(0).child(0).child(1)
    item.setSelected(True)
    assert [f["DKBH"] for f in plots.selectedFeatures()] == ["Z01-01-02"]
    # the summary follows a unit chosen in the tree
    plots.removeSelection()
    dock.tree.clearSelection()
    dock.tree.topLevelItem(0).child(1).setSelected(True)
    assert dock.summary_data["plots"] == 1 and "Z01-02" in dock.summary.text()


def test_roles_found_refused_and_kept_in_the_project(plugin, tmp_path):
    layers = _sample_layers()
    QgsProject.instance().addMapLayer(QgsRasterLayer(os.path.join(os.path.dirname(SAMPLE), "dem.tif"), "dem"))
    dock = _dock()
    try:
        found = {k: lyr.name() for k, lyr in dock.roles.layers().items() if lyr is not None}
        assert found == {"cluster": "zutuan", "redline": "stbhhx", "farmland": "yjjbnt", "urban": "czkfbj",
                         "zoning": "ghfq", "roads": "daolu", "cadastre": "zongdi", "dem": "dem"}
        assert dock.zone_field() == "GHFQMC"
        # a cadastre is not a plot layer: refused with the reason in the dock's message bar
        dock.combos["plot"].setLayer(layers["zongdi"])
        assert dock.role("plot") is None and dock.combos["plot"].currentLayer() is None
        assert "zongdi 不能作为地块图层" in dock.last_message and "DKBH" in dock.last_message
        dock.combos["unit"].setLayer(layers["zutuan"])  # clusters lack the unit code
        assert dock.role("unit") is None and "缺少字段 DYBH" in dock.last_message
        # the planner's choice is kept in the project file
        dock.combos["other"].setLayer(layers["stbhhx"])
        project = str(tmp_path / "p.qgz")
        assert QgsProject.instance().write(project)
    finally:
        dock.teardown()
    QgsProject.instance().clear()
    assert QgsProject.instance().read(project)
    dock = _dock()
    try:
        assert dock.role("other").name() == "stbhhx" and dock.role("zoning").name() == "ghfq"
    finally:
        dock.teardown()
        QgsProject.instance().clear()


def test_chain_through_the_dock_buttons(chain):
    _, state = chain
    created, units, plots, controls, review = state["messages"]
    assert "已新建规划" in created and "已划分单元" in units and "已划分地块" in plots and "已赋值控制指标" in controls
    z01 = [v for code, v in state["far"].items() if code.startswith("Z01")]  # 农副食品加工 13: 2008 表2 ≥ 1.0
    assert z01 and all(v == pytest.approx(1.0) for v in z01)
    assert review.startswith("审查完成：合规") and "不合规" in review and "未检查" not in review
    n_fail = int(review.split("不合规 ")[1].split("，")[0])
    assert n_fail > 0 and state["findings"] >= n_fail
    assert state["undo_enabled"]
    # the plan's layers and the context layers, nothing else (no stray outputs)
    assert state["layers"] == sorted(["czkfbj", "daolu", "ghfq", "stbhhx", "yjjbnt", "zongdi", "zutuan", "一张图冲突",
                                      "单元", "地块", "组团", "道路红线用地"])


def test_plan_opens_styled_anywhere(chain):
    # the dock keeps the styles in the GeoPackage (layer_styles): QGIS opens plan.gpkg styled without the plugin
    plots = QgsVectorLayer(f"{chain[0]}|layername=dikuai", "x", "ogr")
    units = QgsVectorLayer(f"{chain[0]}|layername=danyuan", "y", "ogr")
    assert plots.renderer().type() == "categorizedSymbol" and plots.renderer().classAttribute()
    assert plots.labelsEnabled() and units.labelsEnabled()


def test_review_refuses_without_master_plan_layers(chain, tmp_path):
    path = _copy_plan(chain, tmp_path)
    from zutuan.plugin.gui import plan_store

    for table in ("zutuan", "danyuan", "dikuai"):
        plan_store.open_layer(path, table)
    dock = _dock()
    try:
        before = [f["SCJL"] for f in dock.role("plot").getFeatures()]
        assert not dock.run_step("review") and not dock.runner.busy()
        text = dock.last_message
        assert text.startswith("审查未运行") and all(n in text for n in ("生态保护红线", "永久基本农田", "城镇开发边界", "规划分区"))
        assert [f["SCJL"] for f in dock.role("plot").getFeatures()] == before
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_rereview_replaces_results_and_edits_make_it_stale(chain, tmp_path):
    path = _copy_plan(chain, tmp_path)
    from zutuan.plugin.gui import plan_store

    _sample_layers(("stbhhx", "yjjbnt", "czkfbj", "ghfq"))
    for table in ("zutuan", "danyuan", "dikuai", "yztchongtu"):
        plan_store.open_layer(path, table)
    dock = _dock()
    try:
        plots = dock.role("plot")
        failing = next(f for f in plots.getFeatures() if f["SCJL"] == "不合规" and f["CT_KFBJ"])
        code = failing["DKBH"]
        good = next(f for f in plots.getFeatures() if f["SCJL"] == "合规" and f["ZTBH"] == failing["ZTBH"])
        # an edit marks the plot's review stale, in the same edit: moved onto a compliant plot's land
        plots.startEditing()
        plots.changeGeometry(failing.id(), good.geometry().buffer(-2.0, 4))
        assert plots.getFeature(failing.id())["SCJL"] == "未审查"
        assert "审查已过期" in dock.review.status.text()
        assert not dock.run_step("review")  # unsaved edits: the plan is not overwritten under them
        assert "未保存的编辑" in dock.last_message
        assert plots.commitChanges()
        # the re-review replaces the old 不合规: the plot now lies inside the boundary
        assert _click(dock, "审查").startswith("审查完成")
        now = {f["DKBH"]: f["SCJL"] for f in dock.role("plot").getFeatures()}
        assert now[code] == "合规"
        assert "审查已过期" not in dock.review.status.text()
        # undo puts the earlier review back
        assert dock.undo()
        assert {f["DKBH"]: f["SCJL"] for f in dock.role("plot").getFeatures()}[code] == "未审查"
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_failure_shows_the_algorithms_own_message(plan, tmp_path):
    dock, _, units, _ = plan
    states = []
    dock.runner.started.connect(lambda *_: states.append([b.isEnabled() for b in dock.action_buttons.values()]))
    dock.runner.run("zutuan:subdivideplots", {"INPUT": units.id(), "TARGET_AREA": 0.0,
                                               "OUTPUT": str(tmp_path / "p.gpkg")}, lambda r, f: "ok")
    assert states and not any(states[0])  # buttons disabled while the task runs
    assert not dock.progress.isHidden() and not dock.cancel_button.isHidden()
    _wait(lambda: not dock.runner.busy())
    assert "单元划分地块 运行失败" in dock.last_message and "目标面积必须大于 0" in dock.last_message
    assert dock.progress.isHidden()
    assert all(b.isEnabled() for k, b in dock.action_buttons.items() if k != "undo")


def test_cancel_stops_the_step_and_leaves_the_plan(chain, tmp_path):
    path = _copy_plan(chain, tmp_path)
    from zutuan.plugin.gui import plan_store

    _sample_layers(("zongdi", "daolu"))
    for table in ("zutuan", "danyuan", "dikuai"):
        plan_store.open_layer(path, table)
    dock = _dock()
    try:
        before = [(f["DKBH"], f["SCJL"]) for f in dock.role("plot").getFeatures()]
        assert dock.run_step("plots") and dock.runner.busy()
        assert not dock.action_buttons["zutuan:checkmasterplan"].isEnabled()
        dock.cancel_button.click()
        _wait(lambda: not dock.runner.busy())
        assert dock.last_message.startswith("已取消") and dock.action_buttons["zutuan:checkmasterplan"].isEnabled()
        assert [(f["DKBH"], f["SCJL"]) for f in dock.role("plot").getFeatures()] == before  # the reviewed plots
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_step_on_a_selection_replaces_only_its_part(chain, tmp_path):
    path = _copy_plan(chain, tmp_path)
    from zutuan.plugin.gui import plan_store

    _sample_layers(("daolu",))
    for table in ("zutuan", "danyuan", "dikuai"):
        plan_store.open_layer(path, table)
    dock = _dock()
    try:
        units = dock.role("unit")
        before = {f["DYBH"]: f.geometry().asWkt(1) for f in units.getFeatures()}
        units.startEditing()  # a planner's note on the Z03 units: a whole-layer run would drop it
        for f in units.getFeatures("\"ZTBH\" = 'Z03'"):
            units.changeAttributeValue(f.id(), units.fields().lookupField("BZ"), "保留")
        assert units.commitChanges()
        dock.role("cluster").selectByExpression("\"ZTBH\" = 'Z01'")
        assert "所选 1 个" in _click(dock, "划分单元")
        after = {f["DYBH"]: (f.geometry().asWkt(1), f["BZ"]) for f in dock.role("unit").getFeatures()}
        assert {k: v[0] for k, v in after.items()} == before  # Z01 recomputed the same, the others kept
        assert {k for k, v in after.items() if v[1] == "保留"} == {k for k in before if k.startswith("Z03")}
        roads = {f["ZTBH"] for f in QgsVectorLayer(f"{path}|layername=daoluhx", "r", "ogr").getFeatures()}
        assert roads == {"Z01", "Z02", "Z03", "Z04"}
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_control_editor_shows_current_values(plan):
    dock, _, _, plots = plan
    editor = dock.editor
    plots.selectByExpression("\"DKBH\" = 'Z01-01-01'")
    assert editor.spins["RJLXX"].value() == pytest.approx(1.0) and editor.landuse.currentData() == "100101"
    assert editor.values() == {}  # showing the current values changes nothing
    plots.selectByExpression("\"DKBH\" LIKE 'Z01-%'")
    assert editor.spins["RJLXX"].value() == editor.spins["RJLXX"].minimum()
    assert "多个值 1–1.2" in editor.spins["RJLXX"].specialValueText()
    editor.spins["RJLXX"].setValue(1.5)
    assert editor.values() == {"RJLXX": 1.5}
    plots.selectByExpression("\"DKBH\" LIKE 'Z01-01-%'")
    editor.spins["RJLXX"].setValue(1.5)
    assert editor.apply() == 2
    assert {f["DKBH"]: f["RJLXX"] for f in plots.getFeatures()} == {"Z01-01-01": 1.5, "Z01-01-02": 1.5,
                                                                    "Z01-02-01": 1.2}
    plots.rollBack()


def test_control_editor_checks_each_plot_and_asks(plan):
    dock, _, _, plots = plan
    editor = dock.editor
    plots.selectByExpression("\"DKBH\" IN ('Z01-01-01', 'Z01-01-02')")  # industries 13 and 21
    editor.spins["RJLXX"].setValue(0.9)  # 2008 表2: 13 needs ≥ 1.0, 21 needs ≥ 0.8
    problems = editor.validate()
    assert [(p["field"], p["plots"]) for p in problems] == [("RJLXX", ["Z01-01-01"])]
    assert "background" in editor.spins["RJLXX"].styleSheet() and "Z01-01-01" in editor.message.text()
    editor.hydm.setText("21")  # every change re-validates: as furniture makers both plots meet 0.8
    assert editor.message.text() == "" and editor.spins["RJLXX"].styleSheet() == ""
    editor.hydm.setText("")
    assert "Z01-01-01" in editor.message.text()

    def answer(button):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
    editor.landuse.setCurrentIndex(0)
    QTimer.singleShot(300, lambda: answer(QMessageBox.No))
    assert editor.apply() == 0 and "未应用" in dock.last_message
    assert {f["DKBH"]: f["RJLXX"] for f in plots.getFeatures()}["Z01-01-01"] == 1.0
    QTimer.singleShot(300, lambda: answer(QMessageBox.Yes))
    assert editor.apply() == 2
    assert {f["DKBH"]: f["RJLXX"] for f in plots.getFeatures()}["Z01-01-01"] == pytest.approx(0.9)
    plots.rollBack()


def test_control_editor_marks_values_outside_the_standard(plan):
    dock, _, _, _ = plan
    editor = dock.editor
    idx = editor.landuse.findData("100101")
    assert idx > 0 and "一类工业用地" in editor.landuse.itemText(idx)
    editor.landuse.setCurrentIndex(idx)
    editor.hydm.setText("C20")
    editor.spins["LDLSX"].setValue(25)
    problems = editor.validate()
    assert [p["field"] for p in problems] == ["LDLSX"]
    assert "background" in editor.spins["LDLSX"].styleSheet() and "2008" in editor.spins["LDLSX"].toolTip()
    assert "高于标准上限" in editor.message.text()
    editor.landuse.setCurrentIndex(editor.landuse.findData("0701"))  # the drop-down re-validates: no industry limit
    assert editor.message.text() == "" and editor.spins["LDLSX"].styleSheet() == ""
    editor.landuse.setCurrentIndex(idx)
    assert "高于标准上限" in editor.message.text()
    editor.spins["LDLSX"].setValue(15)
    assert editor.validate() == [] and editor.spins["LDLSX"].styleSheet() == ""
