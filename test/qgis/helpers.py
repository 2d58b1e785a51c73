"""Building small layers for tests with the real QGIS API."""
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer


def memory_layer(wkts, *, crs="EPSG:4545", geom="Polygon", fields=(("DKBH", "string"),), attrs=None, name="t"):
    """A memory layer with one feature per WKT (None → null geometry)."""
    spec = f"{geom}?crs={crs}" if crs else f"{geom}"
    for fname, ftype in fields:
        spec += f"&field={fname}:{ftype}"
    vl = QgsVectorLayer(spec, name, "memory")
    feats = []
    for i, wkt in enumerate(wkts):
        f = QgsFeature(vl.fields())
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs[i]) if attrs else [f"Z01-01-{i + 1:02d}"][: len(fields)])
        feats.append(f)
    assert vl.dataProvider().addFeatures(feats)
    vl.updateExtents()
    return vl


class Capture(QgsProcessingFeedback):
    """A feedback that keeps what an algorithm logs: ``lines`` (everything) and ``warnings``."""

    def __init__(self):
        super().__init__()
        self.lines, self.warnings = [], []

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(text)
        self.warnings.append(text)

    def reportError(self, text, fatal=False):  # noqa: N802
        self.lines.append(text)
