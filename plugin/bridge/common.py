"""CRS, progress and findings between QGIS and the engine; the switches the bulk GeoPackage path shares."""
import os

from qgis.core import QgsCoordinateReferenceSystem

from ...algorithms.errors import InputError

#: features per Arrow batch and rows per INSERT batch: cancellation and progress are checked between batches
BATCH = 20_000


def bulk_enabled():
    """The bulk GeoPackage path is on unless the environment says ZUTUAN_BULK_IO=0 (everything then goes feature by
    feature through QGIS)."""
    return os.environ.get("ZUTUAN_BULK_IO", "1") != "0"


def check_cancel(feedback):
    if feedback is not None and feedback.isCanceled():
        from ...algorithms.errors import CancelledError
        raise CancelledError()


# ---------------------------------------------------------------------------------------------- CRS
def crs_to_pyproj(qcrs, layer=""):
    """pyproj CRS from a QgsCoordinateReferenceSystem (through WKT, never by splitting authid)."""
    from ...algorithms import _compat  # noqa: F401  (PROJ data directory)
    from pyproj import CRS

    if qcrs is None or not qcrs.isValid():
        raise InputError("E_NO_CRS", layer=layer)
    wkt = qcrs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)
    try:
        crs = CRS.from_wkt(wkt)
    except Exception:  # noqa: BLE001 - pyproj raises CRSError; fall back to the authority id
        crs = CRS.from_user_input(qcrs.authid())
    epsg = crs.to_epsg(min_confidence=90)
    return CRS.from_epsg(epsg) if epsg else crs


def pyproj_to_qgs(crs):
    epsg = crs.to_epsg(min_confidence=90)
    if epsg:
        return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    return QgsCoordinateReferenceSystem.fromWkt(crs.to_wkt())


# ----------------------------------------------------------------------------------------- progress
def progress_from_feedback(feedback, start=0.0, end=100.0):
    from ...algorithms.progress import Progress

    if feedback is None:
        return Progress(start=start, end=end)
    return Progress(lambda p, msg="": feedback.setProgress(p), feedback.isCanceled, feedback.pushInfo,
                    start=start, end=end)


def push_findings(feedback, findings, limit=50):
    """Repairs and notes found while reading, as Processing warnings/info (at most ``limit`` lines)."""
    for f in findings[:limit]:
        text = f"[{f.rule_id}] {f.code or ''} {f.message}".strip()
        if f.severity in ("warning", "error", "not_checked"):
            feedback.reportError(text, False) if f.severity == "error" else feedback.pushWarning(text)
        else:
            feedback.pushInfo(text)
    if len(findings) > limit:
        feedback.pushWarning(f"……另有 {len(findings) - limit} 条 / {len(findings) - limit} more")
