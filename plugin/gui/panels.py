"""Two panels of the dock: the layer roles (what the dock matched in the project, changeable, kept in the project
file) and the review results (findings of the last 审查, click to zoom, the report, stale after edits)."""
import os
from functools import partial

from qgis.core import QgsFeatureRequest, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from . import roles as R

_FILTERS = {"polygon": QgsMapLayerProxyModel.PolygonLayer, "line": QgsMapLayerProxyModel.LineLayer,
            "raster": QgsMapLayerProxyModel.RasterLayer}


class RolesPanel(QgsCollapsibleGroupBox):
    """One layer combo per role; a layer that does not fit its role is refused (``refused`` carries why)."""

    changed = pyqtSignal()
    refused = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(tr("图层"), parent)
        form = QFormLayout(self)
        self.combos = {}
        self._current = {}
        self._quiet = False
        for role in R.ROLES:
            cb = QgsMapLayerComboBox()
            cb.setFilters(_FILTERS[role.geometry])
            cb.setAllowEmptyLayer(True)
            cb.setLayer(None)
            cb.layerChanged.connect(partial(self._picked, role.key))
            self.combos[role.key] = cb
            if role.key == "zoning":
                row = QHBoxLayout()
                row.addWidget(cb, 2)
                self.zone_combo = QgsFieldComboBox()
                self.zone_combo.setToolTip(tr("分区名称字段"))
                self.zone_combo.fieldChanged.connect(self._zone_field_changed)
                row.addWidget(self.zone_combo, 1)
                form.addRow(tr(role.label), row)
            else:
                form.addRow(tr(role.label), cb)

    def close_down(self):
        """Forget the roles and stop following the project (the dock is going away)."""
        for cb in self.combos.values():
            cb.blockSignals(True)
            cb.setLayer(None)
        self.zone_combo.blockSignals(True)
        self._current = {}

    def layer(self, key):
        lid = self._current.get(key)
        return QgsProject.instance().mapLayer(lid) if lid else None

    def layers(self):
        return {key: self.layer(key) for key in R.BY_KEY}

    def assign(self, key, lyr, save=True):
        """Set a role without asking (the dock's own retargeting); refused layers are not set."""
        if lyr is not None and R.check_layer(key, lyr) is not None:
            return False
        self._quiet = True
        try:
            self.combos[key].setLayer(lyr)
            self._current[key] = lyr.id() if lyr is not None else None
            if key == "zoning":
                self._set_zone_layer(lyr)
        finally:
            self._quiet = False
        if save:
            self.save()
        return True

    def _picked(self, key, lyr):
        if self._quiet:
            return
        problem = R.check_layer(key, lyr)
        if problem is not None:
            self.refused.emit(f"{lyr.name()} 不能作为{tr(R.BY_KEY[key].label)}：{problem}")
            self._quiet = True
            self.combos[key].setLayer(self.layer(key))
            self._quiet = False
            return
        self._current[key] = lyr.id() if lyr is not None else None
        if key == "zoning":
            self._set_zone_layer(lyr)
        self.save()
        self.changed.emit()

    def _set_zone_layer(self, lyr):
        vec = lyr if isinstance(lyr, QgsVectorLayer) else None
        self.zone_combo.setLayer(vec)
        if vec is not None:
            self.zone_combo.setField(self._zone or R.first_field(vec, R.ZONE_FIELDS) or "")

    _zone = ""

    def _zone_field_changed(self, name):
        if not self._quiet:
            self._zone = name
            self.save()

    def zone_field(self):
        return self.zone_combo.currentField() if self.layer("zoning") is not None else ""

    def detect(self):
        """Fill the empty roles from the project's layers (names, then fields); True if anything changed."""
        layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.isValid()]
        taken = {k: v for k, v in self.layers().items() if v is not None}
        plans = {p for p in (plan_of_layer(lyr) for lyr in layers) if p}
        found = R.detect(layers, taken, plan_sources=plans)
        for key, lyr in found.items():
            self.assign(key, lyr, save=False)
        if found:
            self.save()
        return bool(found)

    def forget_missing(self):
        ids = set(QgsProject.instance().mapLayers())
        gone = [k for k, v in self._current.items() if v and v not in ids]
        for key in gone:
            self._current[key] = None
        return gone

    def restore(self):
        """The roles kept in the project file (after a project is read)."""
        saved, extra = R.load_roles()
        self._zone = extra.get("zone_field", "")
        for key in R.BY_KEY:
            self.assign(key, saved.get(key), save=False)

    def save(self):
        R.save_roles(self.layers(), {"zone_field": self.zone_combo.currentField()})


def plan_of_layer(lyr):
    from .plan_store import plan_of

    return plan_of(lyr) if isinstance(lyr, QgsVectorLayer) else None


class ReviewPanel(QgsCollapsibleGroupBox):
    """Findings of the last review (one row per conflict), the report, and whether edits made it stale."""

    COLUMNS = ("DKBH", "GZMC", "YZCD", "CTMJ", "SM")

    def __init__(self, zoom, parent=None):
        super().__init__(tr("审查结果"), parent)
        self._zoom = zoom
        lay = QVBoxLayout(self)
        self.status = QLabel(tr("未审查"))
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("地块"), tr("规则"), tr("严重程度"), tr("冲突面积（㎡）"), tr("说明")])
        self.list.setRootIsDecorated(False)
        self.list.itemClicked.connect(self._clicked)
        lay.addWidget(self.list)
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.report_button = QPushButton(tr("打开审查报告"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        rl.addWidget(self.report_button)
        lay.addWidget(row)
        self.layer = None
        self.report = None
        self.stale = set()

    def show_results(self, layer, report, summary=""):
        """List the conflicts of ``layer`` (the plan's 一张图冲突 table)."""
        self.layer, self.report, self.stale = layer, report, set()
        self.list.clear()
        items = []
        if layer is not None:
            names = layer.fields().names()
            req = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            for f in layer.getFeatures(req):
                vals = [f[c] if c in names else "" for c in self.COLUMNS]
                vals[3] = f"{float(vals[3]):,.1f}" if isinstance(vals[3], (int, float)) else str(vals[3] or "")
                item = QTreeWidgetItem(["" if v is None or str(v) == "NULL" else str(v) for v in vals])
                item.setData(0, 256, f.id())
                items.append(item)
        self.list.addTopLevelItems(items)
        self.report_button.setEnabled(bool(report and os.path.exists(report)))
        self.status.setText(summary or f"{tr('问题')} {len(items)}")
        self._summary = self.status.text()

    def mark_stale(self, fid):
        self.stale.add(fid)
        self.status.setText(f"<span style='color:#b00'>{tr('审查已过期')}：{len(self.stale)} {tr('个地块在审查后修改，请重新审查')}"
                            f"</span><br>{getattr(self, '_summary', '')}")

    def clear_stale(self, *_):
        """The edits were discarded: the review stands again."""
        self.stale = set()
        self.status.setText(getattr(self, "_summary", tr("未审查")))

    def _clicked(self, item, _col):
        fid = item.data(0, 256)
        if self.layer is not None and fid is not None:
            self._zoom(self.layer, fid)

    def open_report(self):
        if self.report and os.path.exists(self.report):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.report))
            return True
        return False
