"""Build the Graphical Modeler models in resources/models/ from the live algorithms (run inside real QGIS).

    source scripts/env.sh && .venv/bin/python scripts/build_models.py

The .model3 files are committed; the provider loads them (plugin/provider.py) so they appear in the Toolbox as
zutuan:plannerchain and zutuan:officialchain and run with qgis_process.bin. A test rebuilds them and checks that
the committed files are current. Open them in the Modeler to adapt the chain.
"""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource as Src,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

MODELS_DIR = os.path.join(ROOT, "resources", "models")
POLY = [QgsProcessing.TypeVectorPolygon]


HELP = {}  # model name → {parameter name: help}; stored in the model's help content (.model3 keeps no param help)


def _param(model, definition, help_text, x, y):
    definition.setHelp(help_text)
    HELP.setdefault(model.name(), {})[definition.name()] = help_text
    comp = QgsProcessingModelParameter(definition.name())
    comp.setPosition(QPointF(x, y))
    model.addModelParameter(definition, comp)


def _child(model, child_id, alg_id, desc, sources, outputs, x, y):
    """``sources``: param → Src; ``outputs``: child output → (model output name, description)."""
    c = QgsProcessingModelChildAlgorithm(alg_id)
    c.setChildId(child_id)
    c.setDescription(desc)
    c.setPosition(QPointF(x, y))
    for name, src in sources.items():
        c.addParameterSources(name, [src])
    outs = {}
    for child_out, (model_name, description) in outputs.items():
        o = QgsProcessingModelOutput(model_name, description)
        o.setChildOutputName(child_out)
        o.setChildId(child_id)
        o.setDefaultValue("TEMPORARY_OUTPUT")  # not given → a temporary file, so every output is optional
        o.setMandatory(False)
        o.setPosition(QPointF(x + 200, y + 40 * (len(outs) + 1)))
        outs[model_name] = o
    c.setModelOutputs(outs)
    model.addChildAlgorithm(c)
    return child_id


def _sample_constraints(model, x0):
    _param(model, QgsProcessingParameterFeatureSource("REDLINE", "生态保护红线", POLY, optional=True),
           "生态保护红线面 / ecological protection red line", x0, 60)
    _param(model, QgsProcessingParameterFeatureSource("FARMLAND", "永久基本农田", POLY, optional=True),
           "永久基本农田面 / permanent basic farmland", x0, 120)
    _param(model, QgsProcessingParameterFeatureSource("URBAN_BOUNDARY", "城镇开发边界", POLY, optional=True),
           "城镇开发边界面 / urban development boundary", x0, 180)
    _param(model, QgsProcessingParameterFeatureSource("ZONING", "规划分区", POLY, optional=True),
           "规划分区面 / planning zones", x0, 240)
    _param(model, QgsProcessingParameterField("ZONE_FIELD", "分区名称字段", "GHFQMC", "ZONING", optional=True),
           "规划分区名称字段，与分区兼容表对应 / zone name field", x0, 300)
    _param(model, QgsProcessingParameterRasterLayer("DEM", "数字高程模型 DEM", optional=True),
           "坡度审查用的 DEM（可选）/ DEM for the slope rule (optional)", x0, 360)
    _param(model, QgsProcessingParameterFile("LOCAL_PROFILE", "地方配置文件", extension="yaml", optional=True),
           "收紧国家标准的地方配置（YAML，可选）/ local profile tightening the national one (optional)", x0, 420)


def _checks(model, plots_src, x, fields=None):
    p = Src.fromModelParameter
    fields = fields or {}
    _child(model, "check_masterplan", "zutuan:checkmasterplan", "一张图符合性审查", {
        "INPUT": plots_src, **fields, "ECOLOGICAL_REDLINE": p("REDLINE"), "FARMLAND": p("FARMLAND"),
        "URBAN_BOUNDARY": p("URBAN_BOUNDARY"), "ZONING": p("ZONING"), "ZONE_FIELD": p("ZONE_FIELD"), "DEM": p("DEM")},
        {"CONFLICTS": ("MP_CONFLICTS", "一张图冲突图斑 / master-plan conflicts"),
         "REPORT": ("MP_REPORT", "一张图审查报告 / master-plan report")}, x, 60)
    _child(model, "check_standards", "zutuan:checkstandards", "用地标准审查", {
        "INPUT": Src.fromChildOutput("check_masterplan", "OUTPUT"), **fields, "LOCAL_PROFILE": p("LOCAL_PROFILE")},
        {"OUTPUT": ("PLOTS_REVIEWED", "审查结果地块 / reviewed plots"),
         "REPORT": ("STD_REPORT", "用地标准审查报告 / standards report")}, x, 200)


def planner_chain():
    m = QgsProcessingModelAlgorithm("plannerchain")
    p = Src.fromModelParameter
    _param(m, QgsProcessingParameterFeatureSource("CLUSTERS", "组团", POLY), "规划师划定的组团面 / clusters", 60, 60)
    _param(m, QgsProcessingParameterFeatureSource("ROADS", "规划道路中心线", [QgsProcessing.TypeVectorLine],
                                                  optional=True),
           "带等级（DLDJ）和红线宽度（HXKD）的道路中心线 / road centre lines with class and width", 60, 120)
    _param(m, QgsProcessingParameterFeatureSource("CADASTRE", "宗地", POLY, optional=True),
           "地籍宗地；GDZT = '已供地' 者保持完整 / cadastral parcels; supplied ones are kept whole", 60, 180)
    _sample_constraints(m, 60)
    _child(m, "units", "zutuan:subdivideunits", "组团划分单元",
           {"INPUT": p("CLUSTERS"), "ROADS": p("ROADS")},
           {"OUTPUT": ("UNITS", "单元 / units"), "OUTPUT_ROADS": ("ROAD_CORRIDORS", "道路红线用地 / road corridors")},
           400, 60)
    _child(m, "plots", "zutuan:subdivideplots", "单元划分地块",
           {"INPUT": Src.fromChildOutput("units", "OUTPUT"), "CADASTRE": p("CADASTRE"),
            "ROADS": Src.fromChildOutput("units", "OUTPUT_ROADS")}, {}, 400, 200)
    _child(m, "controls", "zutuan:assigncontrols", "赋值控制指标",
           {"INPUT": Src.fromChildOutput("plots", "OUTPUT"), "UNITS": Src.fromChildOutput("units", "OUTPUT"),
            "CLUSTERS": p("CLUSTERS"), "LOCAL_PROFILE": p("LOCAL_PROFILE")}, {}, 400, 340)
    _checks(m, Src.fromChildOutput("controls", "OUTPUT"), 700)
    _child(m, "table", "zutuan:exportindicatortable", "导出控制指标表",
           {"INPUT": Src.fromChildOutput("check_standards", "OUTPUT"), "UNITS": Src.fromChildOutput("units", "OUTPUT"),
            "CLUSTERS": p("CLUSTERS"), "FINDINGS": Src.fromChildOutput("check_masterplan", "CONFLICTS")},
           {"OUTPUT": ("WORKBOOK", "控制指标表 / indicator workbook (xlsx)")}, 1000, 60)
    _child(m, "sheets", "zutuan:exportplotsheets", "导出地块图则",
           {"INPUT": Src.fromChildOutput("check_standards", "OUTPUT"), "ROADS": p("ROADS"),
            "UNITS": Src.fromChildOutput("units", "OUTPUT")},
           {"OUTPUT": ("SHEETS", "地块图则 / plot sheets (PDF)")}, 1000, 200)
    m.setHelpContent({
        "ALG_DESC": "组团 → 单元 → 地块 → 控制指标 → 一张图与用地标准审查 → 控制指标表与地块图则，一次运行完成。\n"
                    "The planner's chain: clusters → units → plots → controls → both checks → indicator workbook and "
                    "plot sheets, in one run.",
        "ALG_CREATOR": "小组团 Planner", "ALG_VERSION": "0.1", **HELP["plannerchain"]})
    return m


def official_chain():
    m = QgsProcessingModelAlgorithm("officialchain")
    _param(m, QgsProcessingParameterFeatureSource("PLOTS", "地块", POLY),
           "待审查的地块面（任何来源，含 DKBH、YDYHFLDM 字段）/ plots to check, from any source", 60, 60)
    _param(m, QgsProcessingParameterField("CODE_FIELD", "地块编号字段", "DKBH", "PLOTS"),
           "地块编号所在字段 / the field holding the plot code", 60, 480)
    _param(m, QgsProcessingParameterField("LANDUSE_FIELD", "用地用海分类代码字段", "YDYHFLDM", "PLOTS"),
           "用地用海分类代码所在字段 / the field holding the land/sea-use code", 60, 540)
    _sample_constraints(m, 60)
    _checks(m, Src.fromModelParameter("PLOTS"), 400, fields={"CODE_FIELD": Src.fromModelParameter("CODE_FIELD"),
                                                           "LANDUSE_FIELD": Src.fromModelParameter("LANDUSE_FIELD")})
    _child(m, "table", "zutuan:exportindicatortable", "导出控制指标表",
           {"INPUT": Src.fromChildOutput("check_standards", "OUTPUT"),
            "FINDINGS": Src.fromChildOutput("check_masterplan", "CONFLICTS")},
           {"OUTPUT": ("WORKBOOK", "控制指标表 / indicator workbook (xlsx)")}, 700, 60)
    m.setHelpContent({
        "ALG_DESC": "国土部门审查流程：任意地块图层与“一张图”图层 → 一张图符合性审查、用地标准审查 → 报告与控制指标表。\n"
                    "The land official's chain: any plot layer and the master-plan layers → both checks → reports and "
                    "indicator workbook.",
        "ALG_CREATOR": "小组团 Planner", "ALG_VERSION": "0.1", **HELP["officialchain"]})
    return m


def build(folder=MODELS_DIR):
    os.makedirs(folder, exist_ok=True)
    paths = []
    for model in (planner_chain(), official_chain()):
        model.updateDestinationParameters()
        path = os.path.join(folder, f"{model.name()}.model3")
        if not model.toFile(path):
            raise RuntimeError(f"cannot write {path}")
        paths.append(path)
    return paths


if __name__ == "__main__":
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import zutuan

    plugin = zutuan.classFactory(None)  # keep a reference: the provider lives as long as the plugin object
    plugin.initProcessing()
    for p in build(sys.argv[1] if len(sys.argv) > 1 else MODELS_DIR):
        print(p)
