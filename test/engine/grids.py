"""Coordinate systems for the engine tests' toy geometry.

Toy boxes near (0, 0) cannot be in a real Gauss-Krüger CRS (their longitude would be 4.5° off the central meridian,
latitude 0°): the coordinate check stops such layers, as it should. A city's local grid (独立坐标系) in metres with
its origin near the site is what such coordinates really are.
"""
LOCAL_GRID = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"
