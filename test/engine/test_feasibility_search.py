"""调整建议 (issue 20): the search finds the least change that reaches the targets, within the rules, reproducibly."""
import time

import geopandas as gpd
import numpy as np
import pytest
import shapely
from test_feasibility_money import BASE

from algorithms.checks.tables import load_zoning_table
from algorithms.controls import check_values
from algorithms.feasibility import cashflow, load_params, phasing, suggest
from algorithms.feasibility.levers import zoning_safe
from algorithms.feasibility.params import validate_params
from algorithms.feasibility.search import plan_version, suggestion_sheet
from algorithms.standards import load_profile

from grids import LOCAL_GRID as CRS  # noqa: E402  (toy coordinates: a local grid, not a GK zone)
PROFILE = load_profile("gongye_2008")
# only 征地 and land income: 500 万元/公顷 to acquire, industrial land sells for 600, logistics for 300
COSTS = dict(BASE["costs"], land_acquisition_per_ha=500, factory_cost_per_m2=0.1)
CLASSES = {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0},
           "1101": {"land_price_per_ha": 300, "developer_factory_share": 0}}


def _params(classes=CLASSES, **over):
    search = {"seconds": 30, "seed": 7, "max_changes": 2, "suggestions": 3, "npv_min": 0.0,
              "peak_funding_limit": None, "meet_targets": True, "far_step": 0.1,
              "land_use_options": {"1101": ["100101"]}, "modes": ["出让", "长期租赁"], "capacity_factors": []}
    search.update(over.pop("search", {}))
    no_targets = {"year3": {"output_value": None, "companies": None}}      # the NPV is the one target here
    params = load_params(overrides={**BASE, "costs": COSTS, "search": search, "targets": no_targets, **over})
    params["land_use"] = classes
    validate_params(params)
    return params


def _plan(*, apart=False):
    """Units Z01-01 (logistics) and Z01-02 (industrial), 4 ha each; with ``apart`` a third, logistics, unit whose
    plot an ecological red line makes 不合规 (set apart)."""
    rows = [("Z01-01", "110101", "合规", 0.0), ("Z01-02", "100101", "合规", 0.0)]
    if apart:
        rows.append(("Z01-03", "110101", "不合规", 500.0))
    n = len(rows)
    return gpd.GeoDataFrame({"DKBH": [f"{u}-01" for u, *_ in rows], "DYBH": [u for u, *_ in rows],
                             "ZTBH": ["Z01"] * n, "YDYHFLDM": [c for _, c, *_ in rows], "HYDM": ["13"] * n,
                             "YDMJ": [4e4] * n, "JRJZMJ": [4e4] * n, "RJLXX": [1.0] * n, "RJLSX": [1.8] * n, "GDZT": ["未供地"] * n,
                             "SCJL": [s for *_, s, _ in rows], "CT_STHX": [a for *_, a in rows]},
                            geometry=[shapely.box(i * 210, 0, i * 210 + 200, 200) for i in range(n)], crs=CRS)


def _search(plan, params, **kw):
    ph = phasing(plan, params=params, pin_field=None)
    cf = cashflow(ph, sensitivity=False)
    return ph, cf, suggest(ph, cf, profile=PROFILE, **kw)


def test_one_land_use_change_turns_the_npv_non_negative_and_a_recomputation_agrees():
    params = _params()
    ph, cf, res = _search(_plan(apart=True), params)
    assert cf.summary["npv"] < 0 and not res.base["feasible"]
    best = res.suggestions[0]
    assert best["feasible"] and best["npv"] >= 0
    assert [m.text() for m in best["moves"]] == ["单元 unit Z01-01：用地 land use 一类物流仓储用地 → 一类工业用地"]
    # the change alone: the unit's 4 ha are sold 1 ha a quarter in q1–q4 (2 ha a quarter over both units) at 600
    # instead of 300
    d = 1.08 ** (-np.arange(5) / 4)
    assert best["npv"] - cf.summary["npv"] == pytest.approx(300 * (d[1] + d[2] + d[3] + d[4]), abs=1e-6)
    version = plan_version(ph, cf, best)
    assert version.set_index("DYBH").loc["Z01-01", "YDYHFLDM"] == "100101"
    assert version.set_index("DYBH").loc["Z01-03", "YDYHFLDM"] == "110101"      # set-apart land untouched
    again = cashflow(phasing(version, params=params, pin_field=None), sensitivity=False, mode_field="GDFS")
    assert again.summary["npv"] == pytest.approx(best["npv"], abs=1e-6)
    changed = version[version["DYBH"] == "Z01-01"].iloc[0].to_dict()
    assert check_values(changed, profile=PROFILE) == []                    # the new use's controls meet the standard
    assert changed["RJLXX"] == pytest.approx(1.0) and "2008" in changed["ZBLY"]


def test_set_apart_land_is_never_a_lever():
    _, _, res = _search(_plan(apart=True), _params())
    assert res.singles and all(m.target != "Z01-03" for m in res.singles)
    assert "Z01-03" not in suggestion_sheet(res).to_string()


def test_same_seed_same_list_and_the_time_limit_holds():
    params = _params(search={"max_changes": 3, "suggestions": 5})
    lists = []
    for _ in range(2):
        _, _, res = _search(_plan(), params)
        lists.append([([m.text() for m in s["moves"]], round(s["npv"], 6)) for s in res.suggestions])
    assert lists[0] == lists[1] and lists[0]
    t0 = time.monotonic()
    _, _, cut = _search(_plan(), params, seconds=0.0)
    assert time.monotonic() - t0 < 10 and not cut.complete and "时间上限" in cut.note


def test_no_plan_within_the_rules_is_said_so():
    classes = {"1001": {"land_price_per_ha": 100, "developer_factory_share": 0},
               "1101": {"land_price_per_ha": 100, "developer_factory_share": 0}}
    _, cf, res = _search(_plan(), _params(classes))
    assert not any(s["feasible"] for s in res.suggestions)
    assert "没有方案" in res.note and "no plan" in res.note
    assert cf.summary["npv"] < 0


def test_far_moves_stay_within_the_standard_and_the_plots_maximum():
    classes = {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0.5,
                        "factory_sale_price_per_m2": 0.05}}
    _, _, res = _search(_plan(), _params(classes))
    far = [m for m in res.singles if m.kind == "far"]
    assert {m.after for m in far} == {"1.1", "1.2"}         # 0.9 and 0.8 are below the 2008 minimum of 1.0
    for m in far:
        row = m.plots.iloc[0].to_dict()
        assert check_values(row, profile=PROFILE) == [] and row["RJLXX"] <= row["RJLSX"]
        assert row["JRJZMJ"] == pytest.approx(row["RJLXX"] * row["YDMJ"])


def test_zoning_compatibility_of_a_use_change():
    zoning = load_zoning_table()
    assert zoning_safe("110101", "100101", zoning)          # every zone allowing logistics allows industry
    assert not zoning_safe("100101", "070101", zoning)      # an industrial zone does not allow housing


def test_phase_size_move_regroups_by_the_phasing_rules():
    units = gpd.GeoDataFrame({"DYBH": [f"Z01-{i + 1:02d}" for i in range(6)], "YDMJ": [4e4] * 6},
                             geometry=[shapely.box(i * 210, 0, i * 210 + 200, 200) for i in range(6)], crs=CRS)
    params = _params(search={"capacity_factors": [0.5, 1.0]}, phasing={"capacity_ha": 8, "maturity_threshold": 0.5})
    ph = phasing(units, params=params, pin_field=None)
    assert np.array_equal(ph.regroup(8), ph.units["KFFQ"].to_numpy())        # the same rules give the same phases
    cf = cashflow(ph, sensitivity=False)
    res = suggest(ph, cf, profile=PROFILE)
    size = [m for m in res.singles if m.kind == "size"]
    assert [m.after for m in size] == ["4 公顷（6 期）"]                        # × 1.0 changes nothing: no move
    area = ph.costs["area_ha"].to_numpy()
    assert all(area[size[0].phase == k].sum() <= 4 + 1e-9 for k in set(size[0].phase))


def test_a_target_short_keeps_a_plan_from_reaching_the_targets():
    # 3 years after the base year 2017 (2020Q4) the plan's 8 ha produce 8 ÷ 2 = 4 companies at the most: 50 is short
    params = _params(targets={"year3": {"output_value": None, "companies": 50}})
    _, cf, res = _search(_plan(), params)
    assert not res.base["feasible"] and any("企业引进" in s[0] for s in res.base["short"])
    assert not any(s["feasible"] for s in res.suggestions) and "没有方案" in res.note
    sheet = suggestion_sheet(res)
    assert "企业引进" in str(sheet.iloc[0]["未达到的发展目标 targets short"])


def test_bad_search_and_sensitivity_parameters_are_clear_messages():
    from algorithms.errors import InputError

    for over, words in (({"search": {"land_use_options": {"1101": "100101"}}}, "land_use_options"),
                        ({"search": {"modes": ["划拨"]}}, "search.modes"),
                        ({"sensitivity": {"two_way": {"land_price": [-2]}}}, "sensitivity.two_way.land_price"),
                        ({"sensitivity": {"factors": ["rent"]}}, "sensitivity.factors")):
        with pytest.raises(InputError) as e:
            _params(**over)
        assert words in e.value.bilingual()


def test_a_plan_in_degrees_without_ydmj_gives_the_same_figures_when_recomputed():
    classes = dict(CLASSES, **{"1001": {"land_price_per_ha": 600, "developer_factory_share": 0.5}})
    params = _params(classes, search={"npv_min": 1e6})     # out of reach: every single move is tried
    plan = _plan(apart=True).drop(columns=["YDMJ", "JRJZMJ"]).to_crs(4490)
    ph, cf, res = _search(plan, params)
    moves = [next(m for m in res.singles if m.kind == kind) for kind in ("land_use", "far", "mode")]
    for mv in moves:      # each move's figure is what computing its plan version again gives
        again = cashflow(phasing(plan_version(ph, cf, {"moves": [mv]}), params=params, pin_field=None),
                         sensitivity=False, mode_field="GDFS")
        assert again.summary["npv"] == pytest.approx(cf.summary["npv"] + mv.effect["npv"], abs=1e-6), mv.text()
