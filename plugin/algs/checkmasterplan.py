"""zutuan:checkmasterplan — 一张图符合性审查: plots against control lines, 规划分区, other layers and slope."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import bridge
from ..i18n import N_
from .base import PlotLayer, ReviewOutputs, ZutuanAlgorithm

_POLY = [QgsProcessing.TypeVectorPolygon]


class CheckMasterPlan(PlotLayer, ReviewOutputs, ZutuanAlgorithm):
    DEFAULT_LANDUSE = "DEFAULT_LANDUSE"
    ECOLOGICAL_REDLINE = "ECOLOGICAL_REDLINE"
    FARMLAND = "FARMLAND"
    URBAN_BOUNDARY = "URBAN_BOUNDARY"
    ZONING = "ZONING"
    ZONE_FIELD = "ZONE_FIELD"
    ZONING_TABLE = "ZONING_TABLE"
    OTHER = "OTHER"
    OTHER_RULES = "OTHER_RULES"
    OTHER_NAMES = "OTHER_NAMES"
    DEM = "DEM"
    SLOPE_LIMIT = "SLOPE_LIMIT"
    TOLERANCE = "TOLERANCE"
    BOUNDARY_TOLERANCE = "BOUNDARY_TOLERANCE"
    WORKERS = "WORKERS"
    PARTITION_SIZE = "PARTITION_SIZE"
    PLOT_FIELDS = {"DKBH": False, "YDYHFLDM": False}  # each rule needs only its own fields (issue 15)
    ELSEWHERE = "ELSEWHERE"
    DATUM_TRANSFORM = "DATUM_TRANSFORM"
    DATUM_ACCURACY = "DATUM_ACCURACY"
    DATABASE = "DATABASE"
    ALIASES = "ALIASES"
    DATABASE_LAYERS = "DATABASE_LAYERS"

    ID = "checkmasterplan"
    DISPLAY = "一张图符合性审查"
    GROUP_ID = "review"
    HELP_ZH = ("将地块与国土空间总体规划“一张图”比对：生态保护红线、永久基本农田（建设用地不得占用）、城镇开发边界"
               "（建设用地须位于其内）、规划分区（按可编辑的分区—用地兼容表）、任意其他管控图层（不得占用 / 须位于其内 / "
               "接触即提示）以及 DEM 坡度（大于限值部分的比例）。各图层可为不同坐标系，统一投影到米制坐标系精确量算面积"
               "（与独立精确计算相差不超过 0.01 平方米）；同一图层内相互重叠的图斑不重复计算。小于容差的重叠和仅边界相接"
               "不算违规；设置“边界容差”后，小于该面积的禁止性冲突判为“需核实（疑似边界误差）”，报告写明所用阈值。"
               "报告给出每个地块和全部的冲突净面积（各规则冲突部分的并集，重叠只计一次）、总图和每个冲突地块的示意图"
               "（相邻地块、管控边界、指北针、比例尺）及按规则数据（resources/standards/review_actions.csv）的处理建议。"
               "也可直接指定交付的“一张图”数据库（GeoPackage、File Geodatabase、Shapefile 文件夹或 PostGIS 模式），按数据库标准的"
               "图层名称和字段（resources/standards/layer_roles.csv，可用别名表补充）识别各管控图层，日志和报告列出匹配结果，"
               "数据库中没有的图层其规则为“未检查”。"
               "提供了但为空或无法读取的图层，其规则标为“未检查”，不会当作通过；管控图层范围与地块范围不相交时"
               "（多为坐标系错误）该规则也为“未检查”，除非在“已知位于别处的图层”中声明。坐标与坐标系不符时停止并说明应改用"
               "的坐标系。管控图层与地块基准不同（如西安 1980、北京 1954 与 CGCS2000）而转换为粗略转换（ballpark）或精度差于"
               " 1 米时，报告和日志注明转换及其精度，距边界在该精度以内的冲突改为“需核实”；可在“基准转换参数”中填写省级公布的"
               "七参数（dx,dy,dz,rx,ry,rz,ds，单位 米、秒、ppm，位置矢量约定）或 PROJ 管道，并在“基准转换精度”中填写其精度；"
               "QGIS 工程中设置的基准转换也会采用。每条规则只需要自己的字段：缺少用地代码字段时仅规划分区规则未检查。"
               "输出：带审查结论的地块"
               "（合规 / 不合规 / 需核实）、冲突图斑（地块 × 规则 × 管控要素）和可打印为 PDF 的中文 HTML 报告。"
               "“建设用地”按 resources/standards/construction_land_codes.csv 判定。"
               "其他来源的地块图层：在字段参数中选择地块编号、用地代码等字段，留空时识别常用名称（resources/standards/field_variants.csv）；"
               "所选字段图层中没有时停止并指明参数；没有地块编号时以要素编号标识地块；输出另加数据模型字段（DKBH、YDYHFLDM…），原字段保留。")
    HELP_EN = ("Checks plots against the master plan's control lines: ecological red line and permanent basic farmland "
               "(construction land may not occupy them), urban development boundary (construction land must lie "
               "inside), planning zones (editable zone → land-use compatibility table), any other constraint layers "
               "(may not occupy / must lie inside / warn when touching) and DEM slope (share steeper than a limit). "
               "Layers may be in different CRSs; areas are exact in one projected metre CRS (within 0.01 m² of an "
               "independent exact computation) and overlapping polygons of one layer are not counted twice. Overlaps "
               "below the tolerance and edge contacts are not violations; with a boundary tolerance, a prohibiting "
               "conflict smaller than it is 需核实（疑似边界误差） (probable boundary mismatch) and the report states the "
               "threshold. The report gives the net area in conflict per plot and in total (the union of the conflict "
               "parts, overlaps counted once), an overview map and one map per conflicting plot (neighbours, "
               "constraint boundary, north arrow, scale) and the suggested action per finding from the rule data "
               "(resources/standards/review_actions.csv). A delivered 一张图 database (GeoPackage, File Geodatabase, "
               "folder of shapefiles or PostGIS schema) can be given instead: its layers are found by the database "
               "standards' names and fields (resources/standards/layer_roles.csv, extended by an alias table), the log "
               "and the report list what was matched, and a rule whose layer is not there is not checked. A layer given but empty or unreadable "
               "makes its rule 'not checked', never a pass; so does a constraint layer whose extent does not meet the "
               "plots' (usually a CRS slip) unless it is declared to lie elsewhere. Coordinates that cannot belong "
               "to their CRS stop the run naming the CRS to use. When a constraint layer is on another datum than "
               "the plots (Xian 1980, Beijing 1954 vs CGCS2000) and the transformation is a ballpark one or worse "
               "than 1 m, the report and the log name it with its accuracy and conflicts within that distance of a "
               "boundary become 需核实; a province's published 7 parameters (dx,dy,dz,rx,ry,rz,ds in m, arc-seconds, "
               "ppm, position-vector convention) or a PROJ pipeline can be given with their accuracy, and the QGIS "
               "project's datum transformations are used. Each rule needs only its own fields: without a land-use "
               "code field only the zoning rule is not checked. Outputs: plots with a result (合规 / 不合规 / 需核实), "
               "conflict polygons (plot × rule × constraint feature) and a Chinese HTML report that prints to PDF. "
               "Plot layers from elsewhere: choose the plot code and land-use fields in the field parameters, or leave "
               "them empty to have the usual names recognised (resources/standards/field_variants.csv); a chosen field "
               "that the layer lacks stops the run naming its parameter; without a plot code plots are named by "
               "feature id; outputs add the schema fields (DKBH, YDYHFLDM…) and keep the layer's own.")

    def initAlgorithm(self, config=None):  # noqa: N802
        add = self.add_param
        self.add_plot_layer("地块图层", "待审查的地块（任意来源）/ the plots to check")
        add(QgsProcessingParameterString(self.DEFAULT_LANDUSE, self.tr("缺省用地代码（可选）"), optional=True),
            "无代码字段或代码为空时使用，如审查工业组团填 1001 / used where a feature has no code, e.g. 1001")
        add(QgsProcessingParameterString(self.DATABASE, self.tr("一张图数据库（可选）"), optional=True),
            "交付的国土空间规划“一张图”数据库：GeoPackage、File Geodatabase 文件夹（.gdb）、Shapefile 文件夹或 PostGIS"
            "（PG:service=… schemas=…）；按数据库标准的图层名称和字段识别生态保护红线、永久基本农田、城镇开发边界、规划分区等"
            "（resources/standards/layer_roles.csv），下面单独指定的图层优先；找不到的图层为“未检查” / the delivered "
            "database (GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS): its control-line and "
            "zoning layers are found by the standard's names and fields; layers given below win; a layer not found is "
            "not checked")
        add(QgsProcessingParameterFile(self.ALIASES, self.tr("图层别名表（可选，CSV）"), extension="csv", optional=True),
            "本地图层名称补充：列 role（redline/farmland/urban/zoning/other）、name，可选 kind（exact/contains）、label、rule、"
            "source / local layer names extending the name table: columns role and name, optionally kind, label, rule, "
            "source")
        self._add_layers(add)
        self._add_limits(add)
        self._add_run_options(add)
        self.addOutput(QgsProcessingOutputString(self.DATABASE_LAYERS, self.tr("数据库图层匹配")))
        self.add_review_outputs("地块及 SCJL 审查结论、WTSL 问题数、CT_* 各规则冲突面积 / plots with results", "冲突图斑",
                                "地块 × 规则 × 管控要素 / conflict polygons")

    def _add_layers(self, add):
        """The 一张图 layers: the three control lines, the zones and further constraint layers."""
        add(QgsProcessingParameterFeatureSource(self.ECOLOGICAL_REDLINE, self.tr("生态保护红线（可选）"), _POLY,
                                                optional=True), "建设用地不得占用 / construction land may not occupy")
        add(QgsProcessingParameterFeatureSource(self.FARMLAND, self.tr("永久基本农田（可选）"), _POLY, optional=True),
            "建设用地不得占用 / construction land may not occupy")
        add(QgsProcessingParameterFeatureSource(self.URBAN_BOUNDARY, self.tr("城镇开发边界（可选）"), _POLY,
                                                optional=True), "建设用地须位于其内 / construction land must lie inside")
        add(QgsProcessingParameterFeatureSource(self.ZONING, self.tr("规划分区（可选）"), _POLY, optional=True),
            "规划分区 / 用途分区图层 / planning zones")
        add(QgsProcessingParameterField(self.ZONE_FIELD, self.tr("分区名称字段"), None, self.ZONING, optional=True),
            "分区名称所在字段，如 GHFQ（取值如“工业发展区”）/ field holding the zone name")
        add(QgsProcessingParameterFile(self.ZONING_TABLE, self.tr("分区兼容表（可选，CSV）"), extension="csv",
                                       optional=True),
            "分区 → 允许的用地代码；默认 resources/standards/zoning_compatibility.csv / zone compatibility table",
            advanced=True)
        add(QgsProcessingParameterMultipleLayers(self.OTHER, self.tr("其他管控图层（可选）"),
                                                 QgsProcessing.TypeVectorPolygon, optional=True),
            "如历史文化保护线、地质灾害风险区、洪涝风险控制线 / further constraint layers")
        add(QgsProcessingParameterString(self.OTHER_RULES, self.tr("其他图层的规则（逗号分隔）"),
                                         "forbid", optional=True),
            "按图层顺序：forbid 不得占用 / within 须位于其内 / touch 接触即提示；不足的按最后一个 / one rule per layer")
        add(QgsProcessingParameterString(self.OTHER_NAMES, self.tr("其他图层的名称（逗号分隔，可选）"),
                                         optional=True), "规则名称，如 历史文化保护线 / rule names")

    def _add_limits(self, add):
        """Slope and the area tolerances."""
        add(QgsProcessingParameterRasterLayer(self.DEM, self.tr("数字高程模型 DEM（可选）"), optional=True),
            "按栅格像元大小和坐标系计算坡度 / slope from the DEM's cell size and CRS")
        add(QgsProcessingParameterNumber(self.SLOPE_LIMIT, self.tr("坡度限值（度）"),
                                         QgsProcessingParameterNumber.Double, 25.0, minValue=0.1, maxValue=89.9),
            "大于此坡度的部分计入占比 / slopes above this count")
        add(QgsProcessingParameterNumber(self.TOLERANCE, self.tr("容差（平方米）"), QgsProcessingParameterNumber.Double,
                                         1.0, minValue=0.0), "小于此面积的重叠不算违规 / overlaps below this are ignored")
        add(QgsProcessingParameterNumber(self.BOUNDARY_TOLERANCE, self.tr("边界容差（平方米，0 为不启用）"),
                                         QgsProcessingParameterNumber.Double, 0.0, minValue=0.0),
            "地块与某条禁止性规则的冲突面积小于此值时判为“需核实（疑似边界误差）”而非不合规，报告写明所用阈值 / a "
            "prohibiting conflict smaller than this is 'to be verified (probable boundary mismatch)' instead of "
            "non-compliant; the report states the threshold")

    def _add_run_options(self, add):
        """Threads and partitions, layers known to lie elsewhere, the datum transformation."""
        add(QgsProcessingParameterNumber(self.WORKERS, self.tr("并行线程数（0 = CPU 核数）"),
                                         QgsProcessingParameterNumber.Integer, 0, minValue=0, maxValue=64),
            "大图层按空间分区在多个线程上审查，结果与单线程相同 / large layers are checked in spatial partitions on "
            "several threads, with the same result as one thread", advanced=True)
        add(QgsProcessingParameterNumber(self.PARTITION_SIZE, self.tr("分区地块数"),
                                         QgsProcessingParameterNumber.Integer, 100000, minValue=100),
            "每个分区的地块数；地块少于两个分区时不分区 / plots per partition; fewer than two partitions: no "
            "partitioning", advanced=True)
        add(QgsProcessingParameterEnum(self.ELSEWHERE, self.tr("已知位于别处的图层（可选）"),
                                       [self.tr(n) for n in _ELSEWHERE_NAMES], allowMultiple=True, optional=True),
            "范围与地块不相交也照常审查（否则为未检查）/ checked even when their extent does not meet the plots' "
            "(otherwise not checked)", advanced=True)
        add(QgsProcessingParameterString(self.DATUM_TRANSFORM, self.tr("基准转换参数（可选）"), optional=True),
            "管控图层基准 → 地块基准：七参数 dx,dy,dz,rx,ry,rz,ds（米、秒、ppm）或 PROJ 管道 / the constraint layers' "
            "datum → the plots': 7 Bursa-Wolf values (m, arc-seconds, ppm) or a PROJ pipeline", advanced=True)
        add(QgsProcessingParameterNumber(self.DATUM_ACCURACY, self.tr("基准转换精度（米，可选）"),
                                         QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.0),
            "所填参数或粗略转换的精度；距边界在此以内的冲突为需核实 / accuracy of the given or ballpark transformation; "
            "conflicts this close to a boundary are to be verified", advanced=True)

    def _constraint(self, parameters, key, context, feedback, **kw):
        """A ConstraintSpec for an optional layer: None when not given; read errors become 'not checked'."""
        from ...algorithms.checks import ConstraintSpec
        from ...algorithms.errors import ZutuanError

        if not self.has_value(parameters, key):
            return None
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return ConstraintSpec(layer=None, read_error=str(parameters.get(key)), **kw)
        try:
            gdf = bridge.source_to_gdf(source, layer=bridge.source_label(self, parameters, key, context, source),
                                       feedback=feedback, require_features=False, context=context,
                                       file=bridge.plain_file(self, parameters, key, context))
        except ZutuanError as err:
            if err.code == "E_COORDS_CRS":        # a CRS slip stops the run: never a rule quietly not checked
                raise
            return ConstraintSpec(layer=None, read_error=err.message_zh, **kw)
        return ConstraintSpec(layer=gdf, **_id_name_fields(gdf), **kw)

    def _others(self, parameters, context, feedback, elsewhere=False):
        from ...algorithms.checks import ConstraintSpec

        layers = self.parameterAsLayerList(parameters, self.OTHER, context) or []
        rules = [r.strip() for r in (self.parameterAsString(parameters, self.OTHER_RULES, context) or "forbid")
                 .split(",") if r.strip()] or ["forbid"]
        names = [n.strip() for n in (self.parameterAsString(parameters, self.OTHER_NAMES, context) or "").split(",")]
        out = []
        for k, layer in enumerate(layers):
            rule = rules[min(k, len(rules) - 1)]
            name = names[k] if k < len(names) and names[k] else bridge.layer_label(layer)
            try:
                gdf = bridge.source_to_gdf(layer, layer=bridge.layer_label(layer), feedback=feedback,
                                           require_features=False, context=context)
                out.append(ConstraintSpec(layer=gdf, rule=rule, name=name, elsewhere=elsewhere, **_id_name_fields(gdf)))
            except Exception as err:  # noqa: BLE001 - reported as a not-checked rule
                if getattr(err, "code", None) == "E_COORDS_CRS":
                    raise
                out.append(ConstraintSpec(layer=None, rule=rule, name=name, read_error=str(err)))
        return out

    def run_engine(self, parameters, context, feedback):
        import os

        from ...algorithms.checks import check_masterplan

        default_landuse = self.parameterAsString(parameters, self.DEFAULT_LANDUSE, context) or None
        plots = self.read_plot_layer(parameters, context, feedback, optional=("YDYHFLDM",) if default_landuse else ())
        zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context) or None
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        away = set(self.parameterAsEnums(parameters, self.ELSEWHERE, context))
        constraints = {
            key: self._constraint(parameters, pkey, context, feedback, elsewhere=k in away,
                                  **({"zone_field": zone_field} if key == "zoning" else {}))
            for k, (key, pkey) in enumerate((("ecological_redline", self.ECOLOGICAL_REDLINE),
                                             ("farmland", self.FARMLAND), ("urban_boundary", self.URBAN_BOUNDARY),
                                             ("zoning", self.ZONING)))}
        others = self._others(parameters, context, feedback, elsewhere=len(_ELSEWHERE_NAMES) - 1 in away)
        database = (self.parameterAsString(parameters, self.DATABASE, context) or "").strip()
        lines = (self._from_database(database, self.parameterAsFile(parameters, self.ALIASES, context) or None,
                                     constraints, others, feedback, context) if database else [])
        if database and not zone_field and constraints["zoning"] is not None:
            zone_field = constraints["zoning"].zone_field
        options = dict(
            code_field=self.found(plots, "DKBH"),
            landuse_field=self.found(plots, "YDYHFLDM") or "YDYHFLDM",  # absent: the engine makes zoning 未检查
            default_landuse=default_landuse,
            zoning_table=self.parameterAsFile(parameters, self.ZONING_TABLE, context) or None,
            dem=dem_layer.source() if dem_layer is not None else None,
            slope_limit=self.parameterAsDouble(parameters, self.SLOPE_LIMIT, context),
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            boundary_tolerance=self.parameterAsDouble(parameters, self.BOUNDARY_TOLERANCE, context),
            datum_transform=self.parameterAsString(parameters, self.DATUM_TRANSFORM, context) or None,
            datum_accuracy=(None if parameters.get(self.DATUM_ACCURACY) in (None, "") else
                            self.parameterAsDouble(parameters, self.DATUM_ACCURACY, context)))
        workers = self.parameterAsInt(parameters, self.WORKERS, context) or (os.cpu_count() or 1)
        size = self.parameterAsInt(parameters, self.PARTITION_SIZE, context) or 100000
        given = [c for c in list(constraints.values()) + others if c is not None]
        readable = all(c.read_error is None and c.missing is None for c in given)
        progress = bridge.progress_from_feedback(feedback, 5, 85)
        big = workers > 1 and len(plots) >= 2 * size and readable
        if big and not _partitions_plain(plots, given, options):
            big = False
            feedback.pushInfo("图层坐标系或基准与地块不同、或范围不相交：不分区审查，以便基准精度与范围核对照常进行 / "
                              "a constraint layer on another CRS or datum, or away from the plots: checked in one "
                              "piece so that the datum accuracy and extent rules apply")
        if big:
            res = _check_partitioned(plots, constraints, others, options, workers, size, zone_field, progress)
            feedback.pushInfo(f"分区并行审查 / partitioned check: {workers} 线程 / threads, 分区 {size} 地块 / plots")
        else:
            res = check_masterplan(plots, zone_field=zone_field, others=others, progress=progress, **constraints,
                                   **options)
        if lines:
            res.inputs["一张图数据库 / database"] = _safe(database)
            res.inputs["数据库图层匹配 / layers matched"] = "；".join(lines[1:]) or "—"
        out = self.write_review_outputs(res, parameters, context, feedback)
        out[self.DATABASE_LAYERS] = "\n".join(lines)
        return out

    def _from_database(self, database, aliases, constraints, others, feedback, context):
        """Fill the constraint layers not given from the 一张图 database: each rule's layer by the name table, a rule
        whose layer is not there 未检查; further control lines found become 'other' rules. Returns the log lines."""
        from ...algorithms.checks import ConstraintSpec
        from ...algorithms.yizhangtu import CHECK_ROLES, ROLE_LABELS, ZONE_NAME_FIELDS, find_roles, load_role_table

        match = find_roles(database, load_role_table(aliases=aliases))
        lines = [_safe(ln) for ln in match.lines()]
        for ln in lines:
            feedback.pushInfo(ln)
        for key, role in CHECK_ROLES.items():
            if constraints[key] is not None:
                continue
            m = match.matched.get(role)
            if m is None:
                why = (f"一张图数据库中未找到{ROLE_LABELS[role]}图层（按 resources/standards/layer_roles.csv"
                       + ("及别名表" if aliases else "") + "的名称和字段）",
                       f"no {role} layer found in the database by the name table" + (" and aliases" if aliases else ""))
                constraints[key] = ConstraintSpec(layer=None, missing=why)
                feedback.pushWarning(f"{why[0]} / {why[1]}")
                continue
            gdf = self._database_layer(m, feedback, context)
            kw = {"zone_field": _first_field(gdf, ZONE_NAME_FIELDS)} if key == "zoning" else {}
            constraints[key] = ConstraintSpec(layer=gdf, **_id_name_fields(gdf), **kw)
        given = {o.name for o in others}
        for m in match.others:
            if m.entry.label not in given:
                gdf = self._database_layer(m, feedback, context)
                others.append(ConstraintSpec(layer=gdf, rule=m.entry.rule or "touch", name=m.entry.label,
                                             **_id_name_fields(gdf)))
        return lines

    @staticmethod
    def _database_layer(match, feedback, context):
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(match.layer.uri, match.layer.name, "ogr")
        if not layer.isValid():
            from ...algorithms.errors import InputError

            raise InputError("E_READ", path=_safe(match.layer.uri), reason="QGIS 无法打开该图层 / QGIS cannot open it")
        return bridge.source_to_gdf(layer, layer=match.layer.name, feedback=feedback, require_features=False,
                                    context=context)


def _first_field(gdf, names):
    cols = {c.upper(): c for c in gdf.columns}
    return next((cols[n] for n in names if n in cols), None)


def _safe(text):
    """A connection string without its password (PG:… password=…)."""
    import re

    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", str(text), flags=re.I)


def _partitions_plain(plots, specs, options) -> bool:
    """True when the partitioned path gives what the single-piece check gives: every constraint layer in the plots'
    CRS (no datum shift to judge), its extent meeting the plots' (no 'layer elsewhere' rule), no user transformation.
    The partitions cut constraint layers to windows, where these two rules cannot be judged."""
    if options.get("datum_transform") or plots.crs is None:
        return False
    x0, y0, x1, y1 = plots.total_bounds
    for spec in specs:
        layer = spec.layer
        if layer is None or len(layer) == 0 or layer.crs is None or not layer.crs.equals(plots.crs):
            return False
        a0, b0, a1, b1 = layer.total_bounds
        if a0 > x1 or a1 < x0 or b0 > y1 or b1 < y0:
            return False
    return True


def _check_partitioned(plots, constraints, others, options, workers, size, zone_field, progress):
    """The same check on Hilbert partitions over threads (shapely 2 releases the GIL; no processes in QGIS)."""
    from ...algorithms.scale.runner import ConstraintInput, check_masterplan_scaled
    from ...algorithms.scale.sources import FrameSource

    inputs = []
    for key, spec in list(constraints.items()) + [(None, o) for o in others]:
        if spec is None:
            continue
        inputs.append(ConstraintInput(FrameSource(spec.layer, spec.name or key or ""), key=key, rule=spec.rule,
                                      name=spec.name, id_field=spec.id_field, name_field=spec.name_field,
                                      zone_field=spec.zone_field or (zone_field if key == "zoning" else None)))
    opts = dict(options)
    return check_masterplan_scaled(plots, inputs, out_plots=None, partition_size=size, scheduler="threads",
                                   workers=workers, progress=progress, code_field=opts.pop("code_field"),
                                   landuse_field=opts.pop("landuse_field"), engine_options=opts).result


#: the ELSEWHERE options, in the order of the constraint parameters (the last one: all further layers)
_ELSEWHERE_NAMES = (N_("生态保护红线"), N_("永久基本农田"), N_("城镇开发边界"), N_("规划分区"), N_("其他管控图层"))

#: usual id / name fields of 一张图 layers (国土空间规划数据库 practice), used when present
_ID_FIELDS = ("BSM", "TBBH", "YSDM", "HXBH", "FQBH", "ID")
_NAME_FIELDS = ("MC", "HXMC", "YSMC", "GHFQMC", "FQMC", "NAME")


def _id_name_fields(gdf) -> dict:
    cols = {c.upper(): c for c in gdf.columns}
    found = {}
    for key, names in (("id_field", _ID_FIELDS), ("name_field", _NAME_FIELDS)):
        hit = next((cols[n] for n in names if n in cols), None)
        if hit is not None:
            found[key] = hit
    return found
