"""zutuan:phasing, zutuan:cashflow and zutuan:intensiveuse in real QGIS: processing.run and qgis_process.bin."""
import csv
import os

import numpy_financial as npf
import openpyxl
import pytest
import yaml
from helpers import memory_layer
from qgis.core import QgsProcessingException, QgsVectorFileWriter, QgsCoordinateTransformContext

import processing

Y = 2440000  # EPSG:4545 northing in the zone's range


def _box(x, w=200, h=200, y=Y):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def _units(n=6, supplied=(), pins=None):
    wkts = [_box(500000 + i * 220) for i in range(n)]
    attrs = [(f"Z01-{i + 1:02d}", "Z01", "已供地" if i in supplied else "未供地", (pins or {}).get(i))
             for i in range(n)]
    return memory_layer(wkts, crs="EPSG:4545", fields=(("DYBH", "string"), ("ZTBH", "string"), ("GDZT", "string"),
                                                        ("KFFQ", "integer")), attrs=attrs, name="单元")


def _road():
    return memory_layer([f"LINESTRING(499990 {Y - 50}, 499990 {Y + 250})"], crs="EPSG:4545", geom="LineString",
                        fields=(("DJ", "string"), ("ZT", "string")), attrs=[("主干路", "已建")], name="道路")


HAND = {
    "schedule": {"start_year": 2020, "start_quarter": 1, "quarters": 6},
    "costs": {"land_acquisition_per_ha": 100, "site_preparation_per_ha": 20, "roads_per_km": {"default": 0},
              "utilities_per_ha": 10, "public_facilities_per_ha": 5, "factory_cost_per_m2": 0,
              "operation_per_ha_year": 4},
    "development": {"construction_quarters": 2, "sales_lag_quarters": 1, "absorption_ha_per_quarter": 2,
                    "production_lag_quarters": 1, "production_ramp_quarters": 1, "developer_factory_share": 0,
                    "factory_far": 1,
                    "factory_build_quarters": 1},
    "revenues": {"land_price_per_ha": 200, "factory_rent_per_m2_year": 0, "factory_sale_share": 0,
                 "factory_sale_price_per_m2": 0, "services_per_ha_year": 8, "tax_per_ha_year": 40, "tax_share": 0.5},
    "phasing": {"capacity_ha": 100, "maturity_threshold": 0.5},
}


def test_phasing_writes_kffq_and_phase_table(plugin, tmp_path):
    table = str(tmp_path / "分期表.csv")
    res = processing.run("zutuan:phasing", {"INPUT": _units(supplied=(5,)), "ROADS": _road(), "ROAD_CLASS_FIELD": "DJ",
                                            "ROAD_STATUS_FIELD": "ZT", "CAPACITY_HA": 8.0, "OUTPUT": "memory:",
                                            "OUTPUT_PHASES": table})
    layer = res["OUTPUT"]
    feats = sorted(layer.getFeatures(), key=lambda f: f["DYBH"])
    kffq = [f["KFFQ"] for f in feats]
    assert kffq[5] == 1 and kffq[0] == 1           # supplied land first, then from the built road
    assert kffq == [1, 2, 2, 3, 3, 1]
    assert res["PHASE_COUNT"] == 3
    with open(res["OUTPUT_PHASES"], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["开发分期"] for r in rows] == ["1", "2", "3", "合计 total"]
    assert float(rows[0]["用地面积（公顷）"]) == pytest.approx(8.0)
    assert float(rows[3]["用地面积（公顷）"]) == pytest.approx(24.0)
    import datetime  # no plan given: the cash flow starts in the current year, and the log says so
    assert rows[0]["启动季度"] == f"{datetime.date.today().year}Q1"


def test_cashflow_hand_case_workbook_and_chart(plugin, tmp_path):
    params = tmp_path / "参数.yaml"
    params.write_text(yaml.safe_dump(HAND, allow_unicode=True), encoding="utf-8")
    out = str(tmp_path / "测算.xlsx")
    res = processing.run("zutuan:cashflow", {"INPUT": _units(n=1), "PARAMS": str(params), "OUTPUT": out,
                                             "OUTPUT_CSV": str(tmp_path / "q.csv"),
                                             "OUTPUT_CHART": str(tmp_path / "cf.png")})
    net = [-470.0, 330.0, 410.0, 24.0, 24.0, 24.0]
    assert res["NPV"] == pytest.approx(float(npf.npv(1.08 ** 0.25 - 1, net)), abs=1e-6)
    assert res["IRR"] == pytest.approx((1 + float(npf.irr(net))) ** 4 - 1, abs=1e-9)
    assert res["PEAK_NEED"] == pytest.approx(470.0) and res["PEAK_QUARTER"] == "2020Q1"
    assert res["PAYBACK_QUARTER"] == "2020Q3"
    wb = openpyxl.load_workbook(res["OUTPUT"])
    assert {"测算摘要", "分期表", "现金流量表", "敏感性分析", "发展目标", "测算参数"} <= set(wb.sheetnames)
    rows = list(wb["现金流量表"].iter_rows(values_only=True))
    col = rows[0].index("净现金流（万元）")
    assert [r[col] for r in rows[1:]] == pytest.approx(net, abs=1e-6)
    assert os.path.getsize(res["OUTPUT_CHART"]) > 1000
    with open(res["OUTPUT_CSV"], encoding="utf-8-sig") as fh:
        assert next(csv.reader(fh))[0] == "季度"


def test_cashflow_refuses_a_percent_discount_rate(plugin, tmp_path):
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:cashflow", {"INPUT": _units(), "DISCOUNT_RATE": 8, "OUTPUT": str(tmp_path / "x.xlsx")})
    assert "百分数" in str(e.value) and "percentage" in str(e.value) and "0.08" in str(e.value)
    assert not (tmp_path / "x.xlsx").exists()


def test_cashflow_never_maturing_phase_is_a_message(plugin, tmp_path):
    params = tmp_path / "p.yaml"
    params.write_text("development:\n  absorption_ha_per_quarter: 0\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:cashflow", {"INPUT": _units(), "PARAMS": str(params),
                                           "OUTPUT": str(tmp_path / "x.xlsx")})
    assert "永远无法成熟" in str(e.value) and "never mature" in str(e.value)


def test_intensiveuse_status_and_missing_inputs(plugin, tmp_path):
    wkts = [_box(500000 + i * 100, 100, 100) for i in range(4)]
    attrs = [("Z01-01-01", "Z01", "1001", "已供地", "已建成", 12000.0, 60.0),
             ("Z01-01-02", "Z01", "0901", "已供地", "已建成", 8000.0, 40.0),
             ("Z02-01-01", "Z02", "1101", "已供地", "未建", 0.0, 0.0),
             ("Z02-01-02", "Z02", "1001", "未供地", "未建", 0.0, 0.0)]
    vl = memory_layer(wkts, crs="EPSG:4545", fields=(("DKBH", "string"), ("ZTBH", "string"), ("YDYHFLDM", "string"),
                                                     ("GDZT", "string"), ("JSZT", "string"), ("ZJZMJ", "double"),
                                                     ("SS", "double")), attrs=attrs, name="现状")
    res = processing.run("zutuan:intensiveuse", {"INPUT": vl, "ZONE_TYPE": 1, "BUILT_FIELD": "JSZT",
                                                 "FLOOR_AREA_FIELD": "ZJZMJ", "TAX_FIELD": "SS",
                                                 "OUTPUT": str(tmp_path / "集约.xlsx")})
    ws = openpyxl.load_workbook(res["OUTPUT"])["土地集约利用评价"]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[0]
    zone = {r[head.index("指标")]: r for r in rows[1:] if r[head.index("组团编号")] == "全区"}
    assert zone["土地建成率"][head.index("数值")] == pytest.approx(2 / 3 * 100)
    assert zone["综合容积率"][head.index("数值")] == pytest.approx(1.0)
    assert zone["综合地均税收"][head.index("数值")] == pytest.approx(50.0)
    assert zone["土地开发率"][head.index("状态")].startswith("缺少输入")
    assert zone["土地建成率"][head.index("开发区类型")] == "工业主导型"
    assert res["COMPUTED"] + res["MISSING"] == 11 and res["MISSING"] == 5


def test_qgis_process_runs_phasing(run_qgis_process, tmp_path):
    src = str(tmp_path / "units.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(_units(), src, QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError
    _, data, _ = run_qgis_process("zutuan:phasing", {"INPUT": src, "CAPACITY_HA": 12, "OUTPUT":
                                                     str(tmp_path / "out.gpkg"),
                                                     "OUTPUT_PHASES": str(tmp_path / "phases.csv")})
    assert data["results"]["PHASE_COUNT"] == 2
    with open(data["results"]["OUTPUT_PHASES"], encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["开发分期"] for r in rows] == ["1", "2", "合计 total"]  # two phases and their total
    assert int(rows[2]["地块数"]) == int(rows[0]["地块数"]) + int(rows[1]["地块数"])
    rc, _, text = run_qgis_process("zutuan:cashflow", {"INPUT": src, "DISCOUNT_RATE": 8,
                                                       "OUTPUT": str(tmp_path / "x.xlsx")}, check=False)
    assert rc != 0 and "0.08" in text and "Traceback" not in text


# Issue 20: two units, logistics (Z01-01) and industrial (Z01-02), 4 ha each; only 征地 (500 万元/公顷) and land
# income (600 industrial, 300 logistics): 2 ha a quarter over both units from quarter 1.
MONEY = {
    "schedule": {"start_year": 2020, "start_quarter": 1, "quarters": 12},
    "costs": {"land_acquisition_per_ha": 500, "site_preparation_per_ha": 0, "roads_per_km": {"default": 0},
              "utilities_per_ha": 0, "public_facilities_per_ha": 0, "operation_per_ha_year": 0},
    "development": {"construction_quarters": 2, "sales_lag_quarters": 1, "absorption_ha_per_quarter": 2,
                    "production_lag_quarters": 1, "production_ramp_quarters": 1, "developer_factory_share": 0},
    "revenues": {"services_per_ha_year": 0, "tax_per_ha_year": 0},
    "land_use": {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0, "tax_per_ha_year": 0},
                 "1101": {"land_price_per_ha": 300, "developer_factory_share": 0, "tax_per_ha_year": 0}},
    "phasing": {"capacity_ha": 100, "maturity_threshold": 0.5},
    "parties": {"partner": {"name": "合作方", "equity_share": 0.3}},
    "search": {"seconds": 20, "max_changes": 2, "modes": ["出让"], "land_use_options": {"1101": ["100101"]}},
}


def _two_units():
    wkts = [_box(500000 + i * 210) for i in range(2)]
    attrs = [("Z01-01-01", "Z01-01", "Z01", "110101", "13", 40000.0, 1.0, 1.8, "未供地"),
             ("Z01-02-01", "Z01-02", "Z01", "100101", "13", 40000.0, 1.0, 1.8, "未供地")]
    return memory_layer(wkts, crs="EPSG:4545", fields=(("DKBH", "string"), ("DYBH", "string"), ("ZTBH", "string"),
                                                        ("YDYHFLDM", "string"), ("HYDM", "string"), ("YDMJ", "double"),
                                                        ("RJLXX", "double"), ("RJLSX", "double"), ("GDZT", "string")),
                        attrs=attrs, name="地块")


def test_cashflow_money_parties_suggestion_and_the_new_plan_passes_the_checks(plugin, tmp_path):
    params = tmp_path / "参数.yaml"
    params.write_text(yaml.safe_dump(MONEY, allow_unicode=True), encoding="utf-8")
    res = processing.run("zutuan:cashflow", {
        "INPUT": _two_units(), "PARAMS": str(params), "PIN_FIELD": None, "DEFAULT_SUPPLY_MODE": 1,
        "OUTPUT": str(tmp_path / "测算.xlsx"), "OUTPUT_TORNADO": str(tmp_path / "tornado.svg"),
        "OUTPUT_PLAN": "memory:"})
    net = [-4000.0] + [900.0] * 4 + [0.0] * 7        # 1 ha of each unit a quarter: 600 + 300
    assert res["NPV"] == pytest.approx(float(npf.npv(1.08 ** 0.25 - 1, net)), abs=1e-6)
    wb = openpyxl.load_workbook(res["OUTPUT"])
    assert {"参与方汇总", "参与方-平台公司", "参与方-合作方", "双因素敏感性", "调整建议"} <= set(wb.sheetnames)
    rows = list(wb["参与方汇总"].iter_rows(values_only=True))
    partner = next(r for r in rows if r[0] == "合作方")
    assert partner[1] == pytest.approx(float(npf.npv(1.08 ** 0.25 - 1, [0.3 * v for v in net])), abs=1e-6)
    advice = [r[1] for r in wb["调整建议"].iter_rows(values_only=True)]
    assert "单元 unit Z01-01：用地 land use 一类物流仓储用地 → 一类工业用地" in advice
    assert res["SUGGESTIONS"] >= 1 and os.path.getsize(res["OUTPUT_TORNADO"]) > 500
    plan = res["OUTPUT_PLAN"]
    uses = {f["DYBH"]: f["YDYHFLDM"] for f in plan.getFeatures()}
    assert uses == {"Z01-01": "100101", "Z01-02": "100101"}
    zoning = memory_layer([_box(499900, 700, 400, Y - 100)], crs="EPSG:4545", fields=(("GHFQMC", "string"),),
                          attrs=[("物流仓储区",)], name="规划分区")
    checked = processing.run("zutuan:checkmasterplan", {"INPUT": plan, "ZONING": zoning, "ZONE_FIELD": "GHFQMC",
                                                        "OUTPUT": "memory:"})
    assert checked["N_FAIL"] == 0 and checked["N_OK"] == 2   # both plots checked against the zone, both pass
    std = processing.run("zutuan:checkstandards", {"INPUT": plan, "OUTPUT": "memory:"})
    assert std["N_FAIL"] == 0
