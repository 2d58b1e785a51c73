"""The plugin class: translations, the Processing provider, the 小组团 dock."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

I18N_DIR = os.path.join(os.path.dirname(__file__), "i18n")


def ui_language() -> str:
    """'zh_CN' when QGIS speaks Chinese, else 'en' (the plugin's strings are written in Chinese)."""
    return "zh_CN" if (QgsApplication.locale() or "").lower().startswith("zh") else "en"


class ZutuanPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.dock = None
        self.translator = None
        self._install_translator()

    def _install_translator(self):
        path = os.path.join(I18N_DIR, f"zutuan_{ui_language()}.qm")
        if os.path.exists(path):
            self.translator = QTranslator()
            if self.translator.load(path):
                QCoreApplication.installTranslator(self.translator)
            else:
                self.translator = None

    def initProcessing(self):  # noqa: N802 - QGIS's name
        from .provider import ZutuanProvider

        self.provider = ZutuanProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        if self.iface is not None:
            from .gui.dock import install_dock

            self.dock = install_dock(self.iface)

    def unload(self):
        if self.dock is not None:
            self.dock.teardown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
