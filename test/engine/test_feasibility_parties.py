"""Several developers (a two-party split, government funds, existing debt) and the sensitivity outputs, by hand."""
import xml.etree.ElementTree as ET

import numpy as np
import numpy_financial as npf
import pytest
from test_feasibility_money import BASE, DISC, R, _params, _plots, _run

from algorithms.errors import InputError
from algorithms.feasibility import phasing
from algorithms.feasibility.cashflow import cashflow, quarterly_rate
from algorithms.feasibility.chart import write_tornado
from algorithms.feasibility.sensitivity import tornado_frame

COSTS = dict(BASE["costs"], site_preparation_per_ha=20)      # 80 万元 over two quarters: 40 in q0 and q1
# project net (万元): q0 −400 征地 −40; q1 −40 + 400 land; q2 400 + tax on 2 ha; from q3 tax on 4 ha
# (DJSS 40 万元/公顷·年, half retained, ÷ 4: 5 per ha and quarter)
NET = np.array([-440.0, 360.0, 410.0] + [20.0] * 13)
TAX = np.array([0.0, 0.0, 10.0] + [20.0] * 13)


def _cash(**parties):
    params = _params({}, costs=COSTS, parties={"partner": {"name": "合作方", "equity_share": 0.0}, **parties})
    return _run(_plots(["100101", "100101"], DJSS=[40.0, 40.0]), params)[1]


def test_project_flow_of_the_party_cases():
    cf = _cash()
    np.testing.assert_allclose(cf.quarterly["net"], NET, atol=1e-9)
    np.testing.assert_allclose(cf.quarterly["tax"], TAX, atol=1e-9)


def test_two_party_split_with_a_tax_share():
    cf = _cash(partner={"name": "飞地合作方", "equity_share": 0.3, "tax_share": 0.5})
    partner = 0.3 * (NET - TAX) + 0.5 * TAX
    platform = NET - partner
    flows = cf.parties.flows
    np.testing.assert_allclose(flows["飞地合作方"]["net"], partner, atol=1e-9)
    np.testing.assert_allclose(flows["平台公司"]["net"], platform, atol=1e-9)
    assert partner[2] == pytest.approx(0.3 * 400 + 0.5 * 10)
    s = cf.parties.summary.set_index("party")
    for name, flow in (("飞地合作方", partner), ("平台公司", platform)):
        assert s.loc[name, "npv"] == pytest.approx(float(npf.npv(R, flow)), abs=1e-6)
        assert s.loc[name, "irr_annual"] == pytest.approx((1 + float(npf.irr(flow))) ** 4 - 1, abs=1e-6)
    assert s.loc["飞地合作方", "peak_need"] == pytest.approx(132.0)      # 0.3 × 440 in q0
    assert s.loc["平台公司", "peak_need"] == pytest.approx(308.0)
    assert s.loc["政府资金", "npv"] == 0.0


def test_grant_special_bond_and_existing_debt_by_hand():
    gov = {"name": "政府资金", "grant_share": 0.25,
           "special_bond": {"share": 0.5, "max_amount": None, "interest_rate": 0.04, "term_years": 1,
                            "repayment": "bullet", "coverage_min": 1.1}}
    debt = [{"name": "存量贷款", "balance": 100, "interest_rate": 0.05, "remaining_quarters": 4, "repayment": "equal"}]
    cf = _cash(government=gov, existing_debt=debt)
    rb, rd = quarterly_rate(0.04), quarterly_rate(0.05)
    draw = np.array([20.0, 20.0] + [0.0] * 14)          # half of the 40 万元 of site preparation in q0 and q1
    interest = np.array([0, 20 * rb, 40 * rb, 40 * rb, 40 * rb, 20 * rb] + [0.0] * 10)
    principal = np.array([0, 0, 0, 0, 20.0, 20.0] + [0.0] * 10)
    grant = np.array([10.0, 10.0] + [0.0] * 14)
    government = -grant - draw + interest + principal
    existing = np.array([25 + 100 * rd, 25 + 75 * rd, 25 + 50 * rd, 25 + 25 * rd] + [0.0] * 12)
    platform = NET + grant + draw - interest - principal - existing
    flows = cf.parties.flows
    np.testing.assert_allclose(flows["政府资金"]["net"], government, atol=1e-9)
    np.testing.assert_allclose(flows["平台公司"]["net"], platform, atol=1e-9)
    np.testing.assert_allclose(cf.parties.bonds["balance"], np.cumsum(draw - principal), atol=1e-9)
    total = sum(df["net"].to_numpy() for df in flows.values())
    np.testing.assert_allclose(total, NET - existing, atol=1e-9)     # the parties share the project, less old debt
    s = cf.parties.summary.set_index("party")
    assert s.loc["平台公司", "npv"] == pytest.approx(float(npf.npv(R, platform)), abs=1e-6)
    assert s.loc["政府资金", "npv"] == pytest.approx(float(government @ DISC), abs=1e-6)


def test_bond_coverage_below_the_minimum_is_reported():
    gov = {"special_bond": {"share": 1.0, "interest_rate": 0.04, "term_years": 1, "repayment": "equal",
                            "coverage_min": 100.0}}
    cf = _cash(government=gov)
    assert any(f.rule_id == "FEAS-BOND-COVER" for f in cf.findings)


def test_party_shares_are_checked():
    with pytest.raises(InputError) as e:
        _cash(government={"grant_share": 0.7, "special_bond": {"share": 0.5}})
    assert "不能超过 1" in e.value.bilingual()
    with pytest.raises(InputError):
        _cash(existing_debt=[{"balance": 100}])
    with pytest.raises(InputError) as e:        # NaN rate: every money figure after it would be NaN
        _cash(government={"grant_share": 0.2, "special_bond": {"share": 0.5, "interest_rate": float("nan")}})
    assert "interest_rate" in e.value.bilingual()


FACTORY = {"1001": {"land_price_per_ha": 600, "developer_factory_share": 0.5}}


def test_two_way_table_and_tornado_by_hand(tmp_path):
    sens = {"steps": [-0.3, 0.1], "factors": ["land_price", "occupancy", "construction_cost"],
            "two_way": {"land_price": [-0.1, 0.0], "occupancy": [-0.3, 0.0]}}
    params = _params(FACTORY, sensitivity=sens)
    ph = phasing(_plots(["100101"], ha=4.0, RJLXX=[1.0]), params=params, pin_field=None)
    cf = cashflow(ph, tornado_path=str(tmp_path / "t.svg"))
    base = cf.summary["npv"]
    land = -0.1 * 1200 * DISC[1]                 # 2 ha sold at 600 in quarter 1
    occ = -0.3 * 3000 * (DISC[3] + DISC[4])      # 30 % less of the 20 000 m² sold at 0.3 in q3 and q4
    want = np.array([[base + land + occ, base + land], [base + occ, base]])
    np.testing.assert_allclose(cf.two_way.to_numpy(), want, atol=1e-6)
    tor = tornado_frame(cf.sensitivity)
    # swings: occupancy 1800 万元 in q3–q4, construction ±(−30 %, +10 %) of 4000 in q2, land price of 1200 in q1
    assert tor["factor"].tolist() == ["occupancy", "construction_cost", "land_price"]
    assert tor.set_index("factor").loc["construction_cost", "low"] == pytest.approx(1200 * DISC[2])
    row = tor.set_index("factor").loc["occupancy"]
    assert (row["low"], row["high"]) == (pytest.approx(occ), pytest.approx(0.0, abs=1e-9))  # occupancy capped at 1
    root = ET.parse(cf.tornado_path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r for r in root.iter(f"{ns}rect") if r.get("fill") in ("#d62728", "#2ca02c")]
    assert len(bars) == 2 * 3
    texts = " ".join(t.text or "" for t in root.iter(f"{ns}text"))
    assert "地价 land price" in texts and "出租率 occupancy" in texts and "龙卷风图" in texts
    png = write_tornado(tor, base, str(tmp_path / "t.png"))
    with open(png, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
