"""zutuan:targettracking — 发展目标跟踪: yearly statistics against the plan's 3- and 5-year targets."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from .base import ZutuanAlgorithm
from .enterprisestats import StatsInputs


class TargetTracking(StatsInputs, ZutuanAlgorithm):
    TARGETS = "TARGETS"
    BASE_YEAR = "BASE_YEAR"
    OUTPUT_CHART = "OUTPUT_CHART"
    ON_TRACK = "ON_TRACK"
    BEHIND = "BEHIND"

    ID = "targettracking"
    DISPLAY = "发展目标跟踪"
    GROUP_ID = "monitoring"
    HELP_ZH = ("把企业统计的年度实际值（工业总产值、企业数、从业人员、税收、增加值、当年固定资产投资、营业收入）与实施方案的 "
               "3 年、5 年发展目标对照：目标表（指标、目标年、目标值，可选基准年、基准值、方向 ≥/≤）或现金流测算工作簿的"
               "“发展目标”表。完成率 = 实际值 ÷ 目标值；按计划进度为基准年实际值（统计表有该年时）到目标值的直线，目标年之前"
               "实际值不低于进度为“按计划”，否则“落后”；目标年及以后为“达到/未达到”。有企业缺少该项数据时结论为“需核实”（列出缺少的"
               "企业数），不判按计划或达到。统计表没有的指标（如土地开发、基础设施投资）标为“未检查”。输出跟踪表和完成率图（SVG）。")
    HELP_EN = ("Compares the statistics' yearly figures (output, enterprises, employees, taxes, value added, this year's "
               "fixed-asset investment, revenue) with the plan's 3- and 5-year targets, from a target table (indicator, "
               "target year, target; optionally base year, base value, direction) or the targets sheet of the "
               "cash-flow workbook. Completion = actual ÷ target; the planned path runs straight from the base year's "
               "actual to the target: before the target year a figure on or above it is on track, below it behind; "
               "from the target year on, met or not met. A sum some enterprises leave blank is to be verified (with their "
               "count), never on track or met. Targets the statistics cannot measure are not checked. "
               "Writes the tracking table and an SVG chart of the completion.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_param(QgsProcessingParameterFile(self.TARGETS, self.tr("发展目标表（CSV/xlsx）"),
                                                  fileFilter="CSV / Excel (*.csv *.xlsx)"),
                       "指标、目标年、目标值（可选 基准年、基准值、方向）；也可直接用现金流测算工作簿（读取“发展目标”表） / targets, "
                       "or the cash-flow workbook")
        self.add_year(self.BASE_YEAR, "基准年（可选）", "目标表没有基准年（或期限）时使用 / used where the table gives no base year")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_TABLE, self.tr("目标跟踪表"),
                                                             "Excel (*.xlsx);;CSV (*.csv)"),
                       "每个目标每年一行 / one row per target and year")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_CHART, self.tr("完成率图（SVG）"), "SVG (*.svg)",
                                                             optional=True),
                       "各目标各年完成率与计划进度 / completion per target and year")
        self.addOutput(QgsProcessingOutputNumber(self.ON_TRACK, self.tr("按计划或达到的项数")))
        self.addOutput(QgsProcessingOutputNumber(self.BEHIND, self.tr("落后或未达到的项数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility.tables import write_tables
        from ...algorithms.monitoring import read_targets, targets_svg, track_targets
        from ...algorithms.monitoring.sheets import targets_sheets

        _, stats = self.read_stats(parameters, context, feedback)
        targets = read_targets(self.parameterAsFile(parameters, self.TARGETS, context),
                               base_year=self._year(parameters, self.BASE_YEAR, context))
        table = track_targets(stats, targets)
        outputs = {}
        chart = self.parameterAsFileOutput(parameters, self.OUTPUT_CHART, context)
        if chart:
            outputs[self.OUTPUT_CHART] = targets_svg(table, chart)
        outputs[self.OUTPUT_TABLE] = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context),
                                                  targets_sheets(table, stats.findings))
        last = table[table["year"] == table["year"].max()]
        for _, r in last.iterrows():
            shown = "—" if r["completion"] != r["completion"] else f"{r['completion']:.1f}%"
            feedback.pushInfo(f"{r['indicator']}（{r['target_year']}）{r['year']}: {shown} {r['status']}")
        st = last["status"]
        return {**outputs, self.ON_TRACK: int(st.str.startswith(("按计划", "达到")).sum()),
                self.BEHIND: int(st.str.startswith(("落后", "未达到")).sum())}
