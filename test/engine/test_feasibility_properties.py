"""Property tests (hypothesis): phasing covers every unit within capacity, contiguously; cash flows conserve money."""
import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algorithms.feasibility import cashflow, load_params, phasing
from algorithms.feasibility.phasing import adjacency


#: a city's local grid (独立坐标系): the origin lies near the site, so coordinates near 0 are real
LOCAL_GRID = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"

def _grid(nx, ny, sizes):
    geoms = [shapely.box(x * 220, y * 220, x * 220 + s, y * 220 + s)
             for (y, x), s in zip(np.ndindex(ny, nx), sizes)]
    return gpd.GeoDataFrame({"DYBH": [f"Z01-{i + 1:02d}" for i in range(nx * ny)]}, geometry=geoms, crs=LOCAL_GRID)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nx=st.integers(1, 6), ny=st.integers(1, 5), cap=st.floats(3.0, 40.0), seed=st.integers(0, 1000),
       absorption=st.floats(0.5, 20.0), thr=st.floats(0.05, 1.0))
def test_phasing_and_cashflow_invariants(nx, ny, cap, seed, absorption, thr):
    rng = np.random.default_rng(seed)
    sizes = rng.uniform(170, 200, nx * ny)   # gaps ≤ 50 m < adjacency distance: a connected grid
    units = _grid(nx, ny, sizes)
    params = load_params(overrides={"phasing": {"capacity_ha": cap, "maturity_threshold": thr},
                                    "development": {"absorption_ha_per_quarter": absorption},
                                    "schedule": {"quarters": 200}})
    ph = phasing(units, params=params)
    k = ph.units["KFFQ"].to_numpy(dtype=int)
    area = ph.costs["area_ha"].to_numpy()
    assert (k >= 1).all()
    assert sorted(set(k)) == list(range(1, k.max() + 1))
    for p in set(k):                            # within capacity unless a single unit is larger than it
        assert area[k == p].sum() <= cap + 1e-9 or (k == p).sum() == 1
    nb = adjacency(units.geometry.to_numpy(), float(params["phasing"]["adjacency_distance"]))
    start = int(np.argmin(ph.units.geometry.distance(shapely.Point(0, 0)).to_numpy()))
    for p in range(1, k.max() + 1):             # phases ≤ p are one connected patch on a connected grid
        inside = set(np.flatnonzero(k <= p).tolist())
        seen, todo = {start}, [start]
        while todo:
            i = todo.pop()
            for j in nb[i]:
                if int(j) in inside and int(j) not in seen:
                    seen.add(int(j))
                    todo.append(int(j))
        assert seen == inside
    t = ph.phases
    assert (t["start_q"].to_numpy()[1:] == t["mature_q"].to_numpy()[:-1] + 1).all()
    cf = cashflow(ph, sensitivity=False)
    q = cf.quarterly
    # with a long horizon every hectare is sold once and every cost is paid once
    land = ph.costs["sell_ha"].sum() * params["revenues"]["land_price_per_ha"]
    assert q["land_revenue"].sum() == pytest.approx(land, rel=1e-9)
    for col in ("land_acquisition", "site_preparation", "utilities", "public_facilities", "factory"):
        assert q[col].sum() == pytest.approx(ph.costs[col].sum(), rel=1e-9)
    assert q["sold_ha"].sum() == pytest.approx(ph.costs["sell_ha"].sum(), rel=1e-9)
    np.testing.assert_allclose(q["cumulative"], np.cumsum(q["inflow"] - q["outflow"]), atol=1e-6)
    assert (cf.financing["net_after_financing"] >= -1e-6).all()
