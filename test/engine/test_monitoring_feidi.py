"""飞地 accounting: uneven ratios per indicator, a straddling plot split by area, an enterprise on two plots,
the ≥ 10 亿元 energy rule, exact shares by the largest remainder, agreement errors (hand-computed)."""
import geopandas as gpd
import numpy as np
import pytest
import shapely
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from grids import LOCAL_GRID
from monitoring_data import credit_code, plots, write_csv

from algorithms.errors import InputError
from algorithms.monitoring.agreement import load_agreement
from algorithms.monitoring.feidi import feidi, largest_remainder, split_grouped, to_units
from algorithms.monitoring.intake import join_plots, read_enterprise_stats

H = ["统一社会信用代码", "企业名称", "地块编号", "年度", "增加值（万元）", "税收（万元）", "从业人员（人）", "综合能耗（吨标准煤）",
     "固定资产投资累计（万元）"]
AGREEMENT = {
    "name": "测试协议", "status": "test", "source": "hand-made",
    "parties": [{"id": "PX", "name": "凭祥市", "role": "飞入地", "region": "451481"},
                {"id": "SZ", "name": "飞出市", "role": "飞出地", "region": "440300"},
                {"id": "NM", "name": "宁明县", "role": "其他", "region": "451422"}],
    "rounding": {"rule": "largest_remainder", "decimals": {"value_added": 2, "energy": 2, "employees": 0}},
    "large_projects": {"threshold": 100000, "basis": "fai_cum", "clause": "第七条"},
    "arrangements": [
        {"id": "A1", "clause": "第五条", "years": [2022, 2026], "scope": "park", "split": "ratio",
         "ratios": {"value_added": {"PX": 0.6, "SZ": 0.4}, "tax": {"PX": 0.5, "SZ": 0.5},
                    "employees": {"PX": 0.7, "SZ": 0.3}, "energy": {"PX": 0.6, "SZ": 0.4}}},
        {"id": "A2", "clause": "第六条", "years": [2022, 2026], "scope": "plot", "members": ["Z01-01-02"],
         "split": "area"}]}


def _admin():
    # x < 250 is 凭祥 (451481), x ≥ 250 is 宁明 (451422): P2 (100–300) lies 75 % / 25 %, P3 (300–400) in 宁明
    return gpd.GeoDataFrame({"XZQDM": ["451481", "451422"]},
                            geometry=[shapely.box(-10, -10, 250, 110), shapely.box(250, -10, 410, 110)], crs=LOCAL_GRID)


def _run(tmp_path, agreement=AGREEMENT, rows=None):
    rows = rows or [[credit_code(1), "甲", "Z01-01-01", 2023, 100.01, 10, 3, 50, 120000],      # a ≥ 10 亿元 project
                    [credit_code(2), "乙", "Z01-01-01；Z02-01-01", 2023, 33.33, 5, 7, 20, 5000],  # two plots
                    [credit_code(3), "丙", "Z01-01-02", 2023, 80, 8, 5, 40, 3000]]               # the straddling plot
    stats = join_plots(read_enterprise_stats(write_csv(tmp_path / "s.csv", H, rows)), plots())
    p = tmp_path / "a.yaml"
    p.write_text(yaml.safe_dump(agreement, allow_unicode=True), encoding="utf-8")
    return feidi(stats, load_agreement(str(p)), admin=_admin(), region_field="XZQDM")


def test_hand_computed_split(tmp_path):
    res = _run(tmp_path)
    reg = res.regions.set_index("party")
    # 乙 shares P1 with 甲 (7.5 亩 each) and has P3 (15 亩) alone: weights 1/3 (P1) and 2/3 (P3)
    # value added: A1 (park) = 100.01 + 33.33 = 133.34 → 60/40 = 80.004 / 53.336
    #   → floors 8000 / 5333 units, the one left to SZ (larger remainder) → 80.00 / 53.34; A2 (丙, area) 60.00 / 20.00
    assert reg.at["PX", "value_added"] == pytest.approx(140.00) and reg.at["SZ", "value_added"] == pytest.approx(53.34)
    assert reg.at["NM", "value_added"] == pytest.approx(20.00)
    # energy: only 甲 (≥ 100 000 万元) by the ratio: 30 / 20; 乙 where its land lies: 2000 units × 1/3 = 666.67 on P1
    #   (凭祥), × 2/3 = 1333.33 on P3 (宁明) → 666 / 1333, the unit left to P1 (larger remainder) → 6.67 / 13.33;
    #   丙 by area: 30 / 10 → 凭祥 66.67, 飞出地 20, 宁明 23.33
    assert (reg.at["PX", "energy"], reg.at["SZ", "energy"], reg.at["NM", "energy"]) == pytest.approx((66.67, 20, 23.33))
    # employees: A1 = 3 + 7 = 10 → 7 / 3; A2: 5 × 0.75 = 3.75 / 1.25 → 3 / 1, the unit left to PX (0.75)
    assert (reg.at["PX", "employees"], reg.at["SZ", "employees"], reg.at["NM", "employees"]) == (11, 3, 1)
    assert reg.at["PX", "energy_intensity"] == pytest.approx(66.67 / 140)
    assert reg.at["SZ", "energy_intensity"] == pytest.approx(20 / 53.34)
    assert (res.reconciliation["difference"] == 0).all() and res.reconciliation["status"].str.startswith("一致").all()
    d = res.detail.set_index(["arrangement", "indicator"])
    assert d.at[("A1", "value_added"), "total"] == pytest.approx(133.34)
    assert d.at[("A1", "value_added"), "share_SZ"] == pytest.approx(53.34) and d.at[("A1", "value_added"), "clause"] == "第五条"
    assert d.at[("A2", "value_added"), "ratio_PX"] == pytest.approx(0.75)


def test_map_layer_shows_straddling_plot(tmp_path):
    layer = _run(tmp_path).plot_layer.set_index("DKBH")
    assert layer.at["Z01-01-02", "SZD"] == "PX 75%、NM 25%" and layer.at["Z01-01-02", "XYBH"] == "A2"
    assert layer.at["Z01-01-02", "ZJZ_PX"] == pytest.approx(60.0)


def test_year_outside_the_agreement_counts_where_the_land_lies(tmp_path):
    res = _run(tmp_path, rows=[[credit_code(1), "甲", "Z01-01-01", 2021, 10, 1, 1, 1, 1]])
    assert list(res.detail["arrangement"].unique()) == ["协议外 / outside"]
    assert res.regions.set_index("party").at["PX", "value_added"] == pytest.approx(10)


def _bad(tmp_path, **changes):
    agr = yaml.safe_load(yaml.safe_dump(AGREEMENT, allow_unicode=True))
    for k, v in changes.items():
        agr[k] = v
    p = tmp_path / "bad.yaml"
    p.write_text(yaml.safe_dump(agr, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_agreement(str(p))
    return exc.value.message_zh


def test_a_blank_figure_is_said_for_every_indicator(tmp_path):
    """A record without a figure is not in the total the parties share: said for 就业 as for 增加值 (FD-MISSING)."""
    rows = [[credit_code(1), "甲", "Z01-01-01", 2023, 100.01, 10, None, 50, 120000],
            [credit_code(3), "丙", "Z01-01-02", 2023, 80, 8, 5, 40, 3000]]
    res = _run(tmp_path, rows=rows)
    said = [f.message for f in res.findings if f.rule_id == "FD-MISSING"]
    assert len(said) == 1 and said[0].startswith("1 条企业年度记录缺少“就业人数”")
    assert res.reconciliation.set_index("indicator").at["employees", "total"] == 5


def test_agreement_errors(tmp_path):
    arr = AGREEMENT["arrangements"]
    bad_ratio = [{**arr[0], "ratios": {"value_added": {"PX": 0.6, "SZ": 0.3}}}]
    assert "arrangements[0].ratios.value_added" in _bad(tmp_path, arrangements=bad_ratio) and "0.9" in _bad(
        tmp_path, arrangements=bad_ratio)
    overlap = [arr[0], {**arr[0], "id": "A3", "years": [2026, 2030]}]
    msg = _bad(tmp_path, arrangements=overlap)
    assert "arrangements[1]" in msg and "与 A1 的期间重叠（2026–2026" in msg
    assert "parties[0].role" in _bad(tmp_path, parties=[{**AGREEMENT["parties"][0], "role": "甲方"},
                                                         AGREEMENT["parties"][1]])
    unknown = [{**arr[0], "ratios": {"value_added": {"PX": 0.5, "XX": 0.5}}}]
    assert "ratios.value_added" in _bad(tmp_path, arrangements=unknown)


def test_area_split_needs_the_admin_layer(tmp_path):
    stats = join_plots(read_enterprise_stats(write_csv(tmp_path / "s.csv", H, [[credit_code(1), "甲", "Z01-01-01",
                                                                                 2023, 1, 1, 1, 1, 1]])), plots())
    p = tmp_path / "a.yaml"
    p.write_text(yaml.safe_dump(AGREEMENT, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        feidi(stats, load_agreement(str(p)))
    assert "area" in exc.value.message_zh


def test_rounding_primitives():
    assert list(to_units(np.array([1.005, 2.675, np.nan, 0.125]), 2)) == [101, 268, 0, 13]   # half up
    assert largest_remainder(np.array([[1.5, 1.5, 0.0]]), np.array([3])).tolist() == [[2, 1, 0]]   # tie: first
    got = split_grouped(np.array([10, 10, 10, 7]), np.array([1 / 3, 1 / 3, 1 / 3, 1.0]), np.array([0, 0, 0, 1]))
    assert got.tolist() == [4, 3, 3, 7]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=20),
       st.lists(st.floats(0.0, 1.0), min_size=2, max_size=5))
def test_largest_remainder_adds_up_exactly(totals, weights):
    w = np.array(weights) + 1e-3
    w = w / w.sum()
    totals = np.array(totals, dtype=np.int64)
    shares = largest_remainder(totals[:, None] * w[None, :], totals)
    assert (shares.sum(axis=1) == totals).all() and (shares >= 0).all()
    assert (np.abs(shares - totals[:, None] * w[None, :]) < 1.0 + 1e-6).all()


def test_shipped_files_load():
    import os

    from algorithms.monitoring.evaluation import ZONE_PROFILE, ZONE_QUANTITIES
    from algorithms.monitoring.idle import RULES_PATH, read_ledger
    from algorithms.monitoring.profile import load_profile, load_yaml

    root = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "sample", "data")
    agr = load_agreement(os.path.join(root, "feidi_agreement.yaml"))
    assert [p["id"] for p in agr["parties"]] == ["PX", "FC", "NM"] and agr["large_threshold"] == 100000
    assert load_profile()["status"] == "illustrative"
    assert load_profile(ZONE_PROFILE, quantities=ZONE_QUANTITIES)["status"] == "illustrative"
    rules = load_yaml(RULES_PATH)
    assert (rules["idle_years"], rules["recovery_years"], rules["idle_fee_rate"]) == (1, 2, 0.20)
    stats = read_enterprise_stats(os.path.join(root, "enterprise_stats.csv"))
    assert stats.years == [2023, 2024, 2025] and stats.records["credit_code"].nunique() == 41
    assert len(read_ledger(os.path.join(root, "supply_ledger.csv"))) == 73
