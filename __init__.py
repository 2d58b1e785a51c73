"""QGIS entry point of 小组团 Planner: only a lazy classFactory.

Nothing heavy is imported here: a broken geopandas must not stop QGIS from starting.
"""


def classFactory(iface):  # noqa: N802 - QGIS's name
    from .plugin.plugin import ZutuanPlugin

    return ZutuanPlugin(iface)
