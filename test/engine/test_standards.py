"""The shipped standards tables read back against the reference tables in test/data/reference, and the profile loader's rules."""
import csv
import os

import pytest

from algorithms.errors import StandardError_, ZutuanError
from algorithms.standards import (detect_edition, load_classification, load_industry_mapping, load_migration,
                                  load_profile, normalize_industry_code, normalize_landuse_code,
                                  normalize_region_class, read_header, resolve_landuse)
from algorithms.standards._files import STANDARDS_DIR

# copies of ../shared/reference (see test/data/reference/README.md for their source)
REF = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "data", "reference"))


def _ref(name):
    with open(os.path.join(REF, name), encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_counts_2023_and_2020():
    assert load_classification("2023").counts() == {1: 24, 2: 111, 3: 40}
    assert load_classification("2020").counts() == {1: 24, 2: 106, 3: 39}


def test_tables_match_reference():
    for edition, name in (("2023", "ydyh_2023_codes.csv"), ("2020", "ydyh_2020_trial_codes.csv")):
        c = load_classification(edition)
        ref = _ref(name)
        assert len(ref) == len(c.classes)
        for r in ref:
            got = c.get(r["code"])
            assert got is not None, r["code"]
            assert (got.name, got.level, got.parent or "") == (r["name"], int(r["level"]), r["parent"])
            if edition == "2023":
                assert got.rgb == (int(r["r"]), int(r["g"]), int(r["b"]))
    mig = load_migration()
    ref = _ref("ydyh_2020_to_2023_mapping.csv")
    assert {r["old_code"]: r["new_code"] for r in ref} == mig


def test_every_far_minimum_matches_reference():
    p = load_profile("gongye_2008")
    ref = _ref("gongye_far_min_gbt4754_2002.csv")
    assert len(ref) == 30
    for r in ref:
        lim = p.industry[r["code_gbt4754_2002"]]["RJLXX"]
        assert lim.value == float(r["far_min"])
        assert lim.source == f"2008表2 行业{r['code_gbt4754_2002']}"
    assert "38" not in p.industry


def test_far_values_hand_checked():
    p = load_profile("gongye_2008")
    expect = {"13": 1.0, "17": 0.8, "25": 0.5, "26": 0.6, "27": 0.7, "32": 0.6, "40": 1.0, "43": 0.7}
    assert {k: p.industry[k]["RJLXX"].value for k in expect} == expect


def test_fixed_limits_and_empty_investment_table():
    p = load_profile("gongye_2008")
    assert (p.limits["JZXS"].value, p.limits["XZBGBL"].value, p.limits["LDLSX"].value) == (30, 7, 20)
    tz = p.region_tables["TZQD"]
    assert len(tz) == 30 and all(len(row) == 7 for row in tz.values())
    assert all(lim.value is None for row in tz.values() for lim in row.values())
    assert any("UNKNOWN" in h for h in read_header("gongye_2008_investment.csv"))


def test_every_file_has_provenance_header():
    for name in os.listdir(STANDARDS_DIR):
        if name.endswith(".csv") and (name.startswith("ydyh_") or name.startswith("gongye_") or
                                      name.startswith("gbt4754")):
            head = " ".join(read_header(name))
            assert "status" in head or "状态" in head, name
            assert "〔" in head or "GB/T" in head, name


def test_2023_profile_is_unconfirmed():
    p = load_profile("gongye_2023")
    assert p.status == "unconfirmed"
    lim = p.lookup("RJLXX", normalize_industry_code("C3612"), "1001", None)
    assert lim.value == 0.8 and lim.label.endswith("(未核实)")


@pytest.mark.parametrize("raw,div,group", [("C13", "13", None), ("13", "13", None), ("1311", "13", "131"),
                                           (13.0, "13", None), ("c2921", "29", "292"), (" C 36 ", "36", None)])
def test_industry_normalisation(raw, div, group):
    c = normalize_industry_code(raw)
    assert (c.division, c.group) == (div, group)


@pytest.mark.parametrize("raw", [None, "", "C", "abc", float("nan"), "12345"])
def test_industry_normalisation_rejects(raw):
    assert normalize_industry_code(raw) is None


def test_2017_to_2002_mapping():
    m = load_industry_mapping()
    assert m.to_2002("C2611")[0] == "26"
    assert m.to_2002("36")[0] == "37"       # 汽车制造业 was in 交通运输设备制造业
    assert m.to_2002("38")[0] == "39"
    assert m.to_2002("2921")[0] == "30"     # 塑料制品 (group row wins)
    assert m.to_2002("291")[0] == "29"
    assert m.to_2002("29")[0] is None       # 橡胶和塑料 together: ambiguous
    assert m.to_2002("43")[0] is None
    assert m.to_2002("3471")[0] == "41"
    # every 2017 manufacturing division 13–43 has a row
    assert all(str(d) in m.rows for d in range(13, 44))


def test_landuse_codes_and_nearest():
    c = load_classification("2023")
    assert normalize_landuse_code(1001.0) == "1001" and normalize_landuse_code(701) == "0701"
    assert c.name("100101") == "一类工业用地" and c.ancestors("100101") == ["100101", "1001", "10"]
    assert c.level_code("100102", 1) == "10" and c.level_code("100102", 2) == "1001"
    assert c.nearest("1009")[0] in ("1001", "1002", "1003") and len(c.nearest("1009")) == 3
    assert c.nearest("10011")[0] == "1001"


def test_edition_detection_and_migration():
    assert detect_edition(["0603", "1001"]) == "2020"
    assert detect_edition(["060202", "1001"]) == "2023"
    assert detect_edition(["1001", "1312"]) == "2023"
    res = resolve_landuse(["1312", "1313", "1001"], edition="2020")
    assert (res["1312"]["code"], res["1312"]["migrated_from"]) == ("1311", "1312")
    assert res["1313"]["code"] == "1312"
    assert res["1001"]["migrated_from"] is None and res["1001"]["code"] == "1001"
    res = resolve_landuse(["1312"], edition="2023")
    assert res["1312"]["name"] == "其他公用设施用地"
    res = resolve_landuse(["0603", "060201"])                  # mixed layer: read as 2023, 2020-only code migrated
    assert (res["0603"]["code"], res["0603"]["migrated_from"]) == ("060202", "0603")
    assert res["060201"]["migrated_from"] is None


def test_region_class():
    assert normalize_region_class("第三类") == 3 and normalize_region_class("一类") == 1
    assert normalize_region_class(7) == 7 and normalize_region_class(None) is None
    with pytest.raises(ZutuanError):
        normalize_region_class("九类")


def _write(tmp_path, text):
    p = tmp_path / "local.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_local_profile_units_converted(tmp_path):
    path = _write(tmp_path, "base: gongye_2008\nname: 某园区\nlimits:\n  TZQD: {value: 250, unit: 万元/亩}\n"
                            "  DJSS: {value: 20, unit: 万元/亩}\n  CCQD: 6000\n")
    p = load_profile("gongye_2008", local=path)
    code = normalize_industry_code("C13")
    assert p.lookup("TZQD", code, "1001", 3).value == 3750.0          # 250 万元/亩 × 15
    assert p.lookup("DJSS", code, "1001", 3).value == 300.0
    assert p.lookup("CCQD", code, "1001", 3).value == 6000.0          # already 万元/公顷
    assert p.lookup("RJLXX", code, "1001", 3).value == 1.0            # national value kept
    assert p.lookup("TZQD", code, "1101", 3) is None                  # not an industrial class


def test_local_profile_tightens_industry(tmp_path):
    path = _write(tmp_path, "base: gongye_2008\nname: 某省\nindustry:\n  'C39':\n    RJLXX: 1.2\n"
                            "limits:\n  JZXS: 40\n")
    p = load_profile("gongye_2008", local=path)
    assert p.lookup("RJLXX", normalize_industry_code("3911"), "1001", None).value == 1.2
    assert p.lookup("RJLXX", normalize_industry_code("3811"), "1001", None).value == 0.7
    assert p.lookup("JZXS", None, "100102", None).value == 40


@pytest.mark.parametrize("text,line,field", [
    ("base: gongye_2008\nlimits:\n  JZXS: 25\n", 3, "JZXS"),                       # 建筑系数 below 30%
    ("base: gongye_2008\nlimits:\n  LDLSX: {value: 25, unit: '%'}\n", 3, "LDLSX"),  # 绿地率 above 20%
    ("base: gongye_2008\nindustry:\n  '26':\n    RJLXX: 0.5\n", 4, "RJLXX"),      # below 2008表2 行业26 0.6
])
def test_local_looser_than_national_refused(tmp_path, text, line, field):
    with pytest.raises(ZutuanError) as exc:
        load_profile("gongye_2008", local=_write(tmp_path, text))
    e = exc.value
    assert e.code == "E_LOCAL_LOOSER" and e.fields["line"] == line and e.fields["field"] == field
    assert "宽于国家约束性指标" in e.message_zh and "looser" in e.message_en


@pytest.mark.parametrize("text,line,field", [
    ("base: gongye_2008\nlimits:\n  TZQD: {value: abc, unit: 万元/亩}\n", 3, "TZQD"),
    ("base: gongye_2008\nlimits:\n  TZQD: {value: 250, unit: 元/亩}\n", 3, "TZQD.unit"),
    ("base: gongye_2008\nlimits:\n  RJLXX: 1.0\n  FOO: 3\n", 4, "FOO"),
    ("base: gongye_2008\nlimits:\n  JZXS: {value: 35, unit: '%', sorce: x}\n", 3, "JZXS.sorce"),
    ("base: gongye_2008\nlanduse_defaults:\n  '9999': {JZXS: 35}\n", 3, "landuse_defaults.9999"),
    ("base: gongye_2008\nlimits:\n  JZXS: [35\n", 4, "-"),
    ("base: gongye_2008\nbogus: 1\n", 2, "bogus"),
])
def test_malformed_local_profile_names_line_and_field(tmp_path, text, line, field):
    with pytest.raises(StandardError_) as exc:
        load_profile("gongye_2008", local=_write(tmp_path, text))
    e = exc.value
    assert e.code == "E_STANDARD"
    assert (e.fields["line"], e.fields["field"]) == (line, field)
    assert f"第 {line} 行" in e.message_zh and f"line {line}" in e.message_en


def test_example_local_profile_loads():
    p = load_profile("gongye_2008", local=os.path.join(STANDARDS_DIR, "examples", "local_profile_example.yaml"))
    assert p.base.id == "gongye_2008" and p.limits["TZQD"].value == 3750.0
