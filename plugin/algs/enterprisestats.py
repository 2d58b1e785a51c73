"""zutuan:enterprisestats — 企业统计数据入库: the yearly enterprise table validated and joined to the plots."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import ZutuanAlgorithm


class StatsInputs:
    """The plots and the statistics table, shared by the monitoring algorithms, and the one intake call."""

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    STATS = "STATS"
    FIRST_YEAR = "FIRST_YEAR"
    LAST_YEAR = "LAST_YEAR"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def add_stats_parameters(self, *, stats_optional=False):
        self.add_param(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("地块图层"), [QgsProcessing.TypeVectorPolygon]),
                       "规划地块（DKBH；DYBH、ZTBH 缺省时由编号推出；YDMJ 为空时按几何量算面积）/ the plan's plots")
        self.add_param(QgsProcessingParameterField(self.CODE_FIELD, self.tr("地块编号字段"), defaultValue="DKBH",
                                                   parentLayerParameterName=self.INPUT, optional=True),
                       "统计表“地块编号”列对应的字段 / the field the table's plot codes refer to")
        self.add_param(QgsProcessingParameterFile(self.STATS, self.tr("企业统计表（CSV/xlsx）"), optional=stats_optional,
                                                  fileFilter="CSV / Excel (*.csv *.xlsx)"),
                       "每家企业每年一行：统一社会信用代码、企业名称、年度、地块编号（多个用“；”分隔）或 X/Y 坐标，以及产值、营业收入、"
                       "增加值、税收、固定资产投资、综合能耗、污染物排放、从业人员、研发经费、用地面积等；表头括号内可注单位 / one "
                       "row per enterprise and year; units may be given in the header")
        for key, label in ((self.FIRST_YEAR, "规划期起始年（可选）"), (self.LAST_YEAR, "规划期终止年（可选）")):
            self.add_year(key, label, "超出规划期的年度报错，注明行号 / years outside the period are errors naming the row")

    def add_year(self, key, label, help_text):
        """An optional year parameter (1949–2100); read it with ``_year``."""
        self.add_param(QgsProcessingParameterNumber(key, self.tr(label), QgsProcessingParameterNumber.Integer, optional=True,
                                                    minValue=1949, maxValue=2100), help_text)

    def add_layer_and_table(self, layer_label, layer_help, table_label, table_help):
        """The output plot layer OUTPUT and the workbook OUTPUT_TABLE (xlsx; CSV holds the first sheet)."""
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr(layer_label), QgsProcessing.TypeVectorPolygon),
                       layer_help)
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_TABLE, self.tr(table_label), "Excel (*.xlsx);;CSV (*.csv)"),
                       table_help)

    def write_layer_and_table(self, parameters, context, feedback, layer, sheets, style=None):
        """Both outputs, once everything is computed: (layer destination id, workbook path)."""
        from ...algorithms.feasibility.tables import write_tables

        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context), sheets)  # a bad path fails first
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, layer, crs=layer.crs, feedback=feedback)
        bridge.style_output(context, dest, style)
        return dest, path

    def _year(self, parameters, key, context):
        value = parameters.get(key)
        return None if value in (None, "") else self.parameterAsInt(parameters, key, context)

    def read_stats(self, parameters, context, feedback):
        """(plots GeoDataFrame, joined EnterpriseStats or None when no table was given)."""
        from ...algorithms.monitoring import join_plots, read_enterprise_stats

        plots = bridge.read_polygons(self, parameters, self.INPUT, context, feedback)
        code = (self.parameterAsFields(parameters, self.CODE_FIELD, context) or ["DKBH"])[0]
        path = self.parameterAsFile(parameters, self.STATS, context)
        if not path:
            return plots, None
        stats = read_enterprise_stats(path, first_year=self._year(parameters, self.FIRST_YEAR, context),
                                      last_year=self._year(parameters, self.LAST_YEAR, context))
        stats = join_plots(stats, plots, code_field=code)
        bridge.push_findings(feedback, stats.findings)
        return plots, stats


class EnterpriseStats(StatsInputs, ZutuanAlgorithm):
    OUTPUT = "OUTPUT"
    RECORDS = "RECORDS"
    ENTERPRISES = "ENTERPRISES"
    YEARS = "YEARS"

    ID = "enterprisestats"
    DISPLAY = "企业统计数据入库"
    GROUP_ID = "monitoring"
    HELP_ZH = ("读取企业年度统计表（CSV 或 xlsx，每家企业每年一行），逐行逐列校验后与规划地块关联。必需列：统一社会信用代码、"
               "企业名称、年度，以及地块编号（一家企业多个地块写在同一格，用“；”分隔）或 X/Y 坐标（地块图层的坐标系）。"
               "表头括号内的单位（元、万元、亿元、千克标准煤、公顷、平方米……）自动换算；无法识别的单位、缺少的列、地块编号不存在、"
               "同一企业同一年度重复、负数、非数值、信用代码格式错误、年度超出规划期，都会列出行号和列名并停止，不写出任何结果。"
               "企业在地块上的用地：填了用地面积的按其地块面积比例分摊；未填的，地块扣除同年其他企业填报面积后由未填企业均分。"
               "输出企业年度记录、企业—地块关联（用地与分摊权重）和校验说明。")
    HELP_EN = ("Reads the yearly enterprise statistics (CSV or xlsx, one row per enterprise and year), checks every row "
               "and column and joins it to the plan's plots. Required: the unified social credit code, the name, the "
               "year, and the plot code (several plots of one enterprise in one cell, separated by ';') or X/Y "
               "coordinates. Units in the header are converted; an unknown unit, a missing column, an unknown plot, a "
               "duplicate enterprise-year, a negative or non-numeric value, a malformed credit code or a year outside "
               "the plan period stops the run with the row and column named, and nothing is written. An enterprise's "
               "land on a plot is its stated area spread over its plots by area, else an equal part of what the plot's "
               "co-tenants do not state. Writes the records, the enterprise–plot links and the notes.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("入库结果表"), "Excel (*.xlsx);;CSV (*.csv)"),
                       "企业年度记录、企业地块关联、校验说明 / records, links and notes")
        self.addOutput(QgsProcessingOutputNumber(self.RECORDS, self.tr("企业年度记录数")))
        self.addOutput(QgsProcessingOutputNumber(self.ENTERPRISES, self.tr("企业数")))
        self.addOutput(QgsProcessingOutputString(self.YEARS, self.tr("年度")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility.tables import write_tables
        from ...algorithms.monitoring.sheets import intake_sheets

        _, stats = self.read_stats(parameters, context, feedback)
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT, context), intake_sheets(stats))
        n_ent = int(stats.records["credit_code"].nunique())
        years = "、".join(map(str, stats.years))
        feedback.pushInfo(f"{len(stats.records)} 条记录，{n_ent} 家企业，年度 {years}，关联 {stats.links['DKBH'].nunique()} "
                          f"个地块 / {len(stats.records)} records, {n_ent} enterprises")
        return {self.OUTPUT: path, self.RECORDS: len(stats.records), self.ENTERPRISES: n_ent, self.YEARS: years}
