"""Money from the plan itself (issue 20): class rates, a plot's own price, FAR, land use, tax ramp, supply modes.

Every case is a few plots in one phase with every flow but the one under test switched off, so each quarter's
figure can be written down by hand (万元): 2 ha are supplied in quarter 1 and 2 ha in quarter 2.
"""
import geopandas as gpd
import numpy as np
import numpy_financial as npf
import pytest
import shapely
from test_feasibility import HAND

from algorithms.errors import InputError
from algorithms.feasibility import cashflow, load_params, phasing
from algorithms.feasibility.cashflow import quarterly_rate
from algorithms.feasibility.params import merge_params, validate_params
from algorithms.feasibility.supply import term_factor

from grids import LOCAL_GRID as CRS  # noqa: E402  (toy coordinates: a local grid, not a GK zone)
# the hand case of test_feasibility with only 征地, land income and (where a test says) factories and tax left
BASE = merge_params(HAND, {
    "schedule": {"quarters": 16},
    "costs": {"site_preparation_per_ha": 0, "utilities_per_ha": 0, "public_facilities_per_ha": 0,
              "factory_cost_per_m2": 0.2, "operation_per_ha_year": 0},
    "development": {"occupancy_max": 1.0, "occupancy_ramp_quarters": 2},
    "revenues": {"land_rent_per_ha_year": 30, "factory_sale_share": 1, "factory_sale_price_per_m2": 0.3,
                 "services_per_ha_year": 0, "tax_per_ha_year": 0},
    "land_supply": {"default_mode": "出让", "full_term_years": 50, "flexible_term_years": 20,
                    "flexible_max_years": 20, "lease_years": 1, "long_lease_years": 2, "capitalisation_rate": 0.06},
    "sensitivity": {"steps": [-0.1, 0.1], "factors": ["land_price"],
                    "two_way": {"land_price": [-0.1, 0.0], "occupancy": [0.0]}},
})
CLASSES = {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0, "tax_per_ha_year": 100},
           "1101": {"land_price_per_ha": 450, "developer_factory_share": 0, "tax_per_ha_year": 60}}
R = quarterly_rate(0.08)
DISC = (1 + R) ** -np.arange(16)


def _params(classes=CLASSES, **over):
    params = load_params(overrides={**BASE, **over})
    params["land_use"] = classes          # the default table replaced whole
    validate_params(params)
    return params


def _plots(codes, *, ha=2.0, **cols):
    n = len(codes)
    data = {"DKBH": [f"Z01-01-{i + 1:02d}" for i in range(n)], "DYBH": ["Z01-01"] * n, "YDYHFLDM": list(codes),
            "YDMJ": [ha * 1e4] * n, "GDZT": ["未供地"] * n}
    data.update(cols)
    geoms = [shapely.box(i * 150, 0, i * 150 + 140, 140) for i in range(n)]
    return gpd.GeoDataFrame(data, geometry=geoms, crs=CRS)


def _run(plots, params, **kw):
    ph = phasing(plots, params=params, pin_field=None)
    return ph, cashflow(ph, sensitivity=False, **kw)


def test_land_price_by_class_and_a_plots_own_price():
    _, cf = _run(_plots(["100101", "110101"]), _params())
    # 1 ha of each plot in quarter 1 and in quarter 2
    np.testing.assert_allclose(cf.quarterly["land_revenue"].to_numpy()[:4], [0, 1050, 1050, 0], atol=1e-9)
    _, own = _run(_plots(["100101", "110101"], DJ=[None, 500.0]), _params(), price_field="DJ")
    np.testing.assert_allclose(own.quarterly["land_revenue"].to_numpy()[:4], [0, 1100, 1100, 0], atol=1e-9)
    assert own.costs["price_from_plan"].tolist() == [False, True]
    assert cf.costs["rate_class"].tolist() == ["1001", "1101"]


def test_far_change_moves_factory_cost_and_sales_by_hand():
    classes = {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0.5}}
    plots = _plots(["100101"], ha=4.0, RJLXX=[1.0])
    _, low = _run(plots, _params(classes))
    _, high = _run(plots.assign(RJLXX=[1.2]), _params(classes))
    # 2 ha of factories: 20 000 m² at FAR 1.0, 24 000 m² at 1.2; built in quarter 2 (after 2 quarters of servicing),
    # occupied half in quarter 3 and whole in quarter 4, all sold at 0.3 万元/m²
    np.testing.assert_allclose(low.quarterly["factory"].to_numpy()[:5], [0, 0, 4000, 0, 0], atol=1e-9)
    np.testing.assert_allclose(low.quarterly["factory_sale"].to_numpy()[:5], [0, 0, 0, 3000, 3000], atol=1e-9)
    delta = high.quarterly["net"].to_numpy() - low.quarterly["net"].to_numpy()
    np.testing.assert_allclose(delta[:5], [0, 0, -800, 600, 600], atol=1e-9)
    assert high.summary["npv"] - low.summary["npv"] == pytest.approx(-800 * DISC[2] + 600 * DISC[3] + 600 * DISC[4],
                                                                     abs=1e-6)
    assert low.costs["far_from_plan"].tolist() == [True]


def test_land_use_change_moves_land_income_and_tax_by_hand():
    _, ind = _run(_plots(["100101", "100101"]), _params())
    _, log = _run(_plots(["100101", "110101"]), _params())
    # the second plot (2 ha, 1 ha sold in q1 and q2) at 450 instead of 600; its tax 60 instead of 100 万元/公顷·年,
    # half retained, ÷ 4 per quarter, on 1 ha producing from q2 and 2 ha from q3
    delta = log.quarterly["net"].to_numpy() - ind.quarterly["net"].to_numpy()
    tax = -40 * 0.5 / 4
    want = np.array([0, -150, -150 + tax * 1] + [tax * 2] * 13)
    np.testing.assert_allclose(delta, want, atol=1e-9)
    assert log.summary["npv"] - ind.summary["npv"] == pytest.approx(float(want @ DISC), abs=1e-6)


def test_own_tax_control_ramps_up_as_enterprises_produce():
    over = dict(BASE["development"], production_ramp_quarters=2)
    _, cf = _run(_plots(["100101", "100101"], DJSS=[80.0, 80.0]), _params(development=over))
    producing = [0, 0, 1, 3, 4, 4]            # ha: each hectare half in its first producing quarter, then whole
    np.testing.assert_allclose(cf.quarterly["producing_ha"].to_numpy()[:6], producing, atol=1e-9)
    np.testing.assert_allclose(cf.quarterly["tax"].to_numpy()[:6], np.array(producing) * 80 * 0.5 / 4, atol=1e-9)
    assert cf.costs["tax_rate_from_plan"].all()


K20 = term_factor(20, 50, 0.06)
K49 = term_factor(49, 50, 0.06)
HELD_LEASE = [0, 2, 4, 4, 4, 2] + [0] * 10          # ha under a 1-year lease (4 quarters from supply)
HELD_LONG = [0, 2] + [4] * 7 + [2] + [0] * 6         # ha under a 2-year lease
MODES = {
    "出让": {"land_revenue": [0, 400, 400] + [0] * 13, "land_rent": [0] * 16},
    "弹性出让": {"land_revenue": [0, 400 * K20, 400 * K20] + [0] * 13, "land_rent": [0] * 16},
    "先租后让": {"land_revenue": [0] * 5 + [400 * K49] * 2 + [0] * 9, "land_rent": [h * 30 / 4 for h in HELD_LEASE]},
    "长期租赁": {"land_revenue": [0] * 16, "land_rent": [h * 30 / 4 for h in HELD_LONG]},
}


@pytest.mark.parametrize("mode", list(MODES))
def test_supply_mode_cash_timing_npv_and_irr(mode):
    plots = _plots(["100101", "100101"], GDFS=[mode, mode])
    _, cf = _run(plots, _params({}), mode_field="GDFS")
    q = cf.quarterly
    for col, want in MODES[mode].items():
        np.testing.assert_allclose(q[col].to_numpy(), want, atol=1e-9, err_msg=f"{mode} {col}")
    net = np.array(MODES[mode]["land_revenue"]) + np.array(MODES[mode]["land_rent"])
    net[0] -= 400.0                                   # 征地 100 万元/公顷 × 4 ha in quarter 0
    np.testing.assert_allclose(q["net"].to_numpy(), net, atol=1e-9)
    assert cf.summary["npv"] == pytest.approx(float(npf.npv(R, net)), abs=1e-6)
    assert cf.summary["irr_quarter"] == pytest.approx(float(npf.irr(net)), abs=1e-6)
    assert set(cf.costs["supply_mode"]) == {mode}


def test_supplied_land_brings_nothing_whatever_the_mode_field_says():
    plots = _plots(["100101", "100101"], GDFS=["长期租赁", "出让"], GDZT=["已供地", "未供地"])
    _, cf = _run(plots, _params({}), mode_field="GDFS")
    assert cf.costs["supply_mode"].tolist() == ["已供地", "出让"]
    assert cf.quarterly["land_rent"].sum() == 0
    assert cf.quarterly["land_revenue"].sum() == pytest.approx(400.0)      # 2 ha at 200
    assert cf.quarterly["land_acquisition"].sum() == pytest.approx(200.0)  # only the unsupplied plot


def test_default_mode_and_an_unknown_mode_value():
    plots = _plots(["100101", "100101"], GDFS=["挂牌出让", "以物易地"])
    _, cf = _run(plots, _params({}), mode_field="GDFS", default_mode="长期租赁")
    assert cf.costs["supply_mode"].tolist() == ["出让", "长期租赁"]
    assert any(f.rule_id == "FEAS-SUPPLY-MODE" and "以物易地" in f.message for f in cf.findings)


def test_bad_supply_and_class_parameters_are_clear_messages():
    with pytest.raises(InputError) as e:
        _params(land_supply=dict(BASE["land_supply"], flexible_term_years=30))
    assert "弹性出让年限上限" in e.value.bilingual() and "flexible-term maximum" in e.value.bilingual()
    with pytest.raises(InputError) as e:
        _params({"1001": {"land_price": 600}})
    assert "land_use.1001.land_price" in str(e.value)
    with pytest.raises(InputError) as e:
        _params({"1001": {"developer_factory_share": 20}})
    assert "0 与 1" in e.value.bilingual()
