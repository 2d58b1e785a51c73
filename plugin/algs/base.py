"""The shared base of every 小组团 Processing algorithm: ids, groups, help, error mapping, shared declarations.

``ZutuanAlgorithm.add_param`` declares a parameter with its help (translated) and the advanced flag;
``ZutuanAlgorithm.has_value`` answers "was this optional parameter given / this optional output requested?".
Mixins declare what several algorithms share, as QuickOSM does with its parameter mixins: ``PlotLayer`` (the plot
layer and the field parameters saying which of its fields hold the plot code, land use, unit, cluster, supply status
and industry) and ``ReviewOutputs`` (the reviewed plots, conflict polygons, HTML report and counts of
zutuan:checkmasterplan and zutuan:checkstandards).
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ..deps import INSTALL_HINT, missing_dependencies
from ..i18n import N_, tr

#: groupId -> Chinese group name (English in the translation file)
GROUPS = {"layout": N_("布局"), "controls": N_("指标"), "review": N_("审查"), "export": N_("导出"),
          "feasibility": N_("测算"), "monitoring": N_("监测")}


class ZutuanAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ID, DISPLAY, GROUP_ID, HELP_ZH, HELP_EN and implement ``run_engine``.

    ``processAlgorithm`` checks the dependencies, then calls ``run_engine`` and turns engine errors
    (ZutuanError) into a QgsProcessingException with the Chinese and English message.
    """

    ID = ""
    DISPLAY = ""
    GROUP_ID = "layout"
    HELP_ZH = ""
    HELP_EN = ""

    def name(self):
        return self.ID

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        translated = tr(self.HELP_ZH)
        if translated != self.HELP_ZH:  # QGIS in English: the English help alone
            return translated
        return f"{self.HELP_ZH}\n\n{self.HELP_EN}"

    def helpUrl(self):  # noqa: N802
        return f"https://github.com/zutuan-planner/zutuan/blob/main/docs/algorithms.md#{self.ID}"

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text):
        return tr(text)

    def add_param(self, p, help_text, advanced=False):
        """Add parameter ``p`` with its help (Chinese / English, translated) and, if asked, the advanced flag."""
        p.setHelp(self.tr(help_text))
        if advanced:
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(p)
        return p

    @staticmethod
    def has_value(parameters, key):
        """Was the optional parameter ``key`` given (an optional output: was it requested)?"""
        return parameters.get(key) not in (None, "")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        missing = missing_dependencies()
        if missing:
            raise QgsProcessingException(
                f"缺少 Python 依赖：{', '.join(missing)}\nMissing Python packages: {', '.join(missing)}\n{INSTALL_HINT}")
        from ...algorithms.errors import ZutuanError
        from ...algorithms.gcpause import paused_gc

        try:
            with paused_gc():       # no heap scans while a run builds its rows (algorithms/gcpause.py)
                return self.run_engine(parameters, context, feedback)
        except ZutuanError as err:
            raise QgsProcessingException(err.bilingual()) from None

    def run_engine(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError


#: schema field -> (field parameter id, label, help, advanced); the parameter's default is the schema name
FIELD_PARAMETERS = {
    "DKBH": ("CODE_FIELD", N_("地块编号字段"),
             N_("地块编号所在字段（默认 DKBH）；留空或图层没有该字段时识别常用名称（DKBM、ZDDM 等，见 "
                "resources/standards/field_variants.csv） / the field holding the plot code (DKBH by default); empty or "
                "absent: a usual name is recognised"), False),
    "YDYHFLDM": ("LANDUSE_FIELD", N_("用地用海分类代码字段"),
                 N_("用地用海分类代码（如 1001）所在字段（默认 YDYHFLDM）；留空或图层没有该字段时识别常用名称（YDDM、YDXZ、"
                    "DLBM 等） / the field holding the land/sea-use code (YDYHFLDM by default); empty or absent: a usual "
                    "name is recognised"), False),
    "DYBH": ("UNIT_FIELD", N_("单元编号字段"),
             N_("单元编号所在字段（默认 DYBH）；留空或图层没有该字段时识别常用名称 / the field holding the unit code "
                "(DYBH by default); empty or absent: a usual name is recognised"), True),
    "ZTBH": ("CLUSTER_FIELD", N_("组团编号字段"),
             N_("组团编号所在字段（默认 ZTBH）；没有时由单元或地块编号的前缀推出 / the field holding the cluster code (ZTBH "
                "by default); absent: from the unit or plot code prefix"), True),
    "GDZT": ("SUPPLIED_FIELD", N_("供地状态字段"),
             N_("供地状态所在字段（默认 GDZT），取值“已供地”为已供地 / the field holding the land supply status (GDZT "
                "by default)"), False),
    "HYDM": ("INDUSTRY_FIELD", N_("行业代码字段"),
             N_("GB/T 4754-2017 行业代码所在字段（默认 HYDM） / the field holding the GB/T 4754-2017 industry code (HYDM "
                "by default)"), True),
}


class PlotLayer:
    """The plot layer ``INPUT`` and its field parameters, and reading it with the schema's field names.

    A subclass sets ``PLOT_FIELDS`` = {schema field: needed?} (order = order of the parameters). A needed field
    that cannot be found stops the run naming its parameter; an optional one is logged and noted
    (``gdf.attrs["field_notes"]``). See plugin/bridge/read.py ``read_with_fields`` and algorithms/fields.py.
    """

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    UNIT_FIELD = "UNIT_FIELD"
    CLUSTER_FIELD = "CLUSTER_FIELD"
    SUPPLIED_FIELD = "SUPPLIED_FIELD"
    INDUSTRY_FIELD = "INDUSTRY_FIELD"
    PLOT_FIELDS = {}

    def add_plot_layer(self, label, help_text):
        """The plot layer parameter ``INPUT`` followed by its field parameters."""
        self.add_param(QgsProcessingParameterFeatureSource(self.INPUT, self.tr(label), [QgsProcessing.TypeVectorPolygon]),
                       help_text)
        self.add_field_parameters()

    def add_field_parameters(self, fields=None):
        """The field parameters of ``fields`` (default: every field of ``PLOT_FIELDS``), children of ``INPUT``."""
        for schema in fields or self.PLOT_FIELDS:
            key, label, help_text, advanced = FIELD_PARAMETERS[schema]
            self.add_param(QgsProcessingParameterField(key, self.tr(label), schema, self.INPUT, optional=True),
                           help_text, advanced)

    def read_plot_layer(self, parameters, context, feedback, *, optional=()):
        """The plot layer with the schema's field names (``optional``: fields not needed in this run after all)."""
        from .. import bridge

        fields = {schema: (FIELD_PARAMETERS[schema][0], needed and schema not in optional)
                  for schema, needed in self.PLOT_FIELDS.items()}
        return bridge.read_with_fields(self, parameters, self.INPUT, context, feedback, fields)

    @staticmethod
    def found(plots, schema):
        """The schema field's name when the plot layer has it (after reading), else None."""
        return schema if schema in plots.columns else None


class ReviewOutputs:
    """The outputs zutuan:checkmasterplan and zutuan:checkstandards share, declared and written once."""

    OUTPUT = "OUTPUT"
    CONFLICTS = "CONFLICTS"
    REPORT = "REPORT"
    N_OK = "N_OK"
    N_FAIL = "N_FAIL"
    N_VERIFY = "N_VERIFY"

    COUNT_OUTPUTS = ((N_OK, N_("合规地块数"), "合规"), (N_FAIL, N_("不合规地块数"), "不合规"),
                     (N_VERIFY, N_("需核实地块数"), "需核实"))

    def add_review_outputs(self, plots_help, conflicts_label, conflicts_help):
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("审查结果地块"),
                                                         QgsProcessing.TypeVectorPolygon), plots_help)
        self.add_param(QgsProcessingParameterFeatureSink(self.CONFLICTS, self.tr(conflicts_label),
                                                         QgsProcessing.TypeVectorPolygon, optional=True),
                       conflicts_help)
        self.add_param(QgsProcessingParameterFileDestination(self.REPORT, self.tr("审查报告（HTML）"), "HTML (*.html)",
                                                             optional=True), "中文报告，可打印为 PDF / Chinese report")
        for key, label, _ in self.COUNT_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def write_review_outputs(self, res, parameters, context, feedback):
        """OUTPUT, CONFLICTS, REPORT and the counts of a CheckResult. On a second thread the report is rendered (it
        reads the result only; QGIS-free) and then the conflicts' GeoPackage file built (bridge.BulkWrite: SQLite and
        GDAL only), while this thread writes the plots; the conflicts file is put in place and registered here, and the
        report saved once both layers are written."""
        from concurrent.futures import ThreadPoolExecutor

        from ...algorithms import __version__
        from ...algorithms.report import render_report, save_report
        from .. import bridge

        bridge.push_findings(feedback, [f for f in res.findings if not f.extra.get("conflict")])
        for r in res.rules:
            state = "已检查" if r.status == "checked" else f"未检查：{r.reason}"
            feedback.pushInfo(f"{r.rule_id} {r.rule_name}: {state}; 问题地块 {r.n_plots}，错误 {r.n_errors}，"
                              f"警告 {r.n_warnings}")
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        conflicts = None
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                text = pool.submit(render_report, res, plugin_version=__version__) if report else None
                if self.has_value(parameters, self.CONFLICTS):      # its file built after the report, same thread
                    conflicts = bridge.BulkWrite(self, parameters, self.CONFLICTS, context, res.conflicts, crs=res.crs,
                                                 feedback=feedback)
                    built = pool.submit(conflicts.build)
                out = {self.OUTPUT: bridge.gdf_to_sink(self, parameters, self.OUTPUT, context, res.plots,
                                                       crs=res.crs, feedback=feedback)}
                if conflicts is not None:
                    out[self.CONFLICTS] = built.result().finish()
                if report:
                    out[self.REPORT] = save_report(text.result(), report)
        finally:
            if conflicts is not None:
                conflicts.discard()         # a conflicts file built for a run that stopped is not kept
        counts = res.counts()
        out.update({key: counts.get(result, 0) for key, _, result in self.COUNT_OUTPUTS})
        feedback.pushInfo(f"合规 {out[self.N_OK]}，不合规 {out[self.N_FAIL]}，需核实 {out[self.N_VERIFY]}")
        return out
