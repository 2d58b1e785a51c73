"""zutuan:mujun — 亩均效益评价: indicators, scores and grades per enterprise, plot, unit and cluster."""
import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import ZutuanAlgorithm
from .enterprisestats import StatsInputs

STYLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "monitoring",
                     "mujun_grades.qml")


class MujunInputs(StatsInputs):
    PROFILE = "PROFILE"
    YEAR = "YEAR"

    def add_profile_parameters(self):
        self.add_param(QgsProcessingParameterFile(self.PROFILE, self.tr("亩均效益评价配置（YAML，可选）"), optional=True,
                                                  fileFilter="YAML (*.yaml *.yml)"),
                       "指标、权重、基准、分档与低效阈值；留空用示意配置 resources/monitoring/mujun_illustrative.yaml（非官方）"
                       " / indicators, weights, benchmarks, classes; empty: the illustrative (unofficial) profile")
        self.add_year(self.YEAR, "评价年度（可选）", "留空取统计表中最近的年度 / empty: the latest year of the table")

    def load_profile(self, parameters, context):
        from ...algorithms.monitoring import load_profile

        return load_profile(self.parameterAsFile(parameters, self.PROFILE, context) or None)


class Mujun(MujunInputs, ZutuanAlgorithm):
    GRADED = "GRADED"
    EVAL_YEAR = "EVAL_YEAR"

    ID = "mujun"
    DISPLAY = "亩均效益评价"
    GROUP_ID = "monitoring"
    HELP_ZH = ("按评价配置计算某一年度每家企业以及每个地块、单元、组团的亩均税收、亩均增加值、单位能耗增加值、单位排放增加值、"
               "全员劳动生产率、研发经费投入强度、亩均产值、地均投资等，按权重和基准计分、排名并分档（A/B/C/D，缺少必需指标的为 "
               "T 不参评）。地块、单元、组团的指标为其企业数值（按用地分摊）之和除以地块面积之和；有企业缺少某项数据时该项不计算，"
               "不取部分和。默认配置为示意配置（指标取浙江省六项、权重取黄岩区、基准取淮安“平均值两倍”、分档取淮安比例，均为二手"
               "资料，非官方），正式评价请使用本地政府文件的配置。输出按等级着色的地块图层和 xlsx 排名表（企业、地块、单元、组团、"
               "评价指标与配置）。")
    HELP_EN = ("Computes, for one year, each enterprise's and each plot's, unit's and cluster's tax per mu, value added per "
               "mu, value added per unit of energy and of emissions, labour productivity, R&D intensity, output and "
               "investment per mu, then scores, ranks and grades them (A/B/C/D; T when a required indicator is "
               "missing) by the profile's weights and benchmarks. A plot's, unit's or cluster's indicator is the sum "
               "of its enterprises' figures (shared by land) over the sum of plot areas; a figure an enterprise lacks "
               "leaves the indicator uncomputed, never a partial sum. The default profile is illustrative (secondary "
               "sources, not official): use your locality's scheme for a real evaluation. Writes a plot layer styled "
               "by grade and an xlsx ranking.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_profile_parameters()
        self.add_layer_and_table("亩均效益地块", "有统计数据的地块：各指标（字段名见配置 field）、得分 DF、排名 PM、等级 MJDJ / "
                                 "plots with statistics, graded", "亩均效益排名表",
                                 "企业、地块、单元、组团排名与评价配置；CSV 仅写企业排名 / rankings; CSV holds the enterprises only")
        self.addOutput(QgsProcessingOutputNumber(self.GRADED, self.tr("参评企业数")))
        self.addOutput(QgsProcessingOutputNumber(self.EVAL_YEAR, self.tr("评价年度")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.monitoring import mujun
        from ...algorithms.monitoring.sheets import mujun_sheets

        profile = self.load_profile(parameters, context)
        _, stats = self.read_stats(parameters, context, feedback)
        res = mujun(stats, year=self._year(parameters, self.YEAR, context), profile=profile)
        bridge.push_findings(feedback, res.findings)
        dest, path = self.write_layer_and_table(parameters, context, feedback, res.plot_layer, mujun_sheets(res), STYLE)
        counts = res.enterprises["grade"].value_counts()
        feedback.pushInfo(f"{res.year} 年 / year {res.year}: " + "，".join(f"{g} {int(counts.get(g, 0))}"
                                                                         for g in [*profile["grading"]["classes"], "T"]))
        return {self.OUTPUT: dest, self.OUTPUT_TABLE: path, self.EVAL_YEAR: res.year,
                self.GRADED: int((res.enterprises["grade"] != "T").sum())}
