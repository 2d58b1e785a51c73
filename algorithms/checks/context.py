"""The per-run state of the 一张图 check (:mod:`.masterplan`): the plots, their areas and codes, the conflict rows
in bulk, the per-plot findings, the constraint layers read and the dissolved conflicts the report reuses."""
from __future__ import annotations

from functools import cached_property
from itertools import repeat
from operator import itemgetter
from string import Formatter

import numpy as np
import shapely

from ..findings import Finding
from ..geometry import exact_area
from .constraints import boundary_note
from .result import ConflictRows, RuleSummary

__all__ = ["RunContext", "row_messages"]


def row_messages(template: str, *cols) -> list:
    """One message per row: ``template.format(*row)``, each field (column and format) formatted once per row however
    often the template repeats it, and the columns' numbers as Python floats (what ``str.format`` formats a numpy
    float as): the same strings in about half the time."""
    parsed = list(Formatter().parse(template))
    if any(f is not None and (not f.isdigit() or conv or "{" in spec) for _, f, spec, conv in parsed):
        return [template.format(*row) for row in zip(*cols)]
    fields, percent = {}, []
    for literal, f, spec, _ in parsed:
        percent.append(literal.replace("%", "%%"))
        if f is not None:
            fields.setdefault((int(f), spec), len(fields))
            percent.append("%s")
    lists = [np.asarray(c).tolist() for c in cols]
    texts = [list(map(format, lists[k], repeat(spec))) for k, spec in fields]
    slots = [fields[(int(f), spec)] for _, f, spec, _ in parsed if f is not None]
    pattern = "".join(percent)
    if not slots:
        return [pattern % ()] * len(cols[0])
    get = itemgetter(*slots)          # one slot: the text itself, which ``%`` takes as its one argument
    return [pattern % get(row) for row in zip(*texts)]


class RunContext:
    """Per-run state shared by the rule functions. Conflicts go into ``rows`` in bulk (one block per rule
    step); the few per-plot findings that are not conflicts (e.g. a plot the DEM does not cover) into
    ``plot_findings`` and ``findings``."""

    def __init__(self, geoms, codes, landuse, construction, tolerance, max_vertices, boundary_tolerance=0.0):
        self.geoms, self.codes, self.landuse = geoms, codes, landuse
        self.boundary_tolerance = boundary_tolerance
        self.construction = construction            # True / False / None (unknown code)
        self.unknown = np.array([c is None for c in construction], dtype=bool)
        self.area = exact_area(geoms)
        self.tolerance, self.max_vertices = tolerance, max_vertices
        self.plot_findings: dict[int, list] = {}
        self.layers: list = []                      # (rule id, name, geometries) of the constraint layers read
        self.findings: list[Finding] = []
        self.rows = ConflictRows()
        self.dissolved: dict = {}                   # rule id → {plot code: dissolved conflict}, see CheckResult
        self.dissolved_area: dict = {}              # rule id → {plot code: its exact area}, see CheckResult

    def subject(self, applies_to: str) -> np.ndarray:
        if applies_to == "all":
            return np.ones(len(self.geoms), dtype=bool)
        return ~np.array([c is False for c in self.construction], dtype=bool)

    def add(self, i: int, f: Finding) -> None:
        self.plot_findings.setdefault(int(i), []).append(f)
        self.findings.append(f)

    def share(self, i, area) -> np.ndarray:
        """Conflict area as % of the plot (NaN for a plot of no area)."""
        pa = self.area[i]
        return np.divide(area * 100.0, pa, out=np.full(len(pa), np.nan), where=pa > 0)

    def conflicts(self, rule: RuleSummary, i, area, geom, message, *, severity: str, fid="", fname="",
                  totals=None) -> None:
        """Conflict rows for plots ``i`` (positions) with their areas, geometries and messages; an error on a
        plot whose land-use code is unknown is a warning (需核实), so is one whose conflict with this rule
        (``totals``: the plot's dissolved area of the rule, per row) is below the boundary tolerance
        (需核实（疑似边界误差）)."""
        i = np.asarray(i, dtype=np.int64)
        if not len(i):
            return
        sev = np.full(len(i), severity, dtype=object)
        if severity == "error":
            sev[self.unknown[i]] = "warning"
            if self.boundary_tolerance > 0 and totals is not None:
                small = (np.asarray(totals, dtype=float) < self.boundary_tolerance) & (sev == "error")
                if small.any():
                    sev[small] = "warning"
                    message = (np.full(len(i), message, dtype=object) if isinstance(message, str)
                               else np.array(message, dtype=object))
                    message[small] = message[small] + boundary_note(self.boundary_tolerance)
        self.rows.add(plot=i, code=self.codes[i], rule_id=rule.rule_id, rule_name=rule.rule_name, severity=sev,
                      area=area, share=self.share(i, np.asarray(area, dtype=float)), feature_id=fid,
                      feature_name=fname, landuse=self.landuse[i], message=message, geometry=geom)

    def keep_dissolved(self, rule_id, all_rows, reported, union, area) -> None:
        """Keep the dissolved conflict (``union``, per plot) of the plots with several overlap rows of the rule
        (``all_rows``: their plots), all of them reported (``reported``: plots of the reported rows); and its
        area (``area``: :func:`~algorithms.geometry.union_by_group`'s, the :func:`exact_area` of that union or of
        the one row covering the others) where the union is a (multi)polygon, so that its ``polygonal`` is itself
        and the area is that of the geometry the report takes."""
        n = len(self.geoms)
        n_all, n_rep = np.bincount(all_rows, minlength=n), np.bincount(reported, minlength=n)
        codes, once = self._code_once
        whole = np.flatnonzero((n_all > 1) & (n_rep == n_all) & once)     # keyed by code: codes used once only
        self.dissolved[rule_id] = dict(zip(codes[whole], union[whole]))
        poly = whole[np.isin(shapely.get_type_id(union[whole]), (3, 6))]
        self.dissolved_area[rule_id] = dict(zip(codes[poly], area[poly].tolist()))

    @cached_property
    def _code_once(self):
        """(the plots' codes as text, mask of the codes no other plot has)."""
        codes = self.codes.astype(str)
        _, inv, count = np.unique(codes, return_inverse=True, return_counts=True)
        return codes, count[inv] == 1

    def errors_only(self, field, totals) -> np.ndarray:
        """The rule's OUTPUT field without the plots whose conflict (``totals``, per plot) is below the boundary
        tolerance: those are 需核实, and an area in a CT_ field means 不合规 to later steps (algorithms/planstate.py)."""
        if self.boundary_tolerance > 0:
            field = np.where(np.asarray(totals, dtype=float) < self.boundary_tolerance, 0.0, field)
        return field

    def _hits(self):
        """(rule id, rule name, plot positions, severities) of every finding on a plot: the conflict blocks
        (one rule each) and the per-plot findings."""
        for b in self.rows.blocks:
            yield b["GZBH"][0], b["GZMC"][0], b["plot"], b["YZCD"]
        for i, fs in self.plot_findings.items():
            for f in fs:
                yield f.rule_id, f.rule_name, np.array([i]), np.array([f.severity], dtype=object)

    def rule_counts(self, rule_id: str):
        """(plots with a finding, errors, warnings) of one rule."""
        got = [(p, s) for rid, _, p, s in self._hits() if rid == rule_id]
        if not got:
            return 0, 0, 0
        p = np.concatenate([g[0] for g in got])
        s = np.concatenate([g[1] for g in got])
        codes = self.codes[p]
        return (len(set(codes[np.not_equal(codes, None)].tolist())), int((s == "error").sum()),
                int((s == "warning").sum()))

    def notes(self, rule_names) -> np.ndarray:
        """SCSM: per plot, the names of the rules (in the order of ``rule_names``) with a finding on it."""
        notes = np.full(len(self.geoms), "", dtype=object)
        order = {name: np.zeros(len(self.geoms), dtype=bool) for name in rule_names}
        for _, name, p, s in self._hits():
            m = order.setdefault(name, np.zeros(len(self.geoms), dtype=bool))
            m[p[np.isin(s, ("error", "warning", "not_checked"))]] = True
        for name, m in order.items():
            idx = np.flatnonzero(m)
            if len(idx):
                cur = notes[idx]
                notes[idx] = np.where(cur == "", name, cur + "；" + name)
        return np.array([v[:254] for v in notes], dtype=object)
