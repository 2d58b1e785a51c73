"""The engine's exception classes: a stable code, English and Chinese messages.

The QGIS layer (plugin/bridge/) turns a :class:`ZutuanError` into a QgsProcessingException whose
text is "中文 / English"; scripts print the same two lines. Codes never change once released.
"""
from __future__ import annotations

__all__ = ["ZutuanError", "InputError", "CrsError", "GeometryError", "StandardError_", "CancelledError",
           "MESSAGES", "message"]

#: code -> (Chinese template, English template); templates use str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "E_EMPTY_LAYER": ("图层“{layer}”没有要素。", "Layer '{layer}' has no features."),
    "E_NO_CRS": ("图层“{layer}”没有坐标参考系，无法量算面积；请先在图层属性中指定坐标系。",
                 "Layer '{layer}' has no coordinate reference system, so areas cannot be measured; "
                 "set its CRS in the layer properties first."),
    "E_CRS_UNITS": ("图层“{layer}”的坐标系单位为“{units}”，不是米或度，无法量算。",
                    "Layer '{layer}' uses '{units}' as its unit, neither metres nor degrees; cannot measure it."),
    "E_OUTSIDE_CHINA": ("图层“{layer}”位于经度 {lon:.3f}°，不在 CGCS2000 三度带（75°E–135°E）范围内。",
                        "Layer '{layer}' lies at longitude {lon:.3f}°, outside the CGCS2000 3-degree zones "
                        "(75°E–135°E)."),
    "E_COORDS_CRS": ("图层“{layer}”的坐标（{coords}）不可能属于其坐标系 {crs}：{looks_zh}。{fix_zh}。",
                     "The coordinates of layer '{layer}' ({coords}) cannot belong to its CRS {crs}: {looks_en}. "
                     "To fix: {fix_en}."),
    "E_NOT_POLYGON": ("图层“{layer}”应为面图层，实际为“{geom_type}”。",
                      "Layer '{layer}' must hold polygons, it holds '{geom_type}'."),
    "E_MISSING_FIELD": ("图层“{layer}”缺少字段“{field}”（{alias}）。",
                        "Layer '{layer}' has no field '{field}' ({alias})."),
    "E_FIELD_NOT_FOUND": ("图层“{layer}”中找不到{alias}字段（{field}）：请在参数“{label}”（{param}）中选择{alias}所在的字段。",
                          "Layer '{layer}' has no {alias_en} field ({field}): choose the field holding the {alias_en} "
                          "in the parameter '{label}' ({param})."),
    "E_FIELD_TYPE": ("图层“{layer}”的字段“{field}”应为{expected}类型，实际为{actual}。",
                     "Field '{field}' of layer '{layer}' must be {expected}, it is {actual}."),
    "E_ALL_NULL_GEOMETRY": ("图层“{layer}”的所有要素都没有几何。",
                            "Every feature of layer '{layer}' has an empty geometry."),
    "E_BAD_PARAMETER": ("参数“{name}”取值无效：{value}（{reason_zh}）。",
                        "Parameter '{name}' has an invalid value: {value} ({reason_en})."),
    "E_NOT_LINE": ("图层“{layer}”应为线图层（道路中心线），实际为“{geom_type}”。",
                   "Layer '{layer}' must hold lines (road centre lines), it holds '{geom_type}'."),
    "E_EXPRESSION": ("参数“{name}”的表达式“{expression}”有误：{reason}",
                     "The expression '{expression}' of parameter '{name}' is invalid: {reason}"),
    "E_BAD_CODE": ("编码“{code}”不符合格式“{pattern}”。", "Code '{code}' does not match the format '{pattern}'."),
    "E_WRITE": ("无法写入输出“{path}”：{reason}", "Cannot write the output '{path}': {reason}"),
    "E_FILE_LOCKED": ("输出文件“{path}”正被其他程序（{app}）打开，请关闭后重试（{lock}）；原文件未被改动。",
                      "The output file '{path}' is open in another program ({app}); close it and try again "
                      "({lock}). The existing file was not changed."),
    "E_READ": ("无法读取“{path}”：{reason}", "Cannot read '{path}': {reason}"),
    "E_LOCAL_LOOSER": ("地方配置“{path}”第 {line} 行字段“{field}”（{scope}）的值 {value}{unit} 宽于国家约束性指标 "
                       "{national}{unit}（{source}），地方标准不得低于国家约束性指标，不予采用。",
                       "Local profile '{path}', line {line}, field '{field}' ({scope}): {value}{unit} is looser than "
                       "the national mandatory value {national}{unit} ({source}); refused."),
    "E_STANDARD": ("标准数据文件“{path}”第 {line} 行字段“{field}”有误：{reason_zh}",
                   "Standards file '{path}', line {line}, field '{field}': {reason_en}"),
    "E_ENCODING": ("图层“{layer}”的文字属性无法解码（乱码）。若为 GBK 编码的 Shapefile，请在 .shp 旁新建内容为 GBK 的 .cpg 文件，"
                   "或在图层属性 → 源 → 数据源编码 中选择 GBK。",
                   "The text attributes of layer '{layer}' cannot be decoded. For a GBK shapefile, add a .cpg file "
                   "containing GBK beside the .shp, or set Layer Properties → Source → Data source encoding to GBK."),
    "E_SCALE_DATUM": ("图层“{layer}”的基准（{source}）与地块的基准（{target}）不同，转换{accuracy_zh}；分区批量审查无法把边界附近的"
                      "冲突标为需核实，此规则未检查：请先把该图层转换到地块的基准，或在 QGIS 中用 zutuan:checkmasterplan 审查。",
                      "Layer '{layer}' is on another datum ({source}) than the plots ({target}), transformation "
                      "{accuracy_en}; a partitioned run cannot mark the conflicts near its boundary as to be verified, so "
                      "this rule is not checked: convert the layer to the plots' datum first, or run "
                      "zutuan:checkmasterplan in QGIS."),
    "E_SCALE_APART": ("图层“{layer}”的要素都不在地块范围内（多为坐标系错误），此规则未检查；若确实位于别处，请用 --elsewhere 声明。",
                      "No feature of layer '{layer}' lies in the plots' window (usually a wrong CRS), so this rule is "
                      "not checked; if it really lies elsewhere, declare it with --elsewhere."),
    "E_CANCELLED": ("用户已取消。", "Cancelled by the user."),
    "E_DEPENDENCY": ("缺少 Python 依赖 {package}；安装方法：{command}",
                     "The Python package {package} is missing; install it with: {command}"),
    # feasibility (issue 8)
    "E_PARAM_MISSING": ("测算参数“{name}”缺失（参数文件 {path}）。",
                        "The feasibility parameter '{name}' is missing (parameter file {path})."),
    "E_PARAM_NEGATIVE": ("测算参数“{name}”不能为负数或非数值：{value}。",
                         "The feasibility parameter '{name}' must be a non-negative number, it is {value}."),
    "E_RATE_PERCENT": ("参数“{name}” = {value} 像是百分数；请写成小数，例如 {suggest}。",
                       "Parameter '{name}' = {value} looks like a percentage; give it as a fraction, e.g. {suggest}."),
    "E_PHASE_NEVER_MATURES": ("第 {phase} 期永远无法成熟：{reason_zh}",
                              "Phase {phase} can never mature: {reason_en}"),
    # project table of the standards check (issue 14 item 7)
    "E_PROJECT_NO_CODE": ("项目表“{path}”没有地块编号列（查找的列名：{names}）；请用参数 {param} 指定地块编号所在的列。",
                          "The project table '{path}' has no plot-code column (looked for: {names}); name the column "
                          "with the parameter {param}."),
    "E_PROJECT_NO_INDICATOR": ("项目表“{path}”没有可识别的项目指标列；可用的列：{names}。",
                               "The project table '{path}' has no recognised indicator column; known columns: {names}."),
    "E_PROJECT_CELL": ("项目表“{path}”{where_zh}“{column}”列的值“{value}”{reason_zh}；请改正后重新运行，未写出任何结果。",
                       "Project table '{path}', {where_en}, column '{column}': '{value}' {reason_en}; correct it and "
                       "run again (nothing was written)."),
    "E_PROJECT_DUPLICATE": ("项目表“{path}”中地块“{plot}”出现多次（第 {lines} 行）；每个地块只能对应一个项目。",
                            "Plot '{plot}' appears more than once in the project table '{path}' (lines {lines}); "
                            "one project per plot."),
    "E_PROJECT_UNIT": ("项目表“{path}”的列“{column}”单位“{unit}”无法识别（可用：{allowed}）。",
                       "Project table '{path}', column '{column}': unknown unit '{unit}' (known: {allowed})."),
    "E_PROJECT_COLUMN_TWICE": ("项目表“{path}”的列“{a}”和“{b}”都表示{name}，请只保留一列。",
                               "Project table '{path}': columns '{a}' and '{b}' both mean {name}; keep one."),
    # monitoring (issue 19): tables read row by row, configuration files (profiles, 飞地 agreements, weights)
    "E_TABLE_COLUMNS": ("表“{path}”缺少必需的列：{missing}。已有的列：{found}。",
                        "The table '{path}' lacks the required columns: {missing_en}. Columns found: {found}."),
    "E_TABLE_ROWS": ("表“{path}”有 {count} 处错误，未写出任何结果（行号为表格中的行号，表头为第 1 行）：\n{details_zh}",
                     "The table '{path}' has {count} errors; nothing was written (row numbers as in the sheet, the "
                     "header is row 1):\n{details_en}"),
    "E_CONFIG": ("配置文件“{path}”中“{key}”有误：{reason_zh}", "In the file '{path}', '{key}' is wrong: {reason_en}"),
}


def message(code: str, **fields) -> tuple[str, str]:
    """Return the (Chinese, English) message for ``code`` filled with ``fields``."""
    zh, en = MESSAGES.get(code, ("{detail}", "{detail}"))
    try:
        return zh.format(**fields), en.format(**fields)
    except (KeyError, IndexError, ValueError):
        return f"{code}: {fields}", f"{code}: {fields}"


class ZutuanError(Exception):
    """Base class of every error the engine raises on purpose.

    ``code`` is stable; ``fields`` fill the templates in :data:`MESSAGES`.
    """

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        self.message_zh, self.message_en = message(code, **fields)
        super().__init__(f"[{code}] {self.message_en}")

    def bilingual(self) -> str:
        """'中文 / English' as shown to users."""
        return f"{self.message_zh}\n{self.message_en}"


class InputError(ZutuanError):
    """Bad input data: empty layer, wrong geometry type, missing field, bad parameter."""


class CrsError(InputError):
    """A layer without a CRS, or one that cannot be measured."""


class GeometryError(InputError):
    """Geometry that cannot be used even after repair."""


class StandardError_(ZutuanError):  # noqa: N801 - trailing underscore avoids shadowing the builtin name
    """A malformed standards or profile data file."""


class CancelledError(ZutuanError):
    """The user cancelled; raised by :func:`algorithms.progress.Progress.check`."""

    def __init__(self):
        super().__init__("E_CANCELLED")
