"""The report's maps in bulk: path data written by numpy equal to point-by-point formatting, rings oriented as GEOS
normalize orients them, paths cut below Qt's limit at ring boundaries, the view tests by bounding box equal to GEOS's
predicates."""
import numpy as np

import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import shapely

from algorithms.report.svgmap import View, _side
from algorithms.report.svgpath import MAX_POINTS, bulk_path

X0, Y0 = 36_400_000.0, 3_400_000.0


def _plain_path(view, geoms) -> list:
    """The point-by-point reference: every polygon ring (get_parts → get_rings), then every line, one f-string per
    point in tenths of a pixel, repeated points dropped, paths of whole rings up to MAX_POINTS points."""
    geoms = [g for g in geoms if g is not None]
    parts = shapely.get_parts(np.array(geoms, dtype=object)) if geoms else np.zeros(0, dtype=object)
    rings = [(r, True) for p in parts if p.geom_type == "Polygon" for r in shapely.get_rings(p)]
    rings += [(p, False) for p in parts if p.geom_type in ("LineString", "LinearRing")]
    tokens, starts = [], []
    for ring, closed in rings:
        pts = []
        for x, y in shapely.get_coordinates(ring):
            p = (int(np.rint(((x - view.x0) * view.s + view.pad) * 10)),
                 int(np.rint(((view.y0 + view.h - y) * view.s + view.pad) * 10)))
            if not pts or p != pts[-1]:
                pts.append(p)
        if pts:
            starts.append(len(tokens))
            tokens += [f"{'M' if k == 0 else 'L'}{x},{y}{'Z' if closed and k == len(pts) - 1 else ''}"
                       for k, (x, y) in enumerate(pts)]
    bounds, prev = [0], 0
    for start in starts[1:] + [len(tokens)]:
        if start - bounds[-1] > MAX_POINTS and prev > bounds[-1]:
            bounds.append(prev)
        prev = start
    bounds.append(len(tokens))
    return [" ".join(tokens[a:b]) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def _mixed(rng, n=300):
    """Polygons with and without holes, multipolygons, lines, collections with points, empties and None, some
    outside the view (negative pixels) and far from it (five-digit pixels), in random order."""
    x, y = rng.uniform(-200, 1200, n), rng.uniform(-200, 1200, n)
    boxes = shapely.box(X0 + x, Y0 + y, X0 + x + rng.uniform(1, 60, n), Y0 + y + rng.uniform(1, 60, n))
    holed = shapely.difference(shapely.buffer(boxes[:60], 8), shapely.buffer(shapely.centroid(boxes[:60]), 4))
    multi = shapely.multipolygons([[a, c] for a, c in zip(boxes[60:120:2], shapely.buffer(boxes[61:120:2], 3))])
    lines = shapely.boundary(np.concatenate([boxes[120:160], holed[:20], multi[:10]]))
    coll = shapely.geometrycollections([[a, c, shapely.Point(X0, Y0)] for a, c in zip(holed[20:40], lines[:20])])
    far = shapely.box(X0 + 90_000, Y0 - 50_000, X0 + 90_500, Y0 - 49_000)
    ang = np.linspace(0, 2 * np.pi, 40_000, endpoint=False)                    # a ring over MAX_POINTS
    r = np.where(np.arange(40_000) % 2, 300.0, 200.0)
    big = shapely.Polygon(np.column_stack([X0 + 500 + r * np.cos(ang), Y0 + 500 + r * np.sin(ang)]))
    zero = shapely.LineString([(X0 - 6 / 0.668, Y0), (X0 - 6 / 0.668, Y0 + 100)])     # pixel x 0 in View below
    odd = np.empty(6, dtype=object)
    odd[:] = [far, big, zero, shapely.Polygon(), None, shapely.LineString()]
    geoms = np.concatenate([boxes[160:], holed, multi, lines, coll, odd])
    rng.shuffle(geoms)
    return geoms


def _rings(paths):
    """Each ring of the paths as its points up to the start vertex (the smallest rotation), with its closing."""
    out = []
    for p in paths:
        for ring in p.split("M")[1:]:
            pts = [t for t in ring.replace("L", " ").split() if t]
            closed = pts[-1].endswith("Z")
            pts = [t.rstrip("Z") for t in pts]
            if closed and len(pts) > 1 and pts[0] == pts[-1]:
                pts = pts[:-1]
            low = min(pts)
            out.append((min(tuple(pts[k:] + pts[:k]) for k in range(len(pts)) if pts[k] == low), closed))
    return sorted(out)


def test_bulk_path_equals_point_by_point_formatting():
    rng = np.random.default_rng(11)
    geoms = _mixed(rng)
    view = View((X0, Y0, X0 + 1000, Y0 + 1000), 680)
    got = bulk_path(view, geoms)
    assert got == _plain_path(view, geoms)
    assert len(got) > 2 and max(p.count("M") + p.count("L") for p in got) > MAX_POINTS   # the big ring alone
    assert any("-" in p for p in got) and any(len(t) > 13 for p in got for t in p.split())
    assert any(t.startswith("M0,") for p in got for t in p.split())
    assert bulk_path(view, [None, shapely.Point(X0, Y0)]) == [] == bulk_path(view, [])


def test_path_numbers_equal_python_formatting():
    """The tokens as bytes (four-digit groups from a table, NUL dropped) equal f-strings for every kind of number:
    0, signs, each count of digits, the group edges (9 999, 10 000, 20 000, 100 000 000 …), one and three groups."""
    from algorithms.report.svgpath import _text

    rng = np.random.default_rng(14)
    edges = [0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 10_001, 20_000, 99_999, 100_000, 1_000_000, 10_000_009,
             99_999_999, 100_000_000, 100_020_003, 123_456_789_012]
    for top in (9_999, 10**8 - 1, 10**12):
        vals = np.array([v for v in edges if v <= top] + [top], dtype=np.int64)
        vals = np.concatenate([vals, -vals, rng.integers(-top, top + 1, 500)])
        x, y = vals, rng.permutation(vals)
        lead, z = np.where(rng.random(len(x)) < 0.3, 77, 76), rng.random(len(x)) < 0.4
        got = _text(lead, x, y, z).tobytes().translate(None, b"\0").decode("ascii")
        assert got == "".join(f"{chr(c)}{a},{b}{'Z' if e else ''} " for c, a, b, e in zip(lead, x, y, z))


def test_bulk_path_cuts_paths_at_the_limit_as_before():
    """7 000 plots of five points each: paths of exactly MAX_POINTS points (a ring starting at the limit goes into
    the next path), as the point-by-point writer cut them."""
    k = np.arange(7_000)
    geoms = shapely.box(X0 + (k % 100) * 10.0, Y0 + (k // 100) * 10.0, X0 + (k % 100) * 10.0 + 8,
                        Y0 + (k // 100) * 10.0 + 8)
    view = View(shapely.total_bounds(geoms), 680)
    got = bulk_path(view, geoms)
    assert got == _plain_path(view, geoms)
    assert [p.count("M") + p.count("L") for p in got] == [MAX_POINTS, 5 * 7_000 - MAX_POINTS]


def test_bulk_path_orients_rings_as_normalize():
    """Outer rings clockwise, holes counter-clockwise: the rings of GEOS normalize (up to the start vertex), in paths
    of the same points, so overlapping polygons fill alike and holes stay holes."""
    from algorithms.geometry import polygonal

    rng = np.random.default_rng(12)
    geoms = polygonal(_mixed(rng)[::2])
    geoms[::7] = shapely.reverse(geoms[::7])                  # some rings the other way round
    view = View((X0, Y0, X0 + 1000, Y0 + 1000), 680)
    got = bulk_path(view, geoms, orient=True)
    want = _plain_path(view, shapely.normalize(geoms))
    assert len(_rings(got)) > 150
    assert _rings(got) == _rings(want)
    assert _rings(got) != _rings(bulk_path(view, geoms))    # orienting changed something


def test_view_sides_by_bounding_box_equal_geos_predicates():
    """Inside (covered by the view's rectangle) and meeting it, from the boxes, as GEOS says — also for geometries
    on the rectangle's edge and empty ones."""
    rng = np.random.default_rng(13)
    view = View((X0, Y0, X0 + 1000, Y0 + 1000), 680)
    edges = [shapely.box(X0 - 50, Y0, X0, Y0 + 40), shapely.box(X0, Y0, X0 + 1000, Y0 + 1000),
             shapely.box(X0 - 1, Y0 - 1, X0 + 5, Y0 + 5), shapely.LineString([(X0 - 10, Y0 - 10), (X0 - 10, Y0 + 2000)]),
             shapely.Polygon([(X0 - 60, Y0 - 60), (X0 - 50, Y0 + 500), (X0 + 500, Y0 - 50)])]
    more = np.empty(len(edges), dtype=object)
    more[:] = edges
    geoms = np.concatenate([_mixed(rng, 200), more])
    geoms = geoms[~np.equal(geoms, None)]
    side = _side(geoms, view)
    with np.errstate(invalid="ignore"):                      # GEOS on the empty geometries
        assert (side == 1).tolist() == shapely.covered_by(geoms, view.box).tolist()
        edge = side == -1
        assert not shapely.intersects(geoms[side == 0], view.box).any()
        assert edge.sum() > 10 and not shapely.intersects(geoms[edge], view.box).all()
        assert shapely.intersects(geoms[side == 1], view.box).all()


def test_outlines_equal_the_boundary_and_known_boxes_the_fresh_ones():
    """Polygons drawn open (``outline``) give the text of their GEOS boundary; a layer's boxes taken once
    (``known``) give the maps of boxes taken per map; the overview and plot maps equal those drawn the plain way:
    boundaries from GEOS, boxes per call."""
    from algorithms.geometry import polygonal
    from algorithms.report import svgmap

    rng = np.random.default_rng(15)
    geoms = polygonal(_mixed(rng, 600))
    geoms = geoms[~shapely.is_missing(geoms) & (shapely.get_num_coordinates(geoms) < 1000)]    # not the big ring
    view = View((X0, Y0, X0 + 1000, Y0 + 1000), 680)
    inside = geoms[svgmap._side(geoms, view) == 1]
    assert bulk_path(view, geoms, outline=True) == bulk_path(view, shapely.boundary(geoms))
    assert len(inside) > 100 and bulk_path(view, inside, outline=True) == bulk_path(view, shapely.boundary(inside))
    for simplify in (True, False):
        fresh, known = svgmap._local(geoms, view, simplify), svgmap._local(geoms, view, simplify, svgmap.boxed(geoms))
        assert (fresh[0] == known[0]).all() and np.array_equal(fresh[1], known[1], equal_nan=True)
        assert np.array_equal(fresh[1], shapely.bounds(fresh[0]), equal_nan=True)
    layers = [("MP-ECO", "红线", geoms[:300]), ("X", "其他", geoms[300:])]
    plot = shapely.box(X0 + 300, Y0 + 300, X0 + 600, Y0 + 560)
    assert shapely.intersects(geoms, plot).sum() > 10
    got = (svgmap.overview_svg(geoms, [(*la, svgmap.boxed(la[2])) for la in layers], inside[:40]),
           svgmap.plot_svg("A", plot, [("B", g) for g in geoms[:30]], [(*la, svgmap.boxed(la[2])) for la in layers],
                           [shapely.box(X0 + 410, Y0 + 400, X0 + 480, Y0 + 420)], width=330))

    def plain_areas(view, local, *, fill, stroke, width, opacity=1.0, dash=""):      # boundary by GEOS, fresh boxes
        geoms = local[0]
        if not len(geoms):
            return ""
        cut = svgmap._side(geoms, view) != 1
        line = f'stroke="{stroke}" stroke-width="{10 * width:g}"'
        if dash:
            line += f' stroke-dasharray="{",".join(f"{10 * float(v):g}" for v in dash.split(","))}"'
        out = ['<g transform="scale(0.1)">']
        if fill != "none" and not cut.any() and np.isin(shapely.get_type_id(geoms), (3, 6)).all():
            return "".join(out + [f'<path d="{d}" fill="{fill}" fill-opacity="{opacity}" {line}/>'
                                  for d in bulk_path(view, geoms, orient=True)]) + "</g>"
        inner, edge = geoms.copy(), shapely.boundary(geoms)
        if cut.any():
            inner[cut], edge[cut] = svgmap._clip(geoms[cut], view), svgmap._clip(edge[cut], view)
        if fill != "none":
            out += [f'<path d="{d}" fill="{fill}" fill-opacity="{opacity}" stroke="none"/>'
                    for d in bulk_path(view, polygonal(inner), orient=True)]
        return "".join(out + [f'<path d="{d}" fill="none" {line}/>' for d in bulk_path(view, edge)]) + "</g>"

    fast = svgmap._areas
    try:
        svgmap._areas = plain_areas
        want = (svgmap.overview_svg(geoms, layers, inside[:40]),
                svgmap.plot_svg("A", plot, [("B", g) for g in geoms[:30]], layers,
                                [shapely.box(X0 + 410, Y0 + 400, X0 + 480, Y0 + 420)], width=330))
    finally:
        svgmap._areas = fast
    assert got == want and got[0].count('fill="none" stroke="#d92d20"') == 1


def test_plot_map_names_the_layers_in_its_legend_not_over_the_plot_codes():
    """A plot map names each constraint layer it shows in the legend under it (with the layer's colour, dashed as on
    the map), never as map text where it would cover the neighbours' codes; a layer out of view is not named."""
    import re

    from algorithms.report import svgmap

    plot = shapely.box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200)
    near = [("Z01-02-02", shapely.box(X0 + 200, Y0 + 100, X0 + 300, Y0 + 200))]
    layers = [("MP-ZONE", "规划分区", np.array([shapely.box(X0 + 150, Y0 + 50, X0 + 400, Y0 + 250)])),
              ("MP-ECO", "生态保护红线", np.array([shapely.box(X0 + 9000, Y0 + 9000, X0 + 9100, Y0 + 9100)]))]
    out = svgmap.plot_svg("Z01-02-01", plot, near, layers, [shapely.box(X0 + 150, Y0 + 100, X0 + 200, Y0 + 200)],
                          caption="Z01-02-01 规划分区 5,000.00 ㎡")
    svg, caption = out.split("<figcaption>")
    map_text = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "Z01-02-01" in map_text and "Z01-02-02" in map_text and "规划分区" not in map_text
    colour = svgmap.LAYER_COLOURS.get("MP-ZONE", svgmap.LAYER_COLOURS["*"])[1]
    assert f"border:2px dashed {colour}\"></i>规划分区</span>" in caption and "冲突部分" in caption
    assert "生态保护红线" not in caption and caption.startswith("Z01-02-01 规划分区 5,000.00 ㎡<br>")


def test_local_geometries_equal_those_that_meet_the_view_and_are_not_empty():
    """_local drops empty geometries by their boxes (NaN: they meet no view) and tests emptiness only on what it
    simplified: the same geometries and boxes as the definition (meet the view, then not empty), with missing,
    empty, straddling, far and fine-grained geometries that simplify away."""
    from algorithms.report.svgmap import _local

    view = View((X0, Y0, X0 + 1000, Y0 + 1000), 330)
    ang = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    rng = np.random.default_rng(4)
    geoms = []
    for k in range(300):
        cx, cy = X0 + rng.uniform(-300, 1300), Y0 + rng.uniform(-300, 1300)
        r = rng.choice([0.05, 5.0, 80.0])                     # 0.05 m: well below a pixel, simplified away
        kind = k % 6
        geoms.append(None if kind == 0 else shapely.Polygon() if kind == 1 else
                     shapely.box(cx, cy, cx + 40, cy + 30) if kind == 2 else
                     shapely.LineString(np.c_[cx + r * np.cos(ang), cy + r * np.sin(ang)]) if kind == 3 else
                     shapely.Polygon(np.c_[cx + r * np.cos(ang), cy + r * np.sin(ang)]))
    geoms = np.array(geoms, dtype=object)
    for simplify in (True, False):
        arr, b = _local(geoms, view, simplify=simplify)
        present = geoms[~shapely.is_missing(geoms)]
        meet = present[shapely.intersects(present, view.box)]
        if simplify:
            big = shapely.get_num_coordinates(meet) > 32
            meet = meet.copy()
            meet[big] = shapely.simplify(meet[big], 0.6 / view.s, preserve_topology=False)
        want = meet[~shapely.is_empty(meet)]
        assert len(arr) == len(want) > 60 and all(shapely.equals_exact(arr, want, 0.0))
        assert np.array_equal(b, shapely.bounds(want))
    assert (shapely.is_empty(shapely.simplify(present, 0.6 / view.s, preserve_topology=False))
            & ~shapely.is_empty(present)).any()                      # some are simplified away
