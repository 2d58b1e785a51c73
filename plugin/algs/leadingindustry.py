"""zutuan:leadingindustry — 主导产业产值占比: the leading industry's share of output value per 区块."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from .. import bridge
from .base import ZutuanAlgorithm
from .enterprisestats import StatsInputs


class LeadingIndustry(StatsInputs, ZutuanAlgorithm):
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    YEAR = "YEAR"
    MET = "MET"
    NOT_MET = "NOT_MET"

    ID = "leadingindustry"
    DISPLAY = "主导产业产值占比"
    GROUP_ID = "monitoring"
    HELP_ZH = ("按区块（默认组团，或所选区块图层的面，按地块面积最大的重叠归属）计算主导产业（GB/T 4754 大类，按企业行业代码，"
               "缺省取地块 HYDM）产值占区块工业总产值的比例，与 60% 对照（resources/monitoring/leading_industry.yaml，依据为"
               "开发区改革方案/小组团实施方案，文号条款未核实）。有企业缺少产值时结论为“需核实”，全部缺少为“未检查”，不判达到。"
               "同时列出规划地块 HYDM 计的主导产业用地占比，供尚无产值数据的规划使用。")
    HELP_EN = ("Per 区块 (the clusters, or the polygons of a zone layer, a plot belonging to the one it overlaps most), the "
               "leading industry's (GB/T 4754 division, from the enterprise's code, else the plot's HYDM) share of "
               "output value, against 60 % (resources/monitoring/leading_industry.yaml; the document's number and "
               "clause are not verified). Missing output values make it 'verify', none at all 'not checked', never "
               "'met'. The leading industry's share of land (plots' HYDM) is listed beside it for plans without "
               "output data.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters()
        self.add_param(QgsProcessingParameterFeatureSource(self.ZONES, self.tr("区块图层（可选）"),
                                                           [QgsProcessing.TypeVectorPolygon], optional=True),
                       "留空按组团 ZTBH 统计 / empty: per cluster")
        self.add_param(QgsProcessingParameterField(self.ZONE_FIELD, self.tr("区块名称字段"), optional=True,
                                                   parentLayerParameterName=self.ZONES),
                       "区块图层中标识区块的字段 / the field naming each block")
        self.add_year(self.YEAR, "评价年度（可选）", "留空取统计表中最近的年度 / empty: the latest year of the table")
        self.add_param(QgsProcessingParameterFileDestination(self.OUTPUT_TABLE, self.tr("主导产业占比表"),
                                                             "Excel (*.xlsx);;CSV (*.csv)"),
                       "每个区块一行 / one row per block")
        self.addOutput(QgsProcessingOutputNumber(self.MET, self.tr("达到的区块数")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_MET, self.tr("未达到的区块数")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.errors import InputError
        from ...algorithms.feasibility.tables import write_tables
        from ...algorithms.monitoring import leading_industry
        from ...algorithms.monitoring.sheets import industry_sheets

        _, stats = self.read_stats(parameters, context, feedback)
        zones = bridge.read_polygons(self, parameters, self.ZONES, context, feedback, required=False)
        field = (self.parameterAsFields(parameters, self.ZONE_FIELD, context) or [None])[0]
        if zones is not None and not field:
            raise InputError("E_BAD_PARAMETER", name=self.ZONE_FIELD, value="—", reason_zh="给出区块图层时须指定名称字段",
                             reason_en="the zone layer needs its name field")
        table = leading_industry(stats, year=self._year(parameters, self.YEAR, context), zones=zones, zone_field=field)
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context),
                            industry_sheets(table, "组团" if zones is None else "区块"))
        for block, r in table.iterrows():
            share = "—" if r.get("share") != r.get("share") else f"{r['share']:.1f}%"
            feedback.pushInfo(f"{block}: 主导产业 {r.get('leading')} {share} {r.get('status', '')}；用地 "
                              f"{r.get('land_leading')} {r.get('land_share', float('nan')):.1f}%")
        st = table["status"].fillna("") if "status" in table.columns else table.index.to_series().map(lambda _: "")
        return {self.OUTPUT_TABLE: path, self.MET: int(st.str.startswith("达到").sum()),
                self.NOT_MET: int(st.str.startswith("未达到").sum())}
