"""The 小组团 dock: the project's layers by role, the plan's hierarchy tree with a live summary, the buttons that run
the plan's steps (written into the plan GeoPackage, undoable), the review's findings, and the control editor.

Steps run as QgsProcessingAlgRunnerTask (progress and cancel in the dock); the tree only reads attributes, so
refreshing never freezes QGIS.
"""
import time
from functools import partial

from qgis.core import Qgis, QgsFeatureRequest, QgsProject
from qgis.gui import QgsDockWidget, QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import plan_io, plan_store
from .editor import ControlEditor
from .feasibility import FeasibilityPanel
from .forms import configure_plan_layer
from .panels import ReviewPanel, RolesPanel
from .actions import ACTIONS, StepActions
from .runner import Runner
from .sketch import SketchPanel
from .steps import Steps, report_path
from .results import attach_grades, grades_html, latest_grades
from .tree import ha, plan_items, summary_html

#: plot fields whose change makes the 一张图 review stale
REVIEWED_FIELDS = ("YDYHFLDM", "HYDM")


class PlanDock(StepActions, QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("小组团规划"), parent)
        self.iface = iface
        self.setObjectName("ZutuanPlanDock")
        self._watched = []
        self._records = {}
        self.mujun_year = None
        self._marking = False
        self.last_step = None
        self.last_export = None
        self.last_refresh_ms = None
        self.steps = Steps(self)
        self.runner = Runner(self)
        self.runner.started.connect(self._started)
        self.runner.progress.connect(lambda v: self.progress.setValue(int(v)))
        self.runner.finished.connect(self._finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self._build()
        prj = QgsProject.instance()
        prj.layersAdded.connect(self._layers_added)
        prj.layersRemoved.connect(self._layers_removed)
        prj.readProject.connect(self._project_read)
        self.roles.restore()  # a project already open keeps its roles
        self._layers_added(list(prj.mapLayers().values()))

    # ------------------------------------------------------------------------------------------- UI
    def _build(self):
        page = QWidget()
        lay = QVBoxLayout(page)
        self.bar = QgsMessageBar()
        lay.addWidget(self.bar)
        self.roles = RolesPanel()
        self.roles.changed.connect(self._layers_changed)
        self.roles.refused.connect(lambda text: self.message(text, Qgis.Warning))
        self.combos = self.roles.combos
        lay.addWidget(self.roles)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("编号"), tr("用地 / 产业"), tr("面积（公顷）"), tr("容积率"), tr("审查"),
                                   tr("亩均等级")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeToContents)
        self.tree.setSelectionMode(QTreeWidget.ExtendedSelection)
        self.tree.setMinimumHeight(220)
        self.tree.itemSelectionChanged.connect(self._tree_selection)
        self.tree.itemExpanded.connect(self._populate)
        self._lazy = {}
        lay.addWidget(self.tree, 3)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        lay.addWidget(self.summary)
        grid = QGridLayout()
        self.action_buttons = {}
        for i, (label, key, method) in enumerate(ACTIONS):
            b = QPushButton(tr(label))
            b.setToolTip(key)
            b.clicked.connect(partial(self.run_step, method) if method else self.undo)
            grid.addWidget(b, i // 4, i % 4)
            self.action_buttons[key] = b
        lay.addLayout(grid)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.clicked.connect(self.runner.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        self._show_progress(False)
        self.review = ReviewPanel(self.zoom_to)
        lay.addWidget(self.review)
        self.feasibility = FeasibilityPanel(self)
        lay.addWidget(self.feasibility)
        self.sketch = SketchPanel(self)
        lay.addWidget(self.sketch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.editor = ControlEditor(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, tr("规划概览"))
        self.tabs.addTab(self.editor, tr("指标编辑"))
        self.setWidget(self.tabs)
        self._update_buttons()

    def message(self, text, level=Qgis.Info, duration=0, widget=None):
        """The dock's own message bar (Chinese first); warnings also go to QGIS's bar."""
        self.bar.clearWidgets()
        item = self.bar.createMessage(tr("小组团规划"), text)
        if widget is not None:
            item.layout().addWidget(widget)
        self.bar.pushWidget(item, level, duration)
        self.last_message = text
        if self.iface is not None and level in (Qgis.Warning, Qgis.Critical):
            self.iface.messageBar().pushMessage(tr("小组团规划"), text, level, 8)

    # -------------------------------------------------------------------------------------- layers
    def role(self, key):
        return self.roles.layer(key)

    def layer(self, level):
        return self.role(level)

    def zone_field(self):
        return self.roles.zone_field()

    def _layers_added(self, layers):
        for lyr in layers:
            if plan_store.plan_of(lyr):
                plan_store.style_layer(lyr)
        self.roles.detect()
        for level in ("cluster", "unit", "plot"):
            if self.role(level) is not None:
                configure_plan_layer(self.role(level), level)
        self._layers_changed()

    def _layers_removed(self, *_):
        if self.roles.forget_missing():
            self.roles.detect()
            self._layers_changed()
        self._schedule()

    def _project_read(self, *_):
        self.roles.restore()
        self.roles.detect()
        self._layers_changed()

    def _layers_changed(self, *_):
        for lyr, sig, slot in self._watched:
            if sip.isdeleted(lyr):
                continue
            try:
                sig.disconnect(slot)
            except TypeError:
                pass
        self._watched = []
        for level in ("cluster", "unit", "plot"):
            lyr = self.role(level)
            if lyr is None:
                continue
            sigs = [(lyr.featureAdded, self._schedule), (lyr.featuresDeleted, self._schedule),
                    (lyr.geometryChanged, self._schedule), (lyr.attributeValueChanged, self._schedule),
                    (lyr.afterCommitChanges, self._schedule), (lyr.dataChanged, self._schedule)]
            if level == "plot":
                sigs += [(lyr.selectionChanged, self._plot_selection_changed), (lyr.geometryChanged, self._geometry_edited),
                         (lyr.attributeValueChanged, self._attribute_edited), (lyr.afterRollBack, self.review.clear_stale)]
            for sig, slot in sigs:
                sig.connect(slot)
            self._watched += [(lyr, sig, slot) for sig, slot in sigs]
        self._update_buttons()
        self._schedule()

    def _schedule(self, *_):
        self._timer.start()

    # -------------------------------------------------------------------------------- plan written
    def plan_written(self, path, tables, undo=None):
        """Open the written plan tables styled, make them the dock's layers, show a review's findings.

        ``undo`` (from plan_store.replace_tables) makes the step the one 撤销上一步 takes back."""
        if undo is not None:
            self.last_step = (getattr(self, "_step", None), path, undo)
        opened = {}
        for table in tables:
            if table in plan_store.tables(path):
                opened[table] = plan_store.open_layer(path, table)
        for role, table in plan_store.ROLE_TABLES.items():
            if opened.get(table) is not None:
                self.roles.assign(role, opened[table])
        if "yztchongtu" in opened:
            self.show_review(opened["yztchongtu"], report_path(path))
        self._layers_added([])

    def show_review(self, conflicts, report):
        counts = {}
        lyr = self.role("plot")
        if lyr is not None and lyr.fields().lookupField("SCJL") >= 0:
            for f in lyr.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
                counts[f["SCJL"]] = counts.get(f["SCJL"], 0) + 1
        text = "，".join(f"{k} {counts.get(k, 0)}" for k in ("合规", "不合规", "需核实"))
        self.review.show_results(conflicts, report, f"{tr('审查结论')}：{text}")

    def exported(self, folder, files):
        self.last_export = (folder, files)
        button = QPushButton(tr("打开文件夹"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        self._export_button = button

    # ------------------------------------------------------------------------------------- refresh
    def refresh(self):
        """Rebuild the tree and the summary from the plan layers (attributes only)."""
        t0 = time.perf_counter()
        self._records = {lv: plan_io.read_records(self.layer(lv), lv) for lv in ("cluster", "unit", "plot")}
        self.mujun_year, grades = latest_grades(self.role("mujun"))
        attach_grades(self._records["plot"], grades)
        opened = self._expanded_codes()
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        items, self._lazy = plan_items(self._records)
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
        from .tree import plot_item

        entry = self._lazy.pop(id(item), None)
        if entry is not None:
            entry[0].addChildren([plot_item(p) for p in entry[1]])

    def _branch_items(self):
        for i in range(self.tree.topLevelItemCount()):
            zi = self.tree.topLevelItem(i)
            yield zi
            yield from (zi.child(k) for k in range(zi.childCount()))

    def _expanded_codes(self):
        return {item.text(0) for item in self._branch_items() if item.isExpanded()}

    def _scope(self):
        """(label, plot records) the summary covers: the map's plot selection, else the tree's clusters/units."""
        plots = self._records.get("plot", [])
        lyr = self.layer("plot")
        if lyr is not None and lyr.selectedFeatureCount():
            sel = set(lyr.selectedFeatureIds())
            return tr("所选地块"), [p for p in plots if p["_fid"] in sel]
        codes = {"cluster": set(), "unit": set()}
        for item in self.tree.selectedItems():
            level, _fid = item.data(0, Qt.UserRole) or (None, None)
            if level in codes:
                codes[level].add(item.text(0))
        if codes["cluster"] or codes["unit"]:
            chosen = [p for p in plots if p.get("ZTBH") in codes["cluster"] or p.get("DYBH") in codes["unit"]]
            return f"{tr('所选')} {'、'.join(sorted(codes['cluster'] | codes['unit']))}", chosen
        return tr("全部地块"), plots

    def _update_summary(self):
        from ...algorithms.summary import plan_summary

        scope, plots = self._scope()
        s = plan_summary(plots, level1_names=plan_io.level1_names())
        self.summary.setText(summary_html(scope, s) + grades_html(plots, self.mujun_year))
        self.summary_data = s

    def _plot_selection_changed(self, *_):
        if self._records:
            self._update_summary()
        self.editor.load_selection()

    # ------------------------------------------------------------------------------ edits → review
    def _geometry_edited(self, fid, *_):
        self._mark_stale(fid)

    def _attribute_edited(self, fid, idx, *_):
        lyr = self.layer("plot")
        if lyr is not None and 0 <= idx < lyr.fields().count() and lyr.fields()[idx].name() in REVIEWED_FIELDS:
            self._mark_stale(fid)

    def _mark_stale(self, fid):
        """A plot changed after its review: SCJL becomes 未审查 (in the same edit) and the review panel says so."""
        lyr = self.layer("plot")
        if self._marking or lyr is None:
            return
        idx = lyr.fields().lookupField("SCJL")
        if idx >= 0 and lyr.isEditable() and lyr.getFeature(fid)["SCJL"] in ("合规", "不合规", "需核实"):
            self._marking = True
            try:
                lyr.changeAttributeValue(fid, idx, "未审查")
            finally:
                self._marking = False
        self.review.mark_stale(fid)

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
        if self._records:
            self._update_summary()

    def zoom_to(self, layer, fid):
        feat = layer.getFeature(fid)
        if self.iface is not None and feat.hasGeometry():
            canvas = self.iface.mapCanvas()
            rect = self.iface.mapCanvas().mapSettings().layerToMapCoordinates(layer, feat.geometry().boundingBox())
            canvas.setExtent(rect.buffered(max(rect.width(), rect.height(), 50.0) * 0.5))
            canvas.flashFeatureIds(layer, [fid])
            canvas.refresh()
        layer.selectByIds([fid])
        return feat

    def teardown(self):
        self._timer.stop()
        prj = QgsProject.instance()
        for sig, slot in ((prj.layersAdded, self._layers_added), (prj.layersRemoved, self._layers_removed),
                          (prj.readProject, self._project_read)):
            try:
                sig.disconnect(slot)
            except TypeError:
                pass
        self.roles.close_down()
        self.sketch.close_down()
        self._layers_changed()


def install_dock(iface):
    dock = PlanDock(iface, iface.mainWindow())
    iface.addDockWidget(Qt.RightDockWidgetArea, dock)
    return dock


__all__ = ["PlanDock", "install_dock", "ACTIONS", "ha"]
