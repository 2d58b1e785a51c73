"""zutuan:checkstandards — 用地标准审查: plot controls and enterprise projects against the standard, cluster targets."""
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
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
    PROJECTS = "PROJECTS"
    PROJECT_CODE_FIELD = "PROJECT_CODE_FIELD"

    ID = "checkstandards"
    DISPLAY = "用地标准审查"
    GROUP_ID = "review"
    HELP_ZH = ("两项审查，每条结论注明所依据的文件、表和条款。（一）规划指标对标准：将每个地块的控制指标与所选标准配置"
               "（国家配置，可由地方配置收紧）比对：容积率下限 ≥ 行业最低值、建筑系数 ≥ 下限、行政办公及生活服务设施"
               "用地比例 ≤ 7%、绿地率 ≤ 上限、投资强度 ≥ 地区分类 × 行业的最低值及配置设定的其他指标；规划值宽于标准即为"
               "错误。（二）项目指标（供地/预审）：项目表（CSV，UTF-8 或 GBK；或 xlsx）按地块编号与地块关联，或地块图层"
               "上的同名字段；列：地块编号、项目名称、固定资产投资（万元）、总建筑面积（㎡，计容）、建筑基底面积、构筑物"
               "占地面积、堆场占地面积、绿地面积、行政办公及生活服务设施用地面积（㎡）、预计年产值、年税收（万元），"
               "表头可用拼音首字母（GDZCTZ、ZJZMJ、JZJDMJ、GZWZDMJ、DCZDMJ、LDMJ、XZBGMJ、YJNCZ、NSS），括号内可注"
               "单位。按地块面积算出投资强度、容积率、建筑系数、建筑密度、绿地率、行政办公比例、产出强度、地均税收，与"
               "地块控制指标和标准中较严者比较。缺列、无法识别的地块编号、非数字单元格、重复地块：报告或停止运行并指出"
               "行和列，不写出半成品。标准无数值或未申报的指标报告“未检查”，不当作通过。组团层面：主导产业用地占组团"
               "工业用地比例 ≥ 60%（实施方案目标，来源未核实），并列示用地结构。本次审查结论写入 BZSCJL，报告和合规/"
               "不合规/需核实数只计本次审查；输入图层已有的 SCJL（如一张图审查）保留为 QXSCJL 并单独列示；输出的 SCJL "
               "为两者合并（取较严者），供后续步骤使用。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。")
    HELP_EN = ("Two checks; every finding cites its document, table and clause. (1) Plan controls against the standard: "
               "each plot's controls against the chosen profile (national, tightened by a local profile): FAR minimum "
               "≥ the industry's minimum, building coefficient ≥ minimum, office/service land share ≤ 7%, green ratio ≤ "
               "maximum, investment intensity ≥ the minimum for region class × industry, and any other limit the "
               "profile sets; a planned value looser than the standard is an error. (2) Project indicators (land "
               "supply / pre-approval): a project table (CSV in UTF-8 or GBK, or xlsx) joined by plot code, or the "
               "same fields on the plot layer; columns: plot code, project name, fixed-asset investment (10k yuan), "
               "total floor area (m², counted in FAR), building footprint, structures, yards, green area, office and "
               "service land (m²), expected annual output and annual tax (10k yuan); pinyin-initial headers (GDZCTZ, "
               "ZJZMJ, JZJDMJ, GZWZDMJ, DCZDMJ, LDMJ, XZBGMJ, YJNCZ, NSS) are accepted and a unit may be given in "
               "brackets. Investment intensity, FAR, building coefficient, building density, green ratio, office "
               "share, output intensity and tax per hectare are computed over the plot's area and compared with the "
               "stricter of the plot's control and the standard. Missing columns, unknown plot codes, non-numeric "
               "cells and plots listed twice are reported or stop the run naming the row and column; nothing is "
               "written half. Values missing from the standard or not declared are 'not checked', never a pass. "
               "Cluster level: the leading industry's share of the cluster's industrial land ≥ 60% "
               "(implementation-plan target, source unconfirmed), and the land-use structure. This check's own "
               "result is BZSCJL, and the report and the counts are this check's alone; an SCJL already on the input "
               "(e.g. from the master-plan check) is kept as QXSCJL and shown apart; the output SCJL combines both "
               "(the worse) for the later steps. "
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
        self.add_review_outputs("地块及审查结论：BZSCJL 本次审查结论、QXSCJL 输入已有的结论、SCJL 两者合并，BZ_* 所用标准值，"
                                "XMMC/XM_* 项目名称与按项目算出的指标 / plots with this check's result (BZSCJL), the earlier "
                                "one (QXSCJL), both combined (SCJL), the standard values used and the project figures",
                                "问题图斑", "不符合标准的地块 × 指标 / failing plot × control")
        add(QgsProcessingParameterFile(self.PROJECTS, self.tr("项目表（可选，CSV 或 xlsx）"),
                                       fileFilter="CSV / Excel (*.csv *.xlsx)", optional=True),
            "企业项目申报指标，按地块编号关联；不给则读地块图层上的同名字段 / project table joined by plot code; "
            "none: the same fields on the plot layer")
        add(QgsProcessingParameterString(self.PROJECT_CODE_FIELD, self.tr("项目表的地块编号列（可选）"), optional=True),
            "留空则识别 地块编号、DKBH、DKBM、DKDM、地块代码、ZDDM / empty: recognises the usual plot-code headers")

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.checks import check_standards

        plots = self.read_plot_layer(parameters, context, feedback)
        res = check_standards(
            plots, profile=PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)],
            local_profile=self.parameterAsFile(parameters, self.LOCAL_PROFILE, context) or None,
            region_class=REGIONS[self.parameterAsEnum(parameters, self.REGION_CLASS, context)],
            code_field="DKBH", landuse_field="YDYHFLDM", industry_field="HYDM", cluster_field=self.found(plots, "ZTBH"),
            projects=self.parameterAsFile(parameters, self.PROJECTS, context) or None,
            project_code_field=self.parameterAsString(parameters, self.PROJECT_CODE_FIELD, context) or None,
            progress=bridge.progress_from_feedback(feedback, 5, 85))
        return self.write_review_outputs(res, parameters, context, feedback)
