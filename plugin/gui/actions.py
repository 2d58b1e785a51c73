"""The dock's step buttons: asking for a file or folder, running the step, progress and cancel, the message,
and undoing the last step written into the plan."""
import os
import tempfile

from qgis.core import Qgis, QgsSettings
from qgis.PyQt.QtWidgets import QFileDialog

from ..i18n import N_, tr
from . import plan_store
from .steps import Refused

#: dock buttons: (label, key, Steps method); the key of an algorithm's button is its id
ACTIONS = [
    (N_("新建规划"), "zutuan:createplan", "new_plan"),
    (N_("划分单元"), "zutuan:subdivideunits", "units"),
    (N_("划分地块"), "zutuan:subdivideplots", "plots"),
    (N_("赋值指标"), "zutuan:assigncontrols", "controls"),
    (N_("审查"), "zutuan:checkmasterplan", "review"),
    (N_("可行性测算"), "zutuan:cashflow", "feasibility"),
    (N_("导出"), "zutuan:exportindicatortable", "export"),
    (N_("撤销上一步"), "undo", None),
]
SETTINGS_FOLDER = "zutuan/export_folder"


class StepActions:
    """Mixed into the dock (which has ``runner``, ``steps``, ``action_buttons``, ``progress``, ``message``)."""

    # ------------------------------------------------------------------------------------- steps
    def run_step(self, method):
        if self.runner.busy():
            return False
        try:
            if method == "new_plan":
                target = self.ask_path(tr("新建规划数据库"), "plan.gpkg", save=True)
                if not target:
                    return False
                built = self.steps.new_plan(target)
            elif method == "export":
                folder = self.ask_folder()
                if not folder:
                    return False
                built = self.steps.export(folder)
            else:
                built = getattr(self.steps, method)()
        except Refused as why:
            self.message(str(why), Qgis.Warning)
            return False
        alg_id, params, on_done = built
        self._step = method
        self._export_button = None
        # a new plan is written in a moment; in a thread its GeoPackage was left unreadable to QGIS for one query
        return self.runner.run(alg_id, params, on_done, main_thread=method == "new_plan")

    def ask_folder(self):
        """The export folder, asked every time and remembered (QgsSettings)."""
        start = QgsSettings().value(SETTINGS_FOLDER, "") or os.path.expanduser("~")
        folder = QFileDialog.getExistingDirectory(self, tr("选择导出文件夹"), start)
        if folder:
            QgsSettings().setValue(SETTINGS_FOLDER, folder)
        return folder

    def ask_path(self, title, name, save=True):
        start = QgsSettings().value(SETTINGS_FOLDER, "") or tempfile.gettempdir()
        path, _ = QFileDialog.getSaveFileName(self, title, os.path.join(start, name), "GeoPackage (*.gpkg)")
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def _started(self, name):
        self._show_progress(True)
        self.progress.setValue(0)
        self.progress.setFormat(f"{name} %p%")
        self._update_buttons()

    def _finished(self, ok, text):
        self._show_progress(False)
        self._update_buttons()
        self.message(text, Qgis.Success if ok else Qgis.Critical, widget=self._export_button if ok else None)
        self._schedule()

    def _show_progress(self, on):
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)

    def _update_buttons(self):
        busy = self.runner.busy()
        for b in self.action_buttons.values():
            b.setEnabled(not busy)
        undo = self.last_step is not None and self.last_step[1] and \
            plan_store.can_undo(self.last_step[1], self.last_step[2])
        self.action_buttons["undo"].setEnabled(bool(undo) and not busy)

    def undo(self):
        if self.last_step is None or self.runner.busy():
            return False
        step, path, info = self.last_step
        try:
            plan_store.undo(path, info)
        except plan_store.PlanWriteError as err:
            self.message(str(err), Qgis.Critical)
            return False
        self.last_step = None
        self.plan_written(path, info["restore"])
        if "yztchongtu" in info["drop"]:
            self.review.show_results(None, None, tr("未审查"))
        self.message(f"已撤销：{tr(dict((m, lbl) for lbl, _, m in ACTIONS).get(step, ''))} / undone", Qgis.Info)
        self._update_buttons()
        return True

