"""Building small layers for tests with the real QGIS API."""
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


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
