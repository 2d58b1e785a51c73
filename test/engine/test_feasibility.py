"""Feasibility engine: parameters, phasing, cash flow (hand-computed), financing, sensitivity, targets, errors."""
import math
import xml.etree.ElementTree as ET

import geopandas as gpd
import numpy as np
import numpy_financial as npf
import pytest
import shapely

from algorithms.errors import InputError
from algorithms.feasibility import (cashflow, financing_plan, load_params, phase_schedule, phasing, targets_table,
                                    write_chart)
from algorithms.feasibility.cashflow import quarterly_rate
from algorithms.feasibility.chart import _svg_chart
from algorithms.feasibility.params import merge_params

CRS = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"  # a city's local grid (独立坐标系), metres: origin near the site

# One 4 ha unit, one phase, six quarters; every other flow switched off so the figures can be done by hand.
HAND = {
    "schedule": {"start_year": 2020, "start_quarter": 1, "quarters": 6},
    "discount_rate": 0.08,
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
    "financing": {"debt_share": 0.6, "equity_share": 0.4, "interest_rate": 0.05, "term_quarters": 4,
                  "grace_quarters": 1},
    "sensitivity": {"steps": [-0.1, 0.1], "factors": ["land_price", "construction_cost", "absorption"]},
    "targets": {"base_year": 2017, "output_per_ha_year": 200, "ha_per_company": 2, "jobs_per_ha": {"default": 80},
                "year3": {"output_value": 1000, "companies": 2}},
}
# the hand computation (万元): outflow q0 = 400 acquisition + (80 + 40 + 20)/2 construction; q1 = 70;
# operation 4 ha × 4/4 = 4 per quarter once serviced (q2…). Land sold 2 ha in q1 and q2 at 200; producing land
# (sold one quarter earlier) 2 ha in q2 then 4 ha: services 2 and tax 40×0.5/4 = 5 per ha and quarter.
HAND_OUT = [470.0, 70.0, 4.0, 4.0, 4.0, 4.0]
HAND_IN = [0.0, 400.0, 400.0 + 2 * 2 + 2 * 5, 4 * 7, 4 * 7, 4 * 7]


def _one_unit():
    return gpd.GeoDataFrame({"DYBH": ["Z01-01"], "GDZT": ["未供地"]}, geometry=[shapely.box(0, 0, 200, 200)], crs=CRS)


def _row(n, *, gap=20.0, size=200.0, **cols):
    geoms = [shapely.box(i * (size + gap), 0, i * (size + gap) + size, size) for i in range(n)]
    data = {"DYBH": [f"Z01-{i + 1:02d}" for i in range(n)], "ZTBH": ["Z01"] * n}
    data.update(cols)
    return gpd.GeoDataFrame(data, geometry=geoms, crs=CRS)


@pytest.fixture(scope="module")
def hand():
    params = load_params(overrides=HAND)
    ph = phasing(_one_unit(), params=params)
    return params, ph, cashflow(ph, chart_path=None)


def test_hand_case_quarterly_table(hand):
    _, ph, cf = hand
    q = cf.quarterly
    np.testing.assert_allclose(q["outflow"], HAND_OUT, atol=1e-6)
    np.testing.assert_allclose(q["inflow"], HAND_IN, atol=1e-6)
    net = np.array(HAND_IN) - np.array(HAND_OUT)
    np.testing.assert_allclose(q["net"], net, atol=1e-6)
    np.testing.assert_allclose(q["cumulative"], [-470, -140, 270, 294, 318, 342], atol=1e-6)
    assert q["land_acquisition"].tolist() == [400, 0, 0, 0, 0, 0]
    np.testing.assert_allclose(q["land_revenue"], [0, 400, 400, 0, 0, 0], atol=1e-6)
    np.testing.assert_allclose(q["tax"], [0, 0, 10, 20, 20, 20], atol=1e-6)
    assert list(q["label"]) == ["2020Q1", "2020Q2", "2020Q3", "2020Q4", "2021Q1", "2021Q2"]
    s = cf.summary
    assert s["peak_need"] == pytest.approx(470.0, abs=1e-6) and s["peak_quarter"] == 0
    assert s["payback_quarter"] == 2 and s["payback_label"] == "2020Q3"
    r = 1.08 ** 0.25 - 1
    assert s["npv"] == pytest.approx(sum(v / (1 + r) ** t for t, v in enumerate(net)), abs=1e-6)


def test_hand_case_phase_table(hand):
    _, ph, _ = hand
    row = ph.phases.iloc[0]
    assert ph.units["KFFQ"].tolist() == [1]
    assert row["area_ha"] == pytest.approx(4.0) and row["investment"] == pytest.approx(540.0)
    # 50 % of 4 ha = 2 ha, sold from quarter 1 at 2 ha/quarter → mature in quarter 1
    assert (row["start_q"], row["mature_q"], row["start"], row["mature"]) == (0, 1, "2020Q1", "2020Q2")


def test_npv_irr_agree_with_numpy_financial(hand):
    _, _, cf = hand
    net = cf.quarterly["net"].to_numpy()
    assert cf.summary["npv"] == pytest.approx(float(npf.npv(quarterly_rate(0.08), net)), abs=1e-9)
    irr = float(npf.irr(net))
    assert cf.summary["irr_quarter"] == pytest.approx(irr, abs=1e-12)
    assert cf.summary["irr_annual"] == pytest.approx((1 + irr) ** 4 - 1, abs=1e-12)
    assert abs(npf.npv(irr, net)) < 1e-6


def test_hand_financing(hand):
    params, _, cf = hand
    f = cf.financing
    rq = 1.05 ** 0.25 - 1
    # q0: gap 470 → 60 % debt, 40 % equity; q1: interest on 282, 1/3 due, surplus sweeps the rest
    assert f["debt_drawdown"].iloc[0] == pytest.approx(282.0) and f["equity"].iloc[0] == pytest.approx(188.0)
    assert f["interest"].iloc[1] == pytest.approx(282.0 * rq)
    assert f["repayment"].iloc[1] == pytest.approx(282.0)
    assert f["debt_balance"].iloc[1:].abs().max() < 1e-9
    assert f["net_after_financing"].iloc[1] == pytest.approx(330.0 - 282.0 * rq - 282.0)
    assert (f["net_after_financing"] >= -1e-9).all()
    assert cf.summary["debt_outstanding_end"] == pytest.approx(0.0, abs=1e-9)


def test_financing_covers_every_gap():
    params = load_params()
    net = np.array([-100.0, -50, -30, 10, 20, 40, 80, 80, 80, 80, 80, 80] + [60.0] * 28)
    f = financing_plan(net, params)
    assert (f["net_after_financing"] >= -1e-9).all()
    gaps = f["debt_drawdown"] + f["equity"]
    assert (f.loc[gaps > 0, "debt_drawdown"] / gaps[gaps > 0]).round(12).isin([0.6, 0.0]).all()
    bal = np.cumsum(f["debt_drawdown"] - f["repayment"])
    np.testing.assert_allclose(bal, f["debt_balance"], atol=1e-9)


def test_sensitivity_land_price_is_linear(hand):
    params, ph, cf = hand
    pv_land = float(npf.npv(quarterly_rate(0.08), cf.quarterly["land_revenue"].to_numpy()))
    pv_build = float(npf.npv(quarterly_rate(0.08), cf.quarterly[["site_preparation", "roads", "utilities",
                                                                  "public_facilities", "factory"]].sum(axis=1)))
    s = cf.sensitivity.set_index(["factor", "change"])
    assert s.loc[("land_price", 0.1), "npv_change"] == pytest.approx(0.1 * pv_land, abs=1e-6)
    assert s.loc[("land_price", -0.1), "npv_change"] == pytest.approx(-0.1 * pv_land, abs=1e-6)
    assert s.loc[("construction_cost", 0.1), "npv_change"] == pytest.approx(-0.1 * pv_build, abs=1e-6)
    assert s.loc[("base", 0.0), "npv"] == pytest.approx(cf.summary["npv"])
    assert len(cf.sensitivity) == 1 + 3 * 2


def test_targets_hand_case(hand):
    params, ph, cf = hand
    t = targets_table(ph, cf).set_index(["year", "key"])
    # base 2017 + 3 = 2020 → Q4 2020 = quarter 3: 4 ha producing, serviced, 120 infrastructure, 20 facilities
    r = t.loc[2020]
    assert r.loc["output_value", "projected"] == pytest.approx(800.0)
    assert r.loc["output_value", "gap"] == pytest.approx(-200.0) and r.loc["output_value", "status"].startswith("未达到")
    assert r.loc["companies", "projected"] == 2 and r.loc["companies", "status"].startswith("达到")
    assert r.loc["land_developed_ha", "projected"] == pytest.approx(4.0)
    assert r.loc["infrastructure_investment", "projected"] == pytest.approx(120.0)
    assert r.loc["facilities_investment", "projected"] == pytest.approx(20.0)
    assert r.loc["jobs", "projected"] == pytest.approx(320.0) and r.loc["jobs", "status"].startswith("未设定")
    assert t.loc[2022].iloc[0]["note"].startswith("目标年超出测算期")


def test_phasing_grows_from_built_road_with_capacity():
    units = _row(6)
    road = gpd.GeoDataFrame({"DJ": ["主干路"], "ZT": ["已建"]}, geometry=[shapely.LineString([(-10, -50), (-10, 250)])],
                            crs=CRS)
    params = load_params(overrides={"phasing": {"capacity_ha": 8.0}})  # two 4 ha units per phase
    ph = phasing(units, params=params, roads=road, road_class_field="DJ", road_status_field="ZT")
    assert ph.units["KFFQ"].tolist() == [1, 1, 2, 2, 3, 3]
    assert ph.phases["area_ha"].tolist() == pytest.approx([8.0, 8.0, 8.0])
    assert ph.costs["roads"].sum() == 0.0  # a built road costs nothing
    assert (np.diff(ph.phases["start_q"]) > 0).all()
    assert (ph.phases["start_q"].to_numpy()[1:] == ph.phases["mature_q"].to_numpy()[:-1] + 1).all()


def test_phasing_supplied_first_and_pins():
    units = _row(6, GDZT=["未供地"] * 5 + ["已供地"], KFFQ=[None, None, 3, None, None, None])
    road = gpd.GeoDataFrame({"ZT": ["已建"]}, geometry=[shapely.LineString([(-10, -50), (-10, 250)])], crs=CRS)
    params = load_params(overrides={"phasing": {"capacity_ha": 8.0}})
    ph = phasing(units, params=params, roads=road, road_status_field="ZT")
    k = ph.units["KFFQ"].tolist()
    assert k[5] == 1            # already supplied land goes first
    assert k[2] == 3            # pinned
    assert k[0] == 1            # then the unit on the built road
    assert ph.phases.set_index("KFFQ").loc[1, "supplied_ha"] == pytest.approx(4.0)


def test_phasing_phases_are_contiguous_on_a_grid():
    n = 8
    geoms = [shapely.box(x * 220, y * 220, x * 220 + 200, y * 220 + 200) for y in range(n) for x in range(n)]
    units = gpd.GeoDataFrame({"DYBH": [f"Z01-{i + 1:02d}" for i in range(n * n)]}, geometry=geoms, crs=CRS)
    infra = gpd.GeoDataFrame(geometry=[shapely.Point(-5, -5)], crs=CRS)
    ph = phasing(units, params=load_params(overrides={"phasing": {"capacity_ha": 30.0}}), infrastructure=infra)
    k = ph.units["KFFQ"].to_numpy()
    from algorithms.feasibility.phasing import adjacency
    nb = adjacency(np.asarray(geoms), 60.0)
    # for every p, the units of phases ≤ p form one connected patch around the infrastructure (unit 0)
    for p in range(1, k.max() + 1):
        inside = set(np.flatnonzero(k <= p).tolist())
        seen, todo = {0}, [0]
        while todo:
            i = todo.pop()
            for j in nb[i]:
                if int(j) in inside and int(j) not in seen:
                    seen.add(int(j))
                    todo.append(int(j))
        assert seen == inside, p
    assert k[0] == 1 and ph.phases["area_ha"].max() <= 30.0 + 1e-9


def test_road_cost_by_class_and_length():
    units = _row(5, gap=0.0)  # 1 km of units in a row
    road = gpd.GeoDataFrame({"DJ": ["主干路", "支路"]},
                            geometry=[shapely.LineString([(0, 210), (1000, 210)]),
                                      shapely.LineString([(0, -10), (500, -10)])], crs=CRS)
    params = load_params()
    ph = phasing(units, params=params, roads=road, road_class_field="DJ")
    total = 1.0 * 6000.0 + 0.5 * 2500.0
    assert ph.costs["roads"].sum() == pytest.approx(total, rel=1e-9)
    assert ph.costs["road_km"].sum() == pytest.approx(1.5, rel=1e-9)
    assert ph.costs["roads"].iloc[0] == pytest.approx(0.2 * 6000 + 0.2 * 2500, rel=1e-9)


def test_aggregations_add_up():
    units = _row(12, ZTBH=["Z01"] * 6 + ["Z02"] * 6)
    ph = phasing(units, params=load_params(overrides={"phasing": {"capacity_ha": 12.0}}))
    cf = cashflow(ph, sensitivity=False)
    zone = cf.quarterly.set_index("quarter")
    byc = cf.clusters.groupby("quarter")[["inflow", "outflow", "net"]].sum()
    np.testing.assert_allclose(byc["net"], zone["net"], atol=1e-6)
    byp = cf.phases.groupby("quarter")["outflow"].sum()
    np.testing.assert_allclose(byp, zone["outflow"], atol=1e-6)
    np.testing.assert_allclose(cf.unit_net.sum(axis=0), zone["net"], atol=1e-6)
    assert cf.units["net"].sum() == pytest.approx(zone["net"].sum())
    assert set(cf.clusters["ZTBH"]) == {"Z01", "Z02"}
    assert cf.units["npv"].sum() == pytest.approx(cf.summary["npv"], rel=1e-9)
    # the phase-level model used by the sensitivity table gives the same flows as the per-unit one
    from algorithms.feasibility.cashflow import cash_model
    phase = ph.units["KFFQ"].to_numpy(dtype=int)
    per_unit, *_ = cash_model(ph.costs, phase, ph.params)
    per_phase, *_ = cash_model(ph.costs, phase, ph.params, per_unit=False)
    for k in per_unit:
        np.testing.assert_allclose(per_unit[k].sum(axis=0), per_phase[k].sum(axis=0), atol=1e-6)


def test_chart_png_and_svg(tmp_path, hand):
    _, _, cf = hand
    path = write_chart(cf.phases, cf.quarterly, str(tmp_path / "cf.png"))
    data = open(path, "rb").read()
    if path.endswith(".png"):
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    else:
        ET.fromstring(data)
    svg = _svg_chart({"Phase 1 / 第1期": [-1.0, 0.5, 2.0], "Zone / 全区": [-1.0, 0.5, 2.0]}, ["a", "b", "c"])
    root = ET.fromstring(svg)
    assert len(root.findall("{http://www.w3.org/2000/svg}polyline")) == 2


def test_phase_schedule_numbers():
    start, mature = phase_schedule(np.array([30.0, 20.0]), np.array([10.0, 0.0]), absorption=5.0, lag=2, threshold=0.7)
    # phase 1: 0.7 × 40 − 10 = 18 ha → 4 quarters from quarter 2 → mature in 5; phase 2 starts 6, needs 14 ha → 3 q
    assert start.tolist() == [0, 6] and mature.tolist() == [5, 6 + 2 + 3 - 1]


# ---- bad input -------------------------------------------------------------------------------------------------

def test_missing_cost_parameter(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("costs:\n  site_preparation_per_ha:\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_params(str(p))
    assert e.value.code == "E_PARAM_MISSING" and "costs.site_preparation_per_ha" in e.value.message_zh
    assert "缺失" in e.value.bilingual() and "missing" in e.value.bilingual()


def test_negative_cost_parameter():
    with pytest.raises(InputError) as e:
        load_params(overrides={"costs": {"utilities_per_ha": -5}})
    assert e.value.code == "E_PARAM_NEGATIVE" and "costs.utilities_per_ha" in e.value.message_en
    with pytest.raises(InputError) as e:
        load_params(overrides={"costs": {"roads_per_km": {"主干路": -1}}})
    assert e.value.code == "E_PARAM_NEGATIVE"


def test_discount_rate_in_percent():
    with pytest.raises(InputError) as e:
        load_params(overrides={"discount_rate": 8})
    assert e.value.code == "E_RATE_PERCENT" and "0.08" in e.value.message_zh and "percentage" in e.value.message_en
    with pytest.raises(InputError) as e:
        load_params(overrides={"financing": {"interest_rate": 4.9}})
    assert e.value.code == "E_RATE_PERCENT" and "0.049" in e.value.message_en


def test_phase_that_never_matures():
    with pytest.raises(InputError) as e:
        phasing(_one_unit(), params=load_params(overrides={"development": {"absorption_ha_per_quarter": 0}}))
    assert e.value.code == "E_PHASE_NEVER_MATURES" and "第 1 期" in e.value.message_zh
    with pytest.raises(InputError) as e:
        phasing(_one_unit(), params=load_params(overrides={"development": {"developer_factory_share": 1.0}}))
    assert e.value.code == "E_PHASE_NEVER_MATURES"


def test_shares_must_add_up_and_no_crs():
    with pytest.raises(InputError):
        load_params(overrides={"financing": {"debt_share": 0.7}})
    with pytest.raises(InputError) as e:
        phasing(_one_unit().set_crs(None, allow_override=True), params=load_params())
    assert e.value.code == "E_NO_CRS"


def test_default_file_says_illustrative():
    from algorithms.feasibility.params import DEFAULT_PARAMS_PATH
    text = open(DEFAULT_PARAMS_PATH, encoding="utf-8").read()
    assert "示意性假设" in text and "ILLUSTRATIVE" in text and "万元" in text
    p = load_params()
    assert p["meta"]["status"] == "illustrative"
    assert merge_params({"a": {"b": 1, "c": 2}}, {"a": {"b": 3}}) == {"a": {"b": 3, "c": 2}}
    assert not math.isnan(p["discount_rate"])


def test_workbook_sheets_read_back(tmp_path, hand):
    import openpyxl

    from algorithms.feasibility.tables import feasibility_sheets, write_tables
    _, ph, cf = hand
    sheets = feasibility_sheets(ph, cf, targets_table(ph, cf))
    path = write_tables(str(tmp_path / "测算.xlsx"), sheets)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["测算摘要", "分期表", "现金流量表", "组团现金流", "分期现金流", "敏感性分析", "双因素敏感性",
                             "发展目标", "参与方汇总", "参与方-平台公司", "参与方-合作方", "参与方-政府资金", "测算参数"]
    rows = list(wb["现金流量表"].iter_rows(values_only=True))
    head = rows[0]
    assert head[0] == "季度" and "净现金流（万元）" in head and "累计净现金流（万元）" in head
    assert rows[1][head.index("净现金流（万元）")] == pytest.approx(-470.0)
    assert rows[6][head.index("累计净现金流（万元）")] == pytest.approx(342.0)
    csv_path = write_tables(str(tmp_path / "q.csv"), {"现金流量表": sheets["现金流量表"]})
    assert open(csv_path, encoding="utf-8-sig").readline().startswith("季度,")
    with pytest.raises(InputError):
        write_tables(str(tmp_path / "x.txt"), sheets)


def test_investment_capacity_closes_phases():
    units = _row(6)
    base = phasing(units, params=load_params(overrides={"phasing": {"capacity_ha": 1000.0}}))
    per_unit = float(base.costs["investment"].iloc[0])
    assert base.units["KFFQ"].tolist() == [1] * 6
    ph = phasing(units, params=load_params(overrides={"phasing": {"capacity_ha": 1000.0}}),
                 capacity_investment=2.5 * per_unit)
    assert sorted(ph.units["KFFQ"].value_counts().tolist()) == [2, 2, 2]
    with pytest.raises(InputError):
        load_params(overrides={"phasing": {"capacity_investment": -1}})


def test_null_geometry_is_skipped_and_degrees_are_measured():
    units = _row(3)
    units.loc[1, "geometry"] = None
    ph = phasing(units, params=load_params())
    assert list(ph.units.index) == [0, 2] and ph.units["KFFQ"].tolist() == [1, 1]
    assert any(f.rule_id == "GEOM-NULL" for f in ph.findings)
    cf = cashflow(ph, sensitivity=False)
    assert len(cf.units) == 2
    near_cm = _row(2).set_crs(4547, allow_override=True)
    near_cm["geometry"] = near_cm.geometry.translate(500000, 2500000)   # EPSG:4547: on the central meridian 114°E
    geo = near_cm.to_crs(4490)   # CGCS2000 degrees: measured in the GK zone, not in square degrees
    ph2 = phasing(geo, params=load_params())
    assert ph2.costs["area_ha"].tolist() == pytest.approx([4.0, 4.0], rel=1e-3)


def test_threshold_above_one_never_matures_and_share_in_percent():
    with pytest.raises(InputError) as e:
        load_params(overrides={"phasing": {"maturity_threshold": 70}})
    assert e.value.code == "E_PHASE_NEVER_MATURES" and "0.7" in e.value.message_zh
    with pytest.raises(InputError) as e:
        load_params(overrides={"revenues": {"tax_share": 30}})
    assert e.value.code == "E_BAD_PARAMETER" and "0.3" in e.value.message_en


def test_dates_precedence_parameter_plan_file_today():
    import datetime

    from algorithms.feasibility.params import resolve_dates

    p = load_params()  # the shipped file leaves the dates empty (null): they come from the plan
    d = resolve_dates(p, today=datetime.date(2031, 5, 1))["_dates"]
    assert (d["start"], d["base_year"]) == ("2031Q1", 2030) and "当前年份" in d["start_source"]
    d = resolve_dates(p, metadata={"BZNF": "2026", "JZNF": "2019"})["_dates"]
    assert (d["start"], d["base_year"]) == ("2026Q1", 2019) and "JZNF" in d["base_source"]
    d = resolve_dates(p, metadata={"CJSJ": "2027-01-02T09:00:00+08:00"})["_dates"]
    assert (d["start"], d["base_year"]) == ("2027Q1", 2026)
    d = resolve_dates(load_params(overrides={"schedule": {"start_year": 2024}}), metadata={"BZNF": "2026"})["_dates"]
    assert d["start"] == "2026Q1"  # the plan's year wins over the parameter file
    d = resolve_dates(p, metadata={"BZNF": "2026"}, start_year=2030, start_quarter=3, base_year=2028)["_dates"]
    assert (d["start"], d["base_year"]) == ("2030Q3", 2028) and d["start_source"].startswith("算法参数")


def test_svg_chart_is_the_same_file_for_the_same_figures(tmp_path, hand):
    """Writing the chart as SVG twice gives the same bytes (matplotlib's random ids fixed, no date stamp), so two runs
    of the same plan can be compared file by file (without matplotlib the chart's own SVG writer, also fixed)."""
    _, _, cf = hand
    a = open(write_chart(cf.phases, cf.quarterly, str(tmp_path / "a.svg")), "rb").read()
    b = open(write_chart(cf.phases, cf.quarterly, str(tmp_path / "b.svg")), "rb").read()
    assert a == b and b"<svg" in a and b"<dc:date>" not in a
