"""zutuan:cashflow — 现金流测算: 40-quarter cash flow, financing, sensitivity, targets, chart."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
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
    SUPPLY_MODE_FIELD = "SUPPLY_MODE_FIELD"
    DEFAULT_SUPPLY_MODE = "DEFAULT_SUPPLY_MODE"
    LAND_PRICE_FIELD = "LAND_PRICE_FIELD"
    OUTPUT_TORNADO = "OUTPUT_TORNADO"
    SUGGEST = "SUGGEST"
    SEARCH_SECONDS = "SEARCH_SECONDS"
    PEAK_LIMIT = "PEAK_LIMIT"
    LOCAL_PROFILE = "LOCAL_PROFILE"
    SUGGESTIONS = "SUGGESTIONS"
    OUTPUT_PLAN = "OUTPUT_PLAN"
    #: DEFAULT_SUPPLY_MODE options: index 0 = the parameter file's land_supply.default_mode
    MODES = (None, "出让", "弹性出让", "先租后让", "长期租赁")

    ID = "cashflow"
    DISPLAY = "现金流测算"
    GROUP_ID = "feasibility"
    HELP_ZH = ("按滚动开发分期（单元已有 KFFQ 时按其分期，否则按“滚动开发分期”的规则自动分期）逐季度测算 40 个季度的现金流："
               "需调整用地不计入，已供地不计征地、不再出让。收支来自规划本身：土地收入按地块用地类别的地价（参数文件 land_use "
               "表，地块地价字段优先）和供地方式（出让；弹性出让按年期修正系数；先租后让先收租金、期满收取剩余年期出让价款；"
               "长期租赁按季收租；供地方式字段或默认方式）计算；开发主体按用地类别的比例建设标准厂房，建筑面积 = 用地面积 × "
               "容积率（地块容积率下限 RJLXX），建安成本、售价和租金按用地类别，出租率按爬坡期上升；地均税收与产出强度取各地块"
               "的控制指标（DJSS、CCQD），其次取用地类别的值，企业投产后按爬坡期达产。征地拆迁、七通一平、道路（按道路图层的"
               "等级和长度）、市政管网、公共配套、运营等支出照常计算。测算起始季度取规划元数据的编制年份（或参数 START_YEAR），"
               "目标基准年取规划元数据 JZNF，摘要中写明来源。多个参与方：平台公司、按权益比例（及飞地税收分成）分配的合作方、"
               "政府资金（预算内投资补助、专项债，按参数的比例、额度、利率、期限和还本方式）和存量债务，各自的现金流、净现值与"
               "最大资金需求。输出 Excel 工作簿（测算摘要、分期表、现金流量表、组团与分期现金流、敏感性分析（地价、建设成本、"
               "去化速度、出租率、税收）、地价 × 出租率双因素表、发展目标、参与方汇总与各参与方现金流、调整建议、参数），可选 CSV、"
               "各期累计现金流图和敏感性龙卷风图（PNG/SVG）。勾选“搜索调整建议”时，在规则允许的范围内（用途调整须符合规划分区"
               "兼容表并按标准重新赋值控制指标，容积率在标准与地块上限之内，供地方式，分期顺序与每期规模；需调整用地不动）搜索达到净现值、"
               "资金峰值和发展目标且改动最少的方案，列入“调整建议”表并写入日志；搜索按随机种子确定、有时间上限。净现值与内部收益率"
               "由 numpy-financial 计算（融资前项目现金流）；融资计划按债务与资本金比例覆盖每季资金缺口。金额单位万元；默认参数"
               "仅为示意性假设，须以本开发区数据替换。")
    HELP_EN = ("Computes a 40-quarter cash flow of the phased plan (the units' KFFQ when filled, otherwise phased by the "
               "rolling-development rules; land set apart by a prohibiting rule is left out, supplied land is neither "
               "acquired nor sold again). The money comes from the plan: land income at each plot's land-use class "
               "price (the parameter file's land_use table; a plot's own price field wins) under its supply mode "
               "(出让 transfer; 弹性出让 flexible term with the term factor; 先租后让 rent, then the transfer of the "
               "remaining term; 长期租赁 rent; from a mode field or the default mode); standard factories built by the "
               "developer on its class's share of the land, floor area = area × FAR (the plot's RJLXX), with the "
               "class's construction cost, sale price and rent and an occupancy ramp; tax and output per hectare from "
               "each plot's controls (DJSS, CCQD), else its class, ramping up once enterprises produce. Acquisition, "
               "site preparation, roads by class and length, utilities, public facilities and operation as before. "
               "The start is the plan's year (metadata BZNF, or START_YEAR) and the base year the plan's JZNF, as the "
               "summary says. Several parties: the platform company, a partner with its equity share (and a 飞地 tax "
               "share), government funds (budget grant, special bonds with their share, cap, rate, term and "
               "repayment) and existing debt, each with its own cash flow, NPV and peak funding. Writes an Excel "
               "workbook (summary, phase table, quarterly cash flow, clusters and phases, sensitivity of land price, "
               "construction cost, absorption, occupancy and tax, a land price × occupancy table, 3- and 5-year "
               "targets, parties, suggestions, parameters), optionally a CSV, a chart of cumulative cash flow per "
               "phase and a tornado chart (PNG or SVG). With 'search suggestions' ticked it searches, within the rules "
               "(a use change must be allowed by the zoning table and takes the standard's controls, FAR within the "
               "standard and the plot's maximum, supply mode, phase order and size; land set apart is never touched), for the "
               "least-change plans reaching the NPV, peak-funding and development targets, listed in the 调整建议 "
               "sheet and the log; the search is seeded and time-bounded. NPV and IRR come from numpy-financial on "
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
        self._add_money_parameters(add)

    def _add_money_parameters(self, add):
        """Issue 20: supply modes, own land prices, tornado chart, the search for what to change."""
        add(QgsProcessingParameterField(self.SUPPLY_MODE_FIELD, self.tr("供地方式字段（可选）"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            "取值 出让/弹性出让/先租后让/长期租赁；已供地由供地状态决定 / supply mode per plot; supplied land is told by GDZT")
        add(QgsProcessingParameterEnum(self.DEFAULT_SUPPLY_MODE, self.tr("默认供地方式"),
                                       [self.tr("按参数文件 / as in the parameter file"), self.tr("出让 / transfer"),
                                        self.tr("弹性出让 / flexible-term transfer"),
                                        self.tr("先租后让 / lease then transfer"), self.tr("长期租赁 / long-term lease")],
                                       defaultValue=0),
            "没有供地方式的地块按此测算 / the mode of plots without their own")
        add(QgsProcessingParameterField(self.LAND_PRICE_FIELD, self.tr("地价字段（万元/公顷，可选）"),
                                        parentLayerParameterName=self.INPUT, optional=True),
            "地块自己的出让价，优先于参数文件按用地类别的地价 / a plot's own land price wins over the class rate")
        add(QgsProcessingParameterFileDestination(self.OUTPUT_TORNADO, self.tr("敏感性龙卷风图（可选）"),
                                                  "SVG (*.svg);;PNG (*.png)", optional=True, createByDefault=False),
            "各因素上下变动对净现值的影响 / NPV at each factor's lowest and highest step")
        add(QgsProcessingParameterBoolean(self.SUGGEST, self.tr("搜索调整建议"), defaultValue=True),
            "在规则允许的范围内搜索达到目标（净现值、资金峰值、发展目标）改动最少的方案 / search the least-change plans "
            "that reach the targets")
        add(QgsProcessingParameterNumber(self.SEARCH_SECONDS, self.tr("搜索时间上限（秒，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            "覆盖参数 search.seconds / overrides search.seconds")
        add(QgsProcessingParameterNumber(self.PEAK_LIMIT, self.tr("最大资金需求上限（万元，可选）"),
                                         QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            "覆盖参数 search.peak_funding_limit / overrides search.peak_funding_limit")
        add(QgsProcessingParameterFile(self.LOCAL_PROFILE, self.tr("地方配置文件（可选，YAML）"), extension="yaml",
                                       optional=True),
            "调整建议的容积率与用途须符合的地方标准配置 / the local profile the suggested FAR and uses must meet")
        add(QgsProcessingParameterFeatureSink(self.OUTPUT_PLAN, self.tr("调整后的地块（方案 1，可选）"),
                                              QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=False),
            "第一个调整方案应用后的全部地块（新用途及其控制指标、容积率、分期、供地方式 GDFS），可再审查与测算 / every "
            "plot with the first suggestion applied: a new plan version to check and compute again")
        self.addOutput(QgsProcessingOutputNumber(self.SUGGESTIONS, self.tr("达到目标的调整方案数")))

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

    def _suggest(self, parameters, context, feedback, phased, cash):
        """The search for what to change: its sheet, the count of plans reaching the targets, the result."""
        from ...algorithms.feasibility import suggest
        from ...algorithms.feasibility.search import suggestion_sheet
        from ...algorithms.standards import load_profile

        if not self.parameterAsBoolean(parameters, self.SUGGEST, context):
            return None, 0, None
        name = "gongye_2008"
        plan = self.parameterAsFile(parameters, self.PLAN, context)
        if plan:
            from ...algorithms.plan import read_metadata
            name = str(read_metadata(plan).get("BZPZ") or name)
        profile = load_profile(name, local=self.parameterAsFile(parameters, self.LOCAL_PROFILE, context) or None)
        res = suggest(phased, cash, profile=profile, price_field=self._field(parameters, self.LAND_PRICE_FIELD, context),
                      seconds=self._number(parameters, self.SEARCH_SECONDS, context),
                      peak_limit=self._number(parameters, self.PEAK_LIMIT, context),
                      progress=bridge.progress_from_feedback(feedback, 90, 99))
        feedback.pushInfo(f"调整建议 / suggestions: {res.note}（{res.evaluated} 个方案，{res.seconds:.1f} s）")
        for n, s in enumerate(res.suggestions, 1):
            moves = "；".join(m.text() for m in s["moves"])
            feedback.pushInfo(f"方案 {n}: {moves} → 净现值 / NPV {s['npv']:.0f} 万元（{s['npv'] - res.base['npv']:+.0f}），"
                              f"最大资金需求 / peak {s['peak_need']:.0f} 万元")
        return suggestion_sheet(res), sum(1 for s in res.suggestions if s["feasible"]), res

    def _write_version(self, parameters, context, feedback, layer, phased, cash, res):
        """OUTPUT_PLAN: the input with the first suggestion applied (nothing written when there is none)."""
        from ...algorithms.feasibility.search import plan_version

        if res is None or not res.suggestions or self.OUTPUT_PLAN not in parameters \
                or parameters.get(self.OUTPUT_PLAN) in (None, ""):
            return {}
        version = plan_version(phased, cash, res.suggestions[0],
                               mode_field=self._field(parameters, self.SUPPLY_MODE_FIELD, context))
        out = layer.source.copy()
        for col in version.columns:
            if col != "geometry":
                out[col] = version[col].reindex(out.index)
        dest = bridge.gdf_to_sink(self, parameters, self.OUTPUT_PLAN, context, out, crs=layer.crs, feedback=feedback)
        return {self.OUTPUT_PLAN: dest}

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.feasibility import cashflow, targets_table
        from ...algorithms.feasibility.tables import feasibility_sheets, write_tables

        progress = bridge.progress_from_feedback(feedback, 10, 50)
        layer, phased = self.run_phasing(parameters, context, feedback, progress,
                                     overrides=self._overrides(parameters, context),
                                     dates=self._dates(parameters, context))
        chart = self.parameterAsFileOutput(parameters, self.OUTPUT_CHART, context) or None
        cash = cashflow(phased, chart_path=chart, progress=bridge.progress_from_feedback(feedback, 50, 90),
                        tornado_path=self.parameterAsFileOutput(parameters, self.OUTPUT_TORNADO, context) or None,
                        mode_field=self._field(parameters, self.SUPPLY_MODE_FIELD, context),
                        price_field=self._field(parameters, self.LAND_PRICE_FIELD, context),
                        default_mode=self.MODES[self.parameterAsEnum(parameters, self.DEFAULT_SUPPLY_MODE, context)])
        bridge.push_findings(feedback, cash.findings)
        adjust, feasible, found = self._suggest(parameters, context, feedback, phased, cash)
        sheets = feasibility_sheets(phased, cash, targets_table(phased, cash), adjust)
        path = write_tables(self.parameterAsFileOutput(parameters, self.OUTPUT, context), sheets)
        s = cash.summary
        out = {self.OUTPUT: path, self.NPV: s["npv"], self.IRR: s["irr_annual"], self.PEAK_NEED: s["peak_need"],
               self.PEAK_QUARTER: s["peak_label"] or "", self.PAYBACK_QUARTER: s["payback_label"] or "",
               self.SUGGESTIONS: feasible}
        csv_path = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context)
        if csv_path:
            out[self.OUTPUT_CSV] = write_tables(csv_path, {"现金流量表": sheets["现金流量表"]})
        if cash.chart_path:
            out[self.OUTPUT_CHART] = cash.chart_path
        if cash.tornado_path:
            out[self.OUTPUT_TORNADO] = cash.tornado_path
        out.update(self._write_version(parameters, context, feedback, layer, phased, cash, found))
        feedback.pushInfo(f"净现值 / NPV {s['npv']:.2f} 万元; 内部收益率 / IRR {s['irr_annual']:.4f}; 最大资金需求 / peak "
                          f"need {s['peak_need']:.2f} 万元 ({s['peak_label']}); 回收 / payback {s['payback_label']}")
        for _, r in cash.parties.summary.iterrows():
            feedback.pushInfo(f"参与方 / party {r['party']}: 净现值 / NPV {r['npv']:.0f} 万元，最大资金需求 / peak "
                              f"{r['peak_need']:.0f} 万元")
        return out
