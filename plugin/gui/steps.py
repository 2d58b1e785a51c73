"""What each dock button runs: the same algorithm with the parameters the Toolbox would get from the project's
layers (by their roles), and what happens to the result (written into the plan GeoPackage, the dock retargeted).

A step either returns ``(alg_id, params, on_done)`` for the dock's runner or raises :class:`Refused` with the
reason (Chinese / English); ``on_done(results, feedback)`` returns the message for the dock's message bar.
"""
import os
import shutil
import tempfile

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from . import plan_store
from .roles import BY_KEY, REVIEW_ROLES, ROAD_CLASS_FIELDS, ROAD_WIDTH_FIELDS, first_field
from .runner import Next

#: the supply expression of zutuan:subdivideplots when the cadastre carries GDZT (its Toolbox default)
SUPPLIED_EXPRESSION = "\"GDZT\" = '已供地'"
REPORT_NAME = "一张图审查报告.html"


class Refused(Exception):
    """A step that cannot run as asked; ``str()`` is the bilingual reason."""


def _fresh_dir():
    return tempfile.mkdtemp(prefix="zutuan-dock-")


def _label(role_key):
    from ..i18n import tr

    return tr(BY_KEY[role_key].label)


class Steps:
    """Builds the dock's steps from ``dock.role(key)`` and writes results through ``dock.plan_written``."""

    #: zutuan:cashflow's search time limit for the dock (None: the algorithm's default)
    search_seconds = None

    def __init__(self, dock):
        self.dock = dock

    # ----------------------------------------------------------------------------------------- helpers
    def _layer(self, key, *, required=True, non_empty=False):
        lyr = self.dock.role(key)
        if lyr is None and required:
            raise Refused(f"未指定{_label(key)}：请在“图层”中选择 / no {key} layer: choose one under Layers")
        if lyr is not None and non_empty and lyr.featureCount() == 0:
            raise Refused(f"{_label(key)} {lyr.name()} 没有要素 / layer {lyr.name()} has no features")
        return lyr

    def _plan(self, key):
        lyr = self._layer(key)
        path = plan_store.plan_of(lyr)
        if path is None:
            raise Refused(f"{_label(key)} {lyr.name()} 不在规划数据库中：请先点“新建规划”（或运行“新建规划数据库”）/ "
                          f"layer {lyr.name()} is not in a plan GeoPackage: create a plan first")
        return path

    def _writable(self, path, tables):
        """Refuse before running when a plan table the step replaces holds unsaved edits."""
        names = plan_store.unsaved(path, tables)
        if names:
            raise Refused(plan_store.unsaved_message(names))

    def _selection(self, key, code_field):
        """(source for INPUT, (code field, selected codes) or None): a step runs on the selection when there is one."""
        lyr = self._layer(key, non_empty=True)
        if not lyr.selectedFeatureCount():
            return lyr.id(), None
        idx = lyr.fields().lookupField(code_field)
        codes = sorted({str(f[code_field]) for f in lyr.selectedFeatures()} if idx >= 0 else set())
        if idx < 0 or not codes or len(codes) < lyr.selectedFeatureCount() or "NULL" in codes:
            raise Refused(f"所选{_label(key)}要素缺少或重复编号 {code_field}，无法只替换所选部分 / the selected features "
                          f"need unique {code_field} codes to replace only their part of the plan")
        return QgsProcessingFeatureSourceDefinition(lyr.id(), True), (code_field, codes)

    def _write(self, path, tmp, tables, message, only=None):
        """Put the step's outputs into the plan (only the selected part when ``only``), reopen, retarget the dock."""
        def done(results, feedback):
            try:
                undo = plan_store.replace_tables(path, {t: (results[key], only) for t, key in tables.items()
                                                        if results.get(key)})
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            self.dock.plan_written(path, [t for t, key in tables.items() if results.get(key)], undo=undo)
            return message(results)
        return done

    # ------------------------------------------------------------------------------------------ steps
    def new_plan(self, target):
        clusters = self._layer("cluster", non_empty=True)
        params = {"CLUSTERS": clusters.id(), "OUTPUT": target, "PROJECT_NAME": "小组团滚动开发实施方案"}

        def done(results, feedback):
            self.dock.plan_written(target, ["zutuan", "danyuan", "dikuai"])
            return f"已新建规划 {os.path.basename(target)} / plan created"
        return "zutuan:createplan", params, done

    def units(self):
        path = self._plan("cluster")
        self._writable(path, ["danyuan", "daoluhx"])
        source, only = self._selection("cluster", "ZTBH")
        tmp = _fresh_dir()
        params = {"INPUT": source, "OUTPUT": os.path.join(tmp, "units.gpkg"),
                  "OUTPUT_ROADS": os.path.join(tmp, "roads.gpkg")}
        roads = self.dock.role("roads")
        if roads is not None:
            params.update(ROADS=roads.id(), CLASS_FIELD=first_field(roads, ROAD_CLASS_FIELDS) or "",
                          WIDTH_FIELD=first_field(roads, ROAD_WIDTH_FIELDS) or "")
        return "zutuan:subdivideunits", params, self._write(
            path, tmp, {"danyuan": "OUTPUT", "daoluhx": "OUTPUT_ROADS"},
            lambda r: f"已划分单元 {r.get('N_UNITS')} 个{_scope(only)}，写入规划（可撤销）/ {r.get('N_UNITS')} units written "
                      "to the plan", only)

    def plot_params(self):
        """The parameters of zutuan:subdivideplots from the roles (the plan's road corridors, else centre lines)."""
        units = self._layer("unit", non_empty=True)
        params = {"INPUT": self._selection("unit", "DYBH")[0]}
        cadastre = self.dock.role("cadastre")
        if cadastre is not None:
            params["CADASTRE"] = cadastre.id()
            params["SUPPLIED"] = SUPPLIED_EXPRESSION if first_field(cadastre, ("GDZT",)) else ""
        path = plan_store.plan_of(units)
        if path and "daoluhx" in plan_store.tables(path) and plan_store.feature_count(path, "daoluhx"):
            params["ROADS"] = f"{path}|layername=daoluhx"
        elif self.dock.role("roads") is not None:
            params["ROADS"] = self.dock.role("roads").id()
        return params

    def plots(self):
        path = self._plan("unit")
        self._writable(path, ["dikuai"])
        params = self.plot_params()
        only = self._selection("unit", "DYBH")[1]
        tmp = _fresh_dir()
        params["OUTPUT"] = os.path.join(tmp, "plots.gpkg")
        return "zutuan:subdivideplots", params, self._write(
            path, tmp, {"dikuai": "OUTPUT"},
            lambda r: f"已划分地块 {r.get('N_PLOTS')} 块{_scope(only)}，写入规划（可撤销）/ {r.get('N_PLOTS')} plots written "
                      "to the plan", only)

    def controls(self):
        path = self._plan("plot")
        self._writable(path, ["dikuai"])
        source, only = self._selection("plot", "DKBH")
        tmp = _fresh_dir()
        params = {"INPUT": source, "OUTPUT": os.path.join(tmp, "plots.gpkg")}
        for key, role in (("UNITS", "unit"), ("CLUSTERS", "cluster")):
            if self.dock.role(role) is not None:
                params[key] = self.dock.role(role).id()
        return "zutuan:assigncontrols", params, self._write(
            path, tmp, {"dikuai": "OUTPUT"},
            lambda r: f"已赋值控制指标{_scope(only)}，写入规划（可撤销）/ controls written to the plan", only)

    def review_layers(self):
        """({parameter: layer} of the assigned 一张图 layers, [labels of the missing ones])."""
        given, missing = {}, []
        for param, role in REVIEW_ROLES.items():
            lyr = self.dock.role(role)
            if lyr is None:
                missing.append(_label(role))
            else:
                given[param] = lyr
        return given, missing

    def review(self):
        path = self._plan("plot")
        self._writable(path, ["dikuai", "yztchongtu"])
        plots = self._layer("plot", non_empty=True)
        given, missing = self.review_layers()
        if not given:
            raise Refused(f"审查未运行：未指定一张图图层（{'、'.join(missing)}）。请在“图层”中指定后再审查 / review not run: "
                          "no master-plan layer (ecological red line, farmland, urban boundary, zoning) is assigned")
        only = self._selection("plot", "DKBH")[1]
        tmp = _fresh_dir()
        params = {"INPUT": _without_review_fields(plots, os.path.join(tmp, "input.gpkg"), bool(only)),
                  "OUTPUT": os.path.join(tmp, "plots.gpkg"), "CONFLICTS": os.path.join(tmp, "conflicts.gpkg"),
                  "REPORT": report_path(path)}
        params.update({k: lyr.id() for k, lyr in given.items()})
        if "ZONING" in given:
            params["ZONE_FIELD"] = self.dock.zone_field() or ""
        for key, role in (("DEM", "dem"), ("OTHER", "other")):
            lyr = self.dock.role(role)
            if lyr is not None:
                params[key] = [lyr.id()] if key == "OTHER" else lyr.id()
                if key == "OTHER":
                    params["OTHER_NAMES"] = lyr.name()
        not_checked = f"；未指定、未检查：{'、'.join(missing)} / not checked: layers not assigned" if missing else ""

        def message(r):
            return (f"审查完成{_scope(only)}：合规 {r.get('N_OK')}，不合规 {r.get('N_FAIL')}，需核实 {r.get('N_VERIFY')}{not_checked} / "
                    f"review done: {r.get('N_OK')} ok, {r.get('N_FAIL')} failing, {r.get('N_VERIFY')} to verify")
        return "zutuan:checkmasterplan", params, self._write(
            path, tmp, {"dikuai": "OUTPUT", "yztchongtu": "CONFLICTS"}, message, only)

    def feasibility(self):
        """zutuan:cashflow on the plan's plots with its road corridors (DLDJ, DLCD) and metadata (dates); the search
        for adjustments runs, 方案 1 is written aside for the dock's 应用所选方案."""
        path = self._plan("plot")
        plots = self._layer("plot", non_empty=True)
        tmp = _fresh_dir()
        params = {"INPUT": plots.id(), "PLAN": path, "SUGGEST": True, "OUTPUT": os.path.join(tmp, "可行性测算.xlsx"),
                  "OUTPUT_PLAN": os.path.join(tmp, "plots_adjusted.gpkg")}
        if "daoluhx" in plan_store.tables(path) and plan_store.feature_count(path, "daoluhx"):
            params.update(ROADS=f"{path}|layername=daoluhx", ROAD_CLASS_FIELD="DLDJ", ROAD_LENGTH_FIELD="DLCD")
        elif self.dock.role("roads") is not None:
            roads = self.dock.role("roads")
            params.update(ROADS=roads.id(), ROAD_CLASS_FIELD=first_field(roads, ROAD_CLASS_FIELDS) or "")
        if self.search_seconds is not None:
            params["SEARCH_SECONDS"] = self.search_seconds
        params.update(self.dock.feasibility.parameters())

        def done(results, feedback):
            self.dock.feasibility.show_results(results, path)
            return (f"可行性测算完成：净现值 {results.get('NPV', 0):,.0f} 万元，达到目标的调整方案 {results.get('SUGGESTIONS')} 个"
                    f" / feasibility done: NPV {results.get('NPV', 0):,.0f}, {results.get('SUGGESTIONS')} suggestions")
        return "zutuan:cashflow", params, done

    def export(self, folder):
        plots = self._layer("plot", non_empty=True)
        path = plan_store.plan_of(plots)
        params = {"INPUT": plots.id(), "OUTPUT": os.path.join(folder, "控制指标表.xlsx"),
                  "OUTPUT_CSV": os.path.join(folder, "控制指标表.csv")}
        for key, role in (("UNITS", "unit"), ("CLUSTERS", "cluster")):
            if self.dock.role(role) is not None:
                params[key] = self.dock.role(role).id()
        if path and "yztchongtu" in plan_store.tables(path):
            params["FINDINGS"] = f"{path}|layername=yztchongtu"
        sheets = {"INPUT": plots.id(), "OUTPUT": os.path.join(folder, "地块图则.pdf")}
        if self.dock.role("unit") is not None:
            sheets["UNITS"] = self.dock.role("unit").id()
        roads = self.dock.role("roads")
        if roads is not None:
            sheets["ROADS"] = roads.id()
            label = first_field(roads, ("DLMC",))
            if label:
                sheets["ROAD_LABEL"] = label
        sheets.update(_metadata(path))

        def after_sheets(results, feedback):
            written = ["控制指标表.xlsx", "控制指标表.csv", "地块图则.pdf"]
            if path and os.path.exists(report_path(path)):
                shutil.copy(report_path(path), os.path.join(folder, REPORT_NAME))
                written.append(REPORT_NAME)
            self.dock.exported(folder, written)
            return f"已导出到 {folder}：{'、'.join(written)} / exported to {folder}"
        return "zutuan:exportindicatortable", params, lambda r, f: Next("zutuan:exportplotsheets", sheets, after_sheets)


def report_path(plan_path):
    """The review report of a plan: beside the GeoPackage, named after it."""
    stem = os.path.splitext(os.path.basename(plan_path))[0]
    return os.path.join(os.path.dirname(plan_path), f"{stem}_{REPORT_NAME}")


def _metadata(path):
    if not path:
        return {}
    try:
        from ...algorithms.plan import read_metadata

        meta = read_metadata(path)
    except Exception:  # noqa: BLE001 - the sheets then use their defaults
        return {}
    out = {}
    if meta.get("XMMC"):
        out["PROJECT_NAME"] = meta["XMMC"]
    if meta.get("BZDW"):
        out["ORGANISATION"] = meta["BZDW"]
    return out


def _scope(only):
    return f"（所选 {len(only[1])} 个：仅替换所选部分）" if only else ""


def _without_review_fields(layer, target, selected=False):
    """A copy of ``layer`` without an earlier review's fields, so the new review replaces them (never merges)."""
    from ...algorithms.checks import STATUS_FIELDS

    keep = [i for i, f in enumerate(layer.fields())
            if f.name().upper() not in STATUS_FIELDS and not f.name().upper().startswith("CT_")
            and f.name().lower() != "fid"]
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = "plots"
    opts.attributes = keep
    opts.onlySelectedFeatures = selected
    ctx = QgsProject.instance().transformContext() if QgsProject.instance() else QgsCoordinateTransformContext()
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, target, ctx, opts)
    if err[0] != QgsVectorFileWriter.NoError:
        raise Refused(f"无法复制地块图层：{err[1]} / could not copy the plots: {err[1]}")
    return target


__all__ = ["Steps", "Refused", "report_path", "QgsVectorLayer"]
