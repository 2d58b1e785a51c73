"""zutuan:phasing — 滚动开发分期: KFFQ per unit/plot and the phase table."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
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
    ROAD_LENGTH_FIELD = "ROAD_LENGTH_FIELD"
    PLAN = "PLAN"
    ALLOW_BLOCKED = "ALLOW_BLOCKED"
    PLOT_FIELDS = {"DKBH": False, "DYBH": False, "GDZT": False}  # plots of one unit are phased together

    def add_phasing_parameters(self):
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("地块或单元图层"), [QgsProcessing.TypeVectorPolygon]),
            "要分期的地块（同一单元 DYBH 的地块一起分期）或单元；带一张图审查结果（SCJL、CT_*）时，禁止性规则不合规的"
            "需调整用地不分期、不征地、不出让；YDMJ 为空时按几何量算 / plots (a unit's plots phased together) or units; "
            "with the master-plan check's results, land a prohibiting rule rejects is set apart")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路（可选）"), [QgsProcessing.TypeVectorAnyGeometry],
                                                optional=True),
            "道路中心线或道路红线面：按等级计算道路投资；已建道路作为分期起点 / road centre lines or corridors")
        add(QgsProcessingParameterField(self.ROAD_CLASS_FIELD, self.tr("道路等级字段"), parentLayerParameterName=self.ROADS,
                                        optional=True),
            "取值如 主干路/次干路/支路，对应参数文件 costs.roads_per_km / road class matching the parameter file")
        add(QgsProcessingParameterField(self.ROAD_LENGTH_FIELD, self.tr("道路长度字段（米）"),
                                        parentLayerParameterName=self.ROADS, optional=True),
            "道路红线面的中心线长度，如 zutuan:subdivideunits 输出的 DLCD；留空按几何量算 / centre-line length (m), "
            "e.g. DLCD of the road corridors; empty: measured")
        add(QgsProcessingParameterField(self.ROAD_STATUS_FIELD, self.tr("道路建设状态字段"),
                                        parentLayerParameterName=self.ROADS, optional=True),
            "取值 已建/已建成/建成/现状 的道路视为已建：不计投资，作为分期起点 / built roads seed the phases")
        add(QgsProcessingParameterFeatureSource(self.INFRASTRUCTURE, self.tr("其他已建基础设施（可选）"),
                                                [QgsProcessing.TypeVectorAnyGeometry], optional=True),
            "已建的管网、场站等，分期从其附近开始 / other built infrastructure the phases grow from")
        self.add_field_parameters(("DKBH", "DYBH", "GDZT"))  # a unit's plots together; 已供地 land goes first
        add(QgsProcessingParameterField(self.SERVICED_FIELD, self.tr("已完成七通一平字段"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            "取值 是/已完成 的用地优先，且不再计七通一平费用 / serviced land goes next and needs no site preparation")
        add(QgsProcessingParameterField(self.PIN_FIELD, self.tr("指定分期字段"), defaultValue="KFFQ",
                                        parentLayerParameterName=self.INPUT, optional=True),
            "正整数即固定为该期 / a positive phase number pins the unit to that phase")
        add(QgsProcessingParameterFile(self.PLAN, self.tr("规划数据库（可选）"), extension="gpkg", optional=True),
            "读取元数据中的编制年份（测算起始年）与基准年；未给出时取当前年 / the plan GeoPackage: its year starts the "
            "cash flow and its base year dates the targets; without it the current year is used")
        add(QgsProcessingParameterBoolean(self.ALLOW_BLOCKED, self.tr("需调整用地仍纳入分期"), defaultValue=False),
            "勾选后一张图禁止性规则不合规的用地（如待边界校核）仍分期、征地、出让，各输出均标注 / phase land that a "
            "prohibiting rule rejects anyway (e.g. pending a boundary correction); every output marks it")
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

    def _params(self, parameters, context, feedback, overrides=None, dates=None):
        """The parameter file, with the dates resolved from the plan's metadata (logged: which applies)."""
        from ...algorithms.feasibility import load_params
        from ...algorithms.feasibility.params import resolve_dates
        from ...algorithms.plan import read_metadata

        params = load_params(self.parameterAsFile(parameters, self.PARAMS, context) or None, overrides)
        plan = self.parameterAsFile(parameters, self.PLAN, context)
        meta = None
        if plan:
            try:
                meta = read_metadata(plan)
            except Exception as err:  # noqa: BLE001 - any reading failure is the same message to the user
                from ...algorithms.errors import InputError
                raise InputError("E_READ", path=plan, reason=f"规划元数据表 plan_metadata 无法读取 / {err}") from None
        params = resolve_dates(params, metadata=meta, **(dates or {}))
        d = params["_dates"]
        feedback.pushInfo(f"测算起始 / start {d['start']}（{d['start_source']}）；基准年 / base year {d['base_year']}"
                          f"（{d['base_source']}）")
        return params

    def run_phasing(self, parameters, context, feedback, progress, overrides=None, dates=None):
        """Read the inputs, run the engine's phasing; returns (prepared layer, PhasingResult)."""
        from ...algorithms.feasibility import phasing
        from ...algorithms.layers import prepare_layer

        gdf = self.read_plot_layer(parameters, context, feedback)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"])
        bridge.push_findings(feedback, layer.findings)
        roads = self._any_source(parameters, self.ROADS, context, feedback)
        infra = self._any_source(parameters, self.INFRASTRUCTURE, context, feedback)
        params = self._params(parameters, context, feedback, overrides, dates)
        result = phasing(
            layer.measured, params=params, roads=roads, infrastructure=infra,
            road_length_field=self._field(parameters, self.ROAD_LENGTH_FIELD, context),
            allow_blocked=self.parameterAsBoolean(parameters, self.ALLOW_BLOCKED, context),
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
    HELP_ZH = ("按“开发一片、成熟一片、收益一片”把地块（同一单元的地块一起）或单元分到开发分期，写入 KFFQ、开发状态 KFZT 与说明 "
               "KFSM，并输出分期表（每期单元数、地块数、面积、已供地、待出让、新建道路、投资、需核实地块数、启动与成熟季度，"
               "合计行，以及未分期的需调整用地）。输入带一张图审查结果时，生态保护红线、永久基本农田、城镇开发边界外、规划分区"
               "不允许等禁止性规则判为不合规的地块整块作为“需调整用地”：不分期、不计征地、不出让（勾选“需调整用地仍纳入分期”"
               "则照常分期并在各输出标注）；需核实的地块照常分期并标注；已供地不计征地、不再出让，最先安排。其次已完成七通一平"
               "的用地，然后从已建道路/基础设施起与已分期用地相邻地扩展；每期不超过规模上限（只有一个不可拆分的单元大于规模时"
               "例外并提示）；KFFQ 已填正整数且每期不超规模时保持该期，否则按其数值作为开发顺序拆分。道路投资按道路图层的"
               "等级与长度字段（如道路红线面的 DLCD）；开发主体自建标准厂房的用地比例与造价按地块用地类别（参数文件 land_use 表），"
               "建筑面积按地块容积率下限 RJLXX。测算起始年与基准年取规划数据库元数据（编制年份 BZNF、基准年 JZNF），"
               "未给出时取当前年并在日志中说明。参数（造价、地价、去化速度…）来自 YAML 参数文件，默认值仅为示意性假设。")
    HELP_EN = ("Assigns plots (a unit's plots together) or units to development phases and writes KFFQ, the development "
               "status KFZT and its note KFSM, plus a phase table (units, plots, area, supplied and sellable land, new "
               "road, investment, plots to verify, start and maturity quarter, a total row and the land set apart). "
               "With the master-plan check's results, a plot that a prohibiting rule (ecological red line, permanent "
               "farmland, outside the urban boundary, a zone that does not allow the use) makes non-compliant is set "
               "apart whole: not phased, no acquisition cost, no sale (or phased and marked everywhere when 'phase "
               "land set apart anyway' is ticked); plots to verify are phased and marked; supplied land carries no "
               "acquisition and no sale and goes first. Then serviced land, then land contiguous with what is assigned, "
               "growing from built roads and infrastructure; each phase stays within its capacity (except one "
               "indivisible unit larger than it, reported); a positive KFFQ keeps its phase when the pinned phases fit "
               "the capacity, otherwise it is read as an order. Road cost comes from the road layer's class and length "
               "fields (e.g. DLCD of the corridors); the developer's standard factories take the share and cost of "
               "each plot's land-use class (land_use in the parameter file) and the plot's RJLXX as their FAR. The start year and base year come from the plan's metadata (BZNF, "
               "JZNF), else the current year, as the log says. Parameters come from a YAML file whose defaults are "
               "illustrative assumptions.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_phasing_parameters()
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("分期结果"), QgsProcessing.TypeVectorPolygon),
                       "输入要素及开发分期字段 KFFQ / input features with KFFQ")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_PHASES, self.tr("分期表"),
                                                             "CSV (*.csv);;Excel (*.xlsx)", optional=True),
                       "每期一行：面积、单元数、投资（万元）、启动与成熟季度 / one row per phase")
        self.addOutput(QgsProcessingOutputNumber(self.PHASE_COUNT, self.tr("分期数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility.tables import phase_sheet, set_apart_sheet, write_tables

        progress = bridge.progress_from_feedback(feedback, 10, 90)
        layer, result = self.run_phasing(parameters, context, feedback, progress)
        bridge.push_findings(feedback, result.findings)
        out = layer.source.copy()
        for col in ("KFFQ", "KFZT", "KFSM"):
            out[col] = result.layer[col].reindex(out.index)
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, out, crs=layer.crs, feedback=feedback)
        bridge.style_output(context, dest)
        outputs = {self.OUTPUT: dest, self.PHASE_COUNT: len(result.phases)}
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_PHASES, context)
        if path:
            sheets = {"分期表": phase_sheet(result.phases, result.set_apart)}
            if len(result.set_apart) and path.lower().endswith(".xlsx"):
                sheets["需调整用地"] = set_apart_sheet(result.set_apart)
            outputs[self.OUTPUT_PHASES] = write_tables(path, sheets)
        for _, r in result.phases.iterrows():
            feedback.pushInfo(f"第 {r['KFFQ']} 期 / phase {r['KFFQ']}: {r['area_ha']:.2f} 公顷, {r['units']} 单元, "
                              f"{r['plots']} 地块, 已供地 {r['supplied_ha']:.2f} 公顷, 道路 {r['road_km']:.2f} km, "
                              f"投资 {r['investment']:.0f} 万元, {r['start']} → {r['mature']}")
        if len(result.set_apart):
            feedback.pushWarning(f"需调整用地（未分期）/ set apart: {len(result.set_apart)} 地块 "
                                 f"{result.set_apart['area_ha'].sum():.2f} 公顷")
        return outputs
