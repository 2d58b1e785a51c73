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
