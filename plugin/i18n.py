"""One tr() with one fixed context for every user-visible string of the plugin."""
from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "zutuan"


def tr(text: str) -> str:
    """Translate a string literal (format after translating)."""
    return QCoreApplication.translate(CONTEXT, text)
