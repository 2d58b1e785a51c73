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
    starts = []
    for s in np.unique(slice_of):                         # nodes never straddle two slices
        first, count = np.searchsorted(slice_of[order], s), int((slice_of == s).sum())
        starts.extend(range(first, first + count, per_node))
    return order, np.asarray(starts, dtype=np.int64)


def _level(ids, boxes, per_node):
    """One level of nodes: (cells in node order, node start offsets, node boxes)."""
    order, starts = _tiles(boxes, per_node)
    ids, boxes = ids[order], boxes[order]
    node_box = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                                np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)])
    return ids, boxes, starts, node_box


def _blob(depth, ids, boxes, size):
    cells = np.empty(len(ids), dtype=_CELL)
    cells["id"], cells["c"] = ids, boxes
    head = int(depth).to_bytes(2, "big") + len(ids).to_bytes(2, "big")
    data = head + cells.tobytes()
    return data + bytes(size - len(data))


def pack(con, name, ids, minx, maxx, miny, maxy):
    """Fill the empty R*Tree ``name`` with (ids, envelopes) in one go; False when its shadow tables are not the
    plain R*Tree ones (the caller then inserts row by row)."""
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
    nodes, parents, rowids = [], [], []
    depth = len(levels) - 1
    for k, (cell_ids, cell_boxes, starts, _) in enumerate(levels):
        ends = np.append(starts[1:], len(cell_ids))
        child = cell_ids if k == 0 else numbers[k - 1][cell_ids]
        for j, (a, b) in enumerate(zip(starts, ends)):
            node = int(numbers[k][j])
            nodes.append((node, _blob(depth if node == 1 else 0, child[a:b], cell_boxes[a:b], size)))
            if k == 0:
                rowids.extend(zip(cell_ids[a:b].tolist(), [node] * int(b - a)))
            else:
                parents.extend(zip(numbers[k - 1][cell_ids[a:b]].tolist(), [node] * int(b - a)))
    con.execute(f"DELETE FROM {q(name + '_node')}")
    con.executemany(f"INSERT INTO {q(name + '_node')} (nodeno, data) VALUES (?, ?)", nodes)
    con.executemany(f"INSERT INTO {q(name + '_rowid')} (rowid, nodeno) VALUES (?, ?)", rowids)
    con.executemany(f"INSERT INTO {q(name + '_parent')} (nodeno, parentnode) VALUES (?, ?)", parents)
    return True
