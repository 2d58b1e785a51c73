"""The 小组团 dock: hierarchy tree, live summary, actions that run Processing algorithms in the background,
and a control editor for the selected plots.

Everything long runs as a QgsProcessingAlgRunnerTask (progress and cancel in QGIS's task manager); the dock only
reads attributes, so refreshing never freezes QGIS.
"""
import os
import time
from functools import partial

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import N_, tr
from . import plan_io
from .forms import configure_plan_layer

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "styles")

#: dock action → (algorithm id, the level whose layer is the INPUT)
ACTIONS = [
    (N_("划分单元"), "zutuan:subdivideunits", "cluster"),
    (N_("划分地块"), "zutuan:subdivideplots", "unit"),
    (N_("赋值指标"), "zutuan:assigncontrols", "plot"),
    (N_("审查"), "zutuan:checkmasterplan", "plot"),
    (N_("导出"), "zutuan:exportindicatortable", "plot"),
]
#: parameter names that take a level's layer when the dock fills an algorithm's parameters
LEVEL_PARAMS = {"CLUSTERS": "cluster", "UNITS": "unit", "PLOTS": "plot"}
#: control editor fields: (field, label, min, max, decimals)
CONTROL_FIELDS = [("RJLXX", N_("容积率下限"), 0, 20, 2), ("RJLSX", N_("容积率上限"), 0, 20, 2), ("JZXS", N_("建筑系数下限 %"), 0, 100, 1),
                  ("JZMDSX", N_("建筑密度上限 %"), 0, 100, 1), ("LDLSX", N_("绿地率上限 %"), 0, 100, 1),
                  ("XZBGBL", N_("行政办公用地比例上限 %"), 0, 100, 1), ("JZXG", N_("建筑限高 m"), 0, 500, 1),
                  ("TZQD", N_("投资强度下限 万元/公顷"), 0, 100000, 0)]


class PlanDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("小组团规划"), parent)
        self.iface = iface
        self.setObjectName("ZutuanPlanDock")
        self._tasks = []
        self._watched = []
        self.last_refresh_ms = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self._build()
        QgsProject.instance().layersAdded.connect(self._auto_detect)
        QgsProject.instance().layersRemoved.connect(lambda *_: self._schedule())
        self._auto_detect()

    # ------------------------------------------------------------------------------------------- UI
    def _build(self):
        root = QWidget()
        lay = QVBoxLayout(root)
        form = QFormLayout()
        self.combos = {}
        for level, label in (("cluster", N_("组团图层")), ("unit", N_("单元图层")), ("plot", N_("地块图层"))):
            cb = QgsMapLayerComboBox()
            cb.setFilters(QgsMapLayerProxyModel.PolygonLayer)
            cb.setAllowEmptyLayer(True)
            cb.setLayer(None)
            cb.layerChanged.connect(self._layers_changed)
            self.combos[level] = cb
            form.addRow(tr(label), cb)
        lay.addLayout(form)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("编号"), tr("用地 / 产业"), tr("面积（公顷）"), tr("容积率"), tr("审查")])
        self.tree.setSelectionMode(QTreeWidget.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._tree_selection)
        self.tree.itemExpanded.connect(self._populate)
        self._lazy = {}  # unit item id → (item, plot records): plot rows are made when the unit is opened
        lay.addWidget(self.tree, 3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        lay.addWidget(self.summary)
        grid = QGridLayout()
        self.action_buttons = {}
        for i, (label, alg_id, level) in enumerate(ACTIONS):
            b = QPushButton(tr(label))
            b.setToolTip(alg_id)
            b.clicked.connect(partial(self.run_action, alg_id, level))
            grid.addWidget(b, i // 3, i % 3)
            self.action_buttons[alg_id] = b
        lay.addLayout(grid)
        tabs = QTabWidget()
        tabs.addTab(root, tr("规划概览"))
        tabs.addTab(self._build_editor(), tr("指标编辑"))
        self.tabs = tabs
        self.setWidget(tabs)

    def _build_editor(self):
        box = QGroupBox(tr("控制指标编辑（所选地块）"))
        form = QFormLayout(box)
        self.landuse = QComboBox()
        self.landuse.setEditable(False)
        self.landuse.addItem(tr("（不修改）"), None)
        for code, name, level in plan_io.land_use_codes():
            self.landuse.addItem(f"{'  ' * (level - 1)}{code} {name}", code)
        form.addRow(tr("用地用海分类"), self.landuse)
        self.spins = {}
        for field, label, lo, hi, dec in CONTROL_FIELDS:
            sp = QDoubleSpinBox()
            sp.setRange(lo - 1, hi)
            sp.setDecimals(dec)
            sp.setSpecialValueText(tr("（不修改）"))
            sp.setValue(lo - 1)
            sp.valueChanged.connect(self._validate_editor)
            self.spins[field] = sp
            form.addRow(tr(label), sp)
        self.hydm = QLineEdit()
        self.hydm.setPlaceholderText(tr("如 C20 或 20"))
        self.hydm.textChanged.connect(self._validate_editor)
        form.addRow(tr("国民经济行业代码"), self.hydm)
        self.editor_msg = QLabel()
        self.editor_msg.setWordWrap(True)
        form.addRow(self.editor_msg)
        apply_btn = QPushButton(tr("应用到所选地块"))
        apply_btn.clicked.connect(self.apply_controls)
        form.addRow(apply_btn)
        return box

    # -------------------------------------------------------------------------------------- layers
    def layer(self, level):
        return self.combos[level].currentLayer()

    def _auto_detect(self, *_):
        """Pick the plan layers by their code fields when the user has not chosen them."""
        for lyr in QgsProject.instance().mapLayers().values():
            if not isinstance(lyr, QgsVectorLayer):
                continue
            names = set(lyr.fields().names())
            level = "plot" if "DKBH" in names else "unit" if "DYBH" in names else \
                "cluster" if "ZTBH" in names else None
            if level and self.combos[level].currentLayer() is None:
                self.combos[level].setLayer(lyr)
                configure_plan_layer(lyr, level)
        self._layers_changed()

    def _layers_changed(self, *_):
        for _lyr, sigs in self._watched:
            for sig, slot in sigs:
                try:
                    sig.disconnect(slot)
                except TypeError:
                    pass
        self._watched = []
        for level, cb in self.combos.items():
            lyr = cb.currentLayer()
            if lyr is None:
                continue
            sigs = [(lyr.featureAdded, self._schedule), (lyr.featuresDeleted, self._schedule),
                    (lyr.geometryChanged, self._schedule), (lyr.attributeValueChanged, self._schedule),
                    (lyr.afterCommitChanges, self._schedule), (lyr.dataChanged, self._schedule)]
            if level == "plot":
                sigs.append((lyr.selectionChanged, self._plot_selection_changed))
            for sig, slot in sigs:
                sig.connect(slot)
            self._watched.append((lyr, sigs))
        self._schedule()

    def _schedule(self, *_):
        self._timer.start()

    # ------------------------------------------------------------------------------------- refresh
    def refresh(self):
        """Rebuild the tree and the summary from the plan layers (attributes only)."""
        t0 = time.perf_counter()
        records = {lv: plan_io.read_records(self.layer(lv), lv) for lv in self.combos}
        self._records = records
        opened = self._expanded_codes()
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._lazy = {}
        from ...algorithms.summary import plan_tree

        tree = plan_tree(records["cluster"], records["unit"], records["plot"])
        items = []
        for z, node in tree.items():
            rec = node["record"] or {}
            zi = QTreeWidgetItem([z, rec.get("CYL") or rec.get("ZTMC") or "", _ha(rec.get("YDMJ")), "", ""])
            zi.setData(0, Qt.UserRole, ("cluster", rec.get("_fid")))
            for d, un in node["units"].items():
                urec = un["record"] or {}
                ui = QTreeWidgetItem([d, urec.get("CYHJ") or urec.get("YDYHFLMC") or "", _ha(urec.get("YDMJ")),
                                      _far(urec), ""])
                ui.setData(0, Qt.UserRole, ("unit", urec.get("_fid")))
                if un["plots"]:  # rows for 10,000 plots would cost more than the rest of the refresh
                    ui.setChildIndicatorPolicy(QTreeWidgetItem.ShowIndicator)
                    self._lazy[id(ui)] = (ui, un["plots"])
                zi.addChild(ui)
            items.append(zi)
        self.tree.addTopLevelItems(items)
        for item in self._branch_items():  # nodes that were open before the refresh stay open
            if item.text(0) in opened:
                self._populate(item)
                item.setExpanded(True)
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)
        self._update_summary()
        self.last_refresh_ms = (time.perf_counter() - t0) * 1000.0
        return self.last_refresh_ms

    def _populate(self, item):
        """Make the plot rows of a unit when it is opened (once per refresh)."""
        entry = self._lazy.pop(id(item), None)
        if entry is not None:
            entry[0].addChildren([_plot_item(p) for p in entry[1]])

    def _branch_items(self):
        """The cluster and unit items of the tree."""
        for i in range(self.tree.topLevelItemCount()):
            zi = self.tree.topLevelItem(i)
            yield zi
            yield from (zi.child(k) for k in range(zi.childCount()))

    def _expanded_codes(self):
        return {item.text(0) for item in self._branch_items() if item.isExpanded()}

    def _update_summary(self):
        from ...algorithms.summary import plan_summary

        plots = self._records.get("plot", []) if hasattr(self, "_records") else []
        lyr = self.layer("plot")
        scope = tr("全部地块")
        if lyr is not None and lyr.selectedFeatureCount():
            sel = set(lyr.selectedFeatureIds())
            plots = [p for p in plots if p["_fid"] in sel]
            scope = tr("所选地块")
        s = plan_summary(plots, level1_names=plan_io.level1_names())
        rows = "".join(f"<tr><td>{c['code']} {c['name']}</td><td align=right>{c['area_m2'] / 1e4:,.2f}</td>"
                       f"<td align=right>{c['share'] * 100:.1f}%</td></tr>" for c in s["by_class"][:8])
        missing = ""
        if s["missing_far"] or s["missing_tzqd"]:
            missing = (f"<br><span style='color:#a60'>{tr('未赋值')}: {tr('容积率')} {s['missing_far']}，"
                       f"{tr('投资强度')} {s['missing_tzqd']}</span>")
        self.summary.setText(
            f"<b>{scope}</b>：{s['plots']} {tr('块')}，{s['area_ha']:,.2f} {tr('公顷')}"
            f"（{s['area_ha'] * 15:,.1f} {tr('亩')}）<br>{tr('计容建筑面积')} {s['floor_area_m2'] / 1e4:,.2f} {tr('万㎡')}，"
            f"{tr('最低固定资产投资')} {s['min_investment_wan'] / 1e4:,.2f} {tr('亿元')}，"
            f"{tr('待处理问题')} <b>{s['open_findings']}</b>{missing}"
            f"<table width=100%><tr><th align=left>{tr('用地类别')}</th><th>{tr('公顷')}</th><th>%</th></tr>{rows}</table>")
        self.summary_data = s

    def _plot_selection_changed(self, *_):
        if hasattr(self, "_records"):
            self._update_summary()

    # ------------------------------------------------------------------------------ tree → map
    def _tree_selection(self):
        by_level = {}
        for item in self.tree.selectedItems():
            level, fid = item.data(0, Qt.UserRole) or (None, None)
            if fid is not None:
                by_level.setdefault(level, []).append(fid)
        for level, fids in by_level.items():
            lyr = self.layer(level)
            if lyr is None:
                continue
            lyr.selectByIds(fids)
            if self.iface is not None:
                self.iface.mapCanvas().zoomToSelected(lyr)

    # ------------------------------------------------------------------------------------ actions
    def algorithm_parameters(self, alg, level):
        """Parameters for ``alg`` from the dock's layers (selection only when there is one); None if incomplete."""
        params = {}
        for p in alg.parameterDefinitions():
            name = p.name()
            lv = level if name == "INPUT" else LEVEL_PARAMS.get(name)
            if isinstance(p, QgsProcessingParameterFeatureSource) and lv:
                lyr = self.layer(lv)
                if lyr is None:
                    continue
                params[name] = QgsProcessingFeatureSourceDefinition(lyr.id(), selectedFeaturesOnly=bool(
                    lv == level and lyr.selectedFeatureCount()))
            elif isinstance(p, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
                params[name] = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT")
            elif isinstance(p, QgsProcessingParameterFileDestination):
                ext = p.defaultFileExtension() or "dat"
                params[name] = QgsProcessingUtils.generateTempFilename(f"{alg.name()}_{name.lower()}.{ext}")
            elif isinstance(p, QgsProcessingParameterFolderDestination):
                params[name] = QgsProcessingUtils.generateTempFilename(f"{alg.name()}_{name.lower()}")
        missing = [p.name() for p in alg.parameterDefinitions()
                   if not (p.flags() & p.FlagOptional) and p.name() not in params and p.defaultValue() is None]
        return params, missing

    def run_action(self, alg_id, level):
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        if alg is None:
            self._message(tr("算法不可用") + f": {alg_id}", Qgis.Warning)
            return None
        params, missing = self.algorithm_parameters(alg, level)
        if missing:
            import processing  # QGIS's own dialog, prefilled; it runs the algorithm in a background task

            processing.execAlgorithmDialog(alg_id, params)
            return None
        return self.run_in_background(alg, params)

    def run_in_background(self, alg, params):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        task.executed.connect(partial(self._task_done, alg, context, feedback))
        self._tasks.append((task, context, feedback))
        QgsApplication.taskManager().addTask(task)
        return task

    def _task_done(self, alg, context, feedback, ok, results):
        self._tasks = [t for t in self._tasks if t[1] is not context]
        if not ok:
            self._message(tr("运行失败") + f": {alg.displayName()}", Qgis.Critical)
            return
        for out in alg.outputDefinitions():
            value = results.get(out.name())
            if not isinstance(value, str) or not value:
                continue
            lyr = QgsProcessingUtils.mapLayerFromString(value, context)
            if lyr is None:
                continue
            if context.temporaryLayerStore().mapLayer(lyr.id()) is not None:
                context.temporaryLayerStore().takeMapLayer(lyr)
            lyr.setName(f"{alg.displayName()} - {out.description()}")
            style = os.path.join(STYLE_DIR, f"{alg.name()}_{out.name().lower()}.qml")
            if os.path.exists(style):
                lyr.loadNamedStyle(style)
            QgsProject.instance().addMapLayer(lyr)
        self._message(tr("完成") + f": {alg.displayName()}", Qgis.Success)

    def _message(self, text, level):
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("小组团规划"), text, level, 5)

    # ------------------------------------------------------------------------------ control editor
    def editor_values(self):
        vals = {f: sp.value() for f, sp in self.spins.items() if sp.value() >= sp.minimum() + 1}
        if self.landuse.currentData():
            vals["YDYHFLDM"] = self.landuse.currentData()
            vals["YDYHFLMC"] = plan_io.land_use_name(vals["YDYHFLDM"])
        if self.hydm.text().strip():
            vals["HYDM"] = self.hydm.text().strip()
        return vals

    def _validate_editor(self, *_):
        problems = plan_io.check_against_profile(self.editor_values())
        for f, sp in self.spins.items():
            bad = [p for p in problems if p["field"] == f]
            sp.setStyleSheet("background:#fdd" if bad else "")
            sp.setToolTip("\n".join(p["message"] for p in bad))
        self.editor_msg.setText("<br>".join(f"<span style='color:#b00'>{p['message']}</span>" for p in problems))
        return problems

    def apply_controls(self):
        lyr = self.layer("plot")
        vals = self.editor_values()
        if lyr is None or not lyr.selectedFeatureCount() or not vals:
            self._message(tr("请先选择地块并填写要修改的指标"), Qgis.Info)
            return 0
        idx = {f: lyr.fields().lookupField(f) for f in vals}
        missing = [f for f, i in idx.items() if i < 0]
        if missing:
            self._message(tr("地块图层缺少字段") + ": " + ", ".join(missing), Qgis.Warning)
            return 0
        was_editing = lyr.isEditable()
        if not was_editing:
            lyr.startEditing()
        lyr.beginEditCommand(tr("赋值控制指标"))
        for fid in lyr.selectedFeatureIds():
            lyr.changeAttributeValues(fid, {idx[f]: v for f, v in vals.items()})
        lyr.endEditCommand()
        return lyr.selectedFeatureCount()

    def teardown(self):
        self._timer.stop()
        try:
            QgsProject.instance().layersAdded.disconnect(self._auto_detect)
        except TypeError:
            pass
        for cb in self.combos.values():
            cb.setLayer(None)
        self._layers_changed()


def _ha(v):
    try:
        return f"{float(v) / 1e4:,.2f}"
    except (TypeError, ValueError):
        return ""


def _far(rec):
    lo, hi = rec.get("RJLXX"), rec.get("RJLSX")
    if lo is None and hi is None:
        return ""
    return f"{'' if lo is None else lo}–{'' if hi is None else hi}"


def _plot_item(p):
    item = QTreeWidgetItem([p.get("DKBH") or "?", f"{p.get('YDYHFLDM') or ''} {p.get('YDYHFLMC') or ''}".strip(),
                            _ha(p.get("YDMJ")), _far(p), p.get("SCJL") or ""])
    item.setData(0, Qt.UserRole, ("plot", p["_fid"]))
    if p.get("SCJL") == "不合规":
        item.setForeground(4, Qt.red)
    return item


def install_dock(iface):
    dock = PlanDock(iface, iface.mainWindow())
    iface.addDockWidget(Qt.RightDockWidgetArea, dock)
    return dock


__all__ = ["PlanDock", "install_dock", "ACTIONS", "QgsFeatureRequest"]
