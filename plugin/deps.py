"""Checking the engine's Python dependencies without importing them (QGIS start-up stays light)."""
import importlib.util
from importlib import metadata

from qgis.core import Qgis, QgsMessageLog

#: import name -> (distribution name, minimum major version or None)
REQUIRED = {"shapely": ("shapely", 2), "geopandas": ("geopandas", None), "pyproj": ("pyproj", None),
            "rasterio": ("rasterio", None), "pandas": ("pandas", None), "numpy": ("numpy", None)}
INSTALL_HINT = ("Debian/Ubuntu: apt install python3-pyproj python3-rasterio python3-pandas libgeos-dev; "
                'pip install --no-binary shapely "shapely>=2,<2.2" geopandas  |  '
                "Windows (OSGeo4W): OSGeo4W 安装器中选择 python3-shapely python3-geopandas python3-rasterio  |  "
                "详见 README.md / see README.md")
_reported = False


def missing_dependencies() -> list:
    missing = []
    for mod, (dist, major) in REQUIRED.items():
        if importlib.util.find_spec(mod) is None:
            missing.append(mod)
            continue
        if major is not None:
            try:
                if int(metadata.version(dist).split(".")[0]) < major:
                    missing.append(f"{mod}>={major}")
            except (metadata.PackageNotFoundError, ValueError):
                pass
    return missing


def report_missing_once() -> list:
    """Log missing dependencies once per session, with the command that installs them."""
    global _reported
    missing = missing_dependencies()
    if missing and not _reported:
        _reported = True
        QgsMessageLog.logMessage(
            f"缺少依赖 / missing dependencies: {', '.join(missing)}. {INSTALL_HINT}", "小组团 Planner", Qgis.Warning)
    return missing
