"""Province-scale check (issue 9): partitions on Dask give the single-machine result; PostGIS as a source."""
import json
from dataclasses import replace
import os
import subprocess
import sys

import geopandas as gpd
import numpy as np
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test"))
import postgis  # noqa: E402

from algorithms.checks.masterplan import ConstraintSpec, check_masterplan  # noqa: E402
from algorithms.errors import CancelledError, InputError  # noqa: E402
from algorithms.progress import Progress  # noqa: E402
from algorithms.scale.runner import REPORT_ROWS, ConstraintInput, check_masterplan_scaled, plan_partitions  # noqa: E402
from algorithms.scale.sources import parse_source, redact  # noqa: E402

S = os.path.join(ROOT, "resources", "sample", "data", "sample_zone.gpkg")
PLOTS = f"{S}|layername=zongdi"
LAYERS = {"ecological_redline": ("stbhhx", {"name_field": "HXMC"}), "farmland": ("yjjbnt", {"id_field": "TBBH"}),
          "urban_boundary": ("czkfbj", {}), "zoning": ("ghfq", {"zone_field": "GHFQMC", "name_field": "GHFQMC"})}
FIELDS = ["SCJL", "WTSL", "CT_STHX", "CT_JBNT", "CT_KFBJ", "CT_GHFQ"]


def _inputs(src=lambda layer: f"{S}|layername={layer}"):
    return [ConstraintInput(parse_source(src(layer)), key=key, **opts) for key, (layer, opts) in LAYERS.items()]


@pytest.fixture(scope="module")
def single():
    plots = parse_source(PLOTS).read()
    kw = {key: ConstraintSpec(parse_source(f"{S}|layername={layer}").read(), **opts)
          for key, (layer, opts) in LAYERS.items()}
    return check_masterplan(plots, code_field="ZDDM", landuse_field="YT", **kw)


def _same_plots(got, single):
    """The checked plots ``got`` carry the single-machine result (status and areas to 0.01 m²)."""
    got = got.set_index("ZDDM").sort_index()
    ref = single.plots.set_index("ZDDM").sort_index()
    assert list(got.index) == list(ref.index)
    for col in FIELDS:
        a, b = got[col].to_numpy(), ref[col].to_numpy()
        if a.dtype == object:
            assert (a == b).all(), col
        else:
            np.testing.assert_allclose(a.astype(float), b.astype(float), atol=0.01, err_msg=col)


def _same(res, path, single):
    _same_plots(gpd.read_file(path), single)
    # the complete conflicts are in the conflicts file; in memory only counts and the largest per rule (report)
    conf = gpd.read_file(os.path.join(os.path.dirname(path), "c.gpkg"))
    assert res.result.conflict_counts == single.conflicts["GZBH"].value_counts().to_dict()
    top = res.result.conflicts
    for rule, rows in conf.groupby("GZBH"):
        kept = top[top["GZBH"] == rule]
        assert len(kept) == min(len(rows), REPORT_ROWS) and kept["CTMJ"].max() == rows["CTMJ"].max()
    ka = conf.groupby(["DKBH", "GZBH", "YSBH"])["CTMJ"].sum()
    kb = single.conflicts.groupby(["DKBH", "GZBH", "YSBH"])["CTMJ"].sum()
    assert set(ka.index) == set(kb.index) and len(ka) > 50
    assert (ka - kb.reindex(ka.index)).abs().max() < 0.01
    assert {(r.rule_id, r.n_plots, round(r.area, 2), r.status) for r in res.result.rules} == \
        {(r.rule_id, r.n_plots, round(r.area, 2), r.status) for r in single.rules}


def test_partitions_are_hilbert_ordered_and_complete():
    plan = plan_partitions(parse_source(PLOTS), partition_size=50, chunk_size=70)
    allf = np.concatenate(plan.fids)
    assert len(plan.fids) == 9 and plan.total == 436 and sorted(allf) == list(range(1, 437))
    # Hilbert partitions are compact: their windows are far smaller than the whole zone's
    zone = (plan.bounds[2] - plan.bounds[0]) * (plan.bounds[3] - plan.bounds[1])
    areas = (plan.windows[:, 2] - plan.windows[:, 0]) * (plan.windows[:, 3] - plan.windows[:, 1])
    assert np.median(areas) < 0.35 * zone


def test_partitions_from_the_rtree_cover_what_a_scan_finds(tmp_path, monkeypatch):
    src = parse_source(PLOTS)
    fids, boxes = src.index_boxes()
    truth = src.read().geometry.bounds
    assert len(fids) == 436 and (boxes[:, :2] <= truth.loc[fids, ["minx", "miny"]].to_numpy()).all() \
        and (boxes[:, 2:] >= truth.loc[fids, ["maxx", "maxy"]].to_numpy()).all()  # float32, rounded outwards
    fast = plan_partitions(src, partition_size=50)
    for part, w in zip(fast.fids, fast.windows):  # every plot lies inside its partition's window
        b = truth.loc[part]
        assert (b.minx >= w[0]).all() and (b.miny >= w[1]).all() and (b.maxx <= w[2]).all() and (b.maxy <= w[3]).all()
    monkeypatch.setattr(type(src), "index_boxes", lambda self: None)
    slow = plan_partitions(src, partition_size=50)
    assert sorted(np.concatenate(fast.fids)) == sorted(np.concatenate(slow.fids))
    # a layer with a null geometry: its R-tree has fewer rows than the table, so the geometries are scanned
    monkeypatch.undo()
    gdf = src.read().iloc[:20].copy()
    gdf.loc[gdf.index[3], "geometry"] = None
    gdf.to_file(tmp_path / "n.gpkg", layer="p", driver="GPKG")
    src_n = parse_source(f"{tmp_path}/n.gpkg|layername=p")
    assert src_n.index_boxes() is None and plan_partitions(src_n, partition_size=50).total == 19


def test_partitions_never_share_constraint_geometry_objects():
    """Threads check partitions side by side and prepare their constraint geometries in place: two partitions
    holding the same Python geometry object crashed the 1M-plot threaded benchmark (heap corruption)."""
    import shapely

    from algorithms.scale.runner import _features_for, _read_constraint

    plan = plan_partitions(parse_source(PLOTS), partition_size=60)
    layer = _read_constraint(_inputs()[3], plan.crs, plan.bounds)[0]          # 规划分区: features span partitions
    tree = shapely.STRtree(np.asarray(layer.geometry.values, dtype=object))
    seen = {id(g): g for g in layer.geometry.values}                          # the driver's own objects
    shared = 0
    for w in plan.windows:
        for g in _features_for(w, tree, layer).geometry.values:
            shared += id(g) in seen
            seen[id(g)] = g                                                   # keep alive: ids stay unique
    assert len(seen) > 2 * len(layer) and shared == 0


@pytest.mark.parametrize("scheduler, workers", [("sync", 1), ("threads", 2), ("threads", 4), ("local", 2)])
def test_same_result_on_any_number_of_workers(tmp_path, single, scheduler, workers):
    out = str(tmp_path / "plots.gpkg")
    res = check_masterplan_scaled(PLOTS, _inputs(), out_plots=out, out_conflicts=str(tmp_path / "c.gpkg"),
                                  code_field="ZDDM", landuse_field="YT", partition_size=60, scheduler=scheduler,
                                  workers=workers)
    assert res.n_partitions == 8 and res.workers == workers
    _same(res, out, single)
    assert len(gpd.read_file(tmp_path / "c.gpkg")) == len(single.conflicts)
    _is_whole_geopackage(out, "plots", 436)
    _is_whole_geopackage(str(tmp_path / "c.gpkg"), "conflicts", len(single.conflicts))


def _is_whole_geopackage(path, layer, n):
    """The merged output (partition files copied in by SQLite) is a GeoPackage GDAL reads whole: unique fids,
    its feature count and extent, an R-tree entry per feature that answers a spatial filter like a scan, the
    R-tree and feature-count triggers back in place, one MultiPolygon geometry type."""
    import sqlite3

    import shapely
    from osgeo import ogr

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute(f"SELECT count(*), count(DISTINCT fid) FROM {layer}").fetchone() == (n, n)
        assert db.execute(f"SELECT count(*) FROM rtree_{layer}_geom").fetchone()[0] == n
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name=?",
                                             (layer,))}
        assert f"rtree_{layer}_geom_insert" in triggers and f"trigger_insert_feature_count_{layer}" in triggers
        assert db.execute("SELECT geometry_type_name FROM gpkg_geometry_columns").fetchone()[0] == "MULTIPOLYGON"
    gdf = gpd.read_file(path, layer=layer)
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer)
    assert lyr.GetFeatureCount(force=0) == n == len(gdf)
    ext = lyr.GetExtent(force=0)                                   # from gpkg_contents: minx, maxx, miny, maxy
    b = gdf.total_bounds
    assert np.allclose(ext, (b[0], b[2], b[1], b[3]), atol=1e-6)
    x0, y0 = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    lyr.SetSpatialFilterRect(x0 - 300, y0 - 300, x0 + 300, y0 + 300)
    got = sorted(f.GetFID() for f in lyr)
    hit = shapely.intersects(gdf.geometry.values, shapely.box(x0 - 300, y0 - 300, x0 + 300, y0 + 300))
    want = sorted(int(i) for i in np.asarray(gpd.read_file(path, layer=layer, fid_as_index=True).index)[hit])
    assert got == want and len(got) > 0


def test_bad_plots_stop_the_cluster_started_beside_the_scan(tmp_path):
    """The local cluster starts while the plots are scanned: when the scan refuses the layer, the run ends with
    the clear error and no worker process is left behind."""
    import multiprocessing
    import time

    empty = parse_source(PLOTS).read().iloc[0:0]
    empty.to_file(tmp_path / "empty.gpkg", layer="zongdi", driver="GPKG")
    before = set(multiprocessing.active_children())
    with pytest.raises(InputError) as err:
        check_masterplan_scaled(f"{tmp_path}/empty.gpkg|layername=zongdi", _inputs(), out_plots=str(tmp_path / "o.gpkg"),
                                code_field="ZDDM", landuse_field="YT", scheduler="local", workers=1)
    assert err.value.code == "E_EMPTY_LAYER"
    for _ in range(50):
        if not set(multiprocessing.active_children()) - before:
            break
        time.sleep(0.2)
    assert not set(multiprocessing.active_children()) - before
    assert sorted(os.listdir(tmp_path)) == ["empty.gpkg"]


def test_cancel_leaves_no_output(tmp_path):
    calls = []
    prog = Progress(lambda p, m="": calls.append(p), lambda: len(calls) >= 3)
    out = tmp_path / "plots.gpkg"
    with pytest.raises(CancelledError):
        check_masterplan_scaled(PLOTS, _inputs(), out_plots=str(out), code_field="ZDDM", landuse_field="YT",
                                partition_size=60, scheduler="threads", workers=2, progress=prog)
    assert not out.exists() and [p for p in os.listdir(tmp_path)] == []


def test_only_the_largest_conflicts_stay_in_memory(tmp_path, monkeypatch, single):
    from algorithms.scale import worker
    from algorithms.scale.report import write_scaled_report

    monkeypatch.setattr(worker, "REPORT_ROWS", 3)
    out = str(tmp_path / "plots.gpkg")
    res = check_masterplan_scaled(PLOTS, _inputs(), out_plots=out, out_conflicts=str(tmp_path / "c.gpkg"),
                                  code_field="ZDDM", landuse_field="YT", partition_size=60, scheduler="sync")
    assert res.result.conflicts.groupby("GZBH").size().max() == 3
    assert len(gpd.read_file(tmp_path / "c.gpkg")) == len(single.conflicts) == sum(res.result.conflict_counts.values())
    html = open(write_scaled_report(res, str(tmp_path / "r.html")), encoding="utf-8").read()
    assert f"冲突图斑 {len(single.conflicts)} 个" in html and "仅列出面积最大的 3 处" in html


def test_partitions_clip_on_one_thread_each(tmp_path, monkeypatch):
    """A worker is one core: the clipping inside a partition does not start threads of its own (else 1 worker
    already uses 2 cores and per-worker rates do not project to a cluster)."""
    from algorithms import threads
    from algorithms.checks import overlay as ov

    seen, real = [], ov.clipped_areas

    def spy(*a, **k):
        seen.append(threads.THREADS.get())
        return real(*a, **k)

    monkeypatch.setattr(ov, "clipped_areas", spy)
    check_masterplan_scaled(PLOTS, _inputs(), out_plots=None, code_field="ZDDM", landuse_field="YT",
                            partition_size=100, scheduler="threads", workers=2)
    assert seen and set(seen) == {1} and threads.THREADS.get() == 0


@pytest.mark.parametrize("kind", ["unreadable", "empty"])
def test_unreadable_or_empty_constraint_is_not_checked_never_passed(tmp_path, kind):
    src = f"{tmp_path}/missing.gpkg|layername=x"
    if kind == "empty":
        gpd.GeoDataFrame({"BSM": []}, geometry=[], crs=4524).to_file(tmp_path / "e.gpkg", layer="x", driver="GPKG")
        src = f"{tmp_path}/e.gpkg|layername=x"
    cons = _inputs()
    cons[0] = ConstraintInput(parse_source(src), key="ecological_redline")
    res = check_masterplan_scaled(PLOTS, cons, out_plots=str(tmp_path / "p.gpkg"), code_field="ZDDM",
                                  landuse_field="YT", partition_size=200, scheduler="sync")
    eco = next(r for r in res.result.rules if r.rule_id == "MP-ECO")
    assert eco.status == "not_checked"
    assert "合规" not in set(gpd.read_file(tmp_path / "p.gpkg")["SCJL"])  # nothing passes silently


def test_redact_hides_passwords():
    assert redact("PG:host=a password=abc user=b") == "PG:host=a password=*** user=b"
    assert redact("PG:dbname=x PASSWORD='a b'") == "PG:dbname=x PASSWORD=***"


# ------------------------------------------------------------------------------------------- PostGIS
@pytest.fixture(scope="module")
def pg(tmp_path_factory):
    if not postgis.available():
        pytest.fail("PostgreSQL is installed by scripts/setup.sh; pg_ctlcluster is missing")
    postgis.setup_database(tmp_path_factory.mktemp("pg"))
    srcs = {layer: postgis.load(S, layer, layer, spatial_index=(layer != "ghfq"))
            for layer in ("stbhhx", "yjjbnt", "czkfbj", "ghfq", "zongdi")}
    return srcs


def test_postgis_sources_give_the_file_result(tmp_path, pg, single):
    out = str(tmp_path / "plots.gpkg")
    res = check_masterplan_scaled(pg["zongdi"], _inputs(lambda layer: pg[layer]), out_plots=out,
                                  out_conflicts=str(tmp_path / "c.gpkg"), code_field="ZDDM", landuse_field="YT",
                                  partition_size=100, scheduler="threads", workers=2)
    _same(res, out, single)
    # the table loaded without a GiST index gives a warning, and the result is still the same
    assert any("ghfq" in n and "空间索引" in n for n in res.result.notes)
    # credentials never end up in outputs
    for path in (out, str(tmp_path / "c.gpkg")):
        assert postgis.PASSWORD.encode() not in open(path, "rb").read()
    assert postgis.PASSWORD not in json.dumps(res.result.inputs, ensure_ascii=False)


def _pg_tables(pattern):
    got = postgis._psql(f"select tablename from pg_tables where tablename like '{pattern}' order by 1", db=postgis.DB)
    return [t for t in got.stdout.split() if t]


def test_postgis_output_tables_whole_or_not_at_all(pg, single, monkeypatch):
    """Plots and conflicts written to PostGIS tables (GiST index) give the single-machine result; a run that
    fails half-way leaves the previous tables as they were and no staging table."""
    from algorithms.scale import runner

    conn = f"PG:service={postgis.SERVICE}"
    outs = {"out_plots": f"{conn}|layername=yzt.checked", "out_conflicts": f"{conn}|layername=yzt.checked_conf"}
    res = check_masterplan_scaled(PLOTS, _inputs(), code_field="ZDDM", landuse_field="YT", partition_size=60,
                                  scheduler="threads", workers=2, **outs)
    _same_plots(gpd.read_file(conn, layer="yzt.checked"), single)
    assert res.n_partitions == 8
    conf = gpd.read_file(conn, layer="yzt.checked_conf")
    assert len(conf) == len(single.conflicts) and abs(conf["CTMJ"].sum() - single.conflicts["CTMJ"].sum()) < 0.01
    idx = postgis._psql("select count(*) from pg_indexes where tablename in ('checked', 'checked_conf') "
                        "and indexdef ilike '%gist%'", db=postgis.DB).stdout.strip()
    assert idx == "2" and _pg_tables("checked%__zt_%") == []
    real, calls = runner._check_partition, []

    def flaky(*a, **k):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("partition failed")
        return real(*a, **k)
    monkeypatch.setattr(runner, "_check_partition", flaky)
    with pytest.raises(RuntimeError):
        check_masterplan_scaled(PLOTS, _inputs(), code_field="ZDDM", landuse_field="YT", partition_size=60,
                                scheduler="threads", workers=2, **outs)
    assert len(gpd.read_file(conn, layer="yzt.checked")) == 436 and _pg_tables("checked%__zt_%") == []


def test_postgis_output_refused_before_the_run_when_unreachable(tmp_path, monkeypatch):
    """An output database that cannot be opened is a clear error before any partition is checked."""
    from algorithms.scale import runner

    calls = []
    monkeypatch.setattr(runner, "_check_partition", lambda *a, **k: calls.append(1))
    with pytest.raises(InputError) as err:
        check_masterplan_scaled(PLOTS, _inputs(), out_plots="PG:service=no_such_service_zt|layername=a.b",
                                code_field="ZDDM", landuse_field="YT", partition_size=60, scheduler="threads")
    assert err.value.code == "E_WRITE" and "无法写入" in err.value.message_zh and "Cannot write" in err.value.message_en
    assert calls == [] and not [p for p in os.listdir(tmp_path)]


def test_postgis_reads_only_the_window(pg):
    src = parse_source(pg["zongdi"])
    marker = "/* window test */"
    total = src.info()["features"]
    part = src.read(bbox=(36369000, 2444000, 36370500, 2445500))
    assert 0 < len(part) < total
    log = postgis.server_log_tail()
    assert "ST_MakeEnvelope" in log or "&&" in log, "the bbox filter was not sent to the database"
    assert marker not in log


def test_database_going_away_is_a_clear_error_and_no_output(tmp_path, pg):
    out = tmp_path / "plots.gpkg"
    state = {"n": 0}

    def report(p, m=""):
        state["n"] += 1
        if state["n"] == 2:  # after the constraints were read and the first partitions ran
            postgis.stop("immediate")

    try:
        with pytest.raises(InputError) as err:
            check_masterplan_scaled(pg["zongdi"], _inputs(lambda layer: pg[layer]), out_plots=str(out),
                                    code_field="ZDDM", landuse_field="YT", partition_size=40, scheduler="threads",
                                    workers=2, progress=Progress(report))
        assert "无法读取" in err.value.message_zh and "Cannot read" in err.value.message_en
        assert postgis.PASSWORD not in err.value.bilingual()
        assert not out.exists()
    finally:
        postgis.start()


def test_command_line(tmp_path, single):
    out = str(tmp_path / "plots.gpkg")
    cmd = [sys.executable, "-m", "algorithms.scale", "--plots", PLOTS, "--code-field", "ZDDM", "--landuse-field", "YT",
           "--redline", f"{S}|layername=stbhhx", "--redline-name-field", "HXMC",
           "--farmland", f"{S}|layername=yjjbnt", "--farmland-id-field", "TBBH",
           "--urban-boundary", f"{S}|layername=czkfbj", "--zoning", f"{S}|layername=ghfq", "--zone-field", "GHFQMC",
           "--out-plots", out, "--scheduler", "threads", "--workers", "2", "--partition-size", "100",
           "--report", str(tmp_path / "report.html")]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["plots"] == 436 and summary["partitions"] == 5
    assert summary["status"] == single.counts()
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    total_ha = single.plots.geometry.area.sum() / 1e4
    assert "生态保护红线" in html and f"{total_ha:,.4f}" in html and "<svg" in html  # totals and conflict maps
    bad = subprocess.run(cmd[:3] + ["--out-plots", str(tmp_path / "x.gpkg")] + ["--plots", f"{tmp_path}/nope.gpkg"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "无法读取" in bad.stderr and "Traceback" not in bad.stderr


def test_in_memory_frames_on_threads_as_inside_qgis(single):
    from algorithms.scale.sources import FrameSource

    plots = parse_source(PLOTS).read()
    cons = [ConstraintInput(FrameSource(parse_source(f"{S}|layername={layer}").read(), layer), key=key, **opts)
            for key, (layer, opts) in LAYERS.items()]
    res = check_masterplan_scaled(plots, cons, out_plots=None, code_field="ZDDM", landuse_field="YT",
                                  partition_size=60, scheduler="threads", workers=2)
    got = res.result.plots
    assert list(got.index) == sorted(plots.index) and got.crs.to_epsg() == 4524
    ref = single.plots.set_index("ZDDM")
    for col in FIELDS:
        a, b = got.set_index("ZDDM")[col].sort_index(), ref[col].sort_index()
        assert (a == b).all() if a.dtype == object else np.allclose(a.astype(float), b.astype(float), atol=0.01)


def test_append_gpkg_copies_rows_and_their_boxes(tmp_path):
    """append_gpkg on its own: the first part creates the output, later ones are copied by SQLite with shifted
    feature ids — a column only a later part has is added, a row without geometry gets no R-tree entry, and the
    result reads back in GDAL with every value and box in place."""
    import shapely

    from algorithms.scale.runner import append_gpkg

    out = str(tmp_path / "out.gpkg")
    a = gpd.GeoDataFrame({"DKBH": ["A1", "A2"], "CT": [1.5, 0.0]},
                         geometry=[shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10)], crs=4524)
    b = gpd.GeoDataFrame({"DKBH": ["B1", "B2"], "CT": [2.0, 3.0], "XTRA": ["x", "y"]},
                         geometry=[shapely.box(100, 100, 105, 140), None], crs=4524)
    for k, part in enumerate((a, b)):
        path = str(tmp_path / f"p{k}.gpkg")
        part.to_file(path, layer="plots", driver="GPKG", engine="pyogrio", geometry_type="MultiPolygon",
                     promote_to_multi=True, layer_options={"SPATIAL_INDEX": "NO"})
        append_gpkg(out, path, "plots", shapely.bounds(np.asarray(part.geometry.values)))
    got = gpd.read_file(out, layer="plots", fid_as_index=True)
    assert list(got.index) == [1, 2, 3, 4] and list(got["DKBH"]) == ["A1", "A2", "B1", "B2"]
    assert list(got["CT"]) == [1.5, 0.0, 2.0, 3.0] and list(got["XTRA"].fillna("-")) == ["-", "-", "x", "y"]
    assert got.geometry.isna().tolist() == [False, False, False, True]
    import sqlite3

    with sqlite3.connect(out) as db:
        boxes = dict((r[0], r[1:]) for r in db.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_plots_geom"))
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()[0] == 4
        assert db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents").fetchone() == (0, 0, 105, 140)
    assert sorted(boxes) == [1, 2, 3] and boxes[3] == (100, 105, 100, 140)
    bad = str(tmp_path / "bad.gpkg")
    a.to_file(bad, layer="plots", driver="GPKG", engine="pyogrio", layer_options={"SPATIAL_INDEX": "NO"})
    with pytest.raises(InputError) as err:       # bounds that do not match the rows: refused, nothing written
        append_gpkg(out, bad, "plots", np.zeros((1, 4)))
    assert "Cannot write" in err.value.message_en and len(gpd.read_file(out, layer="plots")) == 4


def _relabelled(tmp_path, layer, crs):
    """The sample's layer written with another CRS label (same coordinates): a delivery with a wrong or old CRS."""
    gdf = parse_source(f"{S}|layername={layer}").read()
    path = tmp_path / f"{layer}_{crs.replace(':', '')}.gpkg"
    gdf.set_crs(crs, allow_override=True).to_file(path, layer=layer, driver="GPKG")
    return f"{path}|layername={layer}"


@pytest.mark.parametrize("case", ["xian80", "apart", "impossible"])
def test_constraint_the_partitions_cannot_judge_is_not_checked(tmp_path, case):
    """As on one machine (issue 15), never a silent pass: a red line on Xian 1980 (EPSG:2360, only a ballpark
    transformation to CGCS2000), one lying 100 km away and one whose coordinates cannot be in its CRS (zone-prefixed
    GK labelled as geographic) are 未检查 with a reason that says what to do; the other rules still run."""
    if case == "xian80":
        src, expect = _relabelled(tmp_path, "stbhhx", "EPSG:2360"), "基准"
    elif case == "apart":
        gdf = parse_source(f"{S}|layername=stbhhx").read()
        gdf.geometry = gdf.geometry.translate(0, 100_000)
        gdf.to_file(tmp_path / "away.gpkg", layer="stbhhx", driver="GPKG")
        src, expect = f"{tmp_path}/away.gpkg|layername=stbhhx", "都不在地块范围内"
    else:
        src, expect = _relabelled(tmp_path, "stbhhx", "EPSG:4490"), "不可能属于"
    cons = _inputs()
    cons[0] = ConstraintInput(parse_source(src), key="ecological_redline", name_field="HXMC")
    res = check_masterplan_scaled(PLOTS, cons, out_plots=str(tmp_path / "p.gpkg"), code_field="ZDDM",
                                  landuse_field="YT", partition_size=200, scheduler="sync")
    rules = {r.rule_id: r for r in res.result.rules}
    assert rules["MP-ECO"].status == "not_checked" and expect in rules["MP-ECO"].reason
    assert rules["MP-FARM"].status == "checked"
    assert "合规" not in set(gpd.read_file(tmp_path / "p.gpkg")["SCJL"])
    if case == "apart":     # declared to lie elsewhere: checked, and it meets no plot
        cons[0] = replace(cons[0], elsewhere=True)
        res = check_masterplan_scaled(PLOTS, cons, out_plots=str(tmp_path / "q.gpkg"), code_field="ZDDM",
                                      landuse_field="YT", partition_size=200, scheduler="sync")
        eco = next(r for r in res.result.rules if r.rule_id == "MP-ECO")
        assert eco.status == "checked" and eco.n_plots == 0
