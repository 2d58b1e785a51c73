"""zutuan:createplan — 新建规划数据库: a plan GeoPackage with the 组团/单元/地块 layers and metadata."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import bridge
from .base import ZutuanAlgorithm


class CreatePlan(ZutuanAlgorithm):
    PROJECT_NAME = "PROJECT_NAME"
    ORGANISATION = "ORGANISATION"
    BASE_YEAR = "BASE_YEAR"
    PLAN_YEAR = "PLAN_YEAR"
    REGION_CLASS = "REGION_CLASS"
    CRS = "CRS"
    CLUSTERS = "CLUSTERS"
    OUTPUT = "OUTPUT"
    OUTPUT_CLUSTERS = "OUTPUT_CLUSTERS"

    ID = "createplan"
    DISPLAY = "新建规划数据库"
    GROUP_ID = "layout"
    HELP_ZH = ("新建一个规划 GeoPackage，含组团（zutuan）、单元（danyuan）、地块（dikuai）三个面图层和元数据表"
               "（plan_metadata：项目名称、编制单位、编制年份〔默认当年〕、基准年〔默认编制年份的上一年〕、地区分类、标准配置、坐标系）。字段名采用拼音首字母，"
               "中文别名，详见 docs/SCHEMA.md。可选输入已有组团面，按投影米制坐标系写入并量算 YDMJ。"
               "坐标系须为投影米制坐标系（推荐 CGCS2000 三度带）；经纬度组团自动投影到所在三度带。")
    HELP_EN = ("Creates a plan GeoPackage holding the cluster (zutuan), unit (danyuan) and plot (dikuai) polygon layers "
               "and a metadata table (project name, organisation, plan year — this year by default —, base year — the year before by default —, region class, "
               "standards profile, CRS). Field names are pinyin initials with Chinese aliases (docs/SCHEMA.md). "
               "Optional existing clusters are written in the plan CRS with their area YDMJ measured. The CRS must be "
               "a projected metre CRS (CGCS2000 3-degree GK recommended); clusters in degrees are projected into "
               "their 3-degree zone.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        add(QgsProcessingParameterString(self.PROJECT_NAME, self.tr("项目名称"), defaultValue="小组团滚动开发实施方案"),
            "写入元数据和导出表的标题 / project name for metadata and exports")
        add(QgsProcessingParameterString(self.ORGANISATION, self.tr("编制单位"), optional=True),
            "编制单位 / planning organisation")
        add(QgsProcessingParameterNumber(self.PLAN_YEAR, self.tr("编制年份（可选）"), QgsProcessingParameterNumber.Integer,
                                         optional=True, minValue=2000, maxValue=2100),
            "现金流测算自该年开始；留空为当年 / the cash flow starts in this year; empty: this year")
        add(QgsProcessingParameterNumber(self.BASE_YEAR, self.tr("基准年（可选）"), QgsProcessingParameterNumber.Integer,
                                         optional=True, minValue=2000, maxValue=2100),
            "3 年、5 年目标的基准年；留空为编制年份的上一年（最近完整统计年度） / base year of the targets; "
            "empty: the year before the plan year")
        add(QgsProcessingParameterString(self.REGION_CLASS, self.tr("地区分类（土地等别）"), optional=True),
            "投资强度按地区分类取值，如“七类”或“十等” / region class for investment intensity")
        add(QgsProcessingParameterCrs(self.CRS, self.tr("规划坐标系"), optional=True),
            "投影米制坐标系；留空则取组团图层的量算坐标系 / projected metre CRS; empty: from the clusters")
        add(QgsProcessingParameterFeatureSource(self.CLUSTERS, self.tr("已有组团（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "已绘制的组团面，字段名与 docs/SCHEMA.md 相同者一并写入 / clusters already drawn")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("规划数据库"), "GeoPackage (*.gpkg)"),
            "新建的 GeoPackage；写入完成后才替换目标文件 / the new plan, replaced only when complete")
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT_CLUSTERS, self.tr("组团图层")))

    def _year(self, parameters, key, context):
        value = parameters.get(key)
        return None if value is None or value == "" else self.parameterAsInt(parameters, key, context)

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.crs import is_metre_projected
        from ...algorithms.errors import CrsError, InputError
        from ...algorithms.layers import prepare_layer
        from ...algorithms.plan import create_plan

        qcrs = self.parameterAsCrs(parameters, self.CRS, context)
        target = bridge.crs_to_pyproj(qcrs, self.CRS) if qcrs.isValid() else None
        if target is not None and not is_metre_projected(target):
            raise CrsError("E_CRS_UNITS", layer=self.CRS, units=target.name)
        clusters = bridge.read_polygons(self, parameters, self.CLUSTERS, context, feedback, required=False)
        seeded = None
        if clusters is not None:
            layer = prepare_layer(clusters, layer=clusters.attrs["layer"], target_crs=target, code_field="ZTBH")
            bridge.push_findings(feedback, layer.findings)
            seeded, target = layer.measured, layer.measure_crs
        if target is None:
            raise InputError("E_BAD_PARAMETER", name=self.CRS, value="", reason_zh="未给出坐标系也未给出组团",
                             reason_en="give a CRS or clusters")
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        meta = create_plan(path, crs=target, clusters=seeded, metadata={
            "XMMC": self.parameterAsString(parameters, self.PROJECT_NAME, context),
            "BZDW": self.parameterAsString(parameters, self.ORGANISATION, context),
            "BZNF": self._year(parameters, self.PLAN_YEAR, context),
            "JZNF": self._year(parameters, self.BASE_YEAR, context),
            "DQLB": self.parameterAsString(parameters, self.REGION_CLASS, context)})
        feedback.pushInfo(f"编制年份 / plan year {meta['BZNF']}，基准年 / base year {meta['JZNF']}")
        feedback.pushInfo(f"规划数据库 / plan: {path} ({meta['ZBXT']}), 组团 / clusters: "
                          f"{0 if seeded is None else len(seeded)}")
        return {self.OUTPUT: path, self.OUTPUT_CLUSTERS: f"{path}|layername=zutuan"}
