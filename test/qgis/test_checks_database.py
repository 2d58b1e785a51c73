"""zutuan:checkmasterplan pointed at a 一张图 database as delivered (DATABASE): the sample's control lines stored under
the standard's layer names (县级 codes of resources/standards/layer_roles.csv) and one local alias, as a GeoPackage
and as a PostGIS schema; the check finds every layer without being told, says what it matched, and a layer that is not
there is 未检查 in the report, never passed."""
import os
import sys

import pyogrio
from conftest import ROOT, SAMPLE

import processing

sys.path.insert(0, os.path.join(ROOT, "test"))
import postgis  # noqa: E402

#: sample layer → its name in the delivered database (县城开发边界范围: a local name, found through the alias file)
NAMES = {"stbhhx": "STBHHX", "yjjbnt": "YJJBNTBHHX", "czkfbj": "县城开发边界范围", "ghfq": "YDYHGHFQ"}
ALIAS = "role,name,kind,source\nurban,县城开发边界范围,exact,本县数据交付说明\n"


def _database(folder, skip=()):
    db = os.path.join(str(folder), "县级一张图.gpkg")
    for layer, name in NAMES.items():
        if layer not in skip:
            pyogrio.write_dataframe(pyogrio.read_dataframe(SAMPLE, layer=layer), db, layer=name, driver="GPKG")
    alias = os.path.join(str(folder), "别名.csv")
    with open(alias, "w", encoding="utf-8") as fh:
        fh.write(ALIAS)
    return db, alias


def _check(db, alias, tmp_path, **extra):
    report = str(tmp_path / "report.html")
    res = processing.run("zutuan:checkmasterplan", {
        "INPUT": f"{SAMPLE}|layername=zongdi", "DEFAULT_LANDUSE": "1001", "DATABASE": db, "ALIASES": alias,
        "OUTPUT": "memory:", "CONFLICTS": "memory:", "REPORT": report, **extra})
    return res, open(report, encoding="utf-8").read()


def test_database_layers_found_by_the_standards_names(plugin, tmp_path):
    db, alias = _database(tmp_path)
    res, text = _check(db, alias, tmp_path)
    matched = res["DATABASE_LAYERS"]
    for role, name in (("redline", "STBHHX"), ("farmland", "YJJBNTBHHX"), ("urban", "县城开发边界范围"),
                       ("zoning", "YDYHGHFQ")):
        assert f"{role} ← {name}" in matched, matched
    assert "本县数据交付说明" in matched and "县级 表3 row 20" in matched
    assert "未检查的规则" not in text                                # every rule ran
    assert "一张图数据库" in text and "YJJBNTBHHX" in text              # the report says what it matched
    for field in ("CT_STHX", "CT_JBNT", "CT_KFBJ", "CT_GHFQ"):
        assert any((f[field] or 0) > 0 for f in res["OUTPUT"].getFeatures()), field
    # the same database checked with the layers given one by one gives the same conflicts
    direct = processing.run("zutuan:checkmasterplan", {
        "INPUT": f"{SAMPLE}|layername=zongdi", "DEFAULT_LANDUSE": "1001",
        "ECOLOGICAL_REDLINE": f"{SAMPLE}|layername=stbhhx", "FARMLAND": f"{SAMPLE}|layername=yjjbnt",
        "URBAN_BOUNDARY": f"{SAMPLE}|layername=czkfbj", "ZONING": f"{SAMPLE}|layername=ghfq", "ZONE_FIELD": "GHFQMC",
        "OUTPUT": "memory:", "CONFLICTS": "memory:"})
    key = sorted((f["DKBH"], f["GZBH"], round(f["CTMJ"], 2)) for f in direct["CONFLICTS"].getFeatures())
    assert sorted((f["DKBH"], f["GZBH"], round(f["CTMJ"], 2)) for f in res["CONFLICTS"].getFeatures()) == key


def test_a_layer_missing_from_the_database_is_not_checked(plugin, tmp_path):
    db, alias = _database(tmp_path, skip=("yjjbnt",))
    res, text = _check(db, alias, tmp_path)
    assert "未检查的规则（不视为通过）" in text and "一张图数据库中未找到永久基本农田图层" in text
    assert all("永久基本农田" in (f["WJCGZ"] or "") for f in res["OUTPUT"].getFeatures())
    assert res["N_OK"] == 0                          # no plot passes a rule that was not checked
    # a layer given by hand wins over the database
    res, text = _check(db, alias, tmp_path, FARMLAND=f"{SAMPLE}|layername=yjjbnt")
    assert "一张图数据库中未找到" not in text and "farmland ←" not in res["DATABASE_LAYERS"]


def test_postgis_schema_as_a_database(plugin, tmp_path):
    postgis.setup_database(tmp_path)
    for layer, name in NAMES.items():
        postgis.load(SAMPLE, layer, name.lower() if name.isascii() else name, schema="xjzgk")
    db = f"PG:service={postgis.SERVICE} schemas=xjzgk"
    _, alias = _database(tmp_path, skip=tuple(NAMES))
    res, text = _check(db, alias, tmp_path)
    assert "未检查的规则" not in text, res["DATABASE_LAYERS"]
    assert "redline ← stbhhx" in res["DATABASE_LAYERS"] and "urban ← 县城开发边界范围" in res["DATABASE_LAYERS"]
    assert postgis.PASSWORD not in text and postgis.PASSWORD not in res["DATABASE_LAYERS"]
