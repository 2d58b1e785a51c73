"""Layout engine: 组团 → 单元 → 地块 subdivision, hierarchy codes and topology checks (shapely 2, metre CRS)."""
from .hierarchy import assign_codes, check_hierarchy, parent_of
from .plots import subdivide_plots
from .units import DEFAULT_ROAD_WIDTHS, road_corridors, subdivide_units

__all__ = ["subdivide_units", "subdivide_plots", "check_hierarchy", "assign_codes", "parent_of", "road_corridors",
           "DEFAULT_ROAD_WIDTHS"]
