"""The engine without QGIS: import hygiene, schema, CRS choice, geometry preparation, plan creation."""
import os
import subprocess
import sys

import geopandas as gpd
import pytest
import shapely
from pyproj import CRS

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _engine_modules():
    mods = []
    for folder, _, files in os.walk(os.path.join(ROOT, "algorithms")):
        for f in files:
            if f.endswith(".py"):
                rel = os.path.relpath(os.path.join(folder, f), ROOT)[:-3].replace(os.sep, ".")
                mods.append(rel[: -len(".__init__")] if rel.endswith(".__init__") else rel)
    return sorted(mods)


def test_every_engine_module_imports_without_qgis():
    mods = _engine_modules()
    assert "algorithms.schema" in mods and "algorithms.crs" in mods
    code = ("import sys, importlib\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'):\n"
            "            raise ImportError('blocked: ' + name)\n"
            "sys.meta_path.insert(0, Block())\n"
            f"for m in {mods!r}:\n"
            "    if m.endswith('__main__'): continue\n"
            "    importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5')]\n"
            "assert not bad, bad\nprint('ok', len(sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("ok")


def test_schema_doc_is_current():
    from algorithms.schema import schema_markdown

    with open(os.path.join(ROOT, "docs", "SCHEMA.md"), encoding="utf-8") as fh:
        assert fh.read() == schema_markdown(), "regenerate: python -m algorithms.schema > docs/SCHEMA.md"


def test_schema_fields_are_shapefile_safe_and_aliased():
    from algorithms.schema import FIELDS, LAYERS

    for f in FIELDS.values():
        assert f.name.isupper() and len(f.name) <= 10 and f.alias
    for spec in LAYERS:
        assert spec.code_field in spec.fields
    assert {"ZTBH", "DYBH", "DKBH", "YDYHFLDM", "YDYHFLMC", "YDMJ", "RJLXX", "RJLSX", "JZXS", "JZMDSX", "LDLSX",
            "XZBGBL", "TZQD", "JZXG", "CYL", "CYHJ", "HYDM", "YXQY", "KFFQ"} <= set(FIELDS)


def test_hierarchy_codes():
    from algorithms.schema import DEFAULT_CODES as C, CodeFormat

    z = C.cluster_code(3)
    u = C.unit_code(z, 12)
    p = C.plot_code(u, 7)
    assert (z, u, p) == ("Z03", "Z03-12", "Z03-12-07")
    assert C.parent(p) == u and C.parent(u) == z and C.parent(z) is None
    assert [C.level(x) for x in (z, u, p)] == [1, 2, 3]
    for bad in ("Z01--01", "Z01-1", "Z01-01-01-01", "", "Z01-ab"):
        assert not C.is_valid(bad), bad
    custom = CodeFormat(cluster="ZT{n:03d}", sep="_", width=3)
    assert custom.plot_code(custom.unit_code(custom.cluster_code(1), 2), 3) == "ZT001_002_003"


@pytest.mark.parametrize("lon, epsg, prefixed", [(106.75, 4545, 4524), (75.0, 4534, 4513), (134.9, 4554, 4533),
                                                 (108.0, 4545, 4524), (109.49, 4545, 4524), (109.51, 4546, 4525)])
def test_gk_zone_choice(lon, epsg, prefixed):
    from algorithms.crs import gk3_epsg

    assert gk3_epsg(lon) == epsg
    assert gk3_epsg(lon, zone_prefix=True) == prefixed
    cm = CRS.from_epsg(epsg).to_dict()["lon_0"]
    assert abs(cm - lon) <= 1.5


def test_measurement_crs_rules():
    from algorithms.crs import measurement_crs
    from algorithms.errors import CrsError

    assert measurement_crs(CRS.from_epsg(4524)).to_epsg() == 4524  # projected metre: itself
    assert measurement_crs(CRS.from_epsg(4490), bounds=(106.7, 22.0, 106.8, 22.2)).to_epsg() == 4545
    assert measurement_crs(CRS.from_epsg(4326), bounds=(120.1, 30.2, 120.3, 30.3)).to_epsg() == 4549
    with pytest.raises(CrsError) as err:
        measurement_crs(None, layer="L")
    assert "坐标参考系" in err.value.message_zh and "no coordinate reference system" in err.value.message_en
    with pytest.raises(CrsError):
        measurement_crs(CRS.from_epsg(4326), bounds=(10.0, 50.0, 10.1, 50.1))  # outside China's zones
    with pytest.raises(CrsError):
        measurement_crs(CRS.from_epsg(2227))  # US survey feet


def test_units():
    from algorithms.crs import m2_to_ha, m2_to_mu, per_mu_to_per_ha

    assert m2_to_ha(10000) == 1 and m2_to_mu(10000) == 15 and m2_to_mu(666.6666666666666) == pytest.approx(1)
    assert per_mu_to_per_ha(250) == 3750  # 250 万元/亩 = 3750 万元/公顷


def test_prepare_polygons_repairs_and_reports_without_touching_input():
    from algorithms.geometry import prepare_polygons

    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    z = shapely.from_wkt("POLYGON Z((0 0 1, 4 0 1, 4 4 1, 0 4 1, 0 0 1))")
    gdf = gpd.GeoDataFrame({"DKBH": ["a", "b", "c"]}, geometry=[bowtie, None, z], crs=4545)
    before = gdf.copy()
    clean, findings = prepare_polygons(gdf, layer="L", code_field="DKBH")
    assert list(clean["DKBH"]) == ["a", "c"]
    assert clean.geometry.area.tolist() == pytest.approx([50.0, 16.0])
    assert not shapely.has_z(clean.geometry.values).any()
    assert {f.rule_id for f in findings} == {"GEOM-REPAIRED", "GEOM-NULL", "GEOM-Z"}
    assert gdf.geometry.iloc[0].wkb == before.geometry.iloc[0].wkb and gdf.geometry.iloc[1] is None


def test_prepare_polygons_refuses_lines_and_empty():
    from algorithms.errors import InputError
    from algorithms.geometry import prepare_polygons

    with pytest.raises(InputError) as err:
        prepare_polygons(gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=4545), layer="L")
    assert err.value.code == "E_NOT_POLYGON" and "LineString" in err.value.message_en
    with pytest.raises(InputError) as err:
        prepare_polygons(gpd.GeoDataFrame(geometry=[], crs=4545), layer="L")
    assert err.value.code == "E_EMPTY_LAYER"


def test_prepare_layer_mixed_crs_goes_to_the_run_crs():
    from algorithms.layers import area_table, prepare_layer

    sq = shapely.box(106.70, 22.10, 106.71, 22.11)
    main = prepare_layer(gpd.GeoDataFrame(geometry=[sq], crs=4490), layer="plots")
    assert main.measure_crs.to_epsg() == 4545 and any(f.rule_id == "CRS-GEOGRAPHIC" for f in main.findings)
    other = prepare_layer(gpd.GeoDataFrame(geometry=[sq], crs=4326).to_crs(4524), layer="redline",
                          target_crs=main.measure_crs)
    assert other.measured.crs.to_epsg() == 4545 and any(f.rule_id == "CRS-REPROJECTED" for f in other.findings)
    a = area_table(main.measured)
    assert a["mu"][0] == pytest.approx(a["ha"][0] * 15) and a["m2"][0] > 1e6


def test_create_plan_whole_or_nothing(tmp_path):
    import pyogrio
    from algorithms.errors import InputError
    from algorithms.plan import atomic_output, create_plan, read_metadata

    clusters = gpd.GeoDataFrame({"ZTBH": ["Z01"], "ZTMC": ["冷链组团"]},
                                geometry=[shapely.box(500000, 2440000, 500300, 2440200)], crs=4545)
    path = str(tmp_path / "plan.gpkg")
    meta = create_plan(path, crs=4545, clusters=clusters, metadata={"XMMC": "测试"})
    import datetime
    year = datetime.date.today().year  # the plan's year defaults to the year it is made, its base year to the one before
    assert (meta["BZNF"], meta["JZNF"]) == (year, year - 1) and read_metadata(path)["XMMC"] == "测试"
    assert read_metadata(path)["JZNF"] == str(year - 1)
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert layers == {"zutuan", "danyuan", "dikuai", "plan_metadata"}
    z = gpd.read_file(path, layer="zutuan")
    assert z["YDMJ"].iloc[0] == pytest.approx(60000.0) and z["ZTMC"].iloc[0] == "冷链组团"
    # a failure inside the block leaves the old file untouched and no temporary file behind
    with pytest.raises(RuntimeError):
        with atomic_output(path) as tmp:
            open(tmp, "w").write("half")
            raise RuntimeError("boom")
    assert read_metadata(path)["XMMC"] == "测试"
    assert [p for p in os.listdir(tmp_path) if p.startswith(".zutuan-")] == []
    with pytest.raises(InputError):
        create_plan(str(tmp_path / "missing" / "p.gpkg"), crs=4545)


def test_paused_gc_counts_nested_and_concurrent_runs_and_restores_the_state():
    """The collector is off inside, back on after the last of nested/concurrent pauses, also after an error, and
    left off when it was off before."""
    import gc
    import threading

    from algorithms.gcpause import paused_gc

    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other_run():
        with paused_gc():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other_run)
    with paused_gc():
        assert not gc.isenabled()
        t.start()
        assert inside.wait(10)
    assert not gc.isenabled()          # the other run is still going
    release.set()
    t.join(10)
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with paused_gc():
            raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()      # it was off: stays off
    finally:
        gc.enable()
