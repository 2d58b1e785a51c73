"""The HTML report: sections, not-checked rules stated, maps drawn from geometries, versions listed."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import re

from algorithms.report import render_report, write_report

from test_checks_masterplan import run, redline  # noqa: E402


def test_report_sections_and_figures(tmp_path):
    res = run(ecological_redline=redline().iloc[:0])   # red line given but empty → 未检查
    text = render_report(res)
    for heading in ("一、审查结论摘要", "二、分规则汇总", "三、分地块冲突汇总", "四、分规则冲突明细", "五、冲突示意图",
                    "七、输入数据与参数", "八、软件与数据版本", "审查人（签字）"):
        assert heading in text
    assert "未检查的规则（不视为通过）" in text and "图层没有要素" in text
    # the largest conflict: P9 wholly outside the urban boundary, 20 000 m²
    assert "20,000.00" in text
    # the overview and one map per conflicting plot (at most 6), each plot once
    n_conflicted = res.conflicts["DKBH"].nunique()
    assert n_conflicted > 6 and text.count("<svg") == 1 + 6
    assert "@media print" in text and "@page" in text
    assert "GEOS" in text and "zutuan-engine" in text
    # the summary cards agree with the plots layer
    n_fail = int((res.plots.SCJL == "不合规").sum())
    assert re.search(rf"不合规<b>{n_fail}</b>", text)
    p = write_report(res, str(tmp_path / "r" / "report.html"))
    written = open(p, encoding="utf-8").read()
    # the file is the rendered report; only the generation time (to the second) may differ between the two renders
    stamp = re.compile(r"生成时间 [^·<]*")
    assert "生成时间" in written and stamp.sub("", written) == stamp.sub("", text)
