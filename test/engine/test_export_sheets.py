"""The 图则 control table strings (algorithms/export/sheets.py): formatting, ranges, missing controls with their reason."""
import geopandas as gpd
import numpy as np
import shapely

from algorithms.export.notes import NO_RECORD
from algorithms.export.sheets import DASH, SHEET_ROWS, landuse_palette, plot_sheet_table


#: a city's local grid (独立坐标系): the origin lies near the site, so coordinates near 0 are real
LOCAL_GRID = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"

def _plots():
    return gpd.GeoDataFrame({
        "DKBH": ["Z01-01-02", "Z01-01-01"],
        "YDYHFLDM": ["100101", None], "YDYHFLMC": ["一类工业用地", None],
        "RJLXX": [1.2, np.nan], "RJLSX": [2.0, np.nan], "JZXS": [30.0, np.nan], "JZMDXX": [np.nan, 40.0],
        "JZMDSX": [60.0, np.nan], "LDLSX": [20.0, np.nan], "JZXG": [24.0, np.nan], "TZQD": [3000.0, np.nan],
        "CYL": ["新材料", None], "CYHJ": ["改性塑料", None], "KFFQ": [2, None], "SCJL": ["合规", None],
        "ZBLY": [None, "JZMDXX:地块自有; RJLXX,RJLSX,JZXS,LDLSX,XZBGBL,TZQD,CCQD:未赋值：无用地代码; "
                       "JZXG:未赋值：无限高来源"],
    }, geometry=[shapely.box(0, 0, 150, 100), shapely.box(200, 0, 260, 50)], crs=LOCAL_GRID)


def test_sheet_strings():
    t = plot_sheet_table(_plots())
    assert list(t["DKBH"]) == ["Z01-01-01", "Z01-01-02"]           # sorted by code, input index kept
    assert list(t.index) == [1, 0]
    a, b = t.loc[0], t.loc[1]
    assert a["T_YDMJ"] == "1.5000 公顷（22.50 亩）"                  # 15 000 m² measured from the geometry
    assert a["T_RJL"] == "1.20 ～ 2.00"
    assert a["T_JZXS"] == "≥ 30.0%"
    # a bound without a value says why: '≤ 60.0%' alone would read like "no lower limit"
    assert a["T_JZMD"] == f"≤ 60.0%（下限{NO_RECORD}）"
    assert b["T_JZMD"] == "≥ 40.0%（上限未赋值：原因未记录（ZBLY 无此项））"
    assert a["T_LDL"] == "≤ 20.0%" and a["T_JZXG"] == "≤ 24.0 m"
    assert a["T_TZQD"] == "≥ 3,000 万元/公顷" and a["T_CCQD"] == NO_RECORD
    assert a["T_CYL"] == "新材料 / 改性塑料" and a["T_KFFQ"] == "第二期" and a["T_SCJL"] == "合规"
    assert a["T_DYBH"] == "Z01-01 / Z01"
    # no review fields: the development status says it was not checked
    assert a["T_KFZT"] == "待开发：未经一张图审查（无 SCJL、CT_* 字段），开发状态未核实"
    # nothing set: a control says why (from ZBLY), never 0 or a bare dash; text not given is a dash
    assert b["T_RJL"] == b["T_JZXS"] == b["T_LDL"] == b["T_TZQD"] == "未赋值：无用地代码"
    assert b["T_JZXG"] == "未赋值：无限高来源"
    for col in ("T_YDDM", "T_YDXZ", "T_CYL", "T_YXQY", "T_KFFQ", "T_SCJL"):
        assert b[col] == DASH, col
    for col, *_ in SHEET_ROWS:
        assert b[col] and b[col] != "0", col
    assert b["T_YDMJ"] == "0.3000 公顷（4.50 亩）"


def test_palette_from_the_classification_file():
    pal = landuse_palette(["100101", "1101", "1401", None, "1"])
    assert list(pal) == ["10", "11", "14"]
    assert pal["10"][0] == "工矿用地" and pal["11"] == ("仓储用地", (135, 97, 211))
