"""The control editor of the dock: the selected plots' current values (with a hint where they differ), checked
against each selected plot's own land use and industry under the plan's standards profile, on every change; values
outside the standard are applied only when the planner confirms."""
from qgis.core import Qgis, QgsFeatureRequest
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from ..i18n import N_, tr
from . import plan_io, plan_store

#: control editor fields: (field, label, min, max, decimals)
CONTROL_FIELDS = [("RJLXX", N_("容积率下限"), 0, 20, 2), ("RJLSX", N_("容积率上限"), 0, 20, 2), ("JZXS", N_("建筑系数下限 %"), 0, 100, 1),
                  ("JZMDSX", N_("建筑密度上限 %"), 0, 100, 1), ("LDLSX", N_("绿地率上限 %"), 0, 100, 1),
                  ("XZBGBL", N_("行政办公用地比例上限 %"), 0, 100, 1), ("JZXG", N_("建筑限高 m"), 0, 500, 1),
                  ("TZQD", N_("投资强度下限 万元/公顷"), 0, 100000, 0)]
KEEP = N_("（不修改）")


def _value(v):
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) or str(v) in ("", "NULL") else v


class ControlEditor(QGroupBox):
    def __init__(self, dock):
        super().__init__(tr("控制指标编辑（所选地块）"))
        self.dock = dock
        self._loaded = {}
        self._loading = False
        form = QFormLayout(self)
        self.selection_label = QLabel(tr("未选择地块"))
        form.addRow(self.selection_label)
        self.landuse = QComboBox()
        self.landuse.addItem(tr(KEEP), None)
        for code, name, level in plan_io.land_use_codes():
            self.landuse.addItem(f"{'  ' * (level - 1)}{code} {name}", code)
        self.landuse.currentIndexChanged.connect(self.validate)
        form.addRow(tr("用地用海分类"), self.landuse)
        self.spins = {}
        for field, label, lo, hi, dec in CONTROL_FIELDS:
            sp = QDoubleSpinBox()
            sp.setRange(lo - 1, hi)
            sp.setDecimals(dec)
            sp.setSpecialValueText(tr(KEEP))
            sp.setValue(lo - 1)
            sp.valueChanged.connect(self.validate)
            self.spins[field] = sp
            form.addRow(tr(label), sp)
        self.hydm = QLineEdit()
        self.hydm.setPlaceholderText(tr("如 C20 或 20"))
        self.hydm.textChanged.connect(self.validate)
        form.addRow(tr("国民经济行业代码"), self.hydm)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.apply_button = QPushButton(tr("应用到所选地块"))
        self.apply_button.clicked.connect(lambda: self.apply())
        form.addRow(self.apply_button)

    # ----------------------------------------------------------------------------- selection → editor
    def selected(self):
        """[{field: value, '_fid', 'DKBH'}] of the selected plots (attributes only)."""
        lyr = self.dock.layer("plot")
        if lyr is None or not lyr.selectedFeatureCount():
            return []
        names = lyr.fields().names()
        wanted = [f for f in ["DKBH", "YDYHFLDM", "HYDM", *self.spins] if f in names]
        req = QgsFeatureRequest().setFilterFids(lyr.selectedFeatureIds()).setFlags(QgsFeatureRequest.NoGeometry)
        return [dict({f: _value(feat[f]) for f in wanted}, _fid=feat.id()) for feat in lyr.getFeatures(req)]

    def load_selection(self):
        """Show the selection's current values: a shared value in the field, differing values as a hint."""
        rows = self.selected()
        self._loading = True
        self._loaded = {}
        try:
            for field, sp in self.spins.items():
                vals = {r.get(field) for r in rows}
                known = sorted(float(v) for v in vals if v is not None)
                if len(vals) == 1 and known:
                    sp.setSpecialValueText(tr(KEEP))
                    sp.setValue(known[0])
                    self._loaded[field] = known[0]
                else:
                    hint = f"{tr('多个值')} {known[0]:g}–{known[-1]:g}" if len(vals) > 1 and known else ""
                    sp.setSpecialValueText(f"{tr(KEEP)} {hint}".strip())
                    sp.setValue(sp.minimum())
            codes = {r.get("YDYHFLDM") for r in rows}
            idx = self.landuse.findData(next(iter(codes))) if len(codes) == 1 and None not in codes else 0
            self.landuse.setCurrentIndex(max(idx, 0))
            self._loaded["YDYHFLDM"] = self.landuse.currentData()
            self.landuse.setToolTip(tr("多个值") + ": " + ", ".join(sorted(str(c) for c in codes if c))
                                    if len(codes) > 1 else "")
        finally:
            self._loading = False
        self.selection_label.setText(f"{tr('所选地块')} {len(rows)}" if rows else tr("未选择地块"))
        self.validate()

    # ----------------------------------------------------------------------------------- validation
    def values(self):
        """The values the planner changed (fields left at 不修改 or at the shared current value are not)."""
        vals = {f: sp.value() for f, sp in self.spins.items()
                if sp.value() >= sp.minimum() + 1 and self._loaded.get(f) != sp.value()}
        code = self.landuse.currentData()
        if code and code != self._loaded.get("YDYHFLDM"):
            vals["YDYHFLDM"] = code
            vals["YDYHFLMC"] = plan_io.land_use_name(code)
        if self.hydm.text().strip():
            vals["HYDM"] = self.hydm.text().strip()
        return vals

    def shown_values(self):
        """Every value in the editor (changed or current), as checked against the standard."""
        vals = {f: sp.value() for f, sp in self.spins.items() if sp.value() >= sp.minimum() + 1}
        if self.landuse.currentData():
            vals["YDYHFLDM"] = self.landuse.currentData()
        if self.hydm.text().strip():
            vals["HYDM"] = self.hydm.text().strip()
        return vals

    def problems(self):
        """Out-of-standard values, each plot checked with its own land use and industry unless the editor sets them."""
        shown = self.shown_values()
        profile, region = plan_io.plan_profile(plan_store.plan_of(self.dock.layer("plot")))
        groups = {}  # plots with the same land use and industry are checked once
        for row in self.selected() or [{}]:
            key = (row.get("YDYHFLDM"), row.get("HYDM"))
            groups.setdefault(key, []).append(row.get("DKBH"))
        found = {}
        for (landuse, industry), codes in groups.items():
            vals = {k: v for k, v in (("YDYHFLDM", landuse), ("HYDM", industry)) if v is not None}
            vals.update(shown)
            for p in plan_io.check_against_profile(vals, profile=profile, region_class=region):
                entry = found.setdefault((p["field"], p["message"]), dict(p, plots=[]))
                entry["plots"].extend(c for c in codes if c)
        return list(found.values())

    def validate(self, *_):
        if self._loading:
            return []
        problems = self.problems()
        for f, sp in self.spins.items():
            bad = [p for p in problems if p["field"] == f]
            sp.setStyleSheet("background:#fdd" if bad else "")
            sp.setToolTip("\n".join(p["message"] for p in bad))
        lines = []
        for p in problems:
            where = f"（{tr('地块')} {', '.join(p['plots'][:5])}{' …' if len(p['plots']) > 5 else ''}）" if p["plots"] else ""
            lines.append(f"<span style='color:#b00'>{p['message']}{where}</span>")
        self.message.setText("<br>".join(lines))
        return problems

    # -------------------------------------------------------------------------------------- apply
    def confirm(self, problems):
        """Ask before applying values outside the standard (default: no)."""
        text = tr("以下指标超出标准，仍然应用吗？") + "\n\n" + "\n".join(p["message"] for p in problems)
        answer = QMessageBox.question(self, tr("超出标准"), text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def apply(self):
        lyr = self.dock.layer("plot")
        vals = self.values()
        if lyr is None or not lyr.selectedFeatureCount() or not vals:
            self.dock.message("请先选择地块并填写要修改的指标 / select plots and enter the values to change", Qgis.Info)
            return 0
        idx = {f: lyr.fields().lookupField(f) for f in vals}
        missing = [f for f, i in idx.items() if i < 0]
        if missing:
            self.dock.message(f"地块图层缺少字段 / the plot layer lacks fields: {', '.join(missing)}", Qgis.Warning)
            return 0
        problems = self.validate()
        if problems and not self.confirm(problems):
            self.dock.message("未应用：指标超出标准 / not applied: values outside the standard", Qgis.Warning)
            return 0
        if not lyr.isEditable():
            lyr.startEditing()
        lyr.beginEditCommand(tr("赋值控制指标"))
        for fid in lyr.selectedFeatureIds():
            lyr.changeAttributeValues(fid, {idx[f]: v for f, v in vals.items()})
        lyr.endEditCommand()
        n = lyr.selectedFeatureCount()
        self.load_selection()
        return n
