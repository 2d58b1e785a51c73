"""TD/T 1029-2017 intensive-use indicators: hand-computed values, per cluster, missing inputs reported."""
import geopandas as gpd
import numpy as np
import pytest
import shapely

from algorithms.errors import InputError
from algorithms.feasibility import intensive_use

CRS = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"  # a local grid: origin near the site


def _plots():
    # four 1 ha plots (100 m × 100 m): two clusters
    geoms = [shapely.box(i * 100, 0, i * 100 + 100, 100) for i in range(4)]
    return gpd.GeoDataFrame({
        "DKBH": ["Z01-01-01", "Z01-01-02", "Z02-01-01", "Z02-01-02"],
        "ZTBH": ["Z01", "Z01", "Z02", "Z02"],
        "YDYHFLDM": ["1001", "0901", "1101", "1001"],
        "GDZT": ["已供地", "已供地", "已供地", "未供地"],
        "PDTJ": ["是", "是", "是", "否"],       # 已达到供地条件
        "JSZT": ["已建成", "已建成", "未建", "未建"],
        "ZJZMJ": [12000.0, 8000.0, 0.0, 0.0],   # 总建筑面积 m²
        "JDMJ": [5000.0, 3000.0, 0.0, 0.0],     # 建筑基底 m²
        "FGMJ": [6000.0, 0.0, 0.0, 0.0],        # 建筑物+构筑物+堆场 m²
        "GDZC": [3000.0, 0.0, 0.0, 0.0],        # 固定资产 万元
        "SS": [60.0, 40.0, 0.0, 0.0],           # 税收 万元
    }, geometry=geoms, crs=CRS)


def _values(res, ztbh):
    t = res.table[res.table["ZTBH"] == ztbh].set_index("key")
    return t["value"], t["status"]


def test_status_hand_computed():
    res = intensive_use(_plots(), zone_type="工业主导型", serviced_field="PDTJ", built_field="JSZT",
                        floor_area_field="ZJZMJ", footprint_field="JDMJ", coverage_field="FGMJ",
                        assets_field="GDZC", tax_field="SS")
    v, st = _values(res, "全区")
    assert (st == "已计算 / computed").all()
    expected = {"land_development_rate": 3 / 4 * 100, "land_supply_rate": 3 / 3 * 100, "land_built_rate": 2 / 3 * 100,
                "industrial_land_rate": 1 / 2 * 100, "far": 20000 / 20000, "building_density": 8000 / 20000 * 100,
                "industrial_far": 12000 / 10000, "industrial_coverage": 6000 / 10000 * 100,
                "industrial_investment_intensity": 3000 / 1, "industrial_tax_per_ha": 60 / 1, "tax_per_ha": 100 / 2}
    for k, e in expected.items():
        assert v[k] == pytest.approx(e, abs=1e-9), k
    assert res.zone_type == "工业主导型"
    v2, st2 = _values(res, "Z02")
    assert v2["land_development_rate"] == pytest.approx(50.0)
    assert st2["land_built_rate"] == "已计算 / computed" and v2["land_built_rate"] == 0.0
    assert st2["far"].startswith("分母为零")  # nothing built in Z02


def test_missing_inputs_are_reported_not_assumed():
    res = intensive_use(_plots(), built_field="JSZT", floor_area_field="ZJZMJ")
    v, st = _values(res, "全区")
    assert st["land_development_rate"].startswith("缺少输入")        # no serviced field
    assert np.isnan(v["land_development_rate"])
    assert st["building_density"].startswith("缺少输入") and np.isnan(v["building_density"])
    assert st["far"] == "已计算 / computed" and v["far"] == pytest.approx(1.0)
    notes = res.table.set_index(["ZTBH", "key"]).loc[("全区", "tax_per_ha"), "note"]
    assert "no field for tax" in notes
    rules = {f.rule_id: f for f in res.findings}
    assert rules["IU-MISSING"].severity == "not_checked" and "土地开发率" in rules["IU-MISSING"].message
    assert rules["IU-ZONE-TYPE"].severity == "not_checked"


def test_empty_value_on_a_needed_row_is_missing():
    plots = _plots()
    plots.loc[0, "ZJZMJ"] = np.nan
    res = intensive_use(plots, built_field="JSZT", floor_area_field="ZJZMJ")
    v, st = _values(res, "全区")
    assert st["far"].startswith("缺少输入") and np.isnan(v["far"])
    v2, st2 = _values(res, "Z02")   # Z02 has no built land: its value is untouched by Z01's gap
    assert not st2["far"].startswith("缺少输入")


def test_plan_scenario_uses_control_minimums():
    plots = _plots().drop(columns=["GDZT"])
    plots["JRJZMJ"] = [15000.0, 10000.0, 10000.0, 10000.0]
    plots["JZXS"] = [40.0, 30.0, 40.0, 40.0]
    plots["JZMDXX"] = [35.0, 30.0, 35.0, 35.0]
    plots["TZQD"] = [3000.0, 1500.0, 3000.0, 3000.0]
    plots["DJSS"] = [300.0, 150.0, 300.0, 300.0]
    res = intensive_use(plots, scenario="plan", zone_type="产城融合型", zone_area_ha=5.0)
    v, st = _values(res, "全区")
    assert v["land_development_rate"] == pytest.approx(80.0)   # 4 ha of 5
    assert v["industrial_land_rate"] == pytest.approx(75.0)    # 1001, 1101, 1001 of 4 ha
    assert v["far"] == pytest.approx(45000 / 40000)
    assert v["industrial_far"] == pytest.approx(35000 / 30000)
    assert v["industrial_coverage"] == pytest.approx(40.0)
    assert v["industrial_investment_intensity"] == pytest.approx(3000.0)
    assert v["tax_per_ha"] == pytest.approx((300 * 3 + 150) / 4)


def test_plan_scenario_does_not_build_land_set_apart():
    """需调整用地 (a prohibiting rule's conflict, algorithms.planstate) is not developed at completion, as in the
    phasing and the cash flow: it stays in the zone's area, not in the serviced, supplied or built land."""
    plots = _plots().drop(columns=["GDZT"])
    plots["RJLXX"] = [1.0, 1.0, 1.0, 1.0]
    plots["CT_STHX"] = [0.0, 0.0, 0.0, 120.0]   # Z02-01-02 overlaps the ecological redline
    v, _ = _values(intensive_use(plots, scenario="plan"), "全区")
    assert v["land_development_rate"] == pytest.approx(75.0)   # 3 ha of 4
    v2, _ = _values(intensive_use(plots, scenario="plan"), "Z02")
    assert v2["land_development_rate"] == pytest.approx(50.0)
    plots["KFZT"] = ["待开发", "待开发", "待开发", "需调整用地（按参数仍分期）"]   # the planner phased it anyway
    v, _ = _values(intensive_use(plots, scenario="plan"), "全区")
    assert v["land_development_rate"] == pytest.approx(100.0)


def test_bad_input():
    with pytest.raises(InputError) as e:
        intensive_use(_plots(), scenario="future")
    assert e.value.code == "E_BAD_PARAMETER"
    with pytest.raises(InputError) as e:
        intensive_use(_plots(), zone_area_ha=-1)
    assert e.value.code == "E_PARAM_NEGATIVE"


def test_null_geometry_dropped_and_reported():
    plots = _plots()
    plots.loc[3, "geometry"] = None
    res = intensive_use(plots, built_field="JSZT", floor_area_field="ZJZMJ")
    v, st = _values(res, "全区")
    assert st["far"] == "已计算 / computed" and v["far"] == pytest.approx(1.0)
    q = res.quantities.set_index("ZTBH")
    assert q.loc["全区", "total_ha"] == pytest.approx(3.0)
    assert any(f.rule_id == "GEOM-NULL" for f in res.findings)
