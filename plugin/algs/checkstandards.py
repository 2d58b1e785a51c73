"""zutuan:checkstandards — 用地标准审查: plot controls against the standards profile, cluster targets."""
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import PlotLayer, ReviewOutputs, ZutuanAlgorithm

PROFILES = ("gongye_2008", "gongye_2023")
REGIONS = (None, "一类", "二类", "三类", "四类", "五类", "六类", "七类")


class CheckStandards(PlotLayer, ReviewOutputs, ZutuanAlgorithm):
    PROFILE = "PROFILE"
    LOCAL_PROFILE = "LOCAL_PROFILE"
    REGION_CLASS = "REGION_CLASS"
    PLOT_FIELDS = {"DKBH": True, "YDYHFLDM": True, "HYDM": False, "ZTBH": False}

    ID = "checkstandards"
    DISPLAY = "用地标准审查"
    GROUP_ID = "review"
    HELP_ZH = ("将每个地块的控制指标与所选标准配置比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施"
               "用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值；标准无数值或地块未填写的指标报告"
               "“未检查”，不当作通过。组团层面：主导产业用地占组团工业用地比例 ≥ 60%（实施方案目标，来源未核实），"
               "并列示用地结构。每条结论注明所依据的标准、表和条款。输出与一张图审查相同：带审查结论的地块、问题图斑和"
               "同一格式的 HTML 报告。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。")
    HELP_EN = ("Checks each plot's controls against the chosen standards profile: FAR minimum ≥ the industry's "
               "minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ maximum, "
               "investment intensity ≥ the minimum for region class × industry; values missing from the standard or "
               "from the plot are 'not checked', never a pass. Cluster level: the leading industry's share of the "
               "cluster's industrial land ≥ 60% (implementation-plan target, source unconfirmed), and the land-use "
               "structure. Every finding cites its standard, table and clause. Same outputs and report format as "
               "zutuan:checkmasterplan. "
               "Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave "
               "them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field "
               "that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, "
               "YDYHFLDM…) and keep the layer's own.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "带控制指标的地块（RJLXX、JZXS、XZBGBL、LDLSX、TZQD 等）/ plots with their controls")
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

        plots = self.read_plot_layer(parameters, context, feedback)
        res = check_standards(
            plots, profile=PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)],
            local_profile=self.parameterAsFile(parameters, self.LOCAL_PROFILE, context) or None,
            region_class=REGIONS[self.parameterAsEnum(parameters, self.REGION_CLASS, context)],
            code_field="DKBH", landuse_field="YDYHFLDM", industry_field="HYDM", cluster_field=self.found(plots, "ZTBH"),
            progress=bridge.progress_from_feedback(feedback, 5, 85))
        return self.write_review_outputs(res, parameters, context, feedback)
