"""The shared base of every 小组团 Processing algorithm: ids, groups, help, error mapping."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..deps import INSTALL_HINT, missing_dependencies
from ..i18n import N_, tr

#: groupId -> Chinese group name (English in the translation file)
GROUPS = {"layout": N_("布局"), "controls": N_("指标"), "review": N_("审查"), "export": N_("导出"),
          "feasibility": N_("测算"), "monitoring": N_("监测")}


class ZutuanAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ID, DISPLAY, GROUP_ID, HELP_ZH, HELP_EN and implement ``run_engine``.

    ``processAlgorithm`` checks the dependencies, then calls ``run_engine`` and turns engine errors
    (ZutuanError) into a QgsProcessingException with the Chinese and English message.
    """

    ID = ""
    DISPLAY = ""
    GROUP_ID = "layout"
    HELP_ZH = ""
    HELP_EN = ""

    def name(self):
        return self.ID

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        translated = tr(self.HELP_ZH)
        if translated != self.HELP_ZH:  # QGIS in English: the English help alone
            return translated
        return f"{self.HELP_ZH}\n\n{self.HELP_EN}"

    def helpUrl(self):  # noqa: N802
        return f"https://github.com/zutuan-planner/zutuan/blob/main/docs/algorithms.md#{self.ID}"

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text):
        return tr(text)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        missing = missing_dependencies()
        if missing:
            raise QgsProcessingException(
                f"缺少 Python 依赖：{', '.join(missing)}\nMissing Python packages: {', '.join(missing)}\n{INSTALL_HINT}")
        from ...algorithms.errors import ZutuanError

        try:
            return self.run_engine(parameters, context, feedback)
        except ZutuanError as err:
            raise QgsProcessingException(err.bilingual()) from None

    def run_engine(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
