"""The monitoring algorithms in real QGIS 3.22: processing.run and qgis_process.bin, hand-computed cases."""
import csv

import openpyxl
import pytest
import yaml
from helpers import memory_layer
from qgis.core import QgsCoordinateTransformContext, QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QDate

import processing

Y = 2440000
CODES = ["91451481MA0000001L", "91451481MA0000002P", "91451481MA0000003T"]
HEAD = ["统一社会信用代码", "企业名称", "地块编号", "年度", "税收（万元）", "增加值（万元）", "综合能耗（吨标准煤）",
        "主要污染物排放（吨）", "从业人员（人）", "研发经费（万元）", "营业收入（万元）", "固定资产投资累计（万元）"]


def _box(x0, x1):
    return f"POLYGON(({x0} {Y}, {x1} {Y}, {x1} {Y + 100}, {x0} {Y + 100}, {x0} {Y}))"


def _plots():
    """P1 100 m × 100 m (15 亩), P2 200 m × 100 m (30 亩), P3 100 m × 100 m (15 亩)."""
    return memory_layer([_box(500000, 500100), _box(500100, 500300), _box(500300, 500400)], crs="EPSG:4545",
                        fields=(("DKBH", "string"),), attrs=[("Z01-01-01",), ("Z01-01-02",), ("Z02-01-01",)],
                        name="地块")


def _stats(tmp_path, rows, name="s.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEAD)
        w.writerows(rows)
    return str(path)


HAND = [[CODES[0], "甲", "Z01-01-01；Z01-01-02", 2023, 45, 450, 150, 15, 75, 15, 1500, 120000],
        [CODES[1], "乙", "Z02-01-01", 2023, 7.5, 75, "", 2.5, 15, 0, 250, 2000]]


def test_mujun_hand_case_layer_and_ranking(plugin, tmp_path):
    res = processing.run("zutuan:mujun", {"INPUT": _plots(), "STATS": _stats(tmp_path, HAND), "OUTPUT": "memory:",
                                          "OUTPUT_TABLE": str(tmp_path / "亩均.xlsx")})
    feats = {f["DKBH"]: f for f in res["OUTPUT"].getFeatures()}
    # 甲: 45 万元 over 45 亩 → 1.0 万元/亩 on both of its plots; 乙: 0.5; grades B and D (ranks 1 and 2 of 2)
    assert feats["Z01-01-02"]["MJSS"] == pytest.approx(1.0) and feats["Z02-01-01"]["MJSS"] == pytest.approx(0.5)
    assert feats["Z01-01-01"]["MJDJ"] == "B" and feats["Z02-01-01"]["MJDJ"] == "D"
    assert res["GRADED"] == 2 and res["EVAL_YEAR"] == 2023
    wb = openpyxl.load_workbook(res["OUTPUT_TABLE"])
    assert {"企业排名", "地块", "单元", "组团", "评价指标", "评价配置"} <= set(wb.sheetnames)
    rows = list(wb["企业排名"].iter_rows(values_only=True))
    head = rows[0]
    jia = next(r for r in rows[1:] if r[head.index("企业名称")] == "甲")
    assert jia[head.index("得分")] == pytest.approx(20 + 40 / 3 + 10 + 5 + 60 / 11 + 10)


def test_intake_error_names_row_and_column_and_writes_nothing(plugin, tmp_path):
    rows = [HAND[0], [CODES[1], "乙", "Z02-01-01", 2023, -7.5, 75, 1, 1, 1, 1, 1, 1]]
    out = tmp_path / "入库.xlsx"
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:enterprisestats", {"INPUT": _plots(), "STATS": _stats(tmp_path, rows),
                                                  "OUTPUT": str(out)})
    text = str(e.value)
    assert "第 3 行，列“税收（万元）”：不能为负数" in text and "row 3, column '税收（万元）': must not be negative" in text
    assert not out.exists()


def test_enterprisestats_counts(plugin, tmp_path):
    res = processing.run("zutuan:enterprisestats", {"INPUT": _plots(), "STATS": _stats(tmp_path, HAND),
                                                    "OUTPUT": str(tmp_path / "入库.xlsx")})
    assert (res["RECORDS"], res["ENTERPRISES"], res["YEARS"]) == (2, 2, "2023")
    links = list(openpyxl.load_workbook(res["OUTPUT"])["企业地块关联"].iter_rows(values_only=True))
    assert len(links) == 4                                      # header + 甲 on two plots + 乙


def test_idleland_one_day_before_and_after(plugin, tmp_path):
    ledger = tmp_path / "台账.csv"
    ledger.write_text("地块编号,约定动工日期,土地价款（万元）\nZ01-01-01,2022-03-01,500\n", encoding="utf-8")
    counts = []
    for day in (QDate(2023, 3, 1), QDate(2023, 3, 2)):
        res = processing.run("zutuan:idleland", {"INPUT": _plots(), "LEDGER": str(ledger), "EVAL_DATE": day,
                                                 "OUTPUT": "memory:", "OUTPUT_TABLE": str(tmp_path / "闲置.xlsx")})
        counts.append(res["IDLE"])
        feat = next(res["OUTPUT"].getFeatures())
    assert counts == [0, 1]
    assert feat["XZZT"].startswith("闲置土地（满一年）") and feat["XZTS"] == 1 and "第十四条（一）" in feat["XZTK"]
    sheet = list(openpyxl.load_workbook(str(tmp_path / "闲置.xlsx"))["闲置土地"].iter_rows(values_only=True))
    assert sheet[1][sheet[0].index("土地闲置费（万元）")] == pytest.approx(100.0)


def _write_gpkg(layer, path):
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError
    return str(path)


def test_feidi_through_qgis_process(run_qgis_process, tmp_path):
    plots = _write_gpkg(_plots(), tmp_path / "plots.gpkg")
    admin = memory_layer([_box(499990, 500250), _box(500250, 500410)], crs="EPSG:4545", fields=(("XZQDM", "string"),),
                         attrs=[("451481",), ("451422",)], name="行政区")
    admin = _write_gpkg(admin, tmp_path / "admin.gpkg")
    agreement = {"name": "测试", "parties": [{"id": "PX", "name": "凭祥市", "role": "飞入地", "region": "451481"},
                                           {"id": "SZ", "name": "飞出市", "role": "飞出地"},
                                           {"id": "NM", "name": "宁明县", "role": "其他", "region": "451422"}],
                 "large_projects": {"threshold": 100000},
                 "arrangements": [{"id": "A1", "clause": "第五条", "years": [2023, 2027], "scope": "park",
                                   "ratios": {"value_added": {"PX": 0.6, "SZ": 0.4}, "energy": {"PX": 0.6, "SZ": 0.4}}},
                                  {"id": "A2", "years": [2023, 2027], "scope": "plot", "members": ["Z01-01-02"],
                                   "split": "area"}]}
    path = tmp_path / "协议.yaml"
    path.write_text(yaml.safe_dump(agreement, allow_unicode=True), encoding="utf-8")
    _, data, _ = run_qgis_process("zutuan:feidi", {
        "INPUT": plots, "STATS": _stats(tmp_path, HAND), "AGREEMENT": str(path), "ADMIN": admin,
        "REGION_FIELD": "XZQDM", "OUTPUT": str(tmp_path / "飞地.gpkg"), "OUTPUT_TABLE": str(tmp_path / "飞地.xlsx")})
    assert data["results"]["UNBALANCED"] == 0 and data["results"]["PARTIES"] == 3
    rows = list(openpyxl.load_workbook(data["results"]["OUTPUT_TABLE"])["分地区统计"].iter_rows(values_only=True))
    head = rows[0]
    va = {r[head.index("参与方")]: r[head.index("地区生产总值（增加值）（万元）")] for r in rows[1:]}
    # 甲 450 over P1 (1/3, A1 park ratio) and P2 (2/3, A2 area: 75 % 凭祥, 25 % 宁明); 乙 75 on P3 (A1 park ratio):
    # A1 = 150 + 75 = 225 → 135 / 90; A2 = 300 → 225 / 75
    assert va == pytest.approx({"PX": 360.0, "SZ": 90.0, "NM": 75.0})
    layer = QgsVectorLayer(data["results"]["OUTPUT"], "fd", "ogr")
    assert {f["DKBH"]: f["SZD"] for f in layer.getFeatures()}["Z01-01-02"] == "PX 75%、NM 25%"


def test_feidi_bad_agreement_is_a_clear_message(plugin, tmp_path):
    path = tmp_path / "协议.yaml"
    path.write_text(yaml.safe_dump({"parties": [{"id": "PX", "role": "飞入地"}, {"id": "SZ", "role": "飞出地"}],
                                    "arrangements": [{"years": [2023, 2027],
                                                      "ratios": {"tax": {"PX": 0.7, "SZ": 0.2}}}]},
                                   allow_unicode=True), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:feidi", {"INPUT": _plots(), "STATS": _stats(tmp_path, HAND), "AGREEMENT": str(path),
                                        "OUTPUT": "memory:", "OUTPUT_TABLE": str(tmp_path / "x.xlsx")})
    assert "arrangements[0].ratios.tax" in str(e.value) and "0.9" in str(e.value) and "add up to 1" in str(e.value)
    assert not (tmp_path / "x.xlsx").exists()


def test_styles_load(plugin):
    import os

    root = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "monitoring")
    for name, field in (("mujun_grades.qml", "MJDJ"), ("idle_land.qml", "XZZT")):
        vl = QgsVectorLayer(f"Polygon?crs=EPSG:4545&field=DKBH:string&field={field}:string&field=DXZT:string", "s",
                            "memory")
        msg, ok = vl.loadNamedStyle(os.path.join(root, name))
        assert ok, msg
        assert vl.renderer().type() in ("categorizedSymbol", "RuleRenderer")


def test_targettracking_table_and_chart(plugin, tmp_path):
    rows = [[CODES[0], "甲", "Z01-01-01", 2023, 10, 100, 1, 1, 10, 1, 1000, 1],
            [CODES[0], "甲", "Z01-01-01", 2024, 12, 100, 1, 1, 12, 1, 1000, 1],
            [CODES[1], "乙", "Z01-01-02", 2024, 3, 100, 1, 1, 5, 1, 1000, 1]]
    targets = tmp_path / "目标.csv"
    targets.write_text("指标,基准年,目标年,目标值\n税收,2023,2026,40\n就业,2023,2024,15\n土地开发,2023,2026,20\n",
                       encoding="utf-8")
    res = processing.run("zutuan:targettracking", {"INPUT": _plots(), "STATS": _stats(tmp_path, rows),
                                                   "TARGETS": str(targets), "OUTPUT_TABLE": str(tmp_path / "跟踪.xlsx"),
                                                   "OUTPUT_CHART": str(tmp_path / "完成率.svg")})
    sheet = list(openpyxl.load_workbook(res["OUTPUT_TABLE"])["目标跟踪"].iter_rows(values_only=True))
    head = sheet[0]
    row = {(r[head.index("指标")], r[head.index("年度")]): r for r in sheet[1:]}
    # 税收 path: 10 + (40 − 10) × 1/3 = 20 in 2024; actual 15 → behind; 就业 17 ≥ 15 in the target year → met
    assert row[("税收", 2024)][head.index("按计划应达到")] == pytest.approx(20.0)
    assert row[("税收", 2024)][head.index("结论")].startswith("落后")
    assert row[("就业", 2024)][head.index("结论")].startswith("达到")
    assert row[("土地开发", 2024)][head.index("结论")].startswith("未检查")
    assert (res["ON_TRACK"], res["BEHIND"]) == (1, 1)
    assert "<svg" in open(res["OUTPUT_CHART"], encoding="utf-8").read()


def test_leadingindustry_with_a_zone_layer(plugin, tmp_path):
    head = ["统一社会信用代码", "企业名称", "地块编号", "年度", "行业代码", "工业总产值（万元）"]
    path = tmp_path / "s.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([head, [CODES[0], "甲", "Z01-01-01", 2023, "C1391", 500],
                                  [CODES[1], "乙", "Z01-01-02", 2023, "14", 600],
                                  [CODES[2], "丙", "Z02-01-01", 2023, "13", 400]])
    zones = memory_layer([_box(499990, 500150), _box(500150, 500410)], crs="EPSG:4545", fields=(("QK", "string"),),
                         attrs=[("西区",), ("东区",)], name="区块")
    res = processing.run("zutuan:leadingindustry", {"INPUT": _plots(), "STATS": str(path), "ZONES": zones,
                                                    "ZONE_FIELD": "QK", "OUTPUT_TABLE": str(tmp_path / "主导.xlsx")})
    sheet = list(openpyxl.load_workbook(res["OUTPUT_TABLE"]).active.iter_rows(values_only=True))
    head = sheet[0]
    row = {r[0]: r for r in sheet[1:]}
    # P1 in 西区; P2 (75 % east) and P3 in 东区: 乙 14 600 vs 丙 13 400 → 60 % exactly → met
    assert row["东区"][head.index("主导产业（大类，按产值）")] == "14"
    assert row["东区"][head.index("主导产业产值占比（%）")] == pytest.approx(60.0)
    assert (res["MET"], res["NOT_MET"]) == (2, 0)


def test_zoneevaluation_ranks_zones_within_the_year(plugin, tmp_path):
    head = HEAD + ["园区"]
    path = tmp_path / "s.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([head, HAND[0] + ["甲园"], HAND[1] + ["乙园"]])
    res = processing.run("zutuan:zoneevaluation", {"INPUT": _plots(), "STATS": str(path),
                                                   "OUTPUT_TABLE": str(tmp_path / "评价.xlsx")})
    sheet = list(openpyxl.load_workbook(res["OUTPUT_TABLE"])["年度综合评价"].iter_rows(values_only=True))
    head = sheet[0]
    ranks = {r[head.index("园区")]: r[head.index("年度排名")] for r in sheet[1:]}
    assert res["ZONES"] == 2 and ranks == {"甲园": 1, "乙园": 2}
