"""zutuan:exportindicatortable — 导出控制指标表: the control-indicator workbook (.xlsx) and optional CSV."""
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm


class ExportIndicatorTable(PlotLayer, ZutuanAlgorithm):
    UNITS = "UNITS"
    CLUSTERS = "CLUSTERS"
    FINDINGS = "FINDINGS"
    COLUMNS = "COLUMNS"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    OUTPUT_CSV = "OUTPUT_CSV"
    PLOT_COUNT = "PLOT_COUNT"
    TOTAL_HA = "TOTAL_HA"
    PLOT_FIELDS = {"DKBH": True, "YDYHFLDM": False, "DYBH": False, "ZTBH": False, "GDZT": False}
    ROADS = "ROADS"
    BALANCE_HA = "BALANCE_HA"

    ID = "exportindicatortable"
    DISPLAY = "导出控制指标表"
    GROUP_ID = "export"
    HELP_ZH = ("把地块图层导出为 Excel 工作簿：地块控制指标一览表（两行表头、单元小计、组团合计与总计、A3 横向打印设置）、"
               "单元与组团汇总、整个规划范围的用地平衡表（地块按一级/二级类、道路用地 1207、一张图禁止性规则不合规而划出的需调整用地、"
               "组团内其他用地，合计等于组团面积；公顷、亩与比例；未提供组团或道路图层时写明缺哪一行及原因），"
               "给定审查结果图层时另有审查结果表，每条问题都有地块编号（按 DKBH/BH 或所在位置；不针对单个地块的写明单元、组团或全区）。"
               "合计均由未取整的数值计算；没有数值的指标写明原因（未赋值：…，取自指标来源 ZBLY），不填 0、不留空白；"
               "地块表另列开发状态 KFZT/KFSM（需调整用地、已供地、需核实）。可同时导出 UTF-8（带 BOM）CSV。"
               "先写临时文件再替换目标文件：目标文件被 Excel/WPS/LibreOffice 打开或目录不可写时报错，原文件不变。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "找不到必需的字段时停止并指明参数；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。"
               "缺少的可选字段在表下注明。")
    HELP_EN = ("Exports the plots to an Excel workbook: the plot control-indicator table (two-row headers, unit "
               "subtotals, cluster totals and a grand total, A3 landscape print set-up), a unit and cluster summary, "
               "the land-use balance of the whole planned area (plots by level-1/2 class, road corridors 1207, land set "
               "apart because it fails a prohibiting rule of the master-plan check, other land inside the clusters; "
               "the total is the clusters' area; ha, mu and shares; without a cluster or road layer it says which "
               "lines are missing and why) and, "
               "when a findings layer is given, the review findings, each with its plot code (from DKBH/BH or where "
               "it lies; a finding not about one plot names its unit, cluster or the whole plan). Totals are sums of unrounded values; a control "
               "without a value shows why (未赋值：…, from the plot's ZBLY), never 0 or a blank; the plot table also "
               "shows the development status KFZT/KFSM (set apart, supplied, to verify). Optionally also a UTF-8 "
               "CSV with BOM. The file is written to a temporary file and then moved into place: if the target is "
               "open in another program or the folder is not writable the run fails and the old file is left "
               "unchanged. Plot layers from elsewhere: choose the plot code, land-use and other fields in the field "
               "parameters, or leave them empty to have the usual names recognised (resources/standards/"
               "field_variants.csv); a needed field that cannot be found stops the run naming its parameter; outputs "
               "add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own. An optional field that is missing "
               "is noted under the table.")

    LANGS = ("zh", "en")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "地块（DKBH、YDYHFLDM、YDMJ、RJLXX…，见数据模型；其他来源的图层在下面的字段参数中"
                            "指定编号和用地代码字段） / plots with the schema fields; for other layers choose the code "
                            "fields below")
        add(QgsProcessingParameterFeatureSource(self.UNITS, self.tr("单元图层（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "用于汇总表中的单元名称与无地块单元 / unit names and units without plots in the summary")
        add(QgsProcessingParameterFeatureSource(self.CLUSTERS, self.tr("组团图层（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "用于汇总表中的组团名称，及用地平衡表的总用地（组团范围） / cluster names in the summary; the clusters' area is "
            "the total of the land-use balance")
        add(QgsProcessingParameterFeatureSource(self.FINDINGS, self.tr("审查结果（可选）"),
                                                [QgsProcessing.TypeVector], optional=True),
            "审查算法输出的问题图层（GZBH、GZMC、YZCD…）；每条问题按 DKBH/BH 或所在位置标明地块编号 / findings layer of a "
            "review algorithm; every finding gets its plot code (from DKBH/BH or where it lies)")
        add(QgsProcessingParameterString(self.COLUMNS, self.tr("列（逗号分隔，留空为默认）"), optional=True),
            "字段名按顺序，如 ZTBH,DYBH,DKBH,YDMJ,RJLXX,RJLSX / column keys in order; empty: the standard table")
        add(QgsProcessingParameterEnum(self.LANGUAGE, self.tr("表头语言"), [self.tr("中文"), "English"],
                                       defaultValue=0), "表头与标签的语言 / language of headers and labels")
        add(QgsProcessingParameterString(self.TITLE, self.tr("表格标题（可选）"), optional=True),
            "第一行标题，默认“地块控制指标一览表” / title row")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Excel 工作簿"), "Excel (*.xlsx)"),
            "输出 .xlsx 文件 / the .xlsx to write")
        add(QgsProcessingParameterFileDestination(self.OUTPUT_CSV, self.tr("CSV（可选）"), "CSV (*.csv)",
                                                  optional=True, createByDefault=False),
            "同时导出的 UTF-8（带 BOM）CSV，仅地块行 / also a UTF-8-with-BOM CSV of the plot rows")
        self.addOutput(QgsProcessingOutputNumber(self.PLOT_COUNT, self.tr("地块数")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_HA, self.tr("总用地面积（公顷）")))
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路用地图层（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "道路红线用地（1207），如 zutuan:subdivideunits 输出的 road_corridors；与组团图层一起使用平衡表覆盖整个规划范围 / "
            "road corridors (1207), e.g. road_corridors of zutuan:subdivideunits; with the clusters the balance "
            "covers the whole planned area")
        self.addOutput(QgsProcessingOutputNumber(self.BALANCE_HA, self.tr("用地平衡表总用地（公顷）")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.export import export_indicator_table

        plots = self.read_plot_layer(parameters, context, feedback)
        units = bridge.read_polygons(self, parameters, self.UNITS, context, feedback, required=False)
        clusters = bridge.read_polygons(self, parameters, self.CLUSTERS, context, feedback, required=False)
        roads = bridge.read_polygons(self, parameters, self.ROADS, context, feedback, required=False)
        findings = self._findings(parameters, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        csv_path = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context) or None
        lang = self.LANGS[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        res = export_indicator_table(
            plots, path, units=units, clusters=clusters, findings=findings,
            columns=self.parameterAsString(parameters, self.COLUMNS, context) or None, language=lang,
            csv_path=csv_path, title=self.parameterAsString(parameters, self.TITLE, context) or None, roads=roads,
            missing_fields=plots.attrs["field_notes"], field_cautions=plots.attrs["field_cautions"],
            progress=bridge.progress_from_feedback(feedback, 10, 100))
        feedback.pushInfo(f"工作表 / sheets: {', '.join(res.sheets)}; 地块 / plots: {res.n_plots}; "
                          f"总面积 / total: {res.total_area_ha:.4f} 公顷")
        if res.balance_total_ha is not None:
            feedback.pushInfo(f"用地平衡表总用地 / land-balance total: {res.balance_total_ha:.4f} 公顷"
                              + ("" if clusters is not None else "（未提供组团图层，不是规划范围面积 / no clusters given）"))
        out = {self.OUTPUT: res.path, self.PLOT_COUNT: res.n_plots, self.TOTAL_HA: res.total_area_ha,
               self.BALANCE_HA: res.balance_total_ha}
        if res.csv_path:
            out[self.OUTPUT_CSV] = res.csv_path
        return out

    def _findings(self, parameters, context):
        """The findings layer (with its geometry, so that a finding without a plot code is placed on its plot),
        or None."""
        source = self.parameterAsSource(parameters, self.FINDINGS, context)
        if source is None:
            return None
        if QgsWkbTypes.geometryType(source.wkbType()) not in (QgsWkbTypes.NullGeometry,
                                                               QgsWkbTypes.UnknownGeometry):
            return bridge.source_to_gdf(source, layer=source.sourceName() or self.FINDINGS, require_features=False)
        import pandas as pd

        names = [f.name() for f in source.fields()]
        req = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        rows = [[bridge._py(v) for v in f.attributes()] for f in source.getFeatures(req)]
        return pd.DataFrame(rows, columns=names)
