"""The plugin class: registers the Processing provider; GUI parts come in plugin/gui/."""
from qgis.core import QgsApplication


class ZutuanPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 - QGIS's name
        from .provider import ZutuanProvider

        self.provider = ZutuanProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
