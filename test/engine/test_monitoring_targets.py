"""Target tracking, 主导产业 share by output value, yearly zone evaluation: hand-computed cases."""
import pytest
import yaml
from monitoring_data import credit_code, plots, write_csv

from algorithms.monitoring.evaluation import ZONE_QUANTITIES, zone_evaluation
from algorithms.monitoring.industry import division, leading_industry
from algorithms.monitoring.intake import join_plots, read_enterprise_stats
from algorithms.monitoring.profile import load_profile
from algorithms.monitoring.targets import read_targets, track_targets

H = ["统一社会信用代码", "企业名称", "地块编号", "年度", "行业代码", "工业总产值（万元）", "税收（万元）", "用地面积（亩）", "园区"]


def _stats(tmp_path, rows, name="s.csv"):
    return join_plots(read_enterprise_stats(write_csv(tmp_path / name, H, rows)), plots())


def test_targets_on_track_behind_met(tmp_path):
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, "13", 1000, 40, None, None],
                          [credit_code(1), "甲", "Z01-01-01", 2024, "13", 900, 45, None, None],
                          [credit_code(2), "乙", "Z01-01-02", 2024, "13", 400, 5, None, None]])
    tpath = write_csv(tmp_path / "t.csv", ["指标", "基准年", "目标年", "目标值", "方向"],
                      [["产业规模（年产值）", 2023, 2026, 2200, None], ["企业引进", 2023, 2024, 2, None],
                       ["税收", 2023, 2024, 45, "≤"], ["土地开发", 2023, 2026, 100, None]])
    t = track_targets(s, read_targets(tpath)).set_index(["indicator", "year"])
    out = t.loc[("产业规模（年产值）", 2024)]
    # base 1000 (the statistics' 2023) → path 1000 + 1200 × 1/3 = 1400 in 2024; actual 900 + 400 = 1300 → behind
    assert out["expected"] == pytest.approx(1400) and out["actual"] == pytest.approx(1300)
    assert out["completion"] == pytest.approx(1300 / 2200 * 100) and out["status"].startswith("落后")
    assert t.loc[("产业规模（年产值）", 2023), "status"].startswith("按计划")
    assert t.loc[("企业引进", 2024), "status"].startswith("达到") and t.loc[("企业引进", 2024), "actual"] == 2
    assert t.loc[("税收", 2024), "status"].startswith("未达到")            # 50 > 45 for a ≤ target
    assert t.loc[("土地开发", 2024), "status"].startswith("未检查")


def test_a_sum_with_blank_cells_is_to_be_verified(tmp_path):
    """The 亩均 evaluation calls a total some enterprise lacks unknown; tracking never passes it as 按计划/达到."""
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, "13", 1000, 40, None, None],
                          [credit_code(1), "甲", "Z01-01-01", 2024, "13", 1500, 45, None, None],
                          [credit_code(2), "乙", "Z01-01-02", 2024, "13", None, 5, None, None]])
    tpath = write_csv(tmp_path / "t.csv", ["指标", "基准年", "目标年", "目标值"],
                      [["产业规模（年产值）", 2023, 2026, 2200], ["税收", 2023, 2024, 50]])
    t = track_targets(s, read_targets(tpath)).set_index(["indicator", "year"])
    out = t.loc[("产业规模（年产值）", 2024)]
    assert out["actual"] == pytest.approx(1500) and out["missing"] == 1       # 乙's blank is not in the sum
    assert out["status"].startswith("需核实：1/2 家企业缺少工业总产值，按其余企业计为按计划")
    assert t.loc[("产业规模（年产值）", 2023), "status"].startswith("按计划")   # 2023: 甲 alone, nothing blank
    assert t.loc[("税收", 2024), "status"].startswith("达到") and t.loc[("税收", 2024), "missing"] == 0


def test_cashflow_targets_sheet_gives_the_base_year(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "测算摘要"
    ws = wb.create_sheet("发展目标")
    ws.append(["期限", "目标年", "指标", "单位", "目标值", "规划测算值"])
    ws.append(["3年 / 3 years", 2026, "就业", "人", 300, 250])
    ws.append(["5年 / 5 years", 2028, "就业", "人", None, 400])
    wb.save(tmp_path / "可行性测算.xlsx")
    t = read_targets(str(tmp_path / "可行性测算.xlsx"))
    assert list(t["base_year"]) == [2023, 2023] and t["target"].isna().tolist() == [False, True]


def test_division():
    assert [division(c) for c in ("C1391", "13", "1391", "", None, "C")] == ["13", "13", "13", None, None, None]


def test_leading_industry_by_output_with_land_beside(tmp_path):
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, "C1391", 600, 1, None, None],
                          [credit_code(2), "乙", "Z01-01-02", 2023, "14", 300, 1, 10, None],
                          [credit_code(3), "丙", "Z02-01-01", 2023, None, 100, 1, None, None]])
    t = leading_industry(s)
    assert t.at["Z01", "leading"] == "13" and t.at["Z01", "share"] == pytest.approx(600 / 900 * 100)
    assert t.at["Z01", "status"].startswith("达到") and t.at["Z02", "leading"] == "21"   # 丙 takes its plot's HYDM
    assert t.at["Z01", "land_leading"] == "13" and t.at["Z01", "land_share"] == pytest.approx(100.0)
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, "13", 500, 1, None, None],
                          [credit_code(2), "乙", "Z01-01-02", 2023, "14", 500, 1, None, None],
                          [credit_code(4), "丁", "Z01-01-02", 2023, "14", None, 1, None, None]], name="t.csv")
    t = leading_industry(s)
    assert t.at["Z01", "share"] == pytest.approx(50.0) and t.at["Z01", "status"].startswith("需核实：1/3")


def test_zone_evaluation_two_zones(tmp_path):
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, "13", 1, 100, 10, "A"],
                          [credit_code(1), "甲", "Z01-01-01", 2024, "13", 1, 120, 10, "A"],
                          [credit_code(2), "乙", "Z02-01-01", 2024, "21", 1, 60, 10, "B"]])
    prof = {"id": "t", "name": "t", "status": "test", "source": "hand",
            "indicators": [{"key": "tax_per_mu", "name": "亩均税收", "num": "tax", "den": "land_mu", "weight": 50,
                            "field": "MJSS"},
                           {"key": "tax_growth", "name": "税收增长", "num": "tax", "den": "tax_prev", "factor": 100,
                            "weight": 50, "field": "SSZZ"}],
            "scoring": {"method": "benchmark", "benchmark": {"kind": "mean_multiple", "factor": 1.0}, "missing": "average"},
            "grading": {"method": "score", "classes": {"好": 100, "差": 0}}}
    p = tmp_path / "z.yaml"
    p.write_text(yaml.safe_dump(prof, allow_unicode=True), encoding="utf-8")
    assert load_profile(str(p), quantities=ZONE_QUANTITIES)["id"] == "t"
    table, _ = zone_evaluation([s], profile_path=str(p))
    t = table.set_index(["zone", "year"])
    # 亩均税收 10, 12, 6 (mean 9.333); growth only A 2024 = 120 (mean 120) → the others take the average item (50)
    assert t.at[("A", 2024), "score"] == pytest.approx(50 * 12 / (28 / 3) + 50)
    assert t.at[("B", 2024), "score"] == pytest.approx(50 * 6 / (28 / 3) + 50)
    assert t.at[("A", 2023), "score"] == pytest.approx(50 * 10 / (28 / 3) + 50)
    assert (t.at[("A", 2024), "rank"], t.at[("B", 2024), "rank"], t.at[("A", 2023), "rank"]) == (1, 2, 1)
    assert (t.at[("A", 2024), "grade"], t.at[("B", 2024), "grade"]) == ("好", "差")


def test_zone_evaluation_says_when_a_sum_leaves_enterprises_out(tmp_path):
    """One of three enterprises has no 工业总产值: the row's 说明 says 需核实 with the count (主导产业产值占比 reads
    output), in the wording 主导产业 and 目标跟踪 use; a figure nobody leaves blank (税收) is not mentioned."""
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2024, "13", 100, 10, 10, "A"],
                          [credit_code(2), "乙", "Z01-01-02", 2024, "13", None, 20, 10, "A"],
                          [credit_code(3), "丙", "Z02-01-01", 2024, "21", 50, 5, 10, "A"]])
    table, _ = zone_evaluation([s])
    row = table.set_index(["zone", "year"]).loc[("A", 2024)]
    assert row["missing_output"] == 1 and row["missing_tax"] == 0
    assert "需核实：1/3 家企业缺少工业总产值" in row["note"] and "税收" not in row["note"].split("；")[0]
