"""zutuan:checkstandards — 用地标准审查: plot controls against the standards profile, cluster targets."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import ReviewOutputs, ZutuanAlgorithm

PROFILES = ("gongye_2008", "gongye_2023")
REGIONS = (None, "一类", "二类", "三类", "四类", "五类", "六类", "七类")


class CheckStandards(ReviewOutputs, ZutuanAlgorithm):
    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    INDUSTRY_FIELD = "INDUSTRY_FIELD"
    CLUSTER_FIELD = "CLUSTER_FIELD"
    PROFILE = "PROFILE"
    LOCAL_PROFILE = "LOCAL_PROFILE"
    REGION_CLASS = "REGION_CLASS"

    ID = "checkstandards"
    DISPLAY = "用地标准审查"
    GROUP_ID = "review"
    HELP_ZH = ("将每个地块的控制指标与所选标准配置比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施"
               "用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值；标准无数值或地块未填写的指标报告"
               "“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），"
               "并列示用地结构。每条结论注明所依据的标准、表和条款。输出与一张图审查相同：带审查结论的地块、问题图斑和"
               "同一格式的 HTML 报告。")
    HELP_EN = ("Checks each plot's controls against the chosen standards profile: FAR minimum ≥ the industry's "
               "minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ maximum, "
               "investment intensity ≥ the minimum for region class × industry; values missing from the standard or "
               "from the plot are 'not checked', never a pass. Cluster level: the leading industry's share of the "
               "cluster's industrial land ≥ 60% (implementation-plan target, source unconfirmed), and the land-use "
               "structure. Every finding cites its standard, table and clause. Same outputs and report format as "
               "zutuan:checkmasterplan.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("地块图层"), [QgsProcessing.TypeVectorPolygon]),
            "带控制指标的地块（RJLXX、JZXS、XZBGBL、LDLSX、TZQD 等）/ plots with their controls")
        add(QgsProcessingParameterField(self.CODE_FIELD, self.tr("地块编号字段"), "DKBH", self.INPUT,
                                        optional=True),
            "地块编号所在字段 / plot code field")
        add(QgsProcessingParameterField(self.LANDUSE_FIELD, self.tr("用地用海分类代码字段"), "YDYHFLDM", self.INPUT,
                                        optional=True),
            "用地用海代码所在字段 / land-use code field")
        add(QgsProcessingParameterField(self.INDUSTRY_FIELD, self.tr("行业代码字段"), "HYDM", self.INPUT,
                                        optional=True), "GB/T 4754-2017 行业代码 / industry code field")
        add(QgsProcessingParameterField(self.CLUSTER_FIELD, self.tr("组团编号字段"), "ZTBH", self.INPUT,
                                        optional=True), "留空则由地块编号前缀推出 / empty: from the plot code prefix")
        add(QgsProcessingParameterEnum(self.PROFILE, self.tr("国家标准配置"),
                                       [self.tr("工业项目建设用地控制指标（2008）"),
                                        self.tr("工业项目建设用地控制指标（2023，未核实）")], defaultValue=0),
            "标准配置 / standards profile")
        add(QgsProcessingParameterFile(self.LOCAL_PROFILE, self.tr("地方配置文件（可选，YAML）"), extension="yaml",
                                       optional=True), "收紧国家标准的地方配置 / a local profile")
        add(QgsProcessingParameterEnum(self.REGION_CLASS, self.tr("地区分类（投资强度用）"),
                                       [self.tr("未指定")] + [self.tr(c) for c in REGIONS[1:]], defaultValue=0),
            "投资强度表的地区分类 / region class")
        self.add_review_outputs("地块及 SCJL 审查结论、BZ_* 所用标准值 / plots with results and the standard values used",
                                "问题图斑", "不符合标准的地块 × 指标 / failing plot × control")

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.checks import check_standards

        plots = bridge.read_polygons(self, parameters, self.INPUT, context, feedback)
        res = check_standards(
            plots, profile=PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)],
            local_profile=self.parameterAsFile(parameters, self.LOCAL_PROFILE, context) or None,
            region_class=REGIONS[self.parameterAsEnum(parameters, self.REGION_CLASS, context)],
            code_field=self.parameterAsString(parameters, self.CODE_FIELD, context) or "DKBH",
            landuse_field=self.parameterAsString(parameters, self.LANDUSE_FIELD, context) or "YDYHFLDM",
            industry_field=self.parameterAsString(parameters, self.INDUSTRY_FIELD, context) or "HYDM",
            cluster_field=self.parameterAsString(parameters, self.CLUSTER_FIELD, context) or None,
            progress=bridge.progress_from_feedback(feedback, 5, 85))
        return self.write_review_outputs(res, parameters, context, feedback)
