"""The net area in conflict of a 一张图 check (每平方米只计一次): per plot the union of its conflict parts of the land
rules — 不合规 parts, and 需核实 parts outside them — and in total, the plots' net areas added up with a union only
where conflict parts of different plots overlap.

GEOS runs only where land could be counted twice. A plot whose rows (of one result) come from one rule takes the
check's own figures: one row its CTMJ, several rows the union the check dissolved (:attr:`CheckResult.dissolved`);
only plots with rows of several rules (or rows the check did not dissolve) are dissolved here. Only the parts
that enter a union or a predicate are tested for validity, and only plots whose parts' boxes meet those of
another plot are tested for overlap.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
import shapely.errors

from .._compat import factorize_text
from ..geometry import exact_area, polygonal, union_by_group
from ..segments import expand, repeat, segment_of
from ..threads import split_map

__all__ = ["AREA_KINDS", "NetAreas", "net_areas", "as_text", "box_pairs", "dissolved_area"]

#: rule kinds whose conflict rows are land (their parts are counted in the net area)
AREA_KINDS = ("forbid", "within", "zoning", "touch")


@dataclass
class NetAreas:
    """m² counted once: ``per_plot`` (DKBH → 不合规 ``fail``, 需核实 ``verify`` outside the 不合规 parts, ``net``),
    totals, and the sum of the per-rule areas (which counts land under two rules twice)."""

    per_plot: pd.DataFrame
    fail: float
    verify: float
    net: float
    rules_sum: float
    complete: bool = True


class _Side:
    """The rows of one result (不合规 or 需核实) by plot (``group``, 0 … n − 1): which plots take the check's
    figures (one row: its CTMJ; several rows of one rule the check dissolved: that union) and which rows must
    be dissolved here (``todo``)."""

    def __init__(self, result, n, group, codes, rules, area):
        self.n, self.group, self.area = n, group, area
        count = np.bincount(group, minlength=n)
        rule = pd.factorize(rules)[0]
        lo, hi = np.full(n, len(rules)), np.full(n, -1)
        np.minimum.at(lo, group, rule)
        np.maximum.at(hi, group, rule)
        self.has = count > 0
        self.single = count[group] == 1                          # rows alone in their plot
        self.known, known_area = {}, []                         # plot → the check's union of its rows
        row = np.zeros(n, dtype=np.int64)
        row[group] = np.arange(len(group))                       # a row of each plot
        one_rule = np.flatnonzero((count > 1) & (lo == hi))
        for g, rid, code in zip(one_rule.tolist(), rules[row[one_rule]].tolist(), codes[one_rule].tolist()):
            geom = result.dissolved.get(rid, {}).get(code)
            if geom is not None:
                self.known[g] = geom
                known_area.append(dissolved_area(result, rid, code))
        self.known_plots = np.fromiter(self.known, dtype=np.int64, count=len(self.known))
        self.todo = ~self.single & ~np.isin(group, self.known_plots)      # rows dissolved here
        self._known = None
        if self.known:
            geom = polygonal(np.array(list(self.known.values()), dtype=object))
            area = np.array(known_area, dtype=float)                  # NaN: not measured by the check
            redo = np.flatnonzero(np.isnan(area))
            area[redo] = exact_area(geom[redo])
            self._known = geom, area

    def known_geoms(self):
        """(plots, the check's unions as polygons) of the plots whose rows the check dissolved."""
        return self.known_plots, self._known[0]

    def dissolve(self, geoms):
        """Per plot: (geometry or None, area m²) from the rows' parts ``geoms`` (valid where they are dissolved)."""
        union, area = np.full(self.n, None, dtype=object), np.zeros(self.n)
        one = self.single
        union[self.group[one]], area[self.group[one]] = geoms[one], self.area[one]
        if self.todo.any():
            t = self.todo
            a, u = union_by_group(self.n, self.group[t], np.zeros(int(t.sum())), geoms[t])   # no single rows
            redo = np.flatnonzero(~shapely.is_missing(u))
            union[redo], area[redo] = u[redo], a[redo]
        if self.known:
            union[self.known_plots], area[self.known_plots] = self._known
        return union, area


def box_pairs(bounds, limit: int):
    """Pairs (i ≠ j, a pair possibly more than once) of the boxes ``bounds`` (rows minx, miny, maxx, maxy; NaN
    rows: none) that meet, edges included: the pairs of a bulk ``STRtree(boxes).query(boxes)``, from a grid of
    cells of a typical box's size instead of a tree (GEOS builds it holding the GIL): boxes that meet share a
    cell. None where the boxes would fill more than ``limit`` cells (boxes spanning much of the zone)."""
    ok = np.flatnonzero(~np.isnan(bounds[:, 0]))
    b = bounds[ok]
    if not len(b):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    some = b[::max(1, len(b) // 1000)]                                # a typical box: of a thousand
    size = 2 * max(float(np.median(some[:, 2] - some[:, 0])), float(np.median(some[:, 3] - some[:, 1])))
    size = max(size, float((b[:, 2:].max(axis=0) - b[:, :2].min(axis=0)).max()) / 1e6, 1e-9)   # ids < 2⁵³
    lo = np.floor((b[:, :2] - b[:, :2].min(axis=0)) / size)          # cells: monotonic in the coordinates
    hi = np.floor((b[:, 2:] - b[:, :2].min(axis=0)) / size)
    nx, ny = (hi - lo + 1).astype(np.int64).T
    k = nx * ny
    if k.sum() > limit:
        return None
    box = segment_of(k)
    off = expand(np.zeros(len(k), dtype=np.int64), k)                  # the cell's number within its box
    cell = (lo[box, 0] + off % nx[box]) * (hi[:, 1].max() + 1) + lo[box, 1] + off // nx[box]
    order = np.argsort(cell)
    cell, box = cell[order], box[order]
    start = np.flatnonzero(np.r_[True, cell[1:] != cell[:-1]])
    end = repeat(np.r_[start[1:], len(cell)], np.diff(np.r_[start, len(cell)]))
    n = end - np.arange(len(cell)) - 1                                 # later boxes of the same cell
    i, j = box[segment_of(n)], box[expand(np.arange(1, len(cell) + 1), n)]
    meet = ((b[j, 0] <= b[i, 2]) & (b[j, 2] >= b[i, 0]) & (b[j, 1] <= b[i, 3]) & (b[j, 3] >= b[i, 1]))
    return ok[i[meet]], ok[j[meet]]


def as_text(col: pd.Series) -> np.ndarray:
    """A column's values as texts, as ``col.astype(str)`` gives them: the values themselves where they all are texts
    (no new object for each), else that conversion."""
    arr = col.to_numpy()
    if arr.dtype == object and pd.api.types.infer_dtype(arr, skipna=False) == "string":
        return arr
    return col.astype(str).to_numpy()


def dissolved_area(result, rule_id, code) -> float:
    """The exact area of the check's dissolved conflict of ``rule_id`` on the plot ``code`` as the check measured
    it (:attr:`CheckResult.dissolved_area`), NaN where it did not."""
    return getattr(result, "dissolved_area", {}).get(rule_id, {}).get(code, np.nan)


def _meeting_plots(geoms, group, sides) -> tuple:
    """Pairs (a < b) of plots whose parts' boxes meet: the only plots whose conflict parts can overlap (the parts
    of a plot lie in the boxes of its rows and of the check's unions)."""
    owner, boxes = [group], [geoms]
    for side in sides:
        if side.known:
            k, geom = side.known_geoms()
            owner.append(k)
            boxes.append(geom)
    owner, boxes = np.concatenate(owner), np.concatenate(boxes)
    if not len(boxes):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = box_pairs(shapely.bounds(boxes), 20 * len(boxes) + 100_000)
    i, j = pairs if pairs is not None else shapely.STRtree(boxes).query(boxes)
    a, b = np.minimum(owner[i], owner[j]), np.maximum(owner[i], owner[j])
    n = np.int64(owner.max()) + 1
    key = np.unique(a[a < b].astype(np.int64) * n + b[a < b])          # the pairs sorted by (a, b), once
    return key // n, key % n


def _repaired(geoms, rows):
    """``geoms`` with the parts ``rows`` made valid where they are not (conflict parts as GEOS cut them may be
    invalid: unions and predicates need valid input); the test runs on several threads."""
    if not len(rows):
        return geoms
    bad = rows[~split_map(shapely.is_valid, geoms[rows], min_size=2_000)]
    if len(bad):
        geoms = geoms.copy()
        geoms[bad] = polygonal(shapely.make_valid(geoms[bad]))
    return geoms


def _involved(geoms, a, b):
    """Mask of the plots whose conflict parts' interior meets another plot's (``a``, ``b``: the pairs that may):
    only those need a union for the totals; the others' areas simply add up."""
    out = np.zeros(len(geoms), dtype=bool)
    ok = ~shapely.is_missing(geoms[a]) & ~shapely.is_missing(geoms[b])
    a, b = a[ok], b[ok]
    if not len(a):
        return out
    first = np.unique(a)
    prepared = first[~shapely.is_prepared(geoms[first])]
    shapely.prepare(geoms[prepared])           # the prepared test (as an STRtree query): lenient with bad parts
    try:
        meet = shapely.intersects(geoms[a], geoms[b])
    finally:
        shapely.destroy_prepared(geoms[prepared])
    a, b = a[meet], b[meet]
    try:
        inner = ~shapely.touches(geoms[a], geoms[b])
    except shapely.errors.GEOSException:      # a robustness failure: take every meeting pair (exact, slower)
        inner = np.ones(len(a), dtype=bool)
    out[a[inner]] = True
    out[b[inner]] = True
    return out


def _total(geoms, area, involved, minus=None) -> tuple:
    """(total area counted once, union of the involved geometries) of per-plot geometries."""
    some = involved & ~shapely.is_missing(geoms)
    u = shapely.union_all(geoms[some]) if some.any() else shapely.Polygon()
    if minus is not None:
        u = shapely.difference(u, minus)
    return float(area[~involved].sum() + exact_area([u])[0]), u


def net_areas(result) -> NetAreas:
    """Net area in conflict of a 一张图 check result: the union of the conflict parts of the land rules, per plot
    (不合规 parts; 需核实 parts outside them) and in total (the plots' net areas added up, with a union only where
    conflict parts of different plots overlap)."""
    kinds = {r.rule_id: r.kind for r in result.rules}
    rules_sum = float(sum(r.area for r in result.rules if r.kind in AREA_KINDS and r.status == "checked"))
    conf = result.conflicts
    cols = ["DKBH", "fail", "verify", "net"]
    if conf is None or not len(conf):
        return NetAreas(pd.DataFrame(columns=cols), 0.0, 0.0, 0.0, rules_sum, result.conflict_counts is None)
    ctmj = pd.to_numeric(conf["CTMJ"], errors="coerce")
    keep = (conf["GZBH"].map(kinds).isin(AREA_KINDS) & conf.geometry.notna() & (ctmj.fillna(0) > 0)
            & conf["YZCD"].isin(["错误", "警告"])).to_numpy()
    group, codes = factorize_text(as_text(conf["DKBH"])[keep])        # the kept rows' columns, not the frame
    geoms = polygonal(conf.geometry.to_numpy()[keep])
    is_fail = conf["YZCD"].to_numpy()[keep] == "错误"
    n, rules, area = len(codes), as_text(conf["GZBH"])[keep], ctmj.to_numpy(dtype=float)[keep]
    sides = [_Side(result, n, group[m], codes, rules[m], area[m]) for m in (is_fail, ~is_fail)]
    both = sides[0].has & sides[1].has
    a, b = _meeting_plots(geoms, group, sides)
    near = np.zeros(n, dtype=bool)
    near[a], near[b] = True, True
    todo = np.zeros(len(group), dtype=bool)                   # parts that enter GEOS: tested for validity
    todo[is_fail], todo[~is_fail] = sides[0].todo, sides[1].todo
    geoms = _repaired(geoms, np.flatnonzero(todo | both[group] | near[group]))
    (fail, fail_a), (verify, verify_a) = (s.dissolve(geoms[m]) for s, m in zip(sides, (is_fail, ~is_fail)))
    both = np.flatnonzero(both)
    if len(both):
        verify[both] = polygonal(shapely.difference(verify[both], fail[both]))
        verify_a[both] = exact_area(verify[both])
    net = np.where(shapely.is_missing(fail), verify, fail)
    if len(both):
        net[both] = shapely.union(fail[both], verify[both])
    involved = _involved(net, a, b)
    fail_t, fail_u = _total(fail, fail_a, involved)
    verify_t, _ = _total(verify, verify_a, involved, minus=fail_u)
    per_plot = pd.DataFrame({"DKBH": np.asarray(codes, dtype=object), "fail": fail_a, "verify": verify_a,
                             "net": fail_a + verify_a}).sort_values("net", ascending=False, kind="stable")
    return NetAreas(per_plot.reset_index(drop=True), fail_t, verify_t, fail_t + verify_t, rules_sum,
                    result.conflict_counts is None)
