"""The dock's feasibility panel: the plan's NPV, peak funding and payback from a zutuan:cashflow run on the plan's
layers, the 调整建议 list of its search, and applying 方案 1 (cashflow's OUTPUT_PLAN) as a new plan version (undoable
by 撤销上一步, plan_store keeping the previous 地块 table)."""
import os

from qgis.core import Qgis
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from ..i18n import tr
from . import plan_store

SHEET = "调整建议"
APPLIED = "方案 1"  # the one plan zutuan:cashflow writes as OUTPUT_PLAN


def read_suggestions(workbook):
    """[(plan label, [adjustments], plan NPV, NPV change, peak funding, result)] of the workbook's 调整建议 sheet and
    the search's note ("" when the sheet is absent: the search did not run)."""
    import openpyxl

    if not workbook or not os.path.exists(workbook):
        return [], ""
    wb = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    if SHEET not in wb.sheetnames:
        return [], ""
    rows = list(wb[SHEET].iter_rows(values_only=True))
    head = {h: i for i, h in enumerate(rows[0]) if h}
    col = {k: next((i for h, i in head.items() if h.startswith(k)), None)
           for k in ("方案", "调整", "方案净现值", "净现值变化", "最大资金需求", "结论")}
    out, note = [], ""
    for r in rows[1:]:
        label = r[col["方案"]]
        if label == "说明 note":
            note = r[col["调整"]] or ""
        elif label and str(label).startswith("方案"):
            if not out or out[-1][0] != label:
                out.append((label, [], *(r[col[k]] if col[k] is not None else None
                                         for k in ("方案净现值", "净现值变化", "最大资金需求", "结论"))))
            out[-1][1].append(str(r[col["调整"]]))
    return out, note


def _wan(v):
    return f"{float(v):,.0f}" if isinstance(v, (int, float)) else "—"


class FeasibilityPanel(QgsCollapsibleGroupBox):
    """Figures of the last 可行性测算 and its suggestions; 应用所选方案 writes 方案 1 into the plan."""

    def __init__(self, dock, parent=None):
        super().__init__(tr("可行性测算"), parent)
        self.dock = dock
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.peak_limit = QDoubleSpinBox()
        self.peak_limit.setRange(0, 1e9)
        self.peak_limit.setDecimals(0)
        self.peak_limit.setSingleStep(1000)
        self.peak_limit.setSpecialValueText(tr("不限"))
        self.peak_limit.setToolTip(tr("调整建议须达到的最大资金需求上限，0 为不限"))
        form.addRow(tr("最大资金需求上限（万元）"), self.peak_limit)
        lay.addLayout(form)
        self.status = QLabel(tr("未测算"))
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("方案"), tr("调整"), tr("净现值（万元）"), tr("最大资金需求（万元）"), tr("结论")])
        self.list.setRootIsDecorated(False)
        self.list.itemSelectionChanged.connect(self._selected)
        lay.addWidget(self.list)
        self.apply_button = QPushButton(tr("应用所选方案（新方案版本，可撤销）"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply_selected)
        lay.addWidget(self.apply_button)
        self.results, self.plan_path, self.suggestions = {}, None, []

    def parameters(self):
        """The panel's targets for zutuan:cashflow's search."""
        return {"PEAK_LIMIT": self.peak_limit.value()} if self.peak_limit.value() > 0 else {}

    def show_results(self, results, plan_path):
        """Show a cashflow run's outputs (NPV, PEAK_NEED, PAYBACK_QUARTER …, the workbook and OUTPUT_PLAN)."""
        self.results, self.plan_path = dict(results), plan_path
        self.suggestions, note = read_suggestions(results.get("OUTPUT"))
        payback = results.get("PAYBACK_QUARTER") or tr("测算期内未回收")
        self.status.setText(f"{tr('净现值')} <b>{_wan(results.get('NPV'))}</b> {tr('万元')}，{tr('最大资金需求')} "
                            f"<b>{_wan(results.get('PEAK_NEED'))}</b> {tr('万元')}（{results.get('PEAK_QUARTER') or '—'}），"
                            f"{tr('投资回收')} <b>{payback}</b><br>{note or tr('未搜索调整建议')}")
        self.list.clear()
        for label, moves, npv, change, peak, result in self.suggestions:
            item = QTreeWidgetItem([label, "；".join(moves), f"{_wan(npv)}（{float(change or 0):+,.0f}）",
                                    _wan(peak), result or ""])
            item.setToolTip(1, "\n".join(moves))
            self.list.addTopLevelItem(item)
        self._selected()

    def _selected(self):
        items = self.list.selectedItems()
        ok = bool(items) and items[0].text(0) == APPLIED and bool(self.results.get("OUTPUT_PLAN"))
        self.apply_button.setEnabled(ok)
        if items and not ok:
            self.apply_button.setToolTip(tr("只有方案 1 由现金流测算写出调整后的地块"))

    def apply_selected(self):
        """Write 方案 1's plots into the plan's 地块 table (the previous one kept for 撤销上一步)."""
        items = self.list.selectedItems()
        source = self.results.get("OUTPUT_PLAN")
        if not items or items[0].text(0) != APPLIED or not source or not self.plan_path:
            return False
        try:
            undo = plan_store.replace_tables(self.plan_path, {"dikuai": (source, None)})
        except plan_store.PlanWriteError as err:
            self.dock.message(str(err), Qgis.Critical)
            return False
        self.dock._step = "feasibility"
        self.dock.plan_written(self.plan_path, ["dikuai"], undo=undo)
        self.dock._update_buttons()
        self.dock.message(f"已应用{APPLIED}：{items[0].text(1)}，写入规划（可撤销）/ plan 1 applied to the plan (undoable)",
                          Qgis.Success)
        self.apply_button.setEnabled(False)
        return True
