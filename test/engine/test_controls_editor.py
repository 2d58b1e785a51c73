"""check_values: the planner's control editor against the 2008 profile (values read from the shipped tables)."""
import csv
import os

from algorithms.controls import check_values

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _far_min(code):
    with open(os.path.join(ROOT, "test", "data", "reference", "gongye_far_min_gbt4754_2002.csv"), encoding="utf-8") as fh:
        return {r["code_gbt4754_2002"]: float(r["far_min"]) for r in csv.DictReader(fh)}[code]


def test_below_far_minimum_and_above_green_maximum_are_reported_with_clause():
    lim = _far_min("20")  # 木材加工 (2002 code 20; 2017 code 20 maps to it)
    probs = check_values({"RJLXX": lim - 0.1, "HYDM": "C20", "YDYHFLDM": "100101", "LDLSX": 25.0, "JZXS": 35.0})
    by = {p["field"]: p for p in probs}
    assert set(by) == {"RJLXX", "LDLSX"}
    assert by["RJLXX"]["limit"] == lim and "2008" in by["RJLXX"]["source"]
    assert by["LDLSX"]["limit"] == 20.0 and "高于标准上限" in by["LDLSX"]["message"]
    assert "below the minimum" in by["RJLXX"]["message"]


def test_values_within_limits_and_non_industrial_land_give_nothing():
    assert check_values({"RJLXX": 5.0, "HYDM": "C20", "YDYHFLDM": "100101", "LDLSX": 10.0, "JZXS": 40.0}) == []
    assert check_values({"RJLXX": 0.1, "YDYHFLDM": "0901"}) == []  # 商业用地: the industrial standard does not apply
