"""row_messages (algorithms/checks/context.py): the conflict messages of the 一张图 check, each field formatted once per
row, are exactly ``template.format(*row)``."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)

import numpy as np
import pytest

from algorithms.checks.context import row_messages

RNG = np.random.default_rng(18)
N = 3_000
AREA = RNG.random(N) * 10.0 ** RNG.integers(-4, 9, N) * np.where(RNG.random(N) < 0.1, -1, 1)
AREA[:4] = np.nan, np.inf, 0.0, 0.005                       # rounding half-way, NaN, inf as str.format gives them
SHARE = np.divide(AREA * 100.0, RNG.random(N) * 1e6)
ZONE = np.array(["城镇集中建设区", "50%", "{0}", "", None] * (N // 5), dtype=object)
CODE = np.array(["0701", "1001", "1001A"] * (N // 3), dtype=object)


@pytest.mark.parametrize("template, cols", [
    ("地块占用生态保护红线 {0:,.2f} ㎡（占地块 {1:.2f}%）/ plot occupies {0:,.2f} m² of 红线 ({1:.2f}% of the plot)",
     (AREA, SHARE)),
    ("分区“{0}”不在兼容表中，{1:,.2f} ㎡ 未检查 / zone '{0}' is not in the table; {1:,.2f} m² not checked", (ZONE, AREA)),
    ("用地 {0} 在“{1}”中须满足条件方可布局（{2:,.2f} ㎡），需核实 / land use {0} in '{1}' ({2:,.2f} m²)",
     (CODE, ZONE, AREA)),
    ("坡度大于 25° 的部分约占 {0:.1f}%（最大 {1:.1f}°）100 %", (SHARE, AREA.astype(np.float32))),
    ("无代码 {0}", (ZONE,)),
    ("{0!r} / {0:>8}", (CODE,)),                           # a conversion: the general path
])
def test_same_as_str_format(template, cols):
    assert row_messages(template, *cols) == [template.format(*row) for row in zip(*cols)]


def test_conflict_rows_take_lists_arrays_and_scalars_alike():
    """ConflictRows.add: a list of messages (as the rules pass them) gives the same column as an array; a scalar
    fills the column."""
    from algorithms.checks.result import ConflictRows

    msgs = row_messages("地块占用 {0:,.2f} ㎡ / {0:,.2f} m²", AREA[:50])
    blocks = []
    for m in (msgs, np.array(msgs, dtype=object)):
        rows = ConflictRows()
        rows.add(plot=np.arange(50), code=CODE[:50], rule_id="MP-X", rule_name="红线", severity="error",
                 area=AREA[:50], share=SHARE[:50], feature_id="", feature_name=["f"] * 50, landuse=CODE[:50],
                 message=m, geometry=None)
        blocks.append(rows.blocks[0])
    a, b = blocks
    assert a.keys() == b.keys()
    for k in a:
        assert a[k].dtype == b[k].dtype and len(a[k]) == 50, k
        assert [str(v) for v in a[k]] == [str(v) for v in b[k]], k
    assert a["SM"].tolist() == msgs and set(a["GZBH"].tolist()) == {"MP-X"} and set(a["YSMC"].tolist()) == {"f"}
