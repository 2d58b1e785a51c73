"""Sketching a cluster on the map: a map tool draws the polygon (vertices snap where the project's snapping is
configured, to roads or parcels say) and the dock previews its units and plots with the same algorithms
(zutuan:subdivideunits, then zutuan:subdivideplots through processing) from the panel's target plot area and minimum
width; the preview is kept (its layers stay in the project) or discarded (removed)."""
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..i18n import tr
from .roles import ROAD_CLASS_FIELDS, ROAD_WIDTH_FIELDS, first_field

PREVIEW = "zutuan/preview"  # custom property of preview layers: the dock never takes them for a role
SKETCH_CODE = "CG01"        # 草稿 cluster code of the sketch


class ClusterSketchTool(QgsMapTool):
    """Left click adds a vertex (snapped when the project's snapping finds a match), right click closes the polygon
    and calls ``done(QgsGeometry)``; Esc starts again."""

    def __init__(self, canvas, done):
        super().__init__(canvas)
        self.done = done
        self.points = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.band.setColor(QColor(230, 120, 0, 90))

    def add_point(self, point):
        self.points.append(QgsPointXY(point))
        self.band.addPoint(QgsPointXY(point))

    def finish(self):
        """The polygon of the vertices so far (None for fewer than three), handed to ``done``."""
        pts, self.points = self.points, []
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        if len(pts) < 3:
            return None
        geom = QgsGeometry.fromPolygonXY([pts + [pts[0]]])
        self.done(geom)
        return geom

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        from qgis.PyQt.QtCore import Qt

        if event.button() == Qt.RightButton:
            self.finish()
        else:
            self.add_point(event.snapPoint())  # the canvas's snapping utils: the project's snapping settings

    def keyPressEvent(self, event):  # noqa: N802
        self.points = []
        self.band.reset(QgsWkbTypes.PolygonGeometry)


class SketchPanel(QgsCollapsibleGroupBox):
    """绘制组团 → preview of units and plots → 保留 / 放弃."""

    def __init__(self, dock, parent=None):
        super().__init__(tr("草图组团"), parent)
        self.dock = dock
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.target_ha = QDoubleSpinBox()
        self.target_ha.setRange(0.05, 100)
        self.target_ha.setValue(1.0)
        self.target_ha.setSuffix(" " + tr("公顷"))
        form.addRow(tr("目标地块面积"), self.target_ha)
        self.min_width = QDoubleSpinBox()
        self.min_width.setRange(0, 1000)
        self.min_width.setSpecialValueText(tr("不限"))
        self.min_width.setSuffix(" m")
        form.addRow(tr("最小宽度"), self.min_width)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.draw_button = QPushButton(tr("绘制组团"))
        self.draw_button.clicked.connect(self.start)
        self.keep_button = QPushButton(tr("保留"))
        self.keep_button.clicked.connect(self.keep)
        self.discard_button = QPushButton(tr("放弃"))
        self.discard_button.clicked.connect(self.discard)
        for b in (self.draw_button, self.keep_button, self.discard_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.status = QLabel(tr("左键加点（按项目捕捉设置吸附），右键结束"))
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.layers, self.tool = [], None
        self._buttons()

    def _buttons(self):
        self.keep_button.setEnabled(bool(self.layers))
        self.discard_button.setEnabled(bool(self.layers))

    def start(self):
        canvas = self.dock.iface.mapCanvas() if self.dock.iface is not None else None
        if canvas is None:
            return None
        self.tool = ClusterSketchTool(canvas, self.preview)
        canvas.setMapTool(self.tool)
        return self.tool

    def close_down(self):
        """The dock is going away: the sketch tool leaves the canvas."""
        if self.tool is not None and self.tool.canvas().mapTool() is self.tool:
            self.tool.canvas().unsetMapTool(self.tool)
        self.tool = None

    def parameters(self):
        """zutuan:subdivideplots's area parameters from the target (its defaults' ratios: min ½, max 3×)."""
        target = self.target_ha.value() * 1e4
        return {"TARGET_AREA": target, "MIN_AREA": target / 2, "MAX_AREA": target * 3,
                "MIN_WIDTH": self.min_width.value()}

    def preview(self, geom, crs=None):
        """Units and plots of the polygon ``geom`` (map CRS, or ``crs``) as preview layers; (units, plots)."""
        import processing

        self.discard()
        crs = crs or QgsProject.instance().crs()
        cluster = QgsVectorLayer(f"Polygon?crs={crs.authid()}", tr("草图组团"), "memory")
        cluster.dataProvider().addAttributes([QgsField("ZTBH", QVariant.String)])
        cluster.updateFields()
        feat = QgsFeature(cluster.fields())
        feat.setGeometry(geom)
        feat.setAttributes([SKETCH_CODE])
        cluster.dataProvider().addFeatures([feat])
        params = {"INPUT": cluster, "OUTPUT": "memory:", "OUTPUT_ROADS": "memory:"}
        roads = self.dock.role("roads")
        if roads is not None:
            params.update(ROADS=roads, CLASS_FIELD=first_field(roads, ROAD_CLASS_FIELDS) or "",
                          WIDTH_FIELD=first_field(roads, ROAD_WIDTH_FIELDS) or "")
        try:
            units = processing.run("zutuan:subdivideunits", params)
            plot_params = {"INPUT": units["OUTPUT"], "OUTPUT": "memory:", **self.parameters()}
            if units["OUTPUT_ROADS"].featureCount():
                plot_params["ROADS"] = units["OUTPUT_ROADS"]
            if self.dock.role("cadastre") is not None:
                plot_params["CADASTRE"] = self.dock.role("cadastre")
            plots = processing.run("zutuan:subdivideplots", plot_params)
        except Exception as err:  # noqa: BLE001 - the algorithm's own bilingual message, shown in the dock
            self.status.setText(f"<span style='color:#b00'>{tr('预览失败')}：{err}</span>")
            return None
        self._add([cluster, units["OUTPUT"], plots["OUTPUT"]], [tr("草图组团"), tr("草图单元"), tr("草图地块")])
        area = geom.area() / 1e4 if crs.mapUnits() == QgsUnitTypes.DistanceMeters else None
        self.status.setText(f"{tr('预览')}：{int(units['N_UNITS'])} {tr('个单元')}，{int(plots['N_PLOTS'])} {tr('块地块')}"
                            + (f"，{area:,.2f} {tr('公顷')}" if area is not None else ""))
        return units["OUTPUT"], plots["OUTPUT"]

    def _add(self, layers, names):
        for lyr, name in zip(layers, names):
            lyr.setName(f"{name}（{tr('预览')}）")
            lyr.setCustomProperty(PREVIEW, True)
        QgsProject.instance().addMapLayers(layers)
        self.layers = [lyr.id() for lyr in layers]
        self._buttons()

    def keep(self):
        """The preview stays in the project (still never taken for a plan role)."""
        prj = QgsProject.instance()
        for lid in self.layers:
            lyr = prj.mapLayer(lid)
            if lyr is not None:
                lyr.setName(lyr.name().replace(f"（{tr('预览')}）", ""))
        kept, self.layers = len(self.layers), []
        self._buttons()
        self.status.setText(f"{tr('已保留')} {kept} {tr('个图层')}")
        return kept

    def discard(self):
        QgsProject.instance().removeMapLayers([lid for lid in self.layers if QgsProject.instance().mapLayer(lid)])
        self.layers = []
        self._buttons()
