"""Enterprise statistics intake: validation naming row and column, units, the join to plots (hand-computed)."""
import openpyxl
import pytest
from monitoring_data import credit_code, plots, write_csv

from algorithms.errors import InputError
from algorithms.monitoring.intake import credit_code_ok, join_plots, read_enterprise_stats

H = ["统一社会信用代码", "企业名称", "地块编号", "年度", "税收（万元）", "增加值（万元）"]


def _errors(path, **kw):
    with pytest.raises(InputError) as exc:
        join_plots(read_enterprise_stats(path, **kw), plots())
    return exc.value


def test_credit_code_check_character():
    assert credit_code_ok("91350100M000100Y43") is True      # the example code printed in GB 32100-2015 guides
    assert credit_code_ok("91350100M000100Y44") is False
    assert credit_code_ok("91350100M000100Y4") is None        # 17 characters
    assert credit_code_ok("91350100M000100I43") is None       # I is not in the code's alphabet


def test_missing_required_column_is_named(tmp_path):
    p = write_csv(tmp_path / "s.csv", ["统一社会信用代码", "企业名称", "地块编号"], [[credit_code(1), "甲", "Z01-01-01"]])
    err = _errors(p)
    assert err.code == "E_TABLE_COLUMNS" and "年度" in err.message_zh and "year" in err.message_en


def test_row_problems_are_collected_and_named(tmp_path):
    rows = [[credit_code(1), "甲", "Z01-01-01", 2023, 10, 100],
            [credit_code(2), "乙", "Z01-01-02", 2023, -5, 100],        # row 3: negative
            [credit_code(1), "甲", "Z01-01-01", 2023, 12, 90],         # row 4: duplicate enterprise-year with row 2
            ["91451481MA123", "丙", "Z01-01-01", 2023, 1, 1],          # row 5: malformed code
            [credit_code(4), "丁", "Z01-01-01", "二〇二三", 1, 1],       # row 6: year not a number
            [credit_code(5), "戊", "Z01-01-01", 2023, "abc", 1]]       # row 7: not a number
    err = _errors(write_csv(tmp_path / "s.csv", H, rows))
    assert err.code == "E_TABLE_ROWS" and err.fields["count"] == 5
    text = err.message_zh
    assert "第 3 行，列“税收（万元）”：不能为负数（-5" in text
    assert "第 4 行，列“统一社会信用代码”：同一企业同一年度重复（第 2、4 行）" in text
    assert "第 5 行，列“统一社会信用代码”" in text and "第 6 行，列“年度”：不是数值" in text
    assert "第 7 行，列“税收（万元）”：不是数值（abc）" in text
    assert "row 3, column '税收（万元）': must not be negative" in err.message_en


def test_unknown_plot_and_years_outside_the_plan(tmp_path):
    rows = [[credit_code(1), "甲", "Z01-01-01", 2023, 10, 100], [credit_code(2), "乙", "Z09-01-01", 2023, 1, 1]]
    err = _errors(write_csv(tmp_path / "s.csv", H, rows))
    assert "第 3 行，列“地块编号”：地块编号在地块图层中不存在（Z09-01-01）" in err.message_zh
    err = _errors(write_csv(tmp_path / "t.csv", H, rows[:1]), first_year=2019, last_year=2022)
    assert "第 2 行，列“年度”：年度晚于规划期（2019–2022）（2023）" in err.message_zh


def test_unknown_unit_is_refused(tmp_path):
    p = write_csv(tmp_path / "s.csv", H[:4] + ["税收（美元）"], [[credit_code(1), "甲", "Z01-01-01", 2023, 5]])
    err = _errors(p)
    assert "第 1 行，列“税收（美元）”：单位“美元”无法识别，可用：万元、元" in err.message_zh


def test_units_converted(tmp_path):
    p = write_csv(tmp_path / "s.csv", ["统一社会信用代码", "企业名称", "地块编号", "年度", "税收（元）", "综合能耗（千克标准煤）",
                                       "用地面积（公顷）"], [[credit_code(1), "甲", "Z01-01-02", 2023, "1,234,500", 2500, 1]])
    s = read_enterprise_stats(p)
    r = s.records.iloc[0]
    assert r["tax"] == pytest.approx(123.45) and r["energy"] == pytest.approx(2.5) and r["land_mu"] == pytest.approx(15)
    assert any(f.rule_id == "MON-UNIT" and "×0.0001" in f.message for f in s.findings)


def test_one_enterprise_on_two_plots_and_shared_plot(tmp_path):
    h = H[:4] + ["用地面积（亩）"]
    rows = [[credit_code(1), "甲", "Z01-01-01；Z01-01-02", 2023, None],   # 15 + 30 亩, weights 1/3, 2/3
            [credit_code(2), "乙", "Z01-01-02", 2023, 6],                 # states 6 亩 on P2 (shared with 甲 and 丙)
            [credit_code(3), "丙", "Z01-01-02", 2023, None]]
    s = join_plots(read_enterprise_stats(write_csv(tmp_path / "s.csv", h, rows)), plots())
    links = s.links.set_index(["rec", "DKBH"])
    # P2 = 30 亩: 乙 states 6, the other 24 are divided equally between 甲 and 丙 (12 each); 甲 also has P1 alone
    assert links.loc[(2, "Z01-01-01"), "land_mu"] == pytest.approx(15.0)
    assert links.loc[(2, "Z01-01-02"), "land_mu"] == pytest.approx(12.0)
    assert links.loc[(3, "Z01-01-02"), "land_mu"] == pytest.approx(6.0)
    assert links.loc[(4, "Z01-01-02"), "land_mu"] == pytest.approx(12.0)
    assert links.loc[(2, "Z01-01-01"), "weight"] == pytest.approx(15 / 27)
    assert links.loc[(2, "Z01-01-02"), "weight"] == pytest.approx(12 / 27)
    assert any(f.rule_id == "MON-SHARED-PLOT" and "Z01-01-02" in f.message for f in s.findings)


def test_point_placement_and_points_outside(tmp_path):
    h = ["统一社会信用代码", "企业名称", "X坐标", "Y坐标", "年度"]
    s = join_plots(read_enterprise_stats(write_csv(tmp_path / "s.csv", h, [[credit_code(1), "甲", 350, 50, 2023]])),
                   plots())
    assert list(s.links["DKBH"]) == ["Z02-01-01"]
    err = _errors(write_csv(tmp_path / "t.csv", h, [[credit_code(1), "甲", 950, 50, 2023]]))
    assert "第 2 行，列“X坐标”：坐标不在任何地块内" in err.message_zh


def test_gbk_csv_and_xlsx(tmp_path):
    p = tmp_path / "gbk.csv"
    p.write_bytes(("\n".join([",".join(H), f"{credit_code(1)},甲,Z01-01-01,2023,10,100"]) + "\n").encode("gbk"))
    assert read_enterprise_stats(str(p)).records.iloc[0]["name"] == "甲"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(H)
    ws.append([credit_code(1), "甲", "Z01-01-01", 2023, 10, None])
    ws.append([credit_code(2), "乙", "Z01-01-01", 2023, -1, 1])
    wb.save(tmp_path / "s.xlsx")
    err = _errors(str(tmp_path / "s.xlsx"))
    assert "第 3 行，列“税收（万元）”：不能为负数" in err.message_zh
