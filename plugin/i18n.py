"""One tr() with one fixed context for every user-visible string of the plugin."""
from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "zutuan"


def tr(text: str) -> str:
    """Translate a string literal (format after translating)."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:  # noqa: N802 - the usual name of a no-op marker
    """Mark a literal for extraction (scripts/i18n.py) where tr() is applied later, e.g. in a table."""
    return text
