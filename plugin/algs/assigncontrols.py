"""zutuan:assigncontrols — 赋值控制指标: fill every plot's controls, with the source of each value."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm

PROFILES = ("gongye_2008", "gongye_2023")
EDITIONS = (None, "2023", "2020")


class AssignControls(PlotLayer, ZutuanAlgorithm):
    UNITS = "UNITS"
    CLUSTERS = "CLUSTERS"
    PROFILE = "PROFILE"
    LOCAL_PROFILE = "LOCAL_PROFILE"
    REGION_CLASS = "REGION_CLASS"
    OVERRIDES = "OVERRIDES"
    OVERRIDES_LAYER = "OVERRIDES_LAYER"
    EDITION = "EDITION"
    OUTPUT = "OUTPUT"
    OUTPUT_FINDINGS = "OUTPUT_FINDINGS"
    TOTAL_JRJZMJ = "TOTAL_JRJZMJ"
    TOTAL_ZDTZE = "TOTAL_ZDTZE"
    NOT_CHECKED = "NOT_CHECKED"
    PLOT_FIELDS = {"DKBH": True, "YDYHFLDM": False, "HYDM": False, "DYBH": False, "ZTBH": False}

    ID = "assigncontrols"
    DISPLAY = "赋值控制指标"
    GROUP_ID = "controls"
    HELP_ZH = ("为每个地块填写控制指标（容积率上下限、建筑系数、建筑密度、绿地率上限、行政办公及生活服务设施用地比例、"
               "投资强度下限、建筑限高、产出强度、地均税收），并在 ZBLY 字段写明每项指标的来源；"
               "没有数值的指标写明原因（如“未赋值：2008标准不适用于物流仓储用地(1101)”“未赋值：无限高来源”），数值字段保持为空。优先顺序：地块自有值 > "
               "覆盖表（按 DKBH、DYBH、HYDM、YDYHFLDM）> 单元默认值 > 组团默认值 > 标准按行业 > 标准按用地类别。"
               "行业代码按 GB/T 4754-2017 填写（如 C26、2611），自动对应到 2008 版表格所用的 2002 版大类。"
               "2008 版投资强度表的数值没有可查来源，留空；需要它的检查报告“未检查：无标准值”，不会当作通过。"
               "地方配置文件（YAML）可收紧或增加指标（可按万元/亩填写，自动×15 换算为万元/公顷），宽于国家约束性指标的值被拒绝。"
               "2020 试行版用地代码自动识别并迁移到 2023 版，无效代码给出最接近的有效代码。"
               "地区分类目前只接受 一类–七类；土地等别与地区分类的对应关系未核实，未内置。"
               "派生：计容建筑面积 JRJZMJ = 容积率下限 × 用地面积，最低固定资产投资 ZDTZE = 投资强度 × 公顷，"
               "预计产值 YJCZ、预计税收 YJSS。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。")
    HELP_EN = ("Fills each plot's controls (FAR bounds, building coefficient, density, green ratio, office/service land "
               "share, minimum investment intensity, height limit, output and tax per hectare) and records where each "
               "value came from in ZBLY; a control without a value says why "
               "(e.g. '未赋值：2008标准不适用于物流仓储用地(1101)' — the 2008 standard does not cover logistics land; "
               "'未赋值：无限高来源' — no source gives a height limit) and its numeric field stays NULL. Precedence: the plot's own value > overrides table (by DKBH, DYBH, HYDM, "
               "YDYHFLDM) > unit default > cluster default > profile by industry > profile by land-use class. "
               "Industry codes are GB/T 4754-2017 and are mapped to the 2002 divisions of the 2008 tables. The 2008 "
               "investment-intensity numbers are not available from any reachable source and are left empty: checks "
               "that need them report 'not checked', never a pass. A local YAML profile may tighten or add limits "
               "(per mu values are converted to per hectare); values looser than national mandatory ones are "
               "refused. 2020 trial land-use codes are detected and migrated; unknown codes get the nearest valid "
               "ones. Derived: JRJZMJ, ZDTZE, YJCZ and YJSS. "
               "Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave "
               "them empty to have the usual names recognised (resources/standards/field_variants.csv); a needed field "
               "that cannot be found stops the run naming its parameter; outputs add the schema fields (DKBH, "
               "YDYHFLDM…) and keep the layer's own.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "地块（DKBH、YDYHFLDM、HYDM；已有的指标值保留）/ plots; existing control values are kept")
        add(QgsProcessingParameterFeatureSource(self.UNITS, self.tr("单元图层（可选，继承默认值）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "单元的指标字段作为其地块的默认值 / unit controls are defaults for their plots")
        add(QgsProcessingParameterFeatureSource(self.CLUSTERS, self.tr("组团图层（可选，继承默认值）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "组团的指标字段作为其地块的默认值 / cluster controls are defaults for their plots")
        add(QgsProcessingParameterEnum(self.PROFILE, self.tr("国家标准配置"),
                                       [self.tr("工业项目建设用地控制指标（2008）"),
                                        self.tr("工业项目建设用地控制指标（2023，未核实）")], defaultValue=0),
            "2008 版为第三方转载一致的数值；2023 版数值未核实 / the 2023 profile is unconfirmed")
        add(QgsProcessingParameterFile(self.LOCAL_PROFILE, self.tr("地方配置文件（可选，YAML）"),
                                       extension="yaml", optional=True),
            "收紧或增加指标的地方配置，见 resources/standards/examples / a local profile tightening the national one")
        add(QgsProcessingParameterEnum(self.REGION_CLASS, self.tr("地区分类（投资强度用）"),
                                       [self.tr("未指定")] + [self.tr(c) for c in
                                                           ("一类", "二类", "三类", "四类", "五类", "六类", "七类")],
                                       defaultValue=0),
            "投资强度表的地区分类 / region class of the investment-intensity table")
        add(QgsProcessingParameterFile(self.OVERRIDES, self.tr("覆盖表（可选，CSV 或 xlsx）"),
                                       fileFilter="CSV (*.csv);;Excel (*.xlsx)", optional=True),
            "按 DKBH/DYBH/HYDM/YDYHFLDM 指定指标；TZQD_MU 等列按万元/亩 / overrides keyed by code")
        add(QgsProcessingParameterFeatureSource(self.OVERRIDES_LAYER, self.tr("覆盖表图层（可选）"),
                                                [QgsProcessing.TypeVector], optional=True),
            "与覆盖表相同，来自图层或无几何表 / the same as a layer or table")
        add(QgsProcessingParameterEnum(self.EDITION, self.tr("用地用海分类版本"),
                                       [self.tr("自动识别"), "2023", self.tr("2020 试行")], defaultValue=0),
            "自动：出现 2020 独有代码即按 2020 读取并迁移 / auto-detect the code edition")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("带控制指标的地块"),
                                              QgsProcessing.TypeVectorPolygon),
            "地块及指标、来源 ZBLY、派生值 / plots with controls, sources and derived values")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_FINDINGS, self.tr("问题清单"),
                                              QgsProcessing.TypeVectorPolygon, optional=True),
            "无效代码、缺行业代码、未检查项 / unknown codes, missing industry codes, not-checked items")
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_JRJZMJ, self.tr("计容建筑面积合计（平方米）")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_ZDTZE, self.tr("最低固定资产投资合计（万元）")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_CHECKED, self.tr("未检查项数")))

    def _overrides(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.OVERRIDES, context)
        if path:
            return path
        source = self.parameterAsSource(parameters, self.OVERRIDES_LAYER, context)
        if source is None:
            return None
        import pandas as pd

        names = [f.name() for f in source.fields()]
        rows = [[bridge._py(v) for v in f.attributes()] for f in source.getFeatures()]
        df = pd.DataFrame(rows, columns=names)
        df.columns = [str(c).upper() for c in df.columns]
        return df

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.controls import assign_controls, control_totals
        from ...algorithms.standards import load_profile

        plots = self.read_plot_layer(parameters, context, feedback)
        units = bridge.read_polygons(self, parameters, self.UNITS, context, feedback, required=False)
        clusters = bridge.read_polygons(self, parameters, self.CLUSTERS, context, feedback, required=False)
        profile = load_profile(PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)],
                               local=self.parameterAsFile(parameters, self.LOCAL_PROFILE, context) or None)
        region = self.parameterAsEnum(parameters, self.REGION_CLASS, context) or None
        feedback.pushInfo(f"标准配置 / profile: {profile.describe()}")
        out, findings = assign_controls(
            plots, units=units, clusters=clusters, profile=profile, region_class=region,
            overrides=self._overrides(parameters, context, feedback),
            edition=EDITIONS[self.parameterAsEnum(parameters, self.EDITION, context)],
            progress=bridge.progress_from_feedback(feedback, 10, 90))
        bridge.push_findings(feedback, findings)
        for _, row in control_totals(out, by="DYBH").head(30).iterrows():
            feedback.pushInfo(f"单元 {row['DYBH']}: 地块 {row['DKSL']}，计容建筑面积 {row['JRJZMJ']:.0f} m²，"
                              f"最低投资 {row['ZDTZE']:.0f} 万元")
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, out, crs=out.crs, feedback=feedback)
        bridge.style_output(context, dest, "plots_ydyh_level2")
        def total(col):  # None, not 0, when no plot has a value (e.g. no 投资强度 standard value)
            s = out[col].sum(min_count=1)
            return None if s != s else float(s)

        result = {self.OUTPUT: dest, self.TOTAL_JRJZMJ: total("JRJZMJ"), self.TOTAL_ZDTZE: total("ZDTZE"),
                  self.NOT_CHECKED: sum(1 for f in findings if f.severity == "not_checked")}
        fdest = bridge.write_findings(self, parameters, self.OUTPUT_FINDINGS, context, findings, out.crs)
        if fdest:
            result[self.OUTPUT_FINDINGS] = fdest
        return result
