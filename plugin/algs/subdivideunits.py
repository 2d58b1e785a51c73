"""zutuan:subdivideunits — 组团划分单元: road corridors cut out of the clusters, the rest split into units."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import bridge
from .base import ZutuanAlgorithm


def parse_widths(text):
    """'主干路:40, 次干路:30' → {'主干路': 40.0, '次干路': 30.0}; raises InputError on a bad entry."""
    from ...algorithms.errors import InputError

    out = {}
    for item in (text or "").replace("，", ",").replace("：", ":").split(","):
        if not item.strip():
            continue
        name, _, value = item.partition(":")
        try:
            w = float(value)
        except ValueError:
            w = -1.0
        if not name.strip() or w <= 0:
            raise InputError("E_BAD_PARAMETER", name="CLASS_WIDTHS", value=item.strip(),
                             reason_zh="格式应为 等级:宽度，如 主干路:40", reason_en="use class:width, e.g. 主干路:40")
        out[name.strip()] = w
    return out


class SubdivideUnits(ZutuanAlgorithm):
    INPUT = "INPUT"
    ROADS = "ROADS"
    CLASS_FIELD = "CLASS_FIELD"
    WIDTH_FIELD = "WIDTH_FIELD"
    CLASS_WIDTHS = "CLASS_WIDTHS"
    MIN_UNIT_AREA = "MIN_UNIT_AREA"
    MAX_UNIT_AREA = "MAX_UNIT_AREA"
    OUTPUT = "OUTPUT"
    OUTPUT_ROADS = "OUTPUT_ROADS"
    OUTPUT_FINDINGS = "OUTPUT_FINDINGS"
    N_UNITS = "N_UNITS"
    ROAD_AREA = "ROAD_AREA"

    ID = "subdivideunits"
    DISPLAY = "组团划分单元"
    GROUP_ID = "layout"
    HELP_ZH = ("先按规划道路中心线和红线宽度（宽度字段，或按道路等级的默认宽度）从组团中扣除道路红线用地，交叉口无碎片、"
               "道路与单元之间无缝隙，道路单独输出（等级、宽度、长度、面积）；其余部分成为单元。大于最大单元面积的部分"
               "沿其主方向用直线等分为近似矩形的单元，小于最小单元面积的碎片并入同一组团内共边最长的相邻单元（或道路）。"
               "单元继承组团属性，编号 Z01-01… 沿组团主轴方向排列，重复运行结果相同。在投影米制坐标系中计算并输出。")
    HELP_EN = ("Cuts the planned road corridors (centre lines buffered by their red-line width, from a width field or "
               "per-class defaults) out of the clusters, with clean junctions and no gaps, and returns them as their "
               "own layer (class, width, length, area); the rest becomes units. Pieces above the maximum unit area are "
               "cut into near-rectangular units along their main orientation; pieces below the minimum merge into the "
               "neighbouring unit (or road) of the same cluster sharing the longest edge. Units inherit the cluster's "
               "attributes; codes Z01-01… follow the cluster's main axis and are stable across runs. Computed and "
               "written in a projected metre CRS.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("组团图层"), [QgsProcessing.TypeVectorPolygon]),
            "组团面（ZTBH 组团编号；缺失时按顺序编号）/ cluster polygons")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("规划道路中心线（可选）"),
                                                [QgsProcessing.TypeVectorLine], optional=True),
            "道路中心线，带等级和/或红线宽度字段 / planned road centre lines")
        add(QgsProcessingParameterField(self.CLASS_FIELD, self.tr("道路等级字段"), "DLDJ", self.ROADS, optional=True),
            "如 主干路 / 次干路 / 支路 / road class field")
        add(QgsProcessingParameterField(self.WIDTH_FIELD, self.tr("红线宽度字段（米）"), "HXKD", self.ROADS,
                                        QgsProcessingParameterField.Numeric, optional=True),
            "有值时优先于等级默认宽度 / overrides the class default when set")
        add(QgsProcessingParameterString(self.CLASS_WIDTHS, self.tr("等级默认红线宽度（米）"),
                                         "主干路:40,次干路:30,支路:20"),
            "等级:宽度，逗号分隔；可编辑 / class:width pairs, editable")
        add(QgsProcessingParameterNumber(self.MIN_UNIT_AREA, self.tr("最小单元面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 10000.0, minValue=0.0),
            "小于此面积的碎片并入相邻单元 / smaller pieces merge into a neighbour")
        add(QgsProcessingParameterNumber(self.MAX_UNIT_AREA, self.tr("最大单元面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 200000.0, minValue=1.0),
            "大于此面积的部分继续划分 / larger pieces are split further")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("单元"), QgsProcessing.TypeVectorPolygon),
            "单元，DYBH 编号、继承组团属性、YDMJ 面积 / units")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_ROADS, self.tr("道路红线用地"),
                                              QgsProcessing.TypeVectorPolygon, optional=True),
            "ZTBH、DLDJ 等级、HXKD 宽度、DLCD 长度、YDMJ 面积 / road corridors")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_FINDINGS, self.tr("问题清单"),
                                              QgsProcessing.TypeVectorPolygon, optional=True),
            "几何修复、碎片、无宽度道路等 / repairs, small pieces, roads without width")
        self.addOutput(QgsProcessingOutputNumber(self.N_UNITS, self.tr("单元数")))
        self.addOutput(QgsProcessingOutputNumber(self.ROAD_AREA, self.tr("道路红线用地面积（平方米）")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.layers import prepare_layer
        from ...algorithms.layout import subdivide_units

        gdf = bridge.read_polygons(self, parameters, self.INPUT, context, feedback)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"], code_field="ZTBH")
        crs = layer.measure_crs
        roads = bridge.read_any(self, parameters, self.ROADS, context, feedback, crs)
        units, corridors, findings, q = subdivide_units(
            layer.measured, roads, class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context) or None,
            width_field=self.parameterAsString(parameters, self.WIDTH_FIELD, context) or None,
            class_widths=parse_widths(self.parameterAsString(parameters, self.CLASS_WIDTHS, context)),
            min_unit_area=self.parameterAsDouble(parameters, self.MIN_UNIT_AREA, context),
            max_unit_area=self.parameterAsDouble(parameters, self.MAX_UNIT_AREA, context),
            progress=bridge.progress_from_feedback(feedback, 10, 90))
        findings = layer.findings + findings
        bridge.push_findings(feedback, findings)
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, units, crs=crs, feedback=feedback)
        bridge.style_output(context, dest, "units")
        out = {self.OUTPUT: dest, self.N_UNITS: len(units), self.ROAD_AREA: float(q["corridor_area"])}
        if self.has_value(parameters, self.OUTPUT_ROADS):
            rdest = bridge.gdf_to_sink(self, parameters, self.OUTPUT_ROADS, context, corridors, crs=crs)
            bridge.style_output(context, rdest, "roads")
            out[self.OUTPUT_ROADS] = rdest
        fdest = bridge.write_findings(self, parameters, self.OUTPUT_FINDINGS, context, findings, crs)
        if fdest:
            out[self.OUTPUT_FINDINGS] = fdest
        return out
