"""Bulk loading of a GeoPackage's R-tree (an SQLite R*Tree virtual table) by Sort-Tile-Recursive packing.

Inserting rows one by one (what GDAL's triggers do) costs about 9 µs a row in SQLite's R*Tree; writing the packed
nodes into the table's shadow tables (``<name>_node``, ``_rowid``, ``_parent``) in SQLite's own node format costs a
fraction of that and gives the same entries, each envelope rounded to float32 as the R*Tree module rounds it (minimums
down, maximums up). Node format (sqlite/ext/rtree/rtree.c): 2-byte big-endian tree depth (root only), 2-byte cell
count, cells of an 8-byte rowid (child node number in inner nodes) and 4 float32 coordinates, zero-padded to the node
size that the empty table's root node already has.
"""
import numpy as np

_RND = 1.0 / 8388608.0      # rtree.c RNDTOWARDS / RNDAWAY: 1 ∓ 2^-23
_CELL = np.dtype([("id", ">i8"), ("c", ">f4", 4)])


def _down(d):
    """rtreeValueDown: the float32 at or below ``d``."""
    f = d.astype(np.float32)
    low = f > d
    f[low] = (d[low] * np.where(d[low] < 0, 1 + _RND, 1 - _RND)).astype(np.float32)
    return f


def _up(d):
    """rtreeValueUp: the float32 at or above ``d``."""
    f = d.astype(np.float32)
    high = f < d
    f[high] = (d[high] * np.where(d[high] < 0, 1 - _RND, 1 + _RND)).astype(np.float32)
    return f


def _tiles(boxes, per_node):
    """Sort-Tile-Recursive order of ``boxes`` (n × 4 float32: minx, maxx, miny, maxy) and the group start of each node."""
    n = len(boxes)
    cx, cy = boxes[:, 0].astype(float) + boxes[:, 1], boxes[:, 2].astype(float) + boxes[:, 3]
    nodes = -(-n // per_node)
    per_slice = per_node * int(np.ceil(np.sqrt(nodes)))
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) // per_slice
    order = np.lexsort((cy, slice_of))
    # nodes never straddle two slices: a node starts every per_node cells from the start of its slice
    sliced = slice_of[order]
    first = np.flatnonzero(np.r_[True, sliced[1:] != sliced[:-1]])
    rank = np.arange(n) - np.repeat(first, np.diff(np.r_[first, n]))
    return order, np.flatnonzero(rank % per_node == 0)


def _level(ids, boxes, per_node):
    """One level of nodes: (cells in node order, node start offsets, node boxes)."""
    order, starts = _tiles(boxes, per_node)
    ids, boxes = ids[order], boxes[order]
    node_box = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                                np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)])
    return ids, boxes, starts, node_box


def _blobs(depth, child, boxes, starts, size, per_node):
    """The node blobs of one level (cells ``child``/``boxes`` in node order, nodes starting at ``starts``), all in
    one array: 2-byte depth, 2-byte cell count, the cells, zeros to ``size`` bytes."""
    counts = np.diff(np.r_[starts, len(child)])
    node = np.zeros(len(starts), dtype=[("depth", ">u2"), ("count", ">u2"), ("cells", _CELL, per_node),
                                        ("pad", "V", size - 4 - per_node * _CELL.itemsize)])
    node["depth"], node["count"] = depth, counts
    at = np.repeat(np.arange(len(starts)), counts), np.arange(len(child)) - np.repeat(starts, counts)
    node["cells"]["id"][at], node["cells"]["c"][at] = child, boxes
    return node.view(f"V{size}").tolist()                 # void items: bytes, zero padding kept


def pack(con, name, ids, minx, maxx, miny, maxy):
    """Fill the empty R*Tree ``name`` with (ids, envelopes) in one go; False when its shadow tables are not the
    plain R*Tree ones (the caller then inserts row by row). Rows go into the shadow tables in key order (SQLite
    appends to its B-trees)."""
    q = '"{}"'.format
    try:
        size = con.execute(f"SELECT length(data) FROM {q(name + '_node')} WHERE nodeno = 1").fetchone()[0]
        empty = con.execute(f"SELECT count(*) FROM {q(name + '_rowid')}").fetchone()[0] == 0
    except Exception:  # noqa: BLE001 - sqlite3.OperationalError: not the R*Tree layout this module knows
        return False
    per_node = (size - 4) // _CELL.itemsize
    if not empty or per_node < 2:
        return False
    ids = np.asarray(ids, dtype=np.int64)
    if not len(ids):
        return True
    boxes = np.column_stack([_down(np.asarray(minx, float)), _up(np.asarray(maxx, float)),
                             _down(np.asarray(miny, float)), _up(np.asarray(maxy, float))])
    levels = [_level(ids, boxes, per_node)]
    while len(levels[-1][2]) > 1:
        levels.append(_level(np.arange(len(levels[-1][2]), dtype=np.int64), levels[-1][3], per_node))
    # node numbers: the root is 1, then level by level from the top
    numbers, nxt = [], 1
    for lv in reversed(levels):
        numbers.insert(0, np.arange(nxt, nxt + len(lv[2]), dtype=np.int64))
        nxt += len(lv[2])
    nodes, parents = [], []
    for k, (cell_ids, cell_boxes, starts, _) in enumerate(levels):
        child = cell_ids if k == 0 else numbers[k - 1][cell_ids]
        depth = len(levels) - 1 if k == len(levels) - 1 else 0          # the root's depth; 0 elsewhere
        nodes[:0] = zip(numbers[k].tolist(), _blobs(depth, child, cell_boxes, starts, size, per_node))
        holder = np.repeat(numbers[k], np.diff(np.r_[starts, len(child)]))     # the node each cell is in
        if k == 0:
            rowids = np.column_stack([child, holder])
        else:
            parents.append(np.column_stack([child, holder]))
    con.execute(f"DELETE FROM {q(name + '_node')}")
    con.executemany(f"INSERT INTO {q(name + '_node')} (nodeno, data) VALUES (?, ?)", nodes)
    _pairs(con, name + "_rowid", rowids)
    _pairs(con, name + "_parent", np.concatenate(parents or [rowids[:0]]))
    return True


def _pairs(con, table, pairs):
    """Insert (key, node number) rows in key order. Keys that run without a gap (feature ids 1…n) go in one statement,
    the node numbers as a JSON array read by SQLite's json_each (integers: exact); others (or an SQLite without
    JSON) row by row."""
    pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
    sql = f'INSERT INTO "{table}" VALUES (?, ?)'
    if len(pairs) > 1 and pairs[-1, 0] - pairs[0, 0] == len(pairs) - 1:       # the keys are distinct
        nodes = "[" + ",".join(map(str, pairs[:, 1].tolist())) + "]"
        try:
            con.execute(f'INSERT INTO "{table}" SELECT key + ?, value FROM json_each(?)', (int(pairs[0, 0]), nodes))
            return
        except Exception:  # noqa: BLE001 - sqlite3.OperationalError: no JSON functions in this SQLite
            pass
    con.executemany(sql, pairs.tolist())
