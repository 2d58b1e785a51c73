"""GeoPackage geometry blobs of a bulk write (gpkg_write.py): the ``GP`` header with the XY envelope followed by the
little-endian 2D WKB GEOS writes, single parts made multi as ``convertToMultiType`` does. Polygons of one ring (the
usual plot) are written in NumPy from their coordinates, as many of one vertex count at once (one record each: header,
WKB start, the coordinates); other geometries take GEOS's WKB writer. The blobs are handed on packed (one buffer and
the offsets of the blobs in it): SQLite takes them a statement at a time (gpkg_write._rows), not a bytes object a row."""
import numpy as np

#: a vertex count is written from the coordinates when this many polygons of one ring have it (fewer: GEOS's writer,
#: cheaper than one more NumPy pass)
GROUP = 16
#: the GeoPackage blob header: magic, version 0, flags (little-endian, XY envelope), srs_id, envelope
_HEAD = [("gp", "S2"), ("v", "u1"), ("f", "u1"), ("srs", "<i4"), ("env", "<f8", 4)]
#: the WKB start of a multi of one part, which makes a single part multi as ``convertToMultiType`` does
_MULTI = [("m_order", "u1"), ("m_type", "<u4"), ("m_parts", "<u4")]
#: the WKB of a polygon of one ring, its coordinates left out
_RING = [("order", "u1"), ("type", "<u4"), ("rings", "<u4"), ("points", "<u4")]


def _records(fields, box, srs_id, multi):
    """Packed records of ``fields`` after the header (and the multi start when ``multi``), one per row of ``box``, the
    header (and multi start) filled in, ``fields`` left for the caller to fill."""
    head = np.empty(len(box), dtype=_HEAD + (_MULTI if multi else []) + fields)
    head["gp"], head["v"], head["f"], head["srs"], head["env"] = b"GP", 0, 3, srs_id, box
    if multi:
        head["m_order"], head["m_type"], head["m_parts"] = 1, multi, 1
    return head


def _void_bytes(records):
    """The records as bytes objects (void items: trailing zero bytes kept)."""
    return records.view(f"V{records.dtype.itemsize}").tolist()


def _written_by_geos(geoms, box, srs_id, multi):
    """Blobs of ``geoms`` with GEOS's WKB writer (header + WKB concatenated in C: no Python loop over the rows)."""
    import shapely

    heads = _void_bytes(_records([], box, srs_id, multi))
    return list(map(bytes.__add__, heads, shapely.to_wkb(geoms, output_dimension=2, byte_order=1).tolist()))


def _ring_records(k, box, srs_id, multi):
    """Records of polygons of one ring of ``k`` vertices, one per row of ``box``: all but the coordinates filled in."""
    rec = _records(_RING + [("xy", "<f8", (k, 2))], box, srs_id, multi)
    rec["order"], rec["type"], rec["rings"], rec["points"] = 1, 3, 1, k
    return rec


def _one_ring_polygons(geoms, box, srs_id, multi):
    """(blobs as an object array, mask of the rows written) of the polygons of one ring whose vertex count ``GROUP``
    of them share. Their WKB is what GEOS writes: byte order 1, type 3, one ring, its points' x and y."""
    import shapely

    n_pts = shapely.get_num_coordinates(geoms)
    out = np.empty(len(geoms), dtype=object)
    done = np.zeros(len(geoms), dtype=bool)
    counts = np.bincount(n_pts)
    common = np.flatnonzero(counts >= GROUP)
    if not len(common):
        return out, done
    coords = shapely.get_coordinates(geoms)                       # x, y (z dropped, as output_dimension=2 does)
    first = np.r_[0, np.cumsum(n_pts)[:-1]]
    for k in common.tolist():
        rows = np.flatnonzero(n_pts == k)
        rec = _ring_records(k, box[rows], srs_id, multi)
        whole = len(rows) == len(geoms)           # one vertex count for all: the coordinates as they are
        rec["xy"] = coords.reshape(-1, k, 2) if whole else coords[first[rows][:, None] + np.arange(k)]
        out[rows] = _void_bytes(rec)
        done[rows] = True
    return out, done


def _one_vertex_count(geoms, box, srs_id, multi):
    """The packed blobs (see :func:`geometry_blobs`) when every geometry is a polygon of one ring and all have one
    vertex count (the records are then the blobs in their order, no bytes object a row); else None."""
    import shapely

    if not len(geoms) or shapely.get_num_interior_rings(geoms).any():
        return None
    n_pts = shapely.get_num_coordinates(geoms)
    k = int(n_pts[0])
    if (n_pts != k).any():
        return None
    rec = _ring_records(k, box, srs_id, multi)
    rec["xy"] = shapely.get_coordinates(geoms).reshape(-1, k, 2)   # x, y (z dropped, as output_dimension=2 does)
    return memoryview(rec.view(np.uint8)), np.arange(len(geoms) + 1) * rec.dtype.itemsize


def geometry_blobs(geoms, box, types, srs_id, single, multi):
    """Blobs of the non-empty ``geoms`` of ``types`` (``single`` or ``multi`` type ids; ``box``: their envelopes as
    minx, maxx, miny, maxy rows) in their order, single parts made multi, packed: (one buffer of all the blobs one
    after the other, their n + 1 offsets in it from 0). Polygons of one ring through :func:`_one_ring_polygons`
    (or :func:`_one_vertex_count`), the rest through GEOS's writer, the same bytes either way (test_bridge_bulk.py)."""
    import shapely

    if single == 3 and (types == single).all():
        packed = _one_vertex_count(geoms, box, srs_id, multi)
        if packed is not None:
            return packed
    out = np.empty(len(geoms), dtype=object)
    done = np.zeros(len(geoms), dtype=bool)
    one = types == single
    if single == 3:
        simple = np.flatnonzero(one)
        simple = simple[shapely.get_num_interior_rings(geoms[simple]) == 0]
        blobs, written = _one_ring_polygons(geoms[simple], box[simple], srs_id, multi)
        out[simple[written]], done[simple[written]] = blobs[written], True
    for mask, make_multi in ((one & ~done, multi), (~one, None)):
        rows = np.flatnonzero(mask)
        if len(rows):
            out[rows] = _written_by_geos(geoms[rows], box[rows], srs_id, make_multi)
    blobs = out.tolist()
    ends = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs)).cumsum()
    return memoryview(b"".join(blobs)), np.r_[0, ends]


def unpacked(packed):
    """The blobs of packed ones (:func:`geometry_blobs`) as bytes objects, None for no blob."""
    view, offsets = packed
    return [bytes(view[a:b]) if b > a else None for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]
