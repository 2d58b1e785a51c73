"""zutuan:subdivideplots — 单元划分地块: plots near a target area on the cadastral base, with road frontage."""
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import ZutuanAlgorithm


class SubdividePlots(ZutuanAlgorithm):
    INPUT = "INPUT"
    CADASTRE = "CADASTRE"
    SUPPLIED = "SUPPLIED"
    RESPECT_CADASTRE = "RESPECT_CADASTRE"
    ROADS = "ROADS"
    TARGET_AREA = "TARGET_AREA"
    MIN_AREA = "MIN_AREA"
    MAX_AREA = "MAX_AREA"
    MIN_WIDTH = "MIN_WIDTH"
    MAX_ASPECT = "MAX_ASPECT"
    OUTPUT = "OUTPUT"
    OUTPUT_FINDINGS = "OUTPUT_FINDINGS"
    N_PLOTS = "N_PLOTS"
    SHARE_FRONTAGE = "SHARE_FRONTAGE"
    RECTANGULARITY = "RECTANGULARITY"

    ID = "subdivideplots"
    DISPLAY = "单元划分地块"
    GROUP_ID = "layout"
    HELP_ZH = ("把单元划分为接近目标面积、介于最小与最大面积之间的地块（单元字段 DKMBMJ / DKZXMJ / DKZDMJ 可逐单元覆盖）。"
               "已供地宗地（按表达式判定，默认 GDZT = '已供地'；表达式有误或字段名拼错时停止并给出表达式的错误）"
               "原样保留为地块、不再切分；勾选“尊重宗地界线”时新地块不跨越宗地边界。其余部分沿最小外接矩形长边方向递归直线切分，切线位置按面积精确求解（CityEngine 地块细分方法），"
               "地块近似矩形；给出道路时优先使每个地块临路，输出不临路的地块清单。小于最小面积的零碎部分并入相邻地块。"
               "编号 Z01-01-01…；记录并返回质量指标（数量、面积最小/平均/最大、目标区间占比、临路占比、矩形度）。")
    HELP_EN = ("Cuts units into plots near a target area within [min, max] (per-unit overrides in DKMBMJ / DKZXMJ / "
               "DKZDMJ). Supplied parcels (an expression, by default GDZT = '已供地'; an invalid expression or a "
               "misspelt field stops the run with the expression's error) are kept intact as plots; with "
               "'respect cadastre' new plots do not cross parcel boundaries. The rest is cut recursively across the "
               "long side of the oriented bounding box with cut positions solved exactly for area (CityEngine's parcel "
               "subdivision), giving near-rectangular plots; with roads, cuts keep plots on a road-facing edge where "
               "the shape allows and plots without frontage are reported. Offcuts below the minimum merge into a "
               "neighbour. Codes Z01-01-01…; quality figures are logged and returned.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("单元图层"), [QgsProcessing.TypeVectorPolygon]),
            "单元面（DYBH 单元编号）/ unit polygons")
        add(QgsProcessingParameterFeatureSource(self.CADASTRE, self.tr("宗地图层（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "现状宗地 / cadastral parcels")
        add(QgsProcessingParameterExpression(self.SUPPLIED, self.tr("已供地判定表达式"), "\"GDZT\" = '已供地'",
                                             self.CADASTRE, optional=True),
            "为真的宗地原样保留为地块 / parcels for which this is true are kept intact")
        add(QgsProcessingParameterBoolean(self.RESPECT_CADASTRE, self.tr("尊重宗地界线"), True),
            "新地块不跨越宗地边界 / new plots do not cross parcel boundaries")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路（可选，红线面或中心线）"),
                                                [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorLine],
                                                optional=True),
            "用于判断临路；中心线按 HXKD 半宽 / used for frontage; centre lines use half of HXKD")
        add(QgsProcessingParameterNumber(self.TARGET_AREA, self.tr("目标地块面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 10000.0),
            "必须大于 0 / must be greater than 0")
        add(QgsProcessingParameterNumber(self.MIN_AREA, self.tr("最小地块面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 5000.0, minValue=0.0),
            "小于此面积的零碎部分并入相邻地块 / smaller offcuts merge into a neighbour")
        add(QgsProcessingParameterNumber(self.MAX_AREA, self.tr("最大地块面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 30000.0, minValue=0.0),
            "不得小于目标面积 / not below the target")
        add(QgsProcessingParameterNumber(self.MIN_WIDTH, self.tr("最小宽度/临路宽度（米）"),
                                         QgsProcessingParameterNumber.Double, 0.0, minValue=0.0),
            "0 表示不限；较窄的地块列入问题清单 / 0 = no limit; narrower plots are reported", advanced=True)
        add(QgsProcessingParameterNumber(self.MAX_ASPECT, self.tr("最大长宽比"), QgsProcessingParameterNumber.Double,
                                         0.0, minValue=0.0),
            "0 表示不限 / 0 = no limit", advanced=True)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("地块"), QgsProcessing.TypeVectorPolygon),
            "DKBH 编号、DYBH、ZTBH、继承单元属性、YDMJ、GDZT / plots")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_FINDINGS, self.tr("问题清单"),
                                              QgsProcessing.TypeVectorPolygon, optional=True),
            "不临路、过窄、面积超限、小单元等 / no frontage, narrow, area out of range, small units")
        self.addOutput(QgsProcessingOutputNumber(self.N_PLOTS, self.tr("地块数")))
        self.addOutput(QgsProcessingOutputNumber(self.SHARE_FRONTAGE, self.tr("临路地块占比")))
        self.addOutput(QgsProcessingOutputNumber(self.RECTANGULARITY, self.tr("平均矩形度")))

    def _supplied(self, parameters, context, cadastre, feedback):
        """One bool per parcel (in the order read) from the expression, evaluated in the algorithm's own
        expression context plus the cadastre's scope; None without an expression. A parser or evaluation error
        (e.g. a misspelt field) stops the run with the expression's message; cancelling is honoured."""
        from ...algorithms.errors import CancelledError, InputError

        text = self.parameterAsExpression(parameters, self.SUPPLIED, context)
        if not text:
            return None
        source = self.parameterAsSource(parameters, self.CADASTRE, context)
        expr = QgsExpression(text)

        def bad(reason):
            return InputError("E_EXPRESSION", name=self.SUPPLIED, expression=text, reason=reason)

        if expr.hasParserError():
            raise bad(expr.parserErrorString())
        ectx = QgsExpressionContext(context.expressionContext())
        ectx.appendScope(source.createExpressionContextScope())
        if not expr.prepare(ectx) and expr.hasEvalError():
            raise bad(expr.evalErrorString())
        flags = {}
        for feat in source.getFeatures():
            if feedback is not None and feedback.isCanceled():
                raise CancelledError()
            ectx.setFeature(feat)
            value = expr.evaluate(ectx)
            if expr.hasEvalError():
                raise bad(f"{expr.evalErrorString()}（要素 / feature {feat.id()}）")
            flags[feat.id()] = bool(value)
        return [flags.get(fid, False) for fid in cadastre.index]

    def run_engine(self, parameters, context, feedback):
        import math

        from ...algorithms.layers import prepare_layer
        from ...algorithms.layout import subdivide_plots

        gdf = bridge.read_polygons(self, parameters, self.INPUT, context, feedback)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"], code_field="DYBH")
        crs = layer.measure_crs
        cadastre = bridge.read_polygons(self, parameters, self.CADASTRE, context, feedback, required=False)
        supplied = None
        if cadastre is not None:
            supplied = self._supplied(parameters, context, cadastre, feedback)
            cadastre = cadastre.to_crs(crs)
        aspect = self.parameterAsDouble(parameters, self.MAX_ASPECT, context)
        plots, findings, q = subdivide_plots(
            layer.measured, cadastre, supplied=supplied,
            respect_cadastre=self.parameterAsBoolean(parameters, self.RESPECT_CADASTRE, context),
            roads=bridge.read_any(self, parameters, self.ROADS, context, feedback, crs),
            target_area=self.parameterAsDouble(parameters, self.TARGET_AREA, context),
            min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            max_area=self.parameterAsDouble(parameters, self.MAX_AREA, context),
            min_width=self.parameterAsDouble(parameters, self.MIN_WIDTH, context),
            max_aspect=aspect if aspect > 0 else math.inf,
            progress=bridge.progress_from_feedback(feedback, 10, 90))
        findings = layer.findings + findings
        bridge.push_findings(feedback, findings)
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, plots, crs=crs, feedback=feedback)
        bridge.style_output(context, dest, "plots_ydyh_level1")
        out = {self.OUTPUT: dest, self.N_PLOTS: len(plots), self.SHARE_FRONTAGE: q.get("share_with_frontage"),
               self.RECTANGULARITY: q.get("rectangularity_mean")}
        fdest = bridge.write_findings(self, parameters, self.OUTPUT_FINDINGS, context, findings, crs)
        if fdest:
            out[self.OUTPUT_FINDINGS] = fdest
        return out
