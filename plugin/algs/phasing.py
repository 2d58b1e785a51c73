"""zutuan:phasing — 滚动开发分期: KFFQ per unit/plot and the phase table."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm


class PhasingInputs(PlotLayer):
    """Parameters shared by zutuan:phasing and zutuan:cashflow, and the one phasing call both make."""

    ROADS = "ROADS"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    ROAD_STATUS_FIELD = "ROAD_STATUS_FIELD"
    INFRASTRUCTURE = "INFRASTRUCTURE"
    SERVICED_FIELD = "SERVICED_FIELD"
    PIN_FIELD = "PIN_FIELD"
    PARAMS = "PARAMS"
    CAPACITY_HA = "CAPACITY_HA"
    MATURITY_THRESHOLD = "MATURITY_THRESHOLD"
    PLOT_FIELDS = {"GDZT": False}

    def add_phasing_parameters(self):
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("单元或地块图层"), [QgsProcessing.TypeVectorPolygon]),
            "要分期的单元（或地块）；YDMJ 为空时按几何量算 / units or plots to phase")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路（可选）"), [QgsProcessing.TypeVectorAnyGeometry],
                                                optional=True),
            "道路中心线或道路红线面：按等级计算道路投资；已建道路作为分期起点 / road centre lines or corridors")
        add(QgsProcessingParameterField(self.ROAD_CLASS_FIELD, self.tr("道路等级字段"), parentLayerParameterName=self.ROADS,
                                        optional=True),
            "取值如 主干路/次干路/支路，对应参数文件 costs.roads_per_km / road class matching the parameter file")
        add(QgsProcessingParameterField(self.ROAD_STATUS_FIELD, self.tr("道路建设状态字段"),
                                        parentLayerParameterName=self.ROADS, optional=True),
            "取值 已建/已建成/建成/现状 的道路视为已建：不计投资，作为分期起点 / built roads seed the phases")
        add(QgsProcessingParameterFeatureSource(self.INFRASTRUCTURE, self.tr("其他已建基础设施（可选）"),
                                                [QgsProcessing.TypeVectorAnyGeometry], optional=True),
            "已建的管网、场站等，分期从其附近开始 / other built infrastructure the phases grow from")
        self.add_field_parameters(("GDZT",))  # 已供地 land goes first
        add(QgsProcessingParameterField(self.SERVICED_FIELD, self.tr("已完成七通一平字段"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            "取值 是/已完成 的用地优先，且不再计七通一平费用 / serviced land goes next and needs no site preparation")
        add(QgsProcessingParameterField(self.PIN_FIELD, self.tr("指定分期字段"), defaultValue="KFFQ",
                                        parentLayerParameterName=self.INPUT, optional=True),
            "正整数即固定为该期 / a positive phase number pins the unit to that phase")
        add(QgsProcessingParameterFile(self.PARAMS, self.tr("测算参数文件（YAML，可选）"), extension="yaml",
                                       optional=True),
            "只写需要改的键，其余取 resources/feasibility/default_params.yaml（示意值，须替换） / YAML overrides")
        add(QgsProcessingParameterNumber(self.CAPACITY_HA, self.tr("每期规模（公顷，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0001),
            "覆盖参数文件中的 phasing.capacity_ha / overrides phasing.capacity_ha")
        add(QgsProcessingParameterNumber(self.MATURITY_THRESHOLD, self.tr("成熟阈值（0–1，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0001,
                                         maxValue=1.0),
            "前一期土地供应比例达到该值后开启下一期 / share of a phase's land supplied before the next opens")

    def _field(self, parameters, key, context):
        value = self.parameterAsFields(parameters, key, context)
        return value[0] if value else None

    def _number(self, parameters, key, context):
        if not self.has_value(parameters, key):
            return None
        return self.parameterAsDouble(parameters, key, context)

    def run_phasing(self, parameters, context, feedback, progress, overrides=None):
        """Read the inputs, run the engine's phasing; returns (prepared layer, PhasingResult)."""
        from ...algorithms.feasibility import load_params, phasing
        from ...algorithms.layers import prepare_layer

        gdf = self.read_plot_layer(parameters, context, feedback)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"])
        bridge.push_findings(feedback, layer.findings)
        roads = self._any_source(parameters, self.ROADS, context, feedback)
        infra = self._any_source(parameters, self.INFRASTRUCTURE, context, feedback)
        params = load_params(self.parameterAsFile(parameters, self.PARAMS, context) or None, overrides)
        result = phasing(
            layer.measured, params=params, roads=roads, infrastructure=infra,
            road_class_field=self._field(parameters, self.ROAD_CLASS_FIELD, context),
            road_status_field=self._field(parameters, self.ROAD_STATUS_FIELD, context),
            supplied_field=self.found(gdf, "GDZT"),
            serviced_field=self._field(parameters, self.SERVICED_FIELD, context),
            pin_field=self._field(parameters, self.PIN_FIELD, context),
            capacity_ha=self._number(parameters, self.CAPACITY_HA, context),
            maturity_threshold=self._number(parameters, self.MATURITY_THRESHOLD, context), progress=progress)
        return layer, result

    def _any_source(self, parameters, key, context, feedback):
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None
        return bridge.source_to_gdf(source, layer=source.sourceName() or key, feedback=feedback,
                                    require_features=False)


class Phasing(PhasingInputs, ZutuanAlgorithm):
    OUTPUT = "OUTPUT"
    OUTPUT_PHASES = "OUTPUT_PHASES"
    PHASE_COUNT = "PHASE_COUNT"

    ID = "phasing"
    DISPLAY = "滚动开发分期"
    GROUP_ID = "feasibility"
    HELP_ZH = ("按“开发一片、成熟一片、收益一片”把单元（或地块）分到开发分期，写入 KFFQ，并输出分期表（面积、单元数、地块数、"
               "投资、启动与成熟季度）。已供地的用地最先，其次已完成七通一平的用地，然后从已建道路/基础设施起与已分期用地"
               "相邻地扩展；每期不超过规模上限；前一期土地供应比例达到成熟阈值后下一期才启动。KFFQ 已填正整数的单元保持"
               "该期。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设，须以本开发区数据替换。")
    HELP_EN = ("Assigns units (or plots) to development phases and writes KFFQ, plus a phase table (area, units, plots, "
               "investment, start and maturity quarter). Land already supplied comes first, then serviced land, then "
               "land contiguous with what is assigned, growing from built roads and infrastructure; each phase stays "
               "within its capacity, and the next phase opens when the previous one has supplied its threshold share "
               "of land. Units with a positive KFFQ keep that phase. Parameters come from a YAML file whose defaults "
               "are illustrative assumptions to be replaced by the zone's own figures.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_phasing_parameters()
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("分期结果"), QgsProcessing.TypeVectorPolygon),
                       "输入要素及开发分期字段 KFFQ / input features with KFFQ")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_PHASES, self.tr("分期表"),
                                                             "CSV (*.csv);;Excel (*.xlsx)", optional=True),
                       "每期一行：面积、单元数、投资（万元）、启动与成熟季度 / one row per phase")
        self.addOutput(QgsProcessingOutputNumber(self.PHASE_COUNT, self.tr("分期数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility.tables import phase_sheet, write_tables

        progress = bridge.progress_from_feedback(feedback, 10, 90)
        layer, result = self.run_phasing(parameters, context, feedback, progress)
        bridge.push_findings(feedback, result.findings)
        out = layer.source.copy()
        out["KFFQ"] = result.units["KFFQ"].reindex(out.index)
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, out, crs=layer.crs, feedback=feedback)
        bridge.style_output(context, dest)
        outputs = {self.OUTPUT: dest, self.PHASE_COUNT: len(result.phases)}
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_PHASES, context)
        if path:
            outputs[self.OUTPUT_PHASES] = write_tables(path, {"分期表": phase_sheet(result.phases)})
        for _, r in result.phases.iterrows():
            feedback.pushInfo(f"第 {r['KFFQ']} 期 / phase {r['KFFQ']}: {r['area_ha']:.2f} 公顷, {r['units']} 单元, "
                              f"投资 {r['investment']:.0f} 万元, {r['start']} → {r['mature']}")
        return outputs
