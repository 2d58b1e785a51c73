"""Command line: the 一张图 check of a county's or a province's plots on Dask, without QGIS.

    python -m algorithms.scale --plots "plots.gpkg|layername=dikuai" \\
        --redline "PG:service=yzt|layername=yzt.stbhhx" --farmland ... --urban-boundary ... \\
        --zoning "...|layername=ghfq" --zone-field GHFQMC \\
        --out-plots out/plots_checked.gpkg --out-conflicts out/conflicts.gpkg --report out/report.html \\
        [--workers 4] [--scheduler local|threads|sync|tcp://host:8786] [--partition-size 25000]

Credentials: use a PostgreSQL service file (PGSERVICEFILE / ~/.pg_service.conf), ~/.pgpass or PGPASSWORD; any
password written in a connection string is never printed or written to an output. See docs/SCALE.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace

from ..errors import ZutuanError
from .sources import parse_source, redact


def _constraint(text, key, *, id_field=None, name_field=None, zone_field=None):
    from .runner import ConstraintInput

    return ConstraintInput(parse_source(text), key=key, id_field=id_field, name_field=name_field,
                           zone_field=zone_field)


def _other(text):
    """'SOURCE;rule=forbid;name=历史文化保护线;id=BH' → ConstraintInput."""
    from .runner import ConstraintInput

    parts = text.split(";")
    opts = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    rule = opts.get("rule", "forbid")
    if rule not in ("forbid", "within", "touch"):
        raise SystemExit(f"--other: rule must be forbid/within/touch, got {rule!r}")
    return ConstraintInput(parse_source(parts[0]), rule=rule, name=opts.get("name", ""), id_field=opts.get("id"),
                           name_field=opts.get("namefield"))


def build_parser():
    p = argparse.ArgumentParser(prog="python -m algorithms.scale", description=__doc__.split("\n\n")[0])
    p.add_argument("--plots", required=True, help="plots: path[|layername=x] or PG:...|layername=schema.table")
    p.add_argument("--code-field", default="DKBH")
    p.add_argument("--landuse-field", default="YDYHFLDM")
    p.add_argument("--redline", help="生态保护红线 source")
    p.add_argument("--redline-name-field")
    p.add_argument("--farmland", help="永久基本农田 source")
    p.add_argument("--farmland-id-field")
    p.add_argument("--urban-boundary", help="城镇开发边界 source")
    p.add_argument("--zoning", help="规划分区 source")
    p.add_argument("--zone-field", help="规划分区 zone name field")
    p.add_argument("--zoning-table", help="zone → allowed codes table (default: shipped)")
    p.add_argument("--other", action="append", default=[], help="'SOURCE;rule=forbid|within|touch;name=…;id=FIELD'")
    p.add_argument("--elsewhere", action="append", default=[],
                   help="redline / farmland / urban-boundary / zoning or an --other name: that layer is declared to "
                        "lie away from the plots (else a layer none of whose features is in the plots' window is "
                        "not checked)")
    p.add_argument("--dem", help="DEM GeoTIFF for the slope rule")
    p.add_argument("--slope-limit", type=float, default=25.0)
    p.add_argument("--tolerance", type=float, default=1.0, help="m²; overlaps below it are not violations")
    p.add_argument("--out-plots", required=True,
                   help="checked plots: a GeoPackage path, or a PostGIS table PG:...|layername=schema.table")
    p.add_argument("--out-conflicts", help="conflict polygons: a GeoPackage path or a PostGIS table")
    p.add_argument("--report", help="HTML report")
    p.add_argument("--workers", type=int, help="worker processes (default: number of cores)")
    p.add_argument("--scheduler", default="local",
                   help="local (a Dask LocalCluster), threads, sync, or the address of an existing Dask scheduler")
    p.add_argument("--partition-size", type=int, default=25_000)
    p.add_argument("--chunk-size", type=int, default=100_000)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    from .runner import check_masterplan_scaled

    cons = []
    if args.redline:
        cons.append(_constraint(args.redline, "ecological_redline", name_field=args.redline_name_field))
    if args.farmland:
        cons.append(_constraint(args.farmland, "farmland", id_field=args.farmland_id_field))
    if args.urban_boundary:
        cons.append(_constraint(args.urban_boundary, "urban_boundary"))
    if args.zoning:
        cons.append(_constraint(args.zoning, "zoning", zone_field=args.zone_field, name_field=args.zone_field))
    cons += [_other(t) for t in args.other]
    names = {"ecological_redline": "redline", "farmland": "farmland", "urban_boundary": "urban-boundary",
             "zoning": "zoning"}
    away = set(args.elsewhere)
    unknown = away - set(names.values()) - {c.name for c in cons if c.name}
    if unknown:
        raise SystemExit(f"--elsewhere: unknown layer(s) {sorted(unknown)}; use {sorted(names.values())} or an --other name")
    cons = [replace(c, elsewhere=True) if names.get(c.key) in away or (c.name and c.name in away) else c
            for c in cons]
    t0 = time.perf_counter()

    def progress(pct, msg=""):
        print(f"[{pct:5.1f}%] {msg}", file=sys.stderr, flush=True)

    try:
        res = check_masterplan_scaled(args.plots, cons, out_plots=args.out_plots, out_conflicts=args.out_conflicts,
                                      code_field=args.code_field, landuse_field=args.landuse_field,
                                      tolerance=args.tolerance, dem=args.dem, slope_limit=args.slope_limit,
                                      zoning_table=args.zoning_table, partition_size=args.partition_size,
                                      chunk_size=args.chunk_size, scheduler=args.scheduler, workers=args.workers,
                                      progress=progress)
        if args.report:
            from .report import write_scaled_report

            write_scaled_report(res, args.report)
    except ZutuanError as err:
        print(redact(err.bilingual()), file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - t0
    counts = res.result.counts()
    print(json.dumps({"plots": int(sum(counts.values())), "status": counts, "partitions": res.n_partitions,
                      "workers": res.workers, "seconds": round(elapsed, 2),
                      "timings": {k: round(v, 2) for k, v in res.timings.items()},
                      "conflicts": (sum(res.result.conflict_counts.values()) if res.result.conflict_counts is not None
                                    else 0 if res.result.conflicts is None else len(res.result.conflicts)),
                      "notes": [redact(n) for n in getattr(res.result, "notes", [])]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
