"""小组团 Planner engine: pure Python (shapely 2, geopandas, pyproj, rasterio).

Nothing in this package imports qgis or Qt; ``test/engine/test_foundation_engine.py`` and the ruff
banned-import rule in pyproject.toml keep it that way.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"

from ._compat import ensure_proj_data as _ensure_proj_data  # noqa: E402

_ensure_proj_data()
