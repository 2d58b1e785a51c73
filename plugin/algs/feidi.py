"""zutuan:feidi — 飞地跨区域核算: the enterprise statistics split between the parties of a 飞地 agreement."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import ZutuanAlgorithm
from .enterprisestats import StatsInputs


class Feidi(StatsInputs, ZutuanAlgorithm):
    AGREEMENT = "AGREEMENT"
    ADMIN = "ADMIN"
    REGION_FIELD = "REGION_FIELD"
    PARTIES = "PARTIES"
    UNBALANCED = "UNBALANCED"

    ID = "feidi"
    DISPLAY = "飞地跨区域核算"
    GROUP_ID = "monitoring"
    HELP_ZH = ("按飞地合作协议（YAML：参与方、期间、各指标分计比例、范围为园区/组团/单元/地块/企业、≥10亿元项目能耗规则、取整"
               "小数位）把企业统计的地区生产总值（增加值）、工业总产值、固定资产投资、就业人数、税收、能源消耗、新能源指标、污染物"
               "排放分计到飞出地、飞入地等各方。更具体的安排优先（企业＞地块＞单元＞组团＞园区）；按面积分计（area）或协议未覆盖"
               "的，按土地所在行政区（行政区图层，跨界地块按面积拆分；无图层时全部计入飞入地）。能耗只有投资达到门槛的项目按协议"
               "比例分担，其余计入土地所在地；能耗强度按分计后的能耗÷增加值。取整用最大余数法：各值先四舍五入到规定小数位，"
               "每份向下取整，余下的单位依次给余数最大者（并列给协议中在前的一方），各方之和与合计严格相等，核对表逐年逐项列出。"
               "协议比例之和不为 1、期间重叠、参与方未知等错误会注明协议中的位置并停止。")
    HELP_EN = ("Splits the enterprise statistics (value added, output, fixed-asset investment, employment, taxes, energy, "
               "new energy, emissions) between the parties of a 飞地 agreement (YAML: parties, periods, ratios per "
               "indicator, scope park/cluster/unit/plot/enterprise, the large-project energy rule, decimals). The most "
               "specific arrangement wins; an area split, or land no arrangement covers, is counted where the land lies "
               "(the administrative layer, a straddling plot split by area; without it, the host party). Energy is "
               "shared by the ratio only for projects at or above the investment threshold; energy intensity is "
               "computed after the split. Shares are rounded by the largest remainder so that they add up to the total "
               "exactly, as the reconciliation table shows. Bad agreements (ratios not adding up to 1, overlapping "
               "periods, unknown parties) stop the run, naming the entry.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_param(QgsProcessingParameterFile(self.AGREEMENT, self.tr("飞地合作协议（YAML）"),
                                                  fileFilter="YAML (*.yaml *.yml)"),
                       "参与方、期间、各指标比例、取整规则；示例见 resources/sample/data/feidi_agreement.yaml / parties, "
                       "periods, ratios and rounding")
        self.add_param(QgsProcessingParameterFeatureSource(self.ADMIN, self.tr("行政区图层（可选）"),
                                                           [QgsProcessing.TypeVectorPolygon], optional=True),
                       "按面积分计和协议外用地按其所在行政区；跨界地块按面积拆分 / where the land lies; straddling plots "
                       "are split by area")
        self.add_param(QgsProcessingParameterField(self.REGION_FIELD, self.tr("行政区代码或名称字段"), optional=True,
                                                   parentLayerParameterName=self.ADMIN),
                       "与协议中参与方的 region、id 或 name 对应 / matches the parties' region, id or name")
        self.add_layer_and_table("飞地核算地块", "最近年度每个地块的协议安排 XYBH、所在地 SZD、各方分得的增加值 ZJZ_* 与能耗 NH_* / "
                                 "per plot: the arrangement, the location and each party's shares", "飞地核算表",
                                 "分地区统计、分项分计、核对表、参与方、协议与规则 / per-region tables and the reconciliation")
        self.addOutput(QgsProcessingOutputNumber(self.PARTIES, self.tr("参与方数")))
        self.addOutput(QgsProcessingOutputNumber(self.UNBALANCED, self.tr("核对不一致的项数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.monitoring import feidi, load_agreement
        from ...algorithms.monitoring.sheets import feidi_sheets

        agreement = load_agreement(self.parameterAsFile(parameters, self.AGREEMENT, context))
        _, stats = self.read_stats(parameters, context, feedback)
        admin = bridge.read_polygons(self, parameters, self.ADMIN, context, feedback, required=False)
        field = (self.parameterAsFields(parameters, self.REGION_FIELD, context) or [None])[0]
        if admin is not None and not field:
            from ...algorithms.errors import InputError
            raise InputError("E_BAD_PARAMETER", name=self.REGION_FIELD, value="—", reason_zh="给出行政区图层时须指定字段",
                             reason_en="the administrative layer needs its region field")
        res = feidi(stats, agreement, admin=admin, region_field=field)
        bridge.push_findings(feedback, res.findings)
        dest, path = self.write_layer_and_table(parameters, context, feedback, res.plot_layer,
                                                feidi_sheets(res, agreement))
        last = res.regions[res.regions["year"] == res.regions["year"].max()]
        for _, r in last.iterrows():
            feedback.pushInfo(f"{r['year']} {r['name']}（{r['role']}）：增加值 {r.get('value_added', 0):.2f} 万元，能耗 "
                              f"{r.get('energy', 0):.2f} 吨标准煤，能耗强度 {r['energy_intensity']:.4f}")
        bad = int((res.reconciliation["difference"] != 0).sum())
        return {self.OUTPUT: dest, self.OUTPUT_TABLE: path, self.PARTIES: len(agreement["parties"]),
                self.UNBALANCED: bad}
