"""The parts of a feature inside a convex plot, split out of the Sutherland–Hodgman ring (algorithms/checks/clipjoin.py):
valid, and the same polygons as GEOS's intersection, on the shapes where the joining along the plot's edges is
delicate — or left to GEOS (``None``), never wrong."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from algorithms.checks.clip import clipped_areas
from algorithms.checks.overlay import overlay, per_plot_union
from algorithms.geometry import polygonal_part

X0, Y0 = 36_490_000.0, 3_300_000.0          # GK zone-prefixed coordinates, as delivered


def _at(g):
    return shapely.transform(g, lambda c: c + np.array([X0, Y0]))


def comb(teeth=5, x0=-10.0, depth=60.0, width=8.0, gap=12.0, y_base=-20.0):
    """A comb whose teeth reach up into the plot from below: the plot cuts it into ``teeth`` parts."""
    pts = [(x0, y_base)]
    x = x0 + 5
    for _ in range(teeth):
        pts += [(x, y_base), (x, depth), (x + width, depth), (x + width, y_base)]
        x += width + gap
    pts += [(x + 5, y_base), (x + 5, y_base - 10), (x0, y_base - 10)]
    return Polygon(pts)


def cases():
    sq = box(0, 0, 100, 100)
    quad = Polygon([(3, 2), (97, -3), (101, 99), (-2, 96)])
    tri = Polygon([(0, 0), (100, 0), (50, 90)])
    hexa = Polygon([(50 + 50 * np.cos(a), 50 + 50 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 7)[:-1]])
    u = Polygon([(-10, 20), (110, 20), (110, 80), (-10, 80), (-10, 70), (100, 70), (100, 30), (-10, 30)])
    return {
        "comb in square": (sq, comb()),
        "comb clockwise": (sq, comb().reverse()),
        "comb in clockwise plot": (sq.reverse(), comb()),
        "comb in jittered quad": (quad, comb(7)),
        "comb in triangle": (tri, comb(4, depth=30)),
        "comb in hexagon": (hexa, comb(4)),
        # an edge of the feature along the plot's edge (plots cut from the red line's own boundary)
        "teeth sharing the plot's bottom edge": (sq, Polygon([(-10, -20), (20, -20), (20, 0), (30, 0), (30, -20),
                                                              (60, -20), (60, 0), (70, 0), (70, -20), (110, -20),
                                                              (110, 50), (90, 50), (90, 10), (10, 10), (10, 50),
                                                              (-10, 50)])),
        # teeth through plot corners
        "teeth through the corners": (sq, Polygon([(-20, -20), (20, 20), (40, -20), (60, -20), (80, 20),
                                                   (120, -20), (120, -40), (-20, -40)])),
        # a U whose arms cross the plot, its inside edge on the plot's right edge
        "U crossing twice": (sq, u),
        # parts wrapping around a corner
        "parts around corners": (sq, Polygon([(-10, 90), (10, 90), (10, 110), (90, 110), (90, 90), (110, 90),
                                              (110, 120), (-10, 120)])),
        # a part touching another at a point on the plot's edge: delicate, may go to GEOS
        "parts touching on the edge": (sq, Polygon([(-10, -10), (10, -10), (10, 30), (20, 0), (30, 30),
                                                    (30, -10), (110, -10), (110, -20), (-10, -20)])),
        # a hole: several rings, GEOS
        "feature with a hole": (sq, Polygon([(-10, -10), (110, -10), (110, 110), (-10, 110)],
                                            [[(20, 20), (80, 20), (80, 80), (20, 80)]])),
    }


@pytest.mark.parametrize("name", list(cases()))
def test_parts_are_valid_and_the_same_as_geos(name):
    plot, feature = (_at(g) for g in cases()[name])
    res = overlay(np.array([plot], dtype=object), np.array([feature], dtype=object))
    ref = polygonal_part(shapely.intersection(plot, feature))       # GEOS may add a shared edge as a line
    assert len(res.area) == 1
    g = res.geometry[0]
    assert shapely.is_valid(g), name
    assert abs(res.area[0] - ref.area) < 1e-6
    assert shapely.area(shapely.symmetric_difference(g, ref)) < 1e-6, name
    assert len(shapely.get_parts(g)) == len(shapely.get_parts(ref)), name


def test_joined_parts_are_split_without_geos():
    """The shapes that need no GEOS get their parts from the clipping itself (a joiner that always gave up would
    pass the test above through the GEOS fallback)."""
    plain = [n for n in cases() if n not in ("parts touching on the edge", "feature with a hole")]
    plots = np.array([_at(cases()[n][0]) for n in plain], dtype=object)
    feats = np.array([_at(cases()[n][1]) for n in plain], dtype=object)
    k = np.arange(len(plain))
    area, geoms = clipped_areas(plots, feats, k, k, want_rings=True)
    multi = 0
    for n, a, g, p, f in zip(plain, area, geoms, plots, feats):
        assert g is not None, n
        ref = polygonal_part(shapely.intersection(p, f))
        assert len(shapely.get_parts(g)) == len(shapely.get_parts(ref)), n
        multi += len(shapely.get_parts(g)) > 1
        assert abs(shapely.area(g) - a) < 1e-6 and shapely.area(shapely.symmetric_difference(g, ref)) < 1e-6, n
    assert multi >= len(plain) - 1


def _blob_zone(overlapping=False):
    """Quadrilateral plots on a grid and six jagged blobs (the benchmark's shapes); ``overlapping``: each blob
    has a smaller twin overlapping it, so plots lie inside one blob and cross another."""
    rng = np.random.default_rng(3)
    ang = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    blobs = []
    for k in range(6):
        r = 90 * (1 + 0.25 * np.sin(5 * ang + k) + 0.08 * rng.standard_normal(len(ang)))
        blobs.append(Polygon(np.column_stack([200 * k + r * np.cos(ang), r * np.sin(ang)])))
        if overlapping:
            blobs.append(Polygon(np.column_stack([200 * k + 40 + 0.6 * r * np.cos(ang), 0.6 * r * np.sin(ang)])))
    plots = []
    for x in range(-120, 1200, 23):
        for y in range(-120, 120, 23):
            j = rng.uniform(-2, 2, 8)
            plots.append(Polygon([(x + j[0], y + j[1]), (x + 20 + j[2], y + j[3]), (x + 20 + j[4], y + 20 + j[5]),
                                  (x + j[6], y + 20 + j[7])]))
    return np.array([_at(p) for p in plots], dtype=object), np.array([_at(b) for b in blobs], dtype=object)


def test_noisy_blobs_against_geos():
    """Many plots against jagged blobs: every conflict part equals GEOS's intersection."""
    plots, feats = _blob_zone()
    res = overlay(plots, feats)
    ref = shapely.intersection(plots[res.plot], feats[res.feature])
    assert shapely.is_valid(res.geometry).all()
    assert np.abs(res.area - shapely.area(ref)).max() < 1e-6
    assert shapely.area(shapely.symmetric_difference(res.geometry, ref)).max() < 1e-6
    assert (shapely.get_num_geometries(res.geometry) > 1).sum() > 20      # the case under test occurs


def test_plots_inside_one_feature_need_no_union():
    """A plot lying inside one feature and crossing another: its dissolved conflict is the plot itself, taken
    without a union — the same area and polygon as the union of its rows."""
    plots, feats = _blob_zone(overlapping=True)
    res = overlay(plots, feats)
    n = np.bincount(res.plot, minlength=len(plots))
    covered = np.unique(res.plot[res.whole & (n[res.plot] > 1)])
    assert len(covered) > 10                                   # the case under test occurs
    fast_t, fast_u = per_plot_union(len(plots), res.plot, res.area, res.geometry, res.whole)
    slow_t, slow_u = per_plot_union(len(plots), res.plot, res.area, res.geometry)
    assert np.abs(fast_t - slow_t).max() < 1e-6
    assert np.abs(fast_t[covered] - shapely.area(plots[covered])).max() < 1e-6
    has = np.flatnonzero(n > 0)
    assert shapely.area(shapely.symmetric_difference(fast_u[has], slow_u[has])).max() < 1e-6


def _cycles_by_walking(nxt):
    """The cycles of a permutation the plain way: from each arc not yet seen, follow ``nxt`` round its cycle."""
    seen, seq, cyc = set(), [], []
    for a in range(len(nxt)):
        if a in seen:
            continue
        k = cyc[-1] + 1 if cyc else 0
        while a not in seen:
            seen.add(a)
            seq.append(a)
            cyc.append(k)
            a = int(nxt[a])
    return seq, cyc


def test_cycles_by_pointer_jumping_walk_each_cycle_from_its_smallest_arc():
    from algorithms.checks.clipjoin import _cycles

    rng = np.random.default_rng(18)
    for _ in range(500):
        nxt = rng.permutation(int(rng.integers(1, 80)))
        seq, cyc = _cycles_by_walking(nxt)
        longest = int(np.bincount(cyc).max())
        got_seq, got_cyc = _cycles(nxt, longest)
        assert got_seq.tolist() == seq and got_cyc.tolist() == cyc
    one_cycle = np.r_[np.arange(1, 37), 0]                  # a single long cycle: the doubling must reach round it
    assert _cycles(one_cycle, 37)[0].tolist() == list(range(37))


def test_ragged_polygons_same_as_shapely_creation():
    """The polygons/multipolygons built straight from the coordinates are those of shapely's linearrings → polygons →
    multipolygons, byte for byte, also for rings that come back to their first vertex (no closing vertex added)."""
    from algorithms.checks.clipjoin import _ragged_polygons

    rng = np.random.default_rng(5)
    n = 400
    cnt = rng.integers(3, 9, n)
    ring = np.repeat(np.arange(n), cnt)
    ang = np.concatenate([np.sort(rng.random(k)) * 2 * np.pi for k in cnt])
    xy = np.column_stack([np.cos(ang), np.sin(ang)]) * 10.0 + np.repeat(rng.random((n, 2)) * 1e4 + [X0, Y0], cnt, 0)
    ends = np.cumsum(cnt) - 1
    back = ends[cnt > 3][::3]
    xy[back] = xy[back - cnt[np.searchsorted(ends, back)] + 1]         # some rings closed already
    polys = shapely.polygons(shapely.linearrings(xy, indices=ring))
    owner = np.repeat(np.arange(n // 4), 4)
    for got, want in ((_ragged_polygons(xy, ring, n), polys),
                      (_ragged_polygons(xy, ring, n, owner), shapely.multipolygons(polys, indices=owner))):
        assert shapely.to_wkb(got).tolist() == shapely.to_wkb(want).tolist()


@pytest.mark.parametrize("overlapping", [False, True])
def test_tables_built_beside_the_settling_threads_give_the_same_overlay(monkeypatch, overlapping):
    """On several threads the features' clipping tables are built while the prepared predicates run: the overlay is
    the same, row for row and byte for byte, as on one thread (tables built inside the clipping)."""
    import algorithms.checks.overlay as ov
    from algorithms.threads import THREADS

    plots, feats = _blob_zone(overlapping)
    feats = np.r_[feats, [shapely.Polygon(shapely.get_exterior_ring(feats[0]), [shapely.get_exterior_ring(
        shapely.buffer(shapely.centroid(feats[0]), 40, quad_segs=3)).coords])]]           # a feature with a hole
    monkeypatch.setattr(ov, "_SETTLE_SPLIT", 1)
    got = {}
    for t in (1, 2):
        token = THREADS.set(t)
        try:
            assert (ov._settled(plots, feats, np.array([0]), np.array([0]), 16)[2] is None) == (t == 1)
            got[t] = overlay(plots, feats)
        finally:
            THREADS.reset(token)
    a, b = got[1], got[2]
    assert len(a.plot) > 300 and np.array_equal(a.plot, b.plot) and np.array_equal(a.feature, b.feature)
    assert np.array_equal(a.area, b.area) and np.array_equal(a.whole, b.whole)
    assert shapely.to_wkb(a.geometry).tolist() == shapely.to_wkb(b.geometry).tolist()


def test_clipping_does_not_depend_on_the_pairs_sharing_a_batch():
    """Plots of 3–6 corners clipped in a batch with a plot of 24 give what they give alone (areas and polygons bit for
    bit): the batch's extra rounds leave them as they are, so thread counts and batch cuts cannot change a result (the
    old rounds by the last edge again changed 23 of these 400 areas in the last bits)."""
    rng = np.random.default_rng(3)
    x0, y0 = 36_400_000.0, 3_400_000.0
    plots, feats = [], []
    t = np.linspace(0, 2 * np.pi, 300, endpoint=False)
    for k in range(400):
        a = np.sort(rng.uniform(0, 2 * np.pi, rng.integers(3, 7)))
        plots.append(Polygon(np.column_stack([x0 + 100 * k + 30 * np.cos(a), y0 + 30 * np.sin(a)])))
        r = 25 * (1 + 0.3 * np.sin(7 * t + k) + 0.05 * rng.standard_normal(len(t)))
        feats.append(Polygon(np.column_stack([x0 + 100 * k + 10 + r * np.cos(t), y0 + 5 + r * np.sin(t)])))
    ang = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    plots.append(Polygon(np.column_stack([x0 + 50_000 + 40 * np.cos(ang), y0 + 40 * np.sin(ang)])))
    feats.append(shapely.box(x0 + 49_980, y0 - 100, x0 + 50_020, y0 + 100))
    plots, feats = np.array(plots, dtype=object), np.array(feats, dtype=object)
    qi = np.arange(len(plots))
    alone_a, alone_g = clipped_areas(plots, feats, qi[:-1], qi[:-1], want_rings=True, threads=1)
    mixed_a, mixed_g = clipped_areas(plots, feats, qi, qi, want_rings=True, threads=1)
    assert (alone_a > 0).sum() > 350
    assert np.array_equal(alone_a, mixed_a[:-1])
    assert [None if g is None else g.wkb for g in alone_g] == [None if g is None else g.wkb for g in mixed_g[:-1]]
