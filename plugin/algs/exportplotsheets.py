"""zutuan:exportplotsheets — 导出地块图则: an A3 atlas of the plots to one multi-page PDF or one PDF per plot."""
import datetime
import os
import shutil
import tempfile

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm


class ExportPlotSheets(PlotLayer, ZutuanAlgorithm):
    ROADS = "ROADS"
    UNITS = "UNITS"
    ROAD_LABEL = "ROAD_LABEL"
    PROJECT_NAME = "PROJECT_NAME"
    ORGANISATION = "ORGANISATION"
    DATE = "DATE"
    DRAWING_PREFIX = "DRAWING_PREFIX"
    MODE = "MODE"
    OUTPUT = "OUTPUT"
    PAGE_COUNT = "PAGE_COUNT"
    FILES = "FILES"
    PLOT_FIELDS = {"DKBH": True, "YDYHFLDM": False, "DYBH": False, "ZTBH": False}

    ID = "exportplotsheets"
    DISPLAY = "导出地块图则"
    GROUP_ID = "export"
    HELP_ZH = ("为每个地块生成一页 A3 横向图则：地块及相邻地块、道路与标注（按用地用海一级类着色，本地块红色加粗），"
               "控制指标表（容积率、建筑系数、建筑密度、绿地率、限高、投资强度等，没有数值的指标写明原因“未赋值：…”；开发状态），指北针、比例尺、图例，"
               "图签（项目名称、编制单位、日期、图号）。输出一个多页 PDF，或每个地块一个 PDF（放在与输出文件同名的文件夹中）。"
               "无需图形界面，可在图形建模器和 qgis_process 中使用。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "找不到地块编号字段时停止并指明参数。")
    HELP_EN = ("Makes one A3 landscape plot sheet per plot: the plot with its neighbours, roads and labels (coloured by "
               "level-1 land-use class, the plot itself outlined in red), its control table (FAR, building "
               "coefficient and density, green ratio, height, investment intensity…; a control without a value says "
               "why, '未赋值：…'; the development status), north "
               "arrow, scale bar, legend and the title block (project, organisation, date, drawing number). Writes "
               "one multi-page PDF, or one PDF per plot into a folder named after the output file. Needs no screen: "
               "works in the Graphical Modeler and with qgis_process. "
               "Plot layers from elsewhere: choose the plot code, land-use and other fields in the field parameters, or leave "
               "them empty to have the usual names recognised (resources/standards/field_variants.csv); without a plot "
               "code field the run stops naming its parameter.")

    def flags(self):
        # print layouts are rendered on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "每个地块一页，按地块编号排序 / one page per plot, ordered by DKBH")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路图层（可选）"),
                                                [QgsProcessing.TypeVectorLine, QgsProcessing.TypeVectorPolygon],
                                                optional=True), "道路中心线或道路面 / road centre lines or areas")
        add(QgsProcessingParameterField(self.ROAD_LABEL, self.tr("道路名称字段（可选）"), parentLayerParameterName=self.ROADS,
                                        optional=True), "用于标注道路 / labels the roads")
        add(QgsProcessingParameterFeatureSource(self.UNITS, self.tr("单元图层（可选）"),
                                                [QgsProcessing.TypeVectorPolygon], optional=True),
            "画出单元边界（虚线）并标注单元编号 DYBH / draws unit boundaries (dashed) labelled with DYBH")
        add(QgsProcessingParameterString(self.PROJECT_NAME, self.tr("项目名称"), defaultValue="小组团滚动开发实施方案"),
            "图签中的项目名称 / project name in the title block")
        add(QgsProcessingParameterString(self.ORGANISATION, self.tr("编制单位"), optional=True),
            "图签中的编制单位 / organisation in the title block")
        add(QgsProcessingParameterString(self.DATE, self.tr("日期（留空为今天）"), optional=True),
            "图签中的日期 / date in the title block; empty: today")
        add(QgsProcessingParameterString(self.DRAWING_PREFIX, self.tr("图号前缀"), defaultValue="TZ-"),
            "图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit page number")
        add(QgsProcessingParameterEnum(self.MODE, self.tr("输出方式"),
                                       [self.tr("一个多页 PDF"), self.tr("每个地块一个 PDF")], defaultValue=0),
            "多页 PDF 或每个地块一个 PDF / one multi-page PDF or one PDF per plot")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("图则 PDF"), "PDF (*.pdf)"),
            "多页 PDF；按地块输出时为同名文件夹 / the PDF; per plot: a folder of the same name")
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("页数")))
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("输出文件")))

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.export.sheets import SHEET_ROWS, landuse_palette, plot_sheet_table
        from ...algorithms.export.workbook import write_atomic
        from ..printing import plotsheet

        gdf = self.read_plot_layer(parameters, context, feedback)
        qcrs = self.parameterAsSource(parameters, self.INPUT, context).sourceCrs()
        table = plot_sheet_table(gdf)
        cols = ["DKBH", "YDYHFLDM"] + [r[0] for r in SHEET_ROWS]
        frame = _with_geometry(table, gdf)
        plots = plotsheet.memory_layer_from_gdf(frame, name="地块 / plots", crs=qcrs, columns=cols)
        highlight = plotsheet.memory_layer_from_gdf(frame, name="本地块 / this plot", crs=qcrs, columns=["DKBH"])
        plotsheet.style_plots(plots, landuse_palette(table["YDYHFLDM"].dropna().tolist()))
        plotsheet.style_highlight(highlight)
        roads = None
        source = self.parameterAsSource(parameters, self.ROADS, context)
        if source is not None:
            roads = source.materialize(QgsFeatureRequest(), feedback)
            roads.setName("道路 / roads")
            plotsheet.style_roads(roads, self.parameterAsString(parameters, self.ROAD_LABEL, context) or None)
        units = None
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is not None:
            units = source.materialize(QgsFeatureRequest(), feedback)
            units.setName("单元 / units")
            plotsheet.style_units(units)
        project = QgsProject()
        # draw in the measurement CRS (the layer's own when projected in metres, else its CGCS2000 3° zone),
        # so that data in degrees is not shown stretched and the scale bar reads metres
        from ...algorithms.crs import measurement_crs

        project.setCrs(bridge.pyproj_to_qgs(measurement_crs(gdf.crs, layer=gdf.attrs.get("layer", ""),
                                                            bounds=tuple(gdf.total_bounds))))
        project.addMapLayers([lyr for lyr in (plots, highlight, roads, units) if lyr is not None])
        info = {"project": self.parameterAsString(parameters, self.PROJECT_NAME, context),
                "organisation": self.parameterAsString(parameters, self.ORGANISATION, context),
                "date": self.parameterAsString(parameters, self.DATE, context) or datetime.date.today().isoformat()}
        layout = plotsheet.build_layout(project, plots, highlight, roads=roads, units=units,
                                        rows=[(r[0], r[1]) for r in SHEET_ROWS], info=info,
                                        drawing_prefix=self.parameterAsString(parameters, self.DRAWING_PREFIX, context))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        feedback.pushInfo(f"图则 / sheets: {plots.featureCount()} 页 / pages")
        try:
            if self.parameterAsEnum(parameters, self.MODE, context) == 0:
                write_atomic(path, lambda tmp: plotsheet.export_single_pdf(layout, tmp, feedback))
                files = [path]
            else:
                files = self._per_plot(layout, path, feedback, plotsheet)
        except RuntimeError as err:
            raise QgsProcessingException(f"图则导出失败 / exporting the plot sheets failed: {err}") from None
        return {self.OUTPUT: path if len(files) == 1 and files[0] == path else os.path.splitext(path)[0],
                self.PAGE_COUNT: plots.featureCount(), self.FILES: ";".join(files)}

    @staticmethod
    def _per_plot(layout, path, feedback, plotsheet):
        """Export into a temporary folder beside the target, then move the files into <stem>/ (whole or nothing)."""
        from ...algorithms.errors import InputError

        folder = os.path.splitext(os.path.abspath(path))[0]
        parent = os.path.dirname(folder)
        if not os.path.isdir(parent) or not os.access(parent, os.W_OK):
            raise InputError("E_WRITE", path=folder, reason="目录不存在或不可写 / folder missing or not writable")
        tmp = tempfile.mkdtemp(prefix=".zutuan-", dir=parent)
        try:
            written = plotsheet.export_pdf_per_plot(layout, tmp, feedback)
            os.makedirs(folder, exist_ok=True)
            out = []
            for f in written:
                target = os.path.join(folder, os.path.basename(f))
                os.replace(f, target)
                out.append(target)
            return out
        except OSError as err:
            raise InputError("E_WRITE", path=folder, reason=str(err)) from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _with_geometry(table, gdf):
    """The engine's table (sorted, with T_… strings) with the plots' geometry in the layer's own CRS."""
    import geopandas as gpd

    return gpd.GeoDataFrame(table, geometry=gdf.geometry.loc[table.index].values, crs=gdf.crs)
