"""zutuan:zoneevaluation — 开发区年度综合评价: an indicator system with weights as data, one zone or many, ranked."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFile, QgsProcessingParameterFileDestination

from .base import ZutuanAlgorithm
from .enterprisestats import StatsInputs


class ZoneEvaluation(StatsInputs, ZutuanAlgorithm):
    WEIGHTS = "WEIGHTS"
    ZONES = "ZONES"

    ID = "zoneevaluation"
    DISPLAY = "开发区年度综合评价"
    GROUP_ID = "monitoring"
    HELP_ZH = ("按指标体系文件（YAML：指标、权重、评分与分档）对每个园区每个年度综合评价：亩均税收、单位面积土地增加值、单位能耗"
               "增加值、全员劳动生产率、研发经费投入强度、主导产业产值占比、税收增长指数等，由企业统计汇总计算；同一次评价的全部"
               "园区—年度共用基准（100 分 = 平均水平），同一园区的各年可比，排名在同一年度内。园区取统计表的“园区”列（多个园区"
               "可在一张表中），无此列时为一个园区。某项数据有企业空缺时，该行“说明”写明“需核实：缺少该项的企业数/企业总数”，合计不当作完整。"
               "默认指标体系的权重为示意值（非官方）。")
    HELP_EN = ("Evaluates every zone in every year by an indicator system file (YAML: indicators, weights, scoring, "
               "grades): tax and value added per mu, value added per unit of energy, labour productivity, R&D intensity, "
               "the leading industry's share of output, the tax growth index, computed from the statistics. All "
               "zone-years of a run share the benchmarks (100 = the average), so a zone's years are comparable; ranks "
               "are within each year. Zones come from the table's zone column (several zones in one table), else one "
               "zone. When some enterprises leave a figure blank, the row's note says 需核实 with how many, never taking "
               "the sum as complete. The default weights are illustrative, not official.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_param(QgsProcessingParameterFile(self.WEIGHTS, self.tr("评价指标体系（YAML，可选）"), optional=True,
                                                  fileFilter="YAML (*.yaml *.yml)"),
                       "留空用示意配置 resources/monitoring/zone_evaluation_illustrative.yaml（非官方） / empty: the illustrative "
                       "weights")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_TABLE, self.tr("综合评价表"),
                                                             "Excel (*.xlsx);;CSV (*.csv)"),
                       "每个园区每个年度一行：指标、得分、年度排名、等级 / one row per zone and year")
        self.addOutput(QgsProcessingOutputNumber(self.ZONES, self.tr("园区数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility.tables import write_tables
        from ...algorithms.monitoring import zone_evaluation
        from ...algorithms.monitoring.sheets import evaluation_sheets

        _, stats = self.read_stats(parameters, context, feedback)
        table, profile = zone_evaluation([stats], profile_path=self.parameterAsFile(parameters, self.WEIGHTS, context)
                                         or None)
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context),
                            evaluation_sheets(table, profile))
        for _, r in table.iterrows():
            feedback.pushInfo(f"{r['zone']} {r['year']}: 得分 {r['score']:.1f}，排名 {r['rank']}，{r['grade']}")
        if profile["status"] != "official":
            feedback.pushWarning(f"指标体系“{profile['name']}”为{profile['status']}（非官方）/ the weights are not official")
        return {self.OUTPUT_TABLE: path, self.ZONES: int(table["zone"].nunique())}
