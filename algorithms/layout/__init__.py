"""Layout engine: 组团 → 单元 → 地块 subdivision, hierarchy codes and topology checks (shapely 2, metre CRS).

- :func:`subdivide_units` — road corridors (centre lines buffered by their red-line width, flat ends extended
  onto the road they meet, discs at shared ends, overlaps given to the wider road) are cut out of the clusters;
  the rest is split along the main orientation at ``max_unit_area`` and pieces below ``min_unit_area`` merge
  into the neighbour sharing the longest edge. Returns ``(units, corridors, findings, quality)``.
- :func:`subdivide_plots` — supplied parcels kept whole, other parcels respected, the rest cut recursively
  across the long side with exact-area offsets (see :mod:`.split`), fronting rows stripped off deep
  road-facing blocks, offcuts merged. Returns ``(plots, findings, quality)``.
- :func:`check_hierarchy` / :func:`assign_codes` — findings for overlaps, gaps, slivers, crossing/outside
  children, duplicate/malformed/inconsistent codes, invalid geometry; codes for hand-drawn layers.

Callers pass every layer in one projected metre CRS (the QGIS wrappers use ``algorithms.layers.prepare_layer``).
Quality dicts hold: count, area_min/mean/max, share_within_limits, share_within_target_band, share_with_frontage,
rectangularity_mean (area ÷ minimum rotated rectangle area). Benchmarks: ``bench/bench_layout.py``.
"""
from .hierarchy import assign_codes, check_hierarchy, parent_of
from .plots import subdivide_plots
from .units import DEFAULT_ROAD_WIDTHS, road_corridors, subdivide_units

__all__ = ["subdivide_units", "subdivide_plots", "check_hierarchy", "assign_codes", "parent_of", "road_corridors",
           "DEFAULT_ROAD_WIDTHS"]
