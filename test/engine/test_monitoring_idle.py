"""Idle land by 《闲置土地处置办法》: one day before and after each threshold, exceptions; low-efficiency land."""
import datetime as dt

import pytest
from monitoring_data import write_csv

from algorithms.errors import InputError
from algorithms.monitoring.idle import idle_land, low_efficiency, period_end, read_ledger
from algorithms.monitoring.profile import load_profile

H = ["地块编号", "约定动工日期", "实际动工日期", "约定竣工日期", "已开发面积（亩）", "应开发面积（亩）", "已投资额（万元）",
     "总投资额（万元）", "中止开发日期", "政府原因", "土地价款（万元）"]
ROWS = [["Z01-01-01", "2022-03-01", None, None, None, None, None, None, None, None, 800],      # not started
        ["Z01-01-02", "2022-03-01", None, None, None, None, None, None, None, "是", 800],      # government cause
        ["Z02-01-01", "2021-01-10", "2021-02-01", "2022-12-31", 10, 40, None, None, "2022-06-15", "否", None],
        ["Z02-01-02", "2021-01-10", "2021-02-01", None, None, None, None, None, "2022-06-15", None, None],
        ["Z02-01-03", "2021-01-10", "2021-02-01", None, 30, 40, 500, 1000, "2022-06-15", None, None]]


def _status(tmp_path, on):
    led = read_ledger(write_csv(tmp_path / "l.csv", H, ROWS))
    return idle_land(led, on=on).table.set_index("DKBH")


def test_period_end_civil_code():
    assert period_end(dt.date(2022, 3, 1), 1) == dt.date(2023, 3, 1)
    assert period_end(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)   # no corresponding day: month end
    assert period_end(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)


def test_one_day_before_and_after_one_year(tmp_path):
    before = _status(tmp_path, dt.date(2023, 3, 1))                      # the last day of the one-year period
    assert before.at["Z01-01-01", "status"].startswith("未满一年") and before.at["Z01-01-01", "idle_days"] == 0
    assert "距满一年还有 1 天" in before.at["Z01-01-01", "step"]
    after = _status(tmp_path, dt.date(2023, 3, 2))
    r = after.loc["Z01-01-01"]
    assert r["status"].startswith("闲置土地（满一年）") and r["idle_days"] == 1
    assert r["clause"] == "第二条第一款；第十四条（一）" and r["fee"] == pytest.approx(160.0)   # 20 % of 800 万元
    assert r["days_past_start"] == 366 and r["idle_from"] == dt.date(2023, 3, 2)


def test_one_day_before_and_after_two_years(tmp_path):
    before = _status(tmp_path, dt.date(2024, 3, 1))
    assert before.at["Z01-01-01", "status"].startswith("闲置土地（满一年）")
    after = _status(tmp_path, dt.date(2024, 3, 2))
    assert after.at["Z01-01-01", "status"].startswith("闲置土地（满两年）")
    assert "第十四条（二）" in after.at["Z01-01-01", "clause"] and "无偿收回" in after.at["Z01-01-01", "step"]


def test_government_cause_gets_no_fee(tmp_path):
    r = _status(tmp_path, dt.date(2024, 6, 1)).loc["Z01-01-02"]
    assert r["status"].startswith("政府原因") and r["clause"] == "第八条" and r["fee"] != r["fee"]
    assert "第十二条" in r["step"]


def test_started_suspended_one_day_before_and_after(tmp_path):
    before = _status(tmp_path, dt.date(2023, 6, 15))
    assert before.at["Z02-01-01", "status"].startswith("已动工，中止未满一年")
    after = _status(tmp_path, dt.date(2023, 6, 16))
    assert after.at["Z02-01-01", "status"].startswith("可认定闲置") and after.at["Z02-01-01", "clause"] == "第二条第二款"
    assert after.at["Z02-01-02", "status"].startswith("未检查")          # shares not given: never cleared
    assert after.at["Z02-01-03", "status"].startswith("已动工，开发达到比例")  # 30/40 ≥ 1/3 and 500/1000 ≥ 25 %
    assert after.at["Z02-01-01", "completion_late_days"] == (dt.date(2023, 6, 16) - dt.date(2022, 12, 31)).days


def test_boundary_warning(tmp_path):
    led = read_ledger(write_csv(tmp_path / "l.csv", H, ROWS))
    res = idle_land(led, on=dt.date(2023, 3, 4))
    assert any(f.rule_id == "IDLE-BOUNDARY" and "Z01-01-01" in f.message for f in res.findings)


def test_ledger_errors(tmp_path):
    rows = [["Z01-01-01", "2022-13-01"] + [None] * 9, ["Z01-01-01", "2022-03-01"] + [None] * 9,
            ["Z09-09-09", "2022-03-01"] + [None] * 9]
    with pytest.raises(InputError) as exc:
        read_ledger(write_csv(tmp_path / "l.csv", H, rows), plot_codes=["Z01-01-01"])
    text = exc.value.message_zh
    assert "第 2 行，列“约定动工日期”：不是日期（应为 2023-03-01）（2022-13-01）" in text
    assert "第 3 行，列“地块编号”：地块在台账中重复" in text and "第 4 行，列“地块编号”：地块编号在地块图层中不存在" in text


def test_low_efficiency_by_profile_threshold():
    import pandas as pd

    prof = load_profile()                                               # illustrative: 亩均税收 below 5 万元/亩
    plots = pd.DataFrame({"tax_per_mu": [4.99, 5.0, None]}, index=["A", "B", "C"])
    for ind in prof["indicators"]:
        if ind["key"] not in plots.columns:
            plots[ind["key"]] = 1.0
    low = low_efficiency(plots, prof)
    assert low.at["A", "low"].startswith("低效用地") and "亩均税收 4.99 < 5" in low.at["A", "low_detail"]
    assert low.at["B", "low"].startswith("未低于阈值") and low.at["C", "low"].startswith("未检查")
