"""zutuan:calcarea — 计算用地面积: areas in m², 公顷 and 亩 in a projected metre CRS."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import ZutuanAlgorithm


class CalcArea(ZutuanAlgorithm):
    INPUT = "INPUT"
    MEASURE_CRS = "MEASURE_CRS"
    CODE_FIELD = "CODE_FIELD"
    CURVE_TOLERANCE = "CURVE_TOLERANCE"
    OUTPUT = "OUTPUT"
    TOTAL_M2 = "TOTAL_M2"
    TOTAL_HA = "TOTAL_HA"
    TOTAL_MU = "TOTAL_MU"
    USED_CRS = "USED_CRS"

    ID = "calcarea"
    DISPLAY = "计算用地面积"
    GROUP_ID = "controls"
    HELP_ZH = ("在投影米制坐标系中计算每个面要素的用地面积，写入 YDMJ（平方米）、MJGQ（公顷）、MJMU（亩）。"
               "投影坐标系只有在数据范围内面积变形不超过 0.1%（按数据四角、边中点和中心的面积比例因子计算）时才直接用于量算；"
               "否则（如 Web 墨卡托 EPSG:3857）以及经纬度数据（CGCS2000 或 WGS 84）都投影到所在的 CGCS2000 三度带"
               "高斯-克吕格坐标系量算，并在日志中说明。坐标与坐标系不符（如带号坐标配了不带带号的坐标系、米制坐标配了经纬度"
               "坐标系）时停止并说明应改用的坐标系；无坐标系的图层被拒绝；无效几何自动修复并提示，空几何跳过；曲线（圆弧）"
               "按最大偏差线性化（默认 0.01 米），日志给出线性化的要素数。输入图层不会被修改。1 公顷 = 10000 平方米 = 15 亩。")
    HELP_EN = ("Measures each polygon in a projected metre CRS and writes YDMJ (m²), MJGQ (hectares) and MJMU (mu). "
               "A projected CRS is used for measuring only when its areal scale error over the data is at most 0.1 % "
               "(areal scale factor at the data's corners, edge midpoints and centre); otherwise (e.g. Web Mercator "
               "EPSG:3857) and for data in degrees (CGCS2000 or WGS 84) areas are measured in the CGCS2000 "
               "3-degree Gauss-Krüger zone that contains the data, and the log says so. Coordinates that cannot "
               "belong to the layer's CRS (zone-prefixed X with a no-prefix CRS, metres in a geographic CRS …) stop "
               "the run naming the CRS to use; layers without a CRS are refused; invalid geometries are repaired and "
               "reported, null ones skipped; curves (arcs) are linearised within a maximum deviation (default "
               "0.01 m) and the log counts them. The input is never modified. 1 ha = 10,000 m² = 15 mu.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("输入面图层"), [QgsProcessing.TypeVectorPolygon]),
            "要量算面积的面图层（组团、单元、地块或任意面） / polygons to measure")
        add(QgsProcessingParameterCrs(self.MEASURE_CRS, self.tr("量算坐标系（留空自动选择）"), optional=True),
            "留空：投影坐标系用其本身，经纬度用所在 CGCS2000 三度带 / empty: automatic")
        add(QgsProcessingParameterField(self.CODE_FIELD, self.tr("编号字段（可选）"), None, self.INPUT, optional=True),
            "问题清单中标识要素的编号；留空时取地块、单元或组团编号（含常用名称，如 DKBM、ZDDM） / the code naming features "
            "in the findings; empty: the plot, unit or cluster code (usual names recognised)", advanced=True)
        add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("带面积的图层"), QgsProcessing.TypeVectorPolygon),
            "输入要素及面积字段 YDMJ、MJGQ、MJMU / input features with area fields")
        add(QgsProcessingParameterNumber(self.CURVE_TOLERANCE, self.tr("曲线线性化最大偏差（米）"),
                                         QgsProcessingParameterNumber.Double, 0.01, minValue=0.0001),
            "圆弧等曲线转为折线时与原弧的最大距离 / maximum distance of the straight segments from the arcs", advanced=True)
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_M2, self.tr("总面积（平方米）")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_HA, self.tr("总面积（公顷）")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_MU, self.tr("总面积（亩）")))
        self.addOutput(QgsProcessingOutputString(self.USED_CRS, self.tr("量算坐标系")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.layers import area_table, prepare_layer

        gdf = bridge.read_polygons(self, parameters, self.INPUT, context, feedback,
                                   curve_tolerance=self.parameterAsDouble(parameters, self.CURVE_TOLERANCE, context))
        qcrs = self.parameterAsCrs(parameters, self.MEASURE_CRS, context)
        target = bridge.crs_to_pyproj(qcrs, self.MEASURE_CRS) if qcrs.isValid() else None
        code_field = bridge.code_column(self, parameters, self.CODE_FIELD, context, gdf)
        layer = prepare_layer(gdf, layer=gdf.attrs["layer"], target_crs=target, code_field=code_field)
        bridge.push_findings(feedback, layer.findings)
        areas = area_table(layer.measured)
        out = layer.source.copy()
        out["YDMJ"], out["MJGQ"], out["MJMU"] = areas["m2"], areas["ha"], areas["mu"]
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, out, crs=layer.crs, feedback=feedback)
        bridge.style_output(context, dest)
        feedback.pushInfo(f"量算坐标系 / measured in: {layer.measure_crs.name}; 要素 / features: {len(out)}; "
                          f"总面积 / total: {areas['m2'].sum():.2f} m² = {areas['ha'].sum():.4f} 公顷 = "
                          f"{areas['mu'].sum():.2f} 亩")
        return {self.OUTPUT: dest, self.TOTAL_M2: float(areas["m2"].sum()), self.TOTAL_HA: float(areas["ha"].sum()),
                self.TOTAL_MU: float(areas["mu"].sum()), self.USED_CRS: layer.measure_crs.name}
