"""zutuan:cashflow — 现金流测算: 40-quarter cash flow, financing, sensitivity, targets, chart."""
from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .. import bridge
from .base import ZutuanAlgorithm
from .phasing import PhasingInputs


class Cashflow(PhasingInputs, ZutuanAlgorithm):
    START_YEAR = "START_YEAR"
    START_QUARTER = "START_QUARTER"
    DISCOUNT_RATE = "DISCOUNT_RATE"
    BASE_YEAR = "BASE_YEAR"
    OUTPUT = "OUTPUT"
    OUTPUT_CSV = "OUTPUT_CSV"
    OUTPUT_CHART = "OUTPUT_CHART"
    NPV = "NPV"
    IRR = "IRR"
    PEAK_NEED = "PEAK_NEED"
    PEAK_QUARTER = "PEAK_QUARTER"
    PAYBACK_QUARTER = "PAYBACK_QUARTER"
    PLOT_FIELDS = {"DKBH": False, "DYBH": False, "GDZT": False, "ZTBH": False}

    ID = "cashflow"
    DISPLAY = "现金流测算"
    GROUP_ID = "feasibility"
    HELP_ZH = ("按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流："
               "需调整用地不计入，已供地不计征地、不再出让；征地拆迁补偿、七通一平、道路（按道路图层的等级和长度）、市政管网、公共配套、标准厂房、运营等支出，土地出让、厂房销售与租金、"
               "运营服务、税收留成等收入，土地按去化速度逐季出让；地均税收与产出强度取各地块的控制指标（DJSS、CCQD），参数文件只补地块没有的值。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），目标基准年取规划元数据 JZNF（默认起始年的上一年），摘要中写明来源。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期"
               "现金流、敏感性分析（地价、建设成本、去化速度 ±10%/±20%）、发展目标（基准年后 3 年和 5 年）、参数），可选 CSV"
               "和各期累计现金流图（PNG/SVG）。净现值与内部收益率由 numpy-financial 计算（融资前项目现金流）；融资计划按债务"
               "与资本金比例覆盖每季资金缺口。金额单位万元；默认参数仅为示意性假设，须以本开发区数据替换。")
    HELP_EN = ("Computes a 40-quarter cash flow of the phased plan (the units' KFFQ when filled, otherwise phased by the "
               "rolling-development rules; land set apart by a prohibiting rule is left out, supplied land is neither acquired nor "
               "sold again): land acquisition, site preparation, roads by class and length, utilities, "
               "public facilities, standard factories and operation against land transfer revenue, factory sale and "
               "rent, services and the zone's tax share, with land absorbed quarter by quarter; tax and output per "
               "hectare are each plot's own controls (DJSS, CCQD), the parameter file filling only what a plot lacks; "
               "the start is the plan's year (metadata BZNF, or START_YEAR) and the base year the plan's JZNF, as the "
               "summary says. Writes an Excel "
               "workbook (summary, phase table, quarterly cash flow, clusters and phases, sensitivity of land price, "
               "construction cost and absorption by ±10% and ±20%, 3- and 5-year targets, parameters), optionally a CSV "
               "and a chart of cumulative cash flow per phase (PNG or SVG). NPV and IRR come from numpy-financial on "
               "the project flow before financing; the financing plan covers each quarter's gap with debt and equity. "
               "Amounts in 万元 (10,000 CNY); the default parameters are illustrative assumptions to be replaced.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_phasing_parameters()
        self.add_field_parameters(("ZTBH",))  # the clusters of the cash-flow sheets

        add = self.add_param
        add(QgsProcessingParameterNumber(self.START_YEAR, self.tr("测算起始年（可选）"), optional=True,
                                         minValue=1990, maxValue=2100),
            "优先于规划元数据的编制年份与参数 schedule.start_year / wins over the plan's year and the parameter file")
        add(QgsProcessingParameterNumber(self.START_QUARTER, self.tr("起始季度 1–4（可选）"), optional=True,
                                         minValue=1, maxValue=4),
            "覆盖参数 schedule.start_quarter / overrides schedule.start_quarter")
        add(QgsProcessingParameterNumber(self.DISCOUNT_RATE, self.tr("年折现率（小数，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            "小数，如 0.08 表示 8%；写成 8 会被拒绝 / a fraction: 0.08 means 8 %")
        add(QgsProcessingParameterNumber(self.BASE_YEAR, self.tr("发展目标基准年（可选）"), optional=True,
                                         minValue=1990, maxValue=2100),
            "默认取规划元数据的基准年，否则测算起始年的上一年 / default: the plan's base year, else the year before the "
            "start")
        add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("测算工作簿"), "Excel (*.xlsx)"),
            "输出 .xlsx：摘要、分期、现金流、敏感性、目标、参数 / the workbook to write")
        add(QgsProcessingParameterFileDestination(self.OUTPUT_CSV, self.tr("现金流量表 CSV（可选）"), "CSV (*.csv)",
                                                  optional=True, createByDefault=False),
            "逐季度现金流量表，UTF-8（带 BOM） / the quarterly table as CSV")
        add(QgsProcessingParameterFileDestination(self.OUTPUT_CHART, self.tr("累计现金流图（可选）"),
                                                  "PNG (*.png);;SVG (*.svg)", optional=True, createByDefault=False),
            "各期与全区累计净现金流折线图 / cumulative cash flow per phase")
        for key, label in ((self.NPV, "净现值（万元）"), (self.IRR, "内部收益率（年）"), (self.PEAK_NEED, "最大资金需求（万元）")):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString(self.PEAK_QUARTER, self.tr("最大资金需求季度")))
        self.addOutput(QgsProcessingOutputString(self.PAYBACK_QUARTER, self.tr("投资回收季度")))

    def _overrides(self, parameters, context):
        rate = self._number(parameters, self.DISCOUNT_RATE, context)
        return {} if rate is None else {"discount_rate": rate}

    def _dates(self, parameters, context):
        """START_YEAR / START_QUARTER / BASE_YEAR given here win over the plan's metadata and the parameter file."""
        out = {}
        for key, name in ((self.START_YEAR, "start_year"), (self.START_QUARTER, "start_quarter"),
                          (self.BASE_YEAR, "base_year")):
            value = self._number(parameters, key, context)
            if value is not None:
                out[name] = int(value)
        return out

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility import cashflow, targets_table
        from ...algorithms.feasibility.tables import feasibility_sheets, write_tables

        progress = bridge.progress_from_feedback(feedback, 10, 50)
        _, phased = self.run_phasing(parameters, context, feedback, progress,
                                     overrides=self._overrides(parameters, context),
                                     dates=self._dates(parameters, context))
        chart = self.parameterAsFileOutput(parameters, self.OUTPUT_CHART, context) or None
        cash = cashflow(phased, chart_path=chart, progress=bridge.progress_from_feedback(feedback, 50, 90))
        bridge.push_findings(feedback, cash.findings)
        sheets = feasibility_sheets(phased, cash, targets_table(phased, cash))
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT, context), sheets)
        s = cash.summary
        out = {self.OUTPUT: path, self.NPV: s["npv"], self.IRR: s["irr_annual"], self.PEAK_NEED: s["peak_need"],
               self.PEAK_QUARTER: s["peak_label"] or "", self.PAYBACK_QUARTER: s["payback_label"] or ""}
        csv_path = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context)
        if csv_path:
            out[self.OUTPUT_CSV] = write_tables(csv_path, {"现金流量表": sheets["现金流量表"]})
        if cash.chart_path:
            out[self.OUTPUT_CHART] = cash.chart_path
        feedback.pushInfo(f"净现值 / NPV {s['npv']:.2f} 万元; 内部收益率 / IRR {s['irr_annual']:.4f}; 最大资金需求 / peak "
                          f"need {s['peak_need']:.2f} 万元 ({s['peak_label']}); 回收 / payback {s['payback_label']}")
        return out
