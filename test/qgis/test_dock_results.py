"""Results beside the plan in the 小组团 dock, in real QGIS (offscreen): the latest 亩均效益 grades of zutuan:mujun and\nthe plan's feasibility (zutuan:cashflow) with its suggestions, 方案 1 applied as a new plan version and undone; a
sketched cluster previewed as units and plots."""
import csv

import pandas as pd
import pytest
from helpers import memory_layer
from qgis.core import QgsProject, QgsVectorLayer
from test_dock import _click, _copy_plan, _dock, _sample_layers, _wait, chain, plan  # noqa: F401  (fixtures)

import processing

HEAD = ["统一社会信用代码", "企业名称", "地块编号", "年度", "税收（万元）", "增加值（万元）", "综合能耗（吨标准煤）",
        "主要污染物排放（吨）", "从业人员（人）", "研发经费（万元）", "营业收入（万元）", "固定资产投资累计（万元）"]
# 甲 on the two 1 ha plots, 乙 on the 4 ha plot (test_monitoring.py's hand case, 2023; 2022 an earlier year)
STATS = [["91451481MA0000001L", "甲", "Z01-01-01；Z01-01-02", 2023, 45, 450, 150, 15, 75, 15, 1500, 120000],
         ["91451481MA0000002P", "乙", "Z01-02-01", 2023, 7.5, 75, "", 2.5, 15, 0, 250, 2000],
         ["91451481MA0000001L", "甲", "Z01-01-01；Z01-01-02", 2022, 5, 50, 150, 15, 75, 15, 1500, 120000],
         ["91451481MA0000002P", "乙", "Z01-02-01", 2022, 70, 700, 10, 2.5, 15, 0, 250, 2000]]


def _mujun(plots, tmp_path, year=None):
    path = tmp_path / "stats.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEAD, *STATS])
    params = {"INPUT": plots, "STATS": str(path), "OUTPUT": "memory:", "OUTPUT_TABLE": str(tmp_path / "亩均.xlsx")}
    if year is not None:
        params["YEAR"] = year
    out = processing.run("zutuan:mujun", params)["OUTPUT"]
    out.setName("亩均效益地块")
    return out


def test_dock_shows_latest_mujun_grades(plan, tmp_path):  # noqa: F811
    dock, _, _, plots = plan
    layer = _mujun(plots, tmp_path)
    want = {f["DKBH"]: f["MJDJ"] for f in layer.getFeatures()}
    assert len(want) == 3 and len(set(want.values())) == 2  # 甲's two plots share a grade, 乙 has another
    QgsProject.instance().addMapLayer(layer)
    _wait()
    # found by name and fields as the 亩均效益 role, never taken for the plan's plot layer
    assert dock.role("mujun") is layer and dock.layer("plot") is plots
    dock.refresh()
    assert dock.mujun_year == 2023
    unit1 = dock.tree.topLevelItem(0).child(0)
    dock.tree.expandItem(unit1)
    shown = {unit1.child(i).text(0): unit1.child(i).text(5) for i in range(unit1.childCount())}
    assert shown == {k: want[k] for k in ("Z01-01-01", "Z01-01-02")}
    # the summary counts the grades of the plots in scope: all, then one selected plot
    text = dock.summary.text()
    assert "亩均效益等级 2023" in text
    for grade in set(want.values()):
        assert f"<b>{grade}</b></span> {list(want.values()).count(grade)}" in text
    plots.selectByExpression("\"DKBH\" = 'Z01-02-01'")
    text = dock.summary.text()
    assert f"<b>{want['Z01-02-01']}</b></span> 1" in text and f"<b>{want['Z01-01-01']}</b>" not in text
    # an earlier year's evaluation assigned instead: its grades replace the latest year's
    old = _mujun(plots, tmp_path, year=2022)
    old_grades = {f["DKBH"]: f["MJDJ"] for f in old.getFeatures()}
    assert old_grades != want
    QgsProject.instance().addMapLayer(old)
    assert dock.roles.assign("mujun", old)
    dock.refresh()
    assert dock.mujun_year == 2022
    assert {p["DKBH"]: p["MJDJ"] for p in dock._records["plot"]} == old_grades


def test_plots_without_statistics_are_counted_unevaluated(plan, tmp_path):  # noqa: F811
    dock, _, _, plots = plan
    layer = _mujun(plots, tmp_path)
    layer.startEditing()
    layer.deleteFeatures([f.id() for f in layer.getFeatures() if f["DKBH"] == "Z01-02-01"])
    assert layer.commitChanges()
    QgsProject.instance().addMapLayer(layer)
    _wait()
    dock.refresh()
    assert "未评价（无统计数据） 1" in dock.summary.text()
    assert sum(1 for p in dock._records["plot"] if p["MJDJ"]) == 2


def test_feasibility_suggestions_applied_and_undone(chain, tmp_path):  # noqa: F811
    from zutuan.plugin.gui import plan_store

    path = _copy_plan(chain, tmp_path)
    _sample_layers(("daolu",))
    for table in ("zutuan", "danyuan", "dikuai"):
        plan_store.open_layer(path, table)
    dock = _dock()
    dock.steps.search_seconds = 20
    dock.feasibility.peak_limit.setValue(55000)  # below the plan's own peak funding: the search has work to do
    fields = ("DKBH", "YDYHFLDM", "RJLXX")
    try:
        before = sorted(tuple(f[k] for k in fields) for f in dock.role("plot").getFeatures())
        message = _click(dock, "可行性测算")
        panel = dock.feasibility
        res = panel.results
        assert message.startswith("可行性测算完成"), message
        assert f"<b>{res['NPV']:,.0f}</b>" in panel.status.text() and f"<b>{res['PEAK_NEED']:,.0f}</b>" in panel.status.text()
        sheet = pd.read_excel(res["OUTPUT"], sheet_name="调整建议")
        plans = [p for p in sheet["方案 plan"].dropna().unique() if str(p).startswith("方案")]
        assert [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())] == plans
        assert plans, panel.status.text()
        # only 方案 1 is written by zutuan:cashflow: the button follows the selection
        if len(plans) > 1:
            panel.list.topLevelItem(1).setSelected(True)
            assert not panel.apply_button.isEnabled()
            panel.list.clearSelection()
        panel.list.topLevelItem(0).setSelected(True)
        assert panel.apply_button.isEnabled()
        panel.apply_button.click()
        _wait()
        version = QgsVectorLayer(res["OUTPUT_PLAN"], "v", "ogr")
        want = sorted(tuple(f[k] for k in fields) for f in version.getFeatures())
        after = sorted(tuple(f[k] for k in fields) for f in dock.role("plot").getFeatures())
        assert after == want and after != before
        assert plan_store.plan_of(dock.role("plot")) == path and "已应用方案 1" in dock.last_message
        assert dock.action_buttons["undo"].isEnabled()
        dock.action_buttons["undo"].click()
        _wait()
        assert sorted(tuple(f[k] for k in fields) for f in dock.role("plot").getFeatures()) == before
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_sketched_cluster_previews_units_and_plots(plugin):
    from qgis.gui import QgsMapCanvas
    from zutuan.plugin.gui.sketch import ClusterSketchTool

    layers = _sample_layers(("zutuan", "daolu"))
    sample = next(layers["zutuan"].getFeatures())
    QgsProject.instance().setCrs(layers["zutuan"].crs())
    dock = _dock()
    panel = dock.sketch
    panel.target_ha.setValue(1.5)
    panel.min_width.setValue(40)
    try:
        # the tool closes the vertices it was given into the polygon it hands to the panel
        drawn = []
        canvas = QgsMapCanvas()
        tool = ClusterSketchTool(canvas, drawn.append)
        ring = sample.geometry().asMultiPolygon()[0][0] if sample.geometry().isMultipart() \
            else sample.geometry().asPolygon()[0]
        for pt in ring[:-1]:
            tool.add_point(pt)
        assert tool.finish() is drawn[0] and drawn[0].area() == pytest.approx(sample.geometry().area())
        units, plots = panel.preview(drawn[0])
        # the same algorithms on the same polygon, run here directly, give the same units and plots
        cluster = memory_layer([drawn[0].asWkt()], crs=layers["zutuan"].crs().authid(), fields=(("ZTBH", "string"),),
                               attrs=[("CG01",)])
        u = processing.run("zutuan:subdivideunits", {"INPUT": cluster, "ROADS": layers["daolu"], "CLASS_FIELD": "DLDJ",
                                                     "WIDTH_FIELD": "HXKD", "OUTPUT": "memory:",
                                                     "OUTPUT_ROADS": "memory:"})
        p = processing.run("zutuan:subdivideplots", {"INPUT": u["OUTPUT"], "ROADS": u["OUTPUT_ROADS"], "OUTPUT": "memory:",
                                                     "TARGET_AREA": 15000, "MIN_AREA": 7500, "MAX_AREA": 45000,
                                                     "MIN_WIDTH": 40})
        assert units.featureCount() == u["N_UNITS"] > 1 and plots.featureCount() == p["N_PLOTS"] > units.featureCount()
        assert sorted(f["DKBH"] for f in plots.getFeatures()) == sorted(f["DKBH"] for f in p["OUTPUT"].getFeatures())
        assert f"{int(u['N_UNITS'])} 个单元" in panel.status.text()
        # previews are never taken for the plan's roles; discard removes them, keep leaves them in the project
        assert dock.role("unit") is None and dock.role("plot") is None and len(panel.layers) == 3
        panel.discard_button.click()
        assert not any("预览" in lyr.name() for lyr in QgsProject.instance().mapLayers().values())
        panel.preview(drawn[0])
        assert panel.keep_button.isEnabled() and panel.keep() == 3
        names = {lyr.name() for lyr in QgsProject.instance().mapLayers().values()}
        assert {"草图组团", "草图单元", "草图地块"} <= names and dock.role("plot") is None
        # the dock going away takes its sketch tool off the canvas
        canvas.setMapTool(tool)
        panel.tool = tool
        dock.teardown()
        assert canvas.mapTool() is None and panel.tool is None
    finally:
        dock.teardown()
        QgsProject.instance().removeAllMapLayers()


def test_sketch_tool_snaps_to_configured_layers(plugin):
    from qgis.core import QgsPointXY, QgsRectangle, QgsSnappingConfig, QgsTolerance
    from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from zutuan.plugin.gui.sketch import ClusterSketchTool

    parcels = memory_layer(["POLYGON((500000 2440000, 500100 2440000, 500100 2440100, 500000 2440100, 500000 2440000))"],
                           fields=(("ZDDM", "string"),), attrs=[("Z1",)], name="宗地")
    QgsProject.instance().addMapLayer(parcels)
    canvas = QgsMapCanvas()
    canvas.resize(400, 400)
    canvas.setDestinationCrs(parcels.crs())
    canvas.setLayers([parcels])
    canvas.setExtent(QgsRectangle(499900, 2439900, 500300, 2440300))
    canvas.refresh()
    try:
        tool = ClusterSketchTool(canvas, lambda g: None)

        def click(x, y):
            pixel = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
            event = QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, QPoint(int(pixel.x()), int(pixel.y())),
                                     Qt.LeftButton)
            tool.canvasReleaseEvent(event)
            return tool.points[-1]

        # snapping off: the clicked point; on (vertices, 15 px): the parcel's corner 3 m away
        off = click(500003, 2440003)
        assert abs(off.x() - 500000) > 1
        config = QgsSnappingConfig(QgsProject.instance())
        config.setEnabled(True)
        config.setMode(QgsSnappingConfig.AllLayers)
        config.setTypeFlag(QgsSnappingConfig.VertexFlag)
        config.setTolerance(15)
        config.setUnits(QgsTolerance.Pixels)
        QgsProject.instance().setSnappingConfig(config)
        utils = canvas.snappingUtils()
        utils.setConfig(config)
        utils.setMapSettings(canvas.mapSettings())
        utils.setIndexingStrategy(utils.IndexAlwaysFull)  # a synchronous index in a test (QGIS's own may be lazy)
        on = click(500003, 2440003)
        assert (on.x(), on.y()) == pytest.approx((500000, 2440000))
    finally:
        QgsProject.instance().removeAllMapLayers()
