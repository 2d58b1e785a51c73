"""zutuan:buildhierarchy — 构建层级编码与拓扑检查 for hand-drawn or imported 组团 / 单元 / 地块 layers."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import ZutuanAlgorithm

_POLY = [QgsProcessing.TypeVectorPolygon]


class BuildHierarchy(ZutuanAlgorithm):
    CLUSTERS = "CLUSTERS"
    CLUSTER_CODE_FIELD = "CLUSTER_CODE_FIELD"
    UNITS = "UNITS"
    UNIT_CODE_FIELD = "UNIT_CODE_FIELD"
    PLOTS = "PLOTS"
    PLOT_CODE_FIELD = "PLOT_CODE_FIELD"
    ASSIGN = "ASSIGN"
    OVERWRITE = "OVERWRITE"
    TOLERANCE = "TOLERANCE"
    SLIVER_AREA = "SLIVER_AREA"
    OUTPUT_CLUSTERS = "OUTPUT_CLUSTERS"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTPUT_PLOTS = "OUTPUT_PLOTS"
    OUTPUT_FINDINGS = "OUTPUT_FINDINGS"
    N_ERRORS = "N_ERRORS"
    N_WARNINGS = "N_WARNINGS"

    #: layer parameter, label, help, its code field parameter, label, schema code
    LAYERS = ((CLUSTERS, "组团图层（可选）", "ZTBH 组团编号 / clusters", CLUSTER_CODE_FIELD, "组团编号字段", "ZTBH"),
              (UNITS, "单元图层（可选）", "DYBH 单元编号 / units", UNIT_CODE_FIELD, "单元编号字段", "DYBH"),
              (PLOTS, "地块图层（可选）", "DKBH 地块编号 / plots", PLOT_CODE_FIELD, "地块编号字段", "DKBH"))

    ID = "buildhierarchy"
    DISPLAY = "构建层级编码与拓扑检查"
    GROUP_ID = "layout"
    HELP_ZH = ("用于手绘或导入的组团、单元、地块图层：按空间包含关系（面积最大的上级）赋予或校验编码（组团 Z01、单元 Z01-01、"
               "地块 Z01-01-01，已有的有效编码默认保留），并检查重叠、空隙（上级内未被下级覆盖的部分）、碎片、跨越上级边界、"
               "不在任何上级内、编码重复、格式错误、编码与上级不符以及无效几何。每个问题输出为带位置的问题图斑，可逐条缩放定位。")
    HELP_EN = ("For hand-drawn or imported cluster / unit / plot layers: assigns or validates codes by containment "
               "(the parent holding the largest share; Z01, Z01-01, Z01-01-01; valid existing codes are kept unless "
               "overwritten) and reports overlaps, gaps (parent area not covered by children), slivers, children "
               "crossing their parent's boundary or outside every parent, duplicate, malformed or inconsistent codes, "
               "and invalid geometries — each as a finding with its location so it can be zoomed to.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        for key, label, help_text, field, field_label, code in self.LAYERS:
            add(QgsProcessingParameterFeatureSource(key, self.tr(label), _POLY, optional=True), help_text)
            add(QgsProcessingParameterField(field, self.tr(field_label), code, key, optional=True),
                "编号所在字段（默认为数据模型字段名）；留空或没有时识别常用名称，仍没有则按“赋予编码”编号 / the code field "
                "(the schema name by default); empty or absent: a usual name is recognised, else codes are assigned",
                advanced=True)
        add(QgsProcessingParameterBoolean(self.ASSIGN, self.tr("赋予编码"), True),
            "按包含关系和主轴顺序编号 / assign codes by containment and main-axis order")
        add(QgsProcessingParameterBoolean(self.OVERWRITE, self.tr("覆盖已有编码"), False),
            "否：有效且与上级一致的已有编码保留 / keep valid consistent codes when off")
        add(QgsProcessingParameterNumber(self.TOLERANCE, self.tr("重叠/空隙容差（平方米）"),
                                         QgsProcessingParameterNumber.Double, 0.01, minValue=0.0),
            "小于此面积的重叠和空隙不报告 / overlaps and gaps below this are ignored", advanced=True)
        add(QgsProcessingParameterNumber(self.SLIVER_AREA, self.tr("碎片面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 1.0, minValue=0.0),
            "小于此面积的要素报告为碎片 / features below this are slivers", advanced=True)
        for key, label in ((self.OUTPUT_CLUSTERS, "编码后的组团"), (self.OUTPUT_UNITS, "编码后的单元"),
                           (self.OUTPUT_PLOTS, "编码后的地块")):
            add(QgsProcessingParameterFeatureSink(key, self.tr(label), QgsProcessing.TypeVectorPolygon,
                                                  optional=True), "输入要素及编码 / input features with codes")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_FINDINGS, self.tr("问题清单"),
                                              QgsProcessing.TypeVectorPolygon),
            "重叠、空隙、碎片、越界、编码问题、无效几何 / topology and code findings")
        self.addOutput(QgsProcessingOutputNumber(self.N_ERRORS, self.tr("错误数")))
        self.addOutput(QgsProcessingOutputNumber(self.N_WARNINGS, self.tr("警告数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.layers import prepare_layer
        from ...algorithms.layout import assign_codes, check_hierarchy

        layers, crs = {}, None
        for key, _, _, field, _, code in self.LAYERS:
            gdf = bridge.read_with_fields(self, parameters, key, context, feedback, {code: (field, False)},
                                          required=False)
            if gdf is None:
                continue
            prepared = prepare_layer(gdf, layer=gdf.attrs["layer"], target_crs=crs, code_field=code)
            bridge.push_findings(feedback, prepared.findings)
            crs = prepared.measure_crs
            layers[key] = prepared.measured
        if not layers:
            raise QgsProcessingException("请至少提供一个图层 / give at least one layer")
        c, u, p = (layers.get(k) for k in (self.CLUSTERS, self.UNITS, self.PLOTS))
        if self.parameterAsBoolean(parameters, self.ASSIGN, context):
            overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
            done = iter(assign_codes(c, u, p, overwrite=overwrite))
            c, u, p = (next(done) if x is not None else None for x in (c, u, p))
        findings = check_hierarchy(c, u, p, tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
                                   sliver_area=self.parameterAsDouble(parameters, self.SLIVER_AREA, context))
        bridge.push_findings(feedback, findings)
        out = {self.OUTPUT_FINDINGS: bridge.write_findings(self, parameters, self.OUTPUT_FINDINGS, context, findings, crs),
               self.N_ERRORS: sum(f.severity == "error" for f in findings),
               self.N_WARNINGS: sum(f.severity == "warning" for f in findings)}
        for key, gdf, style in ((self.OUTPUT_CLUSTERS, c, "clusters"), (self.OUTPUT_UNITS, u, "units"),
                                (self.OUTPUT_PLOTS, p, "plots_ydyh_level1")):
            if gdf is not None and self.has_value(parameters, key):
                out[key] = bridge.gdf_to_sink(self, parameters, key, context, gdf, crs=crs)
                bridge.style_output(context, out[key], style)
        feedback.pushInfo(f"错误 {out[self.N_ERRORS]}，警告 {out[self.N_WARNINGS]} / errors, warnings")
        return out
