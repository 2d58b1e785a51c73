"""The 一张图 database as delivered (algorithms/yizhangtu.py): layers found by the standard's names, Chinese names,
fields and a local alias, in a GeoPackage, a File Geodatabase and a folder of shapefiles; what is missing stays missing.

The test database is built here from the names of resources/standards/layer_roles.csv (市级/县级 codes of the
一张图 database standards, see the file's sources)."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import geopandas as gpd
import pyogrio
import pytest
import shapely

from algorithms.errors import InputError
from algorithms.yizhangtu import find_roles, list_layers, load_role_table, name_score

X0, Y0 = 36_400_000.0, 3_400_000.0


def _poly(k, **attrs):
    return gpd.GeoDataFrame({**{key: [v] for key, v in attrs.items()}},
                            geometry=[shapely.box(X0 + 100 * k, Y0, X0 + 100 * k + 90, Y0 + 90)], crs=4524)


#: a county database (县级总规库 codes) with one layer under a local name and a table that is not a control line
LAYERS = {"STBHHX": _poly(0, BSM="1", HXMC="某红线"), "YJJBNTBHHX": _poly(1, BSM="2"),
          "县城开发边界范围": _poly(2, BSM="3"), "YDYHGHFQ": _poly(3, GHFQDM="414", GHFQMC="工业发展区"),
          "LSWHBHX": _poly(4, BSM="5"), "XZQ": _poly(5, XZQDM="451481")}
ALIAS = "role,name,source\nurban,县城开发边界范围,本县交付说明\n"


def _write(path, driver, layers=LAYERS):
    for name, gdf in layers.items():
        pyogrio.write_dataframe(gdf, str(path), layer=name, driver=driver)
    return str(path)


@pytest.fixture()
def alias(tmp_path):
    p = tmp_path / "aliases.csv"
    p.write_text(ALIAS, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("kind", ["GPKG", "OpenFileGDB", "shapefiles"])
def test_every_layer_found_without_being_told(tmp_path, alias, kind):
    if kind == "GPKG":
        db = _write(tmp_path / "一张图.gpkg", "GPKG")
    elif kind == "OpenFileGDB":
        db = _write(tmp_path / "县级总规.gdb", "OpenFileGDB")
    else:
        folder = tmp_path / "shp"
        folder.mkdir()
        for name, gdf in LAYERS.items():
            pyogrio.write_dataframe(gdf, str(folder / f"{name}.shp"), encoding="UTF-8")
        db = str(folder)
    m = find_roles(db, load_role_table(aliases=alias))
    got = {role: x.layer.name for role, x in m.matched.items()}
    assert got == {"redline": "STBHHX", "farmland": "YJJBNTBHHX", "urban": "县城开发边界范围", "zoning": "YDYHGHFQ"}
    assert [x.layer.name for x in m.others] == ["LSWHBHX"] and m.others[0].entry.rule == "touch"
    assert m.others[0].entry.label == "历史文化保护线"
    assert m.unmatched == ["XZQ"]
    assert m.matched["urban"].score == 3 and "本县交付说明" in m.matched["urban"].describe()
    assert "县级 表3 row 20" in m.matched["farmland"].entry.source
    assert m.missing(["redline", "farmland", "urban", "zoning"]) == []
    assert any("县城开发边界范围" in line for line in m.lines())


def test_a_missing_layer_stays_missing(tmp_path):
    layers = {k: v for k, v in LAYERS.items() if k != "YJJBNTBHHX"}
    m = find_roles(_write(tmp_path / "db.gpkg", "GPKG", layers), load_role_table())
    assert m.missing(["redline", "farmland", "urban", "zoning"]) == ["farmland", "urban"]   # no alias: 县城… unknown


def test_chinese_names_fields_and_case():
    table = load_role_table()
    redline = next(e for e in table if e.role == "redline" and e.kind == "contains")
    assert name_score("陆域生态保护红线（2022）", [], redline) == 2
    exact = next(e for e in table if e.role == "redline" and e.name == "STBHHX")
    assert name_score("stbhhx", [], exact) == 3 and name_score("yzt.STBHHX", [], exact) == 3   # PostGIS schema.table
    by_fields = next(e for e in table if e.role == "zoning" and not e.name)
    assert name_score("分区2023", ["ghfqdm", "GHFQMC", "MJ"], by_fields) == 1
    assert name_score("分区2023", ["GHFQMC"], by_fields) == 0
    plan = next(e for e in table if e.role == "plot" and e.name == "dikuai")
    assert name_score("dikuai", ["DKBH"], plan) == 3 and name_score("dikuai", ["BSM"], plan) == 0


def test_bad_inputs_say_so(tmp_path):
    with pytest.raises(InputError) as e:
        list_layers(str(tmp_path / "nothing.gpkg"))
    assert "nothing.gpkg" in e.value.bilingual()
    bad = tmp_path / "a.csv"
    bad.write_text("role,name,kind\nurban,X,like\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_role_table(aliases=str(bad))
    assert "exact" in e.value.bilingual()
