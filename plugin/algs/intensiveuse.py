"""zutuan:intensiveuse — 开发区土地集约利用评价 (TD/T 1029-2017): indicator values per zone and cluster."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm


class IntensiveUse(PlotLayer, ZutuanAlgorithm):
    SCENARIO = "SCENARIO"
    ZONE_TYPE = "ZONE_TYPE"
    SERVICED_FIELD = "SERVICED_FIELD"
    BUILT_FIELD = "BUILT_FIELD"
    FLOOR_AREA_FIELD = "FLOOR_AREA_FIELD"
    FOOTPRINT_FIELD = "FOOTPRINT_FIELD"
    COVERAGE_FIELD = "COVERAGE_FIELD"
    ASSETS_FIELD = "ASSETS_FIELD"
    TAX_FIELD = "TAX_FIELD"
    ZONE_AREA_HA = "ZONE_AREA_HA"
    OUTPUT = "OUTPUT"
    COMPUTED = "COMPUTED"
    MISSING = "MISSING"
    PLOT_FIELDS = {"YDYHFLDM": False, "DKBH": False, "ZTBH": False, "GDZT": False}

    ID = "intensiveuse"
    DISPLAY = "开发区土地集约利用评价"
    GROUP_ID = "feasibility"
    HELP_ZH = ("按 TD/T 1029-2017《开发区土地集约利用评价规程》计算全区和各组团的土地开发率、土地供应率、土地建成率、工业用地率、"
               "综合容积率、建筑密度、工业用地综合容积率、工业用地建筑系数、工业用地固定资产投入强度、工业用地地均税收、综合地均"
               "税收。“现状”方式从所选字段读取供地条件、建成状态、建筑面积、基底面积、固定资产和税收；“规划”方式按规划建成后"
               "计算，取控制指标下限（JRJZMJ/RJLXX、JZMDXX、JZXS、ZDTZE/TZQD、DJSS），一张图审查禁止的需调整用地不开发（与分期、"
               "现金流一致；仍计入土地总面积）。缺少的输入在表中标为“缺少输入”，"
               "不作假设。公式取自试行规程的实现，尚未与 TD/T 1029-2017 正文逐条核对（见 resources/feasibility/intensive_use.yaml）。"
               "其他来源的图层：在字段参数中选择用地代码、组团编号、供地状态等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "缺少的字段在日志中说明，依赖它的指标为“缺少输入”。")
    HELP_EN = ("Computes the TD/T 1029-2017 land intensive-use indicators of a development zone for the whole zone and "
               "for each cluster: land development, supply and built-up rates, industrial land share, floor-area ratio, "
               "building density, industrial floor-area ratio and building coefficient, industrial fixed-asset and tax "
               "intensity, and overall tax per hectare. 'Status' reads the fields you choose; 'plan' evaluates the plan "
               "at completion from the control minimums, without the land a prohibiting rule of the master-plan check sets "
               "apart (not developed, as in the phasing and the cash flow; it stays in the zone's area). Missing inputs "
               "are reported as such, never assumed. The "
               "formulas come from an implementation of the trial rules and are not yet checked against the standard. "
               "Layers from elsewhere: choose the land-use code, cluster code, supply status and other fields in the field "
               "parameters, or leave them empty to have the usual names recognised "
               "(resources/standards/field_variants.csv); a missing field is named in the log and the indicators that "
               "need it are 'missing input'.")

    SCENARIOS = ("status", "plan")
    ZONE_TYPES = (None, "工业主导型", "产城融合型")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param

        def field(key, label, help_text):
            add(QgsProcessingParameterField(key, self.tr(label), parentLayerParameterName=self.INPUT, optional=True),
                help_text)

        self.add_plot_layer("地块或现状用地图层", "带用地用海分类代码的面图层 / polygons with a land-use code")
        add(QgsProcessingParameterEnum(self.SCENARIO, self.tr("评价对象"), [self.tr("现状"), self.tr("规划建成后")],
                                       defaultValue=0), "现状：读取所选字段；规划：按控制指标下限 / status or plan")
        add(QgsProcessingParameterEnum(self.ZONE_TYPE, self.tr("开发区类型"),
                                       [self.tr("未指定"), self.tr("工业主导型"), self.tr("产城融合型")], defaultValue=0),
            "两类开发区分别评价 / the two types are evaluated separately")
        field(self.SERVICED_FIELD, "已达到供地条件字段", "取值 是/已达到供地条件/已完成 / ready for supply")
        field(self.BUILT_FIELD, "建成状态字段", "取值 已建/已建成/建成/现状 / built")
        field(self.FLOOR_AREA_FIELD, "总建筑面积字段（m²）", "每个要素上的总建筑面积 / floor area per feature, m²")
        field(self.FOOTPRINT_FIELD, "建筑基底面积字段（m²）", "建筑基底占地面积 / building footprint, m²")
        field(self.COVERAGE_FIELD, "建筑物构筑物堆场占地字段（m²）", "用于工业用地建筑系数 / for the building coefficient")
        field(self.ASSETS_FIELD, "固定资产投资字段（万元）", "工业（物流）企业累计固定资产投资 / fixed assets, 万元")
        field(self.TAX_FIELD, "税收字段（万元）", "企业年税收 / annual taxes, 万元")
        add(QgsProcessingParameterNumber(self.ZONE_AREA_HA, self.tr("开发区土地总面积（公顷，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            "留空则为输入要素面积之和 / empty: the sum of the input features")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("评价表"), "Excel (*.xlsx);;CSV (*.csv)"),
            "每个层级（全区、组团）每个指标一行 / one row per level and indicator")
        self.addOutput(QgsProcessingOutputNumber(self.COMPUTED, self.tr("已计算指标数")))
        self.addOutput(QgsProcessingOutputNumber(self.MISSING, self.tr("缺少输入的指标数")))

    def _field(self, parameters, key, context):
        value = self.parameterAsFields(parameters, key, context)
        return value[0] if value else None

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility import intensive_use
        from ...algorithms.feasibility.tables import intensive_use_sheets, write_tables
        from ...algorithms.layers import prepare_layer

        gdf = self.read_plot_layer(parameters, context, feedback)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"])
        bridge.push_findings(feedback, layer.findings)
        area = parameters.get(self.ZONE_AREA_HA)
        f = lambda key: self._field(parameters, key, context)  # noqa: E731
        res = intensive_use(
            layer.measured, scenario=self.SCENARIOS[self.parameterAsEnum(parameters, self.SCENARIO, context)],
            zone_type=self.ZONE_TYPES[self.parameterAsEnum(parameters, self.ZONE_TYPE, context)],
            supplied_field=self.found(gdf, "GDZT") or "", serviced_field=f(self.SERVICED_FIELD),
            built_field=f(self.BUILT_FIELD), floor_area_field=f(self.FLOOR_AREA_FIELD),
            footprint_field=f(self.FOOTPRINT_FIELD), coverage_field=f(self.COVERAGE_FIELD),
            assets_field=f(self.ASSETS_FIELD), tax_field=f(self.TAX_FIELD),
            zone_area_ha=None if area in (None, "") else self.parameterAsDouble(parameters, self.ZONE_AREA_HA, context))
        bridge.push_findings(feedback, res.findings)
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT, context), intensive_use_sheets(res))
        zone = res.table[res.table["level"].str.startswith("开发区")]
        for _, r in zone.iterrows():
            shown = "—" if r["value"] != r["value"] else f"{r['value']:.2f} {r['unit']}"
            feedback.pushInfo(f"{r['indicator']}: {shown} ({r['status']})")
        computed = int(zone["status"].str.startswith("已计算").sum())
        return {self.OUTPUT: path, self.COMPUTED: computed,
                self.MISSING: int(zone["status"].str.startswith("缺少").sum())}
