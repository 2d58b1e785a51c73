"""Province-scale checks: spatial partitions of the plots checked on Dask, constraint layers from files or PostGIS.

The single-machine engine (``algorithms.checks``) does the checking; this package only reads in chunks, partitions,
scatters and merges. See docs/SCALE.md.
"""
