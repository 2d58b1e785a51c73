"""zutuan:exportindicatortable in real QGIS: processing.run and qgis_process.bin, workbook read back."""
import csv
import os

import openpyxl
import pytest
from helpers import memory_layer
from qgis.core import QgsProcessingException

import processing

FIELDS = (("DKBH", "string"), ("YDYHFLDM", "string"), ("YDYHFLMC", "string"), ("RJLXX", "double"),
          ("TZQD", "double"))


def _box(x, w, h, y=2440000):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def _plots():
    # 0.5 ha, 0.3 ha (unit Z01-01), 0.2 ha (unit Z01-02), 0.4 ha (cluster Z02) in EPSG:4545 (metres)
    wkts = [_box(500000, 100, 50), _box(500200, 60, 50), _box(500400, 40, 50), _box(500600, 80, 50)]
    attrs = [("Z01-01-01", "100101", "一类工业用地", 1.2, 3000.0), ("Z01-01-02", "1101", "物流仓储用地", None, None),
             ("Z01-02-01", "1401", "公园绿地", None, None), ("Z02-01-01", "1701", "河流水面", None, None)]
    return memory_layer(wkts, crs="EPSG:4545", fields=FIELDS, attrs=attrs, name="地块")


def _rows(ws):
    return [[c.value for c in r] for r in ws.iter_rows(min_row=4)]


def test_processing_run_writes_the_workbook(plugin, tmp_path):
    out = str(tmp_path / "表.xlsx")
    res = processing.run("zutuan:exportindicatortable", {"INPUT": _plots(), "OUTPUT": out,
                                                         "OUTPUT_CSV": str(tmp_path / "表.csv")})
    assert res["OUTPUT"] == out and res["PLOT_COUNT"] == 4
    assert res["TOTAL_HA"] == pytest.approx(1.4, abs=1e-9)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["地块控制指标一览表", "单元与组团汇总", "用地平衡表"]
    rows = _rows(wb["地块控制指标一览表"])
    by_label = {r[0]: r for r in rows if r[0] and "计" in str(r[0])}
    assert by_label["单元 Z01-01 小计"][5] == pytest.approx(0.8)
    assert by_label["组团 Z01 合计"][5] == pytest.approx(1.0)
    assert by_label["组团 Z02 合计"][5] == pytest.approx(0.4)
    assert by_label["总计"][5] == pytest.approx(1.4)
    plot = next(r for r in rows if r[2] == "Z01-01-02")
    assert plot[1] == "Z01-01" and plot[0] == "Z01"        # derived from the plot code
    assert plot[6] == "未赋值：原因未记录（ZBLY 无此项）"      # NULL 容积率 and no ZBLY: says so, never 0
    with open(res["OUTPUT_CSV"], encoding="utf-8-sig") as fh:
        assert next(csv.reader(fh))[2] == "地块编号"
    balance = _rows(wb["用地平衡表"])
    constr = next(r for r in balance if r[3] == "建设用地")
    assert constr[4] == pytest.approx(1.0) and constr[5] == pytest.approx(15.0) and constr[6] == pytest.approx(1.0 / 1.4 * 100)
    # no cluster or road layer: the balance says which lines are missing, the total is the plots only
    assert "未提供组团图层" in next(r for r in balance if r[3] == "组团内其他用地")[8]
    assert res["BALANCE_HA"] == pytest.approx(1.4)


def test_balance_of_the_planned_area_with_clusters_and_roads(plugin, tmp_path):
    """CLUSTERS + ROADS: the 用地平衡表 total is the clusters' area (plots + 1207 road + other land)."""
    clusters = memory_layer([_box(499990, 700, 80, y=2439990)], crs="EPSG:4545", fields=(("ZTBH", "string"),),
                            attrs=[("Z01",)], name="组团")                    # 5.6 ha
    roads = memory_layer([_box(500120, 40, 80, y=2439990)], crs="EPSG:4545", fields=(("DLDJ", "string"),),
                         attrs=[("支路",)], name="道路用地")                   # 0.32 ha, between two plots
    out = str(tmp_path / "平衡.xlsx")
    res = processing.run("zutuan:exportindicatortable", {"INPUT": _plots(), "CLUSTERS": clusters, "ROADS": roads,
                                                         "OUTPUT": out})
    assert res["BALANCE_HA"] == pytest.approx(5.6, abs=1e-9) and res["TOTAL_HA"] == pytest.approx(1.4)
    balance = _rows(openpyxl.load_workbook(out)["用地平衡表"])
    road = next(r for r in balance if r[2] == "1207")
    assert road[4] == pytest.approx(0.32, abs=1e-9) and road[5] == pytest.approx(4.8, abs=1e-8)
    other = next(r for r in balance if r[3] == "组团内其他用地")
    assert other[4] == pytest.approx(5.6 - 1.4 - 0.32, abs=1e-9)
    total = next(r for r in balance if r[3] == "总用地")
    assert total[4] == pytest.approx(5.6, abs=1e-9) and total[6] == pytest.approx(100.0)


def test_locked_target_gives_a_clear_error(plugin, tmp_path):
    out = tmp_path / "open.xlsx"
    out.write_bytes(b"old")
    (tmp_path / ".~lock.open.xlsx#").write_text("x")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:exportindicatortable", {"INPUT": _plots(), "OUTPUT": str(out)})
    assert "正被其他程序" in str(e.value) and "open in another program" in str(e.value)
    assert out.read_bytes() == b"old"


def test_qgis_process_headless(plugin, run_qgis_process, tmp_path):
    vl = _plots()
    gpkg = str(tmp_path / "plots.gpkg")
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(vl, gpkg, QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError
    out = str(tmp_path / "cli.xlsx")
    rc, data, text = run_qgis_process("zutuan:exportindicatortable",
                                      {"INPUT": gpkg, "OUTPUT": out, "LANGUAGE": 1, "COLUMNS": "DKBH,YDMJ"})
    assert rc == 0, text
    assert data["results"]["PLOT_COUNT"] == 4
    wb = openpyxl.load_workbook(out)
    ws = wb["Plot controls"]
    assert [ws.cell(row=2, column=i).value for i in (1, 2)] == ["Plot", "Land area"]
    assert next(r for r in _rows(ws) if r[0] == "Grand total")[1] == pytest.approx(1.4)
    assert os.path.getsize(out) > 0


def test_findings_get_their_plot_code(plugin, tmp_path):
    """A findings layer whose rows have a plot code, a unit code or only a geometry: every 审查结果 row names a plot
    (or its unit / the whole plan)."""
    fields = (("GZBH", "string"), ("GZMC", "string"), ("YZCD", "string"), ("BH", "string"), ("SM", "string"))
    findings = memory_layer([_box(500210, 10, 10), "POLYGON EMPTY", _box(500010, 10, 10), "POLYGON EMPTY"],
                            crs="EPSG:4545", fields=fields, name="问题",
                            attrs=[("MP-ECO", "生态保护红线", "错误", None, "仅图形 / geometry only"),
                                   ("HIER-UNIT", "单元", "警告", "Z01-02", "单元 / unit"),
                                   ("STD-FAR-MIN", "容积率下限", "错误", "Z01-01-01", "编号 / code"),
                                   ("STD-HYDM-UNMAPPED", "行业代码", "未检查", "29", "全区 / whole plan")])
    out = str(tmp_path / "审查.xlsx")
    processing.run("zutuan:exportindicatortable", {"INPUT": _plots(), "FINDINGS": findings, "OUTPUT": out})
    rows = [r for r in _rows(openpyxl.load_workbook(out)["审查结果"]) if r[0] and not str(r[0]).startswith("注")]
    assert [r[3] for r in rows] == ["Z01-01-02", "（单元 Z01-02）", "Z01-01-01", "（全区）"]
