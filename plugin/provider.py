"""The Processing provider 小组团滚动开发 (id ``zutuan``), with an explicit list of algorithms."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .deps import report_missing_once
from .i18n import tr

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
    from .algs.exportplotsheets import ExportPlotSheets
    from .algs.intensiveuse import IntensiveUse
    from .algs.phasing import Phasing
    from .algs.subdivideunits import SubdivideUnits
    from .algs.subdivideplots import SubdividePlots
    from .algs.buildhierarchy import BuildHierarchy

    algs = [CreatePlan, CalcArea, AssignControls, ExportIndicatorTable, ExportPlotSheets, Phasing, Cashflow, IntensiveUse,
            CheckMasterPlan, CheckStandards]
    algs += [SubdivideUnits, SubdividePlots, BuildHierarchy]  # layout (issue 3)
    return algs


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
