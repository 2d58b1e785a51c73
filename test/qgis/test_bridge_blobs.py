"""The bulk writer's geometry blobs (plugin/bridge/gpkg_blobs.py) and its rows cut from one blob a statement
(gpkg_write._rows) against GEOS's WKB writer and plain SQLite, in real QGIS (test_bridge_bulk.py compares whole files
with the feature sink's)."""
import sqlite3

import pytest
import shapely

X0, Y0 = 36_393_000.0, 2_440_000.0


def _varied_plots(n=240, seed=3, zero=False):
    """Plots of the shapes the bulk writer tells apart: polygons of one ring (many sharing a vertex count, some of a
    rare count), polygons with a hole, multipolygons; z coordinates on some (``zero``: an x of -0.0 on some, out of
    the CRS's area: for the blobs alone)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    geoms = []
    for k in range(n):
        x, y = X0 + 150.0 * (k % 20), Y0 + 150.0 * (k // 20)
        m = [4, 4, 4, 5, 8, 31][k % 6] if k % 37 else 11              # vertex counts: common and rare
        ang = np.sort(rng.uniform(0, 2 * np.pi, m))
        ring = np.column_stack([x + 50 * np.cos(ang), y + 50 * np.sin(ang)])
        if zero and k % 23 == 0:
            ring[0, 0] = -0.0
        shell = shapely.Polygon(ring)
        if k % 17 == 0:
            shell = shapely.Polygon(ring, [[(x - 5, y - 5), (x + 5, y - 5), (x + 5, y + 5), (x - 5, y + 5)]])
        elif k % 19 == 0:
            shell = shapely.MultiPolygon([shell, shapely.box(x + 60, y + 60, x + 70, y + 70)])
        elif k % 29 == 0:
            shell = shapely.force_3d(shell, 7.5)
        geoms.append(shell)
    return shapely.from_wkb(shapely.to_wkb(geoms)), rng


def test_geometry_blobs_from_coordinates_are_geos_ones(plugin):
    """Polygons of one ring sharing a vertex count are written in NumPy: the same blobs as GEOS's WKB writer gives
    (made multi, z dropped, -0.0 kept), packed in their order."""
    import numpy as np
    from zutuan.plugin.bridge import gpkg_blobs

    geoms, _ = _varied_plots(zero=True)
    geoms = np.asarray(geoms, dtype=object)
    box = shapely.bounds(geoms)[:, [0, 2, 1, 3]]
    types = shapely.get_type_id(geoms)
    one = types == 3
    want = np.empty(len(geoms), dtype=object)
    for mask, multi in ((one, 6), (~one, None)):
        want[mask] = gpkg_blobs._written_by_geos(geoms[mask], box[mask], 4524, multi)
    assert gpkg_blobs.unpacked(gpkg_blobs.geometry_blobs(geoms, box, types, 4524, 3, 6)) == want.tolist()
    written = gpkg_blobs._one_ring_polygons(geoms[one], box[one], 4524, 6)[1]
    assert 100 < written.sum() < one.sum()              # both ways taken
    assert gpkg_blobs._one_vertex_count(geoms, box, 4524, 6) is None


@pytest.mark.parametrize("z", [False, True])
def test_polygons_of_one_vertex_count_are_packed_as_geos_writes_them(plugin, z):
    """Every geometry a polygon of one ring of one vertex count (the records are the packed blobs, no bytes object a
    row): GEOS's blobs (z dropped, -0.0 kept); a hole or another vertex count: not this way."""
    import numpy as np
    from zutuan.plugin.bridge import gpkg_blobs

    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 100, (300, 6, 2)) + [X0, Y0]
    xy[:, 5] = xy[:, 0]
    xy[7, 2, 0] = -0.0
    geoms = shapely.polygons(np.dstack([xy, rng.uniform(0, 9, (300, 6, 1))]) if z else xy)
    box = shapely.bounds(geoms)[:, [0, 2, 1, 3]]
    want = gpkg_blobs._written_by_geos(geoms, box, 4524, 6)
    packed = gpkg_blobs._one_vertex_count(geoms, box, 4524, 6)
    assert packed is not None and gpkg_blobs.unpacked(packed) == want
    assert gpkg_blobs.unpacked(gpkg_blobs.geometry_blobs(geoms, box, shapely.get_type_id(geoms), 4524, 3, 6)) == want
    holed = geoms.copy()
    holed[3] = shapely.Polygon(xy[3], [[(X0 + 1, Y0 + 1), (X0 + 2, Y0 + 1), (X0 + 2, Y0 + 2), (X0 + 1, Y0 + 1)]])
    other = geoms.copy()
    other[-1] = shapely.box(X0, Y0, X0 + 1, Y0 + 1)
    assert gpkg_blobs._one_vertex_count(holed, box, 4524, 6) is None
    assert gpkg_blobs._one_vertex_count(other, box, 4524, 6) is None


@pytest.mark.parametrize("n", [1, 63, 64, 65, 257])
def test_rows_cut_from_one_blob_a_statement_are_the_blobs(plugin, monkeypatch, n):
    """The rows' geometries cut out of the statement's blob (gpkg_write._rows): each row's own bytes, NULL for no
    geometry (at the start of a statement, a whole statement of them, the rows written one by one), batches cut
    anywhere; one-value columns bound once."""
    import numpy as np
    from zutuan.plugin.bridge import gpkg_write

    monkeypatch.setattr(gpkg_write, "BATCH", 100)
    rng = np.random.default_rng(n)
    blobs = [bytes(rng.integers(0, 256, int(rng.integers(1, 90)), dtype=np.uint8)) for _ in range(n)]
    for k in [0, *range(64, min(n, 128)), n - 1]:
        blobs[k] = None
    lengths = [0 if b is None else len(b) for b in blobs]
    packed = memoryview(b"".join(b for b in blobs if b)), np.r_[0, np.cumsum(lengths)]
    columns = [[f"t{k}" for k in range(n)], ["同"] * n, list(range(n))]
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (fid INTEGER PRIMARY KEY, geom BLOB, a TEXT, b TEXT, c INTEGER)")
    gpkg_write._rows(con, "t", ["a", "b", "c"], packed, columns, [1], None)
    got = con.execute("SELECT geom, a, b, c FROM t ORDER BY fid").fetchall()
    assert got == list(zip(blobs, *columns))
