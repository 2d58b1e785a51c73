"""zutuan:exportplotsheets — 导出地块图则: an A3 atlas (cover, index, one sheet per plot, list of small plots) to one
multi-page PDF or one PDF per page."""
import datetime
import os
import shutil
import tempfile

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
)

from .. import bridge
from .base import PlotLayer, ZutuanAlgorithm

_POLY = [QgsProcessing.TypeVectorPolygon]
#: the 一张图 layers drawn on the sheets: parameter → constraint style key
CONSTRAINTS = (("ECOLOGICAL_REDLINE", "ecological_redline", "生态保护红线（可选）"),
               ("FARMLAND", "farmland", "永久基本农田（可选）"), ("URBAN_BOUNDARY", "urban_boundary", "城镇开发边界（可选）"))
# (the parameter names are also class constants below, as every algorithm declares its parameters)
#: usual name fields of 一张图 layers, used for their labels when present
_NAME_FIELDS = ("HXMC", "MC", "YSMC", "TBBH", "XZQMC", "NAME")


class ExportPlotSheets(PlotLayer, ZutuanAlgorithm):
    ECOLOGICAL_REDLINE = "ECOLOGICAL_REDLINE"
    FARMLAND = "FARMLAND"
    URBAN_BOUNDARY = "URBAN_BOUNDARY"
    ROADS = "ROADS"
    ROAD_LABEL = "ROAD_LABEL"
    ROAD_CLASS = "ROAD_CLASS"
    ROAD_WIDTH = "ROAD_WIDTH"
    UNITS = "UNITS"
    CLUSTERS = "CLUSTERS"
    CONFLICTS = "CONFLICTS"
    ENTRANCES = "ENTRANCES"
    ENTRANCE_LABEL = "ENTRANCE_LABEL"
    SETBACKS = "SETBACKS"
    MIN_AREA = "MIN_AREA"
    PROJECT_NAME = "PROJECT_NAME"
    ORGANISATION = "ORGANISATION"
    DRAFTED = "DRAFTED"
    CHECKED = "CHECKED"
    APPROVED = "APPROVED"
    DATE = "DATE"
    DRAWING_PREFIX = "DRAWING_PREFIX"
    MODE = "MODE"
    OUTPUT = "OUTPUT"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    PAGE_COUNT = "PAGE_COUNT"
    SHEET_COUNT = "SHEET_COUNT"
    FILES = "FILES"
    PLOT_FIELDS = {"DKBH": True, "YDYHFLDM": False, "DYBH": False, "ZTBH": False}

    ID = "exportplotsheets"
    DISPLAY = "导出地块图则"
    GROUP_ID = "export"
    HELP_ZH = ("生成 A3 横向地块图则（一个 PDF 图集）：封面、目录（地块 → 页码、图号）、每个地块一页图则、面积小于“单独出图的最小面积”"
               "的地块列于小地块清单页。每页图则：地块及相邻地块（按用地用海一级类着色，本地块红色加粗），道路中心线（名称、等级、"
               "红线宽度）与道路红线，按道路等级的建筑退线（虚线，标距离）和交叉口附近的禁止开口路段（退线表 CSV，默认表为示意值并在"
               "图上注明），规划给定的出入口，一张图管控线（生态保护红线、永久基本农田、城镇开发边界）与冲突部分（标注规则和面积），"
               "界址点（自西北角起顺时针编号 J1、J2…）与边长；区位索引图（全区，本地块红色，所在单元、组团加粗）；控制指标表（带单位，"
               "没有数值的写明原因“未赋值：…”；开发状态）；审查结论（每条冲突规则的面积、依据条款和处理建议）；界址点坐标表（CGCS2000，"
               "规划所在高斯-克吕格 3° 带，X 北、Y 东，保留 3 位小数；另可输出全部界址点 CSV）；指北针（白底黑色）、数字比例尺和线段比例尺、"
               "图例、图签（项目名称、编制单位、编制/审核/审定、日期、图号、页码）。PDF 中的文字为真实字符（嵌入去除部首兼容字的 Noto Sans "
               "CJK 副本），可检索、复制。输出一个多页 PDF，或每页一个 PDF（放在与输出文件同名的文件夹中）。无需图形界面，可在图形建模器和 "
               "qgis_process 中使用。其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称"
               "（resources/standards/field_variants.csv）；找不到地块编号字段时停止并指明参数。")
    HELP_EN = ("Makes an A3 landscape atlas of plot sheets (one PDF): a cover, an index (plot → page and drawing number), one "
               "sheet per plot, and a list page for plots smaller than the minimum area. Each sheet: the plot with its "
               "neighbours (coloured by level-1 land-use class, the plot outlined in red), road centre lines (name, class, "
               "red-line width) and red lines, building setback lines by road class (dashed, with distances) and "
               "no-opening stretches near intersections (setback table CSV; the default table is illustrative and the "
               "sheet says so), the plan's entrances, the 一张图 control lines (ecological red line, permanent farmland, "
               "urban boundary) and the conflicting parts (labelled with rule and area), boundary points numbered J1, J2 "
               "… clockwise from the north-west with edge lengths; a location map (the zone, the plot red, its unit and "
               "cluster outlined); the control table (with units; a control without a value says why, '未赋值：…'; the "
               "development status); the review conclusion (each conflicting rule with area, clause and suggested "
               "action); the boundary-point table (CGCS2000 in the plan's 3-degree Gauss-Krüger zone, X north, Y east, 3 "
               "decimals; all points also as CSV); a north arrow (black on white), numeric and graphic scales, legend and "
               "title block (project, organisation, drafted/checked/approved, date, drawing number, page). The PDF's "
               "text is real characters (an embedded copy of Noto Sans CJK without the radical look-alikes): it can be "
               "searched and copied. Writes one multi-page PDF, or one PDF per page into a folder named after the output "
               "file. Needs no screen: works in the Graphical Modeler and with qgis_process. Plot layers from elsewhere: "
               "choose the plot code, land-use and other fields in the field parameters, or leave them empty to have the "
               "usual names recognised (resources/standards/field_variants.csv); without a plot code field the run stops "
               "naming its parameter.")

    def flags(self):
        # print layouts are rendered on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "每个地块一页，按地块编号排序 / one page per plot, ordered by DKBH")
        add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("道路图层（可选）"),
                                                [QgsProcessing.TypeVectorLine, QgsProcessing.TypeVectorPolygon],
                                                optional=True), "道路中心线或道路面 / road centre lines or areas")
        for key, label, help_text in (
                (self.ROAD_LABEL, "道路名称字段（可选）", "用于标注道路 / labels the roads"),
                (self.ROAD_CLASS, "道路等级字段（可选）", "如 DLDJ（主干路、次干路、支路）：按等级取退线与禁止开口距离 / road "
                 "class, e.g. DLDJ: sets the setback and no-opening distances"),
                (self.ROAD_WIDTH, "道路红线宽度字段（可选）", "如 HXKD（米）：画出道路红线并标注宽度 / red-line width in "
                 "metres, e.g. HXKD: draws and labels the red lines")):
            add(QgsProcessingParameterField(key, self.tr(label), parentLayerParameterName=self.ROADS, optional=True),
                help_text)
        add(QgsProcessingParameterFile(self.SETBACKS, self.tr("退线表（可选，CSV）"), extension="csv", optional=True),
            "按道路等级的退线与禁止开口距离；默认 resources/standards/road_setbacks.csv（示意值） / setback table by road "
            "class; default: the shipped illustrative table")
        add(QgsProcessingParameterFeatureSource(self.UNITS, self.tr("单元图层（可选）"), _POLY, optional=True),
            "画出单元边界（虚线）并标注单元编号 DYBH；缺省时由地块合并 / unit boundaries; default: dissolved from the plots")
        add(QgsProcessingParameterFeatureSource(self.CLUSTERS, self.tr("组团图层（可选）"), _POLY, optional=True),
            "区位索引图中的组团边界；缺省时由地块合并 / clusters in the location map; default: dissolved from the plots")
        for key, _, label in CONSTRAINTS:
            add(QgsProcessingParameterFeatureSource(key, self.tr(label), _POLY, optional=True),
                "一张图管控线，画在图则上并标注 / a master-plan control line, drawn and labelled on the sheets")
        add(QgsProcessingParameterMultipleLayers(self.CONFLICTS, self.tr("审查冲突图层（可选）"),
                                                 QgsProcessing.TypeVectorPolygon, optional=True),
            "一张图符合性审查的冲突图斑（CONFLICTS）：画出冲突部分，列出规则、面积、依据和处理建议 / the check's conflict "
            "layer: drawn, and listed with rule, area, clause and suggested action")
        add(QgsProcessingParameterFeatureSource(self.ENTRANCES, self.tr("出入口 / 禁止开口图层（可选）"),
                                                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorLine],
                                                optional=True), "规划给定的出入口（点）或禁止开口路段（线） / the plan's "
            "entrances (points) or no-opening stretches (lines)")
        add(QgsProcessingParameterField(self.ENTRANCE_LABEL, self.tr("出入口标注字段（可选）"),
                                        parentLayerParameterName=self.ENTRANCES, optional=True), "如 类型 / e.g. type")
        add(QgsProcessingParameterNumber(self.MIN_AREA, self.tr("单独出图的最小面积（平方米）"),
                                         QgsProcessingParameterNumber.Double, 100.0, minValue=0.0),
            "面积更小的地块不单独出图，列入小地块清单页 / smaller plots go to a list page instead of a sheet")
        add(QgsProcessingParameterString(self.PROJECT_NAME, self.tr("项目名称"), defaultValue="小组团滚动开发实施方案"),
            "图签中的项目名称 / project name in the title block")
        for key, label in ((self.ORGANISATION, "编制单位"), (self.DRAFTED, "编制人"), (self.CHECKED, "审核人"),
                           (self.APPROVED, "审定人")):
            add(QgsProcessingParameterString(key, self.tr(label), optional=True),
                "图签中的姓名或单位，留空供手签 / in the title block; empty: left for a signature")
        add(QgsProcessingParameterString(self.DATE, self.tr("日期（留空为今天）"), optional=True),
            "图签中的日期 / date in the title block; empty: today")
        add(QgsProcessingParameterString(self.DRAWING_PREFIX, self.tr("图号前缀"), defaultValue="TZ-"),
            "图号 = 前缀 + 三位序号 / drawing number = prefix + 3-digit number")
        add(QgsProcessingParameterEnum(self.MODE, self.tr("输出方式"),
                                       [self.tr("一个多页 PDF"), self.tr("每页一个 PDF")], defaultValue=0),
            "多页 PDF 或每页一个 PDF / one multi-page PDF or one PDF per page")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("图则 PDF"), "PDF (*.pdf)"),
            "多页 PDF；按页输出时为同名文件夹 / the PDF; per page: a folder of the same name")
        add(QgsProcessingParameterFileDestination(self.OUTPUT_POINTS, self.tr("界址点坐标表（可选，CSV）"), "CSV (*.csv)",
                                                  optional=True), "全部地块的界址点坐标 / every plot's boundary points")
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("页数")))
        self.addOutput(QgsProcessingOutputNumber(self.SHEET_COUNT, self.tr("图则数")))
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("输出文件")))

    def _field(self, parameters, key, context):
        return self.parameterAsString(parameters, key, context) or None

    def _inputs(self, parameters, context, feedback, mcrs):
        from ...algorithms.export.atlas import load_road_rules
        from ...algorithms.export.sheet_content import SheetInputs

        rules_path = self.parameterAsFile(parameters, self.SETBACKS, context) or None
        rules, header = load_road_rules(rules_path)
        illustrative = any(r.status == "示意" for r in rules.values())
        note = ("退线、禁止开口距离为示意值，未引自标准，须按当地城市规划管理技术规定核定（resources/standards/road_setbacks.csv）"
                if illustrative else f"退线、禁止开口距离来源：{rules_path}")
        conflicts = None
        layers = self.parameterAsLayerList(parameters, self.CONFLICTS, context) or []
        if layers:
            import pandas as pd

            frames = [bridge.source_to_gdf(lyr, layer=bridge.layer_label(lyr), feedback=feedback,
                                           require_features=False, context=context) for lyr in layers]
            frames = [f.to_crs(mcrs) for f in frames if len(f) and "GZBH" in f.columns and "DKBH" in f.columns]
            conflicts = pd.concat(frames) if frames else None
        return SheetInputs(
            roads=bridge.read_any(self, parameters, self.ROADS, context, feedback, mcrs),
            road_name=self._field(parameters, self.ROAD_LABEL, context),
            road_class=self._field(parameters, self.ROAD_CLASS, context),
            road_width=self._field(parameters, self.ROAD_WIDTH, context),
            units=bridge.read_any(self, parameters, self.UNITS, context, feedback, mcrs),
            clusters=bridge.read_any(self, parameters, self.CLUSTERS, context, feedback, mcrs),
            conflicts=conflicts, road_rules=rules, road_rules_note=note)

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.crs import measurement_crs
        from ...algorithms.export.sheet_content import sheet_content
        from ...algorithms.export.sheet_geometry import survey_crs
        from ...algorithms.export.sheets import plot_sheet_table
        from ..printing import sheetlayers
        from ..printing.fonts import page_font

        gdf = self.read_plot_layer(parameters, context, feedback)
        # draw in the measurement CRS (the layer's own when projected in metres, else its CGCS2000 3° zone),
        # so that data in degrees is not shown stretched and the scale bar reads metres
        mcrs = measurement_crs(gdf.crs, layer=gdf.attrs.get("layer", ""), bounds=tuple(gdf.total_bounds))
        plots = gdf.to_crs(mcrs)
        table = plot_sheet_table(plots)
        inputs = self._inputs(parameters, context, feedback, mcrs)
        info = {"project": self.parameterAsString(parameters, self.PROJECT_NAME, context),
                "organisation": self.parameterAsString(parameters, self.ORGANISATION, context),
                "drafted": self.parameterAsString(parameters, self.DRAFTED, context),
                "checked": self.parameterAsString(parameters, self.CHECKED, context),
                "approved": self.parameterAsString(parameters, self.APPROVED, context),
                "date": self.parameterAsString(parameters, self.DATE, context) or datetime.date.today().isoformat()}
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        content = sheet_content(plots, table, inputs, info=info, min_area=min_area,
                                prefix=self.parameterAsString(parameters, self.DRAWING_PREFIX, context),
                                survey=survey_crs(gdf.crs, tuple(gdf.total_bounds)))
        family, note = page_font()
        if note:
            feedback.pushWarning(note)
        qcrs = bridge.pyproj_to_qgs(mcrs)
        project = QgsProject()
        project.setCrs(qcrs)
        extras = self._drawn_layers(parameters, context, feedback, mcrs)
        layers = sheetlayers.build_layers(content, table, plots, qcrs, inputs, extras)
        project.addMapLayers([lyr for lyr in sheetlayers.all_layers(layers)])
        x0, y0, x1, y1 = content.zone.bounds
        layout = sheetlayers.layout_for(project, layers, info, QgsRectangle(x0, y0, x1, y1), min_area)
        self._write_points(parameters, context, content)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        n_pages, n_sheets = len(content.coverage), int((content.coverage["YMLX"] == "sheet").sum())
        feedback.pushInfo(f"图则 / sheets: {n_sheets} 页图则，共 {n_pages} 页（封面、目录、小地块清单 {len(content.small)} 个）"
                          f" / {n_sheets} sheets, {n_pages} pages; font {family}; 界址点坐标 {content.survey_crs.name}")
        try:
            if self.parameterAsEnum(parameters, self.MODE, context) == 0:
                from ...algorithms.export.workbook import write_atomic
                from ..printing import plotsheet

                write_atomic(path, lambda tmp: plotsheet.export_single_pdf(layout, tmp, feedback))
                files = [path]
            else:
                files = self._per_page(layout, path, feedback)
        except RuntimeError as err:
            raise QgsProcessingException(f"图则导出失败 / exporting the plot sheets failed: {err}") from None
        return {self.OUTPUT: path if len(files) == 1 and files[0] == path else os.path.splitext(path)[0],
                self.PAGE_COUNT: n_pages, self.SHEET_COUNT: n_sheets, self.FILES: ";".join(files),
                self.OUTPUT_POINTS: self.parameterAsFileOutput(parameters, self.OUTPUT_POINTS, context) or None}

    def _drawn_layers(self, parameters, context, feedback, mcrs):
        """{style key: (GeoDataFrame in the drawing CRS, label field)} of the 一张图 layers and the entrances."""
        out = {}
        for key, style, _ in CONSTRAINTS:
            gdf = bridge.read_any(self, parameters, key, context, feedback, mcrs)
            if gdf is not None and len(gdf):
                cols = {c.upper(): c for c in gdf.columns}
                out[style] = (gdf, next((cols[n] for n in _NAME_FIELDS if n in cols), None))
        gdf = bridge.read_any(self, parameters, self.ENTRANCES, context, feedback, mcrs)
        if gdf is not None and len(gdf):
            out["entrances"] = (gdf, self._field(parameters, self.ENTRANCE_LABEL, context))
        return out

    def _write_points(self, parameters, context, content):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_POINTS, context)
        if not path:
            return
        from ...algorithms.export.workbook import write_atomic

        df = content.points[["DKBH", "JZDH", "HH", "T_X", "T_Y"]].rename(
            columns={"DKBH": "地块编号", "JZDH": "界址点号", "HH": "环号", "T_X": "X（北坐标，m）", "T_Y": "Y（东坐标，m）"})
        crs_line = f"# 坐标系 / CRS: {content.survey_crs.name} (EPSG:{content.survey_crs.to_epsg()})\n"
        write_atomic(path, lambda tmp: _write_csv(tmp, crs_line, df))

    @staticmethod
    def _per_page(layout, path, feedback):
        """Export into a temporary folder beside the target, then move the files into <stem>/ (whole or nothing)."""
        from ...algorithms.errors import InputError
        from ..printing import plotsheet

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


def _write_csv(path, first_line, df):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(first_line)
        df.to_csv(fh, index=False)
