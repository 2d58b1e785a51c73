"""The Processing provider 小组团滚动开发 (id ``zutuan``), with an explicit list of algorithms."""
import os

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .deps import report_missing_once
from .i18n import N_, tr

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))


def algorithm_classes():
    """Every algorithm of the plugin (import is cheap: engines are imported when an algorithm runs)."""
    from .algs.assigncontrols import AssignControls
    from .algs.calcarea import CalcArea
    from .algs.cashflow import Cashflow
    from .algs.checkmasterplan import CheckMasterPlan
    from .algs.checkstandards import CheckStandards
    from .algs.createplan import CreatePlan
    from .algs.exportindicatortable import ExportIndicatorTable
    from .algs.enterprisestats import EnterpriseStats
    from .algs.exportplotsheets import ExportPlotSheets
    from .algs.feidi import Feidi
    from .algs.idleland import IdleLand
    from .algs.intensiveuse import IntensiveUse
    from .algs.leadingindustry import LeadingIndustry
    from .algs.mujun import Mujun
    from .algs.phasing import Phasing
    from .algs.subdivideunits import SubdivideUnits
    from .algs.subdivideplots import SubdividePlots
    from .algs.targettracking import TargetTracking
    from .algs.zoneevaluation import ZoneEvaluation
    from .algs.buildhierarchy import BuildHierarchy

    return [CreatePlan, SubdivideUnits, SubdividePlots, BuildHierarchy,      # 布局
            CalcArea, AssignControls,                                      # 指标
            CheckMasterPlan, CheckStandards,                               # 审查
            ExportIndicatorTable, ExportPlotSheets,                        # 导出
            Phasing, Cashflow, IntensiveUse,                               # 测算
            EnterpriseStats, Mujun, IdleLand, Feidi, TargetTracking,       # 监测
            LeadingIndustry, ZoneEvaluation]


def model_paths():
    """The shipped Graphical Modeler models (resources/models/*.model3, built by scripts/build_models.py)."""
    folder = os.path.join(PLUGIN_DIR, "resources", "models")
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".model3")) \
        if os.path.isdir(folder) else []


#: model name (its stable id) → Chinese display name
MODEL_NAMES = {"plannerchain": N_("规划师流程：组团到图则"), "officialchain": N_("审查员流程：一张图与用地标准审查")}


class ZutuanModel(QgsProcessingModelAlgorithm):
    """A shipped .model3 with a translated display name, in the group 模型."""

    def __init__(self, path):
        super().__init__()
        self.path = path
        self.loaded = self.fromFile(path)
        helps = self.helpContent() if self.loaded else {}
        for p in self.parameterDefinitions():  # a .model3 keeps parameter help in its help content only
            if not p.help() and helps.get(p.name()):
                p.setHelp(helps[p.name()])

    def displayName(self):  # noqa: N802
        return tr(MODEL_NAMES.get(self.name(), self.name()))

    def group(self):
        return tr("模型")

    def groupId(self):  # noqa: N802
        return "models"

    def createInstance(self):  # noqa: N802
        return ZutuanModel(self.path)


class ZutuanProvider(QgsProcessingProvider):
    def id(self):
        return "zutuan"

    def name(self):
        return tr("小组团滚动开发")

    def longName(self):  # noqa: N802
        return tr("小组团滚动开发 Cluster rolling development")

    def icon(self):
        return QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "icon.svg"))

    def svgIconPath(self):  # noqa: N802
        return os.path.join(PLUGIN_DIR, "resources", "icons", "icon.svg")

    def versionInfo(self):  # noqa: N802
        from ..algorithms import __version__

        return __version__

    def loadAlgorithms(self):  # noqa: N802
        report_missing_once()
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is not self:
            # The models' steps are this provider's own algorithms, which resolve only once the provider is
            # registered: load the models then (a model loaded earlier would lose its output parameters).
            registry.providerAdded.connect(self._registered)
            return
        for path in model_paths():
            model = ZutuanModel(path)
            if model.loaded:
                self.addAlgorithm(model)

    def _registered(self, provider_id):
        if provider_id == self.id():
            QgsApplication.processingRegistry().providerAdded.disconnect(self._registered)
            self.refreshAlgorithms()
