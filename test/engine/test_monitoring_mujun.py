"""亩均效益 evaluation: hand-computed indicators, scores, ranks and grades; plot/unit/cluster ratios of sums."""
import copy

import numpy as np
import pandas as pd
import pytest
import yaml
from monitoring_data import credit_code, plots, write_csv

from algorithms.errors import InputError
from algorithms.monitoring.intake import join_plots, read_enterprise_stats
from algorithms.monitoring.mujun import mujun, score_and_grade
from algorithms.monitoring.profile import DEFAULT_PROFILE, load_profile

H = ["统一社会信用代码", "企业名称", "地块编号", "年度", "税收（万元）", "增加值（万元）", "综合能耗（吨标准煤）",
     "主要污染物排放（吨）", "从业人员（人）", "研发经费（万元）", "营业收入（万元）"]


def _stats(tmp_path, rows):
    return join_plots(read_enterprise_stats(write_csv(tmp_path / "s.csv", H, rows)), plots())


def _profile(tmp_path, **changes):
    data = yaml.safe_load(open(DEFAULT_PROFILE, encoding="utf-8"))
    for k, v in changes.items():
        data[k] = v
    p = tmp_path / "p.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_profile(str(p))


def test_two_enterprises_hand_computed(tmp_path):
    # 甲 on P1+P2 (45 亩), 乙 on P3 (15 亩) without an energy figure
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01；Z01-01-02", 2023, 45, 450, 150, 15, 75, 15, 1500],
                          [credit_code(2), "乙", "Z02-01-01", 2023, 7.5, 75, None, 2.5, 15, 0, 250]])
    r = mujun(s)
    e = r.enterprises.set_index("name")
    assert e.at["甲", "land_mu"] == pytest.approx(45) and e.at["甲", "tax_per_mu"] == pytest.approx(1.0)
    assert e.at["乙", "tax_per_mu"] == pytest.approx(0.5) and np.isnan(e.at["乙", "va_per_energy"])
    # benchmarks = 2 × mean: tax 1.5, va/亩 15, va/energy 6, va/emission 60, labour 11, R&D 1 (%)
    # 甲: 30·1/1.5 + 20·10/15 + 20·3/6 + 10·30/60 + 10·6/11 + 10·1/1 ; 乙's missing energy item takes 甲's (10)
    assert e.at["甲", "score"] == pytest.approx(20 + 40 / 3 + 10 + 5 + 60 / 11 + 10)
    assert e.at["乙", "score"] == pytest.approx(10 + 20 / 3 + 10 + 5 + 50 / 11 + 0)
    assert list(e["rank"]) == [1, 2] and list(e["grade"]) == ["B", "D"]     # 1/2 = 50 % ≤ 60 → B; 100 % → D
    assert "单位能耗增加值缺项" in e.at["乙", "note"]


def test_group_levels_are_ratios_of_sums(tmp_path):
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, 30, 300, 100, 10, 50, 10, 1000],
                          [credit_code(2), "乙", "Z01-01-02", 2023, 15, 150, 100, 5, 30, 0, 500],
                          [credit_code(3), "丙", "Z01-01-02", 2023, 15, 150, None, 5, 30, 0, 500]])
    r = mujun(s)
    plot = r.levels["plot"]
    assert plot.at["Z01-01-02", "tax"] == pytest.approx(30) and plot.at["Z01-01-02", "land_mu"] == pytest.approx(30)
    assert plot.at["Z01-01-02", "tax_per_mu"] == pytest.approx(1.0)
    assert np.isnan(plot.at["Z01-01-02", "energy"])                # 丙 has no energy: no partial sum
    cl = r.levels["cluster"]
    assert cl.at["Z01", "tax_per_mu"] == pytest.approx(60 / 45)   # Σ tax ÷ Σ plot area, not a mean of ratios
    assert cl.at["Z01", "enterprises"] == 3 and cl.at["Z01", "plots"] == 2
    assert r.levels["unit"].at["Z01-01", "land_mu"] == pytest.approx(45)
    layer = r.plot_layer.set_index("DKBH")
    assert layer.at["Z01-01-02", "MJSS"] == pytest.approx(1.0) and layer.at["Z01-01-02", "QYS"] == 2


def _values(n):
    return pd.DataFrame({"tax_per_mu": np.arange(n, 0, -1, dtype=float)})


def _one_indicator(tmp_path, **kw):
    ind = [{"key": "tax_per_mu", "name": "亩均税收", "num": "tax", "den": "land_mu", "weight": 100, "field": "MJSS"}]
    return _profile(tmp_path, indicators=ind, required=[], **kw)


def test_rank_share_boundaries_and_ties(tmp_path):
    prof = _one_indicator(tmp_path)
    g = score_and_grade(_values(5), prof)                          # ranks 1..5 → 20, 40, 60, 80, 100 %
    assert list(g["grade"]) == ["A", "B", "B", "C", "D"]
    tied = score_and_grade(pd.DataFrame({"tax_per_mu": [3.0, 3.0, 1.0, 1.0]}), prof)
    assert list(tied["rank"]) == [1, 1, 3, 3] and list(tied["grade"]) == ["B", "B", "C", "C"]


def test_score_thresholds_minmax_and_fixed_benchmark(tmp_path):
    prof = _one_indicator(tmp_path, scoring={"method": "minmax", "missing": "zero"},
                          grading={"method": "score", "classes": {"A": 90, "B": 60, "C": 30, "D": 0}})
    g = score_and_grade(pd.DataFrame({"tax_per_mu": [10.0, 5.0, 0.0, np.nan]}), prof)
    # 100 × (20 + 80·(v − 0)/10)/100 → 100, 60, 20; missing → 0 by the 'zero' rule
    assert list(g["score"]) == pytest.approx([100, 60, 20, 0]) and list(g["grade"]) == ["A", "B", "D", "D"]
    fixed = _one_indicator(tmp_path, scoring={"method": "benchmark", "cap": 1.2,
                                              "benchmark": {"kind": "fixed", "values": {"tax_per_mu": 4.0}}})
    g = score_and_grade(pd.DataFrame({"tax_per_mu": [8.0, 2.0]}), fixed)
    assert list(g["score"]) == pytest.approx([120, 50])            # capped at 1.2 × the weight


def test_required_missing_is_not_graded(tmp_path):
    prof = _one_indicator(tmp_path)
    prof = copy.deepcopy(prof)
    prof["required"] = ["tax_per_mu"]
    g = score_and_grade(pd.DataFrame({"tax_per_mu": [2.0, np.nan]}), prof)
    assert g.at[1, "grade"] == "T" and np.isnan(g.at[1, "score"]) and "不参评" in g.at[1, "note"]
    assert g.at[0, "grade"] == "D"                                 # alone: rank 1 of 1 = 100 %


def test_profile_errors_name_the_key(tmp_path):
    with pytest.raises(InputError) as exc:
        _profile(tmp_path, grading={"method": "rank_share", "classes": {"A": 20, "B": 40, "C": 30}})
    assert "grading.classes" in exc.value.message_zh and "90" in exc.value.message_zh
    with pytest.raises(InputError) as exc:
        _profile(tmp_path, indicators=[{"key": "x", "name": "x", "num": "profit", "den": "land_mu", "field": "X"}])
    assert "indicators[0].num" in exc.value.message_zh
    with pytest.raises(InputError) as exc:      # .nan in YAML: NaN would pass every threshold comparison
        _profile(tmp_path, grading={"method": "rank_share", "classes": {"A": float("nan"), "B": 40, "C": 60}})
    assert "grading.classes.A" in exc.value.message_zh and "应为数值" in exc.value.message_zh


def test_year_not_in_statistics(tmp_path):
    s = _stats(tmp_path, [[credit_code(1), "甲", "Z01-01-01", 2023, 30, 300, 100, 10, 50, 10, 1000]])
    with pytest.raises(InputError) as exc:
        mujun(s, year=2020)
    assert "2023" in exc.value.message_zh
