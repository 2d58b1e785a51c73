"""zutuan:idleland — 闲置与低效用地: idle land by 《闲置土地处置办法》 and low-efficiency land by the 亩均 profile."""
import datetime
import os

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFile,
)

from .. import bridge
from .base import ZutuanAlgorithm
from .mujun import MujunInputs

STYLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "monitoring",
                     "idle_land.qml")


class IdleLand(MujunInputs, ZutuanAlgorithm):
    LEDGER = "LEDGER"
    EVAL_DATE = "EVAL_DATE"
    IDLE = "IDLE"
    LOW = "LOW"

    ID = "idleland"
    DISPLAY = "闲置与低效用地"
    GROUP_ID = "monitoring"
    HELP_ZH = ("闲置土地按《闲置土地处置办法》（国土资源部令第53号）认定：供地台账（地块编号、约定动工日期，及实际动工、竣工、"
               "中止开发日期、已开发/应开发面积、已投资/总投资额、政府原因、土地价款）在评价日期时，超过约定动工日期满一年未动工的"
               "为闲置土地（第二条第一款），列出第十四条（一）征缴土地闲置费（土地价款的 20%）的程序；满两年的列出第十四条（二）"
               "无偿收回的程序；已动工但开发面积不足三分之一或投资不足 25%、中止开发满一年的“可以认定为闲置土地”（第二条第二款）；"
               "政府原因（第八条）按第十二条协商处置，不计闲置费。“满一年”按民法典第二百零一、二百零二条计算：约定动工日的次年对应日"
               "为期间最后一日，其后一日起为闲置（法定休假日顺延未计，临界日期提示核实）。低效用地按亩均效益评价配置的阈值（示意"
               "配置的阈值为示意值）。输出地块图层（闲置状态 XZZT、低效状态 DXZT）和清单（天数与条款）。")
    HELP_EN = ("Idle land by the 2012 Measures on the Disposal of Idle Land: from the supply ledger (plot code, agreed "
               "start date, and the actual start, completion and suspension dates, developed and due area, investment "
               "made and total, government cause, land price) on the evaluation date, land not started one full year "
               "after the agreed date is idle (art. 2 para. 1) with the fee step of art. 14 (1) (20 % of the land "
               "price); two years give the recovery step of art. 14 (2); started land under one third developed or "
               "25 % invested and suspended a full year may be found idle (art. 2 para. 2); a government cause (art. 8) "
               "goes to the options of art. 12 without a fee. Periods follow the Civil Code arts. 201-202 (holiday "
               "extension not applied; dates near the threshold are flagged). Low-efficiency land by the thresholds "
               "of the 亩均 profile. Writes a plot layer and a list with days and clauses.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_stats_parameters(stats_optional=True)
        self.add_param(QgsProcessingParameterFile(self.LEDGER, self.tr("供地台账（CSV/xlsx，可选）"), optional=True,
                                                  fileFilter="CSV / Excel (*.csv *.xlsx)"),
                       "每个已供地块一行：地块编号、约定动工日期（必需），实际动工日期、约定竣工日期、竣工日期、已开发面积、应开发面积、"
                       "已投资额、总投资额（不含土地价款）、中止开发日期、政府原因（是/否）、原因说明、土地价款 / one row per "
                       "supplied plot")
        self.add_param(QgsProcessingParameterDateTime(self.EVAL_DATE, self.tr("评价日期（可选）"),
                                                      QgsProcessingParameterDateTime.Date, optional=True),
                       "留空取今天 / empty: today")
        self.add_profile_parameters()
        self.add_layer_and_table("闲置与低效用地", "台账地块与有统计数据的地块：XZZT 闲置状态、XZTK 条款、XZTS 闲置天数、DXZT 低效"
                                 "状态 / plots with their idle and low-efficiency status", "闲置与低效用地清单",
                                 "闲置土地、低效用地、认定依据 / the lists and the clauses")
        self.addOutput(QgsProcessingOutputNumber(self.IDLE, self.tr("闲置土地地块数")))
        self.addOutput(QgsProcessingOutputNumber(self.LOW, self.tr("低效用地地块数")))

    def _date(self, parameters, context):
        value = parameters.get(self.EVAL_DATE)
        if value in (None, ""):
            return datetime.date.today()
        return self.parameterAsDateTime(parameters, self.EVAL_DATE, context).date().toPyDate()

    def run_engine(self, parameters, context, feedback):
        from ...algorithms.monitoring import idle_plots
        from ...algorithms.monitoring.sheets import idle_sheets

        ledger = self.parameterAsFile(parameters, self.LEDGER, context)
        if not ledger and not self.parameterAsFile(parameters, self.STATS, context):
            from ...algorithms.errors import InputError
            raise InputError("E_BAD_PARAMETER", name=self.LEDGER, value="—", reason_zh="至少给出供地台账或企业统计表之一",
                             reason_en="give the supply ledger or the statistics table, or both")
        plots, stats = self.read_stats(parameters, context, feedback)
        res = idle_plots(plots, ledger=ledger or None, stats=stats, on=self._date(parameters, context),
                         profile=self.load_profile(parameters, context), year=self._year(parameters, self.YEAR, context),
                         code_field=(self.parameterAsFields(parameters, self.CODE_FIELD, context) or ["DKBH"])[0])
        bridge.push_findings(feedback, res.findings)
        dest, path = self.write_layer_and_table(parameters, context, feedback, res.layer,
                                                idle_sheets(res.idle, res.low, res.findings), STYLE)
        feedback.pushInfo(f"闲置土地 {res.n_idle} 块，可认定闲置 {res.n_may}，低效用地 {res.n_low} 块 / idle {res.n_idle}, "
                          f"may be idle {res.n_may}, low efficiency {res.n_low}")
        return {self.OUTPUT: dest, self.OUTPUT_TABLE: path, self.IDLE: res.n_idle, self.LOW: res.n_low}
