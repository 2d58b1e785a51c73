import pytest

from algorithms.summary import plan_summary, plan_tree


def test_summary_totals_and_missing_values():
    plots = [
        {"DKBH": "Z01-01-01", "YDYHFLDM": "100101", "YDMJ": 20000.0, "RJLXX": 1.2, "TZQD": 3000, "SCJL": "合规"},
        {"DKBH": "Z01-01-02", "YDYHFLDM": "1101", "YDMJ": 10000.0, "RJLXX": None, "TZQD": None, "SCJL": "不合规"},
        {"DKBH": "Z01-02-01", "YDYHFLDM": "1001", "YDMJ": 5000.0, "RJLXX": 1.0, "TZQD": 2000, "SCJL": "需核实"},
    ]
    s = plan_summary(plots, level1_names={"10": "工矿用地", "11": "仓储用地"})
    assert s["plots"] == 3 and s["area_m2"] == 35000.0 and s["area_ha"] == pytest.approx(3.5)
    assert s["floor_area_m2"] == pytest.approx(1.2 * 20000 + 1.0 * 5000)
    assert s["min_investment_wan"] == pytest.approx(3000 * 2 + 2000 * 0.5)
    assert (s["open_findings"], s["missing_far"], s["missing_tzqd"]) == (2, 1, 1)
    assert [(c["code"], c["name"], c["area_m2"]) for c in s["by_class"]] == [("10", "工矿用地", 25000.0),
                                                                             ("11", "仓储用地", 10000.0)]
    assert sum(c["share"] for c in s["by_class"]) == pytest.approx(1.0)


def test_tree_groups_by_codes_and_keeps_orphans():
    clusters = [{"ZTBH": "Z02"}, {"ZTBH": "Z01"}]
    units = [{"DYBH": "Z01-02", "ZTBH": "Z01"}, {"DYBH": "Z01-01"}]
    plots = [{"DKBH": "Z01-01-02"}, {"DKBH": "Z01-01-01"}, {"DKBH": "Z03-01-01"}, {"DKBH": "bad code"}]
    t = plan_tree(clusters, units, plots)
    assert list(t) == ["?", "Z01", "Z02", "Z03"]
    assert list(t["Z01"]["units"]) == ["Z01-01", "Z01-02"]
    assert [p["DKBH"] for p in t["Z01"]["units"]["Z01-01"]["plots"]] == ["Z01-01-01", "Z01-01-02"]
    assert t["Z03"]["record"] is None and t["Z03"]["units"]["Z03-01"]["plots"][0]["DKBH"] == "Z03-01-01"
    assert t["?"]["units"]["?"]["plots"][0]["DKBH"] == "bad code"
