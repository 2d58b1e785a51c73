"""Small hand-made inputs for the monitoring tests: plots, credit codes, statistics tables."""
import csv

import geopandas as gpd
import shapely
from grids import LOCAL_GRID

CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(n: int) -> str:
    """A valid GB 32100-2015 code (the check character computed independently of the engine)."""
    body = f"91451481MA{n:07d}"
    total = sum(CC.index(c) * w for c, w in zip(body, W))
    return body + CC[(31 - total % 31) % 31]


def plots(crs=LOCAL_GRID):
    """P1 = 100 m × 100 m (15 亩), P2 = 200 m × 100 m (30 亩), P3 = 100 m × 100 m (15 亩); P3 in cluster Z02."""
    geoms = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 300, 100), shapely.box(300, 0, 400, 100)]
    return gpd.GeoDataFrame({"DKBH": ["Z01-01-01", "Z01-01-02", "Z02-01-01"], "HYDM": ["13", "13", "21"]},
                            geometry=geoms, crs=crs)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    return str(path)
