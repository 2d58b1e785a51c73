"""algorithms/validity.py: the proof of validity must never say valid where GEOS says invalid, and is_valid must be
GEOS's answer everywhere — on random and adversarial polygons (winding twice, spikes, repeated and collinear points,
zero area, one-ulp near-degeneracies, huge, tiny and non-finite coordinates, holes, several parts)."""
import numpy as np
import pytest
import shapely

from algorithms.validity import JAGGED, MIN_COORDS, is_valid, proven_valid

X0, Y0 = 36_390_000.0, 2_500_000.0          # Gauss-Krüger coordinates with the zone number: 7.5e-9 m per ulp


def _star(rng, n, cx=X0, cy=Y0, r=100.0, noise=0.3, lobes=5, even=False):
    """A polygon star-shaped around (cx, cy): angles increasing (``even``: evenly spaced), radii > 0."""
    a = np.linspace(0, 2 * np.pi, n, endpoint=False) if even else np.sort(rng.uniform(0, 2 * np.pi, n))
    rr = r * (1 + 0.25 * np.sin(lobes * a) + noise * rng.uniform(-1, 1, n) / 2)
    return shapely.Polygon(np.column_stack([cx + rr * np.cos(a), cy + rr * np.sin(a)]))


def _random_polygons(rng):
    out = []
    for n in (3, 4, 5, 8, 20, 100, 1000):
        out += [_star(rng, n, noise=rng.uniform(0, 1.8)) for _ in range(40)]
        out += [shapely.Polygon(rng.uniform(0, 100, (n, 2)) + (X0, Y0)) for _ in range(20)]      # mostly invalid
        pts = shapely.MultiPoint(rng.uniform(0, 100, (max(n, 3), 2)) + (X0, Y0))
        out += [shapely.convex_hull(pts)] * 2
        ring = shapely.get_coordinates(_star(rng, n, lobes=3))[:-1]
        out.append(shapely.Polygon(ring[::-1]))                                                  # clockwise
    return out


def _winding(k, n, r=50.0):
    """A star polygon {n/k}: every edge turns the same way round the centre, which it goes round k times."""
    a = 2 * np.pi * k * np.arange(n) / n
    return shapely.Polygon(np.column_stack([X0 + r * np.cos(a), Y0 + r * np.sin(a)]))


def _adversarial(rng):
    sq = [(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10), (X0, Y0 + 10)]
    big = [(x * 1e295, y * 1e295) for x, y in [(0, 0), (10, 0), (10, 10), (0, 10)]]
    tiny = [(x * 1e-310, y * 1e-310) for x, y in [(0, 0), (10, 0), (10, 10), (0, 10)]]
    star = shapely.get_coordinates(_star(rng, 40, noise=0))[:-1]
    out = [shapely.Polygon(sq), shapely.Polygon(sq[::-1]),
           _winding(2, 5), _winding(2, 7), _winding(3, 7), _winding(2, 41), _winding(1, 40),
           shapely.Polygon(sq[:2] + [(X0 + 20, Y0)] + sq[2:]),                          # collinear edges
           shapely.Polygon(sq[:2] + [(X0 + 10, Y0 + 5), (X0 + 15, Y0 + 5), (X0 + 10, Y0 + 5)] + sq[2:]),  # spike
           shapely.Polygon(sq[:2] + [sq[1]] + sq[2:]),                                 # repeated point
           shapely.Polygon(sq[:2] + [(X0 + 10, Y0 + 5)] + sq[2:]),                     # collinear point
           shapely.Polygon([(X0, Y0), (X0 + 5, Y0), (X0 + 10, Y0)]),                   # zero area
           shapely.Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0), (X0, Y0)]),
           shapely.Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)]),  # bow-tie
           shapely.Polygon(sq + [(X0, Y0), (X0 - 5, Y0 - 2), (X0 - 5, Y0 + 2)]),        # through its start again
           shapely.Polygon(sq + [(X0 + 5, Y0 + 5)]),                                    # vertex at the vertex mean
           shapely.Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 10, Y0 + 10), (X0 + 5, Y0), (X0, Y0 + 10)]),  # touches
           shapely.Polygon(big), shapely.Polygon(tiny), shapely.Polygon(sq + [(X0 + 5, np.inf)]),
           shapely.Polygon(sq + [(np.nan, Y0 + 5)]),
           shapely.Polygon(sq, [[(X0 + 2, Y0 + 2), (X0 + 4, Y0 + 2), (X0 + 4, Y0 + 4)]]),  # a hole
           shapely.Polygon(sq, [[sq[0], (X0 + 4, Y0 + 2), (X0 + 4, Y0 + 4)]]),           # a hole through the start
           shapely.Polygon(sq, [[(X0 + 2, Y0 + 2), (X0 + 14, Y0 + 2), (X0 + 4, Y0 + 4)]]),  # a hole outside
           shapely.MultiPolygon([shapely.Polygon(sq)]), shapely.MultiPolygon([_winding(2, 5)]),
           shapely.MultiPolygon([shapely.Polygon(sq), shapely.box(X0 + 5, Y0 + 5, X0 + 20, Y0 + 20)]),
           shapely.MultiPolygon([shapely.Polygon(sq), shapely.box(X0 + 50, Y0, X0 + 60, Y0 + 10)]),
           shapely.Polygon(), shapely.MultiPolygon(), None,
           shapely.Polygon([(x, y, 7.0) for x, y in sq]),
           shapely.LineString(sq), shapely.GeometryCollection([shapely.Polygon(sq)])]
    # near-degenerate: a point one ulp either side of an edge, or of the line back along a spike
    for d in (-2, -1, 0, 1, 2):
        y = np.nextafter(Y0, Y0 + d) if d else Y0
        y = y if abs(d) < 2 else np.nextafter(y, Y0 + d)
        out.append(shapely.Polygon(sq[:1] + [(X0 + 5, y)] + sq[1:]))
        out.append(shapely.Polygon(sq[:2] + [(X0 + 20, Y0), (X0 + 10.5, y)] + sq[2:]))
        out.append(shapely.Polygon(np.vstack([star[:10], [(star[10, 0], np.nextafter(star[10, 1], star[10, 1] + d))],
                                              star[10:]])))
    # a star polygon with one vertex pulled through the centre, and with two vertices swapped
    for k in range(5):
        bad = star.copy()
        bad[k * 7] = 2 * bad.mean(axis=0) - bad[k * 7]
        out.append(shapely.Polygon(bad))
        bad = star.copy()
        bad[[k, k + 1 + k]] = bad[[k + 1 + k, k]]
        out.append(shapely.Polygon(bad))
    return out


def _geos_agrees(geoms):
    geoms = np.array(geoms, dtype=object)
    geos = shapely.is_valid(geoms)
    proven = proven_valid(geoms)
    wrong = np.flatnonzero(proven & ~geos)
    assert not len(wrong), [shapely.to_wkt(g) for g in geoms[wrong[:3]]]
    assert (is_valid(geoms) == geos).all() and (is_valid(geoms, min_size=2) == geos).all()
    return geoms, geos, proven


def test_never_proves_what_geos_finds_invalid():
    rng = np.random.default_rng(18)
    geoms, geos, proven = _geos_agrees(_random_polygons(rng) + _adversarial(rng))
    assert (~geos).sum() > 100 and proven.sum() > 150                 # both sides are exercised
    blobs = [_star(rng, n, noise=0.05, even=True) for n in (3, 10, 30, 100, 1000, 10_000) for _ in range(5)]
    assert proven_valid(blobs).all()           # the proof does work: blobs as bench_overlay's constraints are proven
    assert proven_valid(blobs[20:], min_turning=JAGGED).all()       # and is_valid uses it for those of ≥ 1000 vertices
    circles = [_star(rng, n, noise=0, lobes=0, even=True) for n in (100, 1000)]
    assert proven_valid(circles).all() and not proven_valid(circles, min_turning=JAGGED).any()   # smooth: GEOS


def test_adversarial_polygons_left_to_geos():
    geoms, geos, proven = _geos_agrees(_adversarial(np.random.default_rng(1)))
    assert proven[[0, 1, 6, 7, 10]].all()         # squares either way round, a 40-gon, collinear points
    assert not proven[2:6].any()                  # winding twice or three times round the centre: GEOS decides
    assert proven[[24, 31]].all() and not proven[[21, 27]].any()   # a multi of one, 3D; a hole, two parts: GEOS


@pytest.mark.parametrize("seed", range(6))
def test_jagged_stars_with_noise_and_offsets(seed):
    """Stars with many vertices, with noise large enough to break star shape in places, at several scales."""
    rng = np.random.default_rng(seed)
    scale = [1e-3, 1.0, 1e3, 1e6][seed % 4]
    geoms = [_star(rng, int(rng.integers(MIN_COORDS, 400)), r=scale, noise=rng.uniform(0, 2.5)) for _ in range(300)]
    _geos_agrees(geoms)
